"""Reject reasons and their messages, in English and Vietnamese.

Each reason has, per language, what is wrong and what to do; `{value}` is the raw value
and other fields come from the check (`{others}`, `{low}`, `{high}`, `{suggest}`).

REASONS and FILE_PROBLEMS stay declared tables here rather than entries of
core.labels.LABELS: each entry is a (what is wrong, what to do) pair per language, a file
problem may add a note for the analyst, and the English and Vietnamese texts of a file
problem do not take the same fields (the English one names the reader's error). Their
words are looked up only through reject_message() and file_problem(); the shorter words
around them (row, column, the closest names, a reason's short name) are labels.
"""

from __future__ import annotations

from .labels import label, labels

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


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def reject_message(
    reason: str, language: str, where: str, row: int, column: str, values: dict[str, object]
) -> str:
    """One line: `file [sheet], row N, column 'C': what is wrong. What to do.`"""
    what, hint = REASONS[reason][language]
    row_word, column_word = labels(["where.row", "where.column"], language)
    names = values.get("suggestions") or []
    fields = {
        **values,
        "suggest": label("reject.closest", language, names=", ".join(names)) if names else "",
    }
    return (
        f"{where}, {row_word} {row}, {column_word} '{column}': {what.format(**fields)}."
        f" {_capitalised(hint.format(**fields))}."
    )


# The unit of a scaled column, fields of `amount_in_another_unit`: (not scaled, scaled).
AMOUNT_UNITS = (
    {"unit_en": "đồng", "unit_vi": "đồng"},
    {"unit_en": "thousand đồng", "unit_vi": "nghìn đồng"},
)

# Problems that stop a file from being read (a DataError): per language (what is wrong,
# what to do), and for some `analyst` (English, Vietnamese): what the analyst can change
# in the configuration. Fields in braces come from the reader.
FILE_PROBLEMS: dict[str, dict[str, tuple[str, str]]] = {
    "no_such_file": {
        "en": ("the file does not exist", "check the name and the folder"),
        "vi": ("không có tệp này", "kiểm tra lại tên tệp và thư mục"),
    },
    "extension_not_read": {
        "en": ("has the extension '{suffix}', which is not read", "send .xlsx, .xls or .csv files"),
        "vi": ("có đuôi '{suffix}', không đọc được", "gửi tệp .xlsx, .xls hoặc .csv"),
    },
    "not_an_excel_workbook": {
        "en": (
            "cannot be opened as an Excel workbook",
            "open it in Excel and save it again as .xlsx",
        ),
        "vi": ("không mở được tệp Excel", "mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx"),
        "analyst": ("the reader said {reader}", "bộ đọc báo {reader}"),
    },
    "not_text": {
        "en": (
            "is not readable text ({reason} at byte {start})",
            "save it as 'CSV UTF-8' from Excel",
        ),
        "vi": ("không đọc được nội dung tệp", "lưu lại tệp từ Excel dưới dạng 'CSV UTF-8'"),
    },
    "not_csv": {
        "en": ("is not a readable CSV file ({error})", "open it in Excel and save it again"),
        "vi": ("không đọc được tệp CSV", "mở tệp bằng Excel rồi lưu lại"),
    },
    "quote_not_closed": {
        "en": (
            "a quotation mark is not closed: the lines below it are read as one cell",
            "remove the stray quotation mark, or save the file from Excel again",
        ),
        "vi": (
            "có dấu ngoặc kép không đóng: các dòng sau bị gộp vào một ô",
            "xóa dấu ngoặc kép thừa, hoặc lưu lại tệp từ Excel",
        ),
    },
    "two_columns_same_field": {
        "en": (
            "two columns are both '{field}': '{first}' and '{second}'",
            "delete or rename one of them",
        ),
        "vi": ("hai cột cùng là '{field}': '{first}' và '{second}'", "xóa hoặc đổi tên một cột"),
    },
    "columns_missing": {
        "en": (
            "required columns are missing: {missing}; the headers found are {found}",
            "name each missing column as shown",
        ),
        "vi": (
            "thiếu cột bắt buộc: {missing}; các tiêu đề có trong tệp là {found}",
            "đặt tên cột còn thiếu như trên",
        ),
        "analyst": (
            "if the file names the column another way, add that header to the field's "
            "aliases in config/columns.yaml",
            "nếu tệp đặt tên cột theo cách khác, thêm tên đó vào aliases của trường trong "
            "config/columns.yaml",
        ),
    },
    # {in_any_sheet} and {legacy} are the (English) notes of FILE_PROBLEM_NOTES, or blank
    "no_id_header": {
        "en": (
            "no header row with a household ID column was found{in_any_sheet}",
            "the header must have a column named {aliases}{legacy}",
        ),
        "vi": (
            "không tìm thấy dòng tiêu đề có cột mã hộ",
            "dòng tiêu đề phải có một cột tên là {aliases}",
        ),
    },
    # {found}: " (it names …)", the communes the title names, or blank
    "no_commune": {
        "en": (
            "there is no commune column, and neither the title nor the file name names one "
            "commune{found}",
            "add a column 'Xã' (name or code), or put 'Xã <name>' in the title",
        ),
        "vi": (
            "không có cột xã, và tiêu đề hay tên tệp không cho biết một xã cụ thể{found}",
            "thêm cột 'Xã' (tên hoặc mã xã), hoặc ghi 'Xã <tên xã>' trong tiêu đề",
        ),
    },
}
FILE_PROBLEM_NOTES = {
    "in_any_sheet": " in any sheet",
    "legacy": "; the file is not UTF-8 text, so save it from Excel as 'CSV UTF-8'",
    # said in both languages' messages, as it always was
    "names_communes": " (it names {names})",
}


def file_problem(code: str, **fields: object) -> dict[str, object]:
    """The keyword arguments of a DataError for the file problem `code` (what and hint in
    English, `vi` and, when there is one, `analyst`), its fields filled in."""
    entry = FILE_PROBLEMS[code]
    what, hint = (text.format(**fields) for text in entry["en"])
    arguments: dict[str, object] = {
        "what": what,
        "hint": hint,
        "vi": tuple(text.format(**fields) for text in entry["vi"]),
    }
    if "analyst" in entry:
        arguments["analyst"] = tuple(text.format(**fields) for text in entry["analyst"])
    return arguments
