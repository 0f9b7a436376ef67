"""Imports run one way through the pipeline's stages: core → read → clean → compute →
present → pipeline. A module may import from its own stage or an earlier one, never a
later one, so reading never depends on how results are shown and the number formatting
lives below everything that prints numbers."""

from __future__ import annotations

from pathlib import Path

from povertyplan.pipeline.dependencies import (
    PACKAGE_DIR,
    code_used,
    imported_package_modules,
    module_file,
    module_name,
)

PACKAGE = Path(__file__).resolve().parents[1] / "workflow" / "povertyplan"
ORDER = ["core", "read", "clean", "compute", "present", "pipeline"]
# the package's top level holds only its docstring and the command line
TOP_LEVEL = {"__init__", "__main__"}


def stage_of(module: str) -> str:
    """A module's stage: its sub-package (`read.raw` → `read`); the top level runs last."""
    return module.split(".")[0] if "." in module or module in ORDER else "pipeline"


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(module: str, path: Path) -> set[str]:
    """The package's modules that a module imports (relative or absolute), those that
    are files: the same reading as the rules' `code=` inputs."""
    source = path.read_text(encoding="utf-8")
    own = f"{module}.__init__" if path.name == "__init__.py" else module
    found = imported_package_modules(source, module=own)
    return {name for name in found if module_file(name) is not None}


def test_the_tree_is_the_stages() -> None:
    assert PACKAGE_DIR == PACKAGE
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert folders == set(ORDER), "a sub-package is a stage: declare it in ORDER"
    top = {path.stem for path in PACKAGE.glob("*.py")}
    assert top == TOP_LEVEL, "put the new module in its stage's sub-package"
    for stage in ORDER:
        assert (PACKAGE / stage / "__init__.py").read_text(encoding="utf-8").startswith('"""')


def test_imports_run_one_way() -> None:
    backwards = []
    for module, path in package_modules().items():
        stage = ORDER.index(stage_of(module))
        for target in sorted(imported_modules(module, path)):
            if ORDER.index(stage_of(target)) > stage:
                backwards.append(f"{module} imports {target}")
    assert backwards == []


def test_the_core_imports_only_the_core() -> None:
    for module, path in package_modules().items():
        if stage_of(module) == "core":
            assert {stage_of(t) for t in imported_modules(module, path)} <= {"core"}, module


def test_the_check_sees_a_backward_import(tmp_path: Path) -> None:
    module = tmp_path / "standards.py"
    module.write_text(
        "from ..present.tables import plan_table\nfrom povertyplan.present import figures\n"
    )
    found = imported_modules("compute.standards", module)
    assert found == {"present", "present.tables", "present.figures"}
    assert {stage_of(name) for name in found} == {"present"}


def test_cleaning_code_excludes_the_generator_and_presentation() -> None:
    scripts = PACKAGE.parents[0] / "scripts"

    def modules(sources: list[Path]) -> set[str]:
        return {module_name(Path(p)) for p in code_used(sources)}

    cleaning = modules([scripts / "run_clean_year.py"])
    assert {"clean.households", "read.raw", "read.parse", "core.numbers"} <= cleaning
    assert {"read.registry", "pipeline.cache", "pipeline.steps"} <= cleaning
    assert cleaning.isdisjoint({"present.figures", "present.helpers", "present.notebooks"})
    assert "present.summary" not in cleaning
    notebook = PACKAGE.parents[1] / "notebooks" / "overview.ipynb"
    shown = modules([scripts / "run_notebooks.py", notebook])
    assert {"present.figures", "present.helpers", "core.numbers"} <= shown
    assert "pipeline.steps" not in shown
    # the per-file cache's key: the cleaning job's own module, the cache, and what they import
    keyed = modules([PACKAGE / "pipeline" / "steps.py"])
    assert {"pipeline.steps", "pipeline.cache", "clean.households", "read.raw"} <= keyed
    assert keyed.isdisjoint({"present.figures", "present.helpers", "present.notebooks"})
    # every package on the way is imported too
    assert {"", "read", "clean", "pipeline"} <= keyed


def test_the_runtime_package_never_imports_the_development_tools() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        assert "povertyplan_dev" not in path.read_text(encoding="utf-8"), path.name
