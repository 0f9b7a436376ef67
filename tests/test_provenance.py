"""Provenance: checksums, the configuration's hash, git state, versions, notebook
parameters; no timestamp; the same record gives the same bytes."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess

import nbformat
import pytest

from povertyplan.pipeline.provenance import (
    config_digest,
    git_state,
    notebook_parameters,
    package_versions,
    provenance_record,
    write_provenance,
)
from povertyplan.present.index import index_html
from povertyplan.read.raw import file_digest


def test_digests_are_sha256_of_the_bytes_and_of_the_canonical_config(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"M\xc3\xa3 h\xe1\xbb\x99\n" * 1000)
    assert file_digest(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert config_digest({"a": 1, "b": {"c": "Cam Lộ"}}) == config_digest(
        {"b": {"c": "Cam Lộ"}, "a": 1}
    )
    assert config_digest({"a": 1}) != config_digest({"a": 2})


def git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    (tmp_path / "workflow").mkdir()
    (tmp_path / "workflow" / "step.py").write_text("x = 1\n")
    (tmp_path / "data" / "raw" / "2018").mkdir(parents=True)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first")
    return tmp_path


def test_git_state_says_whether_the_code_differs_from_the_commit(repository, tmp_path_factory):
    clean = git_state(repository)
    assert re.fullmatch(r"[0-9a-f]{40}", clean["commit"]) and clean["dirty"] is False
    assert clean["diff_sha256"] is None
    # new raw data is not a change of the code (its files are hashed one by one)
    (repository / "data" / "raw" / "2018" / "new.xlsx").write_bytes(b"data")
    assert git_state(repository)["dirty"] is False
    (repository / "workflow" / "step.py").write_text("x = 2\n")
    changed = git_state(repository)
    assert changed["dirty"] is True and re.fullmatch(r"[0-9a-f]{64}", changed["diff_sha256"])
    (repository / "workflow" / "step.py").write_text("x = 3\n")
    assert git_state(repository)["diff_sha256"] != changed["diff_sha256"]
    outside = tmp_path_factory.mktemp("not-a-repository")
    assert git_state(outside) == {"commit": None, "dirty": None, "diff_sha256": None}


def test_the_record_has_no_timestamp_and_the_same_record_gives_the_same_bytes(tmp_path):
    raw = tmp_path / "2018" / "01_cam_tuyen.xlsx"
    raw.parent.mkdir()
    raw.write_bytes(b"xlsx")
    registry = tmp_path / "communes.csv"
    registry.write_text("scheme,code\n")
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["papermill"] = {"parameters": {"review_year": 2018, "language": "vi"}}
    executed = tmp_path / "overview.ipynb"
    nbformat.write(notebook, executed)
    record = provenance_record(
        2018,
        [str(raw)],
        {"registry": str(registry)},
        {"language": "vi"},
        {"commit": "abc", "dirty": False, "diff_sha256": None},
        package_versions(),
        notebook_parameters([str(executed)]),
    )
    assert record["raw_files"] == {"2018/01_cam_tuyen.xlsx": hashlib.sha256(b"xlsx").hexdigest()}
    assert record["notebooks"] == {"overview": {"review_year": 2018, "language": "vi"}}
    assert record["versions"]["snakemake"] == "9.27.1" and record["versions"]["pandas"]
    text = json.dumps(record)
    assert not re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text)
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    write_provenance(record, first)
    write_provenance(json.loads(first.read_text()), second)
    assert first.read_bytes() == second.read_bytes()


def test_the_index_page_summarises_each_years_provenance():
    record = {
        "git": {"commit": "0123456789abcdef", "dirty": True},
        "config_sha256": "f" * 64,
        "raw_files": {"2018/a.xlsx": "0"},
        "versions": {"python": "3.11.7", "snakemake": "9.27.1", "pandas": "3.1.1"},
    }
    page = index_html(["results/2018/provenance.json"], "results", "T", {"2018": record})
    assert "commit <code>0123456789ab</code>" in page
    assert "uncommitted changes" in page and "ffffffffffffffff" in page
    assert "1 tệp gốc / raw files" in page
