"""Checking the run's configuration against its JSON schema, with one-line messages."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..core.errors import ConfigError
from .schemas import first_error, schema_error

CONFIG_FILE = "config/config.yaml"


def check_config(config: dict, schema_path: str | Path) -> None:
    """Raise ConfigError naming the first problem of `config` against the schema.

    Unknown keys get the closest allowed key as a suggestion (a typo is the usual cause);
    the band goals must have min ≤ max.
    """
    schema = yaml.safe_load(Path(schema_path).read_text(encoding="utf-8"))
    error = first_error(config, schema)
    if error is not None:
        raise schema_error(error, CONFIG_FILE)
    for name, band in (config.get("goals") or {}).items():
        if band["min"] > band["max"]:
            raise ConfigError(
                f"goals.{name} has min {band['min']} above max {band['max']}",
                file=CONFIG_FILE,
                hint="swap the two values",
            )
