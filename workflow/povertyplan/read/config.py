"""Checking the run's configuration against its JSON schema, with one-line messages."""

from __future__ import annotations

import difflib
from pathlib import Path

import jsonschema
import yaml

from ..core.errors import ConfigError

CONFIG_FILE = "config/config.yaml"


def _where(path) -> str:
    return ".".join(str(p) for p in path) or "the top level"


def check_config(config: dict, schema_path: str | Path) -> None:
    """Raise ConfigError naming the first problem of `config` against the schema.

    Unknown keys get the closest allowed key as a suggestion (a typo is the usual cause);
    the band goals must have min ≤ max.
    """
    schema = yaml.safe_load(Path(schema_path).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(
        validator.iter_errors(config), key=lambda e: (len(e.path), list(map(str, e.path)))
    )
    if errors:
        raise _config_error(errors[0], schema)
    for name, band in (config.get("goals") or {}).items():
        if band["min"] > band["max"]:
            raise ConfigError(
                f"goals.{name} has min {band['min']} above max {band['max']}",
                file=CONFIG_FILE,
                hint="swap the two values",
            )


def _config_error(error: jsonschema.ValidationError, schema: dict) -> ConfigError:
    where = _where(error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        key = extra[0] if extra else "?"
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = (
            f"Did you mean '{close[0]}'? " if close else ""
        ) + f"Allowed keys: {', '.join(allowed)}"
        return ConfigError(f"unknown key '{key}' at {where}", file=CONFIG_FILE, hint=hint)
    if error.validator == "required":
        return ConfigError(f"{where} lacks a required key: {error.message}", file=CONFIG_FILE)
    if error.validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return ConfigError(
            f"{where} is '{error.instance}'", file=CONFIG_FILE, hint=f"use one of {options}"
        )
    return ConfigError(f"{where}: {error.message}", file=CONFIG_FILE)
