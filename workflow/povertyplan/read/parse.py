"""Parsing raw cell values (text as typed, or numbers from Excel) into typed columns.

Every parser works once per distinct raw value and returns the parsed column together
with a mask of the values it could not read, so that the cleaner can reject those rows
with a reason instead of dropping them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..core.numbers import number_from_text
from ..core.text import normalise_label


def distinct_values(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(the position of each cell's value among the distinct values, the distinct
    values), found in C (`pd.factorize`); a missing value is one of them."""
    if isinstance(values.dtype, pd.CategoricalDtype):  # already codes into its values
        return values.cat.codes.to_numpy(), np.asarray(values.cat.categories, dtype=object)
    positions, distinct = pd.factorize(values, use_na_sentinel=False)
    return positions, np.asarray(distinct, dtype=object)


def map_distinct(
    values: pd.Series,
    func: Callable[[object], object],
    unchanged: Callable[[np.ndarray], np.ndarray] | None = None,
    dtype: str | None = None,
) -> pd.Series:
    """`values.map(func)`, with `func` called once per distinct value (a column of a
    million cells holds a few hundred distinct words): the results, of `dtype` (else
    inferred), are spread back by position. `unchanged`, given the distinct values, marks
    those `func` would return as they are, so that a column of a million distinct codes
    is decided on whole columns too."""
    if values.empty:
        return values.map(func) if dtype is None else values.map(func).astype(dtype)
    positions, distinct = distinct_values(values)
    keep = unchanged(distinct) if unchanged is not None else np.zeros(len(distinct), bool)
    results = pd.Series(
        [value if kept else func(value) for value, kept in zip(distinct, keep, strict=True)],
        dtype=dtype,
    )
    return pd.Series(results.array.take(positions), index=values.index)


def parse_number(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Float64 column (NA for blank) and the mask of unreadable values (text that is no
    number, and numbers that are not finite or beyond 10^15)."""
    if values.empty:
        return pd.Series(dtype="Float64", index=values.index), pd.Series(
            dtype=bool, index=values.index
        )
    positions, distinct = distinct_values(values)
    parsed = [v if isinstance(v, float) else number_from_text(str(v)) for v in distinct]
    blank = np.fromiter(
        (isinstance(v, str) and v.strip() == "" for v in distinct), dtype=bool, count=len(distinct)
    )
    numbers = pd.to_numeric(pd.Series(parsed, dtype=object), errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    finite = np.isfinite(numbers)  # NaN, ±inf and absurd sizes are no amounts
    finite &= np.abs(np.nan_to_num(numbers, nan=0.0, posinf=0.0, neginf=0.0)) < 1e15
    result = pd.Series(np.where(finite, numbers, np.nan)).astype("Float64")
    return (
        pd.Series(result.array.take(positions), index=values.index),
        pd.Series((~finite & ~blank)[positions], index=values.index),
    )


def parse_integer(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Int64 column (NA for blank) and the mask of values that are not whole numbers (or
    are too large to be a count)."""
    numbers, invalid = parse_number(values)
    fractional = numbers.notna() & (numbers.fillna(0) % 1 != 0)
    huge = numbers.notna() & (numbers.fillna(0).abs() > 2**31 - 1)
    invalid = invalid | fractional.astype(bool) | huge.astype(bool)
    result = numbers.where(~invalid).round().astype("Int64")
    return result, invalid


def _word(value: object) -> str:
    """A cell as a vocabulary word: normalised text (an Excel number as its digits)."""
    if isinstance(value, float):
        value = str(int(value)) if value.is_integer() else repr(value)
    return normalise_label(value)


def parse_vocabulary(values: pd.Series, vocabulary: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Map each value through a normalised vocabulary; the mask marks words not in it."""
    mapped = map_distinct(values, lambda value: vocabulary.get(_word(value)), dtype="string")
    return mapped, mapped.isna().astype(bool)


def parse_flag(values: pd.Series, vocabulary: dict[str, bool]) -> tuple[pd.Series, pd.Series]:
    """Boolean column from `x`/`1`/`có` (true) and blank/`0`/`không` (false), and the mask
    of values that are neither (<NA> in the column)."""
    mapped = map_distinct(values, lambda value: vocabulary.get(_word(value)), dtype="boolean")
    return mapped, mapped.isna().astype(bool)


def parse_categories(
    values: pd.Series, categories: tuple[tuple[str, tuple[str, ...]], ...], other: str = "other"
) -> pd.Series:
    """Free text mapped to the categories whose phrases it contains (whole words, after
    normalisation), joined by `|` in the declared order; text naming none is `other`,
    blank is <NA>. The text itself is not kept: only the categories leave this function.

    >>> parse_categories(pd.Series(["Thiếu vốn, chồng ốm nặng", "", "xyz"]),
    ...     (("capital", ("thiếu vốn",)), ("illness", ("ốm",)))).tolist()
    ['capital|illness', <NA>, 'other']
    """

    def one(value: object) -> object:
        text = f" {normalise_label(value if isinstance(value, str) else '')} "
        if not text.strip():
            return pd.NA
        found = [code for code, phrases in categories if any(f" {p} " in text for p in phrases)]
        return "|".join(found) if found else other

    return map_distinct(values, one, dtype="string")
