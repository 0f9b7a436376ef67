"""The per-file cache of cleaning: a raw file is read again only when something that
decides its cleaning has changed.

A year's files are cleaned in one job; each file's result (its households, rejects and
ledger entry) is kept under a key made of everything that decides it: the file's name and
bytes, the review year, the column spec, the commune registry and the package's code. A
changed or added file gets a new key and is the only one read again; a change to the
code, the spec or the registry changes every key. Entries no file uses any more are
removed after each run, so the cache holds one entry per raw file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow as pa

from ..clean.households import CleanResult
from ..compute import datasets
from .dependencies import PACKAGE_DIR, code_used

_PARTS = ("households.arrow", "rejects.arrow", "clashes.arrow", "ledger.json")


def digest_of_files(paths: list[str | Path]) -> str:
    """One sha256 over the names and bytes of `paths`, in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).name.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    return digest.hexdigest()


def code_digest() -> str:
    """The code that decides a file's cleaning as one digest: the steps module (which
    reads and cleans each file, and stores it here) and every module it imports, in turn;
    not figures, notebook helpers or the summary."""
    return digest_of_files(code_used([PACKAGE_DIR / "pipeline" / "steps.py"]))


def cache_key(file_name: str, file_sha256: str, year: int, settings: str) -> str:
    """The key of one raw file's cleaning: its name (it is in every row and message), its
    bytes, the review year (the registry's communes of that date) and `settings` (the
    digest of the code, the column spec and the registry)."""
    text = json.dumps([file_name, file_sha256, year, settings])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _paths(folder: Path, key: str) -> list[Path]:
    return [folder / f"{key}.{part}" for part in _PARTS]


def has(folder: str | Path, key: str) -> bool:
    """Whether the cache holds the whole entry `key`."""
    return all(path.exists() for path in _paths(Path(folder), key))


def store(folder: str | Path, key: str, result: CleanResult, households_schema: pa.Schema) -> None:
    """Keep one file's cleaning under `key`; each part is written to a temporary name and
    renamed, so a killed run never leaves half an entry under the key."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    households, rejects, clashes, ledger = _paths(folder, key)

    def rows(frame: pd.DataFrame) -> pd.DataFrame:
        return frame if len(frame) else datasets.empty_frame(households_schema)

    for path, write in (
        (
            households,
            lambda p: datasets.write_arrow_file(rows(result.households), households_schema, p),
        ),
        (rejects, lambda p: datasets.write_arrow_file(result.rejects, datasets.REJECTS, p)),
        (clashes, lambda p: datasets.write_arrow_file(rows(result.clashes), households_schema, p)),
        (
            ledger,
            lambda p: Path(p).write_text(
                json.dumps(result.ledger, ensure_ascii=False, indent=1, sort_keys=True)
            ),
        ),
    ):
        temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
        write(temporary)
        temporary.replace(path)


def load(folder: str | Path, key: str) -> CleanResult:
    """The cleaning kept under `key` (the same frames whether just cleaned or cached)."""
    households, rejects, clashes, ledger = _paths(Path(folder), key)
    return CleanResult(
        datasets.read_arrow_file(households),
        datasets.read_arrow_file(rejects),
        json.loads(ledger.read_text()),
        datasets.read_arrow_file(clashes),
    )


def prune(folder: str | Path, keep: set[str]) -> int:
    """Remove every entry whose key is not in `keep`; returns how many files went."""
    removed = 0
    for path in Path(folder).glob("*"):
        if path.name.split(".", 1)[0] not in keep:
            path.unlink()
            removed += 1
    return removed
