"""Poverty standards as data (`config/standards/*.yaml`), and the status each household's
income (or B1 score) and deprivations imply under its standard.

Official counts always use the recorded (approved) status; the derived status is a check:
where the two differ, the mismatch table says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.errors import ConfigError
from ..core.labels import LABELS, label
from ..core.numbers import format_vn_integer, format_vn_number
from ..read.schemas import load_yaml_document

RULES = ("or", "and")


@dataclass(frozen=True)
class Standard:
    """One poverty standard: lines, combination rule and indicators, with what is verified."""

    id: str
    name: str
    legal_basis: tuple[str, ...]
    years: tuple[int, int]
    rule: str
    threshold: int
    lines: dict[str, tuple[float, float]]  # area -> (poor line, near-poor line)
    score_b1: dict[str, float] | None
    indicators: tuple[str, ...]
    indicator_names: dict[str, str]
    dimensions: dict[str, str]  # indicator -> dimension
    unverified: tuple[str, ...] = field(default=())
    source: str = ""  # the file it was read from


def _value(entry: object, where: str, unverified: list[str]) -> float:
    if isinstance(entry, dict):
        if not entry.get("verified", False):
            unverified.append(where)
        return float(entry["value"])
    return float(entry)  # type: ignore[arg-type]


def load_standard(path: str | Path) -> Standard:
    """Read one standard file; ConfigError names what is missing or wrong (first against
    workflow/schemas/standard.schema.yaml: the keys, the rule, both areas' lines)."""
    path = Path(path)
    raw = load_yaml_document(path, "standard")
    try:
        unverified: list[str] = []
        lines = {
            area: (
                _value(body["poor"], f"income_lines.{area}.poor", unverified),
                _value(body["near_poor"], f"income_lines.{area}.near_poor", unverified),
            )
            for area, body in raw["income_lines"].items()
        }
        score = raw.get("score_b1")
        scores = (
            {area: _value(v, f"score_b1.{area}", unverified) for area, v in score.items()}
            if score
            else None
        )
        threshold = int(_value(raw["deprivation_threshold"], "deprivation_threshold", unverified))
        if raw.get("indicators_verified") is False:
            unverified.append("indicators")
        standard = Standard(
            id=str(raw["id"]),
            name=str(raw["name"]),
            legal_basis=tuple(raw.get("legal_basis", [])),
            years=(int(raw["review_years"]["from"]), int(raw["review_years"]["to"])),
            rule=str(raw["rule"]),
            threshold=threshold,
            lines=lines,
            score_b1=scores,
            indicators=tuple(i["code"] for i in raw["indicators"]),
            indicator_names={i["code"]: i["name"] for i in raw["indicators"]},
            dimensions={i["code"]: i["dimension"] for i in raw["indicators"]},
            unverified=tuple(unverified),
            source=str(path),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigError(
            f"is not a complete poverty standard ({type(error).__name__}: {error})",
            file=str(path),
            hint="compare it with config/standards/2016-2021.yaml",
        ) from None
    return standard


def standard_for_year(folder: str | Path, year: int, chosen: str = "auto") -> Standard:
    """The standard of review `year`: the file whose review_years cover it, or the one named
    by `chosen` (its id or file name) when not 'auto'."""
    standards = [load_standard(p) for p in sorted(Path(folder).glob("*.yaml"))]
    if chosen != "auto":
        match = [s for s in standards if chosen in (s.id, f"{s.id}.yaml")]
    else:
        match = [s for s in standards if s.years[0] <= year <= s.years[1]]
    if len(match) != 1:
        known = ", ".join(f"{s.id} ({s.years[0]}-{s.years[1]})" for s in standards) or "none"
        raise ConfigError(
            f"no single poverty standard for the review of {year} (standard: {chosen}); known: {known}",
            file=str(folder),
            hint="add a standard file, or set 'standard:' in config/config.yaml",
        )
    return match[0]


def indicators_reported(households: pd.DataFrame, standard: Standard) -> list[str]:
    """The standard's indicators the files of the year actually report (a column with at
    least one value); the others are absent, not "not deprived"."""
    return [c for c in standard.indicators if c in households and households[c].notna().any()]


def _classify(below_poor, below_near, deprivations, standard: Standard) -> np.ndarray:
    many = deprivations >= standard.threshold
    if standard.rule == "or":
        between = below_near & ~below_poor
        return np.select(
            [below_poor | (between & many), between], ["poor", "near_poor"], default="not_poor"
        )
    return np.select([below_poor & many, below_near], ["poor", "near_poor"], default="not_poor")


def derive_status(households: pd.DataFrame, standard: Standard) -> pd.DataFrame:
    """For each household: the status its income (or B1 score) and deprivations imply.

    An indicator cell left blank may be deprived or not: the status is derived both ways,
    and is `unknown` only when the two differ (a household with income under the 2016
    poor line is poor whatever its deprivations). It is also `unknown` without income and
    score, or with an area the standard has no line for.
    """
    area = households["area"].astype("string")
    known_area = area.isin(list(standard.lines)).fillna(False).to_numpy()
    poor_line = (
        area.map({a: v[0] for a, v in standard.lines.items()}).astype("Float64").astype(float)
    )
    near_line = (
        area.map({a: v[1] for a, v in standard.lines.items()}).astype("Float64").astype(float)
    )
    income = households["income"].astype("Float64").astype(float)
    score = (
        households["score_b1"].astype("Float64").astype(float)
        if "score_b1" in households
        else income * np.nan
    )
    present = indicators_reported(households, standard)
    marks = households[present].astype("boolean")
    low = marks.fillna(False).astype(int).sum(axis=1).to_numpy()
    high = (low + marks.isna().sum(axis=1) + (len(standard.indicators) - len(present))).to_numpy()
    has_income = ~np.isnan(income)
    has_score = ~np.isnan(score) & bool(standard.score_b1)
    if standard.score_b1:
        score_line = area.map(standard.score_b1).astype("Float64").astype(float)
        below_by_score = (score <= score_line).to_numpy()
    else:
        below_by_score = np.zeros(len(households), dtype=bool)
    below_poor = np.where(has_income, income <= poor_line, below_by_score)
    below_near = np.where(has_income, income <= near_line, below_by_score)
    at_least = _classify(below_poor, below_near, low, standard)
    at_most = _classify(below_poor, below_near, high, standard)
    unknown = (at_least != at_most) | ~(has_income | has_score) | ~known_area
    return pd.DataFrame(
        {
            "review_year": households["review_year"],
            "commune_code": households["commune_code"],
            "household_id": households["household_id"],
            "area": area,
            "income": income,
            "score_b1": score,
            "deprivations": low.astype("int64"),
            "poor_line": poor_line,
            "near_poor_line": near_line,
            "recorded_status": households["status"],
            "derived_status": np.where(unknown, "unknown", at_least),
            "standard_id": standard.id,
        },
        index=households.index,
    )


def _mismatch_message(row: tuple, factor: float, threshold: int) -> tuple[str, str]:
    """(English, Vietnamese) message for one household whose recorded status differs from
    the derived one: what the standard finds from its income (or B1 score) and
    deprivations, and which unit its income was read in when the file wrote thousands."""
    if row.derived_status == "unknown":
        key = "mismatch.missing"
    else:
        key = f"mismatch.{row.recorded_status}.{row.derived_status}"
        key = key if key in LABELS else "mismatch.other"
    by_income = row.income == row.income
    amount = format_vn_integer(row.income) if by_income else None
    measure_key, measure_fields = (
        ("measure_word.income", {"amount": amount})
        if by_income
        else ("measure_word.score", {"score": format_vn_number(row.score_b1)})
    )
    values = {
        "near_line": label("measure_word.line", "en", amount=format_vn_integer(row.near_poor_line))
        if row.near_poor_line == row.near_poor_line
        else "?",
        "deps": int(row.deprivations),
        "k": threshold,
        "recorded": row.recorded_status,
        "derived": row.derived_status,
    }

    def message(language: str) -> str:
        measure = label(measure_key, language, **measure_fields)
        text = label(key, language, measure=measure, **values)
        if by_income and factor != 1:
            written = format_vn_integer(row.income / factor)
            text += label("mismatch.thousands_note", language, written=written, amount=amount)
        return text

    return message("en"), message("vi")


def mismatches(
    derived: pd.DataFrame, standard: Standard, income_factor: pd.Series | None = None
) -> pd.DataFrame:
    """Households whose recorded status differs from the derived one (or cannot be
    derived), each with a reason code and a message in English and Vietnamese.
    `income_factor` (aligned with `derived`): the factor each household's income was read
    with (1000 when its file wrote thousand đồng); the message then says which unit it
    assumed."""
    factors = (
        income_factor.reindex(derived.index).fillna(1)
        if income_factor is not None
        else pd.Series(1, index=derived.index)
    )
    recorded = derived["recorded_status"].astype("string").fillna("unknown")
    rows = derived[(recorded != derived["derived_status"]).to_numpy()].copy()
    rows["reason"] = np.where(
        rows["derived_status"] == "unknown",
        "missing_inputs",
        "recorded_"
        + rows["recorded_status"].astype("string").fillna("unknown")
        + "_derived_"
        + rows["derived_status"].astype(str),
    )
    messages = [
        _mismatch_message(row, factor, standard.threshold)
        for row, factor in zip(rows.itertuples(index=False), factors.loc[rows.index], strict=True)
    ]
    rows["message"] = [en for en, _ in messages]
    rows["message_vi"] = [vi for _, vi in messages]
    return rows.reset_index(drop=True)


def income_factors(source_files: pd.Series, ledger_units: pd.DataFrame) -> pd.Series:
    """The factor each household's income was read with (1000 when its file wrote thousand
    đồng, per the ledger's `income_unit`, else 1), aligned with `source_files`."""
    thousands = ledger_units.loc[ledger_units["income_unit"] == "thousand_dong", "source_file"]
    return source_files.isin(set(thousands)).map({True: 1000, False: 1})
