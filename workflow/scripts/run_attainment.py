"""Snakemake wiring: attainment of the previous plan (povertyplan.pipeline.steps.attainment)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.attainment,
    sm.log[0],
    targets_path=sm.input.targets,
    flows_path=sm.input.flows,
    communes=sm.input.communes,
    district_path=sm.input.district,
    registry=sm.input.registry,
    goals_config=dict(sm.params.goals),
    district=dict(sm.params.district),
    year=int(sm.wildcards.year),
    language=sm.params.language,
    out_attainment=sm.output.attainment,
    out_xlsx=sm.output.xlsx,
)
