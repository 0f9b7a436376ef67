"""Property tests: whatever the cells of a file in a valid layout hold, reading and
cleaning either succeed with a balanced ledger or stop with the project's own one-line
error; never anything else."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from povertyplan.clean.households import clean_table
from povertyplan.core.errors import PovertyPlanError
from povertyplan.core.legacy import vietnamese_letters
from povertyplan.core.text import normalise_label
from povertyplan.read.raw import _SECTION, _is_index_row, cell_text, cell_value, read_raw_file
from povertyplan.read.registry import commune_lookup, review_date

HEADER = ["TT", "Mã hộ", "Họ và tên chủ hộ", "Xã", "Thôn", "Dân tộc", "Số nhân khẩu", "Số lao động",
          "Thu nhập bình quân", "Bảo hiểm y tế", "Kết quả rà soát", "Dự kiến thoát nghèo"]  # fmt: skip
WORDS = ["", "x", "X", "có", "0", "1", "Hộ nghèo", "CN", "Không nghèo", "Cam Thành", "Cam Thanh", "19612",
         "Kinh", "Vân Kiều", "Tổng cộng", "Cộng", "I. Thành thị", "A", "B", "#N/A", "1.200.000", "9,92",
         "412204.00", "-3", "H-1", "H-2", "Người lập biểu", "2018-12-31"]  # fmt: skip
TEXT = st.text(
    alphabet=st.sampled_from(list("abcxyz ,.;-/0123456789") + vietnamese_letters()), max_size=12
)
CELL = st.one_of(
    st.sampled_from(WORDS),
    TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 2), max_value=dt.date(2100, 1, 1)),
)
ROWS = st.lists(st.lists(CELL, min_size=0, max_size=len(HEADER) + 2), max_size=8)
SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def household_rows(rows: list[list[object]], first_row: int, csv_text: bool = False) -> set[int]:
    """The rows (as numbered in the file) whose household-code cell holds a code: a text
    with a digit that is no section label, in a row with no total label (a total row may
    carry a count in the code column). Each must end up kept or rejected."""
    expected = set()
    for number, row in enumerate(rows, start=first_row):
        code = row[1] if len(row) > 1 else None
        if code is None or code == "" or (isinstance(code, float) and code != code):
            continue
        if csv_text:
            text = str(code).strip()
        else:
            text = cell_text(cell_value(code.isoformat() if isinstance(code, dt.date) else code))
        labels = [normalise_label(cell_text(v)) for v in row[:3] if isinstance(v, str)]
        total = any(t.startswith(("tổng cộng", "cộng", "tổng số", "total")) for t in labels)
        if (
            any(ch.isdigit() for ch in text)
            and not _SECTION.match(normalise_label(text))
            and not total
        ):
            if not (number == first_row and _is_index_row([cell_value(v) for v in row])):
                expected.add(number)
    return expected


def check(path, spec, registry, expected: set[int] = frozenset()) -> None:
    try:
        table = read_raw_file(path, spec)
        result = clean_table(
            table, spec, commune_lookup(registry, review_date(2018)), registry, 2018
        )
    except PovertyPlanError as error:
        assert "\n" not in error.one_line() and "\n" not in error.one_line("vi")
        assert "bug in povertyplan" not in error.one_line()
        return
    ledger = result.ledger
    assert ledger["rows_read"] == ledger["rows_kept"] + ledger["rows_rejected"]
    others = sum(v for k, v in ledger.items() if k.endswith("_rows") and k != "grid_rows")
    assert ledger["grid_rows"] == others + ledger["rows_read"]
    assert len(result.households) == ledger["rows_kept"]
    assert result.rejects["source_row"].nunique() == ledger["rows_rejected"]
    # a household is one code in one commune
    assert not result.households.duplicated(["commune_code", "household_id"]).any()
    accounted = set(result.households["source_row"]) | set(result.rejects["source_row"].astype(int))
    assert expected <= accounted, f"rows lost: {sorted(expected - accounted)}"


def excel_value(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return str(value)
    return value


@SETTINGS
@given(rows=ROWS, title=st.booleans())
def test_any_cells_in_a_workbook(tmp_path, spec, registry, rows, title):
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append(["DANH SÁCH HỘ NGHÈO"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append([excel_value(v) for v in row])
    path = tmp_path / "any.xlsx"
    book.save(path)
    kept_rows = [[excel_value(v) for v in row] for row in rows]
    check(path, spec, registry, household_rows(kept_rows, 3 if title else 2))


@SETTINGS
@given(
    rows=ROWS,
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1258"]),
)
def test_any_cells_in_a_csv_file(tmp_path, spec, registry, rows, delimiter, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(HEADER)
    writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
    path = tmp_path / "any.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    check(
        path,
        spec,
        registry,
        household_rows(rows, 2, csv_text=True) if encoding != "cp1258" else set(),
    )
