"""The pre-check for commune officers: validate files without running the pipeline.

    python -m povertyplan check FILE... [--year 2018] [--lang en]

Prints every problem on one line (file, row as Excel shows it, column, what is wrong,
what to do), in Vietnamese unless `--lang en`, then one summary line per file. Exits 1
when any row would be rejected or a file cannot be read, 0 when all files are clean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .clean import clean_table, reject_across_files
from .columns import load_column_spec
from .errors import PovertyPlanError
from .read import read_raw_file
from .registry import commune_lookup, load_registry, review_date

SUMMARY = {
    "vi": "{file}: đọc {read} dòng, hợp lệ {kept}, bị loại {rejected}",
    "en": "{file}: {read} rows read, {kept} valid, {rejected} rejected",
}
ALL_CLEAN = {"vi": "Tất cả các tệp đều hợp lệ.", "en": "All files are valid."}
SOME_REJECTED = {
    "vi": "Có lỗi: sửa các lỗi trên rồi gửi lại tệp.",
    "en": "There are problems: correct them and send the files again.",
}


def year_of(path: Path, default: int) -> int:
    """The review year of a file: its folder's name when that is a year (data/raw/2018/)."""
    name = path.resolve().parent.name
    return int(name) if name.isdigit() and len(name) == 4 else default


def check_files(
    paths: list[str],
    registry_path: str,
    columns_path: str,
    language: str = "vi",
    year: int | None = None,
    say: Callable[[str], None] = print,
) -> int:
    """Check `paths` as the pipeline would; print the problems; return the exit code."""
    spec = load_column_spec(columns_path)
    registry = load_registry(registry_path)
    default_year = year or dt.date.today().year
    failed = False
    kept_frames, results = [], []
    for name in paths:
        path = Path(name)
        review_year = year or year_of(path, default_year)
        try:
            table = read_raw_file(path, spec)
            result = clean_table(
                table,
                spec,
                commune_lookup(registry, review_date(review_year)),
                registry,
                review_year,
            )
        except PovertyPlanError as error:
            say(error.one_line(language))
            failed = True
            continue
        results.append(result)
        kept_frames.append(result.households)
    if kept_frames:
        _, across = reject_across_files(pd.concat(kept_frames, ignore_index=True))
        column = "message_vi" if language == "vi" else "message"
        for result in results:
            mine = across[across["source_file"] == result.ledger["source_file"]]
            rejects = pd.concat([result.rejects, mine], ignore_index=True).sort_values(
                ["source_row"], kind="stable"
            )
            for message in rejects[column]:
                say(message)
            rejected = int(result.ledger["rows_rejected"]) + len(mine)
            failed |= rejected > 0
            say(
                SUMMARY[language].format(
                    file=result.ledger["source_file"],
                    read=result.ledger["rows_read"],
                    kept=int(result.ledger["rows_kept"]) - len(mine),
                    rejected=rejected,
                )
            )
    say(SOME_REJECTED[language] if failed else ALL_CLEAN[language])
    return 1 if failed else 0
