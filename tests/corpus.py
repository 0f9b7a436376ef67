"""A corpus of awkward and malformed raw files, each with what the pipeline must do with it.

Every file is written by this script (never by hand): `python tests/corpus.py OUTDIR`
writes them all, for anyone who wants to open them. `tests/test_corpus.py` writes them to
a temporary folder and checks each expectation:

- `ok`: read with no reject, `kept` households;
- `rejects`: the exact (Excel row, field, reason) lines expected, and `kept` households;
- `error`: the file is refused with one line containing `error`.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import xlwt
from openpyxl import Workbook

from povertyplan.core.legacy import TCVN3_ENCODE, VNI_ENCODE, cp1258_encode
from povertyplan_dev.generate import CommuneSpec, generate_review

HEADER = ["Mã hộ", "Họ và tên chủ hộ", "Xã", "Thôn", "Dân tộc", "Số nhân khẩu", "Thu nhập bình quân",
          "Kết quả rà soát", "Dự kiến thoát nghèo"]  # fmt: skip
ROW_1 = ["H-1", "Nguyễn Văn Hùng", "Cam Thành", "Thôn 1", "Kinh", 3, 650000, "Hộ nghèo", "x"]
ROW_2 = ["H-2", "Trần Thị Hương", "Cam Thành", "Thôn 2", "Kinh", 4, 950000, "Hộ cận nghèo", ""]
PERSONAL = ["Nguyễn Văn Hùng", "Trần Thị Hương", "Lê Đức Lợi"]
ROW_3 = ["H-3", "Lê Đức Lợi", "Cam Thành", "Thôn 2", "Vân Kiều", 5, 2500000, "Không nghèo", ""]


@dataclass
class Case:
    """One corpus file (or several files read together) and its expected outcome."""

    name: str
    write: Callable[[Path], list[Path]]
    expect: str  # ok | rejects | error
    kept: int = 0
    rejects: list[tuple[int, str, str]] = field(default_factory=list)
    error: str = ""
    check: Callable[[object], None] | None = None


def csv_text(rows: list[list[object]], sep: str = ",") -> str:
    return "".join(sep.join(str(v) for v in row) + "\n" for row in rows)


def excel_csv(rows: list[list[object]]) -> str:
    """CSV text as Excel saves it: a cell holding a comma is quoted."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def write_csv(name: str, rows: list[list[object]], encoding: str = "utf-8", sep: str = ","):
    def write(folder: Path) -> list[Path]:
        path = folder / name
        path.write_bytes(csv_text(rows, sep).encode(encoding))
        return [path]

    return write


def write_bytes(name: str, data: bytes):
    def write(folder: Path) -> list[Path]:
        (folder / name).write_bytes(data)
        return [folder / name]

    return write


def write_xlsx(name: str, rows: list[list[object]], prepare: Callable | None = None):
    def write(folder: Path) -> list[Path]:
        book = Workbook()
        sheet = book.active
        sheet.title = "Danh sách"
        for row in rows:
            sheet.append(row)
        if prepare:
            prepare(book, sheet)
        book.save(folder / name)
        return [folder / name]

    return write


def tcvn3(text: str) -> bytes:
    return bytes(TCVN3_ENCODE[c] if not c.isascii() else ord(c) for c in text)


def vni(text: str) -> bytes:
    return "".join(VNI_ENCODE.get(c, c) for c in text).encode("cp1252")


def shown(data: bytes) -> str:
    """The characters Excel shows for bytes typed with a legacy font."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in data
    )


GOOD = [HEADER, ROW_1, ROW_2, ROW_3]


def with_cells(row: list[object], **changes: object) -> list[object]:
    out = list(row)
    for header, value in changes.items():
        out[HEADER.index(header.replace("_", " "))] = value
    return out


def _generated(folder: Path) -> list[Path]:
    spec = CommuneSpec(
        "19612", "Cam Thành", "Xã Cam Thành", "rural", 25, 4, 1, 3, file_name="generated.xlsx"
    )
    return generate_review([spec], 2018, folder / "gen")


def _xls(folder: Path) -> list[Path]:
    book = xlwt.Workbook()
    sheet = book.add_sheet("DS")
    for r, row in enumerate(GOOD):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(folder / "legacy_format.xls"))
    return [folder / "legacy_format.xls"]


def _capitals_font(book, sheet) -> None:
    sheet["C2"] = shown(tcvn3("CAM THàNH"))  # .VnTimeH: capitals drawn from lower-case codes


def _legacy_cells(book, sheet) -> None:
    for row in range(2, 5):
        sheet.cell(row=row, column=2).value = shown(tcvn3(sheet.cell(row=row, column=2).value))
        sheet.cell(row=row, column=3).value = shown(vni(sheet.cell(row=row, column=3).value))


def _merged_header(book, sheet) -> None:
    sheet.insert_rows(1)
    for col in range(1, len(HEADER) + 1):
        sheet.cell(row=1, column=col).value = sheet.cell(row=2, column=col).value
        sheet.cell(row=2, column=col).value = None
        sheet.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)


def _two_row_header_one_column_right(folder: Path) -> list[Path]:
    """A title, then a two-row header whose last two columns sit under a merged group
    label, everything starting in column B."""
    book = Workbook()
    sheet = book.active
    sheet["B1"] = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2018"
    upper = [*HEADER[:-2], "Kết quả", None]
    lower = [None] * (len(HEADER) - 2) + HEADER[-2:]
    for col, (up, low) in enumerate(zip(upper, lower, strict=True), start=2):
        sheet.cell(row=3, column=col, value=up)
        sheet.cell(row=4, column=col, value=low)
        if low is None:
            sheet.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    last = len(HEADER) + 1
    sheet.merge_cells(start_row=3, start_column=last - 1, end_row=3, end_column=last)
    for r, row in enumerate(GOOD[1:], start=5):
        for col, value in enumerate(row, start=2):
            sheet.cell(row=r, column=col, value=value)
    path = folder / "two_row_header_one_column_right.xlsx"
    book.save(path)
    return [path]


def _data_right_of_header(book, sheet) -> None:
    for row in range(2, 5):
        values = [sheet.cell(row=row, column=c).value for c in range(1, len(HEADER) + 1)]
        for c, value in enumerate([None, *values], start=1):
            sheet.cell(row=row, column=c).value = value


def _formula(book, sheet) -> None:
    sheet["F3"] = "=F2+1"


def _date(book, sheet) -> None:
    sheet["F3"].number_format = "dd/mm/yyyy"


def _error_cell(book, sheet) -> None:
    sheet["H3"] = "#N/A"


def _hidden(book, sheet) -> None:
    hidden = book.create_sheet("Danh mục ẩn")
    hidden.append(HEADER)
    hidden.append(with_cells(ROW_1, Mã_hộ="H-9"))
    hidden.sheet_state = "hidden"


def _two_sheets(book, sheet) -> None:
    other = book.create_sheet("Thôn 2")
    other.append(HEADER)
    other.append(with_cells(ROW_2, Mã_hộ="H-8"))


def _totals_and_signatures(book, sheet) -> None:
    sheet.append(["Tổng cộng", "", "", "", "", 12])
    sheet.append([])
    sheet.append(["", "Người lập biểu", "", "", "", "", "", "CHỦ TỊCH UBND XÃ"])
    sheet.append(["", "Lê Thị Cán Bộ", "", "", "", "", "", "Trần Văn Chủ Tịch"])


def _index_row(book, sheet) -> None:
    sheet.insert_rows(2)
    for col, label in enumerate(["A", "B", "1", "2", "3", "4", "5", "6", "7"], start=1):
        sheet.cell(row=2, column=col).value = label


def _across(folder: Path) -> list[Path]:
    (folder / "xa_a.csv").write_text(csv_text(GOOD), encoding="utf-8")
    other = [
        HEADER,
        with_cells(ROW_1, Thôn="Thôn 5"),  # H-1 of Cam Thành again, with another village
        with_cells(ROW_2, Mã_hộ="H-7", Xã="Cam Thanh"),
    ]
    (folder / "xa_b.csv").write_text(csv_text(other), encoding="utf-8")
    return [folder / "xa_a.csv", folder / "xa_b.csv"]


def _assert_codes(result, codes: set[str]) -> None:
    assert set(result.households["commune_code"]) == codes


LEGACY_ROWS = [
    HEADER,
    ["L-1", "Hồ Văn Lộc", "TT Cam Lộ", "Khu phố 1", "Kinh", 3, 650000, "Hộ nghèo", ""],
    ["L-2", "Lê Thị Nghĩa", "Cam Chính", "Thôn Phổ Lại", "Pa Kô", 4, 950000, "Hộ cận nghèo", ""],
    ["L-3", "Trần Đức Chính", "Cam Nghĩa", "Thôn Định Sơn", "Kinh", 2, 2500000, "Không nghèo", ""],
]


def _whole_sheet(encode: Callable[[str], bytes]):
    def prepare(book, sheet) -> None:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value:
                    cell.value = shown(encode(cell.value))

    return prepare


def _check_legacy_sheet(result) -> None:
    households = result.households
    assert households["commune_code"].tolist() == ["19597", "19618", "19621"]
    assert households["village"].tolist() == ["Khu phố 1", "Thôn Phổ Lại", "Thôn Định Sơn"]
    assert households["ethnicity"].tolist() == ["Kinh", "Pa Kô", "Kinh"]


def _merged_section(book, sheet) -> None:
    sheet.insert_rows(2)
    sheet["A2"] = "I. Thành thị"
    sheet.merge_cells("A2:H2")


def _check_communes(result) -> None:
    assert result.households["commune_code"].tolist() == ["19609", "19612"]


def _check_numbers(result) -> None:
    assert result.households["income"].tolist() == [1_200_000, 412_204]
    assert result.households["members"].tolist() == [3, 4]


def _check_flags(result) -> None:
    assert result.households["can_exit"].tolist() == [True, True, True, True, True, False, False]


def _check_hidden(result) -> None:
    assert result.ledger["ignored_sheets"] == ["Danh mục ẩn (hidden)"]


CASES = [
    Case("utf8.csv", write_csv("utf8.csv", GOOD), "ok", kept=3),
    Case("utf8_bom.csv", write_csv("utf8_bom.csv", GOOD, "utf-8-sig"), "ok", kept=3),
    Case("utf16.csv", write_csv("utf16.csv", GOOD, "utf-16"), "ok", kept=3),
    Case("utf16le_no_bom.csv", write_csv("utf16le_no_bom.csv", GOOD, "utf-16-le"), "ok", kept=3),
    Case("cp1258.csv", write_bytes("cp1258.csv", cp1258_encode(csv_text(GOOD))), "ok", kept=3),
    Case("tcvn3.csv", write_bytes("tcvn3.csv", tcvn3(csv_text(GOOD))), "ok", kept=3),
    Case("vni.csv", write_bytes("vni.csv", vni(csv_text(GOOD))), "ok", kept=3),
    Case("semicolon.csv", write_csv("semicolon.csv", GOOD, sep=";"), "ok", kept=3),
    Case("tab.csv", write_csv("tab.csv", GOOD, sep="\t"), "ok", kept=3),
    Case(
        "tcvn3_capitals_font.xlsx",
        write_xlsx("tcvn3_capitals_font.xlsx", GOOD, _capitals_font),
        "ok",
        kept=3,
    ),
    Case(
        "legacy_font_cells.xlsx",
        write_xlsx("legacy_font_cells.xlsx", GOOD, _legacy_cells),
        "ok",
        kept=3,
    ),
    Case(
        "merged_header.xlsx", write_xlsx("merged_header.xlsx", GOOD, _merged_header), "ok", kept=3
    ),
    Case("generated_layout.xlsx", _generated, "ok", kept=25),
    Case("legacy_format.xls", _xls, "ok", kept=3),
    Case("two_row_header_one_column_right.xlsx", _two_row_header_one_column_right, "ok", kept=3),
    Case(
        "data_one_column_right_of_header.xlsx",
        write_xlsx("data_one_column_right_of_header.xlsx", GOOD, _data_right_of_header),
        "rejects",
        kept=0,
        # the first row has a cell beyond the header; the others (last cell blank) are
        # rejected cell by cell, with the name that moved into 'Xã' shown as ***
        rejects=[(2, "household_id", "row_longer_than_header")]
        + [
            (r, field, reason)
            for r in (3, 4)
            for field, reason in (
                ("household_id", "missing_household_id"),
                ("commune", "unknown_commune"),
                ("members", "not_an_integer"),
                ("status", "unknown_status"),
                ("can_exit", "bad_flag"),
            )
        ],
    ),
    Case(
        "missing_required_column.xlsx",
        write_xlsx("missing_required_column.xlsx", [[h for h in HEADER if h != "Số nhân khẩu"]]),
        "error",
        error="required columns are missing: 'Số nhân khẩu'",
    ),
    Case(
        "unknown_commune.csv",
        write_csv("unknown_commune.csv", [HEADER, ROW_1, with_cells(ROW_2, Xã="Cam Thạnh")]),
        "rejects",
        kept=1,
        rejects=[(3, "commune", "unknown_commune")],
    ),
    Case(
        "cam_thanh_vs_cam_thanh.csv",
        write_csv("cam_thanh_vs_cam_thanh.csv", [HEADER, with_cells(ROW_1, Xã="CAM THANH"), ROW_2]),
        "ok",
        kept=2,
        check=_check_communes,
    ),
    Case(
        "duplicate_identical_rows.csv",
        write_csv("duplicate_identical_rows.csv", [HEADER, ROW_1, ROW_1, ROW_2]),
        "rejects",
        kept=2,
        rejects=[(3, "household_id", "duplicate_row")],
    ),
    Case(
        "duplicate_conflicting_ids.csv",
        write_csv("duplicate_conflicting_ids.csv", [HEADER, ROW_1, with_cells(ROW_2, Mã_hộ="H-1")]),
        "rejects",
        kept=0,
        rejects=[
            (2, "household_id", "duplicate_household_id"),
            (3, "household_id", "duplicate_household_id"),
        ],
    ),
    Case(
        "duplicates_across_files",
        _across,
        "rejects",
        kept=3,
        rejects=[
            (2, "household_id", "duplicate_across_files"),
            (2, "household_id", "duplicate_across_files"),
        ],
    ),
    Case(
        "empty.csv",
        write_bytes("empty.csv", b""),
        "error",
        error="no header row with a household ID column",
    ),
    Case("header_only.csv", write_csv("header_only.csv", [HEADER]), "ok", kept=0),
    Case(
        "formula_without_value.xlsx",
        write_xlsx("formula_without_value.xlsx", GOOD, _formula),
        "rejects",
        kept=2,
        rejects=[(3, "members", "formula_without_value")],
    ),
    Case(
        "date_formatted_number.xlsx",
        write_xlsx("date_formatted_number.xlsx", GOOD, _date),
        "rejects",
        kept=2,
        rejects=[(3, "members", "date_not_number")],
    ),
    Case(
        "excel_error_cell.xlsx",
        write_xlsx("excel_error_cell.xlsx", GOOD, _error_cell),
        "rejects",
        kept=2,
        rejects=[(3, "status", "excel_error")],
    ),
    Case(
        "hidden_sheet.xlsx",
        write_xlsx("hidden_sheet.xlsx", GOOD, _hidden),
        "ok",
        kept=3,
        check=_check_hidden,
    ),
    Case(
        "two_data_sheets.xlsx", write_xlsx("two_data_sheets.xlsx", GOOD, _two_sheets), "ok", kept=4
    ),
    Case(
        "text_in_number_column.csv",
        write_csv(
            "text_in_number_column.csv",
            [HEADER, ROW_1, with_cells(ROW_2, Thu_nhập_bình_quân="một triệu")],
        ),
        "rejects",
        kept=1,
        rejects=[(3, "income", "not_a_number")],
    ),
    Case(
        "vietnamese_numbers.csv",
        write_csv(
            "vietnamese_numbers.csv",
            [
                HEADER,
                with_cells(ROW_1, Thu_nhập_bình_quân='"1.200.000"'),
                with_cells(ROW_2, Thu_nhập_bình_quân="412204.00", Số_nhân_khẩu=" 4 "),
            ],
        ),
        "ok",
        kept=2,
        check=_check_numbers,
    ),
    Case(
        "flag_variants.csv",
        write_csv(
            "flag_variants.csv",
            [HEADER]
            + [
                with_cells(ROW_1, Mã_hộ=f"F-{i}", Dự_kiến_thoát_nghèo=mark)
                for i, mark in enumerate(["x", "X", "1", "có", "Có", "", "0"])
            ],
        ),
        "ok",
        kept=7,
        check=_check_flags,
    ),
    Case(
        "section_rows.csv",
        write_csv("section_rows.csv", [HEADER, ["I. Thành thị"], ROW_1, ["II. Nông thôn"], ROW_2]),
        "ok",
        kept=2,
    ),
    Case(
        "totals_and_signatures.xlsx",
        write_xlsx("totals_and_signatures.xlsx", GOOD, _totals_and_signatures),
        "ok",
        kept=3,
    ),
    Case("index_row.xlsx", write_xlsx("index_row.xlsx", GOOD, _index_row), "ok", kept=3),
    Case(
        "comma_inside_a_name.csv",
        write_bytes(
            "comma_inside_a_name.csv",
            (
                csv_text([HEADER, ROW_1])
                + ("H-2,Trần, Thị Hương,Cam Thành,Thôn 2,Kinh,4,950000,Hộ cận nghèo,\n")
            ).encode(),
        ),
        "rejects",
        kept=1,
        rejects=[(3, "household_id", "row_longer_than_header")],
    ),
    Case(
        "wrong_extension.txt",
        write_csv("wrong_extension.txt", GOOD),
        "error",
        error="has the extension '.txt'",
    ),
    Case(
        "not_really_excel.xlsx",
        write_bytes("not_really_excel.xlsx", b"Ma ho,Xa\nH-1,Cam Thanh\n"),
        "error",
        error="cannot be opened as an Excel workbook",
    ),
    Case(
        "can_exit_on_near_poor.csv",
        write_csv(
            "can_exit_on_near_poor.csv", [HEADER, ROW_1, with_cells(ROW_2, Dự_kiến_thoát_nghèo="x")]
        ),
        "rejects",
        kept=1,
        rejects=[(3, "can_exit", "can_exit_not_poor")],
    ),
    Case(
        "members_out_of_range.csv",
        write_csv("members_out_of_range.csv", [HEADER, ROW_1, with_cells(ROW_2, Số_nhân_khẩu=45)]),
        "rejects",
        kept=1,
        rejects=[(3, "members", "out_of_range")],
    ),
    Case(
        "unknown_status.csv",
        write_csv("unknown_status.csv", [HEADER, ROW_1, with_cells(ROW_2, Kết_quả_rà_soát="Khá")]),
        "rejects",
        kept=1,
        rejects=[(3, "status", "unknown_status")],
    ),
    Case(
        "commune_in_title_only.xlsx",
        write_xlsx(
            "commune_in_title_only.xlsx",
            [
                ["UBND XÃ CAM THÀNH, HUYỆN CAM LỘ"],
                [],
                *[[c for i, c in enumerate(r) if i != 2] for r in GOOD],
            ],
        ),
        "ok",
        kept=3,
        check=lambda result: _assert_codes(result, {"19612"}),
    ),
    Case(
        "cam_tuyen_commune_in_file_name_only.csv",
        write_csv(
            "cam_tuyen_commune_in_file_name_only.csv",
            [[c for i, c in enumerate(r) if i != 2] for r in GOOD],
        ),
        "ok",
        kept=3,
        check=lambda result: _assert_codes(result, {"19600"}),
    ),
    Case(
        "no_commune_anywhere.csv",
        write_csv(
            "no_commune_anywhere.csv", [[c for i, c in enumerate(r) if i != 2] for r in GOOD]
        ),
        "error",
        error="there is no commune column, and neither the title nor the file name names one commune",
    ),
    Case(
        "numeric_id_and_a_name_only.csv",
        write_csv("numeric_id_and_a_name_only.csv", [HEADER, ROW_1, ["12", "Lê Văn Tám"]]),
        "rejects",
        kept=1,
        rejects=[
            (3, "commune", "missing_value"),
            (3, "ethnicity", "missing_value"),
            (3, "members", "missing_value"),
        ],
    ),
    Case(
        "household_below_the_total.csv",
        write_csv(
            "household_below_the_total.csv",
            [
                HEADER,
                ROW_1,
                ["Tổng cộng", "", "", "", "", 3],
                ["H-7", "", "", "", "", "", "", "Hộ nghèo"],
            ],
        ),
        "rejects",
        kept=1,
        rejects=[
            (4, "commune", "missing_value"),
            (4, "ethnicity", "missing_value"),
            (4, "members", "missing_value"),
        ],
    ),
    Case(
        "note_that_starts_like_a_total.csv",
        write_csv(
            "note_that_starts_like_a_total.csv",
            [[*HEADER, "Ghi chú"], [*with_cells(ROW_1, Xã=""), "Cộng đồng hỗ trợ"], ROW_2],
        ),
        "rejects",
        kept=1,
        rejects=[(2, "commune", "missing_value")],
    ),
    Case(
        "unclosed_quote.csv",
        write_bytes(
            "unclosed_quote.csv",
            (
                csv_text([HEADER])
                + 'H-1,"Nguyễn Văn Hùng,Cam Thành,Thôn 1,Kinh,3,650000,Hộ nghèo,x\n'
                + csv_text([ROW_2])
            ).encode(),
        ),
        "error",
        error="a quotation mark is not closed",
    ),
    Case(
        "whole_sheet_typed_in_vni.xlsx",
        write_xlsx("whole_sheet_typed_in_vni.xlsx", LEGACY_ROWS, _whole_sheet(vni)),
        "ok",
        kept=3,
        check=_check_legacy_sheet,
    ),
    Case(
        "whole_sheet_typed_in_tcvn3.xlsx",
        write_xlsx("whole_sheet_typed_in_tcvn3.xlsx", LEGACY_ROWS, _whole_sheet(tcvn3)),
        "ok",
        kept=3,
        check=_check_legacy_sheet,
    ),
    Case(
        "merged_section_row.xlsx",
        write_xlsx("merged_section_row.xlsx", GOOD, _merged_section),
        "ok",
        kept=3,
    ),
    Case(
        "commune_as_code.csv",
        write_csv("commune_as_code.csv", [HEADER, with_cells(ROW_1, Xã="19612")]),
        "ok",
        kept=1,
    ),
    Case(
        "missing_household_id.csv",
        write_csv("missing_household_id.csv", [HEADER, ROW_1, with_cells(ROW_2, Mã_hộ="")]),
        "rejects",
        kept=1,
        rejects=[(3, "household_id", "missing_household_id")],
    ),
]


# --- Files written the way commune officers write them (issue 10) -------------------------

OFFICER_HEADER = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Số CCCD", "Xã", "Thôn", "Dân tộc",
                  "Số nhân khẩu", "Thu nhập bình quân (đồng/người/tháng)", "Kết quả rà soát",
                  "Nguyên nhân nghèo"]  # fmt: skip


def officer_row(
    n: int,
    commune: str = "Cam Thành",
    code: str | None = None,
    income: object = 650000,
    status: str = "Hộ nghèo",
    cause: str = "",
) -> list[object]:
    """One household as an officer types it (the head's name and CCCD included)."""
    code = code if code is not None else f"CT-{n:03d}"
    return [n, code, f"Khuất Thị Mơ {n}", f"0451{n:08d}", commune, "Thôn Phú Hưng", "Kinh", 3,
            income, status, cause]  # fmt: skip


# names an officer wrote where no name belongs: a free-text cause, the signers under the
# table (family names that are on no list), an old ID number
PLANTED = ["Phan Văn Khải", "Khuất Thị Duyên", "Mang Văn Tịnh", "045123456789", "194567890",
           "Ung Hoà", "Lữ Quang Thắng", "Lữ Tường"]  # fmt: skip


def _causes(folder: Path) -> list[Path]:
    rows = [
        OFFICER_HEADER,
        officer_row(1, cause="Chồng Phan Văn Khải bị ốm nặng, CMND 194567890"),
        officer_row(2, cause="Thiếu vốn; không có đất sản xuất"),
        officer_row(3, cause="Hoàn cảnh khó khăn (xem hồ sơ 045123456789)"),
        officer_row(4, status="Không nghèo", income=2500000),
    ]
    path = folder / "nguyen_nhan_ngheo.csv"
    path.write_text(excel_csv(rows), encoding="utf-8")
    return [path]


def _check_causes(result) -> None:
    causes = result.households["cause"].fillna("").tolist()
    assert causes == ["illness", "land|capital", "other", ""]


def _signed_without_total(folder: Path) -> list[Path]:
    """No Tổng cộng: a row of sums, a place-and-date line, the signers' titles, their
    names under the titles (family names on no list), one of them in a field column."""
    book = Workbook()
    sheet = book.active
    sheet.append(["UBND XÃ CAM THÀNH"])
    sheet.append(["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2018"])
    sheet.append(OFFICER_HEADER)
    for n in (1, 2, 3):
        sheet.append(officer_row(n))
    sheet.append(["", "", "", "", "", "", "", 9, 1950000])  # the row of sums
    sheet.append([])
    sheet.append(["", "", "", "", "", "", "", "Cam Lộ, ngày 31 tháng 12 năm 2018"])
    sheet.append(["", "NGƯỜI LẬP BIỂU", "", "", "", "", "", "TM. UBND XÃ"])
    sheet.append(["", "", "", "", "", "", "", "CHỦ TỊCH"])
    sheet.append(["", "(Ký, ghi rõ họ tên)", "", "", "", "", "", "(Ký tên, đóng dấu)"])
    sheet.append([])
    sheet.append(["", "Khuất Duyên", "", "", "", "", "", "Mang Tịnh"])
    path = folder / "ky_ten_khong_tong_cong.xlsx"
    book.save(path)
    return [path]


def _check_signed(result) -> None:
    ledger = result.ledger
    assert (ledger["total_rows"], ledger["footer_rows"], ledger["title_rows"]) == (1, 5, 2)


def _date_line_in_the_code_column(folder: Path) -> list[Path]:
    rows = [OFFICER_HEADER, officer_row(1), officer_row(2), [],
            ["", "Cam Thành, ngày 28 tháng 12 năm 2018"], ["", "Người lập biểu"],
            ["", "Mang Văn Tịnh"]]  # fmt: skip
    path = folder / "ngay_thang_o_cot_ma_ho.csv"
    path.write_text(excel_csv(rows), encoding="utf-8")
    return [path]


def _numbered_per_commune(folder: Path) -> list[Path]:
    """Two communes number their households 001, 002…: one file each, and one district
    file holding both."""
    for name, commune in (("cam_thanh.csv", "Cam Thành"), ("cam_thanh_khong_dau.csv", "Cam Thanh")):
        rows = [OFFICER_HEADER] + [officer_row(n, commune, code=f"{n:03d}") for n in range(1, 11)]
        (folder / name).write_text(excel_csv(rows), encoding="utf-8")
    both = [OFFICER_HEADER] + [
        officer_row(n, commune, code=f"{n:03d}")
        for commune in ("Cam Chính", "Cam Nghĩa")
        for n in (1, 2)
    ]
    (folder / "ca_huyen.csv").write_text(excel_csv(both), encoding="utf-8")
    return [folder / "cam_thanh.csv", folder / "cam_thanh_khong_dau.csv", folder / "ca_huyen.csv"]


def _sent_twice(folder: Path) -> list[Path]:
    rows = [OFFICER_HEADER] + [officer_row(n) for n in (1, 2, 3)]
    data = excel_csv(rows).encode("utf-8")
    (folder / "cam_thanh.csv").write_bytes(data)
    (folder / "cam_thanh - Copy.csv").write_bytes(data)
    return [folder / "cam_thanh - Copy.csv", folder / "cam_thanh.csv"]


def _check_sent_twice(result) -> None:
    ledger = result.ledger.set_index("source_file")
    assert ledger.loc["cam_thanh - Copy.csv", "duplicate_of"] == "cam_thanh.csv"
    assert ledger.loc["cam_thanh - Copy.csv", "rows_read"] == 0
    assert ledger.loc["cam_thanh.csv", "rows_kept"] == 3


def _saved_again(folder: Path) -> list[Path]:
    """The same list saved again from Excel: other bytes (a sheet renamed, a row of
    blanks), the same households."""
    rows = [OFFICER_HEADER] + [officer_row(n) for n in (1, 2, 3)]
    write_xlsx("ds_cam_thanh.xlsx", rows)(folder)
    write_xlsx("ds_cam_thanh (2).xlsx", [["UBND XÃ CAM THÀNH"], *rows, []])(folder)
    return [folder / "ds_cam_thanh (2).xlsx", folder / "ds_cam_thanh.xlsx"]


def _check_saved_again(result) -> None:
    ledger = result.ledger.set_index("source_file")
    assert ledger.loc["ds_cam_thanh (2).xlsx", "duplicate_of"] == "ds_cam_thanh.xlsx"


def _one_household_sent_again(folder: Path) -> list[Path]:
    first = [OFFICER_HEADER] + [officer_row(n) for n in (1, 2, 3)]
    again = [OFFICER_HEADER, officer_row(3), officer_row(4), officer_row(5)]
    (folder / "dot_1.csv").write_text(excel_csv(first), encoding="utf-8")
    (folder / "dot_2_bo_sung.csv").write_text(excel_csv(again), encoding="utf-8")
    return [folder / "dot_1.csv", folder / "dot_2_bo_sung.csv"]


def _nine_digit_codes(folder: Path) -> list[Path]:
    rows = [OFFICER_HEADER] + [officer_row(n, code=f"19612{3000 + n}") for n in (1, 2, 3)]
    rows.append(officer_row(4, code="045185484977"))  # a CCCD typed as the code
    path = folder / "ma_ho_9_chu_so.csv"
    path.write_text(excel_csv(rows), encoding="utf-8")
    return [path]


def _official_three_row_header(folder: Path) -> list[Path]:
    """The form's header: group / dimension / indicator, merged down and across, then the
    index row."""
    book = Workbook()
    sheet = book.active
    sheet.append(["UBND XÃ CAM THÀNH"])
    sheet.append(["DANH SÁCH KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2018"])
    single = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Xã", "Dân tộc", "Số nhân khẩu",
              "Thu nhập bình quân (đồng/người/tháng)"]  # fmt: skip
    dimensions = [("Y tế", ["Tiếp cận dịch vụ y tế", "Bảo hiểm y tế"]),
                  ("Giáo dục", ["Trình độ giáo dục của người lớn", "Tình trạng đi học của trẻ em"]),
                  ("Nhà ở", ["Chất lượng nhà ở", "Diện tích nhà ở bình quân đầu người"]),
                  ("Nước sạch và vệ sinh", ["Nguồn nước sinh hoạt", "Hố xí/nhà tiêu hợp vệ sinh"]),
                  ("Thông tin", ["Sử dụng dịch vụ viễn thông", "Tài sản phục vụ tiếp cận thông tin"])]  # fmt: skip
    top = 3
    for col, label in enumerate(single, start=1):
        sheet.cell(row=top, column=col, value=label)
        sheet.merge_cells(start_row=top, start_column=col, end_row=top + 2, end_column=col)
    first = len(single) + 1
    sheet.cell(row=top, column=first, value="Chỉ số thiếu hụt dịch vụ xã hội cơ bản")
    sheet.merge_cells(start_row=top, start_column=first, end_row=top, end_column=first + 9)
    col = first
    for dimension, indicators in dimensions:
        sheet.cell(row=top + 1, column=col, value=dimension)
        sheet.merge_cells(start_row=top + 1, start_column=col, end_row=top + 1, end_column=col + 1)
        for offset, indicator in enumerate(indicators):
            sheet.cell(row=top + 2, column=col + offset, value=indicator)
        col += 2
    sheet.cell(row=top, column=col, value="Kết quả rà soát")
    sheet.merge_cells(start_row=top, start_column=col, end_row=top + 2, end_column=col)
    sheet.append(["A", "B", *[str(n) for n in range(1, col - 1)]])  # the index row
    marks = [["x", "", "", "", "x", "x", "", "x", "", ""], [""] * 10, ["x"] * 10]
    for n, (status, deprived) in enumerate(
        zip(["Hộ nghèo", "Hộ cận nghèo", "Hộ nghèo"], marks, strict=True), start=1
    ):
        sheet.append(
            [n, f"CT-{n}", f"Khuất Văn Tư {n}", "Cam Thành", "Kinh", 4, 650000, *deprived, status]
        )
    path = folder / "tieu_de_ba_dong.xlsx"
    book.save(path)
    return [path]


def _check_three_rows(result) -> None:
    ledger = result.ledger
    assert (ledger["title_rows"], ledger["header_rows"], ledger["index_rows"]) == (2, 3, 1)
    assert result.households["deprivation_count"].tolist() == [4, 0, 10]
    assert result.households["dep_housing_area"].tolist() == [True, False, True]


def _two_id_columns_and_commune_code(folder: Path) -> list[Path]:
    header = ["Mã hộ", "Họ và tên chủ hộ", "Số CMND", "Số CCCD", "Mã xã", "Xã", "Dân tộc",
              "Số nhân khẩu", "Kết quả rà soát"]  # fmt: skip
    rows = [
        header,
        ["H-1", "Khuất Văn Tư", "194567890", "", "19612", "Cam Thành", "Kinh", 3, "Hộ nghèo"],
        ["H-2", "Mang Thị Lụa", "", "045185484977", "19612", "CAM THÀNH", "Kinh", 4, "Cận nghèo"],
        ["H-3", "Khuất Thị Mơ", "", "045185484978", "19609", "Cam Thành", "Kinh", 2, "Hộ nghèo"],
    ]
    path = folder / "hai_cot_so_giay_to.csv"
    path.write_text(excel_csv(rows), encoding="utf-8")
    return [path]


def _title_names_another_commune(folder: Path) -> list[Path]:
    rows = [["UBND XÃ CAM THÀNH"], ["DANH SÁCH HỘ NGHÈO NĂM 2018"], OFFICER_HEADER]
    rows += [officer_row(n, "CAM THANH") for n in (1, 2, 3)]
    path = folder / "tieu_de_cam_thanh.xlsx"
    write_xlsx(path.name, rows)(folder)
    return [path]


def _income_in_thousands(folder: Path) -> list[Path]:
    rows = [OFFICER_HEADER]
    for n, (income, status) in enumerate(
        [(650, "Hộ nghèo"), ("950", "Hộ cận nghèo"), ("2.500", "Không nghèo")], start=1
    ):
        rows.append(officer_row(n, income=income, status=status))
    (folder / "thu_nhap_nghin_dong.csv").write_text(excel_csv(rows), encoding="utf-8")
    declared = [[*OFFICER_HEADER[:8], "Thu nhập BQ (nghìn đồng/người/tháng)", *OFFICER_HEADER[9:]]]
    for n, income in enumerate([650, 950, 12500], start=1):
        declared.append(officer_row(n, code=f"CT-1{n:02d}", income=income))
    (folder / "thu_nhap_ghi_nghin_dong.csv").write_text(excel_csv(declared), encoding="utf-8")
    return [folder / "thu_nhap_nghin_dong.csv", folder / "thu_nhap_ghi_nghin_dong.csv"]


def _check_thousands(result) -> None:
    incomes = result.households.sort_values(["source_file", "source_row"])["income"].tolist()
    assert incomes == [650_000, 950_000, 12_500_000, 650_000, 950_000, 2_500_000]
    ledger = result.ledger.set_index("source_file")
    assert ledger.loc["thu_nhap_nghin_dong.csv", ["income_unit", "income_unit_basis"]].tolist() == [
        "thousand_dong",
        "values",
    ]
    assert ledger.loc["thu_nhap_ghi_nghin_dong.csv", "income_unit_basis"] == "header"


def _status_as_marks(folder: Path) -> list[Path]:
    book = Workbook()
    sheet = book.active
    upper = ["Mã hộ", "Họ và tên chủ hộ", "Xã", "Dân tộc", "Số nhân khẩu", "Kết quả rà soát", None]
    lower = [None] * 5 + ["Hộ nghèo", "Hộ cận nghèo"]
    sheet.append(upper)
    sheet.append(lower)
    for col in range(1, 6):
        sheet.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    sheet.merge_cells(start_row=1, start_column=6, end_row=1, end_column=7)
    for row in (
        ["M-1", "Khuất Văn Tư", "Cam Thành", "Kinh", 3, "x", ""],
        ["M-2", "Mang Thị Lụa", "Cam Thành", "Kinh", 2, "", "x"],
        ["M-3", "Khuất Thị Mơ", "Cam Thành", "Kinh", 5, "", ""],
        ["M-4", "Mang Văn Tịnh", "Cam Thành", "Kinh", 4, "x", "X"],
    ):
        sheet.append(row)
    path = folder / "ket_qua_danh_dau.xlsx"
    book.save(path)
    return [path]


def _check_marks(result) -> None:
    assert result.households["status"].tolist() == ["poor", "near_poor", "not_poor"]


def _scientific_codes(folder: Path) -> list[Path]:
    rows = [OFFICER_HEADER] + [officer_row(n, code="1.96E+11") for n in (1, 2, 3)]
    rows.append(officer_row(4, code="196120000004"))
    path = folder / "mo_bang_excel.csv"
    path.write_text(excel_csv(rows), encoding="utf-8")
    return [path]


def _check_sent_back_to_the_title(result) -> None:
    assert set(result.rejects["commune_code"]) == {"19612"}  # whom to send them back to


def _check_sent_back_to_the_file(result) -> None:
    assert set(result.rejects["commune_code"]) == {"19612"}


def _hidden_column_of_last_year(folder: Path) -> list[Path]:
    """Last year's result kept in a hidden column beside this year's."""
    header = [*OFFICER_HEADER, "Phân loại"]
    rows = [header] + [officer_row(n) + ["Hộ cận nghèo"] for n in (1, 2)]

    def hide(book, sheet) -> None:
        sheet.column_dimensions["L"].hidden = True

    write_xlsx("an_cot_nam_truoc.xlsx", rows, hide)(folder)
    return [folder / "an_cot_nam_truoc.xlsx"]


def _check_hidden_column(result) -> None:
    assert result.households["status"].tolist() == ["poor", "poor"]
    assert "Phân loại (hidden)" in result.ledger["ignored_columns"]


def _amounts_in_another_unit(folder: Path) -> list[Path]:
    """One amount typed in full in a list in thousand đồng, one in thousands in a list in
    đồng."""
    header = [*OFFICER_HEADER[:8], "Thu nhập BQ (nghìn đồng/người/tháng)", *OFFICER_HEADER[9:]]
    thousands = [header] + [officer_row(n, income=v) for n, v in ((1, 650), (2, 900), (3, 480000))]
    (folder / "nghin_dong.csv").write_text(excel_csv(thousands), encoding="utf-8")
    dong = [OFFICER_HEADER] + [
        officer_row(n, code=f"CT-2{n}", income=v) for n, v in ((1, 650000), (2, 450), (3, 900000))
    ]
    (folder / "dong.csv").write_text(excel_csv(dong), encoding="utf-8")
    return [folder / "dong.csv", folder / "nghin_dong.csv"]


def _signers_in_field_columns(folder: Path) -> list[Path]:
    """A dd/mm/yyyy date line, titles, then the signers' names typed in the code and the
    members columns (family names on no list)."""
    rows = [OFFICER_HEADER, officer_row(1), officer_row(2),
            ["", "", "", "", "", "", "", "Cam Thành, ngày 28/12/2018"],
            ["", "XÁC NHẬN CỦA UBND XÃ", "", "", "", "", "", "KT. CHỦ TỊCH"],
            ["", "Ung Hoà", "", "", "", "", "", "Lữ Quang Thắng"]]  # fmt: skip
    write_xlsx("ky_ten_o_cot_so.xlsx", rows)(folder)
    return [folder / "ky_ten_o_cot_so.xlsx"]


def _village_naming_a_person(folder: Path) -> list[Path]:
    rows = [OFFICER_HEADER, officer_row(1), officer_row(2)]
    rows[2][5] = "Nhà ông Lữ Tường"
    (folder / "thon_ghi_ten.csv").write_text(excel_csv(rows), encoding="utf-8")
    return [folder / "thon_ghi_ten.csv"]


def _code_of_another_commune(folder: Path) -> list[Path]:
    rows = [OFFICER_HEADER, officer_row(1, code="196120001"), officer_row(2, code="196210045")]
    (folder / "ma_ho_xa_khac.csv").write_text(excel_csv(rows), encoding="utf-8")
    return [folder / "ma_ho_xa_khac.csv"]


OFFICER_CASES = [
    Case("cause_free_text_with_names.csv", _causes, "ok", kept=4, check=_check_causes),
    Case("signed_without_a_total.xlsx", _signed_without_total, "ok", kept=3, check=_check_signed),
    Case("date_line_in_the_code_column.csv", _date_line_in_the_code_column, "ok", kept=2),
    Case("households_numbered_001_in_each_commune", _numbered_per_commune, "ok", kept=24),
    Case("the_same_file_sent_twice", _sent_twice, "ok", kept=3, check=_check_sent_twice),
    Case("the_same_list_saved_again", _saved_again, "ok", kept=3, check=_check_saved_again),
    Case(
        "one_household_sent_again_in_another_file",
        _one_household_sent_again,
        "rejects",
        kept=5,
        rejects=[(2, "household_id", "duplicate_row_across_files")],
    ),
    Case(
        "nine_digit_codes_of_commune_and_serial.csv",
        _nine_digit_codes,
        "rejects",
        kept=3,
        rejects=[(5, "household_id", "id_looks_personal")],
    ),
    Case(
        "official_three_row_header.xlsx",
        _official_three_row_header,
        "ok",
        kept=3,
        check=_check_three_rows,
    ),
    Case(
        "cmnd_and_cccd_columns_and_a_commune_code.csv",
        _two_id_columns_and_commune_code,
        "rejects",
        kept=2,
        rejects=[(4, "commune", "commune_name_code_differ")],
        check=_check_sent_back_to_the_file,
    ),
    Case(
        "title_names_another_commune.xlsx",
        _title_names_another_commune,
        "rejects",
        kept=0,
        rejects=[(r, "commune", "commune_not_title") for r in (4, 5, 6)],
        check=_check_sent_back_to_the_title,
    ),
    Case(
        "a_hidden_column_of_last_years_result.xlsx",
        _hidden_column_of_last_year,
        "ok",
        kept=2,
        check=_check_hidden_column,
    ),
    Case(
        "an_amount_in_another_unit",
        _amounts_in_another_unit,
        "rejects",
        kept=4,
        rejects=[(3, "income", "amount_in_another_unit"), (4, "income", "amount_in_another_unit")],
    ),
    Case("signers_in_field_columns.xlsx", _signers_in_field_columns, "ok", kept=2),
    Case(
        "a_village_that_names_a_person.csv",
        _village_naming_a_person,
        "rejects",
        kept=1,
        rejects=[(3, "village", "personal_data_in_cell")],
    ),
    Case(
        "a_code_numbered_in_another_commune.csv",
        _code_of_another_commune,
        "rejects",
        kept=1,
        rejects=[(3, "household_id", "code_of_another_commune")],
    ),
    Case("income_in_thousand_dong", _income_in_thousands, "ok", kept=6, check=_check_thousands),
    Case(
        "status_as_two_mark_columns.xlsx",
        _status_as_marks,
        "rejects",
        kept=3,
        rejects=[(6, "status:poor", "conflicting_marks")],
        check=_check_marks,
    ),
    Case(
        "codes_turned_into_scientific_notation.csv",
        _scientific_codes,
        "rejects",
        kept=1,
        rejects=[(r, "household_id", "code_in_scientific_notation") for r in (2, 3, 4)],
    ),
]
CASES += OFFICER_CASES


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus")
    out.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        for path in case.write(out):
            print(path, "->", case.expect, case.error or case.rejects or f"{case.kept} kept")
