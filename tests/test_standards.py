"""Poverty standards as data, and the status they imply for each household."""

from pathlib import Path

import pandas as pd
import pytest

from povertyplan.compute.standards import (
    derive_status,
    load_standard,
    mismatches,
    standard_for_year,
)
from povertyplan.core.errors import ConfigError

STANDARDS = Path(__file__).resolve().parents[1] / "config" / "standards"


def test_the_standard_is_chosen_by_review_year_or_named():
    assert standard_for_year(STANDARDS, 2018).id == "2016-2021"
    assert (
        standard_for_year(STANDARDS, 2021).id == "2022-2026"
    )  # the end-2021 review sets 2022's plan
    assert standard_for_year(STANDARDS, 2023).id == "2022-2026"
    assert standard_for_year(STANDARDS, 2026).id == "2027-2030"
    assert standard_for_year(STANDARDS, 2018, "2022-2026").id == "2022-2026"
    with pytest.raises(ConfigError, match="no single poverty standard for the review of 2040"):
        standard_for_year(STANDARDS, 2040)


def test_standards_carry_their_lines_rule_indicators_and_what_is_unverified():
    old = standard_for_year(STANDARDS, 2018)
    assert (old.rule, old.threshold, len(old.indicators)) == ("or", 3, 10)
    assert old.lines == {"rural": (700_000, 1_000_000), "urban": (900_000, 1_300_000)}
    assert old.unverified == ()
    new = standard_for_year(STANDARDS, 2023)
    assert (new.rule, len(new.indicators), new.lines["rural"]) == (
        "and",
        12,
        (1_500_000, 1_500_000),
    )
    assert set(new.unverified) == {"score_b1.rural", "score_b1.urban"}
    assert "indicators" in standard_for_year(STANDARDS, 2028).unverified


def households(rows, indicators):
    frame = pd.DataFrame(
        rows, columns=["household_id", "area", "income", "score_b1", "deprived", "status"]
    )
    for number, name in enumerate(indicators):
        frame[name] = frame["deprived"].map(lambda n, k=number: None if pd.isna(n) else k < n)
    frame["review_year"] = 2018
    frame["commune_code"] = "19600"
    return frame.drop(columns="deprived")


def test_the_2016_standard_is_an_or_rule_with_rural_and_urban_lines():
    standard = standard_for_year(STANDARDS, 2018)
    rows = [
        ("a", "rural", 700_000, None, 0, "poor"),  # at the poor line: poor
        ("b", "rural", 800_000, None, 3, "poor"),  # between the lines, 3 deprivations: poor
        ("c", "rural", 800_000, None, 2, "near_poor"),  # between, 2: near-poor
        ("d", "rural", 1_000_001, None, 6, "not_poor"),  # above the near-poor line: not poor
        ("e", "urban", 850_000, None, 0, "poor"),  # urban poor line is 900.000
        (
            "f",
            "urban",
            1_200_000,
            None,
            1,
            "poor",
        ),  # urban between the lines: near-poor, recorded poor
        ("g", "rural", None, None, 1, "poor"),  # no income: cannot be derived
        ("h", "rural", 500_000, None, None, "poor"),  # no indicator, but under the poor line: poor
        ("i", "rural", 800_000, None, None, "poor"),  # between the lines, no indicator: undecided
        ("j", "rural", 1_000_000, None, 2, "near_poor"),  # at the near-poor line: near-poor
        ("k", "urban", 1_300_000, None, 2, "near_poor"),  # at the urban near-poor line
        ("l", "urban", 1_300_001, None, 2, "not_poor"),
        ("m", None, 500_000, None, 1, "poor"),  # no area: no line
    ]
    derived = derive_status(households(rows, standard.indicators), standard)
    assert derived["derived_status"].tolist() == [
        "poor", "poor", "near_poor", "not_poor", "poor", "near_poor", "unknown", "poor", "unknown",
        "near_poor", "near_poor", "not_poor", "unknown",
    ]  # fmt: skip
    found = mismatches(derived, standard).set_index("household_id")
    assert found["reason"].to_dict() == {
        "f": "recorded_poor_derived_near_poor",
        "g": "missing_inputs",
        "i": "missing_inputs",
        "m": "missing_inputs",
    }
    assert found.loc["f", "message_vi"] == (
        "ghi là hộ nghèo, nhưng thu nhập 1.200.000 đ cao hơn chuẩn nghèo và chỉ thiếu hụt 1 chỉ số (dưới 3): hộ cận nghèo"
    )


def test_blank_indicator_cells_decide_nothing_and_absent_columns_are_not_zeros():
    standard = standard_for_year(STANDARDS, 2018)
    rows = [("a", "rural", 800_000, None, 2, "poor")]  # two deprivations, eight more unknown
    frame = households(rows, standard.indicators)
    for name in standard.indicators[2:]:
        frame[name] = pd.array([None], dtype="boolean")
    assert derive_status(frame, standard)["derived_status"].tolist() == ["unknown"]
    # a 2022 review read from files with the ten 2016 indicators: three are absent
    new = standard_for_year(STANDARDS, 2023)
    rows = [
        ("b", "rural", 1_400_000, None, 3, "poor"),
        ("c", "rural", 1_400_000, None, 1, "near_poor"),
    ]
    frame = households(
        rows,
        [
            c
            for c in new.indicators
            if c not in ("dep_employment", "dep_dependants", "dep_nutrition")
        ],
    )
    derived = derive_status(frame, new)
    assert derived["derived_status"].tolist() == [
        "poor",
        "unknown",
    ]  # 1 known + 3 absent may reach 3


def test_an_unknown_recorded_status_does_not_break_the_mismatch_table():
    standard = standard_for_year(STANDARDS, 2018)
    frame = households([("a", "rural", 500_000, None, 0, None)], standard.indicators)
    found = mismatches(derive_status(frame, standard), standard)
    assert found["reason"].tolist() == ["recorded_unknown_derived_poor"]


def test_the_2022_standard_is_an_and_rule_and_reads_b1_scores():
    standard = standard_for_year(STANDARDS, 2023)
    rows = [
        ("a", "rural", 1_500_000, None, 3, "poor"),  # at the line and 3 deprivations: poor
        ("b", "rural", 1_400_000, None, 2, "near_poor"),  # under the line, 2: near-poor
        ("c", "rural", 1_600_000, None, 9, "not_poor"),  # above the line: not poor, whatever else
        ("d", "urban", None, 170, 4, "poor"),  # no income, B1 170 ≤ 175 (urban): poor
        ("e", "rural", None, 150, 4, "poor"),  # B1 150 > 140 (rural): not poor
    ]
    derived = derive_status(households(rows, standard.indicators), standard)
    assert derived["derived_status"].tolist() == [
        "poor",
        "near_poor",
        "not_poor",
        "poor",
        "not_poor",
    ]
    assert mismatches(derived, standard)["household_id"].tolist() == ["e"]


def test_an_incomplete_standard_file_is_refused_in_one_line(tmp_path):
    (tmp_path / "x.yaml").write_text("id: x\nname: x\nrule: or\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"x.yaml: the top level lacks the key 'review_years'"):
        load_standard(tmp_path / "x.yaml")


def test_an_indicator_header_added_to_a_standard_file_is_read(tmp_path):
    import shutil

    from povertyplan.read.columns import load_column_spec

    config = tmp_path / "config"
    shutil.copytree(STANDARDS.parent, config)
    path = config / "standards" / "2016-2021.yaml"
    text = path.read_text(encoding="utf-8").replace(
        'headers: ["Bảo hiểm y tế", "BHYT"]', 'headers: ["Bảo hiểm y tế", "Thiếu thẻ BHYT"]'
    )
    path.write_text(text, encoding="utf-8")
    spec = load_column_spec(config / "columns.yaml")
    assert spec.field_for_header("Thiếu thẻ BHYT") == "dep_health_insurance"
    assert spec.field_for_header("Dinh dưỡng") == "dep_nutrition"  # a 2022 indicator


def test_income_factors_follow_each_files_unit():
    from povertyplan.compute.standards import income_factors

    ledger = pd.DataFrame(
        {"source_file": ["a.csv", "b.xlsx"], "income_unit": ["thousand_dong", "dong"]}
    )
    files = pd.Series(["b.xlsx", "a.csv", "a.csv", "c.csv"])
    assert income_factors(files, ledger).tolist() == [1, 1000, 1000, 1]
