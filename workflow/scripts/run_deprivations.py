"""Snakemake wiring: deprivation tables and AF measures (povertyplan.steps.deprivations)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.deprivations,
    sm.log[0],
    households=sm.input.households,
    standards_dir=sm.params.standards_dir,
    standard=sm.params.standard,
    district=dict(sm.params.district),
    af_config=dict(sm.params.alkire_foster),
    year=int(sm.wildcards.year),
    registry=sm.input.registry,
    out_deprivations=sm.output.deprivations,
    out_breakdowns=sm.output.breakdowns,
    out_af=sm.output.af,
    out_xlsx=sm.output.xlsx,
)
