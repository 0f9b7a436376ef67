"""Executing presentation notebooks: a job's notebooks share one kernel, and a notebook's
outputs do not depend on which notebooks ran before it in that kernel."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from povertyplan.present.notebooks import NotebookRun, run_notebooks


def write_template(path: Path, *sources: str) -> str:
    """A notebook with a `parameters` cell (`value = 0`) and the given code cells."""
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("value = 0")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, *(nbformat.v4.new_code_cell(s) for s in sources)]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "language": "python",
        "display_name": "Python 3",
    }
    nbformat.write(notebook, path)
    return str(path)


def run_of(template: str, out: Path, name: str, value: int) -> NotebookRun:
    return NotebookRun(
        template, str(out / f"{name}.ipynb"), str(out / f"{name}.html"), {"value": value}
    )


def outputs(run: NotebookRun) -> tuple[bytes, bytes]:
    return Path(run.executed).read_bytes(), Path(run.html).read_bytes()


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    # the first leaves a name, an open figure and a changed rcParam behind it
    first = write_template(
        folder / "first.ipynb",
        "leftover = value * 2\n"
        "import matplotlib.pyplot as plt\n"
        "plt.figure()\n"
        "print('first', leftover)",
    )
    second = write_template(
        folder / "second.ipynb",
        "print('leftover' in dir(), value)",
        "import matplotlib.pyplot as plt\nprint('open figures', len(plt.get_fignums()))",
    )
    failing = write_template(folder / "failing.ipynb", "raise ValueError('broken on purpose')")
    return {"first": first, "second": second, "failing": failing}


def test_a_notebook_gives_the_same_outputs_alone_and_after_another(templates, tmp_path):
    alone = run_of(templates["second"], tmp_path, "second", 7)
    run_notebooks([alone])
    alone_outputs = outputs(alone)
    before = run_of(templates["first"], tmp_path / "shared", "first", 3)
    after = run_of(templates["second"], tmp_path, "second", 7)
    run_notebooks([before, after])

    assert outputs(after) == alone_outputs
    executed = json.loads(Path(after.executed).read_text(encoding="utf-8"))
    code = [cell for cell in executed["cells"] if cell["cell_type"] == "code"]
    # counts start again at 1; the first notebook's names and figures are gone
    assert [cell["execution_count"] for cell in code] == [1, 2, 3, 4]
    printed = ["".join(o.get("text", "")) for cell in code for o in cell["outputs"]]
    assert printed[-2:] == ["False 7\n", "open figures 0\n"]
    first = json.loads(Path(before.executed).read_text(encoding="utf-8"))
    assert first["cells"][-1]["outputs"][0]["text"] == ["first 6\n"]


def test_a_failing_notebook_stops_the_ones_after_it(templates, tmp_path):
    from papermill.exceptions import PapermillExecutionError

    broken = run_of(templates["failing"], tmp_path, "failing", 1)
    later = run_of(templates["second"], tmp_path, "second", 1)
    with pytest.raises(PapermillExecutionError, match="broken on purpose"):
        run_notebooks([broken, later])
    # the failed notebook is kept with its error, for the log; the next one never ran
    assert "broken on purpose" in Path(broken.executed).read_text(encoding="utf-8")
    assert not Path(later.executed).exists()


def test_kernels_side_by_side_give_the_same_outputs_as_one(templates, tmp_path):
    """Three notebooks over two kernels (each takes the next one not yet taken) give the
    same files as the three in one kernel."""
    names = [("first", 1), ("second", 2), ("first", 3)]

    def runs(folder: Path) -> list[NotebookRun]:
        return [run_of(templates[name], folder, f"{name}-{value}", value) for name, value in names]

    run_notebooks(runs(tmp_path))
    one_kernel = [outputs(run) for run in runs(tmp_path)]
    run_notebooks(runs(tmp_path), kernels=2)
    assert [outputs(run) for run in runs(tmp_path)] == one_kernel
