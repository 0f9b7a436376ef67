"""Snakemake wiring: clean and combine one review year's raw files
(povertyplan.steps.clean_year)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.clean_year,
    sm.log[0],
    raws=list(sm.input.raw),
    registry=sm.input.registry,
    columns=sm.input.columns,
    year=int(sm.wildcards.year),
    cache_dir=sm.params.cache,
    out_households=sm.output.households,
    out_rejects=sm.output.rejects,
    out_ledger=sm.output.ledger,
    out_rejects_xlsx=sm.output.rejects_xlsx,
    workers=sm.threads,
)
