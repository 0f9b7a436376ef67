from decimal import Decimal

import pandas as pd
import pytest

from povertyplan.core.rates import rate, rate_half_up, round_half_up


@pytest.mark.parametrize(
    ("count", "households", "expected"),
    [
        (16, 1446, "1.11"),  # 1.10650… : the seed prints 1,10 (truncated)
        (50, 1446, "3.46"),  # 3.45781… : the seed prints 3,45
        (527, 14653, "3.60"),  # 3.59653… : the seed prints 3,59
        (609, 14653, "4.16"),
        (80, 14653, "0.55"),  # 0.54596… : the seed's headline prints 0,54
        (1, 8, "12.50"),
        (1, 800, "0.13"),  # exactly 0.125: half-up goes up
        (3, 800, "0.38"),  # exactly 0.375
        (0, 10, "0.00"),
        (10, 10, "100.00"),
    ],
)
def test_rate_half_up_is_exact(count, households, expected):
    assert rate_half_up(count, households) == Decimal(expected)


def test_rate_half_up_refuses_no_households():
    with pytest.raises(ValueError):
        rate_half_up(1, 0)


def test_round_half_up_on_floats_that_print_as_halves():
    # Python's round() gives 2.67 for 2.675 (binary float); the plan's arithmetic gives 2.68
    assert round(2.675, 2) == 2.67
    assert round_half_up(2.675) == Decimal("2.68")
    assert round_half_up(0.125) == Decimal("0.13")
    assert round_half_up(1.005) == Decimal("1.01")


def test_rate_is_unrounded_percent_and_nan_without_households():
    result = rate(pd.Series([16, 3]), pd.Series([1446, 0]))
    assert result.iloc[0] == pytest.approx(1.1065006915629323)
    assert pd.isna(result.iloc[1])
