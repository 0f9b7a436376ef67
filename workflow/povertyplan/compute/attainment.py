"""Target attainment: the plan made from review Y judged by review Y + 1.

Per commune of review Y + 1 (the plan's communes mapped to it, so Cam An's and Cam
Thanh's targets are Thanh An's) and for the district:

- `target_reduction` (planned) against `exits` (gross: poor households that became
  near-poor or rose above the near-poor line) and `net_reduction` (opening − closing);
- `planned_end_rate` (the plan's column 11, unrounded) against `actual_end_rate` (the
  poor rate of review Y + 1);
- `new_poor` (households that fell into poverty: from near-poor, re-poor, newly poor;
  not new or moved-in households) against the plan's expected band (`goals`: a percent
  of the unit's households, and for the district also a band in households);
- `status`: `met` when the actual end rate is at or below the planned one;
  `exits_met_offset_by_new_poor` when exits reached the target but new poor kept the
  rate above plan; otherwise `not_met`; `no_plan` for a commune the plan does not cover
  (it was split, or is new).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.errors import DataError
from ..core.rates import rate
from .geography import unit_codes

PLAN_SUMS = ["households", "poor", "target_reduction", "poor_end"]
FLOW_PARTS = [
    "opening",
    "closing",
    "decrease_changed_status",
    "decrease_rose_above_near_poor_line",
    "increase_changed_status",
    "increase_re_poor",
    "increase_newly",
]
ATTAINMENT_COLUMNS = [
    "unit_code",
    "unit_name",
    "level",
    "display_order",
    "households_at_plan",
    "poor_at_plan",
    "target_reduction",
    "planned_end",
    "planned_end_rate",
    "households",
    "actual_end",
    "actual_end_rate",
    "exits",
    "net_reduction",
    "new_poor",
    "new_poor_band_low",
    "new_poor_band_high",
    "new_poor_position",
    "exits_met",
    "rate_met",
    "status",
]

UNIT_COLUMNS = [
    "unit_code",
    "unit_name",
    "level",
    "display_order",
    "households",
    "poor_rate",
]


def _band_position(value: pd.Series, low: pd.Series, high: pd.Series) -> pd.Series:
    return pd.Series(
        np.select([value < low, value > high], ["below", "above"], default="within"),
        index=value.index,
    )


def _planned_by_unit(
    targets: pd.DataFrame, unit_of_plan: dict[str, str], district_code: str
) -> pd.DataFrame:
    """The plan's sums (`PLAN_SUMS`) per unit of the later review and for the district,
    under their attainment names (`households_at_plan`, `poor_at_plan`,
    `target_reduction`, `planned_end`)."""
    plan = targets.assign(unit_code=targets["commune_code"].map(unit_of_plan))
    plan = plan.dropna(subset=["unit_code"])
    by_unit = plan.groupby("unit_code", sort=True)[PLAN_SUMS].sum()
    by_unit.loc[district_code] = targets[PLAN_SUMS].sum()
    return by_unit.add_prefix("planned_").rename(
        columns={
            "planned_target_reduction": "target_reduction",
            "planned_poor": "poor_at_plan",
            "planned_households": "households_at_plan",
            "planned_poor_end": "planned_end",
        }
    )


def _plan_and_flows(
    by_unit: pd.DataFrame, poor_flows: pd.DataFrame, current: pd.DataFrame
) -> pd.DataFrame:
    """Each unit of the later review with its planned sums and its poor households'
    flows (`FLOW_PARTS`), counts 0 where it has none."""
    flows = poor_flows.set_index("unit_code")
    out = current.set_index("unit_code")[["unit_name", "level", "display_order"]].join(by_unit)
    out = out.join(flows[FLOW_PARTS])
    counts = out.columns.difference(["unit_name", "level", "display_order"])
    out[counts] = out[counts].fillna(0).astype("int64")
    return out


def _actual_outcomes(out: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """The planned end rate beside the review's households, end count and rate, exits,
    net reduction and new poor."""
    out = out.copy()
    out["planned_end_rate"] = rate(out["planned_end"], out["households_at_plan"])
    out["households"] = current.set_index("unit_code")["households"]
    out["actual_end"] = out["closing"]
    out["actual_end_rate"] = current.set_index("unit_code")["poor_rate"]
    out["exits"] = out["decrease_changed_status"] + out["decrease_rose_above_near_poor_line"]
    out["net_reduction"] = out["opening"] - out["closing"]
    out["new_poor"] = (
        out["increase_changed_status"] + out["increase_re_poor"] + out["increase_newly"]
    )
    return out


def _new_poor_band(out: pd.DataFrame, goals_config: dict) -> tuple[pd.Series, pd.Series]:
    """The band of new poor households the plan expects: a percent of each unit's
    households at plan, for the district in households when the goals give that."""
    percent = goals_config.get("new_poor_percent", {})
    low = out["households_at_plan"] * float(percent.get("min", 0)) / 100
    high = out["households_at_plan"] * float(percent.get("max", np.inf)) / 100
    in_households = goals_config.get("new_poor_households")
    is_district = out["level"] == "district"
    if in_households:
        low = low.where(~is_district, float(in_households["min"]))
        high = high.where(~is_district, float(in_households["max"]))
    return low, high


def _judged(out: pd.DataFrame, low: pd.Series, high: pd.Series) -> pd.DataFrame:
    """The new poor against their band, whether exits and the end rate met the plan,
    and the unit's `status`."""
    out = out.copy()
    out["new_poor_band_low"] = low.astype("float64")
    out["new_poor_band_high"] = high.astype("float64")
    out["new_poor_position"] = _band_position(out["new_poor"], low, high)
    out["exits_met"] = out["exits"] >= out["target_reduction"]
    out["rate_met"] = out["actual_end_rate"] <= out["planned_end_rate"]
    no_plan = out["households_at_plan"] == 0
    out["status"] = np.select(
        [no_plan, out["rate_met"], out["exits_met"]],
        ["no_plan", "met", "exits_met_offset_by_new_poor"],
        "not_met",
    )
    return out


def target_attainment(
    targets: pd.DataFrame,
    unit_of_plan: dict[str, str],
    poor_flows: pd.DataFrame,
    current: pd.DataFrame,
    goals_config: dict,
    district: dict,
) -> pd.DataFrame:
    """One row per unit of the later review and one for the district.

    `targets`: targets.parquet of review Y; `unit_of_plan`: its commune codes → the
    communes of review Y + 1; `poor_flows`: the flows of review Y + 1 for poor households
    in households (commune and district rows); `current`: communes.parquet of Y + 1 with
    a district row appended (`unit_code`, `unit_name`, `display_order`, `households`,
    `poor`, `poor_rate`).
    """
    by_unit = _planned_by_unit(targets, unit_of_plan, str(district.get("code", "")))
    out = _actual_outcomes(_plan_and_flows(by_unit, poor_flows, current), current)
    out = _judged(out, *_new_poor_band(out, goals_config))
    out.index.name = "unit_code"
    out = out.reset_index().sort_values(["level", "display_order", "unit_code"])
    return out[ATTAINMENT_COLUMNS].reset_index(drop=True)


def judged_plan_review_year(plan: pd.DataFrame, year: int, source: str) -> int:
    """The review the plan was made from, which must be review `year` − 1 (DataError
    naming `source` otherwise)."""
    plan_review_year = int(plan["review_year"].iloc[0])
    if plan_review_year != year - 1:
        raise DataError(
            f"{year}: the plan judged must be the one made from review {year - 1}, "
            f"not {plan_review_year}",
            file=source,
        )
    return plan_review_year


def poor_household_flows(flows: pd.DataFrame) -> pd.DataFrame:
    """The rows of a flow table for poor households, in households."""
    return flows[(flows["flow_group"] == "poor") & (flows["measure"] == "households")]


def units_with_district(communes: pd.DataFrame, district: pd.Series) -> pd.DataFrame:
    """The review's communes (communes.parquet) and a district row (from district.parquet),
    as units (`UNIT_COLUMNS`)."""
    return pd.concat(
        [
            communes.rename(
                columns={"commune_code": "unit_code", "commune_name": "unit_name"}
            ).assign(level="commune")[UNIT_COLUMNS],
            pd.DataFrame(
                [
                    {
                        "unit_code": str(district["district_code"]),
                        "unit_name": district["district_name"],
                        "level": "district",
                        "display_order": 0,
                        "households": int(district["households"]),
                        "poor_rate": float(district["poor_rate"]),
                    }
                ]
            ),
        ],
        ignore_index=True,
    )


def plan_attainment(
    plan: pd.DataFrame,
    mapping: pd.DataFrame,
    flows: pd.DataFrame,
    communes: pd.DataFrame,
    totals: pd.Series,
    goals_config: dict,
    district: dict,
    year: int,
) -> pd.DataFrame:
    """`target_attainment` of the plan made from review `year` − 1 (`plan`: its
    targets.parquet; `mapping`: its review's `geography.unit_mapping` onto review `year`)
    judged by review `year` (`flows`, `communes`, `totals`: its flows.parquet,
    communes.parquet and district row), with the review, plan review and plan years."""
    plan_review_year = int(plan["review_year"].iloc[0])
    table = target_attainment(
        plan,
        unit_codes(mapping),
        poor_household_flows(flows),
        units_with_district(communes, totals),
        goals_config,
        district,
    )
    return table.assign(
        review_year=year, plan_review_year=plan_review_year, plan_year=plan_review_year + 1
    )


def commune_statuses(table: pd.DataFrame) -> dict[str, int]:
    """How many communes have each attainment status."""
    return table[table["level"] == "commune"]["status"].value_counts().to_dict()
