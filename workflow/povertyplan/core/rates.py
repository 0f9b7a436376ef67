"""Rates per 100 households, and the half-up rounding published tables use.

Rates are stored unrounded; tables print them rounded half-up to 2 decimals. Rounding is
done on the exact fraction count × 100 / households with integer arithmetic, so a rate
that is exactly on a half (1.105) always rounds up, whatever binary floats would say.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd


def rate(count: pd.Series, households: pd.Series) -> pd.Series:
    """Percentage of households, 100 × count / households, unrounded; NaN where there are
    no households."""
    households = households.astype("float64")
    return (100.0 * count.astype("float64") / households.where(households > 0)).astype("float64")


def rate_half_up(count: int, households: int, decimals: int = 2) -> Decimal:
    """100 × count / households rounded half-up to `decimals`, exactly (as a Decimal).

    >>> rate_half_up(16, 1446)   # 1.10650… → 1.11
    Decimal('1.11')
    """
    if households <= 0:
        raise ValueError("households must be positive")
    scale = 10**decimals
    numerator = count * 100 * scale
    sign = -1 if numerator < 0 else 1
    quotient, remainder = divmod(abs(numerator), households)
    if 2 * remainder >= households:
        quotient += 1
    return Decimal(sign * quotient).scaleb(-decimals)


def round_half_up(value: float, decimals: int = 2) -> Decimal:
    """A float rounded half-up to `decimals` through its shortest decimal representation.

    >>> round_half_up(2.675)   # the float 2.675 prints as 2.675, so it rounds to 2.68
    Decimal('2.68')
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        raise ValueError("cannot round a missing value")
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
