"""Snakemake wiring: clean one raw file (povertyplan.steps.clean_file)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.clean_file,
    sm.log[0],
    raw=sm.input.raw,
    registry=sm.input.registry,
    columns=sm.input.columns,
    year=int(sm.wildcards.year),
    households=sm.output.households,
    rejects=sm.output.rejects,
    ledger=sm.output.ledger,
)
