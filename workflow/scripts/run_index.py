"""Snakemake wiring: results/index.html (povertyplan.present.index.write_index)."""

from povertyplan.pipeline.runner import run_step
from povertyplan.present.index import write_index

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    write_index, sm.log[0], files=list(sm.input.files), out=sm.output[0], title=sm.params.title
)
