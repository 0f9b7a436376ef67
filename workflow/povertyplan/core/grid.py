"""A sheet's cells stored by column, the reader's working surface.

A commune file of a million households is a million rows but only twenty-odd columns, so
the reader works on whole columns: the masks that find the plain household rows, the
encoding checks, the frame of data rows and the counts of cells right of the header are
column operations (numpy, pyarrow). Only the few rows that need a closer look (the title
block and the header, the rows that are not plainly households, the signature block)
are read as rows, through `grid[i]`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


class Grid:
    """The cells of one sheet: `column(c)[r]` is the value at row r, column c (text, a
    float for a numeric Excel cell, '' when blank, or a CellError).

    A column may be held as codes into its distinct values (a CSV file's, as pyarrow
    dictionary-encodes them): it is spelled out as a column of values only when asked
    for whole (`column`), so that the name and ID-number columns of a million rows,
    never kept, are never spelled out, and the kept ones only for their data rows
    (`cells`).

    `grid[r]` is row r as a new list (changing it changes nothing), `grid[a:b]` a list
    of such rows; `set` changes a cell. `text_only` says every cell is text (a CSV file);
    `wide` gives, for some columns, their distinct texts that are not plain ASCII, when
    the reader knows them.
    """

    def __init__(
        self,
        columns: list[np.ndarray | None],
        height: int,
        text_only: bool = False,
        distinct: list[list[object]] | None = None,
        codes: list[np.ndarray | None] | None = None,
        wide: dict[int, list[str]] | None = None,
    ) -> None:
        self._columns = columns
        self.height = height
        self.text_only = text_only
        self._wide: dict[int, list[str]] = dict(wide or {})
        self._distinct: dict[int, list[object]] = {
            col: values for col, values in enumerate(distinct or []) if values is not None
        }
        self._codes: dict[int, tuple[np.ndarray, np.ndarray]] = {
            col: (positions, objects(self._distinct[col]))
            for col, positions in enumerate(codes or [])
            if positions is not None
        }

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[object]], text_only: bool = False) -> Grid:
        """A grid of rows of any lengths, short rows padded with ''."""
        width = max((len(row) for row in rows), default=0)
        padded = [
            list(row) + [""] * (width - len(row)) if len(row) < width else row for row in rows
        ]
        columns = [objects(column) for column in zip(*padded, strict=True)] if padded else []
        return cls(columns, len(rows), text_only)

    def __len__(self) -> int:
        return self.height

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self._columns)

    def __getitem__(self, index: int | slice) -> list[object] | list[list[object]]:
        if isinstance(index, slice):
            return [self.row(i) for i in range(*index.indices(self.height))]
        return self.row(index)

    def row(self, index: int) -> list[object]:
        """Row `index` as a new list."""
        if index < 0:
            index += self.height
        if not 0 <= index < self.height:
            raise IndexError(index)
        return [self.cells(col, index) for col in range(self.width)]

    def column(self, col: int) -> np.ndarray:
        """Column `col` as an object array of its values (kept: change it only through
        `set`, `fill` or `set_column`)."""
        if self._columns[col] is None:
            self._columns[col] = self.cells(col, slice(None))
        return self._columns[col]

    def cells(self, col: int, rows: int | slice | np.ndarray) -> object:
        """The values of column `col` at `rows` (a position, a slice or an index array),
        without spelling out the whole column."""
        if self._columns[col] is None:
            positions, values = self._codes[col]
            return values[positions[rows]]
        return self._columns[col][rows]

    def series(self, col: int, rows: slice | np.ndarray) -> pd.Series:
        """The values of column `col` at `rows` as a Series: categorical (codes into the
        distinct values) when the column is held as codes and repeats its values, as a
        village or a status does, else of objects."""
        if self._columns[col] is None:
            positions, values = self._codes[col]
            codes = positions[rows]
            if 2 * len(values) <= len(codes):
                # two texts may read the same once normalised: the categories are unique
                same, distinct = pd.factorize(values)
                return pd.Series(
                    pd.Categorical.from_codes(
                        same[codes], categories=pd.Index(distinct, dtype=object), validate=False
                    )
                )
        return pd.Series(self.cells(col, rows), dtype=object)

    def blank(self, col: int, rows: slice | np.ndarray) -> np.ndarray:
        """Whether each cell of column `col` at `rows` is blank ('')."""
        if self._columns[col] is None:
            positions, values = self._codes[col]
            return (values == "")[positions[rows]]
        return self._columns[col][rows] == ""

    def values_in(self, col: int, rows: slice | np.ndarray) -> set[object]:
        """The distinct values of column `col` at `rows`."""
        if self._columns[col] is None:
            positions, values = self._codes[col]
            present = np.zeros(len(values), dtype=bool)
            present[positions[rows]] = True
            return set(values[present].tolist())
        return set(self._columns[col][rows])

    def set(self, row: int, col: int, value: object) -> None:
        """Change one cell."""
        self.column(col)[row] = value
        self._changed(col)

    def fill(self, col: int, start: int, stop: int, value: object) -> None:
        """Give rows `start` to `stop` (excluded) of column `col` one value."""
        self.column(col)[start:stop] = [value] * (stop - start)
        self._changed(col)

    def set_column(self, col: int, values: np.ndarray) -> None:
        """Replace a whole column."""
        self._columns[col] = values
        self._changed(col)

    def _changed(self, col: int) -> None:
        self._wide.pop(col, None)
        self._distinct.pop(col, None)
        self._codes.pop(col, None)

    def distinct(self, col: int) -> list[object]:
        """The distinct values of column `col` (known from the reader's dictionary for a
        CSV file; may repeat a value there)."""
        if col not in self._distinct:
            self._distinct[col] = pd.unique(self.column(col)).tolist()
        return self._distinct[col]

    def wide_texts(self, col: int) -> list[str]:
        """The distinct texts of column `col` that are not plain ASCII (none: the column
        holds no text typed in a legacy encoding and nothing to normalise)."""
        if col not in self._wide:
            # a column held as values is read once, without finding its distinct values
            values = self._columns[col]
            if values is None or col in self._distinct:
                values = self.distinct(col)
            self._wide[col] = list(
                dict.fromkeys(v for v in values if type(v) is str and not v.isascii())
            )
        return self._wide[col]

    def is_ascii(self, col: int) -> bool:
        """Whether every text of column `col` is plain ASCII."""
        return not self.wide_texts(col)


def objects(values: Sequence[object]) -> np.ndarray:
    """An object array of exactly these values (numpy never turns them into its own
    types)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array
