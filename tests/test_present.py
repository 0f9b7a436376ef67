"""What reviewers read: headline table, readings under the figures, English labels, figures."""

import json
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from povertyplan.clean.households import CleanResult
from povertyplan.compute import datasets
from povertyplan.pipeline.steps import combine
from povertyplan.present import figures, helpers


@pytest.fixture
def communes():
    return pd.DataFrame(
        {
            "review_year": [2018, 2018],
            "commune_code": ["19600", "19618"],
            "commune_name": ["Cam Tuyền", "Cam Chính"],
            "display_order": [1, 9],
            "households": [1411, 1435],
            "poor": [140, 30],
            "poor_rate": [100 * 140 / 1411, 100 * 30 / 1435],
            "near_poor": [130, 60],
            "near_poor_rate": [100 * 130 / 1411, 100 * 60 / 1435],
            "ethnic_minority": [60, 0],
            "poor_ethnic_minority": [38, 0],
            "near_poor_ethnic_minority": [18, 0],
        }
    )


@pytest.fixture
def district(communes):
    sums = (
        communes[
            [
                "households",
                "poor",
                "near_poor",
                "ethnic_minority",
                "poor_ethnic_minority",
                "near_poor_ethnic_minority",
            ]
        ]
        .sum()
        .to_frame()
        .T
    )
    sums["poor_rate"] = 100 * sums["poor"] / sums["households"]
    return sums


def test_headline_table_prints_counts_and_half_up_shares(district):
    table = helpers.headline_table(district)
    assert table.columns.tolist() == ["Chỉ tiêu", "Số hộ", "Tỷ lệ trên tổng số hộ"]
    assert table.iloc[0].tolist() == ["Tổng số hộ", "2.846", ""]
    assert table.iloc[2].tolist() == ["Hộ nghèo", "170", "5,97 %"]  # 170 / 2846 = 5,9733 %
    assert helpers.headline_table(district, "en").iloc[2, 0] == "Poor households"


def test_readings_state_the_numbers_the_figures_show(communes, district):
    text = helpers.reading_rates(communes, district)
    assert text == (
        "Cam Tuyền có tỷ lệ hộ nghèo cao nhất (9,92 %), gấp 1,7 lần mức toàn huyện (5,97 %); "
        "Cam Chính thấp nhất (2,09 %)."
    )
    assert helpers.reading_rates(communes, district, "en").startswith(
        "Cam Tuyền has the highest poor rate (9,92 %)"
    )
    minority = helpers.reading_minority(communes, district)
    assert (
        minority
        == "60 hộ DTTS (2,11 % số hộ) sống ở 1 xã (Cam Tuyền); 38 hộ trong số đó là hộ nghèo (63,33 % hộ DTTS)."
    )


def test_figures_are_titled_labelled_and_deterministic(communes, district, tmp_path):
    figure = figures.poverty_rates(communes, district)
    axes = figure.axes[0]
    assert "Tỷ lệ hộ nghèo" in axes.get_title() and "2018" in axes.get_title()
    assert axes.get_xlabel() == "% số hộ"
    english = figures.poverty_rates(communes, district, "en").axes[0]
    assert english.get_xlabel() == "% of households"
    figures.save_figure(figure, tmp_path / "a.png")
    figures.save_figure(figures.poverty_rates(communes, district), tmp_path / "b.png")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_a_household_in_two_files_is_rejected_in_both_with_both_places(tmp_path, spec):
    schema = datasets.households_schema(spec.indicators)
    frame = pd.DataFrame({name: pd.Series([None] * 3) for name in schema.names})
    frame = frame.assign(
        review_year=2018,
        commune_code=["19612", "19612", "19612"],
        household_id=["H-1", "H-1", "H-2"],
        members=[2, 3, 2],  # the two H-1 differ: neither can be kept
        status="poor",
        source_row=[12, 40, 41],
        source_file=["a.xlsx", "b.csv", "b.csv"],
        deprivation_count=0,
    )
    paths, rejects, ledgers = [], [], []
    for name, part in (("a.xlsx", frame.iloc[[0]]), ("b.csv", frame.iloc[[1, 2]])):
        path = tmp_path / f"{name}.parquet"
        datasets.write_parquet(part, schema, path)
        paths.append(str(path))
        rejects.append(str(tmp_path / f"{name}.rejects.parquet"))
        datasets.write_parquet(
            datasets.empty_frame(datasets.REJECTS), datasets.REJECTS, rejects[-1]
        )
        ledger = tmp_path / f"{name}.json"
        ledger.write_text(
            json.dumps(
                {
                    "review_year": 2018,
                    "source_file": name,
                    "sheet": "",
                    "grid_rows": len(part) + 1,
                    "rows_read": len(part),
                    "rows_kept": len(part),
                    "rows_rejected": 0,
                    "problems": 0,
                    "header_rows": 1,
                    **{
                        f"{k}_rows": 0
                        for k in ("title", "index", "blank", "section", "total", "footer")
                    },
                    "ignored_columns": [],
                    "ignored_sheets": [],
                    "file_encoding": "utf-8",
                    "text_encodings": [],
                    "income_unit": "dong",
                    "income_unit_basis": "values",
                    "file_sha256": name,
                    "duplicate_of": "",
                    "refused": "",
                }
            )
        )
        ledgers.append(str(ledger))
    out = {
        k: str(tmp_path / f"out-{k}.{ext}")
        for k, ext in (("h", "parquet"), ("r", "parquet"), ("l", "parquet"), ("x", "xlsx"))
    }
    results = [
        CleanResult(
            datasets.read_parquet(h), datasets.read_parquet(r), json.loads(Path(g).read_text())
        )
        for h, r, g in zip(paths, rejects, ledgers, strict=True)
    ]
    ledger = combine(results, out["h"], out["r"], out["l"], out["x"], schema)
    ledger = ledger.set_index("source_file")
    assert datasets.read_parquet(out["h"])["household_id"].tolist() == ["H-2"]
    rejects = datasets.read_parquet(out["r"]).sort_values("source_file")
    assert rejects["reason"].tolist() == ["duplicate_across_files"] * 2
    assert (
        "household ID 'H-1' of this commune is also in b.csv row 40" in rejects.iloc[0]["message"]
    )
    assert "mã hộ 'H-1' của xã này cũng có trong a.xlsx dòng 12" in rejects.iloc[1]["message_vi"]
    assert ledger.loc["a.xlsx", ["rows_kept", "rows_rejected"]].tolist() == [0, 1]
    assert ledger.loc["b.csv", ["rows_kept", "rows_rejected"]].tolist() == [1, 1]
    sheet = load_workbook(out["x"]).active
    assert (
        sheet["A1"].value == "Mã xã" and sheet["B3"].value == "a.xlsx" and sheet["D3"].value == 12
    )
