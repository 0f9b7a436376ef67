"""Snakemake wiring: results/Y/provenance.json (povertyplan.pipeline.steps.provenance)."""

from povertyplan.pipeline import steps
from povertyplan.pipeline.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    steps.provenance,
    sm.log[0],
    raw_files=list(sm.input.raw),
    registry=sm.input.registry,
    columns=sm.input.columns,
    standards_dir=sm.params.standards_dir,
    standard=sm.params.standard,
    config=dict(sm.params.config),
    git=dict(sm.params.git),
    notebooks=list(sm.input.notebooks),
    published=list(sm.input.published),
    year=int(sm.wildcards.year) if "year" in sm.wildcards.keys() else None,
    out=sm.output[0],
)
