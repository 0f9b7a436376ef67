"""Snakemake wiring: published plans against the recomputed plan (povertyplan.pipeline.steps.reconcile)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.reconcile,
    sm.log[0],
    published=list(sm.params.plans),
    targets_path=sm.input.targets,
    district_path=sm.input.district,
    registry=sm.input.registry,
    year=int(sm.wildcards.year),
    out=sm.output[0],
)
