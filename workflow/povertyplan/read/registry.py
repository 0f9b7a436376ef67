"""The commune registry (`config/communes.csv`) and matching raw commune values to it.

A unit is identified by (scheme, code): codes are reused after mergers (19603 was Cam An,
then Thanh An, then Hiếu Giang). Raw values are matched on the code or on the exact
normalised name or alias (see `text.normalise_commune_name`), never on names stripped of
diacritics, so `Cam Thanh` and `Cam Thành` stay apart.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import pandas as pd

from ..core.errors import ConfigError
from ..core.text import normalise_commune_name, normalise_label, without_diacritics
from .schemas import check_rows

REGISTRY_COLUMNS = [
    "scheme",
    "code",
    "name",
    "unit_type",
    "area",
    "district_code",
    "province_code",
    "valid_from",
    "valid_to",
    "successor",
    "display_order",
    "aliases",
]
AREAS = {"urban", "rural"}


def load_registry(path: str | Path) -> pd.DataFrame:
    """Read and check the commune registry; every column is text except `display_order`."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            "the commune registry is missing", file=str(path), hint="restore config/communes.csv"
        ) from None
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"the commune registry cannot be read ({str(error).splitlines()[0]})",
            file=str(path),
            hint="it must be a UTF-8 CSV file with one unit per line",
        ) from None
    missing = [c for c in REGISTRY_COLUMNS if c not in frame.columns]
    if missing:
        raise ConfigError(
            f"the commune registry lacks the columns {', '.join(missing)}",
            file=str(path),
            hint=f"its header must be: {','.join(REGISTRY_COLUMNS)}",
        )
    frame = frame[REGISTRY_COLUMNS].copy()
    for column in frame.columns:
        frame[column] = frame[column].str.strip()
    check_rows(frame, "communes", path)
    frame["display_order"] = pd.to_numeric(frame["display_order"], errors="coerce").fillna(0)
    frame["display_order"] = frame["display_order"].astype("int64")
    check_validity(frame, str(path))
    return frame


def check_validity(frame: pd.DataFrame, path: str) -> None:
    """Raise ConfigError when a unit's dates are reversed, when one (scheme, code) has two
    overlapping validity periods, or when a successor (`scheme:code`, several separated by
    `|`) names no unit valid the day after the unit ends."""
    start, end = _validity(frame)
    for index in frame.index:
        line = int(index) + 2
        if start[index] > end[index]:
            raise ConfigError(
                f"valid_from {frame.at[index, 'valid_from']} is after valid_to "
                f"{frame.at[index, 'valid_to']}",
                file=path,
                row=line,
                column="valid_to",
                hint="swap the dates or correct one of them",
            )
        same = (frame["scheme"] == frame.at[index, "scheme"]) & (
            frame["code"] == frame.at[index, "code"]
        )
        same &= frame.index > index
        overlap = same & (start <= end[index]) & (end >= start[index])
        if overlap.any():
            other = int(frame.index[overlap][0]) + 2
            raise ConfigError(
                f"{frame.at[index, 'scheme']}:{frame.at[index, 'code']} is valid twice at once "
                f"(lines {line} and {other})",
                file=path,
                row=line,
                column="valid_to",
                hint="end the older unit (valid_to) the day before the newer one starts",
            )
        successors = [s.strip() for s in frame.at[index, "successor"].split("|") if s.strip()]
        if successors and not frame.at[index, "valid_to"]:
            raise ConfigError(
                "a unit with a successor must have an end date",
                file=path,
                row=line,
                column="valid_to",
                hint="write the last day the unit existed (YYYY-MM-DD)",
            )
        for successor in successors:
            scheme, _, code = successor.partition(":")
            after = end[index] + pd.Timedelta(days=1)
            target = (frame["scheme"] == scheme) & (frame["code"] == code)
            target &= (start <= after) & (after <= end)
            if not target.any():
                raise ConfigError(
                    f"successor '{successor}' is not a unit valid on {after.date().isoformat()}",
                    file=path,
                    row=line,
                    column="successor",
                    hint="write it as scheme:code (e.g. gso:19603) of a unit in this file",
                )


def review_date(year: int) -> dt.date:
    """The date a review of year `year` describes: its end, 31 December."""
    return dt.date(year, 12, 31)


def _validity(registry: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each unit's first and last day (a blank end: still valid), from the registry's
    YYYY-MM-DD dates (the schema checks their form)."""
    start = pd.to_datetime(registry["valid_from"].replace("", "1900-01-01"), format="%Y-%m-%d")
    end = pd.to_datetime(registry["valid_to"].replace("", "2999-12-31"), format="%Y-%m-%d")
    return start, end


def units_valid_on(registry: pd.DataFrame, on: dt.date, scheme: str | None = None) -> pd.DataFrame:
    """The registry rows valid on date `on` (optionally of one scheme), in display order."""
    start, end = _validity(registry)
    day = pd.Timestamp(on)
    mask = (start <= day) & (day <= end)
    if scheme is not None:
        mask &= registry["scheme"] == scheme
    return registry[mask].sort_values(["display_order", "code"]).reset_index(drop=True)


def name_keys(registry: pd.DataFrame) -> pd.DataFrame:
    """Every key a unit can be written as: its code, its name and its aliases, normalised.

    Returns columns `key`, `code`, `scheme`.
    """
    rows = []
    for unit in registry.itertuples(index=False):
        names = [unit.name] + [a for a in unit.aliases.split("|") if a.strip()]
        rows.append((normalise_label(unit.code), unit.code, unit.scheme))
        rows.extend((normalise_commune_name(n), unit.code, unit.scheme) for n in names)
    keys = pd.DataFrame(rows, columns=["key", "code", "scheme"]).drop_duplicates()
    return keys[keys["key"] != ""]


def commune_lookup(registry: pd.DataFrame, on: dt.date) -> dict[str, str]:
    """Map every normalised key of the units valid on `on` to the unit's code.

    Raises ConfigError when one key would name two units on that date (a registry error:
    an alias that collides with another commune's name).
    """
    valid = units_valid_on(registry, on)
    keys = name_keys(valid)
    clashes = keys.groupby("key")["code"].nunique()
    clashes = clashes[clashes > 1]
    if not clashes.empty:
        key = clashes.index[0]
        codes = sorted(keys.loc[keys["key"] == key, "code"])
        raise ConfigError(
            f"the name '{key}' matches the communes {', '.join(codes)} on {on.isoformat()}",
            file="config/communes.csv",
            hint="remove the alias from one of them",
        )
    return dict(zip(keys["key"], keys["code"], strict=True))


def resolve_communes(values: pd.Series, lookup: dict[str, str]) -> pd.Series:
    """Registry code of each raw commune value (name, alias or code); <NA> when unknown.

    Work is done once per distinct raw value, not once per row.
    """
    distinct = pd.Series(values.dropna().unique())
    mapping = {raw: lookup.get(normalise_commune_name(raw)) for raw in distinct}
    return values.map(mapping).astype("string")


def suggest_communes(raw: str, registry: pd.DataFrame, on: dt.date, n: int = 3) -> list[str]:
    """The registry names closest to an unknown raw value, best first (for messages only)."""
    valid = units_valid_on(registry, on)
    names = {normalise_commune_name(name): name for name in valid["name"]}
    close = difflib.get_close_matches(normalise_commune_name(raw), list(names), n=n, cutoff=0.5)
    return [names[c] for c in close]


def commune_names(registry: pd.DataFrame, year: int) -> dict[str, str]:
    """Code → name of the units valid at the end of `year`."""
    return unit_names(units_valid_on(registry, review_date(year)))


def unit_names(units: pd.DataFrame) -> dict[str, str]:
    """Code → name of some of the registry's units (e.g. those valid on a date)."""
    return dict(zip(units["code"], units["name"], strict=True))


_UNIT_BEFORE = r"(?:^|\s)(?:xã|thị trấn|tt|phường)\s+"
_NOT_A_COMMUNE_BEFORE = re.compile(r"(huyện|tỉnh|quận|thị xã|thành phố|tp)\s*$")


def commune_in_context(
    texts: list[str],
    lookup: dict[str, str],
    *,
    last_is_file_name: bool = True,
    after_unit_word_only: bool = False,
) -> tuple[str | None, list[str]]:
    """The commune a file names in its title block or its file name (the last text), when
    it has no commune column: (code, []) when exactly one commune is named, else (None, the
    codes of the candidates).

    A name after a unit word (`Xã Cam Thành`, `Thị trấn Cam Lộ`) anywhere wins over a name
    alone; a name after `huyện`, `tỉnh`, `thị xã`… is not a commune (`huyện Cam Lộ` is the
    district). Names are matched whole and exactly, diacritics included; a name written
    without diacritics is refused when it could be another commune's name with them
    (`cam_thanh` could be Cam Thanh or Cam Thành). A code counts only as a whole cell or in
    the file name. `after_unit_word_only`: only a name after a unit word counts (the
    commune a title states, `UBND XÃ CAM THÀNH`); `last_is_file_name` False: every text is
    a cell of a title.
    """
    keys = sorted((k for k in lookup if len(k) >= 4), key=len, reverse=True)
    plain_owners: dict[str, set[str]] = {}
    for key in keys:
        plain_owners.setdefault(without_diacritics(key), set()).add(lookup[key])
    normal = [" " + re.sub(r"[_\-.,;:()]+", " ", normalise_label(text)) + " " for text in texts]
    patterns = [_UNIT_BEFORE + r"{key}(?=\s|$)", r"(?:^|\s){key}(?=\s|$)"]
    for pattern in patterns[:1] if after_unit_word_only else patterns:
        codes: set[str] = set()
        for number, text in enumerate(normal):
            file_name = last_is_file_name and number == len(normal) - 1
            whole_cell_or_name = file_name or text.strip().isdigit()
            for key in keys:
                if key.isdigit() and not whole_cell_or_name:
                    continue
                for match in re.finditer(pattern.format(key=re.escape(key)), text):
                    if _NOT_A_COMMUNE_BEFORE.search(text[: match.start() + 1].rstrip()):
                        continue
                    owners = plain_owners.get(without_diacritics(key), set())
                    if key == without_diacritics(key) and len(owners) > 1:
                        return None, sorted(owners)
                    codes.add(lookup[key])
        if len(codes) == 1:
            return codes.pop(), []
        if len(codes) > 1:
            return None, sorted(codes)
    return None, []
