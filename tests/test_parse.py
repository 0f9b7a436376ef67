import math

import pandas as pd
import pytest

from povertyplan.core.numbers import number_from_text
from povertyplan.read.parse import (
    parse_flag,
    parse_integer,
    parse_number,
    parse_vocabulary,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.200.000", 1_200_000),
        ("1.411", 1411),
        ("9,92", 9.92),
        ("1.411,5", 1411.5),
        ("412204.00", 412204),
        ("1,200,000", 1_200_000),
        (" 700 000 ", 700_000),
        ("1.5", 1.5),
    ],
)
def test_vietnamese_numbers(text, value):
    assert number_from_text(text) == pytest.approx(value)


def test_blank_and_unreadable_numbers():
    assert number_from_text("  ") is None
    assert math.isnan(number_from_text("950-1050"))


def test_parse_number_marks_unreadable_not_blank():
    values, invalid = parse_number(pd.Series(["1.000", "", "abc", 12.5], dtype=object))
    assert values.tolist()[0] == 1000 and pd.isna(values[1]) and values[3] == 12.5
    assert invalid.tolist() == [False, False, True, False]


def test_parse_integer_rejects_fractions():
    values, invalid = parse_integer(pd.Series([3.0, "4", "2,5", ""], dtype=object))
    assert invalid.tolist() == [False, False, True, False]
    assert values[0] == 3 and values[1] == 4


def test_flags_and_status(spec):
    flags, bad = parse_flag(
        pd.Series(["x", "X", "1", "có", "Có", "", "0", "không", "?"], dtype=object),
        spec.flag_vocabulary,
    )
    assert flags[:8].tolist() == [True] * 5 + [False] * 3
    assert bad.tolist() == [False] * 8 + [True]
    status, bad = parse_vocabulary(
        pd.Series(["Hộ nghèo", "N", "cận nghèo", "CN", "", "Không nghèo", "nghèo?x"], dtype=object),
        spec.status_vocabulary,
    )
    assert status[:6].tolist() == ["poor", "poor", "near_poor", "near_poor", "not_poor", "not_poor"]
    assert bad.tolist() == [False] * 6 + [True]
