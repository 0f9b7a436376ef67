"""Imports run one way through the pipeline's stages: core → read → clean → compute →
present → pipeline. A module may import from its own stage or an earlier one, never a
later one, so reading never depends on how results are shown and the number formatting
lives below everything that prints numbers."""

from __future__ import annotations

from pathlib import Path

from povertyplan.dependencies import code_used, imported_package_modules

PACKAGE = Path(__file__).resolve().parents[1] / "workflow" / "povertyplan"

STAGES: dict[str, list[str]] = {
    "core": [
        "errors",
        "text",
        "numbers",
        "rates",
        "labels",
        "messages",
        "privacy",
        "grid",
        "legacy",
        "xlsx",
    ],
    "read": ["columns", "registry", "config", "parse", "read"],
    "clean": ["clean", "check"],
    "compute": [
        "standards",
        "datasets",
        "aggregate",
        "targets",
        "deprivation",
        "flows",
        "attainment",
        "trends",
        "reconcile",
        "geography",
    ],
    "present": ["tables", "figures", "present", "index", "summary", "notebooks"],
    "pipeline": [
        "dependencies",
        "steps",
        "runner",
        "cache",
        "provenance",
        "__main__",
        "__init__",
    ],
}
ORDER = list(STAGES)
STAGE_OF = {module: stage for stage, modules in STAGES.items() for module in modules}


def imported_modules(path: Path) -> set[str]:
    """The package's modules that a module imports (relative or absolute): the same
    reading as the rules' `code=` inputs."""
    return imported_package_modules(path.read_text(encoding="utf-8"))


def test_every_module_belongs_to_a_stage() -> None:
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    assert modules - set(STAGE_OF) == set(), "declare the new module's stage in STAGES"
    assert set(STAGE_OF) - modules == set(), "a declared module no longer exists"


def test_imports_run_one_way() -> None:
    backwards = []
    for path in sorted(PACKAGE.glob("*.py")):
        stage = ORDER.index(STAGE_OF[path.stem])
        for target in sorted(imported_modules(path)):
            if target in STAGE_OF and ORDER.index(STAGE_OF[target]) > stage:
                backwards.append(
                    f"{path.stem} ({STAGE_OF[path.stem]}) imports {target} ({STAGE_OF[target]})"
                )
    assert backwards == []


def test_the_check_sees_a_backward_import(tmp_path: Path) -> None:
    module = tmp_path / "standards.py"
    module.write_text("from .tables import plan_table\nfrom povertyplan import figures\n")
    assert imported_modules(module) == {"tables", "figures"}


def test_cleaning_code_excludes_the_generator_and_presentation() -> None:
    scripts = PACKAGE.parents[0] / "scripts"
    cleaning = {Path(p).stem for p in code_used([scripts / "run_clean_year.py"])}
    assert {"clean", "read", "parse", "numbers", "registry"} <= cleaning
    assert cleaning.isdisjoint({"generate", "figures", "present", "notebooks", "summary"})
    notebook = PACKAGE.parents[1] / "notebooks" / "overview.ipynb"
    shown = {Path(p).stem for p in code_used([scripts / "run_notebook.py", notebook])}
    assert {"figures", "present", "numbers"} <= shown and "generate" not in shown
    # the per-file cache's key: the cleaning job's own module, the cache, and what they import
    keyed = {Path(p).stem for p in code_used([PACKAGE / "steps.py"])}
    assert {"steps", "cache", "clean", "read"} <= keyed
    assert keyed.isdisjoint({"figures", "present", "notebooks", "summary"})


def test_the_runtime_package_never_imports_the_development_tools() -> None:
    for path in sorted(PACKAGE.glob("*.py")):
        assert "povertyplan_dev" not in path.read_text(encoding="utf-8"), path.name
