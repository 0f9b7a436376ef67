"""The project's conventions, checked on every test run (and so in CI): ruff lint and format,
snakefmt, `snakemake --lint` without findings, a log and a benchmark for every rule, and a
conda environment that mirrors the pinned lock."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SNAKEFILES = [REPO / "Snakefile", *sorted((REPO / "workflow" / "rules").glob("*.smk"))]


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "workflow", "tests"),
        ("ruff", "format", "--check", "workflow", "tests"),
        ("snakefmt", "--check", *[str(p) for p in SNAKEFILES]),
    ],
    ids=["ruff-check", "ruff-format", "snakefmt"],
)
def test_code_is_linted_and_formatted(command):
    result = run(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_snakemake_lint_has_no_findings():
    result = run(sys.executable, "-m", "snakemake", "--lint", "--cores", "1")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Congratulations, your workflow is in a good condition!" in output
    assert "Lints for" not in output


def rules() -> dict[str, str]:
    """Each rule's text, by name, from the Snakefile and workflow/rules/."""
    found = {}
    for path in SNAKEFILES:
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"^rule (\w+):\n((?:    .*\n|\n)*)", text, re.MULTILINE):
            found[match.group(1)] = match.group(2)
    return found


def test_every_rule_has_a_log_a_benchmark_and_its_software():
    found = rules()
    assert {"clean_year", "notebook_data_quality", "plan", "notebooks", "trends", "index"} <= set(
        found
    )
    for name, body in found.items():
        if name == "all":
            continue
        for directive in ("log:", "benchmark:", "conda:"):
            assert f"    {directive}" in body, f"rule {name} has no {directive}"


def test_the_conda_environment_mirrors_the_lock():
    env = yaml.safe_load((REPO / "workflow" / "envs" / "povertyplan.yaml").read_text())
    pins = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    lock = (REPO / "requirements.lock").read_text()
    for pin in pins:
        assert re.search(rf"^{re.escape(pin)} ", lock, re.MULTILINE), f"{pin} is not in the lock"
    assert "python=3.11" in env["dependencies"]
