"""A year's files cleaned in one job: the per-file cache reads only what changed, and the
year's datasets are the same whichever way the files were read."""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

import pytest

from povertyplan.compute.datasets import read_parquet
from povertyplan.pipeline import steps

REPO = Path(__file__).resolve().parents[1]
REGISTRY = str(REPO / "config" / "communes.csv")
COLUMNS = str(REPO / "config" / "columns.yaml")
OUTPUTS = ("households.parquet", "rejects.parquet", "ledger.parquet")


def clean(raw: Path, out: Path, cache: Path, columns: str = COLUMNS, workers: int = 1) -> None:
    out.mkdir(parents=True, exist_ok=True)
    steps.clean_year(
        [str(p) for p in sorted(raw.iterdir())],
        REGISTRY,
        columns,
        2018,
        str(cache),
        *(str(out / name) for name in OUTPUTS),
        workers=workers,
    )


def digests(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in OUTPUTS}


def files_read(caplog) -> int:
    """How many raw files the last clean_year read (its log line '9 files: 1 read, ...')."""
    line = [r.getMessage() for r in caplog.records if " read, " in r.getMessage()][-1]
    return int(line.split(": ")[1].split(" read")[0])


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(REPO / "data" / "raw" / "2018", folder)
    return folder


def test_a_rerun_reads_only_the_changed_file_and_gives_what_a_fresh_run_gives(
    raw, tmp_path, caplog
):
    caplog.set_level(logging.INFO, logger="povertyplan")
    cache = tmp_path / "cache"
    clean(raw, tmp_path / "first", cache)
    assert files_read(caplog) == 9
    assert len(list(cache.iterdir())) == 9 * 4  # households, rejects, clashes, ledger per file

    clean(raw, tmp_path / "again", cache)
    assert files_read(caplog) == 0
    assert digests(tmp_path / "again") == digests(tmp_path / "first")

    changed = raw / "08_cam_nghia.csv"
    lines = changed.read_text(encoding="utf-8-sig").splitlines()
    changed.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8-sig")  # a household less
    clean(raw, tmp_path / "changed", cache)
    assert files_read(caplog) == 1
    assert len(list(cache.iterdir())) == 9 * 4  # the old entry of the changed file is gone
    clean(raw, tmp_path / "fresh", tmp_path / "fresh-cache")
    assert digests(tmp_path / "changed") == digests(tmp_path / "fresh")
    assert digests(tmp_path / "changed") != digests(tmp_path / "first")


def test_a_changed_column_spec_reads_every_file_again(raw, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="povertyplan")
    cache = tmp_path / "cache"
    clean(raw, tmp_path / "first", cache)
    columns = tmp_path / "columns.yaml"
    columns.write_text(Path(COLUMNS).read_text(encoding="utf-8") + "\n# edited\n", "utf-8")
    clean(raw, tmp_path / "edited", cache, columns=str(columns))
    assert files_read(caplog) == 9
    assert digests(tmp_path / "edited") == digests(tmp_path / "first")


def test_files_read_in_several_processes_give_the_same_datasets(raw, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="povertyplan")
    clean(raw, tmp_path / "one", tmp_path / "cache-one", workers=1)
    clean(raw, tmp_path / "two", tmp_path / "cache-two", workers=2)
    assert files_read(caplog) == 9
    assert digests(tmp_path / "two") == digests(tmp_path / "one")


def test_an_indicator_added_to_a_standard_is_read_and_kept(raw, tmp_path, caplog):
    """The households' indicator columns are the standards' indicators: one added to a
    standard file (with the header communes write it under) reaches households.parquet,
    and editing a standard cleans every file again."""
    caplog.set_level(logging.INFO, logger="povertyplan")
    config = tmp_path / "config"
    shutil.copytree(REPO / "config", config)
    cache = tmp_path / "cache"
    clean(raw, tmp_path / "first", cache, columns=str(config / "columns.yaml"))
    standard = config / "standards" / "2016-2021.yaml"
    added = (
        "  - {code: dep_electricity, name: Điện sinh hoạt, dimension: housing, "
        'headers: ["Điện sinh hoạt", "Thiếu điện"]}\n'
    )
    standard.write_text(standard.read_text(encoding="utf-8") + added, encoding="utf-8")
    with_power = raw / "06_tt_cam_lo.csv"
    lines = with_power.read_text(encoding="utf-8-sig").splitlines()
    marks = ["có" if n % 3 == 0 else "" for n in range(len(lines) - 1)]
    lines = [lines[0] + ";Thiếu điện"] + [
        f"{line};{m}" for line, m in zip(lines[1:], marks, strict=True)
    ]
    with_power.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")

    clean(raw, tmp_path / "second", cache, columns=str(config / "columns.yaml"))
    assert files_read(caplog) == 9  # a standard changed: the headers read may differ
    households = read_parquet(tmp_path / "second" / "households.parquet")
    names = list(households.columns)
    assert names.index("dep_electricity") == names.index("dep_info_assets") + 1
    from_file = households[households["source_file"] == "06_tt_cam_lo.csv"]
    assert int(from_file["dep_electricity"].sum()) == marks.count("có") > 0
    assert (
        households.loc[households["source_file"] != "06_tt_cam_lo.csv", "dep_electricity"]
        .isna()
        .all()
    )
    first = read_parquet(tmp_path / "first" / "households.parquet")
    assert "dep_electricity" not in first.columns
    assert len(first) == len(households)
