"""results/index.html: one page linking every notebook, table, figure and dataset."""

from __future__ import annotations

import html
import json
import os
from collections import defaultdict
from pathlib import Path

from ..core.labels import both_languages

KINDS = [
    # (folder, suffix, the key of the heading's label), headings in both languages
    ("notebooks", ".html", "index.reports"),
    ("notebooks", ".ipynb", "index.notebooks"),
    ("tables", None, "index.tables"),
    ("figures", ".png", "index.figures"),
    ("", ".xlsx", "index.rejects"),
    ("", ".parquet", "index.datasets"),
    ("", ".json", "index.provenance"),
]


def provenance_html(record: dict) -> str:
    """One paragraph: commit (and uncommitted changes), configuration hash, inputs."""
    git = record.get("git", {})
    unknown = both_languages("index.unknown")
    commit = git.get("commit") or unknown
    dirty = {True: both_languages("index.dirty"), False: both_languages("index.clean")}
    versions = record.get("versions", {})
    return (
        "<p><b>"
        + both_languages("index.provenance")
        + ":</b> commit <code>"
        + html.escape(str(commit)[:12])
        + "</code> ("
        + html.escape(dirty.get(git.get("dirty"), unknown))
        + "); "
        + both_languages("index.config")
        + " sha256 <code>"
        + html.escape(record.get("config_sha256", "")[:16])
        + "</code>; "
        + str(len(record.get("raw_files", {})))
        + " "
        + both_languages("index.raw_files")
        + "; Python "
        + html.escape(versions.get("python", ""))
        + ", Snakemake "
        + html.escape(versions.get("snakemake", ""))
        + ", pandas "
        + html.escape(versions.get("pandas", ""))
        + "</p>"
    )


TRENDS = "trends"  # results/trends/: what spans every review year


def index_html(
    files: list[str],
    out_dir: str,
    title: str,
    provenance: dict[str, dict] | None = None,
    unfinished: list[str] | None = None,
) -> str:
    """The index page's HTML: what spans the years first, then files grouped by review
    year (latest first), then by kind; a year the last run did not finish is named so."""
    by_year: dict[str, list[Path]] = defaultdict(list)
    for name in sorted(set(files)):
        path = Path(name)
        year = next((part for part in path.parts if part.isdigit() and len(part) == 4), "")
        by_year[year].append(path)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}li{margin:.2em 0}"
        ".unfinished{color:#a00}</style>",
        f"</head><body><h1>{html.escape(title)}</h1>",
    ]
    for year in unfinished or []:
        by_year.setdefault(year, [])
    for year in sorted(by_year, key=lambda y: (y == "", y), reverse=True):
        if year:
            review = both_languages("index.review", year=html.escape(year))
            plan = both_languages("index.plan", plan=int(year) + 1)
            parts.append(f"<h2>{review} — {plan}</h2>")
            if year in (unfinished or []):
                parts.append(
                    '<p class="unfinished"><b>'
                    + html.escape(both_languages("index.unfinished", year=year))
                    + "</b></p>"
                )
            if provenance and year in provenance:
                parts.append(provenance_html(provenance[year]))
        else:
            parts.append(f"<h2>{both_languages('index.across_years')}</h2>")
            if provenance and TRENDS in provenance:
                parts.append(provenance_html(provenance[TRENDS]))
        for folder, suffix, heading in KINDS:
            chosen = [
                p
                for p in by_year[year]
                if (p.parent.name == folder if folder else p.parent.name == (year or TRENDS))
                and (suffix is None or p.suffix == suffix)
            ]
            if not chosen:
                continue
            parts.append(f"<h3>{html.escape(both_languages(heading))}</h3><ul>")
            for path in chosen:
                link = os.path.relpath(path, out_dir)
                parts.append(f'<li><a href="{html.escape(link)}">{html.escape(path.name)}</a></li>')
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_index(
    files: list[str], out: str, title: str, unfinished: list[str] | None = None
) -> None:
    """Write the index page to `out`, linking `files` relative to it, with each year's
    provenance summarised from its provenance.json, and the years the last run did not
    finish named."""
    records = {
        Path(name).parent.name: json.loads(Path(name).read_text(encoding="utf-8"))
        for name in files
        if Path(name).name == "provenance.json"
    }
    page = index_html(files, str(Path(out).parent), title, records, unfinished)
    Path(out).write_text(page, encoding="utf-8")
