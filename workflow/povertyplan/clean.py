"""Cleaning one raw file: typed household rows, rejected rows with reasons, and a ledger.

Every data row of the file ends up either in the cleaned households or in the rejects
(one reject line per problem found, so a commune gets the whole list at once), and the
ledger checks that rows read = rows kept + rows rejected.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pandas as pd

from .columns import ColumnSpec
from .errors import DataError
from .parse import parse_flag, parse_integer, parse_number, parse_vocabulary
from .read import RawTable, cell_text
from .registry import resolve_communes, suggest_communes
from .text import normalise_label

MEMBERS_RANGE = (1, 30)
STATUSES = ("poor", "near_poor", "not_poor")

# reason code -> (what is wrong, what to do); {value} is the raw value
REASONS: dict[str, tuple[str, str]] = {
    "missing_household_id": ("the household ID is blank", "fill in the household code (Mã hộ)"),
    "missing_value": ("the cell is blank", "fill it in"),
    "unknown_commune": (
        "'{value}' is not a commune of the registry for this year",
        "write the commune's name or code as in config/communes.csv{suggest}",
    ),
    "not_an_integer": ("'{value}' is not a whole number", "write a whole number"),
    "out_of_range": ("{value} is outside {low}..{high}", "check the count"),
    "not_a_number": ("'{value}' is not a number", "write digits only, e.g. 1.200.000"),
    "negative": ("{value} is negative", "write zero or more"),
    "bad_flag": ("'{value}' is not a yes/no mark", "write x for yes and leave blank for no"),
    "unknown_status": (
        "'{value}' is not a review result",
        "write Hộ nghèo, Hộ cận nghèo or Không nghèo",
    ),
    "unknown_area": ("'{value}' is not an area", "write Thành thị or Nông thôn"),
    "can_exit_not_poor": (
        "the household is marked to exit poverty but its status is '{value}'",
        "mark only poor households, or correct the status",
    ),
    "workers_above_members": (
        "{value} workers is more than the household's members",
        "check both counts",
    ),
    "duplicate_household_id": (
        "household ID '{value}' appears again in row(s) {others} with other values",
        "keep one row per household",
    ),
    "duplicate_row": (
        "row repeats row {others} exactly (household '{value}'); the first one is kept",
        "delete the repeated row",
    ),
}

REJECT_COLUMNS = [
    "review_year",
    "source_file",
    "sheet",
    "source_row",
    "column",
    "field",
    "reason",
    "message",
    "raw_values",
]


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
    rows = table.frame.loc[mask]
    if rows.empty:
        return pd.DataFrame(columns=["index", "field", "reason", "value", "extra"])
    shown = values if values is not None else table.frame.get(field, pd.Series(dtype=object))
    shown = shown.reindex(rows.index).map(lambda v: "" if pd.isna(v) else cell_text(v))
    return pd.DataFrame(
        {
            "index": rows.index,
            "field": field,
            "reason": reason,
            "value": shown.to_numpy(),
            "extra": [(extra or {}).get(i, {}) for i in rows.index],
        }
    )


def _message(table: RawTable, problem: pd.Series, common: dict[str, str]) -> str:
    what, hint = REASONS[problem["reason"]]
    values = {"value": problem["value"], **common, **problem["extra"]}
    column = table.headers.get(problem["field"], problem["field"])
    row = int(table.frame.at[problem["index"], "source_row"])
    where = f"{table.file}" + (f" [{table.sheet}]" if table.sheet else "")
    return (
        f"{where}, row {row}, column '{column}': {what.format(**values)}. {hint.format(**values)}."
    )


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
    raw = table.frame
    n = len(raw)
    out = pd.DataFrame(index=raw.index)
    problems: list[pd.DataFrame] = []

    def blank(field: str) -> pd.Series:
        return raw[field].map(lambda v: isinstance(v, str) and v == "").astype(bool)

    # household ID and commune
    ids = raw["household_id"].map(lambda v: cell_text(v).strip())
    problems.append(_problems(table, ids == "", "household_id", "missing_household_id"))
    out["household_id"] = ids.astype("string")
    codes = resolve_communes(raw["commune"].map(cell_text), lookup)
    unknown = codes.isna()
    on = dt.date(review_year, 12, 31)
    extra = {}
    for index in raw.index[unknown]:
        names = suggest_communes(cell_text(raw.at[index, "commune"]), registry, on)
        extra[index] = {"suggest": f" (closest: {', '.join(names)})" if names else ""}
    problems.append(
        _problems(table, unknown & ~blank("commune"), "commune", "unknown_commune", extra=extra)
    )
    problems.append(_problems(table, blank("commune"), "commune", "missing_value"))
    out["commune_code"] = codes

    # text fields
    for field in ("village", "ethnicity", "cause"):
        if field in raw:
            out[field] = raw[field].map(cell_text).str.strip().astype("string")
        else:
            out[field] = pd.Series(pd.NA, index=raw.index, dtype="string")
    problems.append(_problems(table, blank("ethnicity"), "ethnicity", "missing_value"))

    # counts
    members, bad = parse_integer(raw["members"])
    problems.append(_problems(table, bad, "members", "not_an_integer"))
    problems.append(_problems(table, blank("members"), "members", "missing_value"))
    low, high = MEMBERS_RANGE
    outside = members.notna() & ((members < low) | (members > high)).fillna(False)
    problems.append(
        _problems(
            table,
            outside.astype(bool),
            "members",
            "out_of_range",
            members,
            extra={i: {"low": low, "high": high} for i in raw.index[outside.astype(bool)]},
        )
    )
    out["members"] = members
    if "workers" in raw:
        workers, bad = parse_integer(raw["workers"])
        problems.append(_problems(table, bad, "workers", "not_an_integer"))
        negative = (workers < 0).fillna(False).astype(bool)
        problems.append(_problems(table, negative, "workers", "negative", workers))
        above = (workers > members).fillna(False).astype(bool)
        problems.append(_problems(table, above, "workers", "workers_above_members", workers))
    else:
        workers = pd.Series(pd.NA, index=raw.index, dtype="Int64")
    out["workers"] = workers
    for field in ("income", "score_b1"):
        if field in raw:
            values, bad = parse_number(raw[field])
            problems.append(_problems(table, bad, field, "not_a_number"))
            negative = (values < 0).fillna(False).astype(bool)
            problems.append(_problems(table, negative, field, "negative", values))
        else:
            values = pd.Series(pd.NA, index=raw.index, dtype="Float64")
        out[field] = values

    # area: from the row, else the registry
    registry_area = registry.drop_duplicates("code").set_index("code")["area"]
    default_area = out["commune_code"].map(registry_area).astype("string")
    if "area" in raw:
        area, bad = parse_vocabulary(raw["area"], spec.area_vocabulary | {"": pd.NA})
        bad = bad & ~blank("area")
        problems.append(_problems(table, bad, "area", "unknown_area"))
        out["area"] = area.fillna(default_area)
    else:
        out["area"] = default_area

    # yes/no marks
    flags = spec.indicators + ["can_exit", "social_protection", "merit", "head_female"]
    for field in flags:
        if field in raw:
            values, bad = parse_flag(raw[field], spec.flag_vocabulary)
            problems.append(_problems(table, bad, field, "bad_flag"))
            out[field] = values
        else:
            out[field] = pd.Series(pd.NA, index=raw.index, dtype="boolean")
    present = [f for f in spec.indicators if f in raw]
    out["deprivation_count"] = (
        out[present].fillna(False).astype("int64").sum(axis=1).astype("int64")
        if present
        else pd.Series(pd.NA, index=raw.index, dtype="Int64")
    )

    # review result
    status, bad = parse_vocabulary(raw["status"], spec.status_vocabulary)
    problems.append(_problems(table, bad, "status", "unknown_status"))
    out["status"] = status
    wrong_exit = (
        out["can_exit"].fillna(False).astype(bool)
        & (status != "poor").fillna(False).astype(bool)
        & ~bad
    )
    problems.append(_problems(table, wrong_exit, "can_exit", "can_exit_not_poor", raw["status"]))
    out["can_exit"] = out["can_exit"].fillna(False)

    # duplicates within the file
    comparable = raw.drop(columns=["source_row"]).map(cell_text)
    has_id = ids != ""
    repeated = comparable[has_id].duplicated(keep="first")
    repeated = repeated.reindex(raw.index, fill_value=False)
    first_row = {}
    if repeated.any():
        key = comparable.apply(tuple, axis=1)
        first_of = raw["source_row"].groupby(key).transform("min")
        first_row = {i: {"others": str(int(first_of[i]))} for i in raw.index[repeated]}
    problems.append(
        _problems(table, repeated, "household_id", "duplicate_row", ids, extra=first_row)
    )
    distinct = ~repeated & has_id
    clash = ids[distinct].duplicated(keep=False).reindex(raw.index, fill_value=False)
    others = {}
    if clash.any():
        rows_by_id = raw.loc[clash, "source_row"].groupby(ids[clash]).agg(list)
        for i in raw.index[clash]:
            rows = [str(r) for r in rows_by_id[ids[i]] if r != raw.at[i, "source_row"]]
            others[i] = {"others": ", ".join(rows)}
    problems.append(
        _problems(table, clash, "household_id", "duplicate_household_id", ids, extra=others)
    )

    found = (
        pd.concat([p for p in problems if not p.empty], ignore_index=True)
        if any(not p.empty for p in problems)
        else pd.DataFrame(columns=["index", "field", "reason", "value", "extra"])
    )
    rejected_index = pd.Index(found["index"].unique())
    rejects = _reject_frame(table, found, review_year)

    kept = out.drop(index=rejected_index)
    kept["review_year"] = review_year
    kept["ethnic_minority"] = kept["ethnicity"].map(normalise_label) != "kinh"
    kept["source_file"] = table.file
    kept["source_row"] = raw.loc[kept.index, "source_row"].astype("int64")
    ledger = {
        "review_year": review_year,
        "source_file": table.file,
        "sheet": table.sheet,
        "rows_read": n,
        "rows_kept": len(kept),
        "rows_rejected": len(rejected_index),
        "problems": len(found),
        **{f"{k}_rows": v for k, v in table.structure.items()},
        "ignored_columns": table.ignored_columns,
        "ignored_sheets": table.ignored_sheets,
    }
    check_ledger(ledger)
    return CleanResult(households=kept.reset_index(drop=True), rejects=rejects, ledger=ledger)


def _reject_frame(table: RawTable, found: pd.DataFrame, review_year: int) -> pd.DataFrame:
    if found.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in REJECT_COLUMNS})
    raw = table.frame
    messages = [_message(table, p, {}) for _, p in found.iterrows()]
    raw_values = {
        i: json.dumps(
            {
                table.headers.get(k, k): cell_text(v)
                for k, v in raw.loc[i].items()
                if k != "source_row"
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        for i in found["index"].unique()
    }
    return pd.DataFrame(
        {
            "review_year": review_year,
            "source_file": table.file,
            "sheet": table.sheet,
            "source_row": raw.loc[found["index"], "source_row"].to_numpy(),
            "column": [table.headers.get(f, f) for f in found["field"]],
            "field": found["field"].to_numpy(),
            "reason": found["reason"].to_numpy(),
            "message": messages,
            "raw_values": [raw_values[i] for i in found["index"]],
        }
    )


def check_ledger(ledger: dict[str, object]) -> None:
    """Raise DataError unless rows read = rows kept + rows rejected."""
    read, kept, rejected = ledger["rows_read"], ledger["rows_kept"], ledger["rows_rejected"]
    if read != kept + rejected:  # type: ignore[operator]
        raise DataError(
            f"the ledger does not balance: {read} rows read, {kept} kept, {rejected} rejected",
            file=str(ledger["source_file"]),
            hint="this is a bug in povertyplan; please report it with the file",
        )
