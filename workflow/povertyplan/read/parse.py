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


def map_distinct(
    values: pd.Series,
    func: Callable[[object], object],
    unchanged: Callable[[np.ndarray], np.ndarray] | None = None,
) -> pd.Series:
    """`values.map(func)`, with `func` called once per distinct value (a column of a
    million cells holds a few hundred distinct words): the distinct values are found and
    the results spread back by position, in C (`pd.factorize`). `unchanged`, given the
    distinct values, marks those `func` would return as they are, so that a column of a
    million distinct codes is decided on whole columns too."""
    if values.empty:
        return values.map(func)
    positions, distinct = pd.factorize(values, use_na_sentinel=False)
    distinct = np.asarray(distinct, dtype=object)
    keep = unchanged(distinct) if unchanged is not None else np.zeros(len(distinct), bool)
    results = pd.Series(
        [value if kept else func(value) for value, kept in zip(distinct, keep, strict=True)]
    )
    return pd.Series(results.to_numpy()[positions], index=values.index, dtype=results.dtype)


def parse_number(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Float64 column (NA for blank) and the mask of unreadable values (text that is no
    number, and numbers that are not finite or beyond 10^15)."""

    def one(value: object) -> float | None:
        if isinstance(value, float):
            return value
        return number_from_text(str(value))

    parsed = map_distinct(values, one)
    blank = map_distinct(values, lambda v: isinstance(v, str) and v.strip() == "").astype(bool)
    numbers = pd.to_numeric(parsed, errors="coerce").astype("float64")
    finite = np.isfinite(numbers.to_numpy())  # NaN, ±inf and absurd sizes are no amounts
    finite &= np.abs(np.nan_to_num(numbers.to_numpy(), nan=0.0, posinf=0.0, neginf=0.0)) < 1e15
    result = pd.Series(np.where(finite, numbers, np.nan), index=values.index).astype("Float64")
    invalid = pd.Series(~finite, index=values.index) & ~blank
    return result, invalid.astype(bool)


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
    mapped = map_distinct(values, lambda value: vocabulary.get(_word(value), np.nan))
    invalid = mapped.isna()
    return mapped.astype("string"), invalid.astype(bool)


def parse_flag(values: pd.Series, vocabulary: dict[str, bool]) -> tuple[pd.Series, pd.Series]:
    """Boolean column from `x`/`1`/`có` (true) and blank/`0`/`không` (false), and the mask
    of values that are neither (<NA> in the column)."""
    mapped = map_distinct(values, lambda value: vocabulary.get(_word(value)))
    invalid = mapped.isna().astype(bool)
    return pd.Series(mapped.to_numpy(dtype=object), index=values.index, dtype="boolean"), invalid


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

    return map_distinct(values, one).astype("string")
