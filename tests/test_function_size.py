"""Short functions: no function of the package or the development tools is longer than
60 lines (a declared table of data is a constant, not a function). A long function does
several jobs; the places bugs hide are where those jobs meet."""

from __future__ import annotations

import ast
from pathlib import Path

WORKFLOW = Path(__file__).resolve().parents[1] / "workflow"
LIMIT = 60


def long_functions(root: Path, limit: int = LIMIT) -> list[str]:
    """`path:name (lines)` of every function or method over `limit` lines under `root`."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > limit:
                    found.append(f"{path.relative_to(root)}:{node.name} ({lines})")
    return found


def test_no_function_is_longer_than_60_lines() -> None:
    assert long_functions(WORKFLOW / "povertyplan") == []
    assert long_functions(WORKFLOW / "povertyplan_dev") == []
    assert long_functions(WORKFLOW / "scripts") == []


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(LIMIT))
    (tmp_path / "m.py").write_text(f"def short():\n    return 1\n\n\ndef long():\n{body}\n")
    assert long_functions(tmp_path) == [f"m.py:long ({LIMIT + 1})"]
