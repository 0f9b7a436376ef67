"""Personal data: recognised wherever it is typed, and never shown (povertyplan.privacy)."""

from __future__ import annotations

import logging

import pandas as pd

from povertyplan.core.privacy import (
    REDACTED,
    RedactingFilter,
    looks_like_a_person,
    looks_personal,
    personal_household_codes,
    redact,
    redact_frame,
)
from povertyplan.core.text import normalise_commune_name


def test_names_are_found_by_family_name_or_middle_name_in_any_case():
    assert redact("Chồng Nguyễn Văn Bình bị ốm") == "Chồng *** bị ốm"
    assert redact("Nguyen Van Tam") == redact("lê văn tám") == redact("TRỊNH VĂN LÂM") == REDACTED
    # a family name on no list, with a usual middle name
    assert redact("Hộ ông Khuất Văn Tư đã chuyển đi") == "Hộ ông *** đã chuyển đi"
    assert redact("Mang Thị Lụa") == REDACTED
    # words that only lose their accents to a name are not one ("Ba" is no "Bá")
    assert redact("Thôn Ba Bơi") == "Thôn Ba Bơi" and redact("Hộ nghèo") == "Hộ nghèo"
    assert redact("Cam Tuyeen") == "Cam Tuyeen"


def test_id_numbers_are_found_alone_or_inside_a_text():
    assert redact("045000000001") == redact("194567890") == REDACTED
    assert redact("CMND 194567890, cấp 2010") == "CMND ***, cấp 2010"
    # a CCCD typed in a number column loses its leading 0: 11 digits
    assert redact("45199000222 is outside 1..30") == "*** is outside 1..30"
    assert redact("1.200.000 đ") == "1.200.000 đ" and redact("H-12") == "H-12"


def test_the_files_own_names_are_redacted_whatever_their_shape():
    known = frozenset({"Khuất Duyên"})
    assert redact("ký: Khuất Duyên", known) == "ký: ***"
    assert looks_personal("Khuất Duyên", known) and not looks_personal("Khuất Duyên")


def test_places_are_not_people():
    places = frozenset(normalise_commune_name(n) for n in ["Triệu Phong", "Hà Nội"])
    assert redact("huyện Triệu Phong", places=places) == "huyện Triệu Phong"
    assert redact("huyện Triệu Phong") == "huyện ***"  # without the registry it looks like one


def test_kept_values_are_refused_only_when_they_are_clearly_a_person():
    # a village or an ethnicity of two words may start like a name: kept
    assert not looks_like_a_person("Hà Nhì") and not looks_like_a_person("Lê Lợi")
    assert not looks_like_a_person("Thôn Hà Thượng") and not looks_like_a_person("Bru Vân Kiều")
    assert looks_like_a_person("Trịnh Văn Lâm") and looks_like_a_person("045185484977")
    assert looks_like_a_person("Lê Lợi", frozenset({"Lê Lợi"}))  # one of the file's names


def test_a_code_of_the_commune_and_a_serial_is_a_household_code_not_an_id_number():
    codes = pd.Series(
        ["196003001", "196003002", "196003003", "45185484977", "196120000004"]
        + ["H-1", "H-2", "196150000009", "Lê Văn Tám"]
    )
    communes = pd.Series(["19600"] * 4 + ["19612"] + ["19615"] * 4)
    mask = personal_household_codes(codes, communes)
    # Cam Tuyền numbers its households 19600 + serial: those are codes, the CCCD (its 0
    # lost) is not; in Cam Hiếu, which writes H-1, a number that begins with 19615 is
    # not enough to be a code
    assert mask.tolist() == [False, False, False, True, False, False, False, True, True]
    # and never one of the file's own ID numbers
    assert personal_household_codes(codes, communes, frozenset({"196003001"})).iloc[0]


def test_tables_and_log_lines_pass_the_same_function():
    frame = pd.DataFrame({"Nội dung": ["ghi chú của Phan Văn Khải", "Thiếu vốn"], "n": [1, 2]})
    shown = redact_frame(frame)
    assert shown["Nội dung"].tolist() == ["ghi chú của ***", "Thiếu vốn"]
    record = logging.LogRecord("x", logging.INFO, "", 0, "head %s, %s", ("Lê Văn Tám", 3), None)
    RedactingFilter().filter(record)
    assert record.getMessage() == "head ***, 3"
