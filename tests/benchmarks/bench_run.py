"""Time a whole run from an empty results/ folder, and a rerun after one file changed.

    .venv/bin/python tests/benchmarks/bench_run.py --repeat 3     (or: make bench)
    .venv/bin/python tests/benchmarks/bench_run.py --province 150 --repeat 3

Each repetition copies config/ and data/ into a fresh temporary working directory and runs
`snakemake --profile profiles/default --cores all` there, so your own results/ is left
alone; then it changes one household of one commune file (its income) and runs again.
Prints the wall time of each run and rerun, their medians, the rerun as a share of the
run, and the median time per rule from the rules' `benchmark:` files.

--province N: instead of the embedded example, one review year (2018) of N commune CSV
files of about 1,400 households each (written once by the generator, with a registry of
N synthetic communes in one unit), as a province's office receives them.
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


HOUSEHOLDS_PER_COMMUNE = 1_400


def province(communes: int, out: Path) -> Path:
    """A working folder with `communes` synthetic communes: config/ (registry, unit) and
    data/raw/2018/, written once."""
    from povertyplan_dev.generate import CommuneSpec, generate_review

    folder = out / f"province-{communes}"
    if (folder / "data" / "raw" / "2018").is_dir():
        return folder
    shutil.copytree(REPO / "config", folder / "config", ignore=shutil.ignore_patterns("published"))
    specs, registry = [], []
    for number in range(1, communes + 1):
        code, name = f"{90000 + number}", f"Bình Thử {number}"
        households = HOUSEHOLDS_PER_COMMUNE - 200 + (number * 37) % 400
        specs.append(
            CommuneSpec(
                code, name, f"Xã {name}", "rural", households, households // 12,
                households // 100, households // 15, file_format="csv",
                file_name=f"{number:03d}_{code}.csv",
            )
        )  # fmt: skip
        registry.append(f"gso,{code},{name},xã,rural,999,99,,,,{number},")
    header = (REPO / "config" / "communes.csv").read_text(encoding="utf-8").splitlines()[0]
    (folder / "config" / "communes.csv").write_text(
        "\n".join([header, *registry]) + "\n", encoding="utf-8"
    )
    config = (folder / "config" / "config.yaml").read_text(encoding="utf-8")
    config = config.replace('code: "468"', 'code: "999"').replace("name: Cam Lộ", "name: Tỉnh Thử")
    (folder / "config" / "config.yaml").write_text(config, encoding="utf-8")
    generate_review(specs, 2018, folder / "data" / "raw")
    return folder


def change_one_file(work: Path) -> None:
    """Change one household's income in the first commune file of the latest year."""
    latest = max((work / "data" / "raw").iterdir())
    path = sorted(p for p in latest.iterdir() if p.suffix == ".csv")[0]
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    last = max(i for i, line in enumerate(lines) if ".000" in line)
    lines[last] = lines[last].replace(".000", ".100", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def snakemake(work: Path) -> float:
    """One `snakemake` run in `work`: its wall time."""
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
    return time.perf_counter() - start


def one_run(source: Path) -> tuple[float, float, dict[str, float]]:
    """A run from empty and a rerun after one file changed, in a copy of `source`: their
    wall times, and the run's time per rule."""
    with tempfile.TemporaryDirectory(prefix="povertyplan-bench-") as tmp:
        work = Path(tmp)
        shutil.copytree(source / "config", work / "config")
        shutil.copytree(source / "data", work / "data")
        elapsed = snakemake(work)
        per_rule: dict[str, float] = defaultdict(float)
        for tsv in (work / "results").rglob("benchmarks/**/*.tsv"):
            rule = tsv.parent.name if tsv.parent.name != "benchmarks" else tsv.stem
            with tsv.open() as handle:
                per_rule[rule] += float(next(csv.DictReader(handle, delimiter="\t"))["s"])
        change_one_file(work)
        again = snakemake(work)
        return elapsed, again, dict(per_rule)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--province", type=int, default=0, help="N synthetic commune files")
    parser.add_argument("--out", default="/tmp/povertyplan-bench")
    args = parser.parse_args()
    source = province(args.province, Path(args.out)) if args.province else REPO
    walls, reruns, rules = [], [], defaultdict(list)
    for number in range(1, args.repeat + 1):
        wall, again, per_rule = one_run(source)
        walls.append(wall)
        reruns.append(again)
        for rule, seconds in per_rule.items():
            rules[rule].append(seconds)
        print(f"run {number}: {wall:.1f} s; after one file changed: {again:.1f} s")
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    if args.province:
        files = list((source / "data" / "raw" / "2018").iterdir())
        print(f"{len(files)} commune files, one review year")
    run, rerun = statistics.median(walls), statistics.median(reruns)
    print(f"median wall time of {args.repeat} runs: {run:.1f} s")
    print(f"median rerun after one file changed: {rerun:.1f} s ({rerun / run:.0%} of a run)")
    print("median time per rule (sum over its jobs; jobs run 2 at a time):")
    for rule, values in sorted(rules.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"  {rule:<20} {statistics.median(values):6.2f} s")


if __name__ == "__main__":
    main()
