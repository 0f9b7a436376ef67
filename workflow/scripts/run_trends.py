"""Snakemake wiring: trends of every review on one geography (povertyplan.steps.trends)."""

from povertyplan import steps
from povertyplan.runner import run_step

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
