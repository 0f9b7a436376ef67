"""Snakemake wiring: a year's files cleaned and combined (povertyplan.pipeline.steps.clean_year),
then each household's classification checked (povertyplan.pipeline.steps.classify), in one job."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_steps

sm = snakemake  # noqa: F821  (injected by Snakemake)
year = int(sm.wildcards.year)
run_steps(
    sm.log[0],
    [
        (
            steps.clean_year,
            dict(
                raws=list(sm.input.raw),
                registry=sm.input.registry,
                columns=sm.input.columns,
                year=year,
                cache_dir=sm.params.cache,
                out_households=sm.output.households,
                out_rejects=sm.output.rejects,
                out_ledger=sm.output.ledger,
                out_rejects_xlsx=sm.output.rejects_xlsx,
                workers=sm.threads,
                standards_dir=sm.params.standards_dir,
            ),
        ),
        (
            steps.classify,
            dict(
                households=sm.output.households,
                standards_dir=sm.params.standards_dir,
                standard=sm.params.standard,
                year=year,
                out_classification=sm.output.classification,
                out_mismatches=sm.output.mismatches,
                ledger=sm.output.ledger,
            ),
        ),
    ],
)
