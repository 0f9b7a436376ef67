"""The declared shape of every input the analyst writes, checked against its JSON schema
(`workflow/schemas/`) with one-line messages: the run's config, the commune registry
(`communes.csv`, row by row), the column spec (`columns.yaml`), the poverty standards and
the published plans (the YAML and its commune table). What a schema cannot say (dates in
order, a successor that exists, a commune the registry knows) stays in the loaders."""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

import jsonschema
import pandas as pd
import yaml

from ..core.errors import ConfigError

SCHEMAS_DIR = Path(__file__).resolve().parents[2] / "schemas"


@functools.cache
def load_schema(name: str) -> dict:
    """The schema `name` (`communes` → workflow/schemas/communes.schema.yaml)."""
    return yaml.safe_load((SCHEMAS_DIR / f"{name}.schema.yaml").read_text(encoding="utf-8"))


def _where(path) -> str:
    return ".".join(str(p) for p in path) or "the top level"


def first_error(document: object, schema: dict) -> jsonschema.ValidationError | None:
    """The first problem, in document order (the outermost and earliest first)."""
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(
        validator.iter_errors(document),
        key=lambda e: (len(e.absolute_path), [str(p).zfill(9) for p in e.absolute_path]),
    )
    return errors[0] if errors else None


def _unknown_key(
    key: str, allowed: list[str], where: str, file: str, row: int | None
) -> ConfigError:
    """A key the schema does not allow (a typo, usually): the closest allowed one."""
    key = str(key)  # YAML reads `2019:` or `yes:` as a number or a boolean
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = (f"Did you mean '{close[0]}'? " if close else "") + f"Allowed keys: {', '.join(allowed)}"
    return ConfigError(f"unknown key '{key}' at {where}", file=file, row=row, hint=hint)


def schema_error(
    error: jsonschema.ValidationError, file: str, row: int | None = None, where: str = ""
) -> ConfigError:
    """One line for a schema violation: where it is, what is wrong, and what to do (the
    schema's `x-hint` for the value, the closest allowed key for a typo, the allowed
    values of a list)."""
    where = where or _where(error.absolute_path)
    column = where if row is not None else None
    hint = error.schema.get("x-hint") if isinstance(error.schema, dict) else None
    if error.validator == "enum" and "propertyNames" in error.schema_path:
        return _unknown_key(str(error.instance), list(error.validator_value), where, file, row)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        return _unknown_key(extra[0] if extra else "?", allowed, where, file, row)
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        key = missing[0] if missing else "?"
        return ConfigError(
            f"{where} lacks the key '{key}'",
            file=file,
            row=row,
            hint=hint or f"add {key}: (the example's files in config/ show every key)",
        )
    if error.validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return ConfigError(
            f"{where} is '{error.instance}'",
            file=file,
            row=row,
            column=column,
            hint=hint or f"use one of {options}",
        )
    if hint:
        return ConfigError(
            f"{where} is '{error.instance}'", file=file, row=row, column=column, hint=hint
        )
    return ConfigError(f"{where}: {error.message}", file=file, row=row, column=column)


def load_yaml_document(
    path: str | Path, schema_name: str, missing: str = "the file is missing"
) -> dict:
    """A YAML file the analyst writes (the column spec, a standard, a published plan),
    parsed and checked against its schema; ConfigError (one line, with the line of a
    syntax error) when it is `missing`, cannot be read or breaks the schema."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(missing, file=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot be read ({error.__class__.__name__})", file=str(path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(
            f"is not valid YAML ({getattr(error, 'problem', None) or 'syntax error'})",
            file=str(path),
            row=mark.line + 1 if mark else None,
            hint="check the indentation and the quotes on that line",
        ) from None
    check_document(document, schema_name, path)
    return document


def check_document(document: object, schema_name: str, file: str | Path) -> None:
    """Raise ConfigError naming the first problem of a YAML document against its schema."""
    error = first_error(document, load_schema(schema_name))
    if error is not None:
        raise schema_error(error, str(file))


def check_rows(frame: pd.DataFrame, schema_name: str, file: str | Path) -> None:
    """Raise ConfigError naming the first problem of a CSV table (read as text) against
    the schema of one row, with the line as a spreadsheet shows it (the header is line 1)
    and the column."""
    row = dict(load_schema(schema_name))
    # the row's own definitions move to the top, where its `$ref`s point
    schema = {
        "type": "array",
        "items": {"$ref": "#/$defs/row"},
        "$defs": {**row.pop("$defs", {}), "row": row},
    }
    error = first_error(frame.to_dict("records"), schema)
    if error is None:
        return
    index, *inside = list(error.absolute_path) or [None]
    row = int(index) + 2 if index is not None else None
    raise schema_error(error, str(file), row=row, where=_where(inside))
