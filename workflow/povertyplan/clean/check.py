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

from ..core.errors import PovertyPlanError
from ..core.labels import label
from ..read.columns import load_column_spec
from ..read.registry import commune_lookup, load_registry, review_date
from .file import clean_file
from .households import CleanResult, combine_year


def year_of(path: Path, default: int) -> int:
    """The review year of a file: its folder's name when that is a year (data/raw/2018/)."""
    name = path.resolve().parent.name
    return int(name) if name.isdigit() and len(name) == 4 else default


def _named(result: CleanResult, name: str) -> CleanResult:
    """The result with its file called `name` (a path, when two files share a name)."""
    ledger = {**result.ledger, "source_file": name}
    households = (
        result.households.assign(source_file=name) if len(result.households) else result.households
    )
    clashes = result.clashes.assign(source_file=name) if len(result.clashes) else result.clashes
    return CleanResult(households, result.rejects.assign(source_file=name), ledger, clashes)


def _files_to_check(
    paths: list[str], year: int | None, say: Callable[[str], None], language: str
) -> list[tuple[str, int, Path]]:
    """(name shown, review year, path) of each file to check: Excel's lock files skipped
    (as the pipeline skips them), a file named twice checked once, and a file shown by its
    path when another file has the same name."""
    default_year = year or dt.date.today().year
    unique: dict[Path, str] = {}
    for name in paths:
        if Path(name).name.startswith("~$"):
            say(label("check.lock_file", language, file=Path(name).name))
            continue
        unique.setdefault(Path(name).resolve(), name)
    basenames = [Path(n).name for n in unique.values()]
    return [
        (
            Path(n).name if basenames.count(Path(n).name) == 1 else n,
            year or year_of(Path(n), default_year),
            Path(n),
        )
        for n in unique.values()
    ]


def _say_outcome(
    rejects: pd.DataFrame, ledger: pd.DataFrame, language: str, say: Callable[[str], None]
) -> bool:
    """Each file's problems in row order, then its summary line; True when a file was
    refused or a row rejected."""
    column = "message_vi" if language == "vi" else "message"
    failed = False
    for entry in ledger.to_dict("records"):
        name = entry["source_file"]
        mine = rejects[rejects["source_file"] == name]
        for message in mine.sort_values(["source_row"], kind="stable")[column]:
            say(message)
        if entry["refused"]:
            say(label("check.refused", language, file=name))
            failed = True
        elif entry["duplicate_of"]:
            say(label("check.copy", language, file=name, original=entry["duplicate_of"]))
        else:
            failed |= entry["rows_rejected"] > 0
            say(
                label(
                    "check.summary",
                    language,
                    file=name,
                    read=entry["rows_read"],
                    kept=entry["rows_kept"],
                    rejected=entry["rows_rejected"],
                )
            )
    return failed


def check_files(
    paths: list[str],
    registry_path: str,
    columns_path: str,
    language: str = "vi",
    year: int | None = None,
    say: Callable[[str], None] = print,
    standards_dir: str | None = None,
) -> int:
    """Check `paths` as the pipeline would; print the problems; return the exit code.

    Files of the same review year are checked together, as the pipeline's combine step
    does (`clean.combine_year`): a household code in two files is reported in both, a
    file sent twice is read once; a file named twice on the command line is checked once.
    Messages are the officer's: what to write in the file, never the configuration.
    """
    spec = load_column_spec(columns_path, standards_dir)
    registry = load_registry(registry_path)
    checked = _files_to_check(paths, year, say, language)
    failed = False
    for review_year in sorted({y for _, y, _ in checked}):
        lookup = commune_lookup(registry, review_date(review_year))
        # cleaned as the pipeline cleans them; a bug in one file is listed against it too
        results = [
            _named(clean_file(p, spec, registry, review_year, lookup, PovertyPlanError), n)
            for n, y, p in checked
            if y == review_year
        ]
        combined = combine_year(results)
        failed |= _say_outcome(combined.rejects, combined.ledger, language, say)
    say(label("check.some_rejected" if failed else "check.all_clean", language))
    return 1 if failed else 0
