"""Cleaning one raw file: typed household rows, rejected rows with reasons, and a ledger.

Every data row of the file ends up either in the cleaned households or in the rejects
(one reject line per problem found, so a commune gets the whole list at once), and the
ledger checks that rows read = rows kept + rows rejected. Checks run on whole columns;
work on text (commune names, suggestions) is done once per distinct value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

import pandas as pd

from .columns import ColumnSpec
from .errors import DataError
from .messages import reject_message
from .parse import parse_flag, parse_integer, parse_number, parse_vocabulary
from .read import CellError, RawTable, cell_text
from .registry import (
    commune_in_context,
    resolve_communes,
    review_date,
    suggest_communes,
    units_valid_on,
)
from .text import normalise_label, without_diacritics

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
}
_INTEGRAL_TEXT = re.compile(r"^(\d+)\.0+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$")

# a problem that makes the row's other cells meaningless (shifted columns)
OVERRIDING = {"row_longer_than_header"}
# problems of the cell itself: no other problem is reported for that cell
CELL_REASONS = {"excel_error", "formula_without_value", "date_not_number"}

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
    """The outcome of cleaning one file."""

    households: pd.DataFrame
    rejects: pd.DataFrame
    ledger: dict[str, object]


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


REDACTED = "***"
_ID_NUMBER = re.compile(r"^\d{9}$|^\d{12}$")
# common family names (compared without diacritics): a name in a cell where none should be
_SURNAME_LIST = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn "
    "Lương Trương Mai Cao Lâm Hà Tạ Đào Nông Hứa Lò Lục Mạc Triệu Quách Kiều Tô Từ Lã "
    "Đàm Khổng Chu Thái Tôn Giang Lưu Doãn Kăn Ăm"
).split()
SURNAMES = frozenset(normalise_label(name) for name in _SURNAME_LIST)
_PLAIN_SURNAMES = frozenset(without_diacritics(name) for name in _SURNAME_LIST)


def is_family_name(word: str) -> bool:
    """A common Vietnamese family name, written with its diacritics or with none at all
    (`Nguyễn`, `NGUYEN`), but not another word that only loses its accents to one (`Hộ`)."""
    key = normalise_label(word)
    return key in SURNAMES or (key == without_diacritics(key) and key in _PLAIN_SURNAMES)


_WORD_SPAN = re.compile(r"[^\W\d_]+")


def looks_personal(text: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether a whole cell is, or looks like, a name or an ID number: one of the file's
    own (`known`), 9 or 12 digits, or two to five words starting with a common family name
    (with or without diacritics, in any case)."""
    text = text.strip()
    if text in known or _ID_NUMBER.match(text):
        return True
    words = text.split()
    return (
        2 <= len(words) <= 5 and is_family_name(words[0]) and not any(ch.isdigit() for ch in text)
    )


def redact(text: str, known: frozenset[str] = frozenset()) -> str:
    """`text` with names and ID numbers replaced by ***: the whole cell when it looks like
    one, else every capitalised family name and given names inside it ("Chồng Nguyễn Văn
    Bình bị ốm" → "Chồng *** bị ốm")."""
    if looks_personal(text, known):
        return REDACTED
    for value in known:
        if len(value) >= 5 and value in text:
            text = text.replace(value, REDACTED)

    words = list(_WORD_SPAN.finditer(text))
    spans, i = [], 0
    while i < len(words):
        word = words[i].group(0)
        if word[:1].isupper() and is_family_name(word):
            j = i + 1
            while j < len(words) and j - i <= 4 and words[j].group(0)[:1].isupper():
                j += 1
            if j - i >= 2:
                spans.append((words[i].start(), words[j - 1].end()))
                i = j
                continue
        i += 1
    for start, end in reversed(spans):
        text = text[:start] + REDACTED + text[end:]
    return re.sub(r"\b\d{9}(\d{3})?\b", REDACTED, text)


def _redacted(table: RawTable, text: str) -> str:
    """`text` as it may be shown: no name or ID number (a shifted row can carry a name
    into another column, and a note can hold one)."""
    return redact(text, table.personal_values)


def _blank(values: pd.Series) -> pd.Series:
    """Blank cells (an error cell is not blank: it reads `#ERROR` or `#FORMULA`)."""
    return values.eq("").astype(bool)


def _codes(values: pd.Series) -> pd.Series:
    """Codes as text: `123`, `123.0` (a number typed as text) and Excel's 123 are one code."""
    return values.map(lambda v: _INTEGRAL_TEXT.sub(r"\1", cell_text(v).strip()))


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def parse_field(values: pd.Series, kind: str, spec: ColumnSpec) -> tuple[pd.Series, pd.Series]:
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
    text = _codes(values) if kind == "code" else values.map(cell_text).str.strip()
    return text.astype("string"), pd.Series(False, index=values.index)


def _with_commune_from_context(table: RawTable, lookup: dict[str, str]) -> RawTable:
    """A file without a commune column: its commune from its title block or file name."""
    code, candidates = commune_in_context(table.context, lookup)
    if code is None:
        found = f" (it names {', '.join(candidates)})" if candidates else ""
        raise DataError(
            f"there is no commune column, and neither the title nor the file name names one commune{found}",
            file=table.file,
            hint="add a column 'Xã' (name or code), or put 'Xã <name>' in the title",
            vi=(
                f"không có cột xã, và tiêu đề hay tên tệp không cho biết một xã cụ thể{found}",
                "thêm cột 'Xã' (tên hoặc mã xã), hoặc ghi 'Xã <tên xã>' trong tiêu đề",
            ),
        )
    frame = table.frame.copy()
    frame["commune"] = code
    headers = {sheet: {**h, "commune": "(tiêu đề / tên tệp)"} for sheet, h in table.headers.items()}
    return replace(table, frame=frame, headers=headers)


def clean_table(
    table: RawTable,
    spec: ColumnSpec,
    lookup: dict[str, str],
    registry: pd.DataFrame,
    review_year: int,
) -> CleanResult:
    """Type-check and validate the rows of one raw file.

    `lookup` maps normalised commune names and codes to registry codes for the review date
    (see `registry.commune_lookup`). Returns the cleaned households (no personal data), the
    rejects (one line per problem) and the file's ledger.
    """
    on = review_date(review_year)
    if "commune" not in table.frame:
        table = _with_commune_from_context(table, lookup)
    fields_read = [name for name in table.frame.columns if name in spec.fields]
    if table.has_cell_errors:
        errors = {
            n: table.frame[n].map(lambda v: isinstance(v, CellError)).astype(bool)
            for n in fields_read
        }
    else:
        errors = {n: pd.Series(False, index=table.frame.index) for n in fields_read}
    # error cells are rejected below; for parsing they count as blank
    raw = table.frame.copy()
    for name, mask in errors.items():
        if mask.any():
            raw.loc[mask, name] = ""
    out = pd.DataFrame(index=raw.index)
    problems: list[pd.DataFrame] = []

    def add(mask: pd.Series, field: str, reason: str, values=None, extra=None) -> None:
        problems.append(_problems(table, mask, field, reason, values, extra))

    add(raw["extra_cells"] > 0, "household_id", "row_longer_than_header", raw["extra_cells"])
    for name, mask in errors.items():
        formula = table.frame[name].map(lambda v: v == "#FORMULA").astype(bool) & mask
        add(mask & ~formula, name, "excel_error")
        add(formula, name, "formula_without_value")
    # a number formatted as a date in Excel arrives as a date
    numeric = [f.name for f in spec.fields.values() if f.kind in ("integer", "number")]
    for name in numeric:
        if name in raw:
            text = raw[name].where(raw[name].map(type).eq(str), "")
            dated = text.astype("string").str.match(_ISO_DATE).fillna(False).astype(bool)
            add(dated, name, "date_not_number")
            raw.loc[dated, name] = ""
            errors[name] = errors[name] | dated

    # commune: a name, an alias or a code, matched in the registry for the review date
    commune_text = raw["commune"].map(cell_text)
    codes = resolve_communes(commune_text, lookup)
    unknown = codes.isna() & ~_blank(raw["commune"]) & ~errors["commune"]
    suggestions = {
        value: suggest_communes(value, registry, on) for value in commune_text[unknown].unique()
    }
    extra = {i: {"suggestions": suggestions[v]} for i, v in commune_text[unknown].items()}
    add(unknown, "commune", "unknown_commune", extra=extra)
    add(_blank(raw["commune"]) & ~errors["commune"], "commune", "missing_value")
    out["commune_code"] = codes

    # every other field: read by its kind, then checked against the schema of columns.yaml
    for field in spec.fields.values():
        if field.personal or field.name == "commune":
            continue
        if field.name not in raw:
            out[field.name] = pd.Series(pd.NA, index=raw.index, dtype=EMPTY_DTYPES[field.kind])
            continue
        values, invalid = parse_field(raw[field.name], field.kind, spec)
        blank = _blank(raw[field.name]) & ~errors[field.name]
        if field.kind in PARSE_REASONS:
            add(invalid & ~blank, field.name, PARSE_REASONS[field.kind])
        if field.required:  # a blank cell is missing unless its kind gives it a meaning
            empty = blank & (values.isna() | (values.astype("string") == "")).fillna(True)
            reason = "missing_household_id" if field.name == "household_id" else "missing_value"
            add(empty.astype(bool), field.name, reason)
        if field.min is not None or field.max is not None:
            low = field.min if field.min is not None else float("-inf")
            high = field.max if field.max is not None else float("inf")
            outside = (
                (values.notna() & ((values < low) | (values > high))).fillna(False).astype(bool)
            )
            reason = "negative" if field.max is None and field.min == 0 else "out_of_range"
            bounds = {i: {"low": _number(low), "high": _number(high)} for i in raw.index[outside]}
            add(outside, field.name, reason, values, bounds)
        out[field.name] = values
    for field in spec.fields.values():
        if field.name not in raw:
            continue
        if field.at_most and field.at_most[0] in raw:
            other, reason = field.at_most
            above = (out[field.name] > out[other]).fillna(False).astype(bool)
            add(above, field.name, reason, out[field.name])
        if field.only_for_status:
            status, reason = field.only_for_status
            marked = out[field.name].fillna(False).astype(bool)
            other_status = (out["status"] != status).fillna(False).astype(bool)
            add(marked & other_status, field.name, reason, raw["status"])

    # a household code that is a name or an ID number would carry personal data into the
    # results: the row is rejected, and the code never shown
    personal_id = (
        out["household_id"].fillna("").map(lambda v: looks_personal(v, table.personal_values))
    )
    add(
        personal_id.astype(bool),
        "household_id",
        "id_looks_personal",
        pd.Series(REDACTED, index=raw.index),
    )

    # derived columns
    valid = units_valid_on(registry, on).drop_duplicates("code").set_index("code")["area"]
    out["area"] = out["area"].fillna(out["commune_code"].map(valid).astype("string"))
    out["can_exit"] = out["can_exit"].fillna(False)
    present = [name for name in spec.indicators if name in raw]
    out["deprivation_count"] = (
        out[present].fillna(False).astype("int64").sum(axis=1)
        if present
        else pd.Series(pd.NA, index=raw.index, dtype="Int64")
    )
    ids = out["household_id"].fillna("")

    # duplicates within the file: rows are compared only among repeated IDs
    fields = [c for c in raw.columns if c in spec.fields]
    repeated_id = ids.duplicated(keep=False) & (ids != "")
    duplicate_row = pd.Series(False, index=raw.index)
    clash = pd.Series(False, index=raw.index)
    first_of: dict = {}
    others: dict = {}
    if repeated_id.any():
        candidates = (
            raw.loc[repeated_id, fields].map(cell_text).assign(household_id=ids[repeated_id])
        )
        key = candidates.apply(tuple, axis=1)
        duplicate_row = key.duplicated(keep="first").reindex(raw.index, fill_value=False)
        first_row = raw.loc[repeated_id, "source_row"].groupby(key).transform("min")
        first_of = {i: {"others": str(int(first_row[i]))} for i in raw.index[duplicate_row]}
        distinct = repeated_id & ~duplicate_row
        clash = ids[distinct].duplicated(keep=False).reindex(raw.index, fill_value=False)
        rows_by_id = raw.loc[clash, "source_row"].groupby(ids[clash]).agg(list)
        for i in raw.index[clash]:
            rows = [str(r) for r in rows_by_id[ids[i]] if r != raw.at[i, "source_row"]]
            others[i] = {"others": ", ".join(rows)}
    add(duplicate_row, "household_id", "duplicate_row", ids, first_of)
    add(clash, "household_id", "duplicate_household_id", ids, others)

    found = [p for p in problems if not p.empty]
    found = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=_PROBLEM_COLUMNS)
    # a shifted row is reported once; an error cell is not also reported as blank or invalid
    shifted = set(found.loc[found["reason"].isin(OVERRIDING), "index"])
    found = found[~found["index"].isin(shifted) | found["reason"].isin(OVERRIDING)]
    cell_key = found["index"].astype(str) + "|" + found["field"].astype(str)
    cell_problem = found["reason"].isin(CELL_REASONS)
    found = found[~cell_key.isin(set(cell_key[cell_problem])) | cell_problem]
    rejected_index = pd.Index(found["index"].unique())
    # the commune each rejected row belongs to (to know whom to send it back to): its own,
    # else the commune most rows of the file belong to
    usual = codes.mode()
    commune_of = codes.fillna(usual.iloc[0] if len(usual) else pd.NA)
    if shifted and len(usual):
        commune_of.loc[list(shifted)] = usual.iloc[0]
    rejects = _reject_frame(table, found, review_year, shifted, commune_of)

    kept = out.drop(index=rejected_index)
    kept["review_year"] = review_year
    kept["ethnic_minority"] = ~kept["ethnicity"].map(normalise_label).isin(spec.majority_ethnicity)
    kept["source_file"] = table.file
    kept["source_row"] = raw.loc[kept.index, "source_row"].astype("int64")
    ledger = {
        "review_year": review_year,
        "source_file": table.file,
        "sheet": "; ".join(table.sheets),
        "grid_rows": table.grid_rows,
        "rows_read": len(raw),
        "rows_kept": len(kept),
        "rows_rejected": len(rejected_index),
        "problems": len(found),
        **{f"{k}_rows": v for k, v in table.structure.items()},
        "ignored_columns": table.ignored_columns,
        "ignored_sheets": table.ignored_sheets,
        "file_encoding": table.file_encoding,
        "text_encodings": table.text_encodings,
    }
    check_ledger(ledger)
    return CleanResult(households=kept.reset_index(drop=True), rejects=rejects, ledger=ledger)


def _reject_frame(
    table: RawTable, found: pd.DataFrame, review_year: int, shifted: set, communes: pd.Series
) -> pd.DataFrame:
    """The rejects table: one line per problem, with the row's non-personal raw values
    (withheld for shifted rows, whose cells may hold a name or ID number)."""
    if found.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in REJECT_COLUMNS})
    raw = table.frame
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
                    table.header(sheet, k): _redacted(table, cell_text(v))
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
        raise DataError(
            f"the ledger does not balance: {ledger.get('grid_rows')} rows in the sheets, {read} rows "
            f"read, {kept} kept, {rejected} rejected, {structure} other rows",
            file=str(ledger["source_file"]),
            hint="this is a bug in povertyplan; please report it with the file",
        )


def reject_across_files(
    households: pd.DataFrame, id_header: str = "Mã hộ"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Reject every row whose household ID is also in another file, naming the other places.

    Returns (households kept, rejects). Each file is already free of repeated IDs, so the
    rows found here are in different files.
    """
    repeated = households["household_id"].duplicated(keep=False)
    if not repeated.any():
        return households, pd.DataFrame({c: pd.Series(dtype="object") for c in REJECT_COLUMNS})
    rows = households[repeated]
    places = rows.groupby("household_id")[["source_file", "source_row"]].agg(list)
    lines = []
    for row in rows.itertuples(index=False):
        files, numbers = places.loc[row.household_id]
        others = [
            (file, number)
            for file, number in zip(files, numbers, strict=True)
            if (file, number) != (row.source_file, row.source_row)
        ]
        message = {
            language: reject_message(
                "duplicate_across_files",
                language,
                row.source_file,
                int(row.source_row),
                id_header,
                {
                    "value": row.household_id,
                    "others": ", ".join(f"{f} {word} {n}" for f, n in others),
                },
            )
            for language, word in (("en", "row"), ("vi", "dòng"))
        }
        values = {"commune_code": row.commune_code, "members": row.members, "status": row.status}
        lines.append(
            {
                "review_year": row.review_year,
                "source_file": row.source_file,
                "sheet": "",
                "source_row": row.source_row,
                "commune_code": row.commune_code,
                "column": id_header,
                "field": "household_id",
                "reason": "duplicate_across_files",
                "message": message["en"],
                "message_vi": message["vi"],
                "raw_values": json.dumps(
                    {k: cell_text(v) for k, v in values.items()}, ensure_ascii=False
                ),
            }
        )
    kept = households[~repeated].reset_index(drop=True)
    return kept, pd.DataFrame(lines, columns=REJECT_COLUMNS)
