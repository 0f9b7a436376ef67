"""Reading the inputs: the column spec, the commune registry, the run's config, cell parsing and raw commune files (CSV, Excel) into tables of cells."""
