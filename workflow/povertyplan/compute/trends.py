"""Trends across review years on one geography.

Each year's commune counts are mapped to the units of the chosen geography year
(`geography.unit_mapping`) and summed; rates are recomputed from the sums, never
averaged. A unit that cannot be mapped (a split, or a unit newer than the geography) is
kept under the key `scheme:code` with `mapped` False and the reason in `note`: reported, not
guessed. The district's own row is added for every year.
"""

from __future__ import annotations

import pandas as pd

from ..core.rates import rate

TREND_COUNTS = ["households", "persons", "poor", "near_poor"]


def map_counts(communes: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """One review's commune counts summed onto the mapping's target units; `source_codes`
    lists the review's communes in each unit."""
    merged = communes.merge(mapping, left_on="commune_code", right_on="code", how="left")
    unknown = merged["target_code"].isna()
    merged.loc[unknown, "target_code"] = "?:" + merged.loc[unknown, "commune_code"]
    merged.loc[unknown, "target_scheme"] = "?"
    merged.loc[unknown, "target_name"] = merged.loc[unknown, "commune_name"]
    merged.loc[unknown, "target_display_order"] = merged.loc[unknown, "display_order"]
    merged.loc[unknown, "mapped"] = False
    merged.loc[unknown, "note"] = "not in the registry at the review date"
    merged["mapped"] = merged["mapped"].astype(bool)
    keys = ["target_code", "mapped"]
    sums = merged.groupby(keys, sort=True)[TREND_COUNTS].sum()
    firsts = merged.groupby(keys, sort=True).agg(
        unit_scheme=("target_scheme", "first"),
        unit_name=("target_name", "first"),
        display_order=("target_display_order", "first"),
        note=("note", lambda notes: "; ".join(sorted({n for n in notes if n}))),
        source_codes=("commune_code", lambda codes: "|".join(sorted(codes))),
    )
    out = sums.join(firsts).reset_index().rename(columns={"target_code": "unit_code"})
    out["display_order"] = out["display_order"].astype("int64")
    return out


def trend_table(
    communes_by_year: dict[int, pd.DataFrame],
    district_by_year: dict[int, pd.DataFrame],
    mapping_by_year: dict[int, pd.DataFrame],
    geography_year: int,
) -> pd.DataFrame:
    """Households, persons, poor and near-poor counts and rates per unit and year, on
    the units of `geography_year`, plus the district's row for each year."""
    frames = []
    for year in sorted(communes_by_year):
        units = map_counts(communes_by_year[year], mapping_by_year[year])
        frames.append(units.assign(review_year=year, level="commune"))
        district = district_by_year[year].iloc[0]
        frames.append(
            pd.DataFrame(
                [
                    {
                        "unit_code": str(district["district_code"]),
                        "unit_scheme": "",
                        "unit_name": district["district_name"],
                        "mapped": True,
                        "note": "",
                        "source_codes": "",
                        "display_order": 0,
                        "review_year": year,
                        "level": "district",
                        **{name: int(district[name]) for name in TREND_COUNTS},
                    }
                ]
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table["geography_year"] = geography_year
    for name in ("poor", "near_poor"):
        table[f"{name}_rate"] = rate(table[name], table["households"])
    return table.sort_values(["level", "display_order", "unit_code", "review_year"]).reset_index(
        drop=True
    )


def unmapped_unit_notes(table: pd.DataFrame) -> list[str]:
    """Why each unit of a trend table that cannot be mapped is not, once per unit."""
    unmapped = table[~table["mapped"]].drop_duplicates("unit_code")
    return unmapped["note"].tolist()


def unit_count(table: pd.DataFrame) -> int:
    """How many units a trend table reports on, besides the district."""
    return table["unit_code"].nunique() - 1
