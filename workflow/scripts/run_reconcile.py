"""Snakemake wiring: published plans against the recomputed plan (povertyplan.steps.reconcile)."""

from povertyplan import steps
from povertyplan.runner import run_step

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
