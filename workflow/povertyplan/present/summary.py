"""A readable summary of a run, for scheduled (unattended) runs and their e-mail or log.

    python -m povertyplan summary [--results results] [--lang en]

One line per review year found under `results/`: files, rows read, kept and rejected
(with the most frequent reasons), and when there is one, the poor households' flow and
how the previous plan was met. The last line says OK, or what needs attention. Counts
only: no name or ID number is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..clean.households import files_with
from ..compute import datasets
from ..core.labels import label, reason_label
from .index import write_index


def _newer(path: Path, than: Path) -> bool:
    """`path` exists and was written after `than` (so it belongs to this run)."""
    return path.exists() and path.stat().st_mtime_ns >= than.stat().st_mtime_ns


def _reading_text(folder: Path, ledger: pd.DataFrame, language: str) -> tuple[str, int]:
    """The year's files and rows read, kept and rejected, with the most frequent reasons;
    and how many rows were rejected."""
    year = folder.name
    totals = {c: int(ledger[c].sum()) for c in ("rows_read", "rows_kept", "rows_rejected")}
    text = label(
        "summary.files",
        language,
        year=year,
        files=len(ledger),
        read=totals["rows_read"],
        kept=totals["rows_kept"],
        rejected=totals["rows_rejected"],
    )
    rejects_path = folder / "rejects.parquet"
    if totals["rows_rejected"] and rejects_path.exists():
        counts = datasets.read_parquet(rejects_path)["reason"].value_counts().head(3)
        reasons = ", ".join(
            f"{reason_label(reason, language)} ({count})" for reason, count in counts.items()
        )
        text += label("summary.reasons", language, reasons=reasons, year=year)
    return text, totals["rows_rejected"]


def _files_text(refused: list[str], copies: list[str], language: str) -> str:
    """The files that could not be read, and those sent twice (blank when none)."""
    text = ""
    if refused:
        text += label("summary.refused", language, count=len(refused), files=", ".join(refused))
    if copies:
        text += label("summary.copies", language, count=len(copies), files=", ".join(copies))
    return text


def _finished(folder: Path, previous: Path | None) -> bool:
    """Whether the year's plan and, when an earlier review is there, its flows and (after
    the year just before) its attainment were written after its ledger."""
    expected = [folder / "targets.parquet"]
    if previous is not None:
        expected.append(folder / "flows.parquet")
        if int(previous.name) == int(folder.name) - 1:
            expected.append(folder / "attainment.parquet")
    return all(_newer(path, folder / "ledger.parquet") for path in expected)


def _flows_text(flows_path: Path, language: str) -> str:
    """The district's poor households at the previous review and now, with what came and
    went (blank without flows)."""
    if not flows_path.exists():
        return ""
    flows = datasets.read_parquet(flows_path)
    poor = flows[
        (flows["level"] == "district")
        & (flows["flow_group"] == "poor")
        & (flows["measure"] == "households")
    ].iloc[0]
    return label(
        "summary.flows",
        language,
        **{k: int(poor[k]) for k in ("opening", "closing", "decreases", "increases")},
    )


def _plan_text(attainment_path: Path, language: str) -> str:
    """How many communes met the previous plan, and the district's assessment (blank
    without an attainment)."""
    if not attainment_path.exists():
        return ""
    table = datasets.read_parquet(attainment_path)
    communes = table[table["level"] == "commune"]
    district = table[table["level"] == "district"].iloc[0]
    return label(
        "summary.plan",
        language,
        plan=int(district["plan_year"]),
        met=int((communes["status"] == "met").sum()),
        communes=len(communes),
        status=label(f"attainment_word.{district['status']}", language),
    )


def _year_line(folder: Path, language: str, previous: Path | None) -> tuple[str, bool, bool]:
    """(line, rows were rejected, the year finished: its plan and, when an earlier review
    is there, its flows and attainment were written after its ledger)."""
    year = folder.name
    ledger_path = folder / "ledger.parquet"
    if not ledger_path.exists():
        return f"{year}: " + label("summary.not_finished", language, year=year), False, False
    ledger = datasets.read_parquet(ledger_path)
    line, rejected = _reading_text(folder, ledger, language)
    refused, copies = files_with(ledger, "refused"), files_with(ledger, "duplicate_of")
    line += _files_text(refused, copies, language)
    finished = _finished(folder, previous)
    if not finished:
        line += " - " + label("summary.not_finished", language, year=year)
    line += _flows_text(folder / "flows.parquet", language)
    line += _plan_text(folder / "attainment.parquet", language)
    return line, rejected > 0 or bool(refused), finished


def run_summary(results: str | Path, language: str = "vi") -> tuple[list[str], bool]:
    """The summary's lines and whether the run needs no attention (every year finished,
    no row rejected)."""
    folders = sorted(p for p in Path(results).glob("[0-9][0-9][0-9][0-9]") if p.is_dir())
    if not folders:
        return [label("summary.none", language, results=results)], False
    lines, rejected, stopped = [], [], []
    for number, folder in enumerate(folders):
        previous = folders[number - 1] if number else None
        line, has_rejects, finished = _year_line(folder, language, previous)
        lines.append(line)
        if has_rejects:
            rejected.append(folder.name)
        if not finished:
            stopped.append(folder.name)
    problems = []
    if rejected:
        problems.append(label("summary.rejected_years", language, years=", ".join(rejected)))
    if stopped:
        problems.append(label("summary.stopped_years", language, years=", ".join(stopped)))
    lines.append(
        label("summary.attention", language, problems="; ".join(problems))
        if problems
        else label("summary.ok", language)
    )
    return lines, not problems


# folders of a year that are not its results: per-file cleaning, logs, timings
_NOT_RESULTS = {"clean", "logs", "benchmarks"}


def withdraw_unfinished_years(
    results: str | Path, expected: list[str], title: str, raw_dir: str | Path
) -> dict[str, list[str]]:
    """After a run that failed: a year whose files were read again but whose plan was not
    rebuilt keeps, from an earlier run, outputs that describe other files. Every output
    of the year older than its newest raw file, or than this run's reading of them (its
    households, rejects and ledger), is removed, so that no old plan looks current; what
    this run wrote (the ledger, the rejects, the data-quality report) stays. The index
    page is rebuilt from what is left and says which years did not finish. Returns
    {year: the files removed}."""
    results = Path(results)
    removed: dict[str, list[str]] = {}
    for folder in sorted(p for p in results.glob("[0-9][0-9][0-9][0-9]") if p.is_dir()):
        read = [folder / f"{name}.parquet" for name in ("households", "rejects", "ledger")]
        if not all(path.exists() for path in read):
            continue
        # the moment the year's files were last read (the oldest of what reading wrote),
        # or a raw file changed since, whichever is later
        moments = [min(read, key=lambda path: path.stat().st_mtime_ns)]
        moments += [p for p in (Path(raw_dir) / folder.name).glob("*") if p.is_file()]
        since = max(moments, key=lambda path: path.stat().st_mtime_ns)

        stale = [
            path
            for path in sorted(folder.rglob("*"))
            if path.is_file()
            and path.relative_to(folder).parts[0] not in _NOT_RESULTS
            and not _newer(path, since)
        ]
        mine = [p for p in expected if Path(p).parts[:2] == (results.name, folder.name)]
        if stale or any(not Path(p).exists() for p in mine):
            for path in stale:
                path.unlink()
            removed[folder.name] = [str(p) for p in stale]
    if removed:
        write_index(
            [p for p in expected if Path(p).exists()],
            str(results / "index.html"),
            title,
            unfinished=sorted(removed),
        )
    return removed
