"""Development tools, not part of the pipeline's runtime: the example generator used by
`make generate`, the tests and the benchmarks. Nothing in `povertyplan` imports it."""
