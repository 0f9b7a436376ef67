"""results/index.html: one page linking every notebook, table, figure and dataset."""

from __future__ import annotations

import html
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
]


TRENDS = "trends"  # results/trends/: what spans every review year


def index_html(files: list[str], out_dir: str, title: str) -> str:
    """The index page's HTML: what spans the years first, then files grouped by review
    year (latest first), then by kind."""
    by_year: dict[str, list[Path]] = defaultdict(list)
    for name in sorted(set(files)):
        path = Path(name)
        year = next((part for part in path.parts if part.isdigit() and len(part) == 4), "")
        by_year[year].append(path)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}li{margin:.2em 0}</style>",
        f"</head><body><h1>{html.escape(title)}</h1>",
    ]
    for year in sorted(by_year, key=lambda y: (y == "", y), reverse=True):
        if year:
            plan = f" — kế hoạch năm {int(year) + 1} / plan for {int(year) + 1}"
            parts.append(
                f"<h2>Rà soát cuối năm {html.escape(year)} / Review of end-{html.escape(year)}"
                f"{plan}</h2>"
            )
        else:
            parts.append("<h2>Qua các năm / Across the years</h2>")
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


def write_index(files: list[str], out: str, title: str) -> None:
    """Write the index page to `out`, linking `files` relative to it."""
    Path(out).write_text(index_html(files, str(Path(out).parent), title), encoding="utf-8")
