"""Household records to commune and district counts and rates.

Counts are additive, so a province is aggregated per district (or per file) and the
partial results summed: `district_totals` only needs commune rows.
"""

from __future__ import annotations

import pandas as pd

from ..core.rates import rate
from .datasets import COUNT_COLUMNS

RATED = COUNT_COLUMNS[2:]


def household_indicators(households: pd.DataFrame) -> pd.DataFrame:
    """0/1 columns, one per count, for each household (`poor`, `poor_targeted`, …).

    Official counts use the recorded (approved) `status`. `poor_targeted` (Hộ CS GN) are
    poor households marked can-exit; `poor_hardcore` (HN cứng) the other poor ones.
    """
    poor = households["status"].eq("poor").fillna(False).astype(bool)
    near = households["status"].eq("near_poor").fillna(False).astype(bool)
    minority = households["ethnic_minority"].fillna(False).astype(bool)
    targeted = poor & households["can_exit"].fillna(False).astype(bool)
    return pd.DataFrame(
        {
            "households": 1,
            "persons": households["members"].astype("int64"),
            "poor": poor.astype("int64"),
            "near_poor": near.astype("int64"),
            "ethnic_minority": minority.astype("int64"),
            "poor_ethnic_minority": (poor & minority).astype("int64"),
            "near_poor_ethnic_minority": (near & minority).astype("int64"),
            "poor_targeted": targeted.astype("int64"),
            "poor_hardcore": (poor & ~targeted).astype("int64"),
        },
        index=households.index,
    )


def add_rates(frame: pd.DataFrame) -> pd.DataFrame:
    """Add `<count>_rate` (percent of the unit's households, unrounded) after each count."""
    out = frame.copy()
    for name in RATED:
        out[f"{name}_rate"] = rate(out[name], out["households"])
    return out


def commune_counts(households: pd.DataFrame, registry_units: pd.DataFrame) -> pd.DataFrame:
    """One row per commune with households: counts and rates.

    `registry_units` are the registry rows valid at the review date (name, area, order).
    """
    counts = household_indicators(households)
    counts["commune_code"] = households["commune_code"].astype(str)
    totals = counts.groupby("commune_code", sort=True).sum().reset_index()
    units = registry_units.drop_duplicates("code").set_index("code")
    totals["commune_name"] = totals["commune_code"].map(units["name"])
    totals["area"] = totals["commune_code"].map(units["area"])
    totals["display_order"] = totals["commune_code"].map(units["display_order"]).astype("int64")
    totals["review_year"] = int(households["review_year"].iloc[0]) if len(households) else 0
    out = add_rates(totals)
    return out.sort_values(["display_order", "commune_code"]).reset_index(drop=True)


def district_totals(communes: pd.DataFrame, district: dict[str, str]) -> pd.DataFrame:
    """The district's single row: sums of the commune counts, and their rates.

    The rates here are the headline shares of section I of the plan (households,
    ethnic-minority, poor, near-poor, as percent of all households).
    """
    sums = communes[COUNT_COLUMNS].sum().to_frame().T.astype("int64")
    sums.insert(0, "communes", len(communes))
    sums.insert(0, "province_name", district.get("province_name", ""))
    sums.insert(0, "district_name", district.get("name", ""))
    sums.insert(0, "district_code", str(district.get("code", "")))
    sums.insert(0, "review_year", int(communes["review_year"].iloc[0]) if len(communes) else 0)
    return add_rates(sums)


def communes_without_households(
    units: pd.DataFrame, by_commune: pd.DataFrame, district_code: str
) -> list[str]:
    """The codes of the district's registry communes (`units` valid on the review date)
    that have no household in `by_commune`, sorted."""
    in_district = units["district_code"] == district_code
    return sorted(set(units.loc[in_district, "code"]) - set(by_commune["commune_code"]))
