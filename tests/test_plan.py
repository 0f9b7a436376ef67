"""Aggregation, target policies and allocation, goal checks, the plan table."""

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from povertyplan.compute.aggregate import commune_counts, district_totals
from povertyplan.compute.targets import allocate_largest_remainder, commune_targets, plan_goals
from povertyplan.core.errors import ConfigError
from povertyplan.core.numbers import format_vn_decimal, format_vn_integer
from povertyplan.present.tables import (
    format_plan_table,
    plan_table,
    write_plan_table_xlsx,
)
from povertyplan.read.registry import review_date, units_valid_on

GOALS = {
    "reduction_points": {"min": 0.5, "max": 1.0},
    "new_poor_percent": {"min": 0.3, "max": 0.5},
    "new_poor_households": {"min": 30, "max": 40},
}


def households(rows):
    frame = pd.DataFrame(
        rows, columns=["commune_code", "status", "can_exit", "ethnic_minority", "members"]
    )
    frame["review_year"] = 2018
    return frame


@pytest.fixture
def communes(registry):
    rows = (
        [("19600", "poor", True, True, 3)] * 2
        + [("19600", "poor", False, False, 1)] * 3
        + [("19600", "near_poor", False, True, 4)]
        + [("19600", "not_poor", False, False, 5)] * 4
        + [("19612", "poor", True, False, 2)]
        + [("19612", "not_poor", False, True, 2)] * 9
    )
    return commune_counts(households(rows), units_valid_on(registry, review_date(2018)))


def test_commune_counts_use_recorded_status_and_can_exit(communes):
    tuyen = communes.set_index("commune_code").loc["19600"]
    assert tuyen["commune_name"] == "Cam Tuyền"
    assert (tuyen["households"], tuyen["persons"], tuyen["poor"], tuyen["near_poor"]) == (
        10,
        33,
        5,
        1,
    )
    assert (tuyen["poor_targeted"], tuyen["poor_hardcore"]) == (2, 3)
    assert (
        tuyen["ethnic_minority"],
        tuyen["poor_ethnic_minority"],
        tuyen["near_poor_ethnic_minority"],
    ) == (3, 2, 1)
    assert tuyen["poor_rate"] == pytest.approx(50.0)
    assert communes["commune_code"].tolist() == ["19600", "19612"]  # registry display order


def test_district_is_the_sum_of_communes(communes):
    district = district_totals(communes, {"code": "468", "name": "Cam Lộ"}).iloc[0]
    assert (district["households"], district["poor"], district["poor_targeted"]) == (20, 6, 3)
    assert district["poor_rate"] == pytest.approx(30.0)
    assert district["ethnic_minority_rate"] == pytest.approx(60.0)


def test_default_policy_targets_the_can_exit_households(communes):
    targets = commune_targets(communes, {"policy": "can_exit"}, 2019)
    assert targets["target_reduction"].tolist() == targets["poor_targeted"].tolist() == [2, 1]
    assert targets["poor_end"].tolist() == targets["poor_hardcore"].tolist() == [3, 0]
    assert (targets["plan_year"] == 2019).all()


def test_proportional_policy_allocates_whole_households_summing_to_the_district_target(communes):
    targets = commune_targets(
        communes, {"policy": "proportional", "district_reduction": {"households": 3}}, 2019
    )
    # quotas 3 × 5/6 = 2.5 and 3 × 1/6 = 0.5; equal remainders go to the larger weight
    assert targets["target_reduction"].tolist() == [3, 0]
    by_points = commune_targets(
        communes, {"policy": "proportional", "district_reduction": {"points": 10}}, 2019
    )
    assert by_points["target_reduction"].sum() == 2  # 10 points of 20 households


def test_a_district_target_above_the_poor_is_refused(communes):
    with pytest.raises(ConfigError, match="outside 0..6"):
        commune_targets(
            communes, {"policy": "proportional", "district_reduction": {"households": 7}}, 2019
        )


def test_allocation_ties_and_remainders():
    weights = pd.Series([1, 1, 1], index=["c", "a", "b"])
    # equal remainders and weights: the first positions win
    assert allocate_largest_remainder(2, weights).tolist() == [1, 1, 0]
    assert allocate_largest_remainder(7, pd.Series([5, 3, 2])).tolist() == [
        4,
        2,
        1,
    ]  # 3.5, 2.1, 1.4
    assert allocate_largest_remainder(0, pd.Series([5, 3])).tolist() == [0, 0]


@given(
    st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=30),
    st.floats(min_value=0, max_value=1),
)
def test_allocation_sums_to_the_total_and_stays_within_quota(weights, share):
    weights = pd.Series(weights)
    total = int(share * weights.sum())
    result = allocate_largest_remainder(total, weights)
    assert result.sum() == total
    assert (result <= weights).all() and (result >= 0).all()
    if weights.sum():
        quota = weights * total / weights.sum()
        assert ((result - quota).abs() < 1).all()


def test_goals_say_whether_the_target_is_in_the_band_and_the_new_poor_ranges_agree():
    targets = pd.DataFrame(
        {
            "review_year": [2018],
            "plan_year": [2019],
            "target_policy": ["can_exit"],
            "households": [14653],
            "poor": [609],
            "target_reduction": [82],
        }
    )
    goals = plan_goals(targets, GOALS).iloc[0]
    assert goals["target_reduction_rate"] == pytest.approx(0.5596, abs=1e-4)
    assert goals["target_within_band"]
    assert goals["new_poor_percent_as_households_min"] == pytest.approx(43.959)
    assert not goals["new_poor_ranges_agree"]  # 30-40 households vs 44-73 households
    wide = dict(GOALS, new_poor_households={"min": 30, "max": 50})
    assert plan_goals(targets, wide).iloc[0]["new_poor_ranges_agree"]
    small = targets.assign(target_reduction=[50])
    assert not plan_goals(small, GOALS).iloc[0]["target_within_band"]


def test_vietnamese_number_format():
    assert format_vn_integer(14653) == "14.653"
    assert format_vn_integer(853) == "853"
    assert format_vn_integer(1234567) == "1.234.567"
    assert format_vn_decimal(Decimal("9.92")) == "9,92"
    assert format_vn_decimal(0.5, 1) == "0,5"
    assert format_vn_decimal(1411.5) == "1.411,50"


def test_plan_table_layout_and_total(communes, tmp_path):
    targets = commune_targets(communes, {"policy": "can_exit"}, 2019)
    table = plan_table(targets)
    assert table["don_vi"].tolist() == ["Cam Tuyền", "Cam Thành", "TỔNG CỘNG"]
    total = table.iloc[-1]
    assert (
        total["dan_so_ho"],
        total["ho_ngheo"],
        total["ho_giam"],
        total["ho_ngheo_cuoi_nam"],
    ) == (20, 6, 3, 3)
    assert total["ty_le"] == Decimal("30.00") and total["ty_le_cuoi_nam"] == Decimal("15.00")
    printed = format_plan_table(table)
    assert printed.iloc[0]["ty_le"] == "50,00"
    path = tmp_path / "t.xlsx"
    write_plan_table_xlsx(table, path, 2019, "Cam Lộ")
    sheet = load_workbook(path).active
    assert sheet["C3"].value == "Hộ nghèo 2019" and "C3:E3" in {
        str(r) for r in sheet.merged_cells.ranges
    }
    assert [sheet.cell(row=5, column=c).value for c in (1, 2, 3, 12, 13)] == [
        "A",
        "B",
        "I",
        "10=2-8",
        "11=3-9",
    ]
    assert (
        sheet["B8"].value == "TỔNG CỘNG" and sheet["C8"].value == 20 and sheet["E6"].value == 50.0
    )
    first = path.read_bytes()
    write_plan_table_xlsx(table, path, 2019, "Cam Lộ")
    assert path.read_bytes() == first  # deterministic workbook


def test_registry_communes_without_households_are_named():
    from povertyplan.compute.aggregate import communes_without_households

    units = pd.DataFrame(
        {"code": ["1", "2", "3", "9"], "district_code": ["468", "468", "468", "469"]}
    )
    by_commune = pd.DataFrame({"commune_code": ["2"]})
    assert communes_without_households(units, by_commune, "468") == ["1", "3"]
