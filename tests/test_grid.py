"""The reader's columns held as codes into their distinct texts (a CSV file read by
pyarrow) must read exactly as the same cells held as values, whatever is asked of them."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from povertyplan.core.errors import DataError
from povertyplan.core.grid import Grid
from povertyplan.core.legacy import could_be_legacy, could_be_legacy_texts
from povertyplan.read.columns import load_column_spec
from povertyplan.read.raw import _arrow_csv_grid, read_raw_file

ROWS = [
    ["Mã hộ", "Xã", "Thôn", "Ghi chú"],
    ["H-1", "Xã Cam Thành", "Thôn 1", ""],
    ["H-2", "Xã Cam Thành", " Thôn 1 ", ""],  # the same village once trimmed
    ["H-3", "Cam Thành", "Thôn 2", "x"],
    ["", "", "", ""],
    ["H-4", "Xã Cam Thành", "Thôn 1", "Hé Ëøc"],
]


def coded_grid(rows: list[list[str]]) -> Grid:
    """The grid pyarrow's reader builds for these rows (each column as read)."""
    columns = [
        pa.chunked_array([pa.array(list(column), type=pa.string())])
        for column in zip(*rows, strict=True)
    ]
    grid = _arrow_csv_grid(columns, ",")
    assert grid is not None
    return grid


def plain_grid(rows: list[list[str]]) -> Grid:
    return Grid.from_rows([[cell.strip() for cell in row] for row in rows], text_only=True)


def test_codes_and_values_read_the_same():
    coded, plain = coded_grid(ROWS), plain_grid(ROWS)
    assert coded[0 : len(ROWS)] == plain[0 : len(ROWS)]
    rows = np.array([1, 2, 3, 5])
    for col in range(plain.width):
        assert list(coded.cells(col, rows)) == list(plain.cells(col, rows))
        assert (
            coded.blank(col, slice(1, None)).tolist() == plain.blank(col, slice(1, None)).tolist()
        )
        assert coded.values_in(col, rows) == plain.values_in(col, rows)
        assert coded.series(col, rows).astype(object).tolist() == plain.series(col, rows).tolist()
        assert sorted(coded.wide_texts(col)) == sorted(plain.wide_texts(col))
        assert coded.is_ascii(col) == plain.is_ascii(col)


def test_a_repeating_column_is_categorical_and_a_distinct_one_is_not():
    rows = [["Mã hộ", "Xã"]] + [[f"H-{i}", "Xã Cam Thành"] for i in range(50)]
    grid = coded_grid(rows)
    codes, communes = grid.series(0, slice(1, None)), grid.series(1, slice(1, None))
    assert codes.dtype == object and codes.tolist() == [f"H-{i}" for i in range(50)]
    assert isinstance(communes.dtype, pd.CategoricalDtype)
    assert communes.astype(object).tolist() == ["Xã Cam Thành"] * 50


def test_a_changed_cell_is_seen_everywhere():
    coded, plain = coded_grid(ROWS), plain_grid(ROWS)
    for grid in (coded, plain):
        grid.set(3, 1, "Xã Cam Hiếu")
        grid.fill(2, 1, 3, "Thôn 9")
    assert coded[0 : len(ROWS)] == plain[0 : len(ROWS)]
    assert coded.values_in(1, slice(1, None)) == plain.values_in(1, slice(1, None))
    assert coded.distinct(2) == plain.distinct(2)


def test_legacy_candidates_are_found_on_whole_columns_as_one_by_one():
    alphabet = [chr(c) for c in range(0, 0x180)] + list("ạảấầẩẫậăắđĐ€™–—…ƠơƯư\u2122\u2123😀")
    chooser = random.Random(11)
    texts = [
        "".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 6)))
        for _ in range(20_000)
    ] + ["Phan Minh Lâm", "Xã Cam Thành", "abc", "", "Hé Ëøc Hïng", "Lª V¨n", "a\nb"]
    assert could_be_legacy_texts(texts).tolist() == [could_be_legacy(t) for t in texts]


@pytest.mark.parametrize("offset", [10, (1 << 22) + 5])  # in the first piece checked, or later
def test_a_bad_byte_after_a_utf8_mark_is_named_by_its_place_in_the_file(tmp_path, offset):
    spec = load_column_spec("config/columns.yaml")
    body = ("Mã hộ,Xã\n" + "H-1,Xã Cam Thành\n" * (offset // 16 + 1)).encode("utf-8")
    position = body.index(b"\n", offset) + 1
    data = b"\xef\xbb\xbf" + body[:position] + b"\xff" + body[position:]
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(DataError, match=f"at byte {position}"):
        read_raw_file(path, spec)


def test_datasets_are_sorted_as_pandas_sorts_them():
    """pyarrow's stable sort, missing values last, UTF-8 bytes in character order."""
    from povertyplan.compute import datasets

    chooser = random.Random(5)
    words = ["Xã Cam Thành", "Xã Cam Hiếu", "xã cam thành", "Đông", "Zeta", "Ánh", "", None]
    frame = pd.DataFrame(
        {
            "commune_code": pd.array([chooser.choice(words) for _ in range(400)], dtype="string"),
            "members": pd.array(
                [chooser.choice([1, 2, None, 3]) for _ in range(400)], dtype="Int64"
            ),
            "row": pd.array(range(400), dtype="Int64"),
        }
    )
    schema = datasets._dataset(
        [("commune_code", pa.string()), ("members", pa.int64()), ("row", pa.int64())],
        ["commune_code", "members"],
    )
    expected = frame.sort_values(["commune_code", "members"], kind="stable")["row"].tolist()
    assert datasets.to_arrow(frame, schema).column("row").to_pylist() == expected
