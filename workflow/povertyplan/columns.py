"""The column specification (`config/columns.yaml`): canonical fields and their vocabularies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ConfigError
from .text import normalise_label

KINDS = {"text", "code", "integer", "number", "flag", "status", "area"}


@dataclass(frozen=True)
class Field:
    """One canonical field of the raw-input contract."""

    name: str
    kind: str
    required: bool
    personal: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ColumnSpec:
    """Canonical fields, header aliases and value vocabularies, from columns.yaml."""

    fields: dict[str, Field]
    prefix_match: tuple[str, ...]
    status_vocabulary: dict[str, str]
    flag_vocabulary: dict[str, bool]
    area_vocabulary: dict[str, str]
    total_row_labels: tuple[str, ...]
    majority_ethnicity: frozenset[str]

    @property
    def indicators(self) -> list[str]:
        """Deprivation indicator fields (named `dep_*`), in file order."""
        return [name for name in self.fields if name.startswith("dep_")]

    @property
    def required(self) -> list[str]:
        """Fields a raw file must have."""
        return [f.name for f in self.fields.values() if f.required]

    @property
    def personal(self) -> list[str]:
        """Fields holding personal data, dropped at reading."""
        return [f.name for f in self.fields.values() if f.personal]

    def field_for_header(self, header: str) -> str | None:
        """Canonical field a raw header names, or None when it names none."""
        key = normalise_label(header)
        if not key:
            return None
        for field in self.fields.values():
            if key in {normalise_label(a) for a in field.aliases}:
                return field.name
        for name in self.prefix_match:
            for alias in self.fields[name].aliases:
                if key.startswith(normalise_label(alias) + " "):
                    return name
        return None


def _vocabulary(raw: dict, path: Path, section: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value, words in (raw.get(section) or {}).items():
        for word in words:
            key = normalise_label(word)
            if key in mapping and mapping[key] != str(value):
                raise ConfigError(f"'{word}' means two things in {section}", file=str(path))
            mapping[key] = str(value)
    return mapping


def load_column_spec(path: str | Path) -> ColumnSpec:
    """Read and check `columns.yaml`."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("the column specification is missing", file=str(path)) from None
    fields: dict[str, Field] = {}
    for name, body in (raw.get("fields") or {}).items():
        kind = body.get("kind", "text")
        if kind not in KINDS:
            raise ConfigError(
                f"field {name} has kind '{kind}'",
                file=str(path),
                hint=f"use one of {', '.join(sorted(KINDS))}",
            )
        fields[name] = Field(
            name=name,
            kind=kind,
            required=bool(body.get("required", False)),
            personal=bool(body.get("personal", False)),
            aliases=tuple(str(a) for a in body.get("aliases", [])),
        )
    flags = {k: v == "true" for k, v in _vocabulary(raw, path, "flag_vocabulary").items()}
    return ColumnSpec(
        fields=fields,
        prefix_match=tuple(raw.get("prefix_match", [])),
        status_vocabulary=_vocabulary(raw, path, "status_vocabulary"),
        flag_vocabulary=flags,
        area_vocabulary=_vocabulary(raw, path, "area_vocabulary"),
        total_row_labels=tuple(normalise_label(x) for x in raw.get("total_row_labels", [])),
        majority_ethnicity=frozenset(
            normalise_label(x) for x in raw.get("majority_ethnicity", ["Kinh"])
        ),
    )
