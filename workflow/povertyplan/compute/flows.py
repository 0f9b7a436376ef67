"""Flows in and out of poverty between two consecutive reviews (the "diễn biến" forms).

For poor and for near-poor households, per commune and for the district, in households
and in persons:

    closing = opening − decreases + increases

Decreases: changed status (poor → near-poor, or near-poor → poor), rose above the
near-poor line (→ not poor), other (dissolved, moved out of the unit). Increases: changed
status (near-poor → poor, or poor → near-poor), re-poor (poor households only: poor in an
earlier review or marked re-poor in the file, not poor in the previous one), newly (from
not poor), other (new households, moved into the unit). Households are followed by their
household ID; the previous review's communes are first mapped to the current review's
units (`geography.unit_mapping`), so a merger is not a flow. In persons, a household is
counted with its members at the review it is counted in; the change in members of a
household that stays in the group is counted as other (people moving in or out).
"""

from __future__ import annotations

import pandas as pd

from ..core.errors import DataError
from ..read.registry import commune_names
from .geography import display_orders, unit_codes, units_in

GROUPS = ("poor", "near_poor")
MEASURES = ("households", "persons")
DECREASES = ["decrease_changed_status", "decrease_rose_above_near_poor_line", "decrease_other"]
INCREASES = ["increase_changed_status", "increase_re_poor", "increase_newly", "increase_other"]
ABSENT = ""


FOLLOW_SEPARATOR = "\x1f"


def follow_keys(reviews: list[tuple[pd.Series, pd.Series]]) -> list[pd.Series]:
    """The key each household is followed by across reviews, for each review's
    (household codes, units on one geography): its code when every review's codes are
    unique across its units (codes unique in the district, `19609-00012`, so a household
    that moved between communes is still followed), else, for every household, its unit
    and code (communes that number their households 001, 002… share codes; the same code
    in two communes in two years is then two households, never one that moved)."""
    shared = False
    for ids, units in reviews:
        pairs = pd.DataFrame({"id": ids.to_numpy(), "unit": units.astype(str).to_numpy()})
        shared |= bool(pairs.drop_duplicates()["id"].duplicated().any())
    if not shared:
        return [ids for ids, _ in reviews]
    return [units.astype(str) + FOLLOW_SEPARATOR + ids for ids, units in reviews]


def _with_keys(
    previous: pd.DataFrame, current: pd.DataFrame, unit_of_previous: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two reviews with the `key` each household is followed by: their own when both
    frames have one, else the keys `follow_keys` gives them on the current units; a key
    shared by two previous households (communes that merged) gets its commune appended."""
    mapped_previous = (
        previous["commune_code"].map(unit_of_previous).fillna(previous["commune_code"])
    )
    if "key" not in previous or "key" not in current:
        keys = follow_keys(
            [
                (previous["household_id"], mapped_previous),
                (current["household_id"], current["commune_code"]),
            ]
        )
        previous = previous.assign(key=keys[0])
        current = current.assign(key=keys[1])
    shared = previous["key"].duplicated(keep=False)
    if shared.any():
        previous = previous.assign(
            key=previous["key"].where(
                ~shared, previous["key"] + FOLLOW_SEPARATOR + previous["commune_code"].astype(str)
            )
        )
    return previous, current


def _unit_before(
    merged: pd.DataFrame, unit_of_previous: dict[str, str], present_after: pd.Series
) -> pd.Series:
    """Each household's previous unit on the current geography: a split unit's household
    still present is followed to its current commune, the others keep the split's key."""
    mapped = merged["commune_code_previous"].map(unit_of_previous)
    split = mapped.str.contains(":", regex=False).fillna(False).astype(bool)
    unit_before = mapped.fillna(merged["commune_code_previous"])
    return unit_before.where(~(split & present_after), merged["commune_code"])


def household_transitions(
    previous: pd.DataFrame,
    current: pd.DataFrame,
    unit_of_previous: dict[str, str],
    poor_before_previous: set[str] | pd.Index,
) -> pd.DataFrame:
    """One row per household of either review: its unit, status and members in each
    (blank status where absent), and whether it counts as re-poor.

    `unit_of_previous` maps the previous review's commune codes to the current review's
    units (`geography.unit_mapping`); a unit that cannot be mapped (a split) has a
    `scheme:code` key there: its households still present are followed to their current
    commune, the others stay under that key. A code missing from it keeps its own code.
    Households are matched by their `key` column when the frames have one (see
    `follow_keys`), else by the keys `follow_keys` gives the two reviews; two previous
    households whose communes merged and that share a code cannot be told apart, and
    count as having left and arrived. `poor_before_previous`: keys of households poor in
    any review before the previous one.
    """
    previous, current = _with_keys(previous, current, unit_of_previous)
    before = previous[["key", "household_id", "commune_code", "status", "members"]]
    after = current[["key", "household_id", "commune_code", "status", "members", "re_poor"]]
    merged = before.merge(after, on="key", how="outer", suffixes=("_previous", ""), sort=True)
    present_before = merged["status_previous"].notna()
    present_after = merged["status"].notna()
    unit_before = _unit_before(merged, unit_of_previous, present_after)
    recorded = merged["re_poor"].fillna(False).astype(bool)
    earlier = merged["key"].isin(poor_before_previous)
    return pd.DataFrame(
        {
            "household_id": merged["household_id"].fillna(merged["household_id_previous"]),
            "unit_previous": unit_before.where(present_before, ABSENT).astype(str),
            "unit": merged["commune_code"].where(present_after, ABSENT).astype(str),
            "status_previous": merged["status_previous"].fillna(ABSENT).astype(str),
            "status": merged["status"].fillna(ABSENT).astype(str),
            "members_previous": merged["members_previous"].fillna(0).astype("int64"),
            "members": merged["members"].fillna(0).astype("int64"),
            "re_poor_history": earlier.to_numpy(),
            "re_poor_recorded": recorded.to_numpy(),
        }
    )


def _records(transitions: pd.DataFrame, level: str, district_code: str) -> pd.DataFrame:
    """Per-unit records: a household that moved between units is split into a leaving
    record in its old unit and an arriving one in its new unit."""
    frame = transitions
    if level == "district":
        return frame.assign(unit_code=district_code)
    same = (frame["unit_previous"] == frame["unit"]) | (frame["unit_previous"] == ABSENT)
    same |= frame["unit"] == ABSENT
    staying = frame[same].assign(
        unit_code=frame.loc[same, "unit"].where(
            frame.loc[same, "unit"] != ABSENT, frame.loc[same, "unit_previous"]
        )
    )
    moved = frame[~same]
    leaving = moved.assign(unit_code=moved["unit_previous"], unit=ABSENT, status=ABSENT, members=0)
    arriving = moved.assign(
        unit_code=moved["unit"], unit_previous=ABSENT, status_previous=ABSENT, members_previous=0
    )
    return pd.concat([staying, leaving, arriving], ignore_index=True)


def _group_flows(records: pd.DataFrame, group: str) -> pd.DataFrame:
    """Flow columns of one group (poor or near_poor), per unit, households and persons."""
    other = "near_poor" if group == "poor" else "poor"
    was = records["status_previous"] == group
    now = records["status"] == group
    absent_before = records["status_previous"] == ABSENT
    absent_after = records["status"] == ABSENT
    re_poor = (records["re_poor_history"] | records["re_poor_recorded"]) & (group == "poor")
    leave = was & ~now
    enter = now & ~was
    stay = was & now
    flags = {
        "opening": was,
        "decrease_changed_status": leave & (records["status"] == other),
        "decrease_rose_above_near_poor_line": leave & (records["status"] == "not_poor"),
        "decrease_other": leave & absent_after,
        "increase_other": enter & absent_before,
        "increase_re_poor": enter & ~absent_before & re_poor,
        "increase_changed_status": enter & ~re_poor & (records["status_previous"] == other),
        "increase_newly": enter & ~re_poor & (records["status_previous"] == "not_poor"),
        "closing": now,
        "re_poor_recorded_only": enter
        & ~absent_before
        & records["re_poor_recorded"]
        & ~records["re_poor_history"]
        & (group == "poor"),
    }
    size_before = records["members_previous"].astype("int64")
    size_after = records["members"].astype("int64")
    change = (size_after - size_before).where(stay, 0)
    out = []
    for measure in MEASURES:
        columns = {}
        for name, flag in flags.items():
            if measure == "households":
                columns[name] = flag.astype("int64")
            else:
                uses_after = name.startswith("increase") or name in (
                    "closing",
                    "re_poor_recorded_only",
                )
                columns[name] = flag.astype("int64") * (size_after if uses_after else size_before)
        if measure == "persons":
            columns["increase_other"] = columns["increase_other"] + change.clip(lower=0)
            columns["decrease_other"] = columns["decrease_other"] + (-change).clip(lower=0)
        table = pd.DataFrame(columns).groupby(records["unit_code"], sort=True).sum()
        table.index.name = "unit_code"
        out.append(table.reset_index().assign(flow_group=group, measure=measure))
    return pd.concat(out, ignore_index=True)


def flow_table(transitions: pd.DataFrame, district_code: str) -> pd.DataFrame:
    """The flows of every commune and of the district, for poor and near-poor households,
    in households and persons; `identity_holds` checks closing = opening − decreases +
    increases on each row."""
    frames = []
    for level in ("commune", "district"):
        records = _records(transitions, level, district_code)
        for group in GROUPS:
            frames.append(_group_flows(records, group).assign(level=level))
    table = pd.concat(frames, ignore_index=True)
    table["decreases"] = table[DECREASES].sum(axis=1)
    table["increases"] = table[INCREASES].sum(axis=1)
    table["identity_holds"] = (
        table["closing"] == table["opening"] - table["decreases"] + table["increases"]
    )
    return table


VERBS = {"closing": "close", "opening": "open"}


def _group_counts(households: pd.DataFrame, by: pd.Series | str) -> pd.DataFrame:
    """Households and persons per (unit, status group), straight from the records."""
    frame = households[households["status"].isin(GROUPS)]
    keys = frame[by] if isinstance(by, str) else by.loc[frame.index]
    grouped = frame.groupby([keys, frame["status"]])["members"].agg(["size", "sum"])
    return grouped.rename(columns={"size": "households", "sum": "persons"}).astype("int64")


def check_flows(
    table: pd.DataFrame,
    previous: pd.DataFrame,
    current: pd.DataFrame,
    district_code: str,
    year: int,
) -> None:
    """Raise when a flow row breaks closing = opening − decreases + increases, when a
    commune's closing (households or persons, poor or near-poor) differs from the review's
    own records, or when the district's opening differs from the previous review's."""
    hint = f"this is a bug in povertyplan: report it with results/{year}/logs/flows.log"
    broken = table[~table["identity_holds"]]
    if not broken.empty:
        row = broken.iloc[0]
        raise DataError(
            f"{year}: the flows of {row['unit_code']} ({row['flow_group']}, {row['measure']}) "
            f"do not add up: closing {row['closing']} ≠ opening {row['opening']} − "
            f"{row['decreases']} + {row['increases']}",
            hint=hint,
        )
    checks = [
        ("commune", "closing", _group_counts(current, "commune_code"), "the review counts"),
        (
            "district",
            "closing",
            _group_counts(current, pd.Series(district_code, index=current.index)),
            "the review counts",
        ),
        (
            "district",
            "opening",
            _group_counts(previous, pd.Series(district_code, index=previous.index)),
            "the previous review counts",
        ),
    ]
    for level, column, expected, source in checks:
        rows = table[table["level"] == level]
        for measure in MEASURES:
            got = rows[rows["measure"] == measure].set_index(["unit_code", "flow_group"])[column]
            want = expected[measure].reindex(got.index, fill_value=0)
            missing = expected[measure].index.difference(got.index)
            wrong = got.index[got.to_numpy() != want.to_numpy()]
            if len(missing):
                unit, group = missing[0]
                raise DataError(f"{year}: no flows for {unit} ({group})", hint=hint)
            if len(wrong):
                unit, group = wrong[0]
                raise DataError(
                    f"{year}: {unit}: the {group.replace('_', '-')} flows {VERBS[column]}"
                    f" at {int(got[wrong[0]])} {measure} but {source} {int(want[wrong[0]])}",
                    hint=hint,
                )


def keys_and_poor_before(
    earlier: list[pd.DataFrame],
    previous: pd.DataFrame,
    current: pd.DataFrame,
    registry: pd.DataFrame,
    year: int,
) -> tuple[list[pd.Series], pd.Index]:
    """Every review's households on review `year`'s units, followed by one key
    (`follow_keys`): the keys of each review (the previous and current last), and those
    of the households poor in a review before the previous one."""
    reviews = [*earlier, previous, current]
    keys = follow_keys(
        [
            (
                frame["household_id"],
                frame["commune_code"]
                .map(units_in(registry, int(frame["review_year"].iloc[0]), year))
                .fillna(frame["commune_code"]),
            )
            for frame in reviews
        ]
    )
    poor = [k[f["status"] == "poor"] for f, k in zip(earlier, keys, strict=False)]
    return keys, pd.Index(pd.concat(poor).unique() if poor else [])


def flow_unit_names(
    registry: pd.DataFrame, year: int, mapping: pd.DataFrame, district: dict
) -> dict[str, str]:
    """The name of each unit of the flows: the communes of review `year`, the district,
    and each previous unit that cannot be mapped (its `scheme:code` key) marked (*)."""
    code = str(district.get("code", ""))
    names = commune_names(registry, year) | {code: district.get("name", code)}
    split = mapping[~mapping["mapped"]]
    return names | {
        key: f"{name} (*)" for key, name in zip(split["target_code"], split["name"], strict=True)
    }


def _labelled(
    table: pd.DataFrame,
    names: dict[str, str],
    order: dict[str, int],
    year: int,
    previous_year: int,
) -> pd.DataFrame:
    """The flow table with its review years, unit names and display order (999 for a
    unit with none; its code for a unit with no name)."""
    return table.assign(
        review_year=year,
        previous_year=previous_year,
        unit_name=table["unit_code"].map(names).fillna(table["unit_code"]),
        display_order=table["unit_code"].map(order).fillna(999).astype("int64"),
    )


def review_flows(
    previous: pd.DataFrame,
    current: pd.DataFrame,
    earlier: list[pd.DataFrame],
    registry: pd.DataFrame,
    mapping: pd.DataFrame,
    district: dict,
    year: int,
) -> pd.DataFrame:
    """The labelled flow table between the `previous` review and review `year`
    (`current`), on review `year`'s units: households followed by one key across every
    review (`earlier`: the reviews before the previous one, for re-poor households);
    `mapping`: the previous review's `geography.unit_mapping` onto review `year`."""
    keys, poor_before = keys_and_poor_before(earlier, previous, current, registry, year)
    transitions = household_transitions(
        previous.assign(key=keys[-2]),
        current.assign(key=keys[-1]),
        unit_codes(mapping),
        poor_before,
    )
    table = flow_table(transitions, str(district.get("code", "")))
    names = flow_unit_names(registry, year, mapping, district)
    previous_year = int(previous["review_year"].iloc[0])
    return _labelled(table, names, display_orders(registry, year), year, previous_year)


def district_poor_households(table: pd.DataFrame) -> pd.Series:
    """The flow table's district row for poor households, in households."""
    return table[
        (table["level"] == "district")
        & (table["flow_group"] == "poor")
        & (table["measure"] == "households")
    ].iloc[0]


def previous_reviews(years: list[int]) -> dict[int, int]:
    """Each review year → the latest earlier review year built (flows pair them); the
    first year has none. A gap (2018, 2020) pairs 2020 with 2018."""
    ordered = sorted(set(years))
    return dict(zip(ordered[1:], ordered[:-1], strict=True))
