"""Snakemake wiring: commune targets and goal checks (povertyplan.steps.targets)."""

from povertyplan import steps
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.targets,
    sm.log[0],
    communes=sm.input.communes,
    targets_config=dict(sm.params.targets),
    goals_config=dict(sm.params.goals),
    year=int(sm.wildcards.year),
    out_targets=sm.output.targets,
    out_goals=sm.output.goals,
)
