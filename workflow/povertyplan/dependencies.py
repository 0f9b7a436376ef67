"""Which of the package's modules a script or notebook runs, so that a rule depends on
that code only: editing the example generator or a notebook helper does not clean the
raw files again, while a change to any module cleaning imports (directly or through
another module) does."""

from __future__ import annotations

import ast
import json
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


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


def imported_package_modules(source: str, package: str = "povertyplan") -> set[str]:
    """The package's top-level modules a piece of Python imports, relative or absolute.

    >>> sorted(imported_package_modules("from povertyplan import figures, present"))
    ['figures', 'present']
    >>> sorted(imported_package_modules("from .clean import x\\nimport povertyplan.datasets"))
    ['clean', 'datasets']
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1 or node.module == package:
                found.update(alias.name for alias in node.names)
            elif node.module and node.module.startswith(package + "."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(package + "."):
                    found.add(alias.name.split(".")[1])
    return found


def code_used(sources: list[str | Path], package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The package's files the sources run: the sources that are modules of the package,
    the modules they import and, in turn, the modules those import; always `__init__.py`.
    Sorted paths, for a rule's `code=` input or a digest of the code."""
    pending = set()
    for source in map(Path, sources):
        if source.parent == package_dir:
            pending.add(source.stem)
        pending |= imported_package_modules(_source_text(source))
    seen: set[str] = set()
    while pending:
        module = pending.pop()
        path = package_dir / f"{module}.py"
        if module in seen or not path.exists():
            continue
        seen.add(module)
        pending |= imported_package_modules(path.read_text(encoding="utf-8")) - seen
    seen.add("__init__")
    return sorted(str(package_dir / f"{module}.py") for module in seen)
