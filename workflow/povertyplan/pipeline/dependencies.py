"""Which of the package's modules a script or notebook runs, so that a rule depends on
that code only: editing the example generator or a notebook helper does not clean the
raw files again, while a change to any module cleaning imports (directly or through
another module) does."""

from __future__ import annotations

import ast
import json
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).parents[1]


def _source_text(path: Path) -> str:
    """A script's text, or a notebook's code cells with their magics (`%`, `!`) left out."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".ipynb":
        return text
    cells = json.loads(text).get("cells", [])
    lines = [
        line
        for cell in cells
        if cell.get("cell_type") == "code"
        for line in "".join(cell.get("source", "")).splitlines()
        if not line.lstrip().startswith(("%", "!"))
    ]
    return "\n".join(lines)


def imported_package_modules(
    source: str, package: str = "povertyplan", module: str = ""
) -> set[str]:
    """The package's modules a piece of Python imports, relative or absolute, as dotted
    names inside the package (`core.errors`). `module` is the importing module's own
    dotted name, to resolve relative imports. A name imported from a sub-package may be a
    module or an attribute: both are returned, and `code_used` keeps those that are files.

    >>> sorted(imported_package_modules("from povertyplan.present import figures, helpers"))
    ['present', 'present.figures', 'present.helpers']
    >>> sorted(imported_package_modules("from ..core.text import nfc", module="read.raw"))
    ['core.text', 'core.text.nfc']
    >>> sorted(imported_package_modules("from . import cache", module="pipeline.steps"))
    ['pipeline', 'pipeline.cache']
    """
    found: set[str] = set()
    own_package = module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = own_package[: len(own_package) - (node.level - 1)]
                parts = base + (node.module.split(".") if node.module else [])
            elif node.module == package or (node.module or "").startswith(package + "."):
                parts = node.module.split(".")[1:]
            else:
                continue
            if parts:
                found.add(".".join(parts))
            found.update(".".join([*parts, alias.name]) for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(package + "."):
                    found.add(".".join(alias.name.split(".")[1:]))
    return found


@cache
def _module_imports(path: str, module: str, mtime_ns: int) -> frozenset[str]:
    """`imported_package_modules` of one package file, parsed once per process while the
    file is unchanged (`mtime_ns` is part of the key): the Snakefile asks for the code of
    every rule, and most rules share most modules."""
    return frozenset(
        imported_package_modules(Path(path).read_text(encoding="utf-8"), module=module)
    )


def module_file(module: str, package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The file of a dotted module name inside the package (a module or a sub-package's
    `__init__.py`), or None when the name is an attribute, not a module."""
    path = package_dir.joinpath(*module.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def module_name(path: Path, package_dir: Path = PACKAGE_DIR) -> str:
    """The dotted name of one of the package's files: `pipeline/steps.py` → `pipeline.steps`."""
    parts = path.resolve().relative_to(package_dir.resolve()).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def code_used(sources: list[str | Path], package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The package's files the sources run: the sources that are modules of the package,
    the modules they import and, in turn, the modules those import, with the
    `__init__.py` of every package on the way. Sorted paths, for a rule's `code=` input
    or a digest of the code."""
    pending: set[str] = set()
    for source in map(Path, sources):
        own = ""
        if source.resolve().is_relative_to(package_dir.resolve()):
            own = module_name(source, package_dir)
            pending.add(own)
            if source.name == "__init__.py":
                own += ".__init__"
        pending |= imported_package_modules(_source_text(source), module=own)
    seen: set[str] = set()
    files: set[Path] = {package_dir / "__init__.py"}
    while pending:
        module = pending.pop()
        seen.add(module)
        path = module_file(module, package_dir) if module else None
        if path is None:
            continue
        parts = module.split(".")
        files |= {module_file(".".join(parts[:n]), package_dir) for n in range(1, len(parts))}
        files.add(path)
        # a package's __init__ resolves relative imports against the package itself
        own = f"{module}.__init__" if path.name == "__init__.py" else module
        pending |= _module_imports(str(path), own, path.stat().st_mtime_ns) - seen
    return sorted(str(path) for path in files if path is not None)
