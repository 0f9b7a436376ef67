"""Executing the presentation notebooks (papermill) and rendering them for reviewers."""

from __future__ import annotations

import os
import queue
import tempfile
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat


@dataclass(frozen=True)
class NotebookRun:
    """One notebook to execute: the template, where the executed notebook and its HTML go,
    and the values of its `parameters` cell."""

    template: str
    executed: str
    html: str
    parameters: dict[str, Any]


# Run silently (no execution count, no history) before each notebook of a kernel: the
# figures of the notebook before are closed and its names forgotten, and the execution
# count starts again at 1, so a notebook's outputs do not depend on what ran before it.
# Imported modules stay imported: that is the point of sharing the kernel.
RESET_KERNEL = """\
import sys as _sys
if "matplotlib.pyplot" in _sys.modules:
    _sys.modules["matplotlib.pyplot"].close("all")
get_ipython().reset(new_session=True)
"""


# What the notebooks import, imported by the kernel as it starts (no output; the names
# go with the first reset).
WARM_UP_KERNEL = [
    "import pandas, pyarrow.parquet, matplotlib.pyplot",
    "import povertyplan.present.figures, povertyplan.present.helpers",
]


def notebook_runs(
    parameters: Mapping[str, Mapping[str, Any]],
    templates: Iterable[str],
    outputs: Mapping[str, str],
) -> list[NotebookRun]:
    """The runs of a rule's notebooks, in the order of `parameters` ({notebook: its
    parameters}): each notebook's template is the one of `templates` with its name, and
    its outputs are `outputs["<notebook>_notebook"]` and `outputs["<notebook>_html"]`.

    >>> notebook_runs({"trends": {"language": "vi"}}, ["notebooks/trends.ipynb"],
    ...     {"trends_notebook": "t.ipynb", "trends_html": "t.html"})[0].executed
    't.ipynb'
    """
    by_name = {Path(template).stem: str(template) for template in templates}
    return [
        NotebookRun(
            template=by_name[name],
            executed=outputs[f"{name}_notebook"],
            html=outputs[f"{name}_html"],
            parameters=dict(values),
        )
        for name, values in parameters.items()
    ]


def run_notebooks(runs: list[NotebookRun], kernels: int = 1) -> None:
    """Execute each notebook with its parameters, then write its HTML (input hidden).

    Starting a kernel and importing pandas and matplotlib in it costs about 2 s, more than
    most notebooks' own work, so a job's notebooks share a kernel (`python3`), reset
    between notebooks (`RESET_KERNEL`): a notebook's outputs are the same whether it runs
    alone or after others. With `kernels` > 1, that many kernels (at most one a notebook)
    run side by side, each taking the next notebook not yet taken, in the order given.
    Runs in the current working directory (paths in `parameters` are relative to it);
    each kernel has a private IPYTHONDIR, so that parallel kernels do not collide. A
    notebook that fails stops the ones not yet started, and its error is raised.
    """
    os.environ.setdefault("MPLBACKEND", "Agg")
    pending: queue.SimpleQueue[NotebookRun] = queue.SimpleQueue()
    for run in runs:
        pending.put(run)
    failed: list[BaseException] = []
    count = max(1, min(kernels, len(runs)))
    if count == 1:
        _run_in_one_kernel(pending, failed)
    else:
        threads = [
            threading.Thread(target=_run_in_one_kernel, args=(pending, failed))
            for _ in range(count)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    if failed:
        raise failed[0]


def _run_in_one_kernel(
    pending: queue.SimpleQueue[NotebookRun], failed: list[BaseException]
) -> None:
    """Start a kernel and execute the pending notebooks in it, one after the other, until
    none is left or one failed (here or in another kernel: its error goes to `failed`)."""
    from jupyter_core.utils import run_sync

    kernel = _shared_kernel()
    ipython_dir = tempfile.TemporaryDirectory(prefix="povertyplan-ipython-")
    try:
        # the kernel imports what every notebook uses as it starts, while this process
        # imports papermill and nbconvert (about 1.3 s), instead of one after the other
        run_sync(kernel.start_kernel)(
            cwd=os.getcwd(),
            env={**os.environ, "IPYTHONDIR": ipython_dir.name},
            extra_arguments=[f"--IPKernelApp.exec_lines={line}" for line in WARM_UP_KERNEL],
        )
        import nbconvert  # noqa: F401  (used by write_html)
        import papermill

        while not failed:
            try:
                run = pending.get_nowait()
            except queue.Empty:
                return
            run_sync(_reset)(kernel)
            Path(run.executed).parent.mkdir(parents=True, exist_ok=True)
            papermill.execute_notebook(
                run.template,
                run.executed,
                parameters=run.parameters,
                kernel_name="python3",
                km=kernel,
                cwd=os.getcwd(),
                progress_bar=False,
                report_mode=False,
            )
            kernel.close_clients()
            normalise_notebook(run.executed, f"notebooks/{Path(run.template).name}")
            write_html(run.executed, run.html)
    except BaseException as error:  # raised by run_notebooks, in the job's own thread
        failed.append(error)
    finally:
        kernel.close_clients()
        if kernel.has_kernel:
            run_sync(kernel.shutdown_kernel)(now=False)
        ipython_dir.cleanup()


def _shared_kernel() -> Any:
    """A kernel manager (`python3`) that keeps the clients papermill opens on it, so that
    they are closed after each notebook: papermill closes them only on kernels it owns."""
    from jupyter_client.manager import AsyncKernelManager

    class SharedKernel(AsyncKernelManager):  # type: ignore[misc]
        opened: list[Any] = []  # (a new class, and list, for each kernel)

        def client(self, **kwargs: Any) -> Any:
            client = super().client(**kwargs)
            self.opened.append(client)
            return client

        def close_clients(self) -> None:
            while self.opened:
                self.opened.pop().stop_channels()

    return SharedKernel(kernel_name="python3")


async def _reset(kernel: Any) -> None:
    """Run `RESET_KERNEL` in the kernel and wait for it to finish."""
    client = kernel.client()
    client.start_channels()
    await client.wait_for_ready(timeout=60)
    reply = await client.execute_interactive(
        RESET_KERNEL, silent=True, store_history=False, timeout=60
    )
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"the notebook kernel could not be reset: {reply['content']}")


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
