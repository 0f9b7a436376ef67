"""Shared fixtures: the repository's own configuration files."""

from __future__ import annotations

from pathlib import Path

import pytest

from povertyplan.read.columns import load_column_spec
from povertyplan.read.registry import load_registry

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed"


@pytest.fixture(scope="session")
def spec():
    return load_column_spec(REPO / "config" / "columns.yaml")


@pytest.fixture(scope="session")
def registry():
    return load_registry(REPO / "config" / "communes.csv")
