"""End to end: Snakemake on a small fixture workdir, checked against the generator's truth."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml

from povertyplan.compute.datasets import read_parquet
from povertyplan_dev.generate import CommuneSpec, generate_review, truth

REPO = Path(__file__).resolve().parents[1]
SMALL = [
    CommuneSpec(
        "19600", "Cam Tuyền", "Xã Cam Tuyền", "rural", 60, 9, 3, 7, 4, 2, 1, file_name="tuyen.xlsx"
    ),
    CommuneSpec(
        "19612",
        "Cam Thành",
        "CAM THÀNH",
        "rural",
        45,
        5,
        1,
        6,
        file_format="csv",
        file_name="thanh.csv",
    ),
    CommuneSpec(
        "19597",
        "TT Cam Lộ",
        "19597",
        "urban",
        50,
        2,
        2,
        4,
        file_format="csv-semicolon",
        file_name="ttcl.csv",
    ),
]


def make_workdir(root: Path) -> Path:
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text(encoding="utf-8"))
    config["registry"] = str(REPO / "config" / "communes.csv")
    config["columns"] = str(REPO / "config" / "columns.yaml")
    config["standards_dir"] = str(REPO / "config" / "standards")
    (root / "config").mkdir(parents=True)
    (root / "config" / "config.yaml").write_text(
        yaml.safe_dump(config, allow_unicode=True), encoding="utf-8"
    )
    generate_review(SMALL, 2018, root / "data" / "raw")
    return root


def snakemake_command(workdir: Path, *extra: str, profile: str = "default") -> list[str]:
    """The project's Snakefile run in `workdir` with one of the project's profiles."""
    return [
        sys.executable,
        "-m",
        "snakemake",
        "--snakefile",
        str(REPO / "Snakefile"),
        "--directory",
        str(workdir),
        "--profile",
        str(REPO / "profiles" / profile),
        "--cores",
        "2",
        *extra,
    ]


def snakemake(workdir: Path, *extra: str, profile: str = "default") -> subprocess.CompletedProcess:
    command = snakemake_command(workdir, *extra, profile=profile)
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    workdir = make_workdir(tmp_path_factory.mktemp("workdir"))
    result = snakemake(workdir)
    assert result.returncode == 0, result.stderr[-3000:]
    return workdir


def expected_counts() -> pd.DataFrame:
    households = truth(SMALL, 2018)
    poor = households["status"] == "poor"
    minority = households["ethnicity"] != "Kinh"
    return (
        pd.DataFrame(
            {
                "commune_code": households["commune_code"],
                "households": 1,
                "persons": households["members"],
                "poor": poor,
                "near_poor": households["status"] == "near_poor",
                "ethnic_minority": minority,
                "poor_ethnic_minority": poor & minority,
                "poor_targeted": poor & households["can_exit"],
            }
        )
        .groupby("commune_code")
        .sum()
        .astype(int)
    )


def test_commune_and_district_counts_match_the_generated_households(run):
    communes = read_parquet(run / "results/2018/communes.parquet").set_index("commune_code")
    expected = expected_counts()
    for column in expected.columns:
        assert communes[column].astype(int).to_dict() == expected[column].to_dict(), column
    assert communes.loc["19597", "area"] == "urban"
    assert communes.loc["19600", "poor_rate"] == pytest.approx(100 * 9 / 60)
    district = read_parquet(run / "results/2018/district.parquet").iloc[0]
    assert district["households"] == 155 and district["poor"] == 16
    assert district["poor_rate"] == pytest.approx(100 * 16 / 155)


def test_targets_goals_and_tables(run):
    targets = read_parquet(run / "results/2018/targets.parquet")
    assert targets["commune_code"].tolist() == ["19600", "19612", "19597"]  # display order
    assert targets["target_reduction"].tolist() == [3, 1, 2]
    assert (targets["poor_end"] == targets["poor"] - targets["target_reduction"]).all()
    assert (targets["plan_year"] == 2019).all()
    table = pd.read_csv(run / "results/2018/tables/commune_targets.csv", dtype=str)
    assert pd.isna(table.iloc[-1]["tt"])
    from openpyxl import load_workbook

    sheets = load_workbook(run / "results/2018/tables/deprivations.xlsx").sheetnames
    assert sheets == ["Ho ngheo", "Ho can ngheo", "Nhom doi tuong", "Dan toc", "Nguyen nhan"]
    assert table.iloc[-1].tolist()[1:] == [
        "TỔNG CỘNG",
        "155",
        "16",
        "10,32",
        "6",
        "3,87",
        "10",
        "6,45",
        "6",
        "3,87",
        "10",
        "6,45",
    ]


def test_the_ledger_accounts_for_every_row(run):
    ledger = read_parquet(run / "results/2018/ledger.parquet")
    assert ledger.set_index("source_file")["rows_read"].to_dict() == {
        "thanh.csv": 45,
        "ttcl.csv": 50,
        "tuyen.xlsx": 60,
    }
    assert (ledger["rows_read"] == ledger["rows_kept"] + ledger["rows_rejected"]).all()
    assert (
        (run / "results/2018/validation.txt")
        .read_text()
        .startswith("2018: 3 files, 155 rows read, 155 kept, 0 rejected")
    )


def test_notebooks_are_executed_with_figures_and_linked_from_the_index(run):
    index = (run / "results/index.html").read_text(encoding="utf-8")
    for name in (
        "notebooks/overview.html",
        "notebooks/targets.html",
        "notebooks/data_quality.html",
        "notebooks/deprivations.html",
        "tables/deprivations.xlsx",
        "figures/deprivation_heatmap.png",
        "af_measures.parquet",
        "rejects.xlsx",
        "tables/commune_targets.xlsx",
        "figures/poverty_rates.png",
        "figures/goal_band.png",
        "targets.parquet",
    ):
        assert f'href="2018/{name}"' in index
    notebook = json.loads(
        (run / "results/2018/notebooks/targets.ipynb").read_text(encoding="utf-8")
    )
    errors = [
        o
        for c in notebook["cells"]
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors
    html = (run / "results/2018/notebooks/targets.html").read_text(encoding="utf-8")
    assert "TỔNG CỘNG" in html and "khung" in html
    assert "read_parquet" not in html  # code cells are hidden from reviewers
    deprivations = (run / "results/2018/notebooks/deprivations.html").read_text(encoding="utf-8")
    assert "M0" in deprivations and "đóng góp nhiều nhất" in deprivations
    assert (run / "results/2018/figures/targets_by_commune.png").read_bytes()[:4] == b"\x89PNG"


def readable_text(path: Path) -> str:
    """Everything a file says, decoded: Parquet through pyarrow, workbooks unzipped."""
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas().to_csv()
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return "".join(book.read(name).decode("utf-8", "ignore") for name in book.namelist())
    return path.read_bytes().decode("utf-8", errors="ignore")


def scan_for_personal_data(results: Path, secrets: set[str]) -> int:
    scanned = 0
    for path in results.rglob("*"):
        if path.is_file() and path.suffix != ".png":
            text = readable_text(path)
            found = [s for s in secrets if s in text]
            assert not found, f"{path}: {found[:3]}"
            scanned += 1
    return scanned


def test_the_privacy_scan_can_see_inside_parquet_and_workbooks(tmp_path):
    frame = pd.DataFrame({"a": ["Nguyễn Văn A"] * 50, "b": range(50)})
    frame.to_parquet(tmp_path / "x.parquet", compression="zstd")
    with pytest.raises(AssertionError, match="Nguyễn Văn A"):
        scan_for_personal_data(tmp_path, {"Nguyễn Văn A"})


def test_no_name_or_id_number_reaches_any_output(run):
    households = truth(SMALL, 2018)
    secrets = set(households["head_name"]) | set(households["id_number"])
    assert scan_for_personal_data(run / "results", secrets) > 40


def test_strict_mode_stops_with_one_line_and_keeps_the_rejects(tmp_path):
    workdir = make_workdir(tmp_path)
    bad = (
        "Mã hộ,Họ và tên chủ hộ,Số CCCD,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
        "X-1,Phan Văn Riêng,045199000777,Cam Thành,Kinh,ba,Hộ nghèo\n"
        "X-2,Hồ Thị Kín,045299000888,Cam Thành,Kinh,2,Hộ nghèo\n"
    )
    (workdir / "data/raw/2018/late.csv").write_text(bad, encoding="utf-8")
    result = snakemake(workdir)
    assert result.returncode != 0
    line = next(
        x for x in result.stderr.splitlines() if x.startswith("ERROR results/2018/rejects.parquet")
    )
    assert "156 kept, 1 rejected" in line and "late.csv" in line and "lenient" in line
    report = (workdir / "results/2018/notebooks/data_quality.html").read_text(encoding="utf-8")
    assert (
        "late.csv" in report and "'ba' không phải là số nguyên" in report
    )  # written before the stop
    rejects = read_parquet(workdir / "results/2018/rejects.parquet")
    assert rejects[["source_file", "source_row", "column", "reason"]].values.tolist() == [
        ["late.csv", 2, "Số nhân khẩu", "not_an_integer"]
    ]
    lenient = snakemake(workdir, "--config", "validation={mode: lenient}")
    assert lenient.returncode == 0, lenient.stderr[-2000:]
    households = read_parquet(workdir / "results/2018/households.parquet")
    assert len(households) == 156 and "X-1" not in set(households["household_id"])
    secrets = {"Phan Văn Riêng", "045199000777", "Hồ Thị Kín", "045299000888"}
    assert scan_for_personal_data(workdir / "results", secrets) > 40


def test_a_misspelt_config_key_stops_the_run_with_its_name(tmp_path):
    workdir = make_workdir(tmp_path)
    config = workdir / "config" / "config.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("targets:", "taregts:"), encoding="utf-8"
    )
    result = snakemake(workdir, "--dry-run")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert (
        "config/config.yaml: unknown key 'taregts' at the top level. Did you mean 'targets'?"
        in output
    )


def job_counts(result: subprocess.CompletedProcess) -> dict[str, int]:
    """The 'Job stats' table of a Snakemake dry run, as {rule: jobs}."""
    counts = {}
    for line in (result.stdout + result.stderr).splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit() and parts[0] not in {"total", "job"}:
            counts[parts[0]] = int(parts[1])
    return counts


def test_a_rerun_does_nothing_and_a_new_file_cleans_only_itself(run):
    assert "Nothing to be done" in (
        snakemake(run, "--dry-run").stdout + snakemake(run, "--dry-run").stderr
    )
    new = run / "data/raw/2018/extra.csv"
    new.write_text(
        "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\nZ-1,Cam Thành,Kinh,3,N\n", encoding="utf-8"
    )
    try:
        counts = job_counts(snakemake(run, "--dry-run"))
    finally:
        new.unlink()
    assert counts["clean_year"] == 1 and counts["index"] == 1


def test_a_new_year_runs_only_what_is_new_and_gets_flows_and_attainment(run):
    """Adding data/raw/2019/ builds 2019, its flows and attainment, the trends and the index;
    nothing of 2018 is recomputed."""
    from povertyplan_dev.generate import reviews, write_review

    review = reviews({2018: SMALL, 2019: SMALL})[2019]
    write_review(SMALL, review.households, 2019, run / "data" / "raw")
    dry = snakemake(run, "--dry-run")
    counts = job_counts(dry)
    assert counts["clean_year"] == 1
    assert counts["flows"] == 1 and counts["attainment"] == 1 and counts["trends"] == 1
    assert "year=2018" not in dry.stdout + dry.stderr
    before = (run / "results/2018/targets.parquet").stat().st_mtime_ns
    result = snakemake(run)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (run / "results/2018/targets.parquet").stat().st_mtime_ns == before
    flows = read_parquet(run / "results/2019/flows.parquet")
    district = flows[
        (flows["level"] == "district")
        & (flows["flow_group"] == "poor")
        & (flows["measure"] == "households")
    ].iloc[0]
    poor_2018 = int((truth(SMALL, 2018)["status"] == "poor").sum())
    assert district["opening"] == poor_2018
    assert district["closing"] == int((review.households["status"] == "poor").sum())
    attainment = read_parquet(run / "results/2019/attainment.parquet")
    assert set(attainment["unit_code"]) == {"19600", "19612", "19597", "468"}
    trends = read_parquet(run / "results/trends/trends.parquet")
    assert sorted(set(trends["review_year"])) == [2018, 2019]
    index = (run / "results/index.html").read_text(encoding="utf-8")
    assert "trends/notebooks/trends.html" in index and "2019/tables/flows.xlsx" in index
    again = snakemake(run, "--dry-run")
    assert "Nothing to be done" in again.stdout + again.stderr


def test_the_scheduled_run_is_strict_and_its_summary_says_what_to_fix(tmp_path):
    """profiles/scheduled forces strict validation even when the config says lenient; the
    summary (python -m povertyplan summary) names the year and the reason, and exits 1."""
    workdir = make_workdir(tmp_path)
    config_path = workdir / "config" / "config.yaml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["validation"]["mode"] = "lenient"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (workdir / "data/raw/2018/late.csv").write_text(
        "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\nX-1,Cam Thành,Kinh,ba,Hộ nghèo\n",
        encoding="utf-8",
    )
    result = snakemake(workdir, profile="scheduled")
    assert result.returncode != 0
    assert "155 kept, 1 rejected (validation strict)" in result.stderr
    summary = subprocess.run(
        [
            sys.executable,
            "-m",
            "povertyplan",
            "summary",
            "--results",
            str(workdir / "results"),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert summary.returncode == 1
    lines = summary.stdout.splitlines()
    assert lines[0].startswith("2018: 4 files, 156 rows read, 155 kept, 1 rejected; reasons: ")
    assert "(1)" in lines[0] and "not finished" in lines[0]
    assert lines[-1] == "Status: ATTENTION - rows rejected in 2018; 2018 not finished"


def test_a_published_plan_for_a_year_without_data_is_reported_not_reconciled(tmp_path):
    workdir = make_workdir(tmp_path)
    published = workdir / "published"
    published.mkdir()
    text = (REPO / "config" / "published" / "plan-2019-cam-lo.yaml").read_text(encoding="utf-8")
    (published / "plan-2018.yaml").write_text(
        text.replace("review_year: 2018", "review_year: 2017"), encoding="utf-8"
    )
    dry = snakemake(workdir, "--dry-run", "--config", f"published_dir={published}")
    assert dry.returncode == 0, dry.stderr[-2000:]
    output = dry.stdout + dry.stderr
    assert f"{published / 'plan-2018.yaml'}: there is no review 2017 to check it against" in output
    assert "rule reconciliation" not in output


def test_the_snakemake_report_has_the_figures_under_categories_with_captions(run):
    result = snakemake(run, "--report", "results/report.html")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (run / "results" / "report.html").read_text(encoding="utf-8")

    def has(text: str) -> bool:  # the report embeds its data as JSON (non-ASCII escaped)
        return json.dumps(text)[1:-1] in page or text in page

    for category in (
        "1. Tổng quan / Overview",
        "2. Kế hoạch / Plan",
        "3. Chất lượng dữ liệu / Data quality",
        "4. Thiếu hụt / Deprivations",
        "5. Qua các năm / Across the years",
    ):
        assert has(category), category
    assert has("Rà soát / Review 2018")
    assert has("Tỷ lệ hộ nghèo và hộ cận nghèo theo xã (% số hộ), rà soát cuối năm 2018")
    assert has("poverty_rates.png") and has("commune_targets.xlsx") and has("flows_waterfall.png")


# --- Files written the way officers write them, end to end (issue 10) ----------------------

# names and ID numbers planted where an officer might type them; none may reach results/
PLANTED_NAMES = {
    "title": "Lò Văn Tiêu",
    "header": "Quách Thị Hoa",
    "sheet": "Bế Văn Lâm",
    "section": "Âu Văn Lực",
    "note_row": "Ninh Văn Sáng",
    "note_column": "Trịnh Thị Mến",
    "footer_title": "Hà Văn Quang",
    "signer": "Khuất Duyên",  # a family name on no list: found by where it stands
}
PLANTED_IDS = ["045199000111", "045199000222", "045199000333", "045199000444"]
# a name typed in each field column (not the row's own head of household)
NAMES_IN_FIELDS = ["Phùng Văn An", "Trịnh Thị Bích", "Vi Văn Cường", "Lương Thị Dung",
                   "Tống Văn Đức", "Mạc Thị Gấm", "Nông Văn Hải", "Thân Thị Khuyên",
                   "Ông Văn Lợi", "Giáp Thị Mai", "Kiều Văn Nam", "Chu Thị Oanh"]  # fmt: skip
FIELD_HEADERS = ["Mã hộ", "Xã", "Thôn", "Khu vực", "Dân tộc", "Số nhân khẩu", "Số lao động",
                 "Thu nhập bình quân", "Kết quả rà soát", "Dự kiến thoát nghèo", "Hộ BTXH",
                 "Nguyên nhân nghèo"]  # fmt: skip


def _planted_workbook(path: Path) -> set[str]:
    """A commune's list with a name or an ID number in every column and every kind of
    row that is not a household; returns what was planted."""
    from openpyxl import Workbook

    header = ["TT", "Mã hộ", "Họ và tên chủ hộ", "Số CCCD", *FIELD_HEADERS[1:],
              "Ghi chú", PLANTED_NAMES["header"]]  # fmt: skip
    good = ["", "", "", "", "Cam Thành", "Thôn 1", "Nông thôn", "Kinh", 3, 1, 650000, "Hộ nghèo",
            "x", "", "Thiếu vốn", "", ""]  # fmt: skip
    book = Workbook()
    sheet = book.active
    sheet.title = PLANTED_NAMES["sheet"]
    sheet.append(["UBND XÃ CAM THÀNH"])
    sheet.append([f"Danh sách do ông {PLANTED_NAMES['title']} lập, CCCD {PLANTED_IDS[0]}"])
    sheet.append(header)
    sheet.append([f"I. Thôn của {PLANTED_NAMES['section']}"])
    heads = [f"Đinh Thị Chủ {n}" for n in range(40)]
    rows = []
    for n in range(6):  # valid households, with names and ID numbers where they belong
        rows.append([n + 1, f"P-{n}", heads[n], f"0452990{n:05d}", *good[4:]])
    n = 6
    # a name, then an ID number, in each field column of its own household
    for column, name in zip(FIELD_HEADERS, NAMES_IN_FIELDS, strict=True):
        for secret in (name, PLANTED_IDS[1]):
            row = [n + 1, f"P-{n}", heads[n], f"0452990{n:05d}", *good[4:]]
            row[header.index(column)] = secret
            rows.append(row)
            n += 1
    row = [n + 1, f"P-{n}", heads[n], "", *good[4:]]
    row[header.index("Ghi chú")] = f"Con của {PLANTED_NAMES['note_column']}, {PLANTED_IDS[2]}"
    rows.append(row)
    for row in rows:
        sheet.append(row)
    sheet.append(
        ["", f"Ghi chú: hộ ông {PLANTED_NAMES['note_row']} ({PLANTED_IDS[3]}) đã chuyển đi"]
    )
    sheet.append([])
    sheet.append(["", "", "", "", "", "", "", "Cam Thành, ngày 31 tháng 12 năm 2018"])
    sheet.append(
        ["", "NGƯỜI LẬP BIỂU", "", "", "", "", "", f"CHỦ TỊCH {PLANTED_NAMES['footer_title']}"]
    )
    sheet.append(["", PLANTED_NAMES["signer"], "", "", "", "", "", "Mang Văn Tịnh"])
    book.save(path)
    return {*PLANTED_NAMES.values(), *PLANTED_IDS, *NAMES_IN_FIELDS, "Mang Văn Tịnh"} | {
        *heads[: n + 1],
        *(f"0452990{k:05d}" for k in range(n + 1)),
        PLANTED_IDS[1].lstrip("0"),  # an ID number typed in a number column loses its 0
    }


def test_names_planted_everywhere_reach_no_output_not_even_a_log(tmp_path):
    """A name or an ID number in every column and every kind of row that is not a
    household (title, header, sheet name, section, notes, signatures): the run keeps the
    valid households and every file under results/ (datasets, workbooks, notebooks,
    logs) is scanned for what was planted."""
    workdir = make_workdir(tmp_path)
    secrets = _planted_workbook(workdir / "data/raw/2018/planted.xlsx")
    result = snakemake(workdir, "--config", "validation={mode: lenient}")
    assert result.returncode == 0, result.stderr[-3000:]
    households = read_parquet(workdir / "results/2018/households.parquet")
    planted = households[households["source_file"] == "planted.xlsx"]
    # the six valid ones, and those whose planted cell is dropped: the cause (mapped to
    # its category, the text dropped) and the notes column (never read)
    assert set(planted["household_id"]) == {f"P-{n}" for n in [0, 1, 2, 3, 4, 5, 28, 29, 30]}

    assert set(planted["cause"].dropna()) == {"capital", "other"}
    ledger = read_parquet(workdir / "results/2018/ledger.parquet").set_index("source_file")
    assert ledger.loc["planted.xlsx", ["footer_rows", "section_rows", "title_rows"]].tolist() == [
        3,
        1,
        2,
    ]
    secrets |= set(truth(SMALL, 2018)["head_name"])
    assert scan_for_personal_data(workdir / "results", secrets) > 40
    logs = workdir / "results" / "2018" / "logs"
    jobs = {"clean_year", "notebook_data_quality", "plan", "notebooks", "provenance"}
    assert jobs <= {log.stem for log in logs.glob("*.log")}
    assert scan_for_personal_data(logs, secrets) >= len(jobs)


def test_every_refused_file_is_listed_and_lenient_mode_goes_on_without_them(tmp_path):
    workdir = make_workdir(tmp_path)
    raw = workdir / "data/raw/2018"
    (raw / "not_a_workbook.xlsx").write_bytes(b"Ma ho,Xa\nH-1,Cam Thanh\n")
    (raw / "no_members.csv").write_text("Mã hộ,Xã,Dân tộc,Kết quả rà soát\nN-1,Cam Thành,Kinh,N\n")
    strict = snakemake(workdir)
    assert strict.returncode != 0
    line = next(x for x in strict.stderr.splitlines() if "files were refused" in x)
    assert "no_members.csv" in line and "not_a_workbook.xlsx" in line
    rejects = read_parquet(workdir / "results/2018/rejects.parquet")
    refused = rejects[rejects["reason"] == "file_refused"].set_index("source_file")
    assert sorted(refused.index) == ["no_members.csv", "not_a_workbook.xlsx"]
    assert "'Số nhân khẩu'" in refused.loc["no_members.csv", "message_vi"]
    assert "config/" not in " ".join(refused["message_vi"])  # the officer's words
    lenient = snakemake(workdir, "--config", "validation={mode: lenient}")
    assert lenient.returncode == 0, lenient.stderr[-2000:]
    ledger = read_parquet(workdir / "results/2018/ledger.parquet").set_index("source_file")
    assert ledger.loc["no_members.csv", "refused"].startswith("no_members.csv, row 1:")
    assert ledger["rows_kept"].sum() == 155
    report = (workdir / "results/2018/notebooks/data_quality.html").read_text(encoding="utf-8")
    assert "2 tệp không đọc được, bị bỏ qua" in report
    from povertyplan.present.summary import run_summary

    lines, ok = run_summary(workdir / "results", "en")
    assert "2 files refused: no_members.csv, not_a_workbook.xlsx" in lines[0] and not ok


def test_a_year_that_fails_leaves_no_old_plan_looking_current(tmp_path):
    workdir = make_workdir(tmp_path)
    assert snakemake(workdir).returncode == 0
    assert (workdir / "results/2018/targets.parquet").exists()
    (workdir / "data/raw/2018/late.csv").write_text(
        "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\nX-1,Cam Thành,Kinh,ba,Hộ nghèo\n",
        encoding="utf-8",
    )
    failed = snakemake(workdir)
    assert failed.returncode != 0
    year = workdir / "results/2018"
    for stale in ("targets.parquet", "communes.parquet", "tables/commune_targets.xlsx",
                  "notebooks/targets.html", "provenance.json"):  # fmt: skip
        assert not (year / stale).exists(), stale
    for current in ("rejects.xlsx", "ledger.parquet", "notebooks/data_quality.html"):
        assert (year / current).exists(), current
    index = (workdir / "results/index.html").read_text(encoding="utf-8")
    assert "Năm 2018 chưa hoàn thành ở lần chạy gần nhất" in index
    assert 'href="2018/targets.parquet"' not in index
    assert "2018 did not finish" in failed.stderr
    (workdir / "data/raw/2018/late.csv").unlink()
    assert snakemake(workdir).returncode == 0
    index = (workdir / "results/index.html").read_text(encoding="utf-8")
    assert "chưa hoàn thành" not in index and 'href="2018/targets.parquet"' in index


def test_editing_the_generator_or_a_notebook_helper_does_not_clean_again(run):
    """Each rule depends on the modules its script and notebook run (code_of in
    common.smk): an edited generate.py reruns no computation, an edited notebook helper
    (present/helpers.py) no cleaning, and an edited parse.py cleans again."""
    package = REPO / "workflow" / "povertyplan"

    def rerun_after_touching(module: str, folder: Path = package) -> dict[str, int]:
        # Snakemake reruns for a newer input only when its content changed: add a comment
        path = folder / f"{module}.py"
        original, stat = path.read_bytes(), path.stat()
        path.write_bytes(original + b"\n# edited by a test\n")
        try:
            return job_counts(snakemake(run, "--dry-run"))
        finally:
            path.write_bytes(original)
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    # an uncommitted edit is recorded in provenance.json (params git), so those rerun
    recorded = {"provenance", "provenance_trends", "index", "all"}
    assert (
        set(rerun_after_touching("generate", REPO / "workflow" / "povertyplan_dev")) - {"jobid:"}
        <= recorded
    )
    # the plan job waits for the data-quality report (a strict run stops after it), so a
    # notebook helper reruns the notebooks and the plan, never the cleaning
    helper = set(rerun_after_touching("helpers", package / "present")) - recorded - {"jobid:"}
    assert "notebooks" in helper and "clean_year" not in helper
    years = [folder for folder in (run / "data" / "raw").iterdir() if folder.name.isdigit()]
    assert rerun_after_touching("parse", package / "read")["clean_year"] == len(
        years
    )  # every year again
