"""Deprivation analysis for targeting: the official deprivation and group tables, and the
Alkire-Foster multidimensional measures.

All tables are long (one row per unit, group and indicator or category), so that any unit
(commune, district) and any standard's indicator list share one layout. Units: each
commune (`unit_level` = commune, `unit_code` its code) and the district (`district`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.errors import ConfigError
from ..core.labels import label
from .standards import Standard, indicators_reported

STATUS_GROUPS = ("poor", "near_poor")
TOTAL_DEPRIVATIONS = "all_indicators"


def _with_district(households: pd.DataFrame, district_code: str) -> pd.DataFrame:
    """The households twice: once under their commune, once under the district."""
    communes = households.assign(
        unit_level="commune", unit_code=households["commune_code"].astype(str)
    )
    district = households.assign(unit_level="district", unit_code=str(district_code))
    return pd.concat([communes, district], ignore_index=True)


def deprivation_table(
    households: pd.DataFrame, standard: Standard, district_code: str
) -> pd.DataFrame:
    """Per unit, status group (poor, near-poor) and indicator: households and persons, how
    many are deprived, and the rates (percent of the group). The row `all_indicators` counts
    deprivations (a household deprived in 3 indicators counts 3)."""
    present = indicators_reported(households, standard)
    data = _with_district(households[households["status"].isin(STATUS_GROUPS)], district_code)
    marks = data[present].fillna(False).astype("int64")
    marks[TOTAL_DEPRIVATIONS] = marks.sum(axis=1)
    persons = data["members"].astype("int64")
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "unit_level": data["unit_level"],
                    "unit_code": data["unit_code"],
                    "status": data["status"],
                    "indicator": name,
                    "households": 1,
                    "persons": persons,
                    "households_deprived": marks[name],
                    "persons_deprived": marks[name] * persons,
                }
            )
            for name in marks.columns
        ],
        ignore_index=True,
    )
    table = (
        long.groupby(["unit_level", "unit_code", "status", "indicator"], sort=True)
        .sum()
        .reset_index()
    )
    table["households_rate"] = 100.0 * table["households_deprived"] / table["households"]
    table["persons_rate"] = 100.0 * table["persons_deprived"] / table["persons"]
    table["indicator_name"] = table["indicator"].map(
        {**standard.indicator_names, TOTAL_DEPRIVATIONS: label("total_deprivations")}
    )
    table["dimension"] = table["indicator"].map(standard.dimensions).fillna("")
    table["standard_id"] = standard.id
    table["review_year"] = int(households["review_year"].iloc[0]) if len(households) else 0
    return table


GROUPS = {
    # category -> how a household belongs to it
    "ethnic_minority": lambda h: h["ethnic_minority"].fillna(False).astype(bool),
    "no_labour": lambda h: (h["workers"] == 0).fillna(False).astype(bool),
    "merit": lambda h: h["merit"].fillna(False).astype(bool),
    "social_protection": lambda h: h["social_protection"].fillna(False).astype(bool),
    "head_female": lambda h: h["head_female"].fillna(False).astype(bool),
}


def group_breakdown(households: pd.DataFrame, district_code: str) -> pd.DataFrame:
    """Poor and near-poor households and persons per unit and area block (urban, rural,
    total) by group (ethnic minority, no labour capacity, merit, social protection, female
    head), by ethnicity and by cause of poverty (the form's categories; a household with
    several causes counts under each). A group whose column the files did not have is
    counted as `not_reported` rather than as zero."""
    data = households[households["status"].isin(STATUS_GROUPS)]
    data = _with_district(data, district_code)
    blocks = pd.concat(
        [data.assign(block=data["area"].fillna("unknown")), data.assign(block="total")]
    )
    parts = []
    for name, member in GROUPS.items():
        column = {"no_labour": "workers"}.get(name, name)
        reported = (
            blocks[column].notna() if column in blocks else pd.Series(False, index=blocks.index)
        )
        inside = member(blocks) if column in blocks else pd.Series(False, index=blocks.index)
        parts.append(
            blocks.assign(
                breakdown="group",
                category=np.where(reported, np.where(inside, name, None), f"not_reported:{name}"),
            )
        )
    parts.append(
        blocks.assign(breakdown="ethnicity", category=blocks["ethnicity"].fillna("").astype(str))
    )
    # a household may have several causes (`land|capital`): it counts under each
    causes = blocks.assign(
        breakdown="cause",
        category=blocks["cause"].fillna("").astype(str).replace("", "not_reported").str.split("|"),
    ).explode("category")
    parts.append(causes)
    long = pd.concat(parts, ignore_index=True)
    long = long[long["category"].notna()]
    long = long.assign(households=1, persons=long["members"].astype("int64"))
    table = (
        long.groupby(
            ["unit_level", "unit_code", "block", "status", "breakdown", "category"], sort=True
        )[["households", "persons"]]
        .sum()
        .reset_index()
    )
    table["review_year"] = int(households["review_year"].iloc[0]) if len(households) else 0
    return table


# --- Alkire-Foster -----------------------------------------------------------------------


def weights_for(standard: Standard, scheme: str = "nested") -> pd.Series:
    """Indicator weights summing to 1: `nested` gives each dimension an equal share, split
    equally among its indicators; `equal` gives every indicator 1/N (the official "3 of N"
    view when paired with k = 3/N)."""
    indicators = pd.Series(standard.dimensions).loc[list(standard.indicators)]
    if scheme == "equal":
        return pd.Series(1.0 / len(indicators), index=indicators.index)
    per_dimension = indicators.groupby(indicators).transform("size")
    return 1.0 / (indicators.nunique() * per_dimension.astype(float))


def alkire_foster(deprived: pd.DataFrame, weights: pd.Series, k: float) -> dict[str, object]:
    """The Alkire-Foster measures of a 0/1 deprivation matrix (rows: units of analysis,
    columns: indicators) with `weights` summing to 1 and poverty cutoff `k`.

    Returns H (share poor: weighted score c_i ≥ k), A (mean score of the poor), M0 = H × A,
    the uncensored and censored headcount ratios per indicator, and each indicator's
    absolute (w_j h_j) and percentage contribution to M0.
    """
    matrix = deprived[weights.index].astype(float)
    n = len(matrix)
    score = matrix.to_numpy() @ weights.to_numpy()
    poor = score >= k - 1e-12
    headcount = poor.mean() if n else float("nan")
    intensity = score[poor].mean() if poor.any() else 0.0
    censored = matrix[poor].sum(axis=0) / n if n else matrix.sum(axis=0) * np.nan
    absolute = weights * censored
    m0 = float(absolute.sum())
    return {
        "H": float(headcount),
        "A": float(intensity),
        "M0": m0,
        "uncensored": matrix.mean(axis=0),
        "censored": censored,
        "contribution": absolute,
        "contribution_percent": 100.0 * absolute / m0 if m0 > 0 else absolute * np.nan,
        "n": n,
        "poor": int(poor.sum()),
    }


def af_measures(
    households: pd.DataFrame,
    standard: Standard,
    district_code: str,
    scheme: str = "nested",
    k: float | None = None,
) -> pd.DataFrame:
    """AF measures per commune and for the district, over all households (each household is
    one unit of analysis: H is a share of households), long: unit, measure, indicator,
    value. Also each commune's contribution to the district M0 (its share of households ×
    M0_c / M0). Indicators the files do not report are left out and the weights of the
    others rescaled; a blank cell counts as not deprived."""
    present = indicators_reported(households, standard)
    if not present:
        raise ConfigError(
            f"the files report none of the indicators of standard {standard.id}",
            hint="check the standard chosen for this year, or the indicator headers",
        )
    weights = weights_for(standard, scheme).loc[present]
    weights = weights / weights.sum()
    cutoff = (
        k if k is not None else (1 / 3 if scheme == "nested" else standard.threshold / len(present))
    )
    deprived = households[present].fillna(False).astype(int)
    rows = []

    def add(level: str, code: str, result: dict[str, object]) -> None:
        for measure in ("H", "A", "M0"):
            rows.append((level, code, measure, "", result[measure]))
        rows.append((level, code, "households", "", float(result["n"])))
        rows.append((level, code, "poor_households", "", float(result["poor"])))
        for measure in ("uncensored", "censored", "contribution", "contribution_percent"):
            for indicator, value in result[measure].items():
                rows.append((level, code, measure, indicator, float(value)))

    district = alkire_foster(deprived, weights, cutoff)
    add("district", str(district_code), district)
    for code, index in households.groupby("commune_code").groups.items():
        result = alkire_foster(deprived.loc[index], weights, cutoff)
        add("commune", str(code), result)
        share = result["n"] / district["n"]
        value = (
            100.0 * share * result["M0"] / district["M0"] if district["M0"] > 0 else float("nan")
        )
        rows.append(("commune", str(code), "contribution_to_district_percent", "", value))
    table = pd.DataFrame(rows, columns=["unit_level", "unit_code", "measure", "indicator", "value"])
    table["scheme"] = scheme
    table["k"] = cutoff
    table["standard_id"] = standard.id
    table["review_year"] = int(households["review_year"].iloc[0]) if len(households) else 0
    return table
