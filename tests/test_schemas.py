"""Every input the analyst writes has a declared shape (workflow/schemas/): the commune
registry, the column spec, the poverty standards and the published plans. A file that
breaks it stops the run with one line naming the file, the row or key, what is wrong and
what to do, and the example's own files all pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from povertyplan.compute.reconcile import load_published
from povertyplan.compute.standards import load_standard
from povertyplan.core.errors import ConfigError
from povertyplan.read.columns import load_column_spec
from povertyplan.read.registry import load_registry
from povertyplan.read.schemas import SCHEMAS_DIR

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "config"


@pytest.fixture
def config(tmp_path) -> Path:
    shutil.copytree(CONFIG, tmp_path / "config")
    return tmp_path / "config"


def one_line(call) -> str:
    with pytest.raises(ConfigError) as caught:
        call()
    message = caught.value.one_line()
    assert "\n" not in message and "Traceback" not in message
    return message


def edit_yaml(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def test_every_schema_is_a_valid_json_schema_and_the_example_passes(registry) -> None:
    import jsonschema

    for path in sorted(SCHEMAS_DIR.glob("*.schema.yaml")):
        jsonschema.Draft202012Validator.check_schema(yaml.safe_load(path.read_text("utf-8")))
    load_column_spec(CONFIG / "columns.yaml")
    for path in sorted((CONFIG / "standards").glob("*.yaml")):
        load_standard(path)
    for path in sorted((CONFIG / "published").glob("*.yaml")):
        load_published(path, registry)


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("area", "town", "row 3, column 'area': area is 'town'. Write urban or rural."),
        ("valid_to", "2025-13-01", "row 3, column 'valid_to': valid_to is '2025-13-01'. "
         "Write dates as YYYY-MM-DD or leave blank."),
        ("valid_from", "31/12/2019", "column 'valid_from': valid_from is '31/12/2019'"),
        ("display_order", "first", "column 'display_order': display_order is 'first'. Write"),
        ("successor", "19603", "column 'successor': successor is '19603'. Write scheme:code"),
        ("name", "", "row 3, column 'name': name is ''. Write the unit's name"),
    ],
)  # fmt: skip
def test_a_registry_row_that_breaks_its_schema(config, column, value, expected) -> None:
    path = config / "communes.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[2].split(",")
    cells[header.index(column)] = value
    lines[2] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = one_line(lambda: load_registry(path))
    assert message.startswith(str(path)) and expected in message


def test_a_column_spec_with_a_typo_or_a_wrong_value(config) -> None:
    path = config / "columns.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace('    aliases: ["Điểm B1"', '    alias: ["Điểm B1"'))
    message = one_line(lambda: load_column_spec(path))
    assert "unknown key 'alias' at fields.score_b1. Did you mean 'aliases'?" in message
    path.write_text(original.replace("kind: number\n    min: 0", "kind: decimal\n    min: 0", 1))
    message = one_line(lambda: load_column_spec(path))
    assert "kind is 'decimal'. Use one of text, code, integer" in message
    path.write_text(original.replace("required: true", "required: yes please", 1))
    assert "required is 'yes please'. Write true or false." in one_line(
        lambda: load_column_spec(path)
    )


def test_a_standard_that_breaks_its_schema(config) -> None:
    path = config / "standards" / "2022-2026.yaml"
    edit_yaml(path, lambda s: s["income_lines"]["rural"].pop("near_poor"))
    message = one_line(lambda: load_standard(path))
    assert str(path) in message
    assert "income_lines.rural lacks the key 'near_poor'. Add near_poor:" in message
    shutil.copy(CONFIG / "standards" / "2022-2026.yaml", path)
    edit_yaml(path, lambda s: s["indicators"][0].update(code="Việc làm"))
    message = one_line(lambda: load_standard(path))
    assert "indicators.0.code is 'Việc làm'. Name the indicator's column dep_" in message
    shutil.copy(CONFIG / "standards" / "2022-2026.yaml", path)
    edit_yaml(path, lambda s: s.update(rule="both"))
    assert "rule is 'both'. Write or (income or deprivations" in one_line(
        lambda: load_standard(path)
    )


def test_a_published_plan_that_breaks_its_schema(config, registry) -> None:
    path = config / "published" / "plan-2019-cam-lo.yaml"
    edit_yaml(path, lambda p: p["headline"].update(poor_households=p["headline"].pop("poor")))
    message = one_line(lambda: load_published(path, registry))
    assert "headline" in message and "poor_households" in message
    shutil.copy(CONFIG / "published" / path.name, path)
    edit_yaml(path, lambda p: p.update(plan_year="next year"))
    assert "plan_year is 'next year'. Write a year, e.g. 2018." in one_line(
        lambda: load_published(path, registry)
    )
    shutil.copy(CONFIG / "published" / path.name, path)
    table = config / "published" / "plan-2019-cam-lo.csv"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace('1.411,140,"9,92"', '1.411,140,"9,92%"'), encoding="utf-8")
    message = one_line(lambda: load_published(path, registry))
    assert f"{table}, row 2, column 'ty_le': ty_le is '9,92%'" in message
    assert "with a decimal comma (9,92)" in message


def test_the_schemas_name_what_the_code_knows() -> None:
    """A list written in a schema and in the code is the same list."""
    from povertyplan.compute.reconcile import HEADLINE
    from povertyplan.compute.standards import RULES
    from povertyplan.core.labels import PLAN_TABLE_COLUMNS
    from povertyplan.read.columns import KINDS
    from povertyplan.read.registry import REGISTRY_COLUMNS
    from povertyplan.read.schemas import load_schema

    plan = load_schema("published_plan")["properties"]
    assert plan["headline"]["propertyNames"]["enum"] == list(HEADLINE)
    assert load_schema("communes")["required"] == list(REGISTRY_COLUMNS)
    field = load_schema("columns")["$defs"]["field"]["properties"]
    assert set(field["kind"]["enum"]) == set(KINDS)
    assert load_schema("published_table")["required"] == [k for k, *_ in PLAN_TABLE_COLUMNS]
    assert set(load_schema("standard")["properties"]["rule"]["enum"]) == set(RULES)


def test_standards_read_for_their_headers_are_checked_too(config) -> None:
    """The column spec reads every standard's indicators (their headers are columns):
    a broken standard stops it with one line, before anything else reads it."""
    path = config / "standards" / "2027-2030.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "indicators: [\n", encoding="utf-8")
    message = one_line(lambda: load_column_spec(config / "columns.yaml"))
    assert message.startswith(f"{path}, row ") and "is not valid YAML" in message
    edit_yaml_text = original.replace("code: dep_employment, ", "", 1)
    path.write_text(edit_yaml_text, encoding="utf-8")
    message = one_line(lambda: load_column_spec(config / "columns.yaml"))
    assert f"{path}: indicators.0 lacks the key 'code'" in message


def test_a_field_named_by_a_number_is_refused_in_one_line(config) -> None:
    path = config / "columns.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  score_b1:\n", "  2019:\n", 1), encoding="utf-8")
    message = one_line(lambda: load_column_spec(path))
    assert "fields" in message and "2019" in message
    path.write_text("2019: [x]\n" + text, encoding="utf-8")
    assert "unknown key '2019' at the top level" in one_line(lambda: load_column_spec(path))
