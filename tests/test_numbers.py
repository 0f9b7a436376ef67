"""The one Vietnamese number parser and formatter (`povertyplan.numbers`): every reader
of typed numbers (commune files, published plans) and every writer agree."""

from decimal import Decimal

import pytest

from povertyplan.compute import reconcile
from povertyplan.core import numbers
from povertyplan.core.numbers import (
    decimal_from_text,
    format_vn_decimal,
    format_vn_integer,
    format_vn_number,
    number_from_text,
)
from povertyplan.read import parse


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.5", "0.5"),  # a computer's decimal point, not a thousands dot
        ("412204.00", "412204"),  # an amount exported with two decimals
        ("1,200,000", "1200000"),  # an English-set spreadsheet
        ("1.200.000", "1200000"),
        ("14.653", "14653"),
        ("9,92", "9.92"),
        ("1.411,5", "1411.5"),
        ("0,56", "0.56"),
        ("1,200", "1.2"),  # one comma group is a decimal comma, as a Vietnamese reader reads it
        ("\u00a014 653 ", "14653"),
        ("-82", "-82"),
    ],
)
def test_one_reading_for_files_and_published_plans(text: str, value: str) -> None:
    assert number_from_text(text) == pytest.approx(float(value))
    assert decimal_from_text(text) == Decimal(value)


@pytest.mark.parametrize("text", ["950-1050", "abc", "1.2.3,4,5", "12%"])
def test_unreadable_numbers(text: str) -> None:
    assert number_from_text(text) != number_from_text(text)  # NaN: the row is rejected
    with pytest.raises(ValueError):
        decimal_from_text(text)


def test_blank_is_missing_not_zero() -> None:
    assert number_from_text(" ") is None
    with pytest.raises(ValueError):
        decimal_from_text("")


@pytest.mark.parametrize("value", [0, 7, 853, 14653, 1234567, 2_200_000])
def test_formatted_integers_read_back(value: int) -> None:
    assert decimal_from_text(format_vn_integer(value)) == value
    assert number_from_text(format_vn_number(float(value))) == value


@pytest.mark.parametrize(
    ("value", "decimals", "text"), [(9.92, 2, "9,92"), (0.5, 1, "0,5"), (1411.5, 2, "1.411,50")]
)
def test_formatted_decimals_read_back(value: float, decimals: int, text: str) -> None:
    assert format_vn_decimal(value, decimals) == text
    assert decimal_from_text(text) == Decimal(str(value))


def test_format_vn_number() -> None:
    assert format_vn_number(1_500_000.0) == "1.500.000"
    assert format_vn_number(42.5) == "42,5"
    assert format_vn_number(float("nan")) == "?"


def test_no_other_parser_or_formatter_remains() -> None:
    for module in (parse, reconcile):
        assert not hasattr(module, "parse_vn_number")
    assert parse.number_from_text is numbers.number_from_text
    from povertyplan.present import tables

    assert not hasattr(tables, "format_vn_integer") or tables.format_vn_integer is (
        numbers.format_vn_integer
    )
