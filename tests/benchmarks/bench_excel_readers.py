"""Compare Excel readers on the embedded example: python-calamine (what povertyplan uses)
against openpyxl (read-only, values only).

    .venv/bin/python tests/benchmarks/bench_excel_readers.py --repeat 5

Each reader loads every cell of the seven .xlsx files of data/raw/2018/ as Python values;
the median of the repetitions is printed per reader, with the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import openpyxl
import python_calamine

FILES = sorted((Path(__file__).resolve().parents[2] / "data" / "raw" / "2018").glob("*.xlsx"))


def with_calamine(path: Path) -> int:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return sum(
        len(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
        for name in book.sheet_names
    )


def with_openpyxl(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for sheet in book.worksheets for _ in sheet.iter_rows(values_only=True))
    book.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{len(FILES)} files; machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    for name, reader in (
        ("python-calamine", with_calamine),
        ("openpyxl (read-only)", with_openpyxl),
    ):
        times, rows = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            rows = sum(reader(path) for path in FILES)
            times.append(time.perf_counter() - start)
        print(
            f"{name:<22} median {statistics.median(times):.3f} s over {args.repeat} runs ({rows} rows)"
        )


if __name__ == "__main__":
    main()
