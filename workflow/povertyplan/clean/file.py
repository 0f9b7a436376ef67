"""One raw file read and cleaned: the same function for the pipeline's cleaning job and
the officers' pre-check (`python -m povertyplan check`), so both give the same rows,
rejects and ledger for the same file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.errors import DataError, PovertyPlanError
from ..read.columns import ColumnSpec
from ..read.raw import file_digest, read_raw_file
from .households import CleanResult, clean_table, refused_file


def clean_file(
    path: str | Path,
    spec: ColumnSpec,
    units: pd.DataFrame,
    year: int,
    lookup: dict[str, str],
    refuse: type[PovertyPlanError] = DataError,
) -> CleanResult:
    """Read and clean one raw file. A file that cannot be read at all (an error of class
    `refuse`) is not the end of the run: it comes back refused (no household, its problem
    in the rejects and the ledger), so that every file of the year is checked and all
    refusals are listed at once. The pipeline refuses on a `DataError` only (a bug
    stops the job); the pre-check also lists a bug against its file."""
    path = Path(path)
    try:
        table = read_raw_file(path, spec)
        return clean_table(table, spec, lookup, units, year)
    except refuse as error:
        sha = file_digest(path) if path.is_file() else ""
        return refused_file(path.name, year, error, sha)
