"""Snakemake wiring: combine one year's cleaned files (povertyplan.steps.combine)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.combine,
    sm.log[0],
    households=list(sm.input.households),
    rejects=list(sm.input.rejects),
    ledgers=list(sm.input.ledgers),
    out_households=sm.output.households,
    out_rejects=sm.output.rejects,
    out_ledger=sm.output.ledger,
    out_rejects_xlsx=sm.output.rejects_xlsx,
)
