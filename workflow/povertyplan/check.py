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
    """Check `paths` as the pipeline would; print the problems; return the exit code.

    Files of the same review year are also checked against each other (a household code in
    two files); a file named twice is checked once.
    """
    spec = load_column_spec(columns_path)
    registry = load_registry(registry_path)
    default_year = year or dt.date.today().year
    failed = False
    checked: list[tuple[str, int, object]] = []  # (name shown, review year, result)
    seen: set[Path] = set()
    for name in paths:
        path = Path(name)
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        review_year = year or year_of(path, default_year)
        try:
            table = read_raw_file(path, spec)
            lookup = commune_lookup(registry, review_date(review_year))
            result = clean_table(table, spec, lookup, registry, review_year)
        except PovertyPlanError as error:
            say(error.one_line(language))
            failed = True
            continue
        checked.append((name, review_year, result))
    # files are named by their file name, or by their path when two share a name
    basenames = [Path(n).name for n, _, _ in checked]
    checked = [
        (Path(n).name if basenames.count(Path(n).name) == 1 else n, y, r) for n, y, r in checked
    ]
    column = "message_vi" if language == "vi" else "message"
    across_by_name: dict[str, pd.DataFrame] = {}
    for review_year in sorted({y for _, y, _ in checked}):
        same_year = [(n, r) for n, y, r in checked if y == review_year]
        households = pd.concat(
            [r.households.assign(source_file=n) for n, r in same_year], ignore_index=True
        )
        _, across = reject_across_files(households)
        for name, _ in same_year:
            across_by_name[name] = across[across["source_file"] == name]
    for name, _, result in checked:
        mine = across_by_name.get(name, pd.DataFrame(columns=result.rejects.columns))
        rejects = pd.concat([result.rejects, mine], ignore_index=True).sort_values(
            ["source_row"], kind="stable"
        )
        for message in rejects[column]:
            say(message)
        rejected = int(result.ledger["rows_rejected"]) + len(mine)
        failed |= rejected > 0
        say(
            SUMMARY[language].format(
                file=name,
                read=result.ledger["rows_read"],
                kept=int(result.ledger["rows_kept"]) - len(mine),
                rejected=rejected,
            )
        )
    say(SOME_REJECTED[language] if failed else ALL_CLEAN[language])
    return 1 if failed else 0
