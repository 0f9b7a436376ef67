"""Deprivation tables and the Alkire-Foster measures."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from povertyplan.compute.deprivation import (
    af_measures,
    alkire_foster,
    deprivation_table,
    group_breakdown,
    weights_for,
)
from povertyplan.compute.standards import standard_for_year

STANDARD = standard_for_year(Path(__file__).resolve().parents[1] / "config" / "standards", 2018)


def test_the_worked_example_of_alkire_and_foster_2011():
    """Alkire, S. and Foster, J. (2011), "Counting and multidimensional poverty
    measurement", Journal of Public Economics 95(7-8), 476-487, section 4: four persons,
    four equally weighted dimensions, deprivation matrix g0 below, cutoff k = 2 of 4.
    The paper gives H = 1/2, A = 3/4, M0 = 3/8 = 0.375."""
    g0 = pd.DataFrame(
        [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]], columns=["d1", "d2", "d3", "d4"]
    )
    weights = pd.Series(0.25, index=g0.columns)
    result = alkire_foster(g0, weights, k=0.5)
    assert (result["H"], result["A"], result["M0"]) == (0.5, 0.75, 0.375)
    assert result["uncensored"].tolist() == [0.25, 0.75, 0.25, 0.5]
    assert result["censored"].tolist() == [0.25, 0.5, 0.25, 0.5]
    assert result["contribution_percent"].round(2).tolist() == [16.67, 33.33, 16.67, 33.33]


def test_nested_weights_give_each_dimension_an_equal_share():
    weights = weights_for(STANDARD)
    assert weights.sum() == pytest.approx(1.0)
    assert weights["dep_health_access"] == pytest.approx(0.1)  # 5 dimensions, 2 indicators each
    assert weights_for(STANDARD, "equal").tolist() == [0.1] * 10


MATRICES = arrays(
    np.int8, st.tuples(st.integers(1, 40), st.integers(1, 8)), elements=st.integers(0, 1)
)


@settings(max_examples=200, deadline=None)
@given(
    matrix=MATRICES,
    raw_weights=st.lists(st.floats(0.05, 1), min_size=8, max_size=8),
    k=st.floats(0.01, 1),
)
def test_af_invariants(matrix, raw_weights, k):
    frame = pd.DataFrame(matrix, columns=[f"i{j}" for j in range(matrix.shape[1])])
    weights = pd.Series(raw_weights[: matrix.shape[1]], index=frame.columns)
    weights = weights / weights.sum()
    result = alkire_foster(frame, weights, k)
    assert result["M0"] == pytest.approx(result["H"] * result["A"])
    assert result["M0"] == pytest.approx(float((weights * result["censored"]).sum()))
    assert (result["censored"] <= result["uncensored"] + 1e-12).all()
    if result["M0"] > 0:
        assert result["contribution_percent"].sum() == pytest.approx(100.0)
    # subgroup decomposition: M0 is the population-weighted mean of the subgroups' M0
    half = len(frame) // 2
    if 0 < half < len(frame):
        first, second = (
            alkire_foster(frame.iloc[:half], weights, k),
            alkire_foster(frame.iloc[half:], weights, k),
        )
        mixed = (half * first["M0"] + (len(frame) - half) * second["M0"]) / len(frame)
        assert mixed == pytest.approx(result["M0"])
        mixed_h = (half * first["H"] + (len(frame) - half) * second["H"]) / len(frame)
        assert mixed_h == pytest.approx(result["H"])


def households():
    rows = [
        # commune, status, members, workers, ethnicity, minority, area, deprived indicators
        ("19600", "poor", 3, 0, "Vân Kiều", True, "rural", ["dep_health_insurance", "dep_latrine"]),
        ("19600", "poor", 2, 1, "Kinh", False, "rural", ["dep_latrine"]),
        ("19600", "near_poor", 4, 2, "Kinh", False, "rural", []),
        ("19600", "not_poor", 5, 3, "Kinh", False, "rural", ["dep_latrine"]),
        ("19597", "poor", 1, 0, "Kinh", False, "urban", ["dep_housing_quality"]),
    ]
    frame = pd.DataFrame(
        [r[:7] for r in rows],
        columns=[
            "commune_code",
            "status",
            "members",
            "workers",
            "ethnicity",
            "ethnic_minority",
            "area",
        ],
    )
    for name in STANDARD.indicators:
        frame[name] = [name in r[7] for r in rows]
    frame["review_year"] = 2018
    frame["merit"] = pd.NA
    frame["social_protection"] = pd.NA
    frame["head_female"] = pd.NA
    frame["cause"] = ["Thiếu vốn", "", "", "", "Ốm đau"]
    return frame


def test_deprivation_counts_and_rates_among_the_poor_and_near_poor():
    table = deprivation_table(households(), STANDARD, "468").set_index(
        ["unit_code", "status", "indicator"]
    )
    latrine = table.loc[("19600", "poor", "dep_latrine")]
    assert (latrine["households"], latrine["households_deprived"], latrine["households_rate"]) == (
        2,
        2,
        100.0,
    )
    assert (latrine["persons"], latrine["persons_deprived"]) == (5, 5)
    insurance = table.loc[("468", "poor", "dep_health_insurance")]
    assert (
        insurance["households"],
        insurance["households_deprived"],
        insurance["persons_deprived"],
    ) == (3, 1, 3)
    assert table.loc[("468", "poor", "all_indicators"), "households_deprived"] == 4
    assert table.loc[("19600", "near_poor", "all_indicators"), "households_deprived"] == 0
    assert "not_poor" not in table.index.get_level_values("status")


def test_group_breakdowns_by_block_and_not_reported_groups():
    table = group_breakdown(households(), "468").set_index(
        ["unit_code", "block", "status", "breakdown", "category"]
    )
    assert table.loc[("468", "total", "poor", "group", "no_labour"), "households"] == 2
    assert table.loc[("468", "urban", "poor", "group", "no_labour"), "persons"] == 1
    assert table.loc[("19600", "rural", "poor", "group", "ethnic_minority"), "households"] == 1
    for group in ("merit", "social_protection", "head_female"):  # each group's own "not reported"
        assert (
            table.loc[("468", "total", "poor", "group", f"not_reported:{group}"), "households"] == 3
        )
    assert table.loc[("468", "total", "poor", "ethnicity", "Vân Kiều"), "households"] == 1
    assert table.loc[("468", "total", "poor", "cause", "not_reported"), "households"] == 1


def test_af_measures_per_commune_decompose_the_district():
    table = af_measures(households(), STANDARD, "468", k=0.1)
    m0 = table[table["measure"] == "M0"].set_index("unit_code")["value"]
    shares = table[table["measure"] == "households"].set_index("unit_code")["value"]
    assert m0["468"] == pytest.approx(
        (shares["19600"] * m0["19600"] + shares["19597"] * m0["19597"]) / shares["468"]
    )
    parts = table[table["measure"] == "contribution_to_district_percent"]["value"]
    assert parts.sum() == pytest.approx(100.0)


def test_weights_and_cutoffs_of_both_views_and_the_district_share_formula():
    from dataclasses import replace

    uneven = replace(
        STANDARD,
        indicators=("a", "b", "c"),
        dimensions={"a": "health", "b": "health", "c": "education"},
    )
    assert weights_for(uneven).to_dict() == {"a": 0.25, "b": 0.25, "c": 0.5}  # nested
    assert weights_for(uneven, "equal").to_dict() == pytest.approx(
        {"a": 1 / 3, "b": 1 / 3, "c": 1 / 3}
    )
    frame = households()
    equal = af_measures(frame, STANDARD, "468", "equal")
    assert set(equal["k"]) == {0.3}  # official view: 3 of the 10 indicators
    nested = af_measures(frame, STANDARD, "468", k=0.1)
    value = nested.set_index(["unit_code", "measure"])["value"]
    share = value[("19600", "households")] / value[("468", "households")]
    expected = 100 * share * value[("19600", "M0")] / value[("468", "M0")]
    assert value[("19600", "contribution_to_district_percent")] == pytest.approx(expected)


def test_indicators_the_files_do_not_report_are_left_out():
    frame = households()
    frame["dep_telecom"] = pd.NA  # the files had no such column
    table = deprivation_table(frame, STANDARD, "468")
    assert "dep_telecom" not in set(table["indicator"])
    equal = af_measures(frame, STANDARD, "468", "equal")
    assert equal["k"].unique().tolist() == pytest.approx([3 / 9])
    assert "dep_telecom" not in set(equal["indicator"])
