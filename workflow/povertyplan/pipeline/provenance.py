"""Provenance of a review year's results: what went in and what made them.

`results/Y/provenance.json` records the sha256 of every raw file, of the registry, the
column map and the poverty standard used; the configuration actually used (resolved, with
its hash); the git commit and whether the working tree had uncommitted changes; the
versions of Python, Snakemake and the packages; and each notebook's parameters as
papermill recorded them. It holds no timestamp and no personal data, so the same inputs
give the same file.
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from ..read.raw import file_digest

PACKAGES = (
    "snakemake",
    "pandas",
    "pyarrow",
    "numpy",
    "papermill",
    "nbconvert",
    "nbformat",
    "ipykernel",
    "matplotlib",
    "openpyxl",
    "python-calamine",
    "jsonschema",
    "pyyaml",
)


def config_digest(config: dict) -> str:
    """sha256 of the configuration written canonically (sorted keys, UTF-8 JSON)."""
    text = json.dumps(config, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


CODE_PATHS = (
    "Snakefile",
    "workflow",
    "notebooks",
    "profiles",
    "config",
    "requirements.lock",
    "Makefile",
)


def git_state(folder: str | Path, paths: tuple[str, ...] = CODE_PATHS) -> dict[str, object]:
    """The commit checked out in `folder`, whether the code and configuration (`paths`)
    differ from it, and then the sha256 of those differences (`git diff HEAD`), so that the
    code that made the results is known even before it is committed. Raw data does not
    count (its files are hashed one by one). All None outside a git work tree."""
    try:

        def git(*args: str) -> str:
            return subprocess.run(
                ["git", *args], cwd=folder, capture_output=True, text=True, check=True
            ).stdout

        commit = git("rev-parse", "HEAD").strip()
        status = git("status", "--porcelain", "--untracked-files=normal", "--", *paths)
        diff = git("diff", "HEAD", "--", *paths) if status.strip() else ""
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None, "diff_sha256": None}
    changed = bool(status.strip())
    digest = hashlib.sha256((status + diff).encode("utf-8")).hexdigest() if changed else None
    return {"commit": commit, "dirty": changed, "diff_sha256": digest}


def package_versions(names: tuple[str, ...] = PACKAGES) -> dict[str, str]:
    """Installed version of each package, and of Python."""
    versions = {"python": platform.python_version()}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def notebook_parameters(paths: list[str]) -> dict[str, dict]:
    """Each executed notebook's parameters, as papermill recorded them, by notebook name."""
    import nbformat  # only the provenance step needs it: keep the other jobs' start-up short

    found = {}
    for path in sorted(paths):
        notebook = nbformat.read(path, as_version=4)
        found[Path(path).stem] = dict(notebook.metadata.get("papermill", {}).get("parameters", {}))
    return found


def provenance_record(
    year: int | None,
    raw_files: list[str],
    inputs: dict[str, str],
    config: dict,
    git: dict[str, object],
    versions: dict[str, str],
    notebooks: dict[str, dict],
) -> dict:
    """The provenance of review `year`: files by name with their sha256, `inputs` (role →
    path: registry, columns, standard) likewise, the configuration and its hash, git,
    versions and notebook parameters."""
    return {
        "review_year": year,
        "raw_files": {_raw_name(p): file_digest(p) for p in sorted(raw_files)},
        "inputs": {
            role: {"path": path, "sha256": file_digest(path)}
            for role, path in sorted(inputs.items())
        },
        "config": config,
        "config_sha256": config_digest(config),
        "git": git,
        "versions": versions,
        "notebooks": notebooks,
    }


def _raw_name(path: str) -> str:
    """A raw file's name with its year folder (`2018/01_cam_tuyen.xlsx`)."""
    return f"{Path(path).parent.name}/{Path(path).name}"


def write_provenance(record: dict, path: str | Path) -> None:
    """Write the record as indented JSON with sorted keys (same record, same bytes)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")
