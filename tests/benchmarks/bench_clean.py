"""Time the cleaning of one large commune file, against a reference on the same file.

    .venv/bin/python tests/benchmarks/bench_clean.py --households 1000000 --repeat 3
    .venv/bin/python tests/benchmarks/bench_clean.py --households 100000 --xlsx --repeat 3

Writes (once, under --out) one commune's file of N households in the generator's layout:
a CSV, or with --xlsx a workbook. Each run is `steps.clean_year` on that one file, which is
what the pipeline's cleaning job does: read, check, clean, combine and write the Parquet
datasets and the ledger, from an empty per-file cache. Each run is a fresh process, so
its peak memory (maximum resident set) is its own; the time excludes starting Python.

The reference, measured in the same session on the same file, each run also a fresh
process: for a CSV, DuckDB `read_csv` with a count by commune and status; for a
workbook, python-calamine reading every cell of the sheet and nothing else. Prints each
run, the medians, the ratio to the reference, the peak memory of each and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def bench_file(out: Path, households: int, suffix: str) -> Path:
    """The benchmark's file, written by the generator when missing."""
    from povertyplan_dev.generate import CommuneSpec, generate_review

    path = out / f"{households}{suffix}" / "2018" / f"bench{suffix}"
    if not path.exists():
        poor, near, exit_ = households // 20, households // 16, households // 60
        spec = CommuneSpec(
            "19612", "Cam Thành", "Xã Cam Thành", "rural", households, poor, exit_, near,
            file_format=suffix.lstrip("."), file_name=path.name,
        )  # fmt: skip
        generate_review([spec], 2018, path.parent.parent)
    return path


def run_ours(path: Path) -> dict:
    """`steps.clean_year` on one file, into a temporary folder."""
    from povertyplan.pipeline import steps

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        start = time.perf_counter()
        ledger = steps.clean_year(
            [str(path)],
            str(REPO / "config" / "communes.csv"),
            str(REPO / "config" / "columns.yaml"),
            2018,
            str(out / "cache"),
            str(out / "households.parquet"),
            str(out / "rejects.parquet"),
            str(out / "ledger.parquet"),
        )
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows_kept": int(ledger["rows_kept"].sum())}


def run_reference(path: Path) -> dict:
    """DuckDB on a CSV, calamine on a workbook."""
    import duckdb
    import python_calamine

    start = time.perf_counter()
    if path.suffix == ".csv":
        rows = duckdb.sql(
            f'SELECT "Mã xã", "Phân loại", count(*) FROM read_csv(\'{path}\') GROUP BY ALL'
        ).fetchall()
        counted = sum(row[-1] for row in rows)
    else:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        counted = sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
    return {"seconds": time.perf_counter() - start, "rows": counted}


def in_process(what: str, path: Path) -> dict:
    """One run in a fresh Python process: its time and its peak memory."""
    code = (
        "import json, resource, sys; sys.path.insert(0, sys.argv[1]);"
        "import bench_clean as b; from pathlib import Path;"
        "r = getattr(b, sys.argv[2])(Path(sys.argv[3]));"
        "r['peak_mib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024;"
        "print(json.dumps(r))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent), what, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "workflow")},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--xlsx", action="store_true", help="a workbook instead of a CSV")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default="/tmp/povertyplan-bench")
    parser.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    suffix = ".xlsx" if args.xlsx else ".csv"
    if args.write_only:
        bench_file(Path(args.out), args.households, suffix)
        return
    # the file is written by another process: a run's peak memory is never this one's
    subprocess.run([sys.executable, *sys.argv, "--write-only"], check=True)
    path = bench_file(Path(args.out), args.households, suffix)
    reference = "DuckDB read_csv + GROUP BY" if not args.xlsx else "python-calamine, cells only"
    runs: dict[str, list[dict]] = {reference: [], "povertyplan clean_year": []}
    for _ in range(args.repeat):
        runs[reference].append(in_process("run_reference", path))
        runs["povertyplan clean_year"].append(in_process("run_ours", path))
    size = path.stat().st_size / 1e6
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{path.name}: {args.households:,} households, {size:.0f} MB"
    )
    base = statistics.median(r["seconds"] for r in runs[reference])
    for name, results in runs.items():
        median = statistics.median(r["seconds"] for r in results)
        peak = max(r["peak_mib"] for r in results)
        ratio = "" if name == reference else f" = {median / base:.1f}× the reference"
        print(
            f"{name}: "
            + ", ".join(f"{r['seconds']:.2f}" for r in results)
            + f" s; median {median:.2f} s{ratio}; peak memory {peak:.0f} MiB"
        )
    kept = {r["rows_kept"] for r in runs["povertyplan clean_year"]}
    assert kept == {args.households}, f"kept {kept}, expected {args.households}"


if __name__ == "__main__":
    main()
