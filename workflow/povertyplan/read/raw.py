"""Reading raw review files (.xlsx, .xls, .csv) into a table of raw cell values.

The reader finds the header (one or two rows, merged cells allowed) under any title
block, and sorts every row below it into exactly one kind: blank, index row
(`A | B | 1 | 2 …`), section row (`I. Thành thị`), total or subtotal row (`Tổng cộng`,
`Cộng thôn 1`), footer (signatures after the last total) or data. Every row that might be
a household is data: if it is not a valid household, the cleaner rejects it with a reason.
The counts always add up to the number of rows in the sheet, and this is checked.

Merged cells are filled with their top-left value (a commune or village merged down a
block of households belongs to each of them). Excel error cells (`#N/A`, `#REF!`) are
kept as `CellError`, so they are rejected rather than read as blank. Every visible sheet
that has a household header is read; the others are named in `ignored_sheets`. Personal
fields are never kept.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import hashlib
import io
import itertools
import re
import sys
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import python_calamine

from ..core.errors import DataError, InternalError
from ..core.grid import Grid, objects
from ..core.legacy import (
    best_encoding,
    convert,
    could_be_legacy_texts,
    encoding_scores,
    penalty,
)
from ..core.messages import FILE_PROBLEM_NOTES, file_problem
from ..core.numbers import number_from_text
from ..core.privacy import looks_personal, redact, signers
from ..core.text import RE2_EDGE_SPACE, nfc, normalise_label, text_matches
from .columns import ColumnSpec

EXCEL_SUFFIXES = {".xlsx", ".xls", ".xlsm"}
CSV_SUFFIXES = {".csv"}
RAW_SUFFIXES = EXCEL_SUFFIXES | CSV_SUFFIXES
HEADER_SEARCH_ROWS = 40
MAX_CSV_FIELDS = 1000  # a wider CSV file is read by the csv module
STRUCTURE_KINDS = ("title", "header", "index", "blank", "section", "total", "footer")
# a section label: a roman numeral (I, II.), a letter or number with a point (A., 1.),
# or an area, village or result word (Thành thị, Nông thôn, Thôn 3, Hộ nghèo)
_SECTION = re.compile(
    r"^(([ivx]+)\.?(\s|$)|[a-z0-9]{1,2}[.)](\s|$)|(thành thị|nông thôn|thôn|bản|khu phố|tổ dân phố|tổ"
    r"|hộ nghèo|hộ cận nghèo|hộ không nghèo)(\s|$))"
)


class CellError(str):
    """An Excel error cell (#N/A, #REF!, #DIV/0! …): never a value, always a reject."""


@dataclass
class RawTable:
    """The data rows of one raw file, as read, before any checking.

    `frame` has one column per canonical field found (values as read: text, numbers for
    numeric Excel cells, CellError for error cells), `source_row` (the row number the
    user sees in Excel, or the line number of a CSV file), `sheet`, and `extra_cells`
    (cells to the right of the header's last column, a sign of a shifted row).
    `structure` counts the rows that are not data, by kind.
    """

    file: str
    sheets: list[str]
    frame: pd.DataFrame
    headers: dict[str, dict[str, str]]  # sheet -> field -> header as written
    structure: dict[str, int] = field(default_factory=dict)
    grid_rows: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)
    file_encoding: str = ""
    text_encodings: list[str] = field(default_factory=list)
    # the file's names and ID numbers: never kept, only used to keep them out of messages
    personal_values: frozenset[str] = frozenset()
    # the title block's texts and the file name: where a file without a commune column
    # names its commune
    context: list[str] = field(default_factory=list)
    has_cell_errors: bool = False  # any CellError among the data cells
    # each sheet's title block: the commune it names is checked against its rows
    sheet_titles: dict[str, list[str]] = field(default_factory=dict)
    file_sha256: str = ""  # of the file's bytes: a file sent twice is read once
    # place names (the registry's, normalised): never mistaken for a person's name
    places: frozenset[str] = frozenset()
    # household codes that look like ID numbers but are the commune's own numbering
    household_codes: frozenset[str] = frozenset()

    # names signed above or under the table (a place's name there is no person's)
    signed_names: frozenset[str] = frozenset()

    def header(self, sheet: str, name: str) -> str:
        """The header a field has in `sheet` (its canonical name when absent)."""
        return self.headers.get(sheet, {}).get(name, name)


def file_digest(path: str | Path) -> str:
    """sha256 of a file's bytes, read in blocks: a file sent twice is read once, and
    provenance names every input by it."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cell_value(value: object) -> object:
    """A raw cell as text, or as a float for numeric cells; blank cells become ''."""
    if type(value) is str:
        return nfc(value).strip()
    if value is None:
        return ""
    if isinstance(value, CellError):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return nfc(str(value)).strip()


def _cell_values(rows: list[list[object]]) -> list[list[object]]:
    """`cell_value` of every cell of an Excel sheet, converting each distinct text once."""
    table = {text: cell_value(text) for text in {v for row in rows for v in row if type(v) is str}}
    return [
        [table[v] if type(v) is str else v if type(v) is float else cell_value(v) for v in row]
        for row in rows
    ]


def cell_text(value: object) -> str:
    """Any cell as display text (integral floats without `.0`)."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _column_index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def _relationship_targets(rels: str) -> dict[str, str]:
    """The workbook's relationships (`xl/_rels/workbook.xml.rels`): id → target, whichever
    order a `<Relationship>` writes its attributes in."""
    targets = dict(re.findall(r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
    targets |= {
        k: v
        for v, k in re.findall(r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)
    }
    return targets


def _sheet_members(workbook: str, targets: dict[str, str]) -> list[tuple[str, str]]:
    """Each sheet of `xl/workbook.xml` that has a relationship target, as (its name as
    written, escaped, its member in the zip file), in the workbook's order."""
    members = []
    for tag in re.findall(r"<sheet\b[^>]*>", workbook):
        name = re.search(r'name="([^"]*)"', tag)
        rid = re.search(r'r:id="([^"]*)"', tag)
        if not name or not rid or rid.group(1) not in targets:
            continue
        target = targets[rid.group(1)].lstrip("/")
        members.append((name.group(1), target if target.startswith("xl/") else f"xl/{target}"))
    return members


def _hidden_columns(xml: str) -> frozenset[int]:
    """The hidden columns (zero-based) of a sheet's XML: its `<col … hidden="1">` ranges,
    in the part above `<sheetData>`."""
    head = xml[: xml.find("<sheetData")]
    return frozenset(
        column
        for tag in re.findall(r"<col\b[^>]*>", head)
        if re.search(r'hidden="(1|true)"', tag)
        for column in range(
            int(re.search(r'min="(\d+)"', tag).group(1)) - 1,
            int(re.search(r'max="(\d+)"', tag).group(1)),
        )
    )


def _error_cells(xml: str) -> dict[tuple[int, int], str]:
    """A sheet's cells that hold no value, zero-based (row, column) → `#ERROR` (`t="e"`:
    #N/A, #REF! …) or `#FORMULA` (a formula with no saved value)."""
    cells: dict[tuple[int, int], str] = {}
    if 't="e"' not in xml and "<f" not in xml:
        return cells  # no error cell and no formula: nothing to look for
    for attributes, body in re.findall(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", xml, re.S):
        ref = re.search(r'r="([A-Z]+)(\d+)"', attributes)
        if not ref:
            continue
        where = (int(ref.group(2)) - 1, _column_index(ref.group(1)))
        if 't="e"' in attributes:
            cells[where] = "#ERROR"
        elif "<f" in body and 't="str"' not in attributes and not re.search(r"<v>[^<]", body):
            # a formula never calculated; a formula whose result is the empty
            # text (t="str", empty <v/>) is a blank cell
            cells[where] = "#FORMULA"
    return cells


def excel_sheet_facts(
    path: Path,
) -> dict[str, tuple[dict[tuple[int, int], str], frozenset[int]]]:
    """What calamine does not tell of each sheet of an .xlsx/.xlsm file: its error cells,
    zero-based (row, column) → `#ERROR` (a cell holding #N/A, #REF! …) or `#FORMULA` (a
    formula with no saved value), and its hidden columns (zero-based).

    calamine reads error cells as blank and shows hidden columns; the sheet XML tells
    (`t="e"`, `<f>` without `<v>`, `<col … hidden="1">`).
    """
    found: dict[str, tuple[dict[tuple[int, int], str], frozenset[int]]] = {}
    try:
        with zipfile.ZipFile(path) as book:
            workbook = book.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = book.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            for name, member in _sheet_members(workbook, _relationship_targets(rels)):
                xml = book.read(member).decode("utf-8", "replace")
                found[_unescape(name)] = (_error_cells(xml), _hidden_columns(xml))
    except (KeyError, zipfile.BadZipFile):
        return {}
    return found


def _unescape(text: str) -> str:
    return (
        text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    )


def _excel_grids(
    path: Path,
) -> tuple[list[tuple[str, Grid, list, None, frozenset[int]]], list[str], bool]:
    """Every visible sheet as a grid of cell values (with its merged ranges and its hidden
    columns), the names of the hidden sheets, and whether any cell holds an Excel error or
    an uncalculated formula."""
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for unreadable files
        raise DataError(
            **file_problem("not_an_excel_workbook", reader=type(exc).__name__), file=path.name
        ) from None

    facts = excel_sheet_facts(path) if path.suffix.lower() in {".xlsx", ".xlsm"} else {}
    errors = {name: cells for name, (cells, _) in facts.items()}
    grids, hidden = [], []
    for meta in book.sheets_metadata:
        if "Visible" not in str(meta.visible) or "Hidden" in str(meta.visible):
            hidden.append(f"{meta.name} (hidden)")
            continue
        sheet = book.get_sheet_by_name(meta.name)
        grid = Grid.from_rows(_cell_values(sheet.to_python(skip_empty_area=False)))
        for (row, col), kind in errors.get(meta.name, {}).items():
            if row < len(grid) and col < grid.width:
                grid.set(row, col, CellError(kind))
        hidden_columns = facts.get(meta.name, ({}, frozenset()))[1]
        grids.append((meta.name, grid, list(sheet.merged_cell_ranges or []), None, hidden_columns))
    return grids, hidden, any(errors.values())


def _fill_merged(grid: Grid, merges: list, from_row: int) -> None:
    """Give every cell of a range merged down several rows below `from_row` the range's
    top-left value (a commune merged down a block of households), filled down each column
    at once. Ranges within one row (a section label or "Tổng cộng" merged across columns)
    are left as they are."""
    for (top, left), (bottom, right) in merges:
        if top < from_row or top >= len(grid) or left >= grid.width or bottom == top:
            continue
        value = grid.cells(left, top)
        for c in range(left, min(right, grid.width - 1) + 1):
            grid.fill(c, top, min(bottom, len(grid) - 1) + 1, value)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text of a CSV file and the encoding it was read with.

    A byte-order mark decides (UTF-8, UTF-16); UTF-16 without one is recognised by its
    zero bytes; then strict UTF-8. Anything else is read byte by byte as the characters
    Windows-1252 shows (`legacy`), and each column is then repaired from CP1258, TCVN3 or
    VNI by `legacy.detect_encoding`.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    utf16 = _utf16_encoding(data)
    if utf16 == "utf-16":
        return data.decode("utf-16"), "utf-16"
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return "".join(_WINDOWS_1252[b] for b in data), "legacy"


_WINDOWS_1252 = [
    bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
    for b in range(256)
]


def _csv_grid(path: Path) -> tuple[Grid, str, list[int] | None]:
    """A CSV file as a grid, its encoding, and each line's number of fields (None when
    every line has the header's).

    A file whose lines all have the same number of fields (as Excel writes them) is
    tokenised by pyarrow, in C, into columns; a ragged file, or one pyarrow reads
    differently from Python's csv module (a bare carriage return, a NUL, a quote left
    open), by the csv module, so that both give the same cells."""
    data = path.read_bytes()
    try:
        encoding = _utf8_encoding(data)
        if encoding is None:
            text, encoding = decode_bytes(data)
            data = text.encode("utf-8")
            del text
    except UnicodeDecodeError as exc:
        raise DataError(
            **file_problem("not_text", reason=exc.reason, start=exc.start), file=path.name
        ) from None
    # the file's bytes are let go as soon as pyarrow has them: a file of a million
    # households is held once, as columns (and a UTF-8 file is never held as one text)
    start = 3 if encoding == "utf-8-sig" else 0
    delimiter = _delimiter(data, start)
    columns = _arrow_csv_columns(data, start, delimiter)
    del data
    grid = _arrow_csv_grid(columns, delimiter) if columns is not None else None
    if grid is not None:
        return grid, encoding, None
    text = decode_bytes(path.read_bytes())[0]
    grid, lengths = _python_csv_grid(path.name, text, delimiter)
    return grid, encoding, lengths


def _utf16_encoding(data: bytes) -> str | None:
    """`utf-16` for bytes with a UTF-16 byte-order mark, `utf-16-le` or `utf-16-be` for
    bytes without one but with a zero byte in every other place (the first 4,000 bytes
    decide), else None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 3:
        return "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
    return None


def _utf8_encoding(data: bytes) -> str | None:
    """`utf-8-sig` or `utf-8` when `data` is UTF-8 text (see `decode_bytes`), checked a
    piece at a time so that a large file is never held as one text; None when it is
    not. A byte-order mark followed by bytes that are not UTF-8 raises
    UnicodeDecodeError, as `decode_bytes` does."""
    signed = data.startswith(codecs.BOM_UTF8)
    if not signed and _utf16_encoding(data) is not None:
        return None
    start = 3 if signed else 0
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    piece = 1 << 22
    for offset in range(start, max(len(data), start + 1), piece):
        try:
            decoder.decode(data[offset : offset + piece], final=offset + piece >= len(data))
        except UnicodeDecodeError:
            if not signed:
                return None
            data[start:].decode("utf-8")  # raises, with the position in the whole file
    return "utf-8-sig" if signed else "utf-8"


def _delimiter(utf8: bytes, start: int) -> str:
    """The delimiter of a CSV file's UTF-8 bytes from byte `start`: the one of `,`, `;`
    and tab its first lines hold most of."""
    head = utf8[start : start + (1 << 16)].decode("utf-8", errors="ignore")
    lines = head.splitlines()
    if len(lines) <= HEADER_SEARCH_ROWS:
        lines = utf8[start:].decode("utf-8", errors="ignore").splitlines()
    head = "\n".join(lines[:HEADER_SEARCH_ROWS])
    return max([",", ";", "\t"], key=head.count)


def _python_only(utf8: bytes) -> bool:
    """Whether pyarrow would read the file otherwise than Python's csv module: a carriage
    return that ends no Windows line, or a NUL byte."""
    return b"\x00" in utf8 or utf8.count(b"\r") != utf8.count(b"\r\n")


def cell_texts(distinct: pa.Array) -> list[str]:
    """`cell_value` of a column's distinct texts (an Arrow string array): only the texts
    with white space at an edge, and the non-ASCII ones when they are not all NFC, are
    looked at one by one."""
    texts = distinct.to_pylist()
    edge = text_matches(distinct, RE2_EDGE_SPACE)
    wide = np.flatnonzero(~pc.string_is_ascii(distinct).to_numpy(zero_copy_only=False))
    fix = set(np.flatnonzero(edge).tolist())
    if len(wide) and not unicodedata.is_normalized("NFC", "\x00".join(texts[i] for i in wide)):
        fix.update(wide.tolist())
    for i in fix:
        texts[i] = nfc(texts[i]).strip()
    return texts


def _arrow_csv_columns(utf8: bytes, start: int, delimiter: str) -> list[pa.ChunkedArray] | None:
    """The text columns of a CSV file whose every line has the same number of fields,
    read by pyarrow from byte `start` of `utf8`; None for any other file (see
    `_csv_grid`)."""
    if _python_only(utf8):
        return None
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(utf8).slice(start)),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(MAX_CSV_FIELDS)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None  # lines of different lengths, or a quote left open
    if table.num_columns > MAX_CSV_FIELDS:
        return None
    return list(table.columns)


def _arrow_csv_grid(texts: list[pa.ChunkedArray | None], delimiter: str) -> Grid | None:
    """The grid of a CSV file's text columns (`_arrow_csv_columns`), each column let go
    once converted; None when a cell holds a quote left open.

    A column that repeats its values (a village, a status) is dictionary-encoded and
    kept as codes into its distinct texts, so each distinct text is normalised once
    (`cell_texts`) and stored once; a column of mostly distinct values (household codes,
    ID numbers) is converted as it is, which is cheaper than finding its distinct
    values."""
    rows = len(texts[0]) if texts else 0
    columns: list[np.ndarray | None] = []
    codes: list[np.ndarray | None] = []
    distincts: list[list[str] | None] = []
    wide: dict[int, list[str]] = {}
    for index, column in enumerate(texts):
        texts[index] = None
        if _mostly_distinct(column):
            array = column.combine_chunks()
            del column
            if _quote_left_open(array, delimiter):
                return None
            cells = cell_texts(array)
            wide[index] = _wide_texts(array, cells)
            columns.append(objects(cells))
            codes.append(None)
            distincts.append(None)
            continue
        distinct, positions = _dictionary_encoded(column)
        del column
        if _quote_left_open(distinct, delimiter):
            return None
        columns.append(None)
        codes.append(positions)
        distincts.append(cell_texts(distinct))
    return Grid(columns, rows, text_only=True, distinct=distincts, codes=codes, wide=wide)


def _wide_texts(array: pa.Array, texts: list[str]) -> list[str]:
    """The distinct texts that are not plain ASCII among `texts`, the cleaned texts of
    the column `array` (an ASCII cell stays ASCII once cleaned)."""
    wide_at = np.flatnonzero(~pc.string_is_ascii(array).to_numpy(zero_copy_only=False))
    return list(dict.fromkeys(t for t in (texts[i] for i in wide_at) if not t.isascii()))


def _mostly_distinct(column: pa.ChunkedArray, sample: int = 20_000) -> bool:
    """Whether more than half of the first `sample` cells of a column differ."""
    head = column.slice(0, sample)
    return len(head) > 0 and pc.count_distinct(head).as_py() * 2 > len(head)


def _quote_left_open(texts: pa.Array, delimiter: str) -> bool:
    """Whether a text holds the delimiter and a line break: a quote left open swallowed
    whole lines (the csv module names its line)."""
    return bool(
        pc.any(
            pc.and_(pc.match_substring(texts, delimiter), pc.match_substring_regex(texts, "[\r\n]"))
        ).as_py()
    )


def _dictionary_encoded(column: pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """(the distinct texts of a column read by pyarrow, each cell's position among
    them), found in C without joining the reader's chunks into one array."""
    encoded = pc.dictionary_encode(column)
    chunks = encoded.chunks
    if not chunks:
        return pa.array([], type=pa.string()), np.zeros(0, dtype=np.int32)
    distinct = chunks[-1].dictionary
    if not all(chunk.dictionary.equals(distinct) for chunk in chunks):  # one dictionary
        joined = pc.dictionary_encode(column.combine_chunks())
        return joined.dictionary, joined.indices.to_numpy()
    return distinct, np.concatenate([chunk.indices.to_numpy() for chunk in chunks])


def _python_csv_grid(file: str, text: str, delimiter: str) -> tuple[Grid, list[int]]:
    """The grid of a CSV file read by Python's csv module, and each line's number of
    fields."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise DataError(**file_problem("not_csv", error=exc), file=file) from None
    for number, row in enumerate(rows, start=1):
        # a cell may hold a line break; one holding whole lines of the file is a quote
        # left open
        if any(("\n" in cell or "\r" in cell) and delimiter in cell for cell in row):
            raise DataError(**file_problem("quote_not_closed"), file=file, row=number)
    grid = Grid.from_rows(rows, text_only=True)
    for col in range(grid.width):
        column = grid.column(col)
        distinct = list(dict.fromkeys(column))
        normal = cell_texts(pa.array(distinct, type=pa.string()))
        if normal != distinct:
            lookup = dict(zip(distinct, normal, strict=True))
            grid.set_column(col, objects([lookup[v] for v in column]))
    return grid, [len(row) for row in rows]


def _better(original: str, converted: str) -> str:
    if converted == original or penalty(converted) > penalty(original):
        return original
    return converted


def repair_legacy_text(grid: Grid, whole_file: bool = False, first_row: int = 0) -> dict[int, str]:
    """Convert text typed in a legacy encoding to Unicode (in place), column by column,
    from row `first_row` down.

    Excel cells carry the font each column was typed with, so each column is decided on
    its own; a CSV file not in UTF-8 has one encoding (`whole_file`), decided from all its
    text at once. A value is converted unless that makes it less Vietnamese. Returns
    {column index: encoding} for the columns converted.

    A column of plain ASCII holds no legacy text and is not looked at; the others are
    scored on the values that could be legacy text (a column's distinct values decide
    which), and converted per distinct value.
    """
    found: dict[int, str] = {}
    candidates = {
        col: _legacy_candidates(grid.wide_texts(col))
        for col in range(grid.width)
        if not grid.is_ascii(col)
    }
    # the columns with a value that could be legacy text (here or in the rows above)
    columns = {
        col: grid.cells(col, slice(first_row, None)) for col in candidates if candidates[col]
    }
    if not columns:
        return found
    # the sample in the sheet's own order, row by row, as it was always taken
    everything = (
        value
        for row in zip(*columns.values(), strict=True)
        for col, value in zip(columns, row, strict=True)
        if value in candidates[col]
    )
    sheet_scores = encoding_scores(everything, sample=1000)
    sheet = best_encoding(sheet_scores)
    # the sheet is clearly in a legacy encoding when that beats reading it as it is by
    # several words: then its columns follow it where they read well both ways
    clear = sheet is not None and sheet_scores[None] - sheet_scores[sheet] >= 3
    for col, column in columns.items():
        if whole_file:
            encoding = sheet
        else:
            values = (v for v in column if v in candidates[col])
            encoding = best_encoding(encoding_scores(values), prefer=sheet if clear else None)
        if encoding is None:
            continue
        distinct = {v for v in pd.unique(column) if type(v) is str and v}
        converted = {value: _better(value, convert(value, encoding)) for value in distinct}
        if all(value == new for value, new in converted.items()):
            continue
        found[col] = encoding
        lookup = {value: new.strip() for value, new in converted.items()}
        repaired = grid.column(col).copy()
        repaired[first_row:] = [lookup.get(v, v) if type(v) is str else v for v in column]
        grid.set_column(col, repaired)
    return found


def _legacy_candidates(distinct: list[object]) -> set[str]:
    """The texts among `distinct` that could be legacy text: not plain ASCII, and the
    bytes of a single-byte code page (see `legacy.encoding_scores`)."""
    texts = [value for value in distinct if type(value) is str]
    return set(itertools.compress(texts, could_be_legacy_texts(texts)))


def _row_fields(row: list[object], spec: ColumnSpec) -> dict[int, str]:
    found = {}
    for col, value in enumerate(row):
        if isinstance(value, str) and value and not isinstance(value, CellError):
            name = spec.field_for_header(value)
            if name:
                found[col] = name
    return found


def _is_blank(row: list[object]) -> bool:
    return all(v == "" for v in row)


_INDEX_TOKEN = re.compile(r"^([a-z]|\d{1,3}(\s*[=+\-*x]\s*\d{1,3})*)$")


def _is_index_row(row: list[object]) -> bool:
    """`A | B | 1 | 2 …`, `1 | 2 | 3 …` or `(1) | (2) | 10=2-8 …`: the column numbering
    printed under a header (letters first, then numbers counting from 1, blanks under
    merged cells skipped)."""
    tokens = [normalise_label(cell_text(v)) for v in row if v != ""]
    if len(tokens) < 3 or not all(_INDEX_TOKEN.match(t) for t in tokens):
        return False
    letters = [t for t in tokens if t.isalpha()]
    numbers = [re.split(r"\s*[=+\-*x]\s*", t)[0] for t in tokens if not t.isalpha()]
    if tokens[: len(letters)] != letters or letters != [chr(97 + i) for i in range(len(letters))]:
        return False
    return (
        len(numbers) >= 2
        and [int(n) for n in numbers] == list(range(1, len(numbers) + 1))
        or (len(numbers) == 0 and len(letters) >= 3)
    )


def _is_total_row(
    row: list[object], spec: ColumnSpec, id_col: int, commune_col: int, label_cols: list[int]
) -> bool:
    """A total or subtotal: a total label in a label column, and no household code (the
    code cell is blank or holds the label) or no commune."""
    id_cell = row[id_col]
    id_text = normalise_label(id_cell) if isinstance(id_cell, str) and id_cell else ""
    if id_cell != "" and row[commune_col] != "" and not id_text.startswith(spec.total_row_labels):
        return False  # the common case, a household row: decided without looking further
    labels = [normalise_label(row[c]) for c in label_cols if isinstance(row[c], str) and row[c]][:3]
    labelled = any(
        t == label or t.startswith(label + " ") for t in labels for label in spec.total_row_labels
    )
    return labelled and (id_cell == "" or id_text in labels or row[commune_col] == "")


def _find_header(grid: Grid, spec: ColumnSpec) -> int | None:
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if "household_id" in _row_fields(row, spec).values():
            return index
    return None


@dataclass
class _Layout:
    """Where things are in one sheet."""

    header_at: int
    header_rows: int
    headers: list[str]
    mapped: dict[str, int]  # field -> column (personal fields excluded)
    ignored: list[str]
    personal: dict[int, str] = field(default_factory=dict)  # column -> personal field


MAX_HEADER_ROWS = 4
# a cell that is a number or a column number (`3`, `(3)`, `10=2-8`): never a header
_NUMBER_LIKE = re.compile(r"^[\d\s.,()=+\-*/]+$")


def _continues_header(row: list[object], id_col: int, id_header: object) -> bool:
    """Whether a row can be a lower row of a header: its household-code cell blank (under
    a merged `Mã hộ`) or repeating it, some text, and no number or column number."""
    if row[id_col] not in ("", id_header):
        return False
    cells = [v for v in row if v != ""]
    return bool(cells) and all(
        isinstance(v, str) and not isinstance(v, CellError) and not _NUMBER_LIKE.match(v)
        for v in cells
    )


def _header_depth(grid: Grid, spec: ColumnSpec, header_at: int, id_col: int, merges: list) -> int:
    """How many rows the header has (1-4): the row with `Mã hộ` and the rows under it that
    continue it (group / dimension / indicator), down to the last one naming a field. A
    lower row labels several columns, each under a group (a cell merged across) or a
    blank or a text that names no field: a section (`HỘ NGHÈO`, `I | Hộ nghèo` under
    `TT | Họ và tên`) is no header row."""
    across = {
        (r, c)
        for (top, left), (bottom, right) in merges
        if right > left
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
    }

    def under_a_group(row: int, col: int) -> bool:
        above = grid[row - 1][col]
        return (
            above == ""
            or (row - 1, col) in across
            or spec.field_for_header(cell_text(above)) is None
        )

    depth = 1
    for below in range(1, MAX_HEADER_ROWS):
        index = header_at + below
        row = grid[index] if index < len(grid) else None
        if row is None or not _continues_header(row, id_col, grid[header_at][id_col]):
            break
        fields = _row_fields(row, spec)
        if (
            sum(v != "" for v in row) >= 2
            and fields
            and all(under_a_group(index, c) for c in fields)
        ):
            depth = below + 1
    return depth


def _header_cells(
    grid: Grid, merges: list, header_at: int, depth: int
) -> tuple[list[list[str]], list[list[str]]]:
    """The header's rows as text: (each column's own cells, a range merged down one
    column giving its text to every row it covers; each column's group labels, the text
    of a range merged across several columns, `Chỉ số thiếu hụt` over its indicators)."""
    own = [[cell_text(v) for v in grid[r]] for r in range(header_at, header_at + depth)]
    groups = [[""] * len(row) for row in own]
    width = len(own[0])
    for (top, left), (bottom, right) in merges:
        if not header_at <= top < header_at + depth or left >= width:
            continue
        value = own[top - header_at][left]
        for r in range(top - header_at, min(bottom - header_at, depth - 1) + 1):
            for c in range(left, min(right, width - 1) + 1):
                if right > left:
                    if (r, c) == (top - header_at, left):
                        own[r][c] = ""
                    groups[r][c] = value
                else:
                    own[r][c] = own[r][c] or value
    return own, groups


def _column_headers(
    own: list[list[str]], groups: list[list[str]], spec: ColumnSpec
) -> tuple[list[str], list[str | None]]:
    """Each column's header as written and the field it names: the lowest of its own
    cells that names a field (`Tiếp cận dịch vụ y tế` under `Y tế` under `Chỉ số thiếu
    hụt`; `Dự kiến thoát nghèo` over `năm 2019`), else its group labels and cells read
    together (`Thu nhập` over `Bình quân`), else nothing: a group label alone names no
    column (`Kết quả rà soát` over `Hộ nghèo` | `Ghi chú`)."""
    headers: list[str] = []
    names: list[str | None] = []
    for col in range(len(own[0])):
        texts = [row[col] for row in reversed(own) if row[col]]
        path = " ".join(
            text
            for r in range(len(own))
            for text in dict.fromkeys([groups[r][col], own[r][col]])
            if text
        )
        candidates = texts if path in texts else [*texts, path]
        found = next(((t, name) for t in candidates if (name := spec.field_for_header(t))), None)
        header, name = found if found else (texts[0] if texts else path, None)
        headers.append(header)
        names.append(name)
    return headers, names


def _missing_columns(spec: ColumnSpec, mapped: dict[str, int], headers: list[str]) -> list[str]:
    """The required fields no column names, each as the officer would write its header
    (with the closest headers of the file); a field given as one mark column per value
    (`Hộ nghèo` | `Hộ cận nghèo`) is not missing."""
    missing = []
    for name in spec.required:
        if name in mapped or any(mark in mapped for mark in spec.mark_fields(name)):
            continue
        text = f"'{spec.fields[name].aliases[0]}'"
        marks = [spec.fields[m].aliases[0] for m in spec.mark_fields(name)]
        if marks:
            text += " (or one x-mark column each: " + ", ".join(f"'{m}'" for m in marks) + ")"
        close = spec.closest_headers(name, headers)
        if close:
            text += f" (closest: {', '.join(repr(redact(h)) for h in close)})"
        missing.append(text)
    return missing


def _two_columns_error(
    spec: ColumnSpec, name: str, first: str, second: str, file: str, row: int
) -> DataError:
    """The error for two columns (headers `first` and `second`) that both name field
    `name`."""
    return DataError(
        **file_problem(
            "two_columns_same_field", field=spec.fields[name].aliases[0], first=first, second=second
        ),
        file=file,
        row=row,
    )


def _missing_columns_error(
    missing: list[str], headers: list[str], file: str, row: int
) -> DataError:
    """The error for a header without the required columns `missing`, naming the headers
    it has."""
    have = ", ".join(f"'{redact(h)}'" for h in dict.fromkeys(headers) if h)
    return DataError(
        **file_problem("columns_missing", missing="; ".join(missing), found=have),
        file=file,
        row=row,
    )


def _column_fields(
    headers: list[str],
    names: list[str | None],
    spec: ColumnSpec,
    hidden: frozenset[int],
    file: str,
    row: int,
) -> tuple[dict[str, int], dict[int, str], list[str]]:
    """Which column holds which field, visible columns first: (field → column for the
    fields kept, column → field for the personal ones, the headers ignored). A hidden
    column is ignored when a visible one names its field; two visible columns naming one
    field are an error (at the header's last row, `row`)."""
    mapped: dict[str, int] = {}
    personal: dict[int, str] = {}
    ignored: list[str] = []
    visible_first = sorted(range(len(headers)), key=lambda c: (c in hidden, c))
    for col in visible_first:
        header, name = headers[col], names[col]
        if name is None:
            if header and header not in ignored:
                ignored.append(header)
            continue
        if spec.fields[name].personal:
            personal[col] = name  # several name or ID-number columns: all are dropped
            continue
        if col in hidden and name in mapped:
            ignored.append(f"{header} (hidden)")
            continue
        if name in mapped:
            raise _two_columns_error(spec, name, headers[mapped[name]], header, file, row)
        mapped[name] = col
    return mapped, personal, ignored


def _layout(
    grid: Grid,
    spec: ColumnSpec,
    file: str,
    header_at: int,
    merges: list,
    hidden: frozenset[int] = frozenset(),
) -> _Layout:
    """The sheet's header and which column holds which field. A hidden column (last
    year's result kept out of sight) is read only when no visible column names its field;
    name and ID-number columns, hidden or not, are all dropped."""
    upper = grid[header_at]
    id_col = next(c for c, n in _row_fields(upper, spec).items() if n == "household_id")
    depth = _header_depth(grid, spec, header_at, id_col, merges)

    headers, names = _column_headers(*_header_cells(grid, merges, header_at, depth), spec)
    mapped, personal, ignored = _column_fields(
        headers, names, spec, hidden, file, header_at + depth
    )
    missing = _missing_columns(spec, mapped, headers)
    if missing:
        raise _missing_columns_error(missing, headers, file, header_at + 1)
    return _Layout(header_at, depth, headers, mapped, ignored, personal)


# `ngày 31 tháng 12 năm 2018`, `ngày … tháng … năm 2018`, `ngày 28/12/2018` (normalised)
_DATE_LINE = re.compile(
    r"(^|\s)ngày((\s+\d{1,2})?\s+tháng(\s+\d{1,2})?\s+năm(\s+\d{4})?"
    r"|\s*\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{2,4})(\s|$)"
)


def _is_footer_text(value: object, spec: ColumnSpec) -> bool:
    """A text of a signature block: a place-and-date line (`Cam Lộ, ngày 31 tháng 12 năm
    2018`), a signer's title or note (`footer_labels` of columns.yaml: `Người lập biểu`,
    `TM. UBND XÃ`, `(Ký, ghi rõ họ tên)`), or a name alone."""
    if not isinstance(value, str) or isinstance(value, CellError):
        return False
    text = normalise_label(value)
    return bool(
        _DATE_LINE.search(text)
        or any(f" {label} " in f" {text} " for label in spec.footer_labels)
        or looks_personal(value)
    )


@functools.lru_cache(maxsize=65536)
def _number_in_text(text: str) -> float | None:
    number = number_from_text(text)
    return number if number is not None and number == number else None


def _numeric(value: object) -> float | None:
    """A cell's number (Excel number, or text such as `1.411`), else None."""
    if isinstance(value, float):
        return value
    if isinstance(value, str) and value and not isinstance(value, CellError):
        return _number_in_text(value)
    return None


def _unlabelled_sums(
    grid: Grid, kinds: list[str], id_col: int, sum_cols: list[int], start: int
) -> None:
    """Mark as totals (in place) the rows of sums written without a label: no household
    code, only numbers, and at least one count that is the sum of its column over the two
    or more households above it (since the previous total)."""
    if (
        not sum_cols
        or not (
            grid.blank(id_col, slice(start, None))
            & (np.asarray(kinds[start:], dtype=object) == "data")
        ).any()
    ):
        return  # the common case: every data row has a code
    sums = dict.fromkeys(sum_cols, 0.0)
    households = 0
    for index in range(start, len(grid)):
        kind, row = kinds[index], grid[index]
        if kind == "total":
            sums, households = dict.fromkeys(sum_cols, 0.0), 0
            continue
        if kind != "data":
            continue
        values = {c: _numeric(row[c]) for c in sum_cols}
        if (
            row[id_col] == ""
            and households >= 2
            and any(values[c] is not None and values[c] == sums[c] > 0 for c in sum_cols)
            and all(_numeric(v) is not None for v in row if v != "")
        ):
            kinds[index] = "total"
            sums, households = dict.fromkeys(sum_cols, 0.0), 0
            continue
        households += 1
        for c in sum_cols:
            sums[c] += values[c] or 0.0


def _plain_household_rows(
    grid: Grid, spec: ColumnSpec, id_col: int, commune_col: int, start: int, first: int | None
) -> np.ndarray:
    """For each row from `start`, whether it is plainly a household row, decided on two
    whole columns: a household code that is text beginning with a digit, and a commune.
    Such a row is never blank, an index, a total nor a section; every other row (and the
    first row under the header, which may be the column numbering) is looked at one by
    one by `_classify`."""
    rows = len(grid) - start
    if commune_col == id_col or any(label[:1].isdigit() for label in spec.total_row_labels):
        return np.zeros(rows, dtype=bool)
    codes = grid.column(id_col)[start:]
    if grid.text_only:  # every code is text: its first character, as one numpy column
        coded = np.char.isdigit(codes.astype("U1"))
    else:
        coded = np.fromiter(
            (type(code) is str and code[:1].isdigit() for code in codes), dtype=bool, count=rows
        )
    plain = ~grid.blank(commune_col, slice(start, None)) & coded
    if first is not None and first >= start:
        plain[first - start] = False
    return plain


def _classify(grid: Grid, spec: ColumnSpec, layout: _Layout) -> list[str]:
    """The kind of every row of the sheet (see STRUCTURE_KINDS, plus 'data')."""
    mapped = layout.mapped
    id_col = mapped["household_id"]
    status_cols = [mapped[n] for n in ("status", *spec.mark_fields("status")) if n in mapped]
    key_cols = [mapped[n] for n in ("members", "commune", "commune_code") if n in mapped]
    key_cols += status_cols
    # a total label stands in the household-code column, a column left of it that is no
    # field (TT) or the name column ("Tổng cộng" merged over A:C); never in a field such as
    # village ("Cộng Hòa" is a village) nor in a note column on the right
    label_cols = [
        c
        for c in range(len(layout.headers))
        if c == id_col or c in layout.personal or (c < id_col and c not in mapped.values())
    ]
    start = layout.header_at + layout.header_rows
    kinds = ["title"] * layout.header_at + ["header"] * layout.header_rows
    # a household row has a commune (or, in a file without that column, members)
    commune_col = next(
        (mapped[n] for n in ("commune", "commune_code", "members") if n in mapped), id_col
    )
    first = next((i for i in range(start, len(grid)) if not _is_blank(grid[i])), None)
    plain = _plain_household_rows(grid, spec, id_col, commune_col, start, first)
    below = np.full(len(plain), "data", dtype=object)
    for index in (np.flatnonzero(~plain) + start).tolist():
        row = grid[index]
        if _is_blank(row):
            below[index - start] = "blank"
        elif index == first and _is_index_row(row):
            below[index - start] = "index"
        elif _is_total_row(row, spec, id_col, commune_col, label_cols):
            below[index - start] = "total"
        elif (
            all(row[c] == "" for c in key_cols)
            and sum(v != "" for v in row) <= 2
            and any(_SECTION.match(normalise_label(cell_text(v))) for v in row if v != "")
            and (row[id_col] == "" or _SECTION.match(normalise_label(cell_text(row[id_col]))))
        ):
            below[index - start] = "section"  # never a row whose code cell holds a code
    kinds += below.tolist()
    sum_cols = [col for name, col in mapped.items() if spec.fields[name].kind == "integer"]
    _unlabelled_sums(grid, kinds, id_col, sum_cols, start)
    _mark_footer(grid, spec, kinds, layout)
    return kinds


def _mark_footer(grid: Grid, spec: ColumnSpec, kinds: list[str], layout: _Layout) -> None:
    """Mark (in place) the signature block under the table as footer.

    Under the last total, a row that holds no household (no code with a digit, no commune,
    no members) is a footer row, as it always was. Under the last household with a code,
    with or without a total: a row of signature texts only (a date line, titles, names) is
    a footer row, and so is a row whose cells all stand under such texts or in columns
    that are no field (the signers' names under their titles, whatever their family
    names). Anything else there stays data, to be rejected with a reason."""
    mapped = layout.mapped
    id_col = mapped["household_id"]
    needed = [mapped[n] for n in ("members", "commune", "commune_code") if n in mapped]
    fields = set(mapped.values())

    def texts_only(row: list[object]) -> bool:
        return all(_is_footer_text(v, spec) for v in row if v != "")

    def coded(row: list[object]) -> bool:
        return any(ch.isdigit() for ch in cell_text(row[id_col])) and not texts_only(row)

    # only the rows under the last total and the last household are looked at, from the
    # bottom up: a list of a million households costs nothing more
    last_total = len(kinds) - 1 - kinds[::-1].index("total") if "total" in kinds else len(kinds)
    last_household = -1
    for i in range(len(kinds) - 1, -1, -1):
        if kinds[i] == "data" and coded(grid[i]):
            last_household = i
            break
    for i in range(last_total + 1, len(kinds)):
        row = grid[i]
        if kinds[i] == "data" and not coded(row) and all(row[c] == "" for c in needed):
            kinds[i] = "footer"
    under_signatures: set[int] = set()
    for i in range(last_household + 1, len(kinds)):
        if kinds[i] != "data":
            continue
        cells = {c: v for c, v in enumerate(grid[i]) if v != ""}
        if texts_only(grid[i]):
            kinds[i] = "footer"
            under_signatures |= set(cells)
        elif under_signatures and (
            all(c in under_signatures or c not in fields for c in cells)
            # once the signatures have begun, a row of words without a digit (a name in
            # whatever column) holds no household: a household has a code or a count
            or not any(ch.isdigit() for v in cells.values() for ch in cell_text(v))
        ):
            kinds[i] = "footer"


def _data_rows(kinds: list[str]) -> tuple[np.ndarray, slice | np.ndarray]:
    """The positions of the data rows, and the same rows as a slice (no copy) when they
    follow one another (else as the positions)."""
    data_rows = np.flatnonzero(np.asarray(kinds, dtype=object) == "data")
    rows: slice | np.ndarray = data_rows
    if len(data_rows) and data_rows[-1] - data_rows[0] + 1 == len(data_rows):
        rows = slice(int(data_rows[0]), int(data_rows[-1]) + 1)
    return data_rows, rows


def _check_rows_add_up(
    structure: dict[str, int], data_rows: int, grid_rows: int, sheet: str, file: str
) -> None:
    """InternalError unless the rows of every kind and the data rows make up the sheet."""
    if sum(structure.values()) + data_rows != grid_rows:
        raise InternalError(
            f"sheet '{sheet}': rows do not add up while reading",
            file=file,
            hint="this is a bug in povertyplan; please report it with the file",
        )


def _extra_cells(
    grid: Grid,
    headers: list[str],
    rows: slice | np.ndarray,
    data_rows: np.ndarray,
    lengths: list[int] | None,
    header_at: int,
) -> np.ndarray:
    """For each data row, its cells to the right of the header's last column: the filled
    ones, or (CSV) the fields a line has beyond the header line's, whichever is more."""
    last_header_col = max(c for c, h in enumerate(headers) if h)
    extra = np.zeros(len(data_rows), dtype="int64")
    for col in range(last_header_col + 1, grid.width):
        extra += ~grid.blank(col, rows)
    if lengths is not None:
        width = lengths[header_at]
        extra = np.maximum(extra, np.asarray(lengths, dtype="int64")[data_rows] - width)
    return extra


def _personal_values(grid: Grid, columns: Iterable[int], rows: slice | np.ndarray) -> set[str]:
    """The distinct texts of the name and ID-number `columns` in the data rows, blank
    excluded."""
    personal: set = set()
    for col in columns:
        personal |= grid.values_in(col, rows)
    if not grid.text_only:
        personal = {cell_text(value) for value in personal}
    personal.discard("")
    return personal


def _signed_names(grid: Grid, kinds: list[str], spec: ColumnSpec) -> set[str]:
    """The names signed above or under the table: the signers the title and footer texts
    name, and the signature block's texts of two to five capitalised words that are no
    title (the signers' names whatever their family names)."""
    kind_of = np.asarray(kinds, dtype=object)
    footers = np.flatnonzero(kind_of == "footer").tolist()
    outside = [
        v
        for i in np.flatnonzero((kind_of == "title") | (kind_of == "footer")).tolist()
        for v in grid[i]
        if isinstance(v, str) and v and not isinstance(v, CellError)
    ]
    signed = set(signers(outside))
    signed |= {
        v.strip()
        for i in footers
        for v in grid[i]
        if isinstance(v, str)
        and not isinstance(v, CellError)
        and 2 <= len(v.split()) <= 5
        and all(word[:1].isupper() for word in v.split())
        and not _is_footer_text(v, spec)
    }
    return signed


def _title_texts(grid: Grid, header_at: int) -> list[str]:
    """The texts of the title block above the header, row by row."""
    return [v for row in grid[:header_at] for v in row if isinstance(v, str) and v]


def _sheet_table(
    grid: Grid,
    merges: list,
    spec: ColumnSpec,
    file: str,
    sheet: str,
    header_at: int,
    lengths: list[int] | None = None,
    hidden: frozenset[int] = frozenset(),
) -> tuple[pd.DataFrame, dict[str, str], dict[str, int], _Layout]:
    """The data rows of one sheet as a frame, and the sheet's layout and row counts.

    `lengths` (CSV only) are the numbers of fields of each line: a line with more fields
    than the header is shifted even when its extra fields are empty. `hidden`: the
    sheet's hidden columns.
    """
    layout = _layout(grid, spec, file, header_at, merges, hidden)
    _fill_merged(grid, merges, header_at + layout.header_rows)
    kinds = _classify(grid, spec, layout)
    structure = {kind: kinds.count(kind) for kind in STRUCTURE_KINDS}
    data_rows, rows = _data_rows(kinds)
    _check_rows_add_up(structure, len(data_rows), len(grid), sheet, file)
    keep = layout.mapped
    frame = pd.DataFrame({name: grid.series(col, rows) for name, col in keep.items()})
    frame["source_row"] = pd.Series(data_rows + 1, dtype="int64")
    frame["sheet"] = sheet
    extra = _extra_cells(grid, layout.headers, rows, data_rows, lengths, header_at)
    frame["extra_cells"] = pd.Series(extra, dtype="int64")
    headers = {name: layout.headers[col] for name, col in keep.items()}
    # the file's own names and ID numbers, and the names signed above or under the table:
    # never kept, only used to keep them out of every message
    frame.attrs["personal_values"] = _personal_values(grid, layout.personal, rows)
    frame.attrs["signed_names"] = _signed_names(grid, kinds, spec)
    frame.attrs["title_texts"] = _title_texts(grid, header_at)
    return frame, headers, structure, layout


def _check_raw_path(path: Path, suffix: str) -> None:
    """DataError when the file does not exist or has an extension that is not read."""
    if not path.is_file():
        raise DataError(**file_problem("no_such_file"), file=str(path))
    if suffix not in RAW_SUFFIXES:
        raise DataError(**file_problem("extension_not_read", suffix=suffix), file=path.name)


def _file_grids(
    path: Path, suffix: str
) -> tuple[list[tuple[str, Grid, list, list[int] | None, frozenset[int]]], list[str], bool, str]:
    """Every sheet of a file as (name, grid, merged ranges, CSV line lengths, hidden
    columns), the hidden sheets, whether any cell holds an Excel error, and the file's
    encoding (a CSV file's text encoding, an Excel file's extension)."""
    if suffix in CSV_SUFFIXES:
        grid, file_encoding, lengths = _csv_grid(path)
        return [("", grid, [], lengths, frozenset())], [], False, file_encoding
    grids, ignored_sheets, has_errors = _excel_grids(path)
    return grids, ignored_sheets, has_errors, suffix.lstrip(".")


def _find_header_repairing(
    grid: Grid, spec: ColumnSpec, legacy_csv: bool
) -> tuple[int | None, dict[int, str]]:
    """The sheet's header row (None when it has none), after repairing its legacy text;
    returns it with {column: encoding} of the columns repaired.

    A header readable as it is (typed in Unicode) is kept as it is, and only the rows
    below it are repaired; otherwise the whole sheet is, header included, and the header
    looked for again."""
    header_at = _find_header(grid, spec) if grid else None
    if header_at is not None and not legacy_csv:
        return header_at, repair_legacy_text(grid, first_row=header_at + 1)
    repaired = repair_legacy_text(grid, whole_file=legacy_csv)
    return (_find_header(grid, spec) if grid else None), repaired


def _column_encodings(repaired: dict[int, str], headers: list[str]) -> list[str]:
    """`header: encoding` of each repaired column (`#n` for a column without a header)."""
    labels = {
        col: headers[col] if col < len(headers) and headers[col] else f"#{col + 1}"
        for col in repaired
    }
    return [f"{labels[col]}: {encoding}" for col, encoding in repaired.items()]


def _no_header_error(path: Path, spec: ColumnSpec, sheets: int, file_encoding: str) -> DataError:
    """The error for a file of `sheets` sheets none of which has a household-code header."""
    aliases = ", ".join(f"'{a}'" for a in spec.fields["household_id"].aliases[:3])
    return DataError(
        **file_problem(
            "no_id_header",
            aliases=aliases,
            in_any_sheet=FILE_PROBLEM_NOTES["in_any_sheet"] if sheets > 1 else "",
            legacy=FILE_PROBLEM_NOTES["legacy"] if file_encoding == "legacy" else "",
        ),
        file=path.name,
    )


def _sheets_attrs(
    frames: list[pd.DataFrame], sheets: list[str]
) -> tuple[frozenset[str], frozenset[str], dict[str, list[str]]]:
    """The personal values, the signers' names and each sheet's title texts that
    `_sheet_table` left in its frames' attrs, taken out of them and gathered."""
    personal = frozenset().union(*(f.attrs.pop("personal_values", set()) for f in frames))
    signed = frozenset().union(*(f.attrs.pop("signed_names", set()) for f in frames))
    sheet_titles = {
        sheet: f.attrs.pop("title_texts", []) for sheet, f in zip(sheets, frames, strict=True)
    }
    return personal, signed, sheet_titles


def read_raw_file(path: str | Path, spec: ColumnSpec) -> RawTable:
    """Read one raw file into a RawTable.

    Raises DataError (one line, naming the file) when the file cannot be read or no
    sheet has a usable header.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    _check_raw_path(path, suffix)
    grids, ignored_sheets, has_errors, file_encoding = _file_grids(path, suffix)
    frames, headers, sheets, ignored_columns, text_encodings = [], {}, [], [], []
    structure = dict.fromkeys(STRUCTURE_KINDS, 0)
    grid_rows = 0
    for sheet, grid, merges, lengths, hidden_columns in grids:
        header_at, repaired = _find_header_repairing(grid, spec, file_encoding == "legacy")
        if header_at is None:
            ignored_sheets.append(sheet)
            continue
        frame, sheet_headers, sheet_structure, layout = _sheet_table(
            grid, merges, spec, path.name, sheet, header_at, lengths, hidden_columns
        )
        text_encodings += _column_encodings(repaired, layout.headers)
        frames.append(frame)
        headers[sheet] = sheet_headers
        sheets.append(sheet)
        grid_rows += len(grid)
        for kind, count in sheet_structure.items():
            structure[kind] += count
        ignored_columns += [c for c in layout.ignored if c not in ignored_columns]
    if not frames:
        raise _no_header_error(path, spec, len(grids), file_encoding)
    personal, signed, sheet_titles = _sheets_attrs(frames, sheets)
    titles = [text for texts in sheet_titles.values() for text in texts]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return RawTable(
        file=path.name,
        sheets=sheets,
        frame=frame,
        headers=headers,
        structure=structure,
        grid_rows=grid_rows,
        ignored_columns=ignored_columns,
        ignored_sheets=[s for s in ignored_sheets if s],
        file_encoding=file_encoding,
        text_encodings=text_encodings,
        personal_values=personal,
        signed_names=signed,
        context=[*titles, path.stem],
        has_cell_errors=has_errors,
        sheet_titles=sheet_titles,
        file_sha256=file_digest(path),
    )
