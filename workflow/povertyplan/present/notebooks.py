"""Executing the presentation notebooks (papermill) and rendering them for reviewers."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat


def run_notebook(template: str, executed: str, html: str, parameters: dict) -> None:
    """Execute `template` with `parameters` into `executed`, then write `html` (input hidden).

    Runs in the current working directory (paths in `parameters` are relative to it), with
    kernel `python3` and a private IPYTHONDIR so that parallel kernels do not collide.
    """
    import papermill

    Path(executed).parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="povertyplan-ipython-") as ipython_dir:
        os.environ["IPYTHONDIR"] = ipython_dir
        os.environ.setdefault("MPLBACKEND", "Agg")
        papermill.execute_notebook(
            template,
            executed,
            parameters=parameters,
            kernel_name="python3",
            cwd=os.getcwd(),
            progress_bar=False,
            report_mode=False,
        )
    normalise_notebook(executed, f"notebooks/{Path(template).name}")
    write_html(executed, html)


def normalise_notebook(path: str, template: str | None = None) -> None:
    """Drop run-time noise (timings, random cell ids) from an executed notebook in place,
    and record the template as a project path (`notebooks/x.ipynb`), not an absolute one."""
    notebook = nbformat.read(path, as_version=4)
    papermill = notebook.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration"):
        papermill.pop(key, None)
    if papermill and template:
        papermill["input_path"] = template
        papermill["output_path"] = str(path)
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number}"
        cell.metadata.pop("execution", None)
        pm = cell.metadata.get("papermill")
        if pm:
            for key in ("start_time", "end_time", "duration"):
                pm.pop(key, None)
    nbformat.write(notebook, path)


def write_html(executed: str, html: str) -> None:
    """Render an executed notebook to a standalone HTML page without code cells."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_filename(executed)
    Path(html).write_text(body, encoding="utf-8")
