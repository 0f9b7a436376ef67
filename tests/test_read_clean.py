"""Reading and cleaning single files: layout, typed values, rejects and the ledger."""

import json
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from povertyplan.clean import clean_table
from povertyplan.errors import DataError
from povertyplan.generate import CommuneSpec, generate_review, truth
from povertyplan.read import read_raw_file
from povertyplan.registry import commune_lookup, review_date

HEADER = [
    "TT",
    "Mã hộ",
    "Họ và tên chủ hộ",
    "Số CCCD",
    "Xã",
    "Thôn",
    "Dân tộc",
    "Số nhân khẩu",
    "Số lao động",
    "Thu nhập bình quân",
    "Kết quả rà soát",
    "Dự kiến thoát nghèo",
]
GOOD = [
    1,
    "H-1",
    "Nguyễn Văn A",
    "045000000001",
    "Cam Thành",
    "Thôn 1",
    "Kinh",
    4,
    2,
    650000,
    "Hộ nghèo",
    "x",
]


def workbook(path: Path, rows: list[list[object]], title_rows: int = 3, total: bool = True) -> Path:
    book = Workbook()
    sheet = book.active
    for r in range(1, title_rows + 1):
        sheet.cell(row=r, column=1, value=f"Tiêu đề {r}")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    if total:
        sheet.append(["", "Tổng cộng", "", "", "", "", "", 99])
        sheet.append([])
        sheet.append(["", "Người lập biểu", "", "", "", "", "", ""])
    book.save(path)
    return path


def clean(path, spec, registry, year=2018):
    table = read_raw_file(path, spec)
    return clean_table(table, spec, commune_lookup(registry, review_date(year)), registry, year)


def test_generated_layout_reads_every_household_with_excel_row_numbers(tmp_path, spec, registry):
    small = [
        CommuneSpec(
            "19612", "Cam Thành", "Xã Cam Thành", "rural", 40, 6, 2, 5, 2, 1, 0, file_name="a.xlsx"
        ),
        CommuneSpec(
            "19597",
            "TT Cam Lộ",
            "19597",
            "urban",
            30,
            3,
            1,
            4,
            file_format="csv-semicolon",
            file_name="b.csv",
        ),
    ]
    paths = generate_review(small, 2018, tmp_path)
    xlsx = clean(paths[0], spec, registry)
    assert xlsx.ledger["rows_read"] == 40 and xlsx.ledger["rows_kept"] == 40
    assert (
        xlsx.ledger["header_rows"] == 2
        and xlsx.ledger["index_rows"] == 1
        and xlsx.ledger["total_rows"] == 1
    )
    # title rows 1-6, header 7-8, index row 9: the first household is on Excel row 10
    assert xlsx.households["source_row"].min() == 10
    expected = truth(small, 2018)
    got = pd.concat([xlsx.households, clean(paths[1], spec, registry).households])
    merged = got.merge(expected, on="household_id", suffixes=("", "_true"))
    assert len(merged) == 70
    assert (merged["status"] == merged["status_true"]).all()
    assert (merged["income"].astype(int) == merged["income_true"]).all()
    assert (merged["members"].astype(int) == merged["members_true"]).all()
    assert (merged["can_exit"] == merged["can_exit_true"]).all()
    assert set(merged.loc[merged["commune_code"] == "19597", "area"]) == {"urban"}


def test_personal_data_never_leaves_the_reader(tmp_path, spec, registry):
    path = workbook(tmp_path / "x.xlsx", [GOOD])
    result = clean(path, spec, registry)
    text = (
        result.households.to_csv()
        + result.rejects.to_csv()
        + json.dumps(result.ledger, ensure_ascii=False)
    )
    assert "Nguyễn Văn A" not in text and "045000000001" not in text
    assert "head_name" not in result.households and "id_number" not in result.households


BAD_ROWS = [
    (
        [2, "", "B", "1", "Cam Thành", "T", "Kinh", 3, 1, 900000, "", ""],
        "household_id",
        "missing_household_id",
    ),
    (
        [3, "H-3", "B", "1", "Cam Thanhh", "T", "Kinh", 3, 1, 900000, "", ""],
        "commune",
        "unknown_commune",
    ),
    (
        [4, "H-4", "B", "1", "Cam Thành", "T", "", 3, 1, 900000, "", ""],
        "ethnicity",
        "missing_value",
    ),
    (
        [5, "H-5", "B", "1", "Cam Thành", "T", "Kinh", "ba", 1, 900000, "", ""],
        "members",
        "not_an_integer",
    ),
    (
        [6, "H-6", "B", "1", "Cam Thành", "T", "Kinh", 0, 0, 900000, "", ""],
        "members",
        "out_of_range",
    ),
    (
        [7, "H-7", "B", "1", "Cam Thành", "T", "Kinh", 2, 5, 900000, "", ""],
        "workers",
        "workers_above_members",
    ),
    (
        [8, "H-8", "B", "1", "Cam Thành", "T", "Kinh", 2, 1, "nhiều", "", ""],
        "income",
        "not_a_number",
    ),
    (
        [9, "H-9", "B", "1", "Cam Thành", "T", "Kinh", 2, 1, 900000, "giàu", ""],
        "status",
        "unknown_status",
    ),
    (
        [10, "H-10", "B", "1", "Cam Thành", "T", "Kinh", 2, 1, 900000, "Cận nghèo", "x"],
        "can_exit",
        "can_exit_not_poor",
    ),
    (
        [11, "H-11", "B", "1", "Cam Thành", "T", "Kinh", 2, 1, 900000, "Hộ nghèo", "?"],
        "can_exit",
        "bad_flag",
    ),
]


@pytest.mark.parametrize(("row", "field", "reason"), BAD_ROWS, ids=[r for *_, r in BAD_ROWS])
def test_each_bad_value_is_rejected_with_its_reason_and_row(
    tmp_path, spec, registry, row, field, reason
):
    path = workbook(tmp_path / "bad.xlsx", [GOOD, row])
    result = clean(path, spec, registry)
    assert result.ledger["rows_read"] == 2
    assert result.ledger["rows_kept"] == 1 and result.ledger["rows_rejected"] == 1
    reject = result.rejects.iloc[0]
    assert (reject["field"], reason) == (field, reject["reason"])
    assert reject["source_row"] == 6  # 3 title rows, header on row 4, good row 5
    assert reject["message"].startswith("bad.xlsx")
    assert "row 6" in reject["message"]
    raw_values = json.loads(reject["raw_values"])
    assert raw_values["Mã hộ"] == row[1] and "Họ và tên chủ hộ" not in raw_values


def test_unknown_commune_message_suggests_the_registry_name(tmp_path, spec, registry):
    path = workbook(
        tmp_path / "c.xlsx",
        [GOOD, [3, "H-3", "B", "1", "Cam Tuyeen", "T", "Kinh", 3, 1, 1, "", ""]],
    )
    result = clean(path, spec, registry)
    assert "'Cam Tuyeen' is not a commune" in result.rejects.iloc[0]["message"]
    assert "closest: Cam Tuyền" in result.rejects.iloc[0]["message"]


def test_duplicates_identical_rows_keep_one_and_conflicts_reject_both(tmp_path, spec, registry):
    other = list(GOOD)
    other[0] = 2  # TT differs: TT is not a field, the rows are identical households
    conflict_a = [3, "H-9", "B", "1", "Cam Thành", "T", "Kinh", 3, 1, 900000, "", ""]
    conflict_b = [4, "H-9", "B", "1", "Cam Thành", "T", "Kinh", 5, 1, 900000, "", ""]
    result = clean(
        workbook(tmp_path / "d.xlsx", [GOOD, other, conflict_a, conflict_b]), spec, registry
    )
    assert result.ledger["rows_read"] == 4
    assert result.ledger["rows_kept"] == 1
    reasons = result.rejects.set_index("source_row")["reason"].to_dict()
    assert reasons == {6: "duplicate_row", 7: "duplicate_household_id", 8: "duplicate_household_id"}
    assert "row(s) 8" in result.rejects.set_index("source_row").loc[7, "message"]


def test_one_row_with_several_problems_is_one_rejected_row(tmp_path, spec, registry):
    row = [2, "H-2", "B", "1", "Nowhere", "T", "", "x", 1, "?", "??", ""]
    result = clean(workbook(tmp_path / "m.xlsx", [GOOD, row]), spec, registry)
    assert result.ledger["rows_rejected"] == 1 and result.ledger["problems"] == 5
    assert result.ledger["rows_read"] == result.ledger["rows_kept"] + result.ledger["rows_rejected"]


def test_rows_after_the_total_that_are_households_are_not_dropped(tmp_path, spec, registry):
    path = workbook(tmp_path / "t.xlsx", [GOOD])
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active.append([2, "H-2", "B", "1", "Cam Thành", "T", "Kinh", 3, 1, 900000, "", ""])
    book.save(path)
    result = clean(path, spec, registry)
    assert result.ledger["rows_read"] == 2 and result.ledger["footer_rows"] == 1


def test_a_missing_required_column_is_refused_with_the_headers_found(tmp_path, spec, registry):
    book = Workbook()
    book.active.append(["Mã hộ", "Xã", "Dân tộc", "Kết quả"])
    book.active.append(["H-1", "Cam Thành", "Kinh", "Hộ nghèo"])
    book.save(tmp_path / "h.xlsx")
    with pytest.raises(DataError) as error:
        read_raw_file(tmp_path / "h.xlsx", spec)
    message = str(error.value)
    assert message.startswith("h.xlsx, row 1:")
    assert "members ('Số nhân khẩu')" in message and "status ('Kết quả rà soát')" in message
    assert "'Kết quả'" in message and "\n" not in message


def test_a_file_without_a_household_header_is_refused(tmp_path, spec):
    (tmp_path / "e.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match="e.csv: no header row with a household ID column"):
        read_raw_file(tmp_path / "e.csv", spec)


def test_a_csv_that_is_not_utf8_is_refused_in_one_line(tmp_path, spec):
    (tmp_path / "w.csv").write_bytes("Mã hộ;Xã\n".encode("utf-16"))
    with pytest.raises(DataError, match=r"w.csv: is not UTF-8 text .*Save it as 'CSV UTF-8'"):
        read_raw_file(tmp_path / "w.csv", spec)
