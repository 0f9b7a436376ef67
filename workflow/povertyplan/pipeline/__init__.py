"""The pipeline: one step function per Snakemake rule, the per-file cache, provenance, the runner that turns errors into one-line messages, and code dependencies."""
