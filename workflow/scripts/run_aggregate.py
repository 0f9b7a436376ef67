"""Snakemake wiring: commune and district counts (povertyplan.steps.aggregate)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.aggregate,
    sm.log[0],
    households=sm.input.households,
    registry=sm.input.registry,
    district=dict(sm.params.district),
    year=int(sm.wildcards.year),
    communes=sm.output.communes,
    out_district=sm.output.district,
)
