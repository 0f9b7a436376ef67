"""results/index.html: one page linking every notebook, table, figure and dataset."""

from __future__ import annotations

import html
import json
import os
from collections import defaultdict
from pathlib import Path

KINDS = [
    ("notebooks", ".html", "Báo cáo (notebook) / Reports"),
    ("notebooks", ".ipynb", "Notebook đã chạy (có mã) / Executed notebooks, with code"),
    ("tables", None, "Bảng / Tables"),
    ("figures", ".png", "Biểu đồ / Figures"),
    ("", ".xlsx", "Dòng bị loại, để gửi lại xã / Rejected rows, to send back"),
    ("", ".parquet", "Dữ liệu (Parquet) / Datasets"),
    ("", ".json", "Nguồn gốc / Provenance"),
]


def provenance_html(record: dict) -> str:
    """One paragraph: commit (and uncommitted changes), configuration hash, inputs."""
    git = record.get("git", {})
    commit = git.get("commit") or "không rõ / unknown"
    dirty = {True: "có thay đổi chưa commit / uncommitted changes", False: "sạch / clean"}
    versions = record.get("versions", {})
    return (
        "<p><b>Nguồn gốc / Provenance:</b> commit <code>"
        + html.escape(str(commit)[:12])
        + "</code> ("
        + html.escape(dirty.get(git.get("dirty"), "không rõ / unknown"))
        + "); cấu hình / config sha256 <code>"
        + html.escape(record.get("config_sha256", "")[:16])
        + "</code>; "
        + str(len(record.get("raw_files", {})))
        + " tệp gốc / raw files; Python "
        + html.escape(versions.get("python", ""))
        + ", Snakemake "
        + html.escape(versions.get("snakemake", ""))
        + ", pandas "
        + html.escape(versions.get("pandas", ""))
        + "</p>"
    )


TRENDS = "trends"  # results/trends/: what spans every review year


UNFINISHED = (
    "Năm {year} chưa hoàn thành ở lần chạy gần nhất: kết quả cũ đã được gỡ bỏ; xem các dòng "
    "và tệp bị loại (rejects.xlsx) và nhật ký (results/{year}/logs/). / The last run did not "
    "finish {year}: its earlier results were withdrawn; see the rejected rows and files "
    "(rejects.xlsx) and the logs (results/{year}/logs/)."
)


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
            plan = f" — kế hoạch năm {int(year) + 1} / plan for {int(year) + 1}"
            parts.append(
                f"<h2>Rà soát cuối năm {html.escape(year)} / Review of end-{html.escape(year)}"
                f"{plan}</h2>"
            )
            if year in (unfinished or []):
                parts.append(
                    '<p class="unfinished"><b>'
                    + html.escape(UNFINISHED.format(year=year))
                    + "</b></p>"
                )
            if provenance and year in provenance:
                parts.append(provenance_html(provenance[year]))
        else:
            parts.append("<h2>Qua các năm / Across the years</h2>")
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
            parts.append(f"<h3>{html.escape(heading)}</h3><ul>")
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
