"""Snakemake wiring: results/index.html (povertyplan.index.write_index)."""

from povertyplan.index import write_index
from povertyplan.runner import run_step

sm = snakemake  # noqa: F821  (injected by Snakemake)
run_step(
    write_index, sm.log[0], files=list(sm.input.files), out=sm.output[0], title=sm.params.title
)
