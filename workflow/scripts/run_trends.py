"""Snakemake wiring: trends of every review on one geography, then the trends notebook,
in one job (povertyplan.pipeline.steps.trends, present.notebooks)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_steps
from povertyplan.present.notebooks import notebook_runs, run_notebooks

sm = snakemake  # noqa: F821  (injected by Snakemake)
trends = dict(
    communes=list(sm.input.communes),
    districts=list(sm.input.districts),
    registry=sm.input.registry,
    geography=sm.params.geography,
    out_trends=sm.output.trends,
)
notebooks = notebook_runs(sm.params.notebooks, sm.input.notebooks, dict(sm.output.items()))
run_steps(sm.log[0], [(steps.trends, trends), (run_notebooks, dict(runs=notebooks))])
