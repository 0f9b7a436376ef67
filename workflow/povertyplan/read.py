"""Reading raw review files (.xlsx, .xls, .csv) into a table of raw cell values.

The reader finds the header (one or two rows, merged cells allowed) under any title
block, skips an index row (`A | B | 1 | 2 …`), takes the data rows down to the total row
(`Tổng cộng`), and counts every other row (title, header, blank, total, footer) so that
the ledger can account for each row of the file. Personal fields are never kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import python_calamine

from .columns import ColumnSpec
from .errors import DataError
from .text import nfc, normalise_label

EXCEL_SUFFIXES = {".xlsx", ".xls", ".xlsm"}
CSV_SUFFIXES = {".csv"}
RAW_SUFFIXES = EXCEL_SUFFIXES | CSV_SUFFIXES
HEADER_SEARCH_ROWS = 40
_INDEX_TOKEN = re.compile(r"^([a-z]|[ivx]+|\d+([=+\-−]\d+)*)$")


@dataclass
class RawTable:
    """The data rows of one raw file, as read, before any checking.

    `frame` has one column per canonical field found (values as read: text, or numbers
    for numeric Excel cells) and `source_row`, the row number the user sees in Excel
    (or the line number in a CSV file). `structure` counts the rows that are not data.
    """

    file: str
    sheet: str
    frame: pd.DataFrame
    headers: dict[str, str]
    structure: dict[str, int] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)


def cell_value(value: object) -> object:
    """A raw cell as text, or as a float for numeric cells; blank cells become ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return nfc(str(value)).strip()


def cell_text(value: object) -> str:
    """Any cell as display text (integral floats without `.0`)."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _excel_grids(path: Path) -> list[tuple[str, list[list[object]]]]:
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for unreadable files
        raise DataError(
            f"cannot be opened as an Excel workbook ({type(exc).__name__})",
            file=path.name,
            hint="open it in Excel and save it again as .xlsx",
        ) from None
    grids = []
    for meta in book.sheets_metadata:
        if str(meta.visible) not in {"Visible", "SheetVisibleEnum.Visible"}:
            continue
        sheet = book.get_sheet_by_name(meta.name)
        rows = sheet.to_python(skip_empty_area=False)
        grids.append((meta.name, [[cell_value(v) for v in row] for row in rows]))
    return grids


def _csv_grid(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"is not UTF-8 text (byte {exc.start})",
            file=path.name,
            hint="save it as 'CSV UTF-8' from Excel",
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return [[cell_value(v) for v in row] for row in rows]


def _row_fields(row: list[object], spec: ColumnSpec) -> dict[int, str]:
    found = {}
    for col, value in enumerate(row):
        if isinstance(value, str) and value:
            name = spec.field_for_header(value)
            if name:
                found[col] = name
    return found


def _is_blank(row: list[object]) -> bool:
    return all(v == "" for v in row)


def _is_index_row(row: list[object]) -> bool:
    cells = [normalise_label(cell_text(v)) for v in row if v != ""]
    return bool(cells) and all(_INDEX_TOKEN.match(c) for c in cells)


def _is_total_row(row: list[object], spec: ColumnSpec, id_col: int) -> bool:
    texts = [normalise_label(v) for v in row if isinstance(v, str) and v][:3]
    labelled = any(
        t == label or t.startswith(label + " ") for t in texts for label in spec.total_row_labels
    )
    # A total row carries no household ID (the label may stand in the ID column itself).
    own_id = normalise_label(cell_text(row[id_col]))
    return labelled and (own_id == "" or own_id in texts)


def _find_header(grid: list[list[object]], spec: ColumnSpec) -> int | None:
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if "household_id" in _row_fields(row, spec).values():
            return index
    return None


def _table_from_grid(
    grid: list[list[object]], spec: ColumnSpec, file: str, sheet: str, header_at: int
) -> RawTable:
    width = max(len(r) for r in grid)
    grid = [list(r) + [""] * (width - len(r)) for r in grid]
    upper = grid[header_at]
    id_col = next(c for c, n in _row_fields(upper, spec).items() if n == "household_id")
    headers = [cell_text(v) for v in upper]
    header_rows = 1
    below = grid[header_at + 1] if header_at + 1 < len(grid) else None
    if below is not None and below[id_col] == "" and _row_fields(below, spec):
        headers = [cell_text(lo) if lo != "" else up for up, lo in zip(headers, below, strict=True)]
        header_rows = 2
    mapped: dict[str, int] = {}
    ignored: list[str] = []
    for col, header in enumerate(headers):
        name = spec.field_for_header(header)
        if name is None:
            if header:
                ignored.append(header)
            continue
        if name in mapped:
            raise DataError(
                f"two columns mean '{name}': '{headers[mapped[name]]}' and '{header}'",
                file=file,
                row=header_at + header_rows,
                hint="delete or rename one of them",
            )
        mapped[name] = col
    missing = [name for name in spec.required if name not in mapped]
    if "commune" not in mapped:
        missing.append("commune")
    if missing:
        wanted = "; ".join(f"{m} ('{spec.fields[m].aliases[0]}')" for m in missing)
        have = ", ".join(f"'{h}'" for h in headers if h)
        raise DataError(
            f"required columns are missing: {wanted}; the headers found are {have}",
            file=file,
            row=header_at + 1,
            hint="rename the header to one listed in config/columns.yaml, or add an alias there",
        )
    structure = {
        "title": header_at,
        "header": header_rows,
        "index": 0,
        "blank": 0,
        "total": 0,
        "footer": 0,
    }
    data_rows: list[int] = []
    start = header_at + header_rows
    after_total = False
    members_col = mapped["members"]
    for index in range(start, len(grid)):
        row = grid[index]
        if _is_blank(row):
            structure["blank"] += 1
        elif index == start and _is_index_row(row):
            structure["index"] += 1
        elif _is_total_row(row, spec, id_col):
            structure["total"] += 1
            after_total = True
        elif after_total and (row[id_col] == "" or row[members_col] == ""):
            structure["footer"] += 1
        else:
            data_rows.append(index)
    keep = {name: col for name, col in mapped.items() if name not in spec.personal}
    frame = pd.DataFrame(
        {
            name: pd.Series([grid[i][col] for i in data_rows], dtype=object)
            for name, col in keep.items()
        }
    )
    frame["source_row"] = pd.Series([i + 1 for i in data_rows], dtype="int64")
    return RawTable(
        file=file,
        sheet=sheet,
        frame=frame,
        headers={name: headers[col] for name, col in keep.items()},
        structure=structure,
        ignored_columns=ignored,
    )


def read_raw_file(path: str | Path, spec: ColumnSpec) -> RawTable:
    """Read one raw file into a RawTable.

    Excel workbooks: the first visible sheet with a recognisable header is read; the other
    sheets are listed in `ignored_sheets`. Raises DataError (one line, naming the file)
    when the file cannot be read or has no usable header.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in RAW_SUFFIXES:
        raise DataError(
            f"has the extension '{suffix}', which is not read",
            file=path.name,
            hint="send .xlsx, .xls or .csv files",
        )
    if suffix in CSV_SUFFIXES:
        grids = [("", _csv_grid(path))]
    else:
        grids = _excel_grids(path)
    for number, (sheet, grid) in enumerate(grids):
        if not grid:
            continue
        header_at = _find_header(grid, spec)
        if header_at is None:
            continue
        table = _table_from_grid(grid, spec, path.name, sheet, header_at)
        table.ignored_sheets = [name for i, (name, _) in enumerate(grids) if i != number]
        return table
    aliases = ", ".join(f"'{a}'" for a in spec.fields["household_id"].aliases[:3])
    raise DataError(
        "no header row with a household ID column was found"
        + (" in any sheet" if len(grids) > 1 else ""),
        file=path.name,
        hint=f"the header must have a column named {aliases}",
    )
