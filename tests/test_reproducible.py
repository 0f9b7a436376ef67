"""Same inputs, same outputs: two runs from scratch give identical results, and a run
killed in the middle (SIGKILL) then rerun gives the same results as an uninterrupted one.

Parquet, figures, workbooks, CSV, JSON and HTML must be byte-identical; executed notebooks
are compared by content, with papermill's timings and the random id of its injected
parameters cell normalised. Logs and benchmark timings are left out.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from test_workflow import SMALL, make_workdir, snakemake, snakemake_command

from povertyplan.compute.datasets import read_parquet
from povertyplan_dev.generate import reviews, write_review

SKIPPED = {"logs", "benchmarks"}


# The fixture's 2018 plan as a district would print it (counts from tests/test_workflow's
# SMALL communes), with one planted error: Cam Thành's column 7 truncated (4/45 = 8,889 %).
PUBLISHED_TABLE = """tt,don_vi,dan_so_ho,ho_ngheo,ty_le,ho_cs_gn,ty_le_cs_gn,hn_cung,ty_le_hn_cung,ho_giam,ty_le_giam,ho_ngheo_cuoi_nam,ty_le_cuoi_nam
1,Xã Cam Tuyền,60,9,"15,00",3,"5,00",6,"10,00",3,"5,00",6,"10,00"
2,CAM THÀNH,45,5,"11,11",1,"2,22",4,"8,88",1,"2,22",4,"8,89"
3,TT Cam Lộ,50,2,"4,00",2,"4,00",0,"0,00",2,"4,00",0,"0,00"
,TỔNG CỘNG,155,16,"10,32",6,"3,87",10,"6,45",6,"3,87",10,"6,45"
"""
PUBLISHED_PLAN = """source: Kế hoạch giảm nghèo năm 2019 (fixture)
review_year: 2018
plan_year: 2019
commune_table: plan.csv
headline:
  households: {count: "155"}
  poor: {count: "16", share: "10,32"}
"""


def two_year_workdir(root: Path) -> Path:
    """The fixture's 2018 review and its evolved 2019 review, with a published 2019 plan."""
    workdir = make_workdir(root)
    review = reviews({2018: SMALL, 2019: SMALL})[2019]
    write_review(SMALL, review.households, 2019, workdir / "data" / "raw")
    published = workdir / "config" / "published"
    published.mkdir()
    (published / "plan.csv").write_text(PUBLISHED_TABLE, encoding="utf-8")
    (published / "plan.yaml").write_text(PUBLISHED_PLAN, encoding="utf-8")
    return workdir


def outputs(workdir: Path) -> dict[str, Path]:
    results = workdir / "results"
    return {
        str(path.relative_to(results)): path
        for path in sorted(results.rglob("*"))
        if path.is_file() and not SKIPPED & set(path.relative_to(results).parts)
    }


def notebook_content(path: Path) -> dict:
    """An executed notebook without what changes from run to run: papermill's start and end
    times and durations, nbclient's cell timings, and cell ids."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    papermill = notebook["metadata"].get("papermill", {})
    for key in ("start_time", "end_time", "duration"):
        papermill.pop(key, None)
    for cell in notebook["cells"]:
        cell.pop("id", None)
        cell["metadata"].pop("execution", None)
        cell["metadata"].get("papermill", {}).clear()
    return notebook


def differences(first: Path, second: Path) -> list[str]:
    left, right = outputs(first), outputs(second)
    found = sorted(set(left) ^ set(right))
    for name in sorted(set(left) & set(right)):
        if name.endswith(".ipynb"):
            same = notebook_content(left[name]) == notebook_content(right[name])
        else:
            same = left[name].read_bytes() == right[name].read_bytes()
        if not same:
            found.append(name)
    return found


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    workdir = two_year_workdir(tmp_path_factory.mktemp("reference"))
    result = snakemake(workdir)
    assert result.returncode == 0, result.stderr[-3000:]
    return workdir


def test_two_runs_from_scratch_give_identical_outputs(reference, tmp_path):
    again = two_year_workdir(tmp_path)
    result = snakemake(again)
    assert result.returncode == 0, result.stderr[-3000:]
    names = outputs(again)
    assert any(n.endswith(".parquet") for n in names) and "2019/flows.parquet" in names
    assert "2018/provenance.json" in names and "trends/figures/rates_over_time.png" in names
    assert "2018/reconciliation.parquet" in names and "2018/notebooks/reconciliation.html" in names
    assert differences(reference, again) == []


def test_the_published_plan_of_the_fixture_is_reconciled_in_the_run(reference):
    table = read_parquet(reference / "results" / "2018" / "reconciliation.parquet")
    found = table[table["finding"] != "match"]
    assert found[
        ["unit", "column_label", "printed", "recomputed_text", "finding"]
    ].values.tolist() == [["CAM THÀNH", "7", "8,88", "8,89", "truncated"]]
    assert len(table) == 4 * 11 + 3
    provenance = json.loads((reference / "results" / "2018" / "provenance.json").read_text())
    assert "reconciliation" in provenance["notebooks"]
    assert "published:plan.csv" in provenance["inputs"]


def test_a_notebook_that_changed_is_seen_as_changed(reference, tmp_path):
    """The comparison can fail: an executed notebook with one output changed differs."""
    path = reference / "results" / "2018" / "notebooks" / "overview.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    changed = tmp_path / "overview.ipynb"
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if "text/markdown" in output.get("data", {}):
                output["data"]["text/markdown"] = "changed"
    changed.write_text(json.dumps(notebook), encoding="utf-8")
    assert notebook_content(changed) != notebook_content(path)


def test_a_run_killed_midway_reruns_to_the_same_outputs(reference, tmp_path):
    workdir = two_year_workdir(tmp_path)
    process = subprocess.Popen(
        snakemake_command(workdir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    incomplete = workdir / ".snakemake" / "incomplete"
    started = workdir / "results" / "2018" / "households.parquet"
    deadline = time.monotonic() + 300
    try:
        # kill once the first year is combined and some job is writing its outputs
        while time.monotonic() < deadline and process.poll() is None:
            if started.exists() and incomplete.exists() and any(incomplete.iterdir()):
                break
            time.sleep(0.05)
        assert process.poll() is None, "the run finished before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    # Snakemake marked the interrupted jobs' outputs as incomplete (one marker per output,
    # named by the output's path in base64)
    marked = [base64.b64decode(m.name).decode() for m in incomplete.iterdir()]
    assert marked and all(name.startswith("results/") for name in marked), marked
    assert not (workdir / "results" / "index.html").exists()
    # the killed run left its lock: a rerun says so, `--unlock` removes it
    locked = snakemake(workdir)
    assert locked.returncode != 0 and "--unlock" in locked.stdout + locked.stderr
    assert snakemake(workdir, "--unlock").returncode == 0
    # the profile's rerun-incomplete: the rerun redoes them and finishes the run
    rerun = snakemake(workdir)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert not any(incomplete.iterdir())
    assert differences(reference, workdir) == []
