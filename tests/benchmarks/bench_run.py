"""Time the default run (the embedded example) from an empty results/ folder.

    .venv/bin/python tests/benchmarks/bench_run.py --repeat 3     (or: make bench)

Each repetition copies config/ and data/ into a fresh temporary working directory and runs
`snakemake --profile profiles/default --cores all` there, so your own results/ is left
alone. Prints the wall time of each run, their median, and the median time per rule from
the rules' `benchmark:` files.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def one_run() -> tuple[float, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="povertyplan-bench-") as tmp:
        work = Path(tmp)
        shutil.copytree(REPO / "config", work / "config")
        shutil.copytree(REPO / "data", work / "data")
        command = [
            sys.executable,
            "-m",
            "snakemake",
            "--snakefile",
            str(REPO / "Snakefile"),
            "--directory",
            str(work),
            "--profile",
            str(REPO / "profiles" / "default"),
            "--cores",
            "all",
            "--quiet",
            "all",
        ]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        per_rule: dict[str, float] = defaultdict(float)
        for tsv in (work / "results").rglob("benchmarks/**/*.tsv"):
            rule = tsv.parent.name if tsv.parent.name != "benchmarks" else tsv.stem
            with tsv.open() as handle:
                per_rule[rule] += float(next(csv.DictReader(handle, delimiter="\t"))["s"])
        return elapsed, dict(per_rule)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    walls, rules = [], defaultdict(list)
    for number in range(1, args.repeat + 1):
        wall, per_rule = one_run()
        walls.append(wall)
        for rule, seconds in per_rule.items():
            rules[rule].append(seconds)
        print(f"run {number}: {wall:.1f} s")
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"median wall time of {args.repeat} runs: {statistics.median(walls):.1f} s")
    print("median time per rule (sum over its jobs; jobs run 2 at a time):")
    for rule, values in sorted(rules.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"  {rule:<20} {statistics.median(values):6.2f} s")


if __name__ == "__main__":
    main()
