"""Reject reasons and their messages, in English and Vietnamese.

Each reason has, per language, what is wrong and what to do; `{value}` is the raw value
and other fields come from the check (`{others}`, `{low}`, `{high}`, `{suggest}`).
"""

from __future__ import annotations

from .errors import WHERE_WORDS

REASONS: dict[str, dict[str, tuple[str, str]]] = {
    "row_longer_than_header": {
        "en": (
            "the row has {value} cell(s) to the right of the last header, so its columns are shifted",
            "check the row (in a CSV file, a comma inside a name shifts the columns: save it from Excel again)",
        ),
        "vi": (
            "dòng có {value} ô nằm bên phải cột tiêu đề cuối cùng, các cột bị lệch",
            "kiểm tra lại dòng này (trong tệp CSV, dấu phẩy trong họ tên làm lệch cột: hãy lưu lại tệp từ Excel)",
        ),
    },
    "excel_error": {
        "en": (
            "the cell holds an Excel error (#N/A, #REF!, #DIV/0! …)",
            "correct the formula or type the value",
        ),
        "vi": (
            "ô chứa lỗi Excel (#N/A, #REF!, #DIV/0! …)",
            "sửa công thức hoặc nhập trực tiếp giá trị",
        ),
    },
    "formula_without_value": {
        "en": (
            "the cell holds a formula with no saved value",
            "open the file in Excel, let it calculate, and save it again",
        ),
        "vi": (
            "ô chứa công thức nhưng chưa có giá trị",
            "mở tệp bằng Excel để tính lại rồi lưu lại",
        ),
    },
    "date_not_number": {
        "en": (
            "'{value}' is a date, not a number (the cell is formatted as a date)",
            "format the column as Number in Excel and type the value again",
        ),
        "vi": (
            "'{value}' là ngày tháng, không phải số (ô được định dạng kiểu ngày)",
            "định dạng cột là Number trong Excel rồi nhập lại giá trị",
        ),
    },
    "id_looks_personal": {
        "en": (
            "the household code looks like a name or an ID number, which may not be used as a code",
            "write the household code (Mã hộ) in this column",
        ),
        "vi": (
            "mã hộ trông giống họ tên hoặc số CMND/CCCD, không được dùng làm mã hộ",
            "ghi mã hộ vào cột này",
        ),
    },
    "missing_household_id": {
        "en": ("the household ID is blank", "fill in the household code (Mã hộ)"),
        "vi": ("thiếu mã hộ", "điền mã hộ"),
    },
    "missing_value": {
        "en": ("the cell is blank", "fill it in"),
        "vi": ("ô bị bỏ trống", "điền thông tin vào ô này"),
    },
    "unknown_commune": {
        "en": (
            "'{value}' is not a commune of the district's list for this year",
            "write the commune's name or code as the district's list has it{suggest}",
        ),
        "vi": (
            "'{value}' không phải là xã, thị trấn có trong danh mục của năm này",
            "ghi tên hoặc mã xã đúng như trong danh mục{suggest}",
        ),
    },
    "commune_name_code_differ": {
        "en": (
            "the commune '{value}' and the commune code {code} ({code_name}) are two different communes",
            "correct the commune's name or its code so that both name the household's commune",
        ),
        "vi": (
            "tên xã '{value}' và mã xã {code} ({code_name}) là hai xã khác nhau",
            "sửa tên hoặc mã xã để cả hai cùng chỉ đúng xã của hộ",
        ),
    },
    "commune_not_title": {
        "en": (
            "the row names the commune '{value}' ({row_name}), but the file's title is for {title}",
            "if the household is in {title}, write {title} in this cell; if it is in {row_name}, send it in {row_name}'s own list",
        ),
        "vi": (
            "dòng ghi xã '{value}' ({row_name}), nhưng tiêu đề của tệp là của {title}",
            "nếu hộ thuộc {title}, ghi {title} vào ô này; nếu hộ thuộc {row_name}, gửi hộ trong danh sách của {row_name}",
        ),
    },
    "amount_in_another_unit": {
        "en": (
            "'{value}' does not look written in {unit_en}, as the column's other amounts are",
            "write it in {unit_en}, like the others",
        ),
        "vi": (
            "'{value}' có vẻ không ghi theo {unit_vi} như các số khác trong cột",
            "ghi lại theo {unit_vi} như các số khác",
        ),
    },
    "code_of_another_commune": {
        "en": (
            "the household code is numbered like a household of {other}, not of this row's commune (it could also be an ID number, so it is not shown)",
            "give the household a code of this commune, or correct the commune",
        ),
        "vi": (
            "mã hộ được đánh số như hộ của {other}, không phải xã của dòng này (cũng có thể là số CMND/CCCD nên không hiển thị)",
            "ghi mã hộ theo số của xã này, hoặc sửa lại xã",
        ),
    },
    "code_in_scientific_notation": {
        "en": (
            "the code '{value}' is in scientific notation: Excel changed the long number and its real digits are lost",
            "send the original file, or format the column as Text in Excel and type the codes again",
        ),
        "vi": (
            "mã '{value}' bị Excel đổi sang dạng số mũ (1,96E+11): các chữ số thật của mã đã mất",
            "gửi lại tệp gốc, hoặc định dạng cột là Text (văn bản) trong Excel rồi nhập lại mã",
        ),
    },
    "conflicting_marks": {
        "en": (
            "the row is marked in more than one result column ({marks})",
            "mark one column only: the household's review result",
        ),
        "vi": (
            "dòng được đánh dấu ở nhiều cột kết quả ({marks})",
            "chỉ đánh dấu một cột: kết quả rà soát của hộ",
        ),
    },
    "marks_differ_from_status": {
        "en": (
            "the review result '{value}' and the x mark ({marks}) do not agree",
            "correct the result or the mark",
        ),
        "vi": (
            "kết quả rà soát '{value}' và dấu x ({marks}) không khớp nhau",
            "sửa lại kết quả hoặc dấu x",
        ),
    },
    "personal_data_in_cell": {
        "en": (
            "the cell holds what looks like a person's name or an ID number, which is not kept",
            "write only what the column asks for in it (names belong in the name column)",
        ),
        "vi": (
            "ô có nội dung giống họ tên hoặc số CMND/CCCD, không được lưu",
            "chỉ ghi đúng thông tin của cột (họ tên ghi ở cột họ tên)",
        ),
    },
    "not_an_integer": {
        "en": ("'{value}' is not a whole number", "write a whole number"),
        "vi": ("'{value}' không phải là số nguyên", "ghi một số nguyên"),
    },
    "out_of_range": {
        "en": ("{value} is outside {low}..{high}", "check the count"),
        "vi": ("{value} nằm ngoài khoảng {low}..{high}", "kiểm tra lại số"),
    },
    "not_a_number": {
        "en": ("'{value}' is not a number", "write digits only, e.g. 1.200.000"),
        "vi": ("'{value}' không phải là số", "chỉ ghi chữ số, ví dụ 1.200.000"),
    },
    "negative": {
        "en": ("{value} is negative", "write zero or more"),
        "vi": ("{value} là số âm", "ghi số từ 0 trở lên"),
    },
    "bad_flag": {
        "en": ("'{value}' is not a yes/no mark", "write x for yes and leave blank for no"),
        "vi": ("'{value}' không phải là dấu có/không", "đánh x nếu có, để trống nếu không"),
    },
    "unknown_status": {
        "en": ("'{value}' is not a review result", "write Hộ nghèo, Hộ cận nghèo or Không nghèo"),
        "vi": (
            "'{value}' không phải là kết quả rà soát",
            "ghi Hộ nghèo, Hộ cận nghèo hoặc Không nghèo",
        ),
    },
    "unknown_area": {
        "en": ("'{value}' is not an area", "write Thành thị or Nông thôn"),
        "vi": ("'{value}' không phải là khu vực", "ghi Thành thị hoặc Nông thôn"),
    },
    "re_poor_not_poor": {
        "en": (
            "the household is marked re-poor but its status is '{value}'",
            "mark only poor households, or correct the status",
        ),
        "vi": (
            "hộ được đánh dấu tái nghèo nhưng kết quả rà soát là '{value}'",
            "chỉ đánh dấu hộ nghèo, hoặc sửa lại kết quả rà soát",
        ),
    },
    "can_exit_not_poor": {
        "en": (
            "the household is marked to exit poverty but its status is '{value}'",
            "mark only poor households, or correct the status",
        ),
        "vi": (
            "hộ được đánh dấu dự kiến thoát nghèo nhưng kết quả rà soát là '{value}'",
            "chỉ đánh dấu hộ nghèo, hoặc sửa lại kết quả rà soát",
        ),
    },
    "workers_above_members": {
        "en": ("{value} workers is more than the household's members", "check both counts"),
        "vi": ("số lao động {value} lớn hơn số nhân khẩu của hộ", "kiểm tra lại cả hai số"),
    },
    "duplicate_household_id": {
        "en": (
            "household ID '{value}' appears again in row(s) {others} with other values",
            "keep one row per household",
        ),
        "vi": (
            "mã hộ '{value}' xuất hiện lại ở dòng {others} với thông tin khác",
            "mỗi hộ chỉ ghi một dòng",
        ),
    },
    "duplicate_row": {
        "en": (
            "row repeats row {others} exactly (household '{value}'); the first one is kept",
            "delete the repeated row",
        ),
        "vi": (
            "dòng lặp lại y hệt dòng {others} (hộ '{value}'); giữ lại dòng đầu",
            "xóa dòng bị lặp",
        ),
    },
    "duplicate_row_across_files": {
        "en": (
            "the row repeats {others} exactly (household '{value}'); that one is kept",
            "send each household in one list only",
        ),
        "vi": (
            "dòng lặp lại y hệt {others} (hộ '{value}'); giữ lại dòng đó",
            "mỗi hộ chỉ gửi trong một danh sách",
        ),
    },
    "duplicate_across_files": {
        "en": (
            "household ID '{value}' of this commune is also in {others}",
            "a household belongs to one list only; ask the communes which is right",
        ),
        "vi": (
            "mã hộ '{value}' của xã này cũng có trong {others}",
            "mỗi hộ chỉ thuộc một danh sách; hỏi lại các xã để xác định",
        ),
    },
}

CLOSEST = {"en": " (closest: {names})", "vi": " (gần nhất: {names})"}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def reject_message(
    reason: str, language: str, where: str, row: int, column: str, values: dict[str, object]
) -> str:
    """One line: `file [sheet], row N, column 'C': what is wrong. What to do.`"""
    what, hint = REASONS[reason][language]
    row_word, column_word = WHERE_WORDS[language]
    names = values.get("suggestions") or []
    fields = {
        **values,
        "suggest": CLOSEST[language].format(names=", ".join(names)) if names else "",
    }
    return (
        f"{where}, {row_word} {row}, {column_word} '{column}': {what.format(**fields)}."
        f" {_capitalised(hint.format(**fields))}."
    )


# short names of the reasons, for tables and charts: code -> (vi, en)
REASON_LABELS: dict[str, tuple[str, str]] = {
    "row_longer_than_header": ("Dòng bị lệch cột", "Shifted row"),
    "excel_error": ("Ô lỗi Excel", "Excel error cell"),
    "formula_without_value": ("Công thức chưa có giá trị", "Formula without value"),
    "date_not_number": ("Ngày tháng thay cho số", "Date instead of number"),
    "missing_household_id": ("Thiếu mã hộ", "No household ID"),
    "id_looks_personal": ("Mã hộ là họ tên hoặc số CCCD", "ID is a name or ID number"),
    "missing_value": ("Ô bỏ trống", "Blank required cell"),
    "unknown_commune": ("Xã không có trong danh mục", "Unknown commune"),
    "commune_name_code_differ": ("Tên xã và mã xã khác nhau", "Commune name and code differ"),
    "commune_not_title": ("Xã khác với tiêu đề tệp", "Commune differs from the title"),
    "code_in_scientific_notation": ("Mã bị đổi sang số mũ", "Code in scientific notation"),
    "code_of_another_commune": ("Mã hộ của xã khác", "Code of another commune"),
    "amount_in_another_unit": ("Số tiền khác đơn vị", "Amount in another unit"),
    "conflicting_marks": ("Đánh dấu nhiều kết quả", "Several results marked"),
    "marks_differ_from_status": ("Dấu x khác kết quả", "Mark differs from result"),
    "personal_data_in_cell": ("Ô có họ tên hoặc số CCCD", "Name or ID number in a cell"),
    "file_refused": ("Tệp không đọc được", "File refused"),
    "not_an_integer": ("Không phải số nguyên", "Not a whole number"),
    "out_of_range": ("Số ngoài khoảng cho phép", "Out of range"),
    "not_a_number": ("Không phải số", "Not a number"),
    "negative": ("Số âm", "Negative"),
    "bad_flag": ("Dấu có/không sai", "Bad yes/no mark"),
    "unknown_status": ("Kết quả rà soát sai", "Unknown review result"),
    "unknown_area": ("Khu vực sai", "Unknown area"),
    "can_exit_not_poor": ("Dự kiến thoát nghèo nhưng không nghèo", "Can-exit but not poor"),
    "re_poor_not_poor": ("Tái nghèo nhưng không nghèo", "Re-poor but not poor"),
    "workers_above_members": ("Lao động nhiều hơn nhân khẩu", "Workers above members"),
    "duplicate_household_id": ("Trùng mã hộ, khác thông tin", "Same ID, other values"),
    "duplicate_row": ("Dòng lặp", "Repeated row"),
    "duplicate_across_files": ("Trùng mã hộ giữa các tệp", "ID in two files"),
    "duplicate_row_across_files": ("Dòng lặp ở tệp khác", "Row repeated in another file"),
}


def reason_label(reason: str, language: str = "vi") -> str:
    """The short name of a reject reason."""
    vi, en = REASON_LABELS.get(reason, (reason, reason))
    return vi if language == "vi" else en
