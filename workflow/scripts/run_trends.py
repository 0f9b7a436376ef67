"""Snakemake wiring: trends of every review on one geography (povertyplan.pipeline.steps.trends)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.trends,
    sm.log[0],
    communes=list(sm.input.communes),
    districts=list(sm.input.districts),
    registry=sm.input.registry,
    geography=sm.params.geography,
    out_trends=sm.output.trends,
)
