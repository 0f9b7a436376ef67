"""Numbers written and read the Vietnamese way: the one parser and the one formatter.

A Vietnamese reader writes `.` between thousands and `,` before decimals (`1.411`,
`9,92`, `1.411,5`); files also carry numbers the way a computer writes them (`412204.00`,
`0.5`) and, from English-set spreadsheets, `1,200,000`. Every part of the pipeline that
reads a number typed by a person (commune files, published plans) goes through
`plain_number_text`, and every number shown to a person goes through the `format_vn_*`
functions, so the two directions always agree.
"""

from __future__ import annotations

import re
from decimal import Decimal

_DOT_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3}){2,}$")
_DOT_THOUSANDS_COMMA_DECIMAL = re.compile(r"^-?\d{1,3}(\.\d{3})+,\d+$")
_COMMA_DECIMAL = re.compile(r"^-?\d+,\d+$")
_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")


def plain_number_text(text: str) -> str | None:
    """A number as typed, rewritten with no thousands separator and `.` before decimals;
    `""` when blank, None when it is not a number.

    >>> [plain_number_text(t) for t in ["1.200.000", "9,92", "1.411,5", "412204.00"]]
    ['1200000', '9.92', '1411.5', '412204.00']
    >>> [plain_number_text(t) for t in ["0.5", "1,200,000", "1,200", " 14 653 ", "abc"]]
    ['0.5', '1200000', '1.200', '14653', None]
    """
    compact = re.sub(r"\s+", "", str(text).replace("\u00a0", ""))
    if compact == "":
        return ""
    if _DOT_THOUSANDS.match(compact):
        compact = compact.replace(".", "")
    elif _COMMA_THOUSANDS.match(compact):
        compact = compact.replace(",", "")
    elif _DOT_THOUSANDS_COMMA_DECIMAL.match(compact):
        compact = compact.replace(".", "").replace(",", ".")
    elif _COMMA_DECIMAL.match(compact):
        compact = compact.replace(",", ".")
    return compact if _PLAIN.match(compact) else None


def number_from_text(text: str) -> float | None:
    """A number written the Vietnamese way, or None when blank; NaN when unreadable.

    `1.200.000` → 1200000, `9,92` → 9.92, `1.411,5` → 1411.5, `412204.00` → 412204,
    `1,200,000` → 1200000; spaces (also non-breaking) are ignored.

    >>> number_from_text("1.200.000")
    1200000.0
    >>> number_from_text("9,92")
    9.92
    """
    plain = plain_number_text(text)
    if plain == "":
        return None
    return float("nan") if plain is None else float(plain)


def decimal_from_text(text: str) -> Decimal:
    """The same reading as `number_from_text`, exact (for published figures compared to
    the digit); ValueError when the text is blank or not a number.

    >>> decimal_from_text("9,92"), decimal_from_text("14.653")
    (Decimal('9.92'), Decimal('14653'))
    """
    plain = plain_number_text(text)
    if not plain:
        raise ValueError(f"{text!r} is not a number")
    return Decimal(plain)


def format_vn_integer(value: int) -> str:
    """A whole number with `.` between thousands: 14653 → `14.653`."""
    return f"{int(value):,}".replace(",", ".")


def format_vn_decimal(value: Decimal | float, decimals: int = 2) -> str:
    """A decimal with a comma: 9.92 → `9,92` (no thousands separator below 1000)."""
    text = f"{Decimal(str(value)):,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def format_vn_number(value: float) -> str:
    """A measured value as a reader expects it: a whole number with thousands dots, else
    with a decimal comma; `?` when missing.

    >>> format_vn_number(1200000.0), format_vn_number(42.5), format_vn_number(float("nan"))
    ('1.200.000', '42,5', '?')
    """
    if value != value:
        return "?"
    if float(value).is_integer():
        return format_vn_integer(int(value))
    return str(value).replace(".", ",")
