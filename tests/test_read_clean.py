"""Reading and cleaning single files: layout, typed values, rejects and the ledger."""

import json
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from povertyplan.clean.households import clean_table
from povertyplan.core.errors import DataError
from povertyplan.read.raw import read_raw_file
from povertyplan.read.registry import commune_lookup, review_date
from povertyplan_dev.generate import CommuneSpec, generate_review, truth

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
    bad = [
        2,
        "H-2",
        "Trần Thị Riêng",
        "045000000002",
        "Cam Thành",
        "T",
        "Kinh",
        "ba",
        1,
        900000,
        "",
        "",
    ]

    path = workbook(tmp_path / "x.xlsx", [GOOD, bad])
    result = clean(path, spec, registry)
    assert len(result.rejects) == 1
    text = (
        result.households.to_csv()
        + result.rejects.to_csv()
        + json.dumps(result.ledger, ensure_ascii=False)
    )
    for secret in ("Nguyễn Văn A", "045000000001", "Trần Thị Riêng", "045000000002"):
        assert secret not in text
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
    assert "missing: 'Số nhân khẩu';" in message
    assert (
        "'Kết quả rà soát' (or one x-mark column each: 'Hộ nghèo', 'Hộ cận nghèo') "
        "(closest: 'Kết quả')" in message
    )
    assert "'Kết quả'" in message and "\n" not in message
    # the officer is told what to write; the configuration is for the analyst's log only
    officer = error.value.one_line("vi", audience="officer")
    assert "config/" not in officer and "members" not in officer
    assert "config/columns.yaml" in error.value.one_line()


def test_a_file_without_a_household_header_is_refused(tmp_path, spec):
    (tmp_path / "e.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match="e.csv: no header row with a household ID column"):
        read_raw_file(tmp_path / "e.csv", spec)


# --- layouts that must not lose a household (regressions found in review) ---------------


def csv_file(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def kept_ids(result) -> list[str]:
    return result.households["household_id"].tolist()


def assert_balanced(result) -> None:
    ledger = result.ledger
    assert ledger["rows_read"] == ledger["rows_kept"] + ledger["rows_rejected"]
    others = sum(v for k, v in ledger.items() if k.endswith("_rows") and k != "grid_rows")
    assert ledger["grid_rows"] == others + ledger["rows_read"]


def test_village_names_that_start_like_a_total_are_households(tmp_path, spec, registry):
    text = (
        "Mã hộ,Xã,Thôn,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "H-1,Cam Thành,Thôn 1,Kinh,3,Hộ nghèo\n"
        "H-2,Cam Thành,Cộng Hòa,Kinh,4,Hộ nghèo\n"
        "H-3,Cam Thành,Tổng Lâm,Kinh,2,Không nghèo\n"
    )
    result = clean(csv_file(tmp_path / "v.csv", text), spec, registry)
    assert kept_ids(result) == ["H-1", "H-2", "H-3"] and result.ledger["total_rows"] == 0
    assert_balanced(result)


def test_rows_after_a_subtotal_are_read_and_bad_ones_rejected(tmp_path, spec, registry):
    text = (
        "Mã hộ,Xã,Thôn,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "H-1,Cam Thành,Thôn 1,Kinh,3,Hộ nghèo\n"
        "Cộng thôn 1,,,,3,\n"
        "H-2,Cam Thành,Thôn 2,Kinh,,Hộ nghèo\n"
        ",Cam Thành,Thôn 2,Kinh,5,Hộ nghèo\n"
        "H-4,Cam Thành,Thôn 2,Kinh,2,Hộ nghèo\n"
        "Tổng cộng,,,,10,\n"
        "Người lập biểu,,,,,\n"
    )
    result = clean(csv_file(tmp_path / "s.csv", text), spec, registry)
    assert kept_ids(result) == ["H-1", "H-4"]
    assert result.rejects.set_index("source_row")["reason"].to_dict() == {
        4: "missing_value",
        5: "missing_household_id",
    }
    assert (result.ledger["total_rows"], result.ledger["footer_rows"]) == (2, 1)
    assert_balanced(result)


def test_a_first_row_of_codes_is_not_an_index_row(tmp_path, spec, registry):
    text = (
        "Mã hộ,Mã xã,Thôn,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "1001,19612,3,1,4,N\n"
        "1002,19612,3,1,4,K\n"
    )
    result = clean(csv_file(tmp_path / "c.csv", text), spec, registry)
    assert kept_ids(result) == ["1001", "1002"] and result.ledger["index_rows"] == 0
    assert not result.households["ethnic_minority"].any()  # ethnicity code 1 is Kinh


def test_section_rows_are_counted_not_rejected(tmp_path, spec, registry):
    text = (
        "TT,Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "I. Thành thị,,,,,\n"
        "1,H-1,Cam Thành,Kinh,3,N\n"
        "II,Nông thôn,,,,\n"
        "2,H-2,Cam Thành,Kinh,3,N\n"
    )
    result = clean(csv_file(tmp_path / "sec.csv", text), spec, registry)
    assert kept_ids(result) == ["H-1", "H-2"] and result.ledger["section_rows"] == 2
    assert_balanced(result)


def test_every_sheet_with_households_is_read_and_hidden_sheets_are_named(tmp_path, spec, registry):
    book = Workbook()
    first = book.active
    first.title = "Thôn 1"
    first.append(HEADER)
    first.append(GOOD)
    second = book.create_sheet("Thôn 2")
    second.append(HEADER)
    second.append([2, "H-2", "B", "1", "Cam Thành", "T", "Kinh", 3, 1, 900000, "", ""])
    second.append([3, "H-3", "B", "1", "Cam Thành", "T", "Kinh", "x", 1, 900000, "", ""])
    book.create_sheet("Ghi chú").append(["Danh mục", "Ghi chú"])
    hidden = book.create_sheet("Danh mục")
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "sheets.xlsx")
    result = clean(tmp_path / "sheets.xlsx", spec, registry)
    assert kept_ids(result) == ["H-1", "H-2"]
    assert result.rejects[["sheet", "source_row"]].values.tolist() == [["Thôn 2", 3]]
    assert result.rejects.iloc[0]["message"].startswith(
        "sheets.xlsx [Thôn 2], row 3, column 'Số nhân khẩu'"
    )
    assert result.ledger["sheet"] == "Thôn 1; Thôn 2"
    assert result.ledger["ignored_sheets"] == ["Danh mục (hidden)", "Ghi chú"]
    assert_balanced(result)


def test_excel_error_cells_are_rejected_not_read_as_blank(tmp_path, spec, registry):
    bad = list(GOOD)
    bad[1], bad[10], bad[11] = "H-2", "#N/A", "#REF!"
    result = clean(workbook(tmp_path / "err.xlsx", [GOOD, bad]), spec, registry)
    assert kept_ids(result) == ["H-1"]
    assert sorted(result.rejects["reason"] + ":" + result.rejects["field"]) == [
        "excel_error:can_exit",
        "excel_error:status",
    ]


def test_a_shifted_csv_row_is_rejected_once_without_showing_its_cells(tmp_path, spec, registry):
    text = (
        "Mã hộ,Họ và tên chủ hộ,Số CCCD,Xã,Thôn,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "H-1,Nguyễn Văn A,045000000001,Cam Thành,Thôn 1,Kinh,3,N\n"
        "H-2,Lê, Thị B,045000000002,Cam Thành,Thôn 2,Kinh,3,N\n"
    )
    result = clean(csv_file(tmp_path / "shift.csv", text), spec, registry)
    assert kept_ids(result) == ["H-1"]
    reject = result.rejects.iloc[0]
    assert len(result.rejects) == 1 and reject["reason"] == "row_longer_than_header"
    assert reject["raw_values"] == "{}"
    assert "045000000002" not in reject["message"] and "Thị B" not in reject["message"]


def test_a_first_row_without_id_is_not_taken_for_a_second_header(tmp_path, spec, registry):
    text = (
        "Mã hộ,Họ và tên chủ hộ,Số CCCD,Xã,Thôn,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        ",Nguyễn Văn A,045000000001,Cam Thành,Khu phố,Kinh,3,N\n"
        "H-2,Lê Thị B,045000000002,Cam Thành,Thôn 2,Kinh,3,N\n"
    )
    result = clean(csv_file(tmp_path / "h2.csv", text), spec, registry)
    assert result.ledger["header_rows"] == 1 and kept_ids(result) == ["H-2"]
    assert result.rejects.iloc[0]["reason"] == "missing_household_id"
    text = result.rejects.to_csv()
    assert "Nguyễn Văn A" not in text and "045000000001" not in text


def test_a_total_row_with_a_count_in_the_id_column_and_signatures_are_not_households(
    tmp_path, spec, registry
):
    path = workbook(tmp_path / "tot.xlsx", [GOOD], total=False)
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    sheet.append(["", 1, "Tổng cộng", "", "", "", "", 4])
    sheet.append([])
    sheet.append(["", "Người lập biểu", "", "", "", "", "", ""])
    sheet.append(["", "Lê Thị Cán Bộ", "", "", "", "", "", ""])
    book.save(path)
    result = clean(path, spec, registry)
    assert kept_ids(result) == ["H-1"] and result.rejects.empty
    assert (result.ledger["total_rows"], result.ledger["footer_rows"]) == (1, 2)


def test_commune_and_village_merged_down_a_block_belong_to_each_row(tmp_path, spec, registry):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for number in range(1, 4):
        sheet.append(
            [
                number,
                f"H-{number}",
                "B",
                "1",
                "Cam Thành" if number == 1 else None,
                "Thôn 5" if number == 1 else None,
                "Kinh",
                3,
                1,
                900000,
                "",
                "",
            ]
        )
    sheet.merge_cells("E2:E4")
    sheet.merge_cells("F2:F4")
    book.save(tmp_path / "merged.xlsx")
    result = clean(tmp_path / "merged.xlsx", spec, registry)
    assert kept_ids(result) == ["H-1", "H-2", "H-3"]
    assert set(result.households["village"]) == {"Thôn 5"}


def test_area_defaults_to_the_unit_valid_in_the_review_year(tmp_path, spec, registry):
    text = "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\nH-1,Xã Cam Lộ,Kinh,3,N\n"
    path = csv_file(tmp_path / "a.csv", text)
    assert clean(path, spec, registry, 2018).households["area"].tolist() == ["urban"]  # TT Cam Lộ
    assert clean(path, spec, registry, 2025).households["area"].tolist() == ["rural"]  # Xã Cam Lộ


def test_kinh_written_several_ways_is_not_a_minority(tmp_path, spec, registry):
    text = "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n" + "".join(
        f"H-{i},Cam Thành,{e},3,N\n"
        for i, e in enumerate(["Kinh", "Kinh (Việt)", "Dân tộc Kinh", "Vân Kiều"])
    )
    result = clean(csv_file(tmp_path / "e.csv", text), spec, registry)
    assert result.households["ethnic_minority"].tolist() == [False, False, False, True]


def test_an_id_typed_as_123_0_is_the_same_household_as_123(tmp_path, spec, registry):
    text = "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n123,Cam Thành,Kinh,3,N\n123.0,Cam Thành,Kinh,4,N\n"
    result = clean(csv_file(tmp_path / "i.csv", text), spec, registry)
    assert result.households.empty
    assert set(result.rejects["reason"]) == {"duplicate_household_id"}


def test_csv_separator_is_found_below_a_title_line_with_commas(tmp_path, spec, registry):
    text = "UBND XÃ CAM THÀNH, HUYỆN CAM LỘ\nMã hộ;Xã;Dân tộc;Số nhân khẩu;Kết quả rà soát\nH-1;Cam Thành;Kinh;3;N\n"
    result = clean(csv_file(tmp_path / "t.csv", text), spec, registry)
    assert kept_ids(result) == ["H-1"] and result.ledger["title_rows"] == 1


def test_absurdly_large_counts_are_not_integers(tmp_path, spec, registry):
    text = "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Số lao động,Kết quả rà soát\nH-1,Cam Thành,Kinh,3,99999999999999999999,N\n"
    result = clean(csv_file(tmp_path / "w.csv", text), spec, registry)
    assert result.rejects["reason"].tolist() == ["not_an_integer"]


def test_headers_written_without_diacritics_or_in_capitals_are_recognised(tmp_path, spec, registry):
    text = "MA HO,XA,DAN TOC,SO NHAN KHAU,Ket qua ra soat\nH-1,Cam Thành,Kinh,3,Hộ nghèo\n"
    result = clean(csv_file(tmp_path / "plain.csv", text), spec, registry)
    assert kept_ids(result) == ["H-1"] and result.households["status"].tolist() == ["poor"]


def test_the_checks_come_from_the_declared_schema(tmp_path, spec, registry):
    from dataclasses import replace

    text = "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\nH-1,Cam Thành,Kinh,7,N\nH-2,Cam Thành,Kinh,3,N\n"
    path = csv_file(tmp_path / "s.csv", text)
    assert clean(path, spec, registry).rejects.empty
    strict = replace(
        spec, fields={**spec.fields, "members": replace(spec.fields["members"], max=5)}
    )
    result = clean(path, strict, registry)
    assert result.rejects[["source_row", "reason"]].values.tolist() == [[2, "out_of_range"]]
    assert "7 is outside 1..5" in result.rejects.iloc[0]["message"]


def test_names_and_id_numbers_are_never_shown_even_out_of_place(tmp_path, spec, registry):
    from povertyplan.core.privacy import redact

    assert redact("Chồng Nguyễn Văn Bình bị ốm") == "Chồng *** bị ốm"
    assert redact("Nguyen Van Tam") == redact("lê văn tám") == redact("045000000001") == "***"
    assert redact("Hộ nghèo") == "Hộ nghèo" and redact("Thôn Ba Bơi") == "Thôn Ba Bơi"
    text = (
        "Mã hộ,Họ và tên chủ hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát,Nguyên nhân nghèo\n"
        "Đinh Văn Sáu,,Cam Thành,Kinh,3,N,Ốm đau\n"
        "H-2,Lê Thị B,Cam Thành,Kinh,x,N,Chồng Nguyễn Văn Bình bị ốm\n"
    )
    result = clean(csv_file(tmp_path / "p.csv", text), spec, registry)
    assert result.households.empty  # a household code that is a name is not kept
    assert sorted(result.rejects[["source_row", "reason"]].values.tolist()) == [
        [2, "id_looks_personal"],
        [3, "not_an_integer"],
    ]
    shown = result.rejects.to_csv()
    for secret in ("Đinh Văn Sáu", "Nguyễn Văn Bình", "Lê Thị B", "Chồng"):
        assert secret not in shown
    # the free-text cause is shown as the form's category, never as the officer's text
    assert '""Nguyên nhân nghèo"": ""illness""' in shown


def test_a_group_label_names_a_column_only_read_with_its_own_label(tmp_path, spec, registry):
    """`Thu nhập` merged over `Bình quân` | `Tổng` names income with `Bình quân`; a group
    `Kết quả rà soát` over `Ghi chú` | `Phân loại` names nothing for the note column."""
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Mã hộ", "Xã", "Dân tộc", "Số nhân khẩu", "Thu nhập", None, "Kết quả rà soát", None]
    )
    sheet.append([None, None, None, None, "Bình quân", "Tổng", "Ghi chú", "Phân loại"])
    for col in range(1, 5):
        sheet.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    sheet.merge_cells(start_row=1, start_column=5, end_row=1, end_column=6)
    sheet.merge_cells(start_row=1, start_column=7, end_row=1, end_column=8)
    sheet.append(["H-1", "Cam Thành", "Kinh", 3, 650000, 1950000, "chuyển đến", "Hộ nghèo"])
    book.save(tmp_path / "g.xlsx")
    result = clean(tmp_path / "g.xlsx", spec, registry)
    assert result.rejects.empty and result.ledger["header_rows"] == 2
    assert result.households[["income", "status"]].values.tolist() == [[650000, "poor"]]
    assert result.ledger["ignored_columns"] == ["Tổng", "Ghi chú"]


def test_a_section_named_like_a_result_is_no_header(tmp_path, spec, registry):
    """`HỘ NGHÈO` alone under the header groups the poor households: a section, not a
    second header row (though `Hộ nghèo` can head a column of x marks)."""
    text = (
        "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "HỘ NGHÈO,,,,\nH-1,Cam Thành,Kinh,3,Hộ nghèo\n"
    )
    result = clean(csv_file(tmp_path / "s.csv", text), spec, registry)
    assert result.ledger["header_rows"] == 1 and kept_ids(result) == ["H-1"]
    assert result.ledger["section_rows"] == 1 and result.rejects.empty


def test_a_numbered_section_under_the_header_is_no_header_row(tmp_path, spec, registry):
    """`I | | Hộ nghèo` under `TT | Mã hộ | Họ và tên chủ hộ`: a section grouping the poor
    households, though `Hộ nghèo` can head a column of x marks; the names stay dropped."""
    text = (
        "TT,Mã hộ,Họ và tên chủ hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "I,,Hộ nghèo,,,,\n1,H-1,Khuất Duyên Hải,Cam Thành,Kinh,3,Hộ nghèo\n"
        "II,,Hộ cận nghèo,,,,\n2,H-2,Mang Thị Lụa,Cam Thành,Kinh,2,Hộ cận nghèo\n"
    )
    result = clean(csv_file(tmp_path / "s.csv", text), spec, registry)
    assert result.ledger["header_rows"] == 1 and result.ledger["section_rows"] == 2
    assert kept_ids(result) == ["H-1", "H-2"] and result.rejects.empty
