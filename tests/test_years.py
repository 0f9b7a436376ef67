"""Year after year on the embedded example: flows, attainment and trends against the
generator's own truth, computed here from its events, not through the pipeline's code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from povertyplan.compute import datasets
from povertyplan.pipeline import steps
from povertyplan.present.helpers import geography_notes
from povertyplan_dev.generate import CAM_LO_MERGERS, CAM_LO_REVIEWS, reviews

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
YEARS = (2018, 2019, 2020)
DISTRICT = {"code": "468", "name": "Cam Lộ", "province_name": "Quảng Trị"}
GOALS = {
    "reduction_points": {"min": 0.5, "max": 1.0},
    "new_poor_percent": {"min": 0.3, "max": 0.5},
    "new_poor_households": {"min": 30, "max": 40},
}
REGISTRY = str(REPO / "config" / "communes.csv")


@pytest.fixture(scope="module")
def truth():
    return reviews(CAM_LO_REVIEWS, CAM_LO_MERGERS)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The pipeline's steps on the committed files of the three reviews."""
    out = tmp_path_factory.mktemp("years")
    for year in YEARS:
        folder = out / str(year)
        steps.clean_year(
            [str(raw) for raw in sorted((RAW / str(year)).iterdir())],
            REGISTRY,
            str(REPO / "config" / "columns.yaml"),
            year,
            str(folder / "clean"),
            str(folder / "households.parquet"),
            str(folder / "rejects.parquet"),
            str(folder / "ledger.parquet"),
        )
        steps.aggregate(
            str(folder / "households.parquet"),
            REGISTRY,
            DISTRICT,
            year,
            str(folder / "communes.parquet"),
            str(folder / "district.parquet"),
        )
        steps.targets(
            str(folder / "communes.parquet"),
            {"policy": "can_exit"},
            GOALS,
            year,
            str(folder / "targets.parquet"),
            str(folder / "goals.parquet"),
        )
    for year in YEARS[1:]:
        folder = out / str(year)
        steps.flows(
            [str(out / str(y) / "households.parquet") for y in YEARS if y <= year],
            REGISTRY,
            DISTRICT,
            year,
            "vi",
            str(folder / "flows.parquet"),
            str(folder / "tables" / "flows.xlsx"),
        )
        steps.attainment(
            str(out / str(year - 1) / "targets.parquet"),
            str(folder / "flows.parquet"),
            str(folder / "communes.parquet"),
            str(folder / "district.parquet"),
            REGISTRY,
            GOALS,
            DISTRICT,
            year,
            "vi",
            str(folder / "attainment.parquet"),
            str(folder / "tables" / "attainment.xlsx"),
        )
    steps.trends(
        [str(out / str(y) / "communes.parquet") for y in YEARS],
        [str(out / str(y) / "district.parquet") for y in YEARS],
        REGISTRY,
        "latest",
        str(out / "trends.parquet"),
    )
    return out


def test_regenerating_gives_the_committed_three_reviews_byte_for_byte(tmp_path):
    """`make generate`'s command (the development package, outside the runtime one)."""
    command = [sys.executable, "-m", "povertyplan_dev", "generate", "--out", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    written = [Path(line) for line in result.stdout.splitlines()]
    committed = sorted(p.relative_to(RAW) for p in RAW.glob("*/*") if p.is_file())
    assert sorted(p.relative_to(tmp_path) for p in written) == committed
    for path in written:
        assert path.read_bytes() == (RAW / path.relative_to(tmp_path)).read_bytes(), path


def test_household_ids_persist_and_the_merger_shows_in_2020(truth):
    before, after = truth[2019].households, truth[2020].households
    kept = set(before["household_id"]) & set(after["household_id"])
    assert len(kept) > 0.99 * len(before)
    assert "19609" not in set(after["commune_code"])
    cam_thanh = after[after["household_id"].str.startswith("19609-")]
    assert len(cam_thanh) > 800 and set(cam_thanh["commune_code"]) == {"19603"}
    events = truth[2019].events["event"].value_counts()
    for kind in (
        "exit_to_near_poor",
        "exit_above_near_poor_line",
        "near_poor_to_poor",
        "re_poor",
        "newly_poor",
        "dissolved",
        "new_household",
    ):
        assert events.get(kind, 0) > 0, kind


# generator event -> flow column, per group (poor, near-poor)
POOR_EVENTS = {
    "exit_to_near_poor": "decrease_changed_status",
    "exit_above_near_poor_line": "decrease_rose_above_near_poor_line",
    "near_poor_to_poor": "increase_changed_status",
    "re_poor": "increase_re_poor",
    "newly_poor": "increase_newly",
}
NEAR_EVENTS = {
    "near_poor_to_poor": "decrease_changed_status",
    "near_poor_exit": "decrease_rose_above_near_poor_line",
    "exit_to_near_poor": "increase_changed_status",
    "newly_near_poor": "increase_newly",
}
COLUMNS = [
    "opening",
    "decrease_changed_status",
    "decrease_rose_above_near_poor_line",
    "decrease_other",
    "increase_changed_status",
    "increase_re_poor",
    "increase_newly",
    "increase_other",
    "closing",
]


def expected_flows(events: pd.DataFrame, group: str, measure: str) -> pd.DataFrame:
    """The flows of one group per commune (and district '468'), from the generator's events:
    in households, or in persons (members at the review counted in; members gained or lost
    by households that stayed in the group are other increases or decreases)."""
    table = events.assign(column="")
    mapping = POOR_EVENTS if group == "poor" else NEAR_EVENTS
    was = events["status_previous"] == group
    now = events["status"] == group
    table.loc[events["event"].isin(mapping), "column"] = events["event"].map(mapping)
    if group == "near_poor":  # a near-poor household that fell back into poverty leaves
        table.loc[(events["event"] == "re_poor") & was, "column"] = "decrease_changed_status"
    table.loc[(events["event"] == "dissolved") & was, "column"] = "decrease_other"
    table.loc[(events["event"] == "new_household") & now, "column"] = "increase_other"
    if measure == "households":
        table["before"] = table["after"] = 1
        table["gained"] = table["lost"] = 0
    else:
        table["before"], table["after"] = table["members_previous"], table["members"]
        change = (table["members"] - table["members_previous"]).where(was & now, 0)
        table["gained"], table["lost"] = change.clip(lower=0), (-change).clip(lower=0)
    rows = []
    for unit, mine in [*table.groupby("commune_code"), ("468", table)]:
        row = {column: 0 for column in COLUMNS}
        for column, part in mine[mine["column"] != ""].groupby("column"):
            row[column] = int(part["before" if column.startswith("decrease") else "after"].sum())
        row["decrease_other"] += int(mine["lost"].sum())
        row["increase_other"] += int(mine["gained"].sum())
        row["opening"] = int(mine.loc[mine["status_previous"] == group, "before"].sum())
        row["closing"] = int(mine.loc[mine["status"] == group, "after"].sum())
        rows.append({"unit_code": unit, **row})
    return pd.DataFrame(rows).set_index("unit_code").sort_index()


@pytest.mark.parametrize("year", [2019, 2020])
@pytest.mark.parametrize("group", ["poor", "near_poor"])
@pytest.mark.parametrize("measure", ["households", "persons"])
def test_flows_match_the_generator_for_every_commune_and_the_district(
    built, truth, year, group, measure
):
    flows = datasets.read_parquet(built / str(year) / "flows.parquet")
    assert flows["identity_holds"].all()
    mine = flows[(flows["flow_group"] == group) & (flows["measure"] == measure)]
    mine = mine.set_index("unit_code").sort_index()
    expected = expected_flows(truth[year].events, group, measure)
    assert list(mine.index) == list(expected.index)
    for column in COLUMNS:
        assert mine[column].astype(int).to_dict() == expected[column].to_dict(), column


def test_flows_across_a_gap_pair_the_reviews_built(built, truth, tmp_path):
    """With only the 2018 and 2020 reviews, the 2020 flows start from 2018."""
    table = steps.flows(
        [str(built / "2018" / "households.parquet"), str(built / "2020" / "households.parquet")],
        REGISTRY,
        DISTRICT,
        2020,
        "en",
        str(tmp_path / "flows.parquet"),
        str(tmp_path / "flows.xlsx"),
    )
    assert set(table["previous_year"]) == {2018} and table["identity_holds"].all()
    poor = table[(table["flow_group"] == "poor") & (table["measure"] == "households")]
    district = poor[poor["level"] == "district"].iloc[0]
    assert (district["opening"], district["closing"]) == (609, 499)
    assert poor.set_index("unit_code").at["19603", "opening"] == 79 + 41


def test_re_poor_comes_from_the_flag_in_2019_and_from_history_in_2020(built, truth):
    poor = {}
    for year in (2019, 2020):
        flows = datasets.read_parquet(built / str(year) / "flows.parquet")
        poor[year] = flows[
            (flows["flow_group"] == "poor") & (flows["measure"] == "households")
        ].set_index("unit_code")
    # 2019: no review before 2018 is built, so every re-poor household is known by its flag
    assert poor[2019].at["468", "increase_re_poor"] == 10
    assert (poor[2019]["re_poor_recorded_only"] == poor[2019]["increase_re_poor"]).all()
    # 2020: history finds them, including in the CSV communes whose files have no flag
    assert (poor[2020]["re_poor_recorded_only"] == 0).all()
    events = truth[2020].events
    for code in ("19597", "19621"):  # 06_tt_cam_lo.csv, 08_cam_nghia.csv
        expected = int(((events["event"] == "re_poor") & (events["commune_code"] == code)).sum())
        assert poor[2020].at[code, "increase_re_poor"] == expected
    assert poor[2020].at["468", "increase_re_poor"] == 12


def test_a_merger_is_not_a_flow(built, truth):
    flows = datasets.read_parquet(built / "2020" / "flows.parquet")
    poor = flows[(flows["flow_group"] == "poor") & (flows["measure"] == "households")]
    poor = poor.set_index("unit_code")
    assert "19609" not in poor.index
    before = truth[2019].households
    cam_an_and_cam_thanh = before["commune_code"].isin(["19603", "19609"]) & (
        before["status"] == "poor"
    )
    assert poor.at["19603", "opening"] == cam_an_and_cam_thanh.sum()
    assert poor.at["19603", "unit_name"] == "Thanh An"


def planned(households: pd.DataFrame, mergers: dict[str, str]) -> pd.DataFrame:
    """The can-exit plan from one review's truth, per commune mapped through `mergers`."""
    frame = households.assign(
        unit=households["commune_code"].replace(mergers),
        poor=households["status"] == "poor",
        target=(households["status"] == "poor") & households["can_exit"],
    )
    return frame.groupby("unit").agg(
        households=("poor", "size"), poor=("poor", "sum"), target=("target", "sum")
    )


@pytest.mark.parametrize("year", [2019, 2020])
def test_attainment_status_per_commune_and_district(built, truth, year):
    mergers = CAM_LO_MERGERS.get(year, {})
    plan = planned(truth[year - 1].households, mergers)
    plan.loc["468"] = plan.sum()
    after = truth[year].households
    actual = after.groupby("commune_code").agg(
        households=("status", "size"), poor=("status", lambda s: (s == "poor").sum())
    )
    actual.loc["468"] = actual.sum()
    events = truth[year].events
    exits = events[events["event"].str.startswith("exit_")]
    exit_counts = exits.groupby("commune_code").size()
    exit_counts.loc["468"] = len(exits)
    expected = {}
    for unit in plan.index:
        planned_rate = (plan.at[unit, "poor"] - plan.at[unit, "target"]) / plan.at[
            unit, "households"
        ]
        actual_rate = actual.at[unit, "poor"] / actual.at[unit, "households"]
        if actual_rate <= planned_rate:
            expected[unit] = "met"
        elif exit_counts.get(unit, 0) >= plan.at[unit, "target"]:
            expected[unit] = "exits_met_offset_by_new_poor"
        else:
            expected[unit] = "not_met"
    table = datasets.read_parquet(built / str(year) / "attainment.parquet").set_index("unit_code")
    assert table["status"].to_dict() == expected
    assert table["target_reduction"].astype(int).to_dict() == plan["target"].astype(int).to_dict()
    assert table["exits"].astype(int).to_dict() == {
        u: int(exit_counts.get(u, 0)) for u in plan.index
    }
    district = table.loc["468"]
    new_poor = events["event"].isin(["near_poor_to_poor", "re_poor", "newly_poor"]).sum()
    assert district["new_poor"] == new_poor
    assert (district["new_poor_band_low"], district["new_poor_band_high"]) == (30, 40)
    position = "below" if new_poor < 30 else "above" if new_poor > 40 else "within"
    assert district["new_poor_position"] == position
    # a mix of outcomes, so the test can tell them apart
    assert len(set(expected.values())) >= 2


def test_trends_on_the_latest_geography_sum_merged_communes(built, truth):
    trends = datasets.read_parquet(built / "trends.parquet")
    assert set(trends["geography_year"]) == {2020}
    assert trends["mapped"].all()
    communes = trends[trends["level"] == "commune"]
    assert set(communes["unit_code"]) == {
        "19597",
        "19600",
        "19603",
        "19606",
        "19612",
        "19615",
        "19618",
        "19621",
    }
    for year in YEARS:
        households = truth[year].households
        unit = households["commune_code"].replace({"19609": "19603"})
        poor = (households["status"] == "poor").groupby(unit).sum()
        mine = communes[communes["review_year"] == year].set_index("unit_code")
        assert mine["poor"].astype(int).to_dict() == poor.astype(int).to_dict(), year
        district = trends[(trends["level"] == "district") & (trends["review_year"] == year)]
        assert int(district["poor"].iloc[0]) == int((households["status"] == "poor").sum())
    thanh_an_2018 = communes[(communes["unit_code"] == "19603") & (communes["review_year"] == 2018)]
    assert thanh_an_2018["source_codes"].iloc[0] == "19603|19609"
    assert geography_notes(trends, "en") == [
        "Thanh An in 2018, 2019 is the sum of the communes 19603, 19609."
    ]
    assert thanh_an_2018["poor"].iloc[0] == 79 + 41  # Cam An + Cam Thanh in the seed plan
    assert thanh_an_2018["poor_rate"].iloc[0] == pytest.approx(100 * 120 / (1779 + 853))


def test_trends_on_the_2025_communes(built, tmp_path):
    out = tmp_path / "trends.parquet"
    steps.trends(
        [str(built / str(y) / "communes.parquet") for y in YEARS],
        [str(built / str(y) / "district.parquet") for y in YEARS],
        REGISTRY,
        2025,
        str(out),
    )
    trends = datasets.read_parquet(out)
    communes = trends[(trends["level"] == "commune") & (trends["review_year"] == 2018)]
    by_name = communes.set_index("unit_name")
    assert set(by_name.index) == {"Cam Lộ", "Hiếu Giang"}
    # Xã Cam Lộ = TT Cam Lộ + Cam Thành + Cam Chính + Cam Nghĩa (seed plan's 2018 poor)
    assert by_name.at["Cam Lộ", "poor"] == 54 + 76 + 30 + 38
    assert by_name.at["Hiếu Giang", "poor"] == 140 + 79 + 66 + 41 + 85
