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
import yaml

from .errors import ConfigError
from .tables import format_vn_integer

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


def _value(entry: object, where: str, unverified: list[str]) -> float:
    if isinstance(entry, dict):
        if not entry.get("verified", False):
            unverified.append(where)
        return float(entry["value"])
    return float(entry)  # type: ignore[arg-type]


def load_standard(path: str | Path) -> Standard:
    """Read one standard file; ConfigError names what is missing or wrong."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        )
    except (KeyError, TypeError, ValueError, yaml.YAMLError) as error:
        raise ConfigError(
            f"is not a complete poverty standard ({type(error).__name__}: {error})",
            file=str(path),
            hint="compare it with config/standards/2016-2021.yaml",
        ) from None
    if standard.rule not in RULES or set(standard.lines) != {"rural", "urban"}:
        raise ConfigError(
            f"rule '{standard.rule}' or areas {sorted(standard.lines)} are not known",
            file=str(path),
            hint="rule is 'or' or 'and'; income_lines has rural and urban",
        )
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


DERIVED = ("poor", "near_poor", "not_poor", "unknown")


def derive_status(households: pd.DataFrame, standard: Standard) -> pd.DataFrame:
    """For each household: the status its income (or B1 score) and deprivations imply.

    Returns household_id, commune_code, area, income, score_b1, deprivation count under the
    standard (`deprivations`), the lines used, and `derived_status` (`unknown` when income
    and score, or every indicator of the standard, are missing).
    """
    area = households["area"].fillna("rural").astype(str)
    poor_line = area.map({a: v[0] for a, v in standard.lines.items()}).astype(float)
    near_line = area.map({a: v[1] for a, v in standard.lines.items()}).astype(float)
    income = households["income"].astype("Float64").astype(float)
    score = (
        households["score_b1"].astype("Float64").astype(float)
        if "score_b1" in households
        else income * np.nan
    )
    present = [c for c in standard.indicators if c in households]
    marks = (
        households[present].astype("boolean") if present else pd.DataFrame(index=households.index)
    )
    known_indicators = (
        marks.notna().any(axis=1) if present else pd.Series(False, index=households.index)
    )
    deprivations = (
        marks.fillna(False).astype(int).sum(axis=1)
        if present
        else pd.Series(0, index=households.index)
    )
    many = deprivations >= standard.threshold
    has_income = ~np.isnan(income)
    if standard.score_b1:
        score_line = area.map(standard.score_b1).astype(float)
        below_by_score = score <= score_line
    else:
        below_by_score = pd.Series(False, index=households.index)
    has_score = ~np.isnan(score) & bool(standard.score_b1)
    below_poor = np.where(has_income, income <= poor_line, below_by_score)
    below_near = np.where(has_income, income <= near_line, below_by_score)
    if standard.rule == "or":
        between = below_near & ~below_poor
        status = np.select(
            [below_poor | (between & many), between], ["poor", "near_poor"], default="not_poor"
        )
    else:
        status = np.select(
            [below_poor & many, below_near], ["poor", "near_poor"], default="not_poor"
        )
    unknown = ~(has_income | has_score) | ~known_indicators
    return pd.DataFrame(
        {
            "review_year": households["review_year"],
            "commune_code": households["commune_code"],
            "household_id": households["household_id"],
            "area": area,
            "income": income,
            "deprivations": deprivations.astype("int64"),
            "poor_line": poor_line,
            "near_poor_line": near_line,
            "recorded_status": households["status"],
            "derived_status": np.where(unknown, "unknown", status),
            "standard_id": standard.id,
        },
        index=households.index,
    )


MISMATCH_TEXT = {
    # (recorded, derived) -> (en, vi); {income} {poor_line} {near_line} {deps} {k}
    ("poor", "near_poor"): (
        "recorded poor, but income {income} đ is between the lines and {deps} deprivations are fewer than {k}: near-poor",
        "ghi là hộ nghèo, nhưng thu nhập {income} đ nằm giữa hai chuẩn và thiếu hụt {deps} chỉ số (dưới {k}): hộ cận nghèo",
    ),
    ("poor", "not_poor"): (
        "recorded poor, but income {income} đ is above the near-poor line {near_line} đ",
        "ghi là hộ nghèo, nhưng thu nhập {income} đ cao hơn chuẩn cận nghèo {near_line} đ",
    ),
    ("near_poor", "poor"): (
        "recorded near-poor, but income {income} đ with {deps} deprivations (at least {k}) makes it poor",
        "ghi là hộ cận nghèo, nhưng thu nhập {income} đ và thiếu hụt {deps} chỉ số (từ {k} trở lên): hộ nghèo",
    ),
    ("near_poor", "not_poor"): (
        "recorded near-poor, but income {income} đ is above the near-poor line {near_line} đ",
        "ghi là hộ cận nghèo, nhưng thu nhập {income} đ cao hơn chuẩn cận nghèo {near_line} đ",
    ),
    ("not_poor", "poor"): (
        "recorded not poor, but income {income} đ is at or below the poor line {poor_line} đ (or with {deps} deprivations)",
        "ghi là không nghèo, nhưng thu nhập {income} đ không cao hơn chuẩn nghèo {poor_line} đ (hoặc thiếu hụt {deps} chỉ số)",
    ),
    ("not_poor", "near_poor"): (
        "recorded not poor, but income {income} đ is at or below the near-poor line {near_line} đ",
        "ghi là không nghèo, nhưng thu nhập {income} đ không cao hơn chuẩn cận nghèo {near_line} đ",
    ),
}
MISSING_TEXT = (
    "no income (or B1 score) or no deprivation indicators: the status cannot be checked",
    "không có thu nhập (hoặc điểm B1) hoặc chỉ số thiếu hụt: không kiểm tra được phân loại",
)


def mismatches(derived: pd.DataFrame, standard: Standard) -> pd.DataFrame:
    """Households whose recorded status differs from the derived one (or cannot be
    derived), each with a reason code and a message in English and Vietnamese."""
    rows = derived[derived["recorded_status"] != derived["derived_status"]].copy()
    rows["reason"] = np.where(
        rows["derived_status"] == "unknown",
        "missing_inputs",
        "recorded_"
        + rows["recorded_status"].astype(str)
        + "_derived_"
        + rows["derived_status"].astype(str),
    )
    messages_en, messages_vi = [], []
    for row in rows.itertuples(index=False):
        if row.derived_status == "unknown":
            en, vi = MISSING_TEXT
        else:
            en, vi = MISMATCH_TEXT[(row.recorded_status, row.derived_status)]
        values = {
            "income": format_vn_integer(row.income) if row.income == row.income else "?",
            "poor_line": format_vn_integer(row.poor_line),
            "near_line": format_vn_integer(row.near_poor_line),
            "deps": int(row.deprivations),
            "k": standard.threshold,
        }
        messages_en.append(en.format(**values))
        messages_vi.append(vi.format(**values))
    rows["message"] = messages_en
    rows["message_vi"] = messages_vi
    return rows.reset_index(drop=True)
