"""Snakemake wiring: the commune target table (povertyplan.steps.tables)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.tables,
    sm.log[0],
    targets_path=sm.input.targets,
    district_name=sm.params.district_name,
    language=sm.params.language,
    xlsx=sm.output.xlsx,
    csv=sm.output.csv,
)
