"""Snakemake wiring: execute a presentation notebook with papermill and render it to HTML
(povertyplan.present.notebooks.run_notebook)."""

from povertyplan.pipeline.runner import run_step
from povertyplan.present.notebooks import run_notebook

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    run_notebook,
    sm.log[0],
    template=sm.input.notebook,
    executed=sm.output.notebook,
    html=sm.output.html,
    parameters=dict(sm.params.parameters),
)
