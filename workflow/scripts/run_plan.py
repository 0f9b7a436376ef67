"""Snakemake wiring: a year's plan in one job: the validation gate, then commune and
district counts, deprivations, targets and the commune target table (povertyplan.steps:
validation_gate, aggregate, deprivations, targets, tables)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_steps

sm = snakemake  # noqa: F821  (injected by Snakemake)
year = int(sm.wildcards.year)
district = dict(sm.params.district)
run_steps(
    sm.log[0],
    [
        (
            steps.validation_gate,
            dict(ledger=sm.input.ledger, mode=sm.params.mode, out=sm.output.gate),
        ),
        (
            steps.aggregate,
            dict(
                households=sm.input.households,
                registry=sm.input.registry,
                district=district,
                year=year,
                communes=sm.output.communes,
                out_district=sm.output.district,
            ),
        ),
        (
            steps.deprivations,
            dict(
                households=sm.input.households,
                standards_dir=sm.params.standards_dir,
                standard=sm.params.standard,
                district=district,
                af_config=dict(sm.params.alkire_foster),
                year=year,
                registry=sm.input.registry,
                out_deprivations=sm.output.deprivations,
                out_breakdowns=sm.output.breakdowns,
                out_af=sm.output.af,
                out_xlsx=sm.output.deprivations_xlsx,
            ),
        ),
        (
            steps.targets,
            dict(
                communes=sm.output.communes,
                targets_config=dict(sm.params.targets),
                goals_config=dict(sm.params.goals),
                year=year,
                out_targets=sm.output.targets,
                out_goals=sm.output.goals,
            ),
        ),
        (
            steps.tables,
            dict(
                targets_path=sm.output.targets,
                district_name=district["name"],
                language=sm.params.language,
                xlsx=sm.output.targets_xlsx,
                csv=sm.output.targets_csv,
            ),
        ),
    ],
)
