"""Snakemake wiring: the year's read/kept/rejected summary and the strict-mode stop
(povertyplan.steps.validation_gate)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.validation_gate, sm.log[0], ledger=sm.input.ledger, mode=sm.params.mode, out=sm.output[0]
)
