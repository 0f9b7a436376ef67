"""Time reading and cleaning one large commune file, against pyarrow reading the same file.

    .venv/bin/python tests/benchmarks/bench_clean.py --households 100000 --repeat 3

Writes (once, under --out) a CSV and an .xlsx of N households in the generator's layout,
then times `read_raw_file` and `clean_table` on each, and, as a reference measured in the
same run on the same CSV, pyarrow's `read_csv` with a count by commune and status. Prints
each run, the medians, the ratio to the reference and the peak resident memory.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import time
from pathlib import Path

import pyarrow.csv as pacsv

from povertyplan.clean import clean_table
from povertyplan.columns import load_column_spec
from povertyplan.generate import CommuneSpec, generate_review
from povertyplan.read import read_raw_file
from povertyplan.registry import commune_lookup, load_registry, review_date

REPO = Path(__file__).resolve().parents[2]


def files(out: Path, households: int) -> list[Path]:
    """The benchmark's two files, written by the generator when missing."""
    folder = out / str(households)
    paths = [folder / "2018" / "bench.csv", folder / "2018" / "bench.xlsx"]
    if not all(p.exists() for p in paths):
        poor, near, exit_ = households // 20, households // 16, households // 60
        specs = [
            CommuneSpec("19612", "Cam Thành", "Xã Cam Thành", "rural", households, poor,
                        exit_, near, file_format="csv", file_name="bench.csv"),
            CommuneSpec("19600", "Cam Tuyền", "Xã Cam Tuyền", "rural", households, poor,
                        exit_, near, file_name="bench.xlsx"),
        ]  # fmt: skip
        generate_review(specs, 2018, folder)
    return paths


def reference(path: Path) -> None:
    """pyarrow: read the CSV, count households by commune and status."""
    table = pacsv.read_csv(
        path,
        parse_options=pacsv.ParseOptions(delimiter=";" if b";" in path.read_bytes()[:500] else ","),
    )
    columns = [c for c in table.column_names if c in ("Xã", "Mã xã")][:1] + [
        c for c in table.column_names if c in ("Kết quả rà soát", "Phân loại")
    ][:1]
    table.group_by(columns).aggregate([([], "count_all")])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default="/tmp/povertyplan-bench")
    args = parser.parse_args()
    spec = load_column_spec(REPO / "config" / "columns.yaml")
    registry = load_registry(REPO / "config" / "communes.csv")
    lookup = commune_lookup(registry, review_date(2018))
    csv_path, xlsx_path = files(Path(args.out), args.households)
    times: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        start = time.perf_counter()
        reference(csv_path)
        times.setdefault("reference: pyarrow read_csv + count (CSV)", []).append(
            time.perf_counter() - start
        )
        for path in (csv_path, xlsx_path):
            start = time.perf_counter()
            table = read_raw_file(path, spec)
            middle = time.perf_counter()
            result = clean_table(table, spec, lookup, registry, 2018)
            end = time.perf_counter()
            assert result.ledger["rows_kept"] == args.households
            times.setdefault(f"read {path.suffix}", []).append(middle - start)
            times.setdefault(f"clean {path.suffix}", []).append(end - middle)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{platform.machine()}, {platform.python_version()}, {args.households} households a file")
    base = statistics.median(times["reference: pyarrow read_csv + count (CSV)"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(
            f"{name}: "
            + ", ".join(f"{t:.2f}" for t in runs)
            + f" s; median {median:.2f} s"
            + ("" if name.startswith("reference") else f" ({median / base:.0f}× the reference)")
        )
    print(f"peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
