"""The helpers that reading a file and cleaning it are made of, one job each."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from povertyplan.clean.households import _deprivation_count, _ledger_entry, _problem_list
from povertyplan.core.errors import ConfigError, DataError
from povertyplan.read.columns import _check_rule_reasons, _mark_column_fields, _unit_scale
from povertyplan.read.raw import (
    RawTable,
    _column_encodings,
    _column_fields,
    _data_rows,
    _error_cells,
    _hidden_columns,
    _relationship_targets,
    _sheet_members,
)

RELS = (
    '<Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/>'
    '<Relationship Target="/xl/worksheets/sheet2.xml" Type="ws" Id="rId2"/></Relationships>'
)
WORKBOOK = (
    '<workbook><sheets><sheet name="Cam Th&amp;nh" sheetId="1" r:id="rId1"/>'
    '<sheet name="Lost" sheetId="2" r:id="rId9"/>'
    '<sheet name="Cam An" sheetId="3" r:id="rId2"/></sheets></workbook>'
)


def test_relationships_are_read_whatever_the_order_of_their_attributes():
    assert _relationship_targets(RELS) == {
        "rId1": "worksheets/sheet1.xml",
        "rId2": "/xl/worksheets/sheet2.xml",
    }


def test_sheets_without_a_target_are_skipped_and_members_are_under_xl():
    members = _sheet_members(WORKBOOK, _relationship_targets(RELS))
    assert members == [
        ("Cam Th&amp;nh", "xl/worksheets/sheet1.xml"),
        ("Cam An", "xl/worksheets/sheet2.xml"),
    ]


def test_hidden_columns_are_read_above_the_sheet_data_only():
    xml = (
        '<worksheet><cols><col min="2" max="3" hidden="1"/><col min="5" max="5"/>'
        '<col min="7" max="7" hidden="true"/></cols><sheetData>'
        '<col min="9" max="9" hidden="1"/></sheetData></worksheet>'
    )
    assert _hidden_columns(xml) == frozenset({1, 2, 6})


def test_error_cells_and_uncalculated_formulas():
    xml = (
        "<sheetData><row>"
        '<c r="A1" t="e"><v>#N/A</v></c>'
        '<c r="B2"><f>SUM(A1:A2)</f></c>'
        '<c r="C3" t="str"><f>""</f><v/></c>'
        '<c r="AA4"><f>1+1</f><v>2</v></c>'
        "</row></sheetData>"
    )
    assert _error_cells(xml) == {(0, 0): "#ERROR", (1, 1): "#FORMULA"}
    assert _error_cells('<sheetData><c r="A1"><v>1</v></c></sheetData>') == {}


def test_repaired_columns_are_named_by_their_header_or_their_number():
    assert _column_encodings({1: "tcvn3", 4: "vni"}, ["TT", "Xã", ""]) == [
        "Xã: tcvn3",
        "#5: vni",
    ]


def test_data_rows_are_a_slice_when_they_follow_one_another():
    rows, where = _data_rows(["title", "header", "data", "data", "total"])
    assert rows.tolist() == [2, 3] and where == slice(2, 4)
    rows, where = _data_rows(["header", "data", "blank", "data"])
    assert rows.tolist() == [1, 3] and np.array_equal(where, [1, 3])
    rows, where = _data_rows(["header"])
    assert len(rows) == 0 and len(where) == 0


def test_a_hidden_column_gives_way_to_a_visible_one(spec):
    headers = ["Mã hộ", "Xã", "Họ và tên chủ hộ", "Kết quả 2017", "Kết quả rà soát", "Ghi chú"]
    names = ["household_id", "commune", "head_name", "status", "status", None]
    mapped, personal, ignored = _column_fields(
        headers, names, spec, frozenset({3}), "f.xlsx", row=5
    )
    assert mapped == {"household_id": 0, "commune": 1, "status": 4}
    assert personal == {2: "head_name"}
    assert ignored == ["Ghi chú", "Kết quả 2017 (hidden)"]


def test_two_visible_columns_of_one_field_are_an_error(spec):
    with pytest.raises(DataError, match="two columns are both"):
        _column_fields(
            ["Mã hộ", "Xã", "Tên xã"],
            ["household_id", "commune", "commune"],
            spec,
            frozenset(),
            "f.xlsx",
            row=5,
        )


def test_scale_mark_columns_and_rule_reasons():
    assert _unit_scale(None) is None
    scale = _unit_scale({"factor": 1000, "header_words": ["Nghìn đồng"]})
    assert (scale.factor, scale.when_all_below, scale.scaled_below) == (1000.0, 0.0, float("inf"))
    marks = _mark_column_fields("status", {"mark_columns": {"poor": ["Hộ nghèo"]}})
    assert list(marks) == ["status:poor"]
    assert marks["status:poor"].mark_of == ("status", "poor")
    assert marks["status:poor"].kind == "flag"
    with pytest.raises(ConfigError, match="names the reason 'no_such_reason'"):
        _check_rule_reasons(
            "members", {"at_most": {"field": "x", "reason": "no_such_reason"}}, Path("c.yaml")
        )


def test_shifted_rows_are_reported_once_and_cell_problems_override():
    found = [
        pd.DataFrame(columns=["index", "field", "reason", "value", "extra"]),
        pd.DataFrame(
            {
                "index": [0, 0, 1, 1, 2],
                "field": ["household_id", "members", "members", "members", "area"],
                "reason": [
                    "row_longer_than_header",
                    "missing_value",
                    "excel_error",
                    "missing_value",
                    "unknown_area",
                ],
                "value": None,
                "extra": None,
            }
        ),
    ]
    problems, shifted = _problem_list(found)
    assert shifted == {0}
    assert list(zip(problems["index"], problems["reason"], strict=True)) == [
        (0, "row_longer_than_header"),
        (1, "excel_error"),
        (2, "unknown_area"),
    ]


def test_no_indicator_column_means_no_deprivation_count(spec):
    raw = pd.DataFrame({"household_id": ["1", "2"]})
    count = _deprivation_count(pd.DataFrame(index=raw.index), raw, spec)
    assert count.isna().all() and str(count.dtype) == "Int64"
    indicator = spec.indicators[0]
    raw[indicator] = ["x", ""]
    out = pd.DataFrame({indicator: pd.array([True, pd.NA], dtype="boolean")})
    assert _deprivation_count(out, raw, spec).tolist() == [1, 0]


def test_the_ledger_line_counts_every_kind_of_row():
    table = RawTable(
        file="a.csv",
        sheets=["", "B"],
        frame=pd.DataFrame(),
        headers={},
        structure={"title": 2, "header": 1},
        grid_rows=10,
    )
    entry = _ledger_entry(table, 7, 5, 2, 3, ("thousand", "header"), 2024)
    assert entry["sheet"] == "; B"
    assert (entry["rows_read"], entry["rows_kept"], entry["rows_rejected"]) == (7, 5, 2)
    assert (entry["title_rows"], entry["header_rows"], entry["problems"]) == (2, 1, 3)
    assert (entry["income_unit"], entry["income_unit_basis"]) == ("thousand", "header")
