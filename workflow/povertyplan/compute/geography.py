"""Stable geography: the units of one review year mapped to the units of a chosen year.

Communes merge (Cam An + Cam Thanh → Thanh An on 1 Jan 2020) and codes are reused
(19603 was Cam An, then Thanh An, then Hiếu Giang), so a unit is a registry row, not a
code. Each row's `successor` names the unit(s) that absorbed it, as `scheme:code`,
several separated by `|` when the unit was split ("nhập một phần"). A split cannot be
mapped from the commune code alone: such a unit is reported unmapped, never guessed, and
keyed `scheme:code` (e.g. `gso:19609`) so it never shares a key with a mapped unit.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..read.registry import review_date, units_valid_on

MAPPING_COLUMNS = [
    "code",
    "name",
    "target_scheme",
    "target_code",
    "target_name",
    "target_display_order",
    "mapped",
    "note",
]
_MAX_STEPS = 20


def _successors(text: str) -> list[tuple[str, str]]:
    """`gso:19603|gso2025:19597` → [("gso", "19603"), ("gso2025", "19597")]."""
    pairs = []
    for part in text.split("|"):
        part = part.strip()
        if part:
            scheme, _, code = part.partition(":")
            pairs.append((scheme.strip(), code.strip()) if code else ("", scheme.strip()))
    return pairs


def _valid(registry: pd.DataFrame, index: int, day: pd.Timestamp) -> bool:
    start = registry.at[index, "valid_from"] or "1900-01-01"
    end = registry.at[index, "valid_to"] or "2999-12-31"
    return pd.Timestamp(start) <= day <= pd.Timestamp(end)


def _row_on(registry: pd.DataFrame, scheme: str, code: str, day: pd.Timestamp) -> int | None:
    """The registry row of (scheme, code) valid on `day` (scheme optional)."""
    same = registry["code"] == code
    if scheme:
        same &= registry["scheme"] == scheme
    for index in registry.index[same]:
        if _valid(registry, index, day):
            return int(index)
    return None


def map_unit(registry: pd.DataFrame, index: int, target: dt.date) -> tuple[int | None, str]:
    """Follow registry row `index` to the row valid on `target`: (row, "") when found,
    else (None, why). Walks successors forward in time; a unit not yet valid on
    `target` (a geography older than the data) or split between several units cannot be
    mapped."""
    day = pd.Timestamp(target)
    current = index
    for _ in range(_MAX_STEPS):
        if _valid(registry, current, day):
            return current, ""
        start = registry.at[current, "valid_from"]
        name = f"{registry.at[current, 'name']} ({registry.at[current, 'code']})"
        if start and pd.Timestamp(start) > day:
            return None, f"{name} did not exist yet on {target.isoformat()}"
        successors = _successors(registry.at[current, "successor"])
        if not successors:
            return None, f"{name} ended on {registry.at[current, 'valid_to']} with no successor"
        if len(successors) > 1:
            named = ", ".join(f"{s}:{c}" for s, c in successors)
            return None, (
                f"{name} was split between {named}: its households cannot be reassigned "
                "from the commune code alone"
            )
        after = pd.Timestamp(registry.at[current, "valid_to"]) + pd.Timedelta(days=1)
        following = _row_on(registry, *successors[0], after)
        if following is None:
            return (
                None,
                f"{name}: successor {successors[0][0]}:{successors[0][1]} is not in the registry",
            )
        current = following
    return None, "the successors of the registry loop"


def unit_mapping(registry: pd.DataFrame, from_year: int, to_year: int) -> pd.DataFrame:
    """Every unit valid at the end of review `from_year` and the unit it belongs to at the
    end of `to_year` (columns `MAPPING_COLUMNS`; `mapped` False with a `note` when it
    cannot be mapped, and `target_code` the key `scheme:code`). Work is per unit, never
    per household."""
    units = units_valid_on(registry, review_date(from_year))
    target = review_date(to_year)
    reindexed = registry.reset_index(drop=True)
    rows = []
    for unit in units.itertuples(index=False):
        index = _row_on(reindexed, unit.scheme, unit.code, pd.Timestamp(review_date(from_year)))
        found, note = map_unit(reindexed, index, target)
        if found is None:
            key = f"{unit.scheme}:{unit.code}"
            rows.append(
                (unit.code, unit.name, unit.scheme, key, unit.name, unit.display_order, False, note)
            )
        else:
            rows.append(
                (
                    unit.code,
                    unit.name,
                    reindexed.at[found, "scheme"],
                    reindexed.at[found, "code"],
                    reindexed.at[found, "name"],
                    int(reindexed.at[found, "display_order"]),
                    True,
                    "",
                )
            )
    return pd.DataFrame(rows, columns=MAPPING_COLUMNS)


def geography_year(choice: str | int | None, review_years: list[int]) -> int:
    """The year whose units trends are reported on: `latest` (or blank) means the latest
    review year built; a year is used as given (e.g. 2025 for the post-2025 communes)."""
    if choice in (None, "", "latest"):
        return max(review_years)
    return int(choice)


def unit_codes(mapping: pd.DataFrame) -> dict[str, str]:
    """A `unit_mapping`'s codes → the units they belong to (`target_code`)."""
    return dict(zip(mapping["code"], mapping["target_code"], strict=True))


def units_in(registry: pd.DataFrame, from_year: int, year: int) -> dict[str, str]:
    """Review `from_year`'s communes → their units in review `year`."""
    return unit_codes(unit_mapping(registry, from_year, year))


def unmapped_notes(mapping: pd.DataFrame) -> list[str]:
    """Why each unit of a `unit_mapping` that cannot be mapped is not, in its order."""
    return mapping.loc[~mapping["mapped"], "note"].tolist()


def mappings_onto(registry: pd.DataFrame, years: list[int], target: int) -> dict[int, pd.DataFrame]:
    """Each review year's `unit_mapping` onto the units of review `target`."""
    return {year: unit_mapping(registry, year, target) for year in years}


def display_orders(registry: pd.DataFrame, year: int) -> dict[str, int]:
    """The display order of each commune valid at the end of review `year`."""
    order = units_valid_on(registry, review_date(year)).drop_duplicates("code")
    return dict(zip(order["code"], order["display_order"], strict=True))
