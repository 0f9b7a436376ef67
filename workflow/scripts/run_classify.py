"""Snakemake wiring: derived classification and mismatches (povertyplan.steps.classify)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.classify,
    sm.log[0],
    households=sm.input.households,
    standards_dir=sm.params.standards_dir,
    standard=sm.params.standard,
    year=int(sm.wildcards.year),
    out_classification=sm.output.classification,
    out_mismatches=sm.output.mismatches,
    ledger=sm.input.ledger,
)
