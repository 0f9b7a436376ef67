"""The column specification (`config/columns.yaml`): canonical fields and their vocabularies."""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ConfigError
from ..core.messages import REASONS
from ..core.text import normalise_label, without_diacritics
from .schemas import load_yaml_document

KINDS = {"text", "code", "integer", "number", "flag", "status", "area", "category"}


@dataclass(frozen=True)
class Scale:
    """A unit some files write a number in (income in thousand đồng): the header says so
    (`header_words`), or every amount of the file is below `when_all_below`; the values
    are then multiplied by `factor`."""

    factor: float
    header_words: tuple[str, ...]
    when_all_below: float
    # in a scaled column, an amount at or above this was written in the base unit
    scaled_below: float = float("inf")


@dataclass(frozen=True)
class Field:
    """One canonical field of the raw-input contract, and the checks its cells must pass."""

    name: str
    kind: str
    required: bool
    personal: bool
    aliases: tuple[str, ...]
    min: float | None = None
    max: float | None = None
    at_most: tuple[str, str] | None = None  # (other field, reason)
    only_for_status: tuple[str, str] | None = None  # (status, reason)
    # kind category: category code -> the phrases that name it (the text itself is dropped)
    categories: tuple[tuple[str, tuple[str, ...]], ...] = ()
    scale: Scale | None = None
    # a yes/no column standing for one value of another field (`Hộ nghèo` for status poor)
    mark_of: tuple[str, str] | None = None


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
    footer_labels: tuple[str, ...] = ()

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

    def mark_fields(self, name: str) -> list[str]:
        """The yes/no columns that can stand for field `name`, one per value (`status:poor`,
        `status:near_poor`)."""
        return [f.name for f in self.fields.values() if f.mark_of and f.mark_of[0] == name]

    @functools.cached_property
    def _aliases(self) -> tuple[dict[str, str], dict[str, set[str]]]:
        exact = {normalise_label(a): f.name for f in self.fields.values() for a in f.aliases}
        plain: dict[str, set[str]] = {}
        for field in self.fields.values():
            for alias in field.aliases:
                plain.setdefault(without_diacritics(alias), set()).add(field.name)
        return exact, plain

    def field_for_header(self, header: str) -> str | None:
        """Canonical field a raw header names, or None when it names none.

        Exact (normalised) aliases first, then an alias followed by more words for the
        fields in `prefix_match`, then an alias written without diacritics.
        """
        key = normalise_label(header)
        if not key:
            return None
        exact, plain = self._aliases
        if key in exact:
            return exact[key]
        for name in self.prefix_match:
            for alias in self.fields[name].aliases:
                if key.startswith(normalise_label(alias) + " "):
                    return name
        matches = plain.get(without_diacritics(header), set())
        return next(iter(matches)) if len(matches) == 1 else None

    def closest_headers(self, name: str, headers: list[str], n: int = 2) -> list[str]:
        """The headers of a file that look most like field `name`'s aliases (for messages)."""
        plain = {without_diacritics(h): h for h in headers if h}
        found: list[str] = []
        for alias in self.fields[name].aliases:
            for match in difflib.get_close_matches(
                without_diacritics(alias), list(plain), n=n, cutoff=0.6
            ):
                if plain[match] not in found:
                    found.append(plain[match])
        return found[:n]


def _vocabulary(raw: dict, path: Path, section: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value, words in (raw.get(section) or {}).items():
        for word in words:
            key = normalise_label(word)
            if key in mapping and mapping[key] != str(value):
                raise ConfigError(f"'{word}' means two things in {section}", file=str(path))
            mapping[key] = str(value)
    return mapping


def _unit_scale(scale: dict | None) -> Scale | None:
    """A field's `scale:` entry as a Scale (None when the field has none)."""
    if not scale:
        return None
    return Scale(
        float(scale["factor"]),
        tuple(normalise_label(w) for w in scale.get("header_words", [])),
        float(scale.get("when_all_below", 0)),
        float(scale.get("scaled_below", float("inf"))),
    )


def _field(name: str, body: dict, path: Path) -> Field:
    """One field of `fields:` as a Field; ConfigError for an unknown kind or a category
    field without categories."""
    kind = body.get("kind", "text")
    if kind not in KINDS:
        raise ConfigError(
            f"field {name} has kind '{kind}'",
            file=str(path),
            hint=f"use one of {', '.join(sorted(KINDS))}",
        )
    at_most = body.get("at_most")
    only = body.get("only_for_status")
    categories = body.get("categories") or {}
    if kind == "category" and not categories:
        raise ConfigError(
            f"field {name} is of kind category but lists no categories",
            file=str(path),
            hint="give it categories: {code: [phrases]}",
        )
    return Field(
        name=name,
        kind=kind,
        required=bool(body.get("required", False)),
        personal=bool(body.get("personal", False)),
        aliases=tuple(str(a) for a in body.get("aliases", [])),
        min=body.get("min"),
        max=body.get("max"),
        at_most=(at_most["field"], at_most["reason"]) if at_most else None,
        only_for_status=(only["status"], only["reason"]) if only else None,
        categories=tuple(
            (str(code), tuple(normalise_label(p) for p in phrases or []))
            for code, phrases in categories.items()
        ),
        scale=_unit_scale(body.get("scale")),
    )


def _mark_column_fields(name: str, body: dict) -> dict[str, Field]:
    """The yes/no columns (`mark_columns:`) that stand for one value of field `name`, as
    flag fields named `name:value`."""
    return {
        f"{name}:{value}": Field(
            name=f"{name}:{value}",
            kind="flag",
            required=False,
            personal=False,
            aliases=tuple(str(a) for a in aliases),
            mark_of=(name, str(value)),
        )
        for value, aliases in (body.get("mark_columns") or {}).items()
    }


def _check_rule_reasons(name: str, body: dict, path: Path) -> None:
    """ConfigError when a field's `at_most` or `only_for_status` rule names a reason that
    has no message."""
    for rule in (body.get("at_most"), body.get("only_for_status")):
        if rule and rule.get("reason") not in REASONS:
            raise ConfigError(
                f"field {name} names the reason '{rule.get('reason')}', which has no message",
                file=str(path),
                hint=f"use one of {', '.join(sorted(REASONS))}",
            )


def _with_standard_indicators(fields: dict[str, Field], folder: Path) -> dict[str, Field]:
    """`fields` and the indicators of every poverty standard (`*.yaml` in `folder`), each
    a flag field with the headers it appears under added to its aliases."""
    fields = dict(fields)
    for standard_file in sorted(folder.glob("*.yaml")):
        standard = load_yaml_document(standard_file, "standard")  # checked before use
        for indicator in standard["indicators"]:
            known = fields.get(indicator["code"])
            aliases = tuple(
                dict.fromkeys([*(known.aliases if known else ()), *indicator.get("headers", [])])
            )
            fields[indicator["code"]] = Field(
                name=indicator["code"], kind="flag", required=False, personal=False, aliases=aliases
            )
    return fields


def standards_folder(columns: str | Path, standards_dir: str | Path | None = None) -> Path:
    """The folder of poverty standards: `standards_dir` when given (the config's), else
    `standards/` beside the column spec."""
    return Path(standards_dir) if standards_dir else Path(columns).parent / "standards"


def load_column_spec(path: str | Path, standards_dir: str | Path | None = None) -> ColumnSpec:
    """Read and check `columns.yaml`, with a flag field for every deprivation indicator of
    the poverty standards in `standards_dir` (default: `standards/` beside the file)."""
    path = Path(path)
    standards = standards_folder(path, standards_dir)
    # its shape (fields and their keys, the vocabularies) is the schema's
    raw = load_yaml_document(path, "columns", missing="the column specification is missing")
    fields: dict[str, Field] = {}
    for name, body in (raw.get("fields") or {}).items():
        fields[name] = _field(name, body, path)
        fields.update(_mark_column_fields(name, body))
        _check_rule_reasons(name, body, path)
    # the indicators of every poverty standard, with the headers they appear under
    fields = _with_standard_indicators(fields, standards)
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
        footer_labels=tuple(normalise_label(x) for x in raw.get("footer_labels", [])),
    )
