"""Cleaning one raw file: typed household rows, rejected rows with reasons, and a ledger.

Every data row of the file ends up either in the cleaned households or in the rejects
(one reject line per problem found, so a commune gets the whole list at once), and the
ledger checks that rows read = rows kept + rows rejected. Checks run on whole columns;
work on text (commune names, suggestions) is done once per distinct value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa

from ..core.errors import DataError, InternalError, PovertyPlanError
from ..core.labels import label
from ..core.messages import (
    AMOUNT_UNITS,
    FILE_PROBLEM_NOTES,
    file_problem,
    reject_message,
)
from ..core.privacy import REDACTED, looks_like_a_person, personal_household_codes, redact
from ..core.text import (
    RE2_EDGE_SPACE,
    RE2_SPACE,
    all_text,
    normalise_commune_name,
    normalise_label,
    text_matches,
)
from ..read.columns import ColumnSpec, Field
from ..read.parse import (
    distinct_values,
    map_distinct,
    parse_categories,
    parse_flag,
    parse_integer,
    parse_number,
    parse_vocabulary,
)
from ..read.raw import STRUCTURE_KINDS, CellError, RawTable, cell_text
from ..read.registry import (
    commune_in_context,
    commune_names,
    resolve_communes,
    review_date,
    suggest_communes,
    unit_names,
    units_valid_on,
)

# the reason a cell that cannot be read as its kind is rejected with
PARSE_REASONS = {
    "integer": "not_an_integer",
    "number": "not_a_number",
    "flag": "bad_flag",
    "status": "unknown_status",
    "area": "unknown_area",
}
EMPTY_DTYPES = {
    "text": "string",
    "code": "string",
    "integer": "Int64",
    "number": "Float64",
    "flag": "boolean",
    "status": "string",
    "area": "string",
    "category": "string",
}
_INTEGRAL_TEXT = re.compile(r"^(\d+)\.0+$")
# patterns matched by pyarrow on whole columns (RE2: `\p{Nd}` is any decimal digit, as
# Python's `\d`; `\n?$` as Python's `$`, which also matches before a final line break):
# a code written `123.0`; a count typed as a date; a long number Excel shows in scientific
# notation (1.96E+11, 1,96E+11), its digits lost
_RE2_INTEGRAL_TEXT = r"^\p{Nd}+\.0+\n?$"
_RE2_ISO_DATE = r"^\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}(T\p{Nd}{2}:\p{Nd}{2}(:\p{Nd}{2})?)?\n?$"
_RE2_SCIENTIFIC = (
    rf"^{RE2_SPACE}*\p{{Nd}}+([.,]\p{{Nd}}+)?{RE2_SPACE}*[eE]{RE2_SPACE}*\+?{RE2_SPACE}*"
    rf"\p{{Nd}}+{RE2_SPACE}*$"
)

# problems that leave the row's commune in doubt: it is sent back to its file's commune
DOUBTFUL_COMMUNE = {"commune_not_title", "commune_name_code_differ"}
# a problem that makes the row's other cells meaningless (shifted columns)
OVERRIDING = {"row_longer_than_header"}

# problems of the cell itself: no other problem is reported for that cell
CELL_REASONS = {
    "excel_error",
    "formula_without_value",
    "date_not_number",
    "code_in_scientific_notation",
    "amount_in_another_unit",
}


REJECT_COLUMNS = [
    "review_year",
    "source_file",
    "sheet",
    "source_row",
    "commune_code",
    "column",
    "field",
    "reason",
    "message",
    "message_vi",
    "raw_values",
]
_PROBLEM_COLUMNS = ["index", "field", "reason", "value", "extra"]


@dataclass
class CleanResult:
    """The outcome of cleaning one file (or, from `combine_year`, of a year's files)."""

    households: pd.DataFrame
    rejects: pd.DataFrame
    ledger: dict[str, object] | pd.DataFrame
    # the rows rejected because their household's code is used with other values in the
    # file (`duplicate_household_id`), as households: a row of that household in another
    # file is rejected too (`reject_across_files`); never written to the results
    clashes: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)


def _problems(
    table: RawTable,
    mask: pd.Series,
    field: str,
    reason: str,
    values: pd.Series | None = None,
    extra: dict[object, dict[str, object]] | None = None,
) -> pd.DataFrame:
    """One line per row of `mask`: the row's index, the field, the reason and the value."""
    rows = table.frame.index[mask.to_numpy(dtype=bool)]
    if len(rows) == 0:
        return pd.DataFrame(columns=_PROBLEM_COLUMNS)
    shown = values if values is not None else table.frame.get(field, pd.Series(dtype=object))
    shown = shown.reindex(rows).map(lambda v: "" if pd.isna(v) else _redacted(table, cell_text(v)))
    return pd.DataFrame(
        {
            "index": rows,
            "field": field,
            "reason": reason,
            "value": shown.to_numpy(),
            "extra": [(extra or {}).get(i, {}) for i in rows],
        }
    )


def _message(table: RawTable, problem: dict, row: int, sheet: str, language: str) -> str:
    return reject_message(
        problem["reason"],
        language,
        table.file + (f" [{sheet}]" if sheet else ""),
        row,
        table.header(sheet, problem["field"]),
        {"value": problem["value"], **problem["extra"]},
    )


def _redacted(table: RawTable, text: str) -> str:
    """`text` as it may be shown: no name or ID number (a shifted row can carry a name
    into another column, and a note can hold one)."""
    return redact(text, table.personal_values, table.places, table.household_codes)


def _blank(values: pd.Series) -> pd.Series:
    """Blank cells (an error cell is not blank: it reads `#ERROR` or `#FORMULA`)."""
    return values.eq("").astype(bool)


def _codes(values: pd.Series) -> pd.Series:
    """Codes as text: `123`, `123.0` (a number typed as text) and Excel's 123 are one code."""
    return map_distinct(
        values, lambda v: _INTEGRAL_TEXT.sub(r"\1", cell_text(v).strip()), _plain_codes, "string"
    )


def _plain_codes(distinct: np.ndarray) -> np.ndarray:
    """Which distinct codes `_codes` keeps as they are: text, trimmed, no `123.0`."""
    if not all_text(distinct):
        return np.zeros(len(distinct), dtype=bool)
    texts = pa.array(distinct, type=pa.string())
    changed = text_matches(texts, RE2_EDGE_SPACE) | text_matches(texts, _RE2_INTEGRAL_TEXT)
    exact = np.fromiter((type(v) is str for v in distinct), dtype=bool, count=len(distinct))
    return ~changed & exact


def _text(value: object) -> str:
    return cell_text(value).strip()


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def parse_field(
    values: pd.Series, kind: str, spec: ColumnSpec, name: str = ""
) -> tuple[pd.Series, pd.Series]:
    """A raw column read as its kind: (typed values, mask of cells that cannot be read)."""
    if kind == "integer":
        return parse_integer(values)
    if kind == "number":
        return parse_number(values)
    if kind == "flag":
        return parse_flag(values, spec.flag_vocabulary)
    if kind == "status":
        return parse_vocabulary(values, spec.status_vocabulary)
    if kind == "area":
        return parse_vocabulary(values, spec.area_vocabulary)
    if kind == "category":
        text = map_distinct(values, lambda v: "" if isinstance(v, float) else cell_text(v))
        return parse_categories(text, spec.fields[name].categories), pd.Series(
            False, index=values.index
        )
    text = _codes(values) if kind == "code" else map_distinct(values, _text, dtype="string")
    return text, pd.Series(False, index=values.index)


def _with_commune_from_context(table: RawTable, lookup: dict[str, str]) -> RawTable:
    """A file without a commune column: its commune from its title block or file name."""
    code, candidates = commune_in_context(table.context, lookup)
    if code is None:
        found = (
            FILE_PROBLEM_NOTES["names_communes"].format(names=", ".join(candidates))
            if candidates
            else ""
        )
        raise DataError(**file_problem("no_commune", found=found), file=table.file)
    frame = table.frame.copy()
    frame["commune"] = code
    headers = {
        sheet: {**h, "commune": label("commune_from_context")} for sheet, h in table.headers.items()
    }
    return replace(table, frame=frame, headers=headers)


def _without_personal_labels(table: RawTable, places: frozenset[str]) -> RawTable:
    """The table with the texts that leave the reader as labels (sheet names, headers of
    columns that name no field) passed through `redact`: a sheet or a column can be named
    after a person."""

    # a name signed under the table that is a place's (`Cam Thành`) is no person's
    signed = {v for v in table.signed_names if normalise_commune_name(v) not in places}
    known = table.personal_values | signed

    def shown(text: str) -> str:
        return redact(text, known, places)

    sheets: dict[str, str] = {}
    for sheet in table.sheets:  # two sheets named after people stay two sheets
        name, number = shown(sheet), 1
        while name in sheets.values():
            number += 1
            name = f"{shown(sheet)} ({number})"
        sheets[sheet] = name
    frame = table.frame
    if any(old != new for old, new in sheets.items()):
        frame = frame.assign(sheet=frame["sheet"].map(sheets))
    return replace(
        table,
        frame=frame,
        sheets=[sheets[s] for s in table.sheets],
        headers={sheets[s]: h for s, h in table.headers.items()},
        sheet_titles={sheets[s]: t for s, t in table.sheet_titles.items()},
        ignored_columns=[shown(c) for c in table.ignored_columns],
        ignored_sheets=[shown(c) for c in table.ignored_sheets],
        text_encodings=[shown(c) for c in table.text_encodings],
        places=places,
        personal_values=known,
    )


@dataclass
class _Problems:
    """The problems found in one file, as they are found: one frame per check."""

    table: RawTable
    found: list[pd.DataFrame]

    def add(self, mask: pd.Series, field: str, reason: str, values=None, extra=None) -> None:
        if mask.to_numpy(dtype=bool).any():  # most checks find nothing
            self.found.append(_problems(self.table, mask, field, reason, values, extra))


def _cell_problems(
    table: RawTable, spec: ColumnSpec, report: _Problems
) -> tuple[pd.DataFrame, dict]:
    """The cells that hold no value (an Excel error, a formula never calculated, a count
    typed as a date, a code Excel turned into 1.96E+11) reported, and blanked for reading;
    returns (the raw values to read, {field: mask of such cells})."""
    fields_read = [name for name in table.frame.columns if name in spec.fields]
    raw = table.frame.copy(deep=False)  # a column is replaced, never changed in place
    if table.has_cell_errors:
        errors = {
            n: table.frame[n].map(lambda v: isinstance(v, CellError)).astype(bool)
            for n in fields_read
        }
    else:
        errors = {n: pd.Series(False, index=raw.index) for n in fields_read}
    for name, mask in errors.items():
        if mask.any():
            raw[name] = _blanked(raw[name], mask)
    report.add(raw["extra_cells"] > 0, "household_id", "row_longer_than_header", raw["extra_cells"])
    for name, mask in errors.items():
        if not mask.any():
            continue
        formula = table.frame[name].eq("#FORMULA").astype(bool) & mask
        report.add(mask & ~formula, name, "excel_error")
        report.add(formula, name, "formula_without_value")
    for name in fields_read:
        kind = spec.fields[name].kind
        if kind in ("integer", "number"):
            # a number formatted as a date in Excel arrives as a date
            pattern, reason = _RE2_ISO_DATE, "date_not_number"
        elif kind == "code":
            pattern, reason = _RE2_SCIENTIFIC, "code_in_scientific_notation"
        else:
            continue
        hit = _typed_as_text(raw[name], pattern)
        if kind == "code":  # a number Excel stored is no lost code unless it is beyond
            hit |= _beyond_excel_digits(raw[name])  # the 15 digits Excel keeps
        report.add(hit, name, reason)
        if hit.any():
            raw[name] = _blanked(raw[name], hit)
            errors[name] = errors[name] | hit
    return raw, errors


def _blanked(values: pd.Series, mask: pd.Series) -> pd.Series:
    """The column with the cells of `mask` made blank."""
    return values.where(~mask.to_numpy(dtype=bool), "")


def _typed_as_text(values: pd.Series, pattern: str) -> pd.Series:
    """The text cells that match an RE2 `pattern` (a number is no date)."""
    positions, distinct = distinct_values(values)
    if not len(distinct):
        return pd.Series(False, index=values.index)
    if not all_text(distinct):
        distinct = np.array([v if type(v) is str else "" for v in distinct], dtype=object)
    return pd.Series(text_matches(distinct, pattern)[positions], index=values.index)


def _beyond_excel_digits(values: pd.Series) -> pd.Series:
    """The numbers Excel stored (not text) of 10^15 and more: a code Excel rounded."""
    if all_text(values.to_numpy(dtype=object)):
        return pd.Series(False, index=values.index)
    numbers = pd.to_numeric(values.where(values.map(type).eq(float)), errors="coerce")
    return (numbers.abs() >= 1e15).fillna(False).astype(bool)


def _field_communes(
    field: str,
    raw: pd.DataFrame,
    errors: dict,
    lookup: dict[str, str],
    registry: pd.DataFrame,
    on: dt.date,
    report: _Problems,
) -> tuple[pd.Series, pd.Series]:
    """The registry code of the commune each row's name (`commune`) or code
    (`commune_code`) column names; a name or code no commune has is reported, with the
    communes it may have meant. Returns (the codes, which cells are blank or unreadable)."""
    text = _codes(raw[field]) if field == "commune_code" else map_distinct(raw[field], cell_text)
    codes = resolve_communes(text, lookup)
    empty = _blank(raw[field]) & ~errors[field]
    unknown = codes.isna() & ~empty & ~errors[field]
    suggestions = {v: suggest_communes(v, registry, on) for v in text[unknown].unique()}
    extra = {i: {"suggestions": suggestions[v]} for i, v in text[unknown].items()}
    report.add(unknown, field, "unknown_commune", text, extra)
    return codes, empty | errors[field]


def _name_or_code(
    names: pd.Series | None,
    numbers: pd.Series | None,
    index: pd.Index,
    registry: pd.DataFrame,
    on: dt.date,
    report: _Problems,
) -> pd.Series | None:
    """One commune code per row from the commune's name and its code, whichever the file
    has; when it has both, the name's (the code's where the name is blank), and a row
    whose name and code name two communes is reported."""
    if names is None or numbers is None:
        return names if names is not None else numbers
    differ = (names.notna() & numbers.notna() & (names != numbers)).fillna(False).astype(bool)
    units = commune_names(registry, on.year)
    extra = {
        i: {"code": numbers[i], "code_name": units.get(numbers[i], ""), "name_code": names[i]}
        for i in index[differ]
    }
    report.add(differ, "commune", "commune_name_code_differ", extra=extra)
    return names.fillna(numbers)


def _title_communes(
    table: RawTable,
    raw: pd.DataFrame,
    codes: pd.Series,
    field: str,
    lookup: dict[str, str],
    registry: pd.DataFrame,
    on: dt.date,
    report: _Problems,
) -> pd.Series:
    """The commune each row's sheet title states (after Xã / Thị trấn), <NA> where it
    states none; a row of another commune than its title's is reported."""
    home = pd.Series(pd.NA, index=raw.index, dtype="string")
    for sheet, titles in table.sheet_titles.items():
        title_code, _ = commune_in_context(
            titles, lookup, last_is_file_name=False, after_unit_word_only=True
        )
        if title_code is None:
            continue
        home[raw["sheet"] == sheet] = title_code
        other = (raw["sheet"] == sheet) & codes.notna() & (codes != title_code)
        other = other.fillna(False).astype(bool)
        if not other.any():
            continue
        units = commune_names(registry, on.year)
        extra = {
            i: {"title": units.get(title_code, title_code), "row_name": units.get(codes[i], "")}
            for i in raw.index[other]
        }
        report.add(other, field, "commune_not_title", extra=extra)
    return home


def _resolve_communes(
    table: RawTable,
    raw: pd.DataFrame,
    errors: dict,
    lookup: dict[str, str],
    registry: pd.DataFrame,
    on: dt.date,
    report: _Problems,
) -> tuple[pd.Series, pd.Series]:
    """The registry code of each row's commune, from its name (`Xã`), its code (`Mã xã`)
    or both (which must name the same commune); a row whose commune is not the one the
    sheet's title names (`UBND XÃ CAM THÀNH` over rows typed `CAM THANH`) is rejected.
    Returns (each row's commune code, the code its sheet's title names)."""

    resolved: dict[str, pd.Series] = {}
    blank = pd.Series(True, index=raw.index)
    for field in ("commune", "commune_code"):
        if field not in raw:
            continue
        resolved[field], unread = _field_communes(field, raw, errors, lookup, registry, on, report)
        blank &= unread
    names, numbers = resolved.get("commune"), resolved.get("commune_code")
    codes = _name_or_code(names, numbers, raw.index, registry, on, report)
    field = "commune" if "commune" in raw else "commune_code"
    report.add(blank & ~errors[field], field, "missing_value")
    # the commune the sheet's title states, when it states one after Xã / Thị trấn
    home = _title_communes(table, raw, codes, field, lookup, registry, on, report)
    return codes, home


def _numbered_in_another_commune(
    ids: pd.Series, communes: pd.Series, registry_codes: set[str]
) -> pd.Series:
    """For a code of 9 or 12 digits that begins with another commune's code than its
    row's (`196210045` in Cam Chính's list: Cam Nghĩa is 19621), that commune's code;
    else <NA>. Such a code may as well be an ID number: it is never kept, nor shown."""
    text = ids.fillna("").astype(str)
    digits = text.str.fullmatch(r"\d{9}|\d{11,12}").astype(bool)

    ordered = sorted(registry_codes, key=len, reverse=True)
    prefix = text[digits].map(lambda v: next((c for c in ordered if v.startswith(c)), pd.NA))
    prefix = prefix.reindex(ids.index).astype("string")
    return prefix.where(prefix != communes.astype("string"))


def _scale(
    values: pd.Series, field: Field, headers: list[str]
) -> tuple[pd.Series, float, str, pd.Series]:
    """A column written in a larger unit (income in thousand đồng), scaled: the values,
    the factor applied, on what it was decided (`values`: every amount is below the
    field's `when_all_below`, or none is; `header`: the header says so and the amounts are
    mixed; `majority`: mixed, no word in the header, most amounts decide; '' when there
    is no amount), and the amounts that do not fit the unit decided (450 among amounts in
    đồng; 480000 among amounts in thousand đồng, at or above `scaled_below`)."""
    scale = field.scale
    positive = (values > 0).fillna(False).astype(bool)
    none = pd.Series(False, index=values.index)
    if scale is None or not positive.any():
        return values, 1.0, "", none
    small = positive & (values < scale.when_all_below).fillna(False).astype(bool)
    below, count = int(small.sum()), int(positive.sum())
    if below in (0, count):
        factor, basis = (scale.factor if below else 1.0), "values"
    else:
        words = [f" {normalise_label(h)} " for h in headers]
        said = any(f" {w} " in h for w in scale.header_words for h in words)
        factor = scale.factor if said or below * 2 > count else 1.0
        basis = "header" if said else "majority"
    large = positive & (values >= scale.scaled_below).fillna(False).astype(bool)
    unclear = large if factor != 1.0 else small
    return values * factor, factor, basis, unclear


def _status_from_marks(
    raw: pd.DataFrame, out: pd.DataFrame, spec: ColumnSpec, report: _Problems
) -> None:
    """The review result given as one x-mark column per result (`Hộ nghèo` | `Hộ cận
    nghèo`): the marked column's result, no mark the result a blank cell means (not poor),
    two marks a reject; with a result column too, marks that disagree with it a reject."""
    marks = [name for name in spec.mark_fields("status") if name in raw]
    if not marks:
        return
    marked = pd.DataFrame({m: out[m].fillna(False).astype(bool) for m in marks})
    count = marked.sum(axis=1)
    value = pd.Series(pd.NA, index=raw.index, dtype="string")
    for name in marks:
        value = value.mask(marked[name], spec.fields[name].mark_of[1])
    labels = pd.DataFrame(
        {m: marked[m].map({True: spec.fields[m].aliases[0], False: ""}) for m in marks}
    )
    names = labels.apply(lambda column: column.where(column == "", column + ", ")).sum(axis=1)
    names = names.str.rstrip(", ")

    first_mark = marks[0]
    extra = {i: {"marks": names[i]} for i in raw.index[count > 1]}
    report.add(count > 1, first_mark, "conflicting_marks", extra=extra)
    if "status" in raw:
        differ = (count == 1) & out["status"].notna() & (out["status"] != value)
        differ = differ.fillna(False).astype(bool)
        extra = {i: {"marks": names[i]} for i in raw.index[differ]}
        report.add(differ, "status", "marks_differ_from_status", raw["status"], extra)
    else:
        unmarked = spec.status_vocabulary.get("", "not_poor")
        out["status"] = value.where(count > 0, unmarked).where(count <= 1).astype("string")


def _duplicates(
    raw: pd.DataFrame, out: pd.DataFrame, communes: pd.Series, report: _Problems
) -> pd.Series:
    """Repeated households of one commune in the file: a row repeating an earlier one
    exactly is rejected (the first kept), the same code with other values rejected
    everywhere. A household code is unique within its commune: communes that number
    their households 001, 002… share codes.

    Only the rows with no other problem are compared, as households of two files are
    (`reject_across_files`): where a commune's rows are split into files changes nothing.
    Returns the rows whose code is used with other values (rejected).
    """
    rejected = [p["index"] for p in report.found if not p.empty]
    valid = ~raw.index.isin(pd.concat(rejected).unique() if rejected else [])
    ids = out["household_id"].fillna("").where(valid, "")
    key = communes.astype("string").fillna(
        map_distinct(raw["commune"], cell_text) if "commune" in raw else ""
    )
    key = key.fillna("") + "\x1f" + ids
    repeated_id = key.duplicated(keep=False) & (ids != "")
    duplicate_row = pd.Series(False, index=raw.index)
    clash = pd.Series(False, index=raw.index)
    first_of: dict = {}
    others: dict = {}
    if repeated_id.any():
        # two rows say the same when their values read the same (`1.200.000` and `1200000`,
        # `Xã Cam Thành` and `Cam Thành`), as for rows of two files
        signatures = household_signatures(out.loc[repeated_id]).astype("string")
        row_key = key[repeated_id] + "\x1f" + signatures
        duplicate_row = row_key.duplicated(keep="first").reindex(raw.index, fill_value=False)
        first_row = raw.loc[repeated_id, "source_row"].groupby(row_key).transform("min")
        first_of = {i: {"others": str(int(first_row[i]))} for i in raw.index[duplicate_row]}
        distinct = repeated_id & ~duplicate_row
        clash = key[distinct].duplicated(keep=False).reindex(raw.index, fill_value=False)
        rows_by_key = raw.loc[clash, "source_row"].groupby(key[clash]).agg(list)
        for i in raw.index[clash]:
            rows = [str(r) for r in rows_by_key[key[i]] if r != raw.at[i, "source_row"]]
            others[i] = {"others": ", ".join(rows)}
    report.add(duplicate_row, "household_id", "duplicate_row", ids, first_of)
    report.add(clash, "household_id", "duplicate_household_id", ids, others)
    return clash


def _read_fields(
    table: RawTable,
    raw: pd.DataFrame,
    errors: dict,
    spec: ColumnSpec,
    report: _Problems,
) -> tuple[pd.DataFrame, tuple[str, str]]:
    """Every field but the commune read by its kind and checked against the schema of
    columns.yaml (a blank required cell, bounds, a scaled unit, a kept text that is a
    person); returns the fields' columns, and the income's unit and on what it was
    decided."""
    income_unit = ("", "")
    out: dict[str, pd.Series] = {}
    for field in spec.fields.values():
        if field.personal or field.name in ("commune", "commune_code"):
            continue
        if field.name not in raw:
            out[field.name] = pd.Series(pd.NA, index=raw.index, dtype=EMPTY_DTYPES[field.kind])
            continue
        values, invalid = parse_field(raw[field.name], field.kind, spec, field.name)
        blank = _blank(raw[field.name]) & ~errors[field.name]
        written = raw[field.name]  # shown as written (cell_text) for the rows reported

        if field.kind in PARSE_REASONS:
            report.add(invalid & ~blank, field.name, PARSE_REASONS[field.kind])
        if field.scale is not None:
            headers = [h[field.name] for h in table.headers.values() if field.name in h]
            values, factor, basis, unclear = _scale(values, field, headers)
            if field.name == "income" and basis:
                income_unit = ("thousand_dong" if factor == 1000 else "dong", basis)
            extra = dict.fromkeys(raw.index[unclear], AMOUNT_UNITS[factor != 1.0])
            report.add(unclear, field.name, "amount_in_another_unit", written, extra)
        if field.required:  # a blank cell is missing unless its kind gives it a meaning
            empty = blank & _no_value(values)
            reason = "missing_household_id" if field.name == "household_id" else "missing_value"
            report.add(empty.astype(bool), field.name, reason)
        if field.min is not None or field.max is not None:
            _bounds(values, written, field, report)
        if field.kind == "text":
            # a text that is kept (village, ethnicity) may not be a person
            person = map_distinct(
                values,
                lambda v: False if pd.isna(v) else looks_like_a_person(v, table.personal_values),
            )
            redacted = pd.Series(REDACTED, index=raw.index)
            report.add(person.astype(bool), field.name, "personal_data_in_cell", redacted)
        out[field.name] = values
    return pd.DataFrame(out, index=raw.index), income_unit


def _no_value(values: pd.Series) -> pd.Series:
    """The cells a field's typed column leaves missing or empty."""
    if isinstance(values.dtype, pd.StringDtype):
        return (values.isna() | values.eq("")).fillna(True).astype(bool)
    return values.isna().astype(bool)


def _bounds(values: pd.Series, written: pd.Series, field: Field, report: _Problems) -> None:
    """The field's `min` and `max`: below a min of 0 is `negative`, else `out_of_range`;
    the cell is shown as written (an ID number typed as a count keeps its leading 0, so it
    is recognised and never shown)."""
    low = field.min if field.min is not None else float("-inf")
    high = field.max if field.max is not None else float("inf")
    below = (values.notna() & (values < low)).fillna(False).astype(bool)
    above = (values.notna() & (values > high)).fillna(False).astype(bool)
    negative = below if low == 0 else pd.Series(False, index=values.index)
    outside = (below & ~negative) | above
    bounds = {i: {"low": _number(low), "high": _number(high)} for i in values.index[outside]}
    report.add(negative, field.name, "negative", written)
    report.add(outside, field.name, "out_of_range", written, bounds)


def _rules_between_fields(
    raw: pd.DataFrame, out: pd.DataFrame, spec: ColumnSpec, report: _Problems
) -> None:
    """`at_most` (workers ≤ members) and `only_for_status` (can-exit only on the poor)."""
    for field in spec.fields.values():
        if field.name not in raw:
            continue
        if field.at_most and field.at_most[0] in raw:
            other, reason = field.at_most
            above = (out[field.name] > out[other]).fillna(False).astype(bool)
            report.add(above, field.name, reason, out[field.name])
        if field.only_for_status:
            status, reason = field.only_for_status
            marked = out[field.name].fillna(False).astype(bool)
            other_status = (out["status"] != status).fillna(False).astype(bool)
            shown = raw["status"] if "status" in raw else out["status"]
            report.add(marked & other_status, field.name, reason, shown)


def _personal_codes(
    table: RawTable,
    ids: pd.Series,
    codes: pd.Series,
    lookup: dict[str, str],
    names: dict[str, str],
    report: _Problems,
) -> None:
    """A household code that is a name or an ID number would carry personal data into the
    results: the row is rejected, and the code never shown; one numbered like another
    commune's household (that commune's code first) says so."""
    personal = personal_household_codes(ids, codes, table.personal_values)
    # the commune's own numbering (`196003001`) is shown in messages as it is written
    numbered_here = ids[~personal & ids.fillna("").str.fullmatch(r"\d{9}|\d{11,12}").astype(bool)]
    report.table = replace(report.table, household_codes=frozenset(numbered_here))

    others = _numbered_in_another_commune(ids, codes, set(lookup.values()))
    numbered = personal & others.notna()
    extra = {i: {"other": f"{names.get(c, c)} ({c})"} for i, c in others[numbered].items()}
    report.add(numbered, "household_id", "code_of_another_commune", None, extra)
    redacted = pd.Series(REDACTED, index=ids.index)
    report.add(personal & ~numbered, "household_id", "id_looks_personal", redacted)


def _send_back_to(
    found: pd.DataFrame, codes: pd.Series, home: pd.Series, shifted: set
) -> pd.Series:
    """The commune each row belongs to, to know whom to send a reject back to: the one its
    sheet's title names, else its own (unless that is in doubt: a shifted row, a commune
    that differs from the title or the code), else the one most rows of the file have."""
    doubtful = set(found.loc[found["reason"].isin(DOUBTFUL_COMMUNE), "index"]) | shifted
    own = codes.where(~codes.index.isin(list(doubtful)))
    usual = own.mode()
    return home.fillna(own).fillna(usual.iloc[0] if len(usual) else pd.NA)


def _area(out: pd.DataFrame, valid_units: pd.DataFrame) -> pd.Series:
    """Each row's area (urban, rural): as the file writes it, else its commune's in the
    registry on the review date (`valid_units`: the registry's units valid then)."""
    valid = valid_units.drop_duplicates("code").set_index("code")["area"]
    return out["area"].fillna(out["commune_code"].map(valid).astype("string"))


def _deprivation_count(out: pd.DataFrame, raw: pd.DataFrame, spec: ColumnSpec) -> pd.Series:
    """Each row's number of deprivations among the indicator columns the file has (<NA>
    when it has none)."""
    present = [name for name in spec.indicators if name in raw]
    return (
        out[present].fillna(False).astype("int64").sum(axis=1)
        if present
        else pd.Series(pd.NA, index=raw.index, dtype="Int64")
    )


def _problem_list(found: list[pd.DataFrame]) -> tuple[pd.DataFrame, set]:
    """The problems found, one frame per check, as one frame, and the shifted rows: a
    shifted row is reported once; an error cell is not also reported as blank or
    invalid."""
    found = [p for p in found if not p.empty]
    problems = (
        pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=_PROBLEM_COLUMNS)
    )
    shifted = set(problems.loc[problems["reason"].isin(OVERRIDING), "index"])
    problems = problems[~problems["index"].isin(shifted) | problems["reason"].isin(OVERRIDING)]
    cell_key = problems["index"].astype(str) + "|" + problems["field"].astype(str)
    cell_problem = problems["reason"].isin(CELL_REASONS)
    problems = problems[~cell_key.isin(set(cell_key[cell_problem])) | cell_problem]
    return problems, shifted


def _shown_values(
    table: RawTable, out: pd.DataFrame, raw: pd.DataFrame, spec: ColumnSpec
) -> pd.DataFrame:
    """The rows' values as the rejects show them: the cells as read, a free text as the
    categories read from it."""
    return table.frame.assign(
        **{
            f.name: out[f.name]
            for f in spec.fields.values()
            if f.kind == "category" and f.name in raw
        }
    )


def _kept_households(
    out: pd.DataFrame,
    rejected: pd.Index,
    raw: pd.DataFrame,
    spec: ColumnSpec,
    review_year: int,
    file: str,
) -> pd.DataFrame:
    """The households of `out` without a problem (not in `rejected`), with their review
    year, whether they are of an ethnic minority, and where they were read (file, sheet,
    row)."""
    kept = out.drop(index=rejected)
    kept["review_year"] = review_year
    kept["ethnic_minority"] = ~map_distinct(kept["ethnicity"], normalise_label).isin(
        spec.majority_ethnicity
    )
    kept["source_file"] = file
    kept["sheet"] = raw.loc[kept.index, "sheet"].astype("string")
    kept["source_row"] = raw.loc[kept.index, "source_row"].astype("int64")
    return kept


def _ledger_entry(
    table: RawTable,
    rows_read: int,
    rows_kept: int,
    rows_rejected: int,
    problems: int,
    income_unit: tuple[str, str],
    review_year: int,
) -> dict[str, object]:
    """The file's line of the ledger: its rows read, kept and rejected, its rows that are
    no households by kind, and what was decided in reading it."""
    return {
        "review_year": review_year,
        "source_file": table.file,
        "sheet": "; ".join(table.sheets),
        "grid_rows": table.grid_rows,
        "rows_read": rows_read,
        "rows_kept": rows_kept,
        "rows_rejected": rows_rejected,
        "problems": problems,
        **{f"{k}_rows": v for k, v in table.structure.items()},
        "ignored_columns": table.ignored_columns,
        "ignored_sheets": table.ignored_sheets,
        "file_encoding": table.file_encoding,
        "text_encodings": table.text_encodings,
        "income_unit": income_unit[0],
        "income_unit_basis": income_unit[1],
        "file_sha256": table.file_sha256,
        "duplicate_of": "",
        "refused": "",
    }


def clean_table(
    table: RawTable,
    spec: ColumnSpec,
    lookup: dict[str, str],
    registry: pd.DataFrame,
    review_year: int,
) -> CleanResult:
    """Type-check and validate the rows of one raw file.

    `lookup` maps normalised commune names and codes to registry codes for the review date
    (see `registry.commune_lookup`). Returns the cleaned households (no personal data, no
    free text), the rejects (one line per problem) and the file's ledger.
    """
    on = review_date(review_year)
    table = _without_personal_labels(table, frozenset(lookup))
    if "commune" not in table.frame and "commune_code" not in table.frame:
        table = _with_commune_from_context(table, lookup)
    report = _Problems(table, [])
    raw, errors = _cell_problems(table, spec, report)
    codes, home = _resolve_communes(table, raw, errors, lookup, registry, on, report)
    fields, income_unit = _read_fields(table, raw, errors, spec, report)
    out = pd.concat([pd.DataFrame({"commune_code": codes}, index=raw.index), fields], axis=1)
    _status_from_marks(raw, out, spec, report)
    _rules_between_fields(raw, out, spec, report)
    valid_units = units_valid_on(registry, on)
    names = unit_names(valid_units)
    _personal_codes(table, out["household_id"], codes, lookup, names, report)
    table = report.table  # with the household codes it may show

    # derived columns
    out["area"] = _area(out, valid_units)
    out["can_exit"] = out["can_exit"].fillna(False)
    out["deprivation_count"] = _deprivation_count(out, raw, spec)
    clash = _duplicates(raw, out, codes, report)

    found, shifted = _problem_list(report.found)
    rejected_index = pd.Index(found["index"].unique())
    commune_of = _send_back_to(found, codes, home, shifted)
    shown = _shown_values(table, out, raw, spec)
    rejects = _reject_frame(table, shown, found, review_year, shifted, commune_of)
    kept = _kept_households(out, rejected_index, raw, spec, review_year, table.file)
    ledger = _ledger_entry(
        table, len(raw), len(kept), len(rejected_index), len(found), income_unit, review_year
    )
    check_ledger(ledger)
    clashes = (
        _kept_households(out, raw.index[~clash], raw, spec, review_year, table.file)
        if clash.any()
        else pd.DataFrame()
    )
    return CleanResult(
        households=kept.reset_index(drop=True),
        rejects=rejects,
        ledger=ledger,
        clashes=clashes.reset_index(drop=True),
    )


def _reject_frame(
    table: RawTable,
    raw: pd.DataFrame,
    found: pd.DataFrame,
    review_year: int,
    shifted: set,
    communes: pd.Series,
) -> pd.DataFrame:
    """The rejects table: one line per problem, with the row's values as `raw` shows them
    (the cells as read; free text as its categories), each passed through `redact`, and
    withheld for shifted rows, whose cells may hold a name or ID number."""
    if found.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in REJECT_COLUMNS})
    fields = [c for c in raw.columns if c not in {"source_row", "sheet", "extra_cells"}]
    rows = found["index"].unique()
    raw_values = {}
    for i, sheet, values in zip(
        rows, raw.loc[rows, "sheet"], raw.loc[rows, fields].to_numpy(), strict=True
    ):
        raw_values[i] = (
            "{}"
            if i in shifted
            else json.dumps(
                {
                    table.header(sheet, k): _redacted(table, "" if v is pd.NA else cell_text(v))
                    for k, v in zip(fields, values, strict=True)
                },
                ensure_ascii=False,
                sort_keys=True,
            )
        )
    source_rows = raw.loc[found["index"], "source_row"].to_numpy()
    sheets = raw.loc[found["index"], "sheet"].to_numpy()
    problems = found.to_dict("records")
    return pd.DataFrame(
        {
            "review_year": review_year,
            "source_file": table.file,
            "sheet": sheets,
            "source_row": source_rows,
            "commune_code": communes.loc[found["index"]].to_numpy(),
            "column": [table.header(s, f) for s, f in zip(sheets, found["field"], strict=True)],
            "field": found["field"].to_numpy(),
            "reason": found["reason"].to_numpy(),
            "message": [
                _message(table, p, int(r), s, "en")
                for p, r, s in zip(problems, source_rows, sheets, strict=True)
            ],
            "message_vi": [
                _message(table, p, int(r), s, "vi")
                for p, r, s in zip(problems, source_rows, sheets, strict=True)
            ],
            "raw_values": [raw_values[i] for i in found["index"]],
        }
    )


def check_ledger(ledger: dict[str, object]) -> None:
    """Raise DataError unless rows read = kept + rejected, and the sheet's rows = rows read +
    the rows that are not households (title, header, index, blank, section, total, footer)."""
    read, kept, rejected = ledger["rows_read"], ledger["rows_kept"], ledger["rows_rejected"]
    structure = sum(int(v) for k, v in ledger.items() if k.endswith("_rows") and k != "grid_rows")
    if read != kept + rejected or ledger.get("grid_rows", structure + read) != structure + read:  # type: ignore[operator]
        raise InternalError(
            f"the ledger does not balance: {ledger.get('grid_rows')} rows in the sheets, {read} rows "
            f"read, {kept} kept, {rejected} rejected, {structure} other rows",
            file=str(ledger["source_file"]),
            hint="this is a bug in povertyplan; please report it with the file",
        )


# the columns that say where a household row came from, not what it holds
_PLACE_COLUMNS = ("source_file", "source_row", "sheet")


def household_signatures(households: pd.DataFrame) -> pd.Series:
    """A hash of each household row's values (where it came from left out): two rows with
    the same signature say the same thing."""
    values = households[[c for c in households.columns if c not in _PLACE_COLUMNS]]
    return pd.util.hash_pandas_object(values.astype("string"), index=False)


def _across_line(row, reason: str, others: str, id_header: str) -> dict[str, object]:
    message = {
        language: reject_message(
            reason,
            language,
            row.source_file,
            int(row.source_row),
            id_header,
            {
                "value": row.household_id,
                "others": others.replace("{row}", label("where.row", language)),
            },
        )
        for language in ("en", "vi")
    }
    values = {"commune_code": row.commune_code, "members": row.members, "status": row.status}
    return {
        "review_year": row.review_year,
        "source_file": row.source_file,
        "sheet": getattr(row, "sheet", ""),
        "source_row": row.source_row,
        "commune_code": row.commune_code,
        "column": id_header,
        "field": "household_id",
        "reason": reason,
        "message": message["en"],
        "message_vi": message["vi"],
        "raw_values": json.dumps({k: cell_text(v) for k, v in values.items()}, ensure_ascii=False),
    }


def _household_keys(households: pd.DataFrame) -> pd.Series:
    """Each row's household: its commune and its code."""
    return (
        households["commune_code"].astype("string").fillna("")
        + "\x1f"
        + households["household_id"].astype("string")
    )


def reject_across_files(
    households: pd.DataFrame, clashes: pd.DataFrame | None = None, id_header: str = "Mã hộ"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Households in more than one file (the same code in the same commune): a row that
    repeats an earlier file's row exactly is rejected and the earlier one kept
    (`duplicate_row_across_files`, a list sent again); rows that differ are all rejected
    (`duplicate_across_files`), each naming the other places. A household whose code
    another file uses with other values (`clashes`, rejected there) is rejected too: as
    a row repeated when it reads like one of those rows, else as a code used twice.

    Returns (households kept, rejects). Each file is already free of repeated households,
    so the rows found here are in different files.
    """
    doubtful, lines = _rows_of_clashes(households, clashes, id_header)
    if lines:
        households = households[~doubtful].reset_index(drop=True)
    kept, rejects = _reject_repeated(households, id_header)
    if lines:
        rejects = pd.concat([rejects, pd.DataFrame(lines, columns=REJECT_COLUMNS)])
    return kept, rejects.reset_index(drop=True)


def _rows_of_clashes(
    households: pd.DataFrame, clashes: pd.DataFrame | None, id_header: str
) -> tuple[pd.Series, list[dict[str, object]]]:
    """The kept rows of a household whose code another file uses with other values, and
    their reject lines."""
    doubtful = pd.Series(False, index=households.index)
    if clashes is None or not len(clashes) or not len(households):
        return doubtful, []
    clash_keys = _household_keys(clashes)
    keys = _household_keys(households)
    doubtful = keys.isin(set(clash_keys)).fillna(False).astype(bool)
    said = set(zip(clash_keys, household_signatures(clashes).astype(str), strict=True))
    places = clashes.assign(place=clash_keys).groupby("place")[["source_file", "source_row"]]
    places = places.agg(list)
    lines = []
    rows = households[doubtful]
    signatures = household_signatures(rows).astype(str)
    for row, key, signature in zip(
        rows.itertuples(index=False), keys[doubtful], signatures, strict=True
    ):
        files, numbers = places.loc[key]
        others = ", ".join(f"{f} {{row}} {n}" for f, n in zip(files, numbers, strict=True))
        same = (key, signature) in said
        reason = "duplicate_row_across_files" if same else "duplicate_across_files"
        lines.append(_across_line(row, reason, others, id_header))
    return doubtful, lines


def _reject_repeated(households: pd.DataFrame, id_header: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`reject_across_files` among the kept rows of the files."""
    key = _household_keys(households)
    repeated = key.duplicated(keep=False)
    if not repeated.any():
        return households, empty_rejects()
    # rows of one household that all say the same: the first is kept; else none is
    versions = household_signatures(households).astype(str).groupby(key).transform("nunique")
    again = repeated & (versions == 1) & key.duplicated(keep="first")
    differ = repeated & (versions > 1)
    first_of = households[repeated & (versions == 1)].assign(place=key).groupby("place").first()
    rows = households[differ].assign(place_key=key[differ])
    places = rows.groupby("place_key")[["source_file", "source_row"]].agg(list)
    lines = []
    for row, place in zip(households[again].itertuples(index=False), key[again], strict=True):
        first = first_of.loc[place]
        others = f"{first['source_file']} {{row}} {first['source_row']}"
        lines.append(_across_line(row, "duplicate_row_across_files", others, id_header))
    for row in rows.itertuples(index=False):
        files, numbers = places.loc[row.place_key]
        others = ", ".join(
            f"{file} {{row}} {number}"
            for file, number in zip(files, numbers, strict=True)
            if (file, number) != (row.source_file, row.source_row)
        )
        lines.append(_across_line(row, "duplicate_across_files", others, id_header))
    kept = households[~(again | differ)].reset_index(drop=True)
    return kept, pd.DataFrame(lines, columns=REJECT_COLUMNS)


def files_with(ledger: pd.DataFrame, column: str) -> list[str]:
    """The files whose ledger entry has something in `column` (`refused`, `duplicate_of`);
    a ledger written before the column existed has none."""
    if column not in ledger:
        return []
    return ledger.loc[ledger[column].fillna("") != "", "source_file"].tolist()


def empty_rejects() -> pd.DataFrame:
    """A rejects table with no line."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in REJECT_COLUMNS})


def refused_file(
    file: str, review_year: int, error: PovertyPlanError, file_sha256: str = ""
) -> CleanResult:
    """The outcome of a file that cannot be read at all (no header, a required column
    missing, …): no household, one reject line naming the problem in the officer's words
    (reason `file_refused`), and a ledger entry whose `refused` is the analyst's message."""
    rejects = pd.DataFrame(
        [
            {
                "review_year": review_year,
                "source_file": file,
                "sheet": "",
                "source_row": error.row or 0,
                "commune_code": pd.NA,
                "column": error.column or "",
                "field": "",
                "reason": "file_refused",
                # a refusal can quote the file's headers: they pass the same redaction
                "message": redact(error.one_line("en", audience="officer")),
                "message_vi": redact(error.one_line("vi", audience="officer")),
                "raw_values": "{}",
            }
        ],
        columns=REJECT_COLUMNS,
    )
    ledger = {
        "review_year": review_year,
        "source_file": file,
        "sheet": "",
        "grid_rows": 0,
        "rows_read": 0,
        "rows_kept": 0,
        "rows_rejected": 0,
        "problems": 1,
        **{f"{kind}_rows": 0 for kind in STRUCTURE_KINDS},
        "ignored_columns": [],
        "ignored_sheets": [],
        "file_encoding": "",
        "text_encodings": [],
        "income_unit": "",
        "income_unit_basis": "",
        "file_sha256": file_sha256,
        "duplicate_of": "",
        "refused": redact(error.one_line("en")),
    }
    return CleanResult(households=pd.DataFrame(), rejects=rejects, ledger=ledger)


def _rejected_signature(rejects: pd.DataFrame) -> bytes:
    """What a file's rejected rows say (field, reason and the cells as written), in no
    particular order and wherever they stood: a copy saved again says the same."""
    if not len(rejects):
        return b""
    said = rejects[["field", "reason", "raw_values"]].astype("string")
    return np.sort(pd.util.hash_pandas_object(said, index=False).to_numpy()).tobytes()


def _original_and_copies(results: list[CleanResult]) -> dict[str, str]:
    """Files sent twice: copy → the file read. A copy has the same bytes, or, saved again
    (`x (2).xlsx`, its rows perhaps in another order), the same households and the same
    rejected rows. The file read is the one with the shortest name (`x.xlsx` before
    `x - Copy.xlsx`), then the first by name."""
    by_content: dict[object, list[str]] = {}
    # only files with as many households and rejected rows as another can hold the same
    # households: the others are not hashed
    sizes = Counter((len(r.households), r.ledger["rows_rejected"]) for r in results)
    for result in results:
        entry = result.ledger
        name = str(entry["source_file"])
        if entry.get("file_sha256"):
            by_content.setdefault(("bytes", entry["file_sha256"]), []).append(name)
        same_size = sizes[(len(result.households), entry["rows_rejected"])] > 1
        if len(result.households) and not entry.get("refused") and same_size:
            rows = np.sort(household_signatures(result.households).to_numpy()).tobytes()
            rejected = _rejected_signature(result.rejects)
            by_content.setdefault(("rows", rows, rejected), []).append(name)
    copies: dict[str, str] = {}
    for names in by_content.values():
        first, *others = sorted(dict.fromkeys(names), key=lambda n: (len(n), n))
        copies |= {other: copies.get(first, first) for other in others if other not in copies}
    return copies


def combine_year(results: list[CleanResult]) -> CleanResult:
    """One review year's files together: a file sent twice (the same bytes, or the same
    households saved again) is read once, the copy named in the ledger (`duplicate_of`)
    with no row of its own; a household in two files (same commune, same code) is kept
    once when the rows are the same, else rejected in both (`reject_across_files`); every
    file's ledger entry is updated and balanced. The ledger of the result is a frame, one
    row per file."""
    ledgers = [dict(r.ledger) for r in results]
    copies = _original_and_copies(results)
    households = [
        r.households for r in results if len(r.households) and r.ledger["source_file"] not in copies
    ]
    combined = pd.concat(households, ignore_index=True) if households else pd.DataFrame()
    clashed = [
        r.clashes for r in results if len(r.clashes) and r.ledger["source_file"] not in copies
    ]
    clashes = pd.concat(clashed, ignore_index=True) if clashed else None
    combined, across = (
        reject_across_files(combined, clashes) if len(combined) else (combined, empty_rejects())
    )
    rejected = [
        r.rejects for r in results if not r.rejects.empty and r.ledger["source_file"] not in copies
    ]
    if not across.empty:
        rejected.append(across)
    rejects = pd.concat(rejected, ignore_index=True) if rejected else empty_rejects()
    moved = across.groupby("source_file").size() if not across.empty else pd.Series(dtype="int64")
    for entry in ledgers:
        name = entry["source_file"]
        if name in copies:
            counts = [k for k in entry if k.endswith("_rows") or k.startswith("rows_")]
            entry |= dict.fromkeys([*counts, "problems"], 0)
            entry |= {"sheet": "", "duplicate_of": copies[name], "refused": ""}
        lost = int(moved.get(name, 0))
        entry["rows_kept"] -= lost
        entry["rows_rejected"] += lost
        entry["problems"] += lost
        check_ledger(entry)
    return CleanResult(households=combined, rejects=rejects, ledger=pd.DataFrame(ledgers))
