"""Geography mapping, flows on hand-made households, and the run summary."""

from __future__ import annotations

import pandas as pd
import pytest

from povertyplan.compute import datasets
from povertyplan.compute.attainment import (
    commune_statuses,
    judged_plan_review_year,
    plan_attainment,
    poor_household_flows,
    target_attainment,
    units_with_district,
)
from povertyplan.compute.flows import (
    check_flows,
    district_poor_households,
    flow_table,
    flow_unit_names,
    household_transitions,
    keys_and_poor_before,
    previous_reviews,
    review_flows,
)
from povertyplan.compute.geography import (
    display_orders,
    geography_year,
    mappings_onto,
    unit_codes,
    unit_mapping,
    units_in,
    unmapped_notes,
)
from povertyplan.compute.trends import trend_table, unit_count, unmapped_unit_notes
from povertyplan.core.errors import ConfigError, DataError
from povertyplan.present.helpers import geography_notes
from povertyplan.present.summary import run_summary
from povertyplan.read.registry import load_registry

SPLIT_REGISTRY = """scheme,code,name,unit_type,area,district_code,province_code,valid_from,valid_to,successor,display_order,aliases
gso,100,Xã Một,xã,rural,1,9,,2025-06-30,new:500,1,
gso,200,Xã Hai,xã,rural,1,9,,2025-06-30,new:500|new:600,2,
gso,300,Xã Ba,xã,rural,1,9,,2019-12-31,gso:100,3,
new,500,Xã Năm,xã,rural,,9,2025-07-01,,,1,
new,600,Xã Sáu,xã,rural,,9,2025-07-01,,,2,
"""


@pytest.fixture
def split_registry(tmp_path):
    path = tmp_path / "communes.csv"
    path.write_text(SPLIT_REGISTRY, encoding="utf-8")
    return load_registry(path)


def test_successors_are_followed_through_several_changes(split_registry):
    mapping = unit_mapping(split_registry, 2018, 2025).set_index("code")
    assert mapping.at["300", "target_code"] == "500"  # Ba → Một (2020) → Năm (2025)
    assert mapping.at["100", "target_name"] == "Xã Năm"
    assert bool(mapping.at["300", "mapped"]) and bool(mapping.at["100", "mapped"])


def test_a_split_commune_is_reported_not_guessed(split_registry):
    mapping = unit_mapping(split_registry, 2020, 2025).set_index("code")
    assert not mapping.at["200", "mapped"]
    assert "split between new:500, new:600" in mapping.at["200", "note"]
    assert mapping.at["200", "target_code"] == "gso:200"  # kept apart, under scheme:code


def test_a_geography_older_than_the_unit_cannot_be_mapped(registry):
    mapping = unit_mapping(registry, 2020, 2018).set_index("code")
    assert not mapping.at["19603", "mapped"]
    assert "Thanh An (19603) did not exist yet on 2018-12-31" == mapping.at["19603", "note"]
    assert mapping.at["19600", "mapped"]


def test_a_reused_code_is_a_different_unit(registry):
    """19603 was Cam An until 2019 and Thanh An from 2020: Cam An maps to Thanh An in 2020
    but stays itself in 2019."""
    assert (
        unit_mapping(registry, 2019, 2019).set_index("code").at["19603", "target_name"] == "Cam An"
    )
    assert (
        unit_mapping(registry, 2019, 2020).set_index("code").at["19603", "target_name"]
        == "Thanh An"
    )


def test_geography_year_latest_or_given():
    assert geography_year("latest", [2018, 2020, 2019]) == 2020
    assert geography_year(2025, [2018]) == 2025


def two_communes_and_their_district() -> tuple[pd.DataFrame, pd.DataFrame]:
    """communes.parquet and district.parquet of one review: communes 100 and 200."""
    communes = pd.DataFrame(
        {
            "commune_code": ["100", "200"],
            "commune_name": ["Xã Một", "Xã Hai"],
            "display_order": [1, 2],
            "households": [100, 50],
            "persons": [400, 200],
            "poor": [10, 5],
            "near_poor": [8, 4],
        }
    )
    district = pd.DataFrame(
        [
            {
                "district_code": "1",
                "district_name": "H",
                "households": 150,
                "persons": 600,
                "poor": 15,
                "near_poor": 12,
            }
        ]
    )
    return communes, district


def test_trends_keep_an_unmapped_unit_apart(split_registry):
    communes, district = two_communes_and_their_district()
    mapping = unit_mapping(split_registry, 2020, 2025)
    table = trend_table({2020: communes}, {2020: district}, {2020: mapping}, 2025)
    units = table[table["level"] == "commune"].set_index("unit_code")
    assert units.at["500", "poor"] == 10 and units.at["500", "mapped"]
    assert units.at["gso:200", "poor"] == 5 and not units.at["gso:200", "mapped"]
    assert "split" in units.at["gso:200", "note"]
    assert units.at["500", "poor_rate"] == pytest.approx(10.0)


def frame(rows, re_poor=None):
    out = pd.DataFrame(rows, columns=["household_id", "commune_code", "status", "members"])
    out["re_poor"] = pd.array(re_poor or [None] * len(out), dtype="boolean")
    return out


def test_moves_between_communes_are_other_flows_there_and_nothing_for_the_district():
    previous = frame([("a", "1", "poor", 3), ("b", "1", "poor", 2), ("c", "2", "near_poor", 4)])
    current = frame([("a", "2", "poor", 3), ("b", "1", "poor", 4), ("d", "2", "poor", 1)])
    table = flow_table(household_transitions(previous, current, {"1": "1", "2": "2"}, []), "9")
    assert table["identity_holds"].all()
    poor = table[(table["flow_group"] == "poor") & (table["measure"] == "households")]
    poor = poor.set_index("unit_code")
    assert poor.at["1", "decrease_other"] == 1 and poor.at["2", "increase_other"] == 2
    assert poor.at["9", "decrease_other"] == 0 and poor.at["9", "increase_other"] == 1
    assert (poor.at["9", "opening"], poor.at["9", "closing"]) == (2, 3)
    persons = table[(table["flow_group"] == "poor") & (table["measure"] == "persons")]
    persons = persons.set_index("unit_code")
    # b grew from 2 to 4 members while staying poor: +2 persons as other increase
    assert persons.at["9", "opening"] == 5 and persons.at["9", "closing"] == 8
    assert persons.at["9", "increase_other"] == 2 + 1
    near = table[(table["flow_group"] == "near_poor") & (table["measure"] == "households")]
    assert near.set_index("unit_code").at["9", "decrease_other"] == 1  # c dissolved


def test_re_poor_from_history_or_flag_and_otherwise_newly_or_from_near_poor():
    previous = frame(
        [
            ("h", "1", "not_poor", 2),
            ("f", "1", "near_poor", 2),
            ("n", "1", "not_poor", 2),
            ("c", "1", "near_poor", 2),
        ]
    )
    current = frame(
        [
            ("h", "1", "poor", 2),
            ("f", "1", "poor", 2),
            ("n", "1", "poor", 2),
            ("c", "1", "poor", 2),
        ],
        re_poor=[False, True, False, False],
    )
    table = flow_table(household_transitions(previous, current, {"1": "1"}, ["h"]), "9")
    poor = table[(table["flow_group"] == "poor") & (table["measure"] == "households")]
    row = poor[poor["level"] == "district"].iloc[0]
    assert row["increase_re_poor"] == 2  # h by history, f by its flag
    assert row["re_poor_recorded_only"] == 1
    assert row["increase_newly"] == 1 and row["increase_changed_status"] == 1


def test_a_broken_identity_or_a_wrong_closing_count_stops_the_run():
    previous = frame([("a", "1", "poor", 3)])
    current = frame([("a", "1", "poor", 3)])
    table = flow_table(household_transitions(previous, current, {"1": "1"}, []), "9")
    check_flows(table, previous, current, "9", 2020)
    more = frame([("a", "1", "poor", 3), ("b", "1", "poor", 1)])
    with pytest.raises(
        DataError, match="1: the poor flows close at 1 households but the review counts 2"
    ):
        check_flows(table, previous, more, "9", 2020)
    with pytest.raises(
        DataError, match="9: the poor flows open at 1 households but the previous review counts 2"
    ):
        check_flows(table, more, current, "9", 2020)
    broken = table.copy()
    broken.loc[0, "closing"] = 7
    broken["identity_holds"] = False
    with pytest.raises(DataError, match="do not add up"):
        check_flows(broken, previous, current, "9", 2020)


def test_the_summary_says_ok_or_what_needs_attention(tmp_path):
    folder = tmp_path / "2020"
    ledger = pd.DataFrame(
        {"source_file": ["a.xlsx"], "rows_read": [10], "rows_kept": [8], "rows_rejected": [2]}
    )
    folder.mkdir()
    ledger.to_parquet(folder / "ledger.parquet")
    rejects = pd.DataFrame({"reason": ["not_an_integer", "not_an_integer"]})
    rejects.to_parquet(folder / "rejects.parquet")
    lines, ok = run_summary(tmp_path, "en")
    assert not ok
    assert lines[0].startswith("2020: 1 files, 10 rows read, 8 kept, 2 rejected; reasons: ")
    assert "(2)" in lines[0] and "results/2020/rejects.xlsx" in lines[0]
    assert lines[-1] == "Status: ATTENTION - rows rejected in 2020; 2020 not finished"
    ledger.assign(rows_kept=10, rows_rejected=0).to_parquet(folder / "ledger.parquet")
    (folder / "targets.parquet").write_bytes(b"")
    lines, ok = run_summary(tmp_path, "vi")
    assert ok and lines[-1].startswith("Kết quả: ĐẠT")
    assert run_summary(tmp_path / "none", "en") == ([f"No results in {tmp_path / 'none'}"], False)


def test_flow_schema_round_trip_is_byte_identical(tmp_path):
    previous = frame([("a", "1", "poor", 3), ("b", "1", "near_poor", 2)])
    current = frame([("a", "1", "near_poor", 3), ("b", "1", "poor", 2)])
    table = flow_table(household_transitions(previous, current, {"1": "1"}, []), "9").assign(
        review_year=2020, previous_year=2019, unit_name="x", display_order=0
    )
    paths = [tmp_path / "one.parquet", tmp_path / "two.parquet"]
    datasets.write_parquet(table, datasets.FLOWS, paths[0])
    datasets.write_parquet(table.sample(frac=1, random_state=1), datasets.FLOWS, paths[1])
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_previous_reviews_pair_each_year_with_the_latest_earlier_one():
    assert previous_reviews([2020, 2018, 2019]) == {2019: 2018, 2020: 2019}
    assert previous_reviews([2018, 2020]) == {2020: 2018}
    assert previous_reviews([2018]) == {}


def test_households_of_a_split_commune_follow_their_household_or_stay_apart():
    previous = frame([("a", "200", "poor", 2), ("b", "200", "poor", 3), ("c", "100", "poor", 1)])
    current = frame([("a", "600", "poor", 2), ("c", "500", "poor", 1)])
    units = {"100": "500", "200": "gso:200"}
    table = flow_table(household_transitions(previous, current, units, []), "9")
    poor = table[(table["flow_group"] == "poor") & (table["measure"] == "households")]
    poor = poor.set_index("unit_code")
    assert poor.at["600", "opening"] == 1 and poor.at["600", "closing"] == 1  # a, followed
    assert poor.at["gso:200", "opening"] == 1 and poor.at["gso:200", "decrease_other"] == 1  # b
    assert poor.at["500", "opening"] == 1 and poor.at["500", "increase_other"] == 0
    assert poor.at["9", "opening"] == 3 and poor.at["9", "closing"] == 2


def test_a_near_poor_closing_that_differs_from_the_review_names_the_group():
    previous = frame([("a", "1", "near_poor", 3)])
    current = frame([("a", "1", "near_poor", 3)])
    table = flow_table(household_transitions(previous, current, {"1": "1"}, []), "9")
    check_flows(table, previous, current, "9", 2020)
    more = frame([("a", "1", "near_poor", 3), ("b", "1", "near_poor", 2)])
    with pytest.raises(
        DataError, match="1: the near-poor flows close at 1 households but the review counts 2"
    ):
        check_flows(table, previous, more, "9", 2020)
    bigger = frame([("a", "1", "near_poor", 5)])
    with pytest.raises(
        DataError, match="the near-poor flows close at 3 persons but the review counts 5"
    ):
        check_flows(table, previous, bigger, "9", 2020)


def test_a_commune_the_plan_does_not_cover_is_no_plan_not_met():
    targets = pd.DataFrame(
        {
            "commune_code": ["1"],
            "households": [100],
            "poor": [10],
            "target_reduction": [2],
            "poor_end": [8],
        }
    )
    flows = pd.DataFrame(
        {
            "unit_code": ["1", "2", "9"],
            "opening": [10, 0, 10],
            "closing": [9, 3, 12],
            "decrease_changed_status": [1, 0, 1],
            "decrease_rose_above_near_poor_line": [1, 0, 0],
            "increase_changed_status": [1, 0, 1],
            "increase_re_poor": [0, 0, 0],
            "increase_newly": [0, 0, 0],
        }
    )
    current = pd.DataFrame(
        {
            "unit_code": ["1", "2", "9"],
            "unit_name": ["A", "B", "H"],
            "level": ["commune", "commune", "district"],
            "display_order": [1, 2, 0],
            "households": [100, 30, 130],
            "poor_rate": [9.0, 10.0, 12 / 1.3],
        }
    )
    goals = {
        "new_poor_percent": {"min": 0.3, "max": 0.5},
        "new_poor_households": {"min": 1, "max": 2},
    }
    table = target_attainment(targets, {"1": "1"}, flows, current, goals, {"code": "9"})
    status = table.set_index("unit_code")["status"].to_dict()
    assert status == {"1": "exits_met_offset_by_new_poor", "2": "no_plan", "9": "not_met"}
    row = table.set_index("unit_code").loc["1"]
    assert (row["exits"], row["net_reduction"], row["new_poor"]) == (2, 1, 1)
    assert row["planned_end_rate"] == pytest.approx(8.0) and not row["rate_met"]
    assert table.set_index("unit_code").at["9", "new_poor_position"] == "within"


def test_trends_on_an_older_geography_keep_the_reused_code_apart(registry):
    """19603 is Cam An in 2019 and Thanh An in 2020: on the 2019 units, Thanh An cannot be
    mapped and is keyed gso:19603, never added to Cam An."""

    def communes(codes, names, households):
        return pd.DataFrame(
            {
                "commune_code": codes,
                "commune_name": names,
                "display_order": range(len(codes)),
                "households": households,
                "persons": households,
                "poor": [1] * len(codes),
                "near_poor": [1] * len(codes),
            }
        )

    def district(households):
        return pd.DataFrame(
            [
                {
                    "district_code": "468",
                    "district_name": "Cam Lộ",
                    "households": households,
                    "persons": households,
                    "poor": 2,
                    "near_poor": 2,
                }
            ]
        )

    table = trend_table(
        {
            2019: communes(["19603", "19609"], ["Cam An", "Cam Thanh"], [1784, 851]),
            2020: communes(["19603"], ["Thanh An"], [2631]),
        },
        {2019: district(2635), 2020: district(2631)},
        {2019: unit_mapping(registry, 2019, 2019), 2020: unit_mapping(registry, 2020, 2019)},
        2019,
    )
    units = table[table["level"] == "commune"].set_index(["unit_code", "review_year"])
    assert units.at[("19603", 2019), "households"] == 1784
    assert ("19603", 2020) not in units.index
    assert units.at[("gso:19603", 2020), "households"] == 2631
    assert not units.at[("gso:19603", 2020), "mapped"]
    notes = geography_notes(table, "en")
    assert notes == [
        "Not mapped: Thanh An (19603) did not exist yet on 2019-12-31",
    ]


@pytest.mark.parametrize(
    "line, message",
    [
        (
            "gso,1,A,xã,rural,1,9,2020-01-01,2019-12-31,,1,",
            "valid_from 2020-01-01 is after valid_to",
        ),
        (
            "gso,1,A,xã,rural,1,9,,2019-12-31,gso:7,1,",
            "successor 'gso:7' is not a unit valid on 2020-01-01",
        ),
        ("gso,1,A,xã,rural,1,9,,,gso:2,1,", "a unit with a successor must have an end date"),
        ("gso,2,B2,xã,rural,1,9,2019-06-01,,,1,", "gso:2 is valid twice at once"),
    ],
)
def test_the_registry_refuses_impossible_dates_and_successors(tmp_path, line, message):
    header = SPLIT_REGISTRY.splitlines()[0]
    path = tmp_path / "communes.csv"
    path.write_text(f"{header}\ngso,2,B,xã,rural,1,9,2019-01-01,,,2,\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as error:
        load_registry(path)
    assert "communes.csv" in error.value.one_line()


def test_households_numbered_001_in_each_commune_are_followed_within_their_commune():
    """Communes that number their households 001, 002… share codes: each household is then
    followed by commune and code, so the same code in another commune a year later is
    another household (and a move between communes is a departure and an arrival); two
    old communes merged with the same code cannot be told apart."""
    previous = frame(
        [
            ("001", "1", "poor", 3),
            ("002", "1", "near_poor", 2),
            ("001", "2", "near_poor", 4),
            ("002", "2", "not_poor", 2),
            ("Z-9", "1", "poor", 1),
        ]
    )
    current = frame(
        [
            ("001", "1", "near_poor", 3),
            ("002", "1", "near_poor", 2),
            ("001", "2", "poor", 4),
            ("002", "2", "not_poor", 2),
            ("Z-9", "2", "poor", 1),  # in commune 2 now: not the household of commune 1
            ("081", "2", "poor", 2),  # 081 was commune 1's in 2018, this is commune 2's
        ]
    )
    previous = pd.concat([previous, frame([("081", "1", "poor", 5)])], ignore_index=True)
    table = flow_table(household_transitions(previous, current, {"1": "1", "2": "2"}, []), "9")
    assert table["identity_holds"].all()
    poor = table[(table["flow_group"] == "poor") & (table["measure"] == "households")]
    poor = poor.set_index("unit_code")
    assert poor.at["1", "decrease_changed_status"] == 1  # 1/001 became near-poor
    assert poor.at["2", "increase_changed_status"] == 1  # 2/001 came from near-poor
    assert poor.at["9", "increase_other"] == 2 and poor.at["9", "decrease_other"] == 2
    assert poor.at["1", "decrease_other"] == 2 and poor.at["2", "increase_other"] == 2

    # after a merger (1 and 2 into 3), the two 001 of the old communes cannot be matched
    merged = frame([("001", "3", "poor", 3), ("002", "3", "near_poor", 2)])
    table = flow_table(
        household_transitions(previous.iloc[:4], merged, {"1": "3", "2": "3"}, []), "9"
    )
    assert table["identity_holds"].all()
    poor = table[(table["flow_group"] == "poor") & (table["measure"] == "households")]
    row = poor.set_index("unit_code").loc["3"]
    assert (row["opening"], row["decrease_other"], row["increase_other"]) == (1, 1, 1)


def test_mapping_helpers_give_codes_notes_and_display_orders(split_registry):
    mapping = unit_mapping(split_registry, 2020, 2025)
    assert unit_codes(mapping) == {"100": "500", "200": "gso:200"}
    assert units_in(split_registry, 2018, 2020) == {"100": "100", "200": "200", "300": "100"}
    assert len(unmapped_notes(mapping)) == 1
    assert "split between new:500, new:600" in unmapped_notes(mapping)[0]
    assert unmapped_notes(unit_mapping(split_registry, 2018, 2020)) == []
    assert display_orders(split_registry, 2018) == {"100": 1, "200": 2, "300": 3}
    onto = mappings_onto(split_registry, [2018, 2020], 2025)
    assert list(onto) == [2018, 2020]
    assert onto[2018].equals(unit_mapping(split_registry, 2018, 2025))


def reviewed(year, rows, re_poor=None):
    return frame(rows, re_poor).assign(review_year=year)


def test_review_flows_follow_households_onto_the_later_units(split_registry):
    """Xã Ba (300) became part of Xã Một (100) in 2020: its households are followed there,
    and one poor in 2018 that is poor again in 2020 is re-poor from history."""
    earlier = [reviewed(2018, [("a", "100", "poor", 3), ("c", "300", "poor", 2)])]
    previous = reviewed(2019, [("a", "100", "poor", 3), ("c", "300", "not_poor", 2)])
    current = reviewed(2020, [("a", "100", "near_poor", 3), ("c", "100", "poor", 2)])
    keys, poor_before = keys_and_poor_before(earlier, previous, current, split_registry, 2020)
    assert [list(k) for k in keys] == [["a", "c"]] * 3
    assert list(poor_before) == ["a", "c"]
    mapping = unit_mapping(split_registry, 2019, 2020)
    district = {"code": "1", "name": "Huyện"}
    table = review_flows(previous, current, earlier, split_registry, mapping, district, 2020)
    assert table["identity_holds"].all()
    assert set(table["unit_code"]) == {"100", "1"}
    assert (table["review_year"] == 2020).all() and (table["previous_year"] == 2019).all()
    names = table.drop_duplicates("unit_code").set_index("unit_code")
    assert names.at["100", "unit_name"] == "Xã Một" and names.at["1", "unit_name"] == "Huyện"
    assert names.at["100", "display_order"] == 1 and names.at["1", "display_order"] == 999
    poor = district_poor_households(table)
    assert (poor["level"], poor["flow_group"], poor["measure"]) == (
        "district",
        "poor",
        "households",
    )
    assert (poor["opening"], poor["closing"]) == (1, 1)
    assert (poor["decrease_changed_status"], poor["increase_re_poor"]) == (1, 1)


def test_flow_unit_names_mark_a_unit_that_cannot_be_mapped(split_registry):
    mapping = unit_mapping(split_registry, 2020, 2025)
    names = flow_unit_names(split_registry, 2025, mapping, {"code": "1", "name": "Huyện"})
    assert names == {"500": "Xã Năm", "600": "Xã Sáu", "1": "Huyện", "gso:200": "Xã Hai (*)"}
    assert flow_unit_names(split_registry, 2025, mapping, {"code": "7"})["7"] == "7"


def test_plan_attainment_from_the_step_inputs(split_registry):
    plan = pd.DataFrame(
        {
            "review_year": [2019, 2019],
            "commune_code": ["100", "300"],
            "households": [60, 40],
            "poor": [6, 4],
            "target_reduction": [2, 1],
            "poor_end": [4, 3],
        }
    )
    parts = {
        "opening": 10,
        "closing": 6,
        "decrease_changed_status": 3,
        "decrease_rose_above_near_poor_line": 1,
        "increase_changed_status": 0,
        "increase_re_poor": 0,
        "increase_newly": 0,
    }
    flows = pd.DataFrame(
        [
            {"unit_code": unit, "flow_group": group, "measure": measure, **parts}
            for unit in ("100", "1")
            for group in ("poor", "near_poor")
            for measure in ("households", "persons")
        ]
    )
    poor = poor_household_flows(flows)
    assert len(poor) == 2 and set(poor["flow_group"]) == {"poor"}
    assert set(poor["measure"]) == {"households"}
    communes = pd.DataFrame(
        {
            "commune_code": ["100"],
            "commune_name": ["Xã Một"],
            "display_order": [1],
            "households": [100],
            "poor": [6],
            "poor_rate": [6.0],
        }
    )
    totals = pd.Series(
        {"district_code": "1", "district_name": "Huyện", "households": 100, "poor_rate": 6.0}
    )
    units = units_with_district(communes, totals)
    assert units.to_dict("records")[-1] == {
        "unit_code": "1",
        "unit_name": "Huyện",
        "level": "district",
        "display_order": 0,
        "households": 100,
        "poor_rate": 6.0,
    }
    assert judged_plan_review_year(plan, 2020, "targets.parquet") == 2019
    with pytest.raises(DataError, match="must be the one made from review 2020, not 2019"):
        judged_plan_review_year(plan, 2021, "targets.parquet")
    mapping = unit_mapping(split_registry, 2019, 2020)
    table = plan_attainment(plan, mapping, flows, communes, totals, {}, {"code": "1"}, 2020)
    assert table.equals(
        target_attainment(plan, unit_codes(mapping), poor, units, {}, {"code": "1"}).assign(
            review_year=2020, plan_review_year=2019, plan_year=2020
        )
    )
    row = table.set_index("unit_code").loc["100"]
    assert (row["households_at_plan"], row["target_reduction"], row["exits"]) == (100, 3, 4)
    assert row["status"] == "met"
    assert commune_statuses(table) == {"met": 1}


def test_trend_notes_and_units(split_registry):
    communes, district = two_communes_and_their_district()
    mappings = mappings_onto(split_registry, [2019, 2020], 2025)
    table = trend_table(
        {2019: communes, 2020: communes}, {2019: district, 2020: district}, mappings, 2025
    )
    notes = unmapped_unit_notes(table)
    assert len(notes) == 1 and "split between new:500, new:600" in notes[0]
    assert unit_count(table) == 2
