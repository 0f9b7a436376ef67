"""Snakemake wiring: published plans against the recomputed plan, then the reconciliation
notebook, in one job (povertyplan.pipeline.steps.reconcile, present.notebooks)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_steps
from povertyplan.present.notebooks import notebook_runs, run_notebooks

sm = snakemake  # noqa: F821  (injected by Snakemake)
reconcile = dict(
    published=list(sm.params.plans),
    targets_path=sm.input.targets,
    district_path=sm.input.district,
    registry=sm.input.registry,
    year=int(sm.wildcards.year),
    out=sm.output.reconciliation,
)
notebooks = notebook_runs(sm.params.notebooks, sm.input.notebooks, dict(sm.output.items()))
run_steps(sm.log[0], [(steps.reconcile, reconcile), (run_notebooks, dict(runs=notebooks))])
