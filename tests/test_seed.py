"""The embedded example reproduces the seed plan (Cam Lộ, plan for 2019), number by number.

The seed's commune table is transcribed, as printed, in tests/data/plan-2019-commune-table.csv
(a copy of shared/seed/). Every count must match exactly. Every printed rate is compared
with the half-up rounding of the rate recomputed from the households; the cells where the
printed plan differs are listed explicitly below, with the printed and recomputed value.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from povertyplan.compute import datasets
from povertyplan.core.numbers import format_vn_decimal
from povertyplan.core.rates import rate_half_up
from povertyplan.pipeline import steps
from povertyplan.read.registry import commune_lookup, resolve_communes, review_date

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw" / "2018"
SEED_TABLE = Path(__file__).parent / "data" / "plan-2019-commune-table.csv"
DISTRICT = {"code": "468", "name": "Cam Lộ", "province_name": "Quảng Trị"}
GOALS = {
    "reduction_points": {"min": 0.5, "max": 1.0},
    "new_poor_percent": {"min": 0.3, "max": 0.5},
    "new_poor_households": {"min": 30, "max": 40},
}

COUNTS = {  # seed column -> targets.parquet column
    "dan_so_ho": "households",
    "ho_ngheo": "poor",
    "ho_cs_gn": "poor_targeted",
    "hn_cung": "poor_hardcore",
    "ho_giam": "target_reduction",
    "ho_ngheo_cuoi_nam": "poor_end",
}
RATES = {  # seed rate column -> its count column
    "ty_le": "poor",
    "ty_le_cs_gn": "poor_targeted",
    "ty_le_hn_cung": "poor_hardcore",
    "ty_le_giam": "target_reduction",
    "ty_le_cuoi_nam": "poor_end",
}
# Printed cells that differ from the half-up rounding of the recomputed rate:
# (unit as printed, column) -> (printed, recomputed). All are truncations.
PRINTED_DIFFERENCES = {
    ("CAM THUY", "ty_le_cs_gn"): ("1,10", "1,11"),  # 16 / 1446 = 1,1065 %
    ("CAM THUY", "ty_le_hn_cung"): ("3,45", "3,46"),  # 50 / 1446 = 3,4578 %
    ("CAM THUY", "ty_le_giam"): ("1,10", "1,11"),
    ("CAM THUY", "ty_le_cuoi_nam"): ("3,45", "3,46"),
    ("TỔNG CỘNG", "ty_le_hn_cung"): ("3,59", "3,60"),  # 527 / 14653 = 3,5965 %
}
# Section I of the plan: figure -> (count, printed share of all households)
HEADLINE = {
    "households": (14653, None),
    "ethnic_minority": (80, "0,54"),  # 80 / 14653 = 0,546 %: printed truncated, half-up is 0,55
    "poor": (609, "4,16"),
    "near_poor": (720, "4,91"),
    "poor_ethnic_minority": (50, "0,34"),
    "near_poor_ethnic_minority": (24, "0,16"),
}
HEADLINE_DIFFERENCES = {"ethnic_minority": ("0,54", "0,55")}


def vn_int(text: str) -> int:
    return int(text.replace(".", ""))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Run the pipeline's steps on data/raw/2018 (what `make run` runs, without Snakemake)."""
    out = tmp_path_factory.mktemp("seed")
    registry, columns = str(REPO / "config" / "communes.csv"), str(REPO / "config" / "columns.yaml")
    steps.clean_year(
        [str(raw) for raw in sorted(RAW.iterdir())],
        registry,
        columns,
        2018,
        str(out / "cache"),
        str(out / "households.parquet"),
        str(out / "rejects.parquet"),
        str(out / "ledger.parquet"),
    )
    steps.aggregate(
        str(out / "households.parquet"),
        registry,
        DISTRICT,
        2018,
        str(out / "communes.parquet"),
        str(out / "district.parquet"),
    )
    steps.targets(
        str(out / "communes.parquet"),
        {"policy": "can_exit"},
        GOALS,
        2018,
        str(out / "targets.parquet"),
        str(out / "goals.parquet"),
    )
    return {
        name: datasets.read_parquet(out / f"{name}.parquet")
        for name in ("households", "rejects", "ledger", "communes", "district", "targets", "goals")
    }


@pytest.fixture(scope="module")
def seed(registry):
    table = pd.read_csv(SEED_TABLE, dtype=str, keep_default_na=False)
    communes = table[table["tt"] != ""].copy()
    communes["commune_code"] = resolve_communes(
        communes["don_vi"], commune_lookup(registry, review_date(2018))
    )
    return communes, table[table["tt"] == ""].iloc[0]


def test_nothing_is_rejected_and_the_ledger_balances(built):
    ledger = built["ledger"]
    assert len(ledger) == 9
    assert ledger["rows_read"].sum() == 14653 == ledger["rows_kept"].sum()
    assert built["rejects"].empty


def test_every_commune_count_matches_the_seed(built, seed):
    communes, _ = seed
    assert communes["commune_code"].notna().all()
    targets = built["targets"].set_index("commune_code")
    assert sorted(targets.index) == sorted(communes["commune_code"])
    for row in communes.itertuples(index=False):
        for printed, column in COUNTS.items():
            assert int(targets.at[row.commune_code, column]) == vn_int(getattr(row, printed)), (
                row.don_vi,
                printed,
            )


def test_every_total_count_matches_the_seed(built, seed):
    _, total = seed
    targets = built["targets"]
    for printed, column in COUNTS.items():
        assert int(targets[column].sum()) == vn_int(total[printed]), printed


def recomputed_rates(counts: dict[str, int]) -> dict[str, str]:
    return {
        col: format_vn_decimal(rate_half_up(counts[count], counts["households"]))
        for col, count in RATES.items()
    }


def test_every_printed_rate_is_the_half_up_rate_except_the_listed_cells(built, seed):
    communes, total = seed
    targets = built["targets"].set_index("commune_code")
    differing = {}
    rows = [
        (row.don_vi, row._asdict(), targets.loc[row.commune_code])
        for row in communes.itertuples(index=False)
    ]
    rows.append((total["don_vi"], total.to_dict(), targets.sum(numeric_only=True)))
    for unit, printed, ours in rows:
        counts = {column: int(ours[column]) for column in COUNTS.values()}
        for column, value in recomputed_rates(counts).items():
            if printed[column] != value:
                differing[(unit, column)] = (printed[column], value)
    assert differing == PRINTED_DIFFERENCES


def test_the_table_written_by_the_pipeline_differs_from_the_seed_only_in_those_cells(built, seed):
    from povertyplan.present.tables import format_plan_table, plan_table

    ours = format_plan_table(plan_table(built["targets"]))
    printed = pd.read_csv(SEED_TABLE, dtype=str, keep_default_na=False)
    communes, _ = seed
    code_of = dict(zip(communes["don_vi"], communes["commune_code"], strict=True))
    ours = ours.assign(
        code=[*built["targets"].sort_values("display_order")["commune_code"], "total"]
    )
    printed = printed.assign(code=[code_of.get(u, "total") for u in printed["don_vi"]])
    merged = printed.merge(ours, on="code", suffixes=("_printed", "_ours"))
    assert len(merged) == 10 and (merged["tt_printed"] == merged["tt_ours"]).all()  # same order
    differing = {}
    for row in merged.itertuples(index=False):
        row = row._asdict()
        for column in [*COUNTS, *RATES]:
            if row[f"{column}_printed"] != row[f"{column}_ours"]:
                differing[(row["don_vi_printed"], column)] = (
                    row[f"{column}_printed"],
                    row[f"{column}_ours"],
                )
    assert differing == PRINTED_DIFFERENCES


def test_headline_figures_of_section_one(built):
    district = built["district"].iloc[0]
    households = int(district["households"])
    differing = {}
    for column, (count, printed_share) in HEADLINE.items():
        assert int(district[column]) == count, column
        if printed_share is not None:
            ours = format_vn_decimal(rate_half_up(count, households))
            assert Decimal(district[f"{column}_rate"]).quantize(Decimal("0.01")) == Decimal(
                ours.replace(",", ".")
            )
            if ours != printed_share:
                differing[column] = (printed_share, ours)
    assert differing == HEADLINE_DIFFERENCES


def test_goals_of_section_three(built):
    goals = built["goals"].iloc[0]
    assert goals["target_reduction"] == 82
    assert format_vn_decimal(rate_half_up(82, 14653)) == "0,56"  # "giảm 0,56% hộ nghèo (82 hộ)"
    assert goals["target_within_band"]  # 0,5 - 1 point
    assert not goals["new_poor_ranges_agree"]  # 30-40 households vs 0,3-0,5 % = 44-73 households


def test_the_planted_mismatches_and_only_they_are_found(built, tmp_path, spec):
    """The example carries six households whose income and deprivations contradict their
    recorded status (the generator plants them); the classification check finds exactly
    those, with the reason the planted change implies."""
    from povertyplan_dev.generate import CAM_LO_2018, truth

    out = {name: str(tmp_path / f"{name}.parquet") for name in ("classification", "mismatches")}
    built_households = tmp_path / "households.parquet"
    schema = datasets.households_schema(spec.indicators)
    datasets.write_parquet(built["households"], schema, built_households)
    steps.classify(
        str(built_households),
        str(REPO / "config" / "standards"),
        "auto",
        2018,
        out["classification"],
        out["mismatches"],
    )
    found = datasets.read_parquet(out["mismatches"]).set_index("household_id")["reason"].to_dict()
    planted = truth(CAM_LO_2018, 2018).query("planted != ''")
    expected_reason = {
        "income_above_near_poor_line": "recorded_poor_derived_not_poor",
        "many_deprivations": "recorded_near_poor_derived_poor",
        "income_below_poor_line": "recorded_not_poor_derived_poor",
        "between_lines_few_deprivations": "recorded_poor_derived_near_poor",
    }
    assert found == {row.household_id: expected_reason[row.planted] for row in planted.itertuples()}
    assert len(found) == 6


# The reconciliation of the published plan (config/published/) must find exactly these
# differences, and nothing else: (section, unit as printed, column, printed, recomputed,
# finding).
PUBLISHED_DISCREPANCIES = {
    ("headline", "ethnic_minority", "share", "0,54", "0,55", "truncated"),
    ("commune_table", "CAM THUY", "ty_le_cs_gn", "1,10", "1,11", "truncated"),
    ("commune_table", "CAM THUY", "ty_le_hn_cung", "3,45", "3,46", "truncated"),
    ("commune_table", "CAM THUY", "ty_le_giam", "1,10", "1,11", "truncated"),
    ("commune_table", "CAM THUY", "ty_le_cuoi_nam", "3,45", "3,46", "truncated"),
    ("commune_table", "TỔNG CỘNG", "ty_le_hn_cung", "3,59", "3,60", "truncated"),
    # 11 = 3 − 9 on the printed values: 4,56 − 1,10 = 3,46 and 4,87 − 0,74 = 4,13
    ("commune_table", "CAM THUY", "ty_le_cuoi_nam", "3,45", "3,46", "formula_broken"),
    ("commune_table", "CAM HIẾU", "ty_le_cuoi_nam", "4,12", "4,13", "formula_broken"),
    # 0,3-0,5 % of 14.653 households is 44-73 households, not 30-40
    (
        "statements",
        "new_poor",
        "percent_vs_households",
        "0,3-0,5 % / 30-40",
        "44-73",
        "statements_disagree",
    ),
}
PUBLISHED = REPO / "config" / "published" / "plan-2019-cam-lo.yaml"


def reconcile(built, registry, path=PUBLISHED):
    from povertyplan.compute.reconcile import load_published, reconciliation

    return reconciliation(
        load_published(path, registry), built["targets"], built["district"].iloc[0]
    )


def test_the_reconciliation_finds_every_printed_discrepancy_and_nothing_else(built, registry):
    table = reconcile(built, registry)
    found = {
        tuple(row)
        for row in table.loc[
            table["finding"] != "match",
            ["section", "unit", "column", "printed", "recomputed_text", "finding"],
        ].itertuples(index=False)
    }
    assert found == PUBLISHED_DISCREPANCIES
    # every printed value was compared: 11 per commune row and the total, section I, III
    assert (table["section"] == "commune_table").sum() == 10 * 11 + 2
    assert (table["section"] == "headline").sum() == 11
    counts = table[table["column"].isin(["dan_so_ho", "ho_ngheo", "count", "households"])]
    assert (counts["finding"] == "match").all()
    assert table["source"].iloc[0].startswith("Kế hoạch thực hiện chương trình giảm nghèo năm 2019")


def test_the_reconciliation_checks_the_review_year_and_counts_findings(built, registry):
    from povertyplan.compute.reconcile import check_review_year, finding_counts, load_published
    from povertyplan.core.errors import ConfigError

    plan = load_published(PUBLISHED, registry)
    check_review_year(plan, plan.review_year, str(PUBLISHED))
    with pytest.raises(ConfigError, match="built on the review of 2018, not 2019") as error:
        check_review_year(plan, 2019, "given.yaml")
    assert "given.yaml" in error.value.one_line("en")
    table = reconcile(built, registry)
    counts = finding_counts(table)
    assert sum(counts.values()) == len(table)
    assert counts["match"] == (table["finding"] == "match").sum()


def test_the_published_copy_is_the_seed_transcription():
    copy = (REPO / "config" / "published" / "plan-2019-cam-lo.csv").read_bytes()
    assert copy == SEED_TABLE.read_bytes()


@pytest.mark.parametrize(
    "row, column, value, finding, recomputed",
    [
        (1, "ho_ngheo", "65", "count_differs", "66"),  # CAM THUY: 66 poor
        (0, "ty_le", "9,93", "last_digit_off_by_one", "9,92"),  # 140 / 1.411 = 9,922 %
        (0, "ty_le", "9,00", "rate_differs", "9,92"),
        (9, "ho_giam", "83", "total_not_sum", "82"),  # the total row, against the rows
        (0, "ho_ngheo_cuoi_nam", "125", "formula_broken", "126"),  # 140 − 14
    ],
)
def test_each_kind_of_difference_is_named(
    built, registry, tmp_path, row, column, value, finding, recomputed
):
    table = pd.read_csv(SEED_TABLE, dtype=str, keep_default_na=False)
    table.loc[row, column] = value
    table.to_csv(tmp_path / "plan.csv", index=False)
    text = PUBLISHED.read_text(encoding="utf-8").replace("plan-2019-cam-lo.csv", "plan.csv")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    result = reconcile(built, registry, tmp_path / "plan.yaml")
    changed = result[(result["column"] == column) & (result["printed"] == value)]
    assert finding in set(changed["finding"])
    assert changed.loc[changed["finding"] == finding, "recomputed_text"].iloc[0] == recomputed


def test_a_commune_the_registry_does_not_know_is_named_with_its_row(registry, tmp_path):
    from povertyplan.compute.reconcile import load_published
    from povertyplan.core.errors import ConfigError

    table = pd.read_csv(SEED_TABLE, dtype=str, keep_default_na=False)
    table.loc[2, "don_vi"] = "CAM HIEEU"
    table.to_csv(tmp_path / "plan.csv", index=False)
    text = PUBLISHED.read_text(encoding="utf-8").replace("plan-2019-cam-lo.csv", "plan.csv")
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_published(tmp_path / "plan.yaml", registry)
    line = error.value.one_line("en")
    assert "plan.csv" in line and "row 4" in line and "don_vi" in line
    assert "'CAM HIEEU' is not a commune of the registry on 2018-12-31" in line
    assert "Cam Hiếu" in line


def write_plan(tmp_path, table=None, yaml_text=None):
    """A copy of the published plan with its table or its YAML changed."""
    if table is not None:
        table.to_csv(tmp_path / "plan.csv", index=False)
    text = yaml_text or PUBLISHED.read_text(encoding="utf-8")
    if table is not None:
        text = text.replace("plan-2019-cam-lo.csv", "plan.csv")
    else:
        (tmp_path / "plan-2019-cam-lo.csv").write_bytes(SEED_TABLE.read_bytes())
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "plan.yaml"


def test_communes_missing_from_the_table_or_from_the_data_are_named(built, registry, tmp_path):
    table = pd.read_csv(SEED_TABLE, dtype=str, keep_default_na=False)
    path = write_plan(tmp_path, table.drop(index=8))  # CAM CHÍNH not transcribed
    found = reconcile(built, registry, path)
    missing = found[found["finding"] == "commune_missing"]
    assert missing[["unit", "unit_code"]].values.tolist() == [["Cam Chính", "19618"]]
    assert (
        "Cam Chính (1.435 households) is not in the published table"
        in missing["message_en"].iloc[0]
    )
    targets = built["targets"][built["targets"]["commune_code"] != "19621"]
    result = reconcile({"targets": targets, "district": built["district"]}, registry)
    extra = result[result["finding"] == "commune_not_in_data"]
    assert extra["unit"].tolist() == ["CAM NGHĨA"]


@pytest.mark.parametrize(
    "change, message",
    [
        (("don_vi", 8, "CAM NGHĨA"), "'CAM NGHĨA' is the same commune as an earlier row"),
        (("ty_le", 0, "9.92"), "rate '9.92' is written with a dot"),
    ],
)
def test_a_table_that_cannot_be_compared_is_refused(registry, tmp_path, change, message):
    from povertyplan.compute.reconcile import load_published
    from povertyplan.core.errors import ConfigError

    table = pd.read_csv(SEED_TABLE, dtype=str, keep_default_na=False)
    column, row, value = change
    table.loc[row, column] = value
    with pytest.raises(ConfigError, match=message):
        load_published(write_plan(tmp_path, table), registry)


def test_statements_are_checked_both_ways(built, registry, tmp_path):
    text = PUBLISHED.read_text(encoding="utf-8")
    outside = text.replace('band: "0,5-1"', 'band: "0,6-1"')
    found = reconcile(built, registry, write_plan(tmp_path, yaml_text=outside))
    band = found[(found["section"] == "statements") & (found["unit"] == "reduction_goal")]
    assert band["finding"].tolist() == ["statements_disagree"]
    assert (
        "the target 0,56 % is outside the plan's own band of 0,6-1 %" in band["message_en"].iloc[0]
    )
    wrong = text.replace('households: "82"', 'households: "90"')
    found = reconcile(built, registry, write_plan(tmp_path, yaml_text=wrong))
    target = found[(found["section"] == "statements") & (found["unit"] == "target")]
    assert target.set_index("column")["finding"].to_dict() == {
        "percent_vs_households": "statements_disagree",  # 90 / 14.653 = 0,61 %, not 0,56
        "households": "count_differs",  # the plan's 82
        "percent": "match",
    }


def test_an_unknown_headline_figure_is_refused(registry, tmp_path):
    from povertyplan.compute.reconcile import load_published
    from povertyplan.core.errors import ConfigError

    text = PUBLISHED.read_text(encoding="utf-8").replace("near_poor:", "near_pour:")
    with pytest.raises(
        ConfigError, match=r"unknown key 'near_pour' at headline. Did you mean 'near_poor'\?"
    ):
        load_published(write_plan(tmp_path, yaml_text=text), registry)
