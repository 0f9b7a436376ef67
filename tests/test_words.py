"""Words users read live in core/labels.py (display words) and core/messages.py (reject
reasons and error messages), looked up by name: no module writes Vietnamese text inline.

A string literal with a Vietnamese letter (one with a diacritic, or đ) anywhere else in the
package fails this test, unless ALLOWED names it below. Docstrings are not words users read
and are not checked."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

from povertyplan.core.legacy import LETTERS

PACKAGE = Path(__file__).resolve().parents[1] / "workflow" / "povertyplan"
HOMES = {"core/labels.py", "core/messages.py"}
VIETNAMESE = frozenset(letter for letter in LETTERS if not letter.isascii())

# file -> the top-level names (constants, functions) whose literals may hold Vietnamese
# letters, or "*" for the whole file. Each is data, not words shown to a user.
ALLOWED: dict[str, set[str] | str] = {
    # the Vietnamese alphabet, legacy encodings' tables (TCVN3, VNI) and syllable rules
    "core/legacy.py": "*",
    # words that tell a person's name from a place (family names, middle names, honorifics)
    "core/privacy.py": {"_FAMILY_NAMES", "MIDDLE_NAMES", "HONORIFICS"},
    # text normalisation: unit words stripped from commune names, đ → d when matching headers
    "core/text.py": {"_UNIT_WORDS", "without_diacritics"},
    # patterns recognising a file's rows: section labels and the signature's date line
    "read/raw.py": {"_SECTION", "_DATE_LINE"},
    # patterns finding a commune's name in a title ("Xã …", not "huyện …")
    "read/registry.py": {"_UNIT_BEFORE", "_NOT_A_COMMUNE_BEFORE"},
    # the household-ID column's header in the forms (the first alias in config/columns.yaml)
    "clean/households.py": {"reject_across_files"},
}
# Not checked here, and left inline on purpose: the English-only lines for the analyst
# (log lines, and the what/hint of errors that stop a run) in pipeline/steps.py and the
# InternalError of compute/flows.py. They hold no Vietnamese, are read by whoever runs the
# pipeline (not by a commune officer) and are not translated.


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _top_level_name(statement: ast.stmt) -> str:
    """The name a top-level statement defines (a constant, a function, a class), or ''."""
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return statement.name
    targets = getattr(statement, "targets", None) or [getattr(statement, "target", None)]
    names = [t.id for t in targets if isinstance(t, ast.Name)]
    return names[0] if names else ""


def vietnamese_literals(path: Path) -> list[tuple[str, int, str]]:
    """(top-level name, line, text) of every string literal with a Vietnamese letter in a
    module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    found = []
    for statement in tree.body:
        name = _top_level_name(statement)
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and VIETNAMESE & set(unicodedata.normalize("NFC", node.value))
            ):
                found.append((name, node.lineno, node.value))
    return found


def _modules() -> dict[str, Path]:
    return {path.relative_to(PACKAGE).as_posix(): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_vietnamese_words_are_only_in_labels_and_messages():
    inline = []
    for module, path in _modules().items():
        allowed = ALLOWED.get(module, set())
        if module in HOMES or allowed == "*":
            continue
        inline += [
            f"{module}:{line} ({name or 'top level'}): {text[:60]!r}"
            for name, line, text in vietnamese_literals(path)
            if name not in allowed
        ]
    assert not inline, (
        "user-facing words belong in core/labels.py (or core/messages.py), looked up with "
        "label(); found inline:\n" + "\n".join(inline)
    )


def test_the_allowlist_names_only_what_exists():
    """An allowlisted name that no longer holds Vietnamese text is taken off the list."""
    modules = _modules()
    stale = []
    for module, allowed in ALLOWED.items():
        assert module in modules, f"{module} is not a module of the package"
        if allowed == "*":
            continue
        holding = {name for name, _, _ in vietnamese_literals(modules[module])}
        stale += [f"{module}: {name}" for name in sorted(allowed - holding)]
    assert not stale, "allowlisted but without Vietnamese text:\n" + "\n".join(stale)


def test_the_homes_of_words_are_found():
    """The test reads what it should: the labels hold Vietnamese literals."""
    assert len(vietnamese_literals(PACKAGE / "core" / "labels.py")) > 100


def test_every_label_has_both_languages_with_the_same_fields():
    """A label is written in Vietnamese and English, and a template names the same fields
    in both (so either language can be filled in from the same numbers)."""
    import string

    from povertyplan.core.labels import LABELS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    wrong = [
        key
        for key, words in LABELS.items()
        if set(words) != {"vi", "en"} or fields(words["vi"]) != fields(words["en"])
    ]
    assert not wrong, wrong
