"""Snakemake wiring: flows between consecutive reviews (povertyplan.pipeline.steps.flows)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.flows,
    sm.log[0],
    households=list(sm.input.households),
    registry=sm.input.registry,
    district=dict(sm.params.district),
    year=int(sm.wildcards.year),
    language=sm.params.language,
    out_flows=sm.output.flows,
    out_xlsx=sm.output.xlsx,
    rejects=list(sm.input.rejects),
)
