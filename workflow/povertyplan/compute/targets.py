"""The plan for the next year: commune targets and the district's goal checks.

Two target policies (config `targets.policy`):

- `can_exit` (default, the seed plan's own rule): each commune's target reduction is its
  poor households marked can-exit (Hộ CS GN), so column 4 = 8 and 6 = 10 of the table.
- `proportional`: a district reduction (in points of the poor rate, or in households) is
  turned into households and allocated to communes in proportion to their poor
  households, by largest remainder, so the allocation is whole households and sums to
  the district target.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ..core.errors import ConfigError
from ..core.rates import rate

POLICIES = ("can_exit", "proportional")


def allocate_largest_remainder(total: int, weights: pd.Series) -> pd.Series:
    """Split `total` whole units in proportion to non-negative integer `weights`.

    Each unit gets the floor of its quota; the units left go one each to the largest
    remainders. Ties go to the larger weight, then to the earlier position in `weights`
    (callers pass them in a stable order, e.g. by commune code). The result sums to
    `total` and no unit gets more than its weight when `total` ≤ Σ weights.
    """
    if total < 0:
        raise ValueError("total must be zero or more")
    weights = weights.astype("int64")
    if (weights < 0).any():
        raise ValueError("weights must be zero or more")
    weight_sum = int(weights.sum())
    if weight_sum == 0:
        if total:
            raise ValueError("cannot allocate to units that all have weight 0")
        return weights * 0
    # exact integer quotas: total * w / W = floor + remainder / W
    floors = (weights * total) // weight_sum
    remainders = (weights * total) % weight_sum
    left = total - int(floors.sum())
    order = pd.DataFrame(
        {"remainder": remainders, "weight": weights, "position": range(len(weights))},
        index=weights.index,
    ).sort_values(["remainder", "weight", "position"], ascending=[False, False, True])
    extra = pd.Series(0, index=weights.index, dtype="int64")
    extra.loc[order.index[:left]] = 1
    return (floors + extra).astype("int64")


def district_target_households(targets_config: dict, households: int, poor: int) -> int:
    """The district reduction in households, from `households` or `points` in the config.

    Points are percentage points of the poor rate: households × points / 100, rounded
    half-up to a whole household.
    """
    reduction = targets_config.get("district_reduction") or {}
    if "households" in reduction:
        wanted = int(reduction["households"])
    elif "points" in reduction:
        exact = Decimal(str(reduction["points"])) * households / 100
        wanted = int(exact.quantize(Decimal(1), ROUND_HALF_UP))
    else:
        raise ConfigError(
            "the proportional policy needs targets.district_reduction.points or .households",
            file="config/config.yaml",
        )
    if not 0 <= wanted <= poor:
        raise ConfigError(
            f"the district reduction of {wanted} households is outside 0..{poor} poor households",
            file="config/config.yaml",
            column="targets.district_reduction",
        )
    return wanted


def commune_targets(communes: pd.DataFrame, targets_config: dict, plan_year: int) -> pd.DataFrame:
    """The commune target table (plan for `plan_year`), one row per commune.

    Columns follow the plan's table: households (I), poor (2), poor_rate (3),
    poor_targeted (4, 5), poor_hardcore (6, 7), target_reduction (8, 9), poor_end = poor −
    target_reduction (10, 11). Rates are unrounded percent of the commune's households.
    """
    policy = targets_config.get("policy", "can_exit")
    if policy not in POLICIES:
        raise ConfigError(
            f"targets.policy is '{policy}'",
            file="config/config.yaml",
            hint=f"use one of {', '.join(POLICIES)}",
        )
    out = communes[
        [
            "review_year",
            "commune_code",
            "commune_name",
            "display_order",
            "households",
            "poor",
            "poor_rate",
            "poor_targeted",
            "poor_targeted_rate",
            "poor_hardcore",
            "poor_hardcore_rate",
        ]
    ].copy()
    out.insert(1, "plan_year", plan_year)
    if policy == "can_exit":
        out["target_reduction"] = out["poor_targeted"].astype("int64")
    else:
        ordered = out.sort_values("commune_code")
        wanted = district_target_households(
            targets_config, int(out["households"].sum()), int(out["poor"].sum())
        )
        out["target_reduction"] = allocate_largest_remainder(wanted, ordered["poor"]).reindex(
            out.index
        )
    out["target_reduction_rate"] = rate(out["target_reduction"], out["households"])
    out["poor_end"] = out["poor"] - out["target_reduction"]
    out["poor_end_rate"] = rate(out["poor_end"], out["households"])
    out["target_policy"] = policy
    return out.reset_index(drop=True)


def plan_goals(targets: pd.DataFrame, goals_config: dict) -> pd.DataFrame:
    """The district's goal checks for the plan (section III of the plan), one row.

    - `target_within_band`: the district target reduction, in points of the poor rate
      (unrounded), lies inside the configured band (e.g. 0.5-1 point a year).
    - The expected new poor is stated twice in a plan, as a percent band and as a band of
      households; both are converted into the other unit (percent of all households) and
      `new_poor_ranges_agree` says whether the two bands overlap.
    """
    households = int(targets["households"].sum())
    poor = int(targets["poor"].sum())
    reduction = int(targets["target_reduction"].sum())
    band = goals_config["reduction_points"]
    pct = goals_config["new_poor_percent"]
    count = goals_config["new_poor_households"]
    reduction_rate = 100.0 * reduction / households
    pct_as_households = (households * pct["min"] / 100, households * pct["max"] / 100)
    households_as_pct = (100.0 * count["min"] / households, 100.0 * count["max"] / households)
    agree = not (count["max"] < pct_as_households[0] or count["min"] > pct_as_households[1])
    row = {
        "review_year": int(targets["review_year"].iloc[0]),
        "plan_year": int(targets["plan_year"].iloc[0]),
        "target_policy": str(targets["target_policy"].iloc[0]),
        "households": households,
        "poor": poor,
        "target_reduction": reduction,
        "target_reduction_rate": reduction_rate,
        "reduction_band_min": float(band["min"]),
        "reduction_band_max": float(band["max"]),
        "target_within_band": bool(band["min"] <= reduction_rate <= band["max"]),
        "new_poor_households_min": int(count["min"]),
        "new_poor_households_max": int(count["max"]),
        "new_poor_percent_min": float(pct["min"]),
        "new_poor_percent_max": float(pct["max"]),
        "new_poor_percent_as_households_min": pct_as_households[0],
        "new_poor_percent_as_households_max": pct_as_households[1],
        "new_poor_households_as_percent_min": households_as_pct[0],
        "new_poor_households_as_percent_max": households_as_pct[1],
        "new_poor_ranges_agree": bool(agree),
    }
    return pd.DataFrame([row])
