"""Snakemake wiring: execute a rule's presentation notebooks with papermill, in a kernel
for each thread the job is given, and render each to HTML
(povertyplan.present.notebooks.run_notebooks). The rule
gives `params.notebooks` ({notebook: its parameters}), the templates as
`input.notebooks` and, for each notebook, the outputs `<notebook>_notebook` (the executed
.ipynb) and `<notebook>_html`."""

from povertyplan.pipeline.runner import run_step
from povertyplan.present.notebooks import notebook_runs, run_notebooks

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    run_notebooks,
    sm.log[0],
    runs=notebook_runs(sm.params.notebooks, sm.input.notebooks, dict(sm.output.items())),
    kernels=sm.threads,
)
