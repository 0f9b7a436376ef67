"""Legacy Vietnamese text: conversion tables by round trip, detection per column, and
files in every encoding communes send."""

import unicodedata

import pytest
from openpyxl import Workbook

from povertyplan.clean.households import clean_table
from povertyplan.core.legacy import (
    TCVN3_ENCODE,
    VNI_ENCODE,
    convert,
    cp1258_encode,
    decode_cp1258,
    decode_tcvn3,
    decode_vni,
    detect_encoding,
    vietnamese_letters,
)
from povertyplan.read.raw import read_raw_file
from povertyplan.read.registry import commune_lookup, review_date

LETTERS = vietnamese_letters()
LOWER = [c for c in LETTERS if c.islower()]


def test_the_alphabet_has_134_letters_with_tones_and_two_d():
    assert len(LETTERS) == 146 and len(set(LETTERS)) == 146
    assert all(unicodedata.is_normalized("NFC", c) for c in LETTERS)
    assert {"ạ", "Ặ", "ỹ", "Ữ", "đ", "Đ"} <= set(LETTERS)


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trip(letter):
    assert decode_vni(VNI_ENCODE[letter].encode("cp1252")) == letter


@pytest.mark.parametrize("letter", LETTERS)
def test_cp1258_round_trip(letter):
    assert decode_cp1258(cp1258_encode(letter)) == letter


@pytest.mark.parametrize(
    "letter", [c for c in LETTERS if not c.isascii() and (c.islower() or c in "ĂÂÊÔƠƯĐ")]
)
def test_tcvn3_round_trip(letter):
    assert decode_tcvn3(b"x" + bytes([TCVN3_ENCODE[letter]])) == "x" + letter


def test_tcvn3_has_one_code_per_letter_and_the_capitals_font_gives_capitals():
    assert len(set(TCVN3_ENCODE.values())) == len(TCVN3_ENCODE) == 74
    assert decode_tcvn3(b"CAM TH" + bytes([TCVN3_ENCODE["à"]]) + b"NH") == "CAM THÀNH"
    assert decode_tcvn3(b"Cam Th" + bytes([TCVN3_ENCODE["à"]]) + b"nh") == "Cam Thành"


def test_vni_is_a_base_letter_and_a_mark():
    assert VNI_ENCODE["à"] == "aø" and VNI_ENCODE["ấ"] == "aá" and VNI_ENCODE["Ặ"] == "AË"
    assert VNI_ENCODE["ơ"] == "ô" and VNI_ENCODE["ư"] == "ö" and VNI_ENCODE["đ"] == "ñ"
    assert decode_vni("Xin chaøo".encode("cp1252")) == "Xin chào"


def shown_as_windows_1252(data: bytes) -> str:
    """What Excel shows for bytes typed with a legacy font."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in data
    )


def tcvn3(text: str) -> bytes:
    return bytes(TCVN3_ENCODE[c] if not c.isascii() else ord(c) for c in text)


def vni(text: str) -> bytes:
    return "".join(VNI_ENCODE.get(c, c) for c in text).encode("cp1252")


NAMES = [
    "Nguyễn Văn Hùng",
    "Trần Thị Hương",
    "Lê Đức Lợi",
    "Phan Thị Ngọc",
    "Cam Thành",
    "Thôn Ba Bơi",
]


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("tcvn3", tcvn3),
        ("vni", vni),
        ("cp1258", cp1258_encode),
        ("utf8", lambda t: t.encode("utf-8")),
    ],
)
def test_a_column_is_recognised_and_converted(encoding, encode):
    values = [shown_as_windows_1252(encode(name)) for name in NAMES]
    assert detect_encoding(values) == encoding
    assert [convert(v, encoding) for v in values] == NAMES


def test_unicode_and_ascii_columns_are_left_alone():
    assert detect_encoding(NAMES) is None
    assert detect_encoding(["Thôn 1", "Khu phố 2"]) is None  # cp1252 characters, valid syllables
    assert detect_encoding(["H-1", "19612"]) is None


HEADER = "Mã hộ,Họ và tên chủ hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
ROWS = "H-1,Nguyễn Văn Hùng,Cam Thành,Kinh,3,Hộ nghèo\nH-2,Trần Thị Hương,Cam Thành,Kinh,4,Hộ cận nghèo\n"


@pytest.mark.parametrize(
    ("label", "data", "file_encoding"),
    [
        ("utf-8", (HEADER + ROWS).encode("utf-8"), "utf-8"),
        ("utf-8 with BOM", (HEADER + ROWS).encode("utf-8-sig"), "utf-8-sig"),
        ("utf-16 with BOM", (HEADER + ROWS).encode("utf-16"), "utf-16"),
        ("utf-16-le without BOM", (HEADER + ROWS).encode("utf-16-le"), "utf-16-le"),
        ("cp1258", cp1258_encode(HEADER + ROWS), "legacy"),
        ("tcvn3", tcvn3((HEADER + ROWS).replace("Đ", "Đ")), "legacy"),
        ("vni", vni(HEADER + ROWS), "legacy"),
        ("semicolon", (HEADER + ROWS).replace(",", ";").encode("utf-8"), "utf-8"),
        ("tab", (HEADER + ROWS).replace(",", "\t").encode("utf-8"), "utf-8"),
    ],
)
def test_csv_files_in_every_encoding_give_the_same_households(
    tmp_path, spec, registry, label, data, file_encoding
):
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    table = read_raw_file(path, spec)
    result = clean_table(table, spec, commune_lookup(registry, review_date(2018)), registry, 2018)
    assert table.file_encoding == file_encoding
    assert result.households["status"].tolist() == ["poor", "near_poor"]
    assert set(result.households["commune_code"]) == {"19612"}  # Cam Thành, not Cam Thanh
    assert result.rejects.empty


def test_excel_cells_typed_with_legacy_fonts_are_converted_per_column(tmp_path, spec, registry):
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Mã hộ", "Họ và tên chủ hộ", "Xã", "Thôn", "Dân tộc", "Số nhân khẩu", "Kết quả rà soát"]
    )
    rows = [
        ("H-1", "Nguyễn Văn Hùng", "Cam Thành", "Thôn Ba Bơi", "Hộ nghèo"),
        ("H-2", "Trần Thị Hương", "Cam Thành", "Thôn Hà Thượng", "Hộ cận nghèo"),
    ]
    for hid, name, commune, village, status in rows:
        sheet.append(
            [
                hid,
                shown_as_windows_1252(tcvn3(name)),
                shown_as_windows_1252(vni(commune)),
                shown_as_windows_1252(cp1258_encode(village)),
                "Kinh",
                3,
                status,
            ]
        )
    book.save(tmp_path / "fonts.xlsx")
    table = read_raw_file(tmp_path / "fonts.xlsx", spec)
    result = clean_table(table, spec, commune_lookup(registry, review_date(2018)), registry, 2018)
    assert result.households["commune_code"].tolist() == ["19612", "19612"]
    assert result.households["village"].tolist() == ["Thôn Ba Bơi", "Thôn Hà Thượng"]
    assert table.text_encodings == ["Họ và tên chủ hộ: tcvn3", "Xã: vni", "Thôn: cp1258"]
