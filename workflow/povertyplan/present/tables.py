"""The commune target table in the plan's official layout, as .xlsx and .csv.

Columns A B I 2 … 11 as printed in the plan, a two-row header, an index row, one row per
commune in the registry's display order and a total row. Rates are rounded half-up to 2
decimals from the exact counts; the CSV prints numbers the Vietnamese way (`1.411`,
`9,92`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..core.labels import (
    ATTAINMENT_COLUMNS,
    FLOW_COLUMNS,
    LABELS,
    PLAN_TABLE_COLUMNS,
    PLAN_TABLE_COUNTS,
    PLAN_TABLE_RATES,
    cause_label,
    group_label,
    label,
    plan_table_words,
    unit_label,
)
from ..core.numbers import format_vn_decimal, format_vn_integer
from ..core.rates import rate_half_up, round_half_up
from ..core.xlsx import save_workbook

KEYS = [key for key, *_ in PLAN_TABLE_COLUMNS]


def plan_table(targets: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """The table's rows as values: counts as int, rates as Decimal rounded half-up.

    One row per commune in display order, then the total row (sums of the counts, rates
    recomputed from the sums, as the plan does).
    """
    ordered = targets.sort_values(["display_order", "commune_code"]).reset_index(drop=True)
    rows = []
    for number, unit in enumerate(ordered.itertuples(index=False), start=1):
        rows.append({"tt": str(number), "don_vi": unit.commune_name, **_values(unit._asdict())})
    total = {column: int(ordered[column].sum()) for column in PLAN_TABLE_COUNTS.values()}
    rows.append({"tt": "", "don_vi": label("total", language), **_values(total)})
    return pd.DataFrame(rows, columns=KEYS)


def _values(unit: dict) -> dict[str, object]:
    values: dict[str, object] = {
        key: int(unit[column]) for key, column in PLAN_TABLE_COUNTS.items()
    }
    for key, count_key in PLAN_TABLE_RATES.items():
        values[key] = rate_half_up(int(values[count_key]), int(values["dan_so_ho"]))
    return values


def format_plan_table(table: pd.DataFrame) -> pd.DataFrame:
    """The table as the plan prints it: every cell as Vietnamese-formatted text."""
    out = table.copy()
    for key in PLAN_TABLE_COUNTS:
        out[key] = out[key].map(format_vn_integer)
    for key in PLAN_TABLE_RATES:
        out[key] = out[key].map(format_vn_decimal)
    return out


def write_plan_table_csv(table: pd.DataFrame, path: str | Path) -> None:
    """Write the printed table as UTF-8 CSV, columns named as in the seed transcription."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    format_plan_table(table).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


# rows of the plan table's sheet: upper header, lower header, index row, first commune
_TOP, _SECOND, _INDEX_ROW, _FIRST_DATA = 3, 4, 5, 6
_POSITION = {key: i + 1 for i, key in enumerate(KEYS)}  # column key -> sheet column


def _plan_table_header(sheet: Worksheet, plan_year: int, language: str) -> None:
    """The two-row header (columns TT and Đơn vị over both rows, the groups over their
    columns) and the index row (A B I 2 … 11)."""
    names, groups = plan_table_words(language, plan_year)
    for (key, *_, index_label), name in zip(PLAN_TABLE_COLUMNS, names, strict=True):
        col = _POSITION[key]
        sheet.cell(row=_SECOND, column=col, value=name)
        sheet.cell(row=_INDEX_ROW, column=col, value=index_label)
    for key in ("tt", "don_vi"):
        col = _POSITION[key]
        sheet.cell(row=_TOP, column=col, value=sheet.cell(row=_SECOND, column=col).value)
        sheet.cell(row=_SECOND, column=col, value=None)
        sheet.merge_cells(start_row=_TOP, start_column=col, end_row=_SECOND, end_column=col)
    for first, last, text in groups:
        sheet.cell(row=_TOP, column=_POSITION[first], value=text)
        sheet.merge_cells(
            start_row=_TOP, start_column=_POSITION[first], end_row=_TOP, end_column=_POSITION[last]
        )


def _plan_table_rows(sheet: Worksheet, table: pd.DataFrame) -> None:
    """A row per commune then the total row (bold): counts `#,##0`, rates `0.00`."""
    for r, row in enumerate(table.itertuples(index=False), start=_FIRST_DATA):
        is_total = r == _FIRST_DATA + len(table) - 1
        for key, value in zip(KEYS, row, strict=True):
            cell = sheet.cell(row=r, column=_POSITION[key])
            if key in PLAN_TABLE_RATES:
                cell.value = float(value)
                cell.number_format = "0.00"
            elif key in PLAN_TABLE_COUNTS:
                cell.value = int(value)
                cell.number_format = "#,##0"
            else:
                cell.value = int(value) if key == "tt" and value else (value or None)
            if is_total:
                cell.font = Font(bold=True)


def _plan_table_layout(sheet: Worksheet, rows: int) -> None:
    """Borders around every cell of the table, the header centred and bold, the columns'
    widths, and the panes frozen below the header and right of the unit."""
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last_row = _FIRST_DATA + rows - 1
    for row in sheet.iter_rows(min_row=_TOP, max_row=last_row, max_col=len(KEYS)):
        for cell in row:
            cell.border = border
            if cell.row <= _INDEX_ROW:
                cell.alignment = center
                cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 18
    for key in KEYS[2:]:
        sheet.column_dimensions[get_column_letter(_POSITION[key])].width = 11
    sheet.freeze_panes = sheet.cell(row=_FIRST_DATA, column=3)


def write_plan_table_xlsx(
    table: pd.DataFrame, path: str | Path, plan_year: int, district: str, language: str = "vi"
) -> None:
    """Write the table in the plan's layout: title, two-row header, index row, rows, total.

    Numbers are stored as numbers (counts `#,##0`, rates `0.00`, shown with the reader's
    Excel locale: `1.411` and `9,92` in Vietnamese Excel).
    """
    book = Workbook()
    sheet = book.active
    sheet.title = label("plan_table.sheet", language)
    title = label("plan_table.title", language, plan=plan_year, district=district)
    sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=12)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(KEYS))
    _plan_table_header(sheet, plan_year, language)
    _plan_table_rows(sheet, table)
    _plan_table_layout(sheet, len(table))
    save_workbook(book, path)


INDEX_LABELS = [index for *_, index in PLAN_TABLE_COLUMNS]


def column_names(language: str = "vi") -> list[str]:
    """The table's lower header row in `language`."""
    return plan_table_words(language)[0]


# the rejects' columns in the workbook; each is named by the label `rejects_column.<column>`
REJECT_SHEET_COLUMNS = [
    "commune_code",
    "source_file",
    "sheet",
    "source_row",
    "column",
    "reason",
    "message_vi",
    "message",
]


def write_rejects_xlsx(rejects: pd.DataFrame, path: str | Path) -> None:
    """The rejects as a workbook a commune officer can read: one line per problem, sorted
    by commune, file and row, with a header in Vietnamese and English."""
    book = Workbook()
    sheet = book.active
    sheet.title = label("rejects_sheet.sheet")
    for language in ("vi", "en"):
        sheet.append([label(f"rejects_column.{c}", language) for c in REJECT_SHEET_COLUMNS])
    for cell in [*sheet[1], *sheet[2]]:
        cell.font = Font(bold=True)
    ordered = rejects.sort_values(["commune_code", "source_file", "source_row"], na_position="last")
    for row in ordered[REJECT_SHEET_COLUMNS].to_dict("records"):
        row["source_row"] = int(row["source_row"])
        sheet.append(
            ["" if pd.isna(v) else v if isinstance(v, int) else str(v) for v in row.values()]
        )
    for letter, width in zip("ABCDEFGH", (10, 28, 14, 8, 24, 24, 90, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    save_workbook(book, path)


def write_deprivation_xlsx(
    table: pd.DataFrame, names: dict[str, str], path: str | Path, order: list[str] | None = None
) -> None:
    """Deprivations by indicator in the forms' layout: one sheet for poor and one for
    near-poor households; a row per commune then the district; per indicator the deprived
    households and their rate (%), then the total number of deprivations. In Vietnamese,
    as the forms are."""
    book = Workbook()
    book.remove(book.active)
    found = set(table["indicator"])
    codes = [c for c in (order or sorted(found)) if c in found and c != "all_indicators"]
    indicators = [*codes, "all_indicators"]
    labels = dict(zip(table["indicator"], table["indicator_name"], strict=False))
    units = table.drop_duplicates(["unit_level", "unit_code"])
    units = units.assign(last=units["unit_level"] == "district").sort_values(["last", "unit_code"])
    for status in ("poor", "near_poor"):
        sheet = book.create_sheet(label(f"deprivation_sheet.{status}"))
        rows = table[table["status"] == status]
        sheet.cell(row=1, column=1, value=label("unit"))
        sheet.cell(row=1, column=2, value=label("households"))
        for number, indicator in enumerate(indicators):
            col = 3 + 2 * number
            sheet.cell(row=1, column=col, value=labels[indicator])
            sheet.merge_cells(start_row=1, start_column=col, end_row=1, end_column=col + 1)
            total = indicator == "all_indicators"
            count, rate = (
                ("deprivation_sheet.deprivations", "deprivation_sheet.per_100")
                if total
                else ("households", "deprivation_sheet.rate")
            )
            sheet.cell(row=2, column=col, value=label(count))
            sheet.cell(row=2, column=col + 1, value=label(rate))
        for r, unit in enumerate(units.itertuples(index=False), start=3):
            mine = rows[
                (rows["unit_level"] == unit.unit_level) & (rows["unit_code"] == unit.unit_code)
            ]
            mine = mine.set_index("indicator")
            sheet.cell(row=r, column=1, value=names.get(unit.unit_code, unit.unit_code))
            sheet.cell(row=r, column=2, value=int(mine["households"].iloc[0]) if len(mine) else 0)
            for number, indicator in enumerate(indicators):
                col = 3 + 2 * number
                deprived = (
                    int(mine.at[indicator, "households_deprived"]) if indicator in mine.index else 0
                )
                households = int(mine.at[indicator, "households"]) if indicator in mine.index else 0
                sheet.cell(row=r, column=col, value=deprived)
                if households:
                    rate = sheet.cell(
                        row=r, column=col + 1, value=float(rate_half_up(deprived, households))
                    )
                    rate.number_format = "0.00"
        for cell in [*sheet[1], *sheet[2]]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions["A"].width = 16
    save_workbook(book, path)


# a sheet per breakdown, named by the label `breakdown_sheet.<breakdown>`
BREAKDOWN_SHEETS = ("group", "ethnicity", "cause")


def _block_label(block: str) -> str:
    """An area block's name (`urban` → "Thành thị"); an unknown block as it is."""
    key = f"block.{block}"
    return label(key) if key in LABELS else block


def add_breakdown_sheets(path: str | Path, breakdowns: pd.DataFrame, names: dict[str, str]) -> None:
    """Add to the deprivations workbook one sheet per breakdown (groups, ethnicity, causes):
    rows by unit and area block (thành thị, nông thôn, tổng cộng), columns by category, for
    poor and near-poor households. In Vietnamese, as the forms are."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    for breakdown in BREAKDOWN_SHEETS:
        data = breakdowns[breakdowns["breakdown"] == breakdown]
        grid = data.pivot_table(
            index=["unit_level", "unit_code", "block"],
            columns=["status", "category"],
            values="households",
            aggfunc="sum",
        ).fillna(0)
        sheet = book.create_sheet(label(f"breakdown_sheet.{breakdown}"))
        sheet.append(
            [
                label("unit"),
                label("breakdown_sheet.area"),
                *[label("poor" if s == "poor" else "near_poor") for s, _ in grid.columns],
            ]
        )
        category = {"group": group_label, "cause": cause_label}.get(breakdown, lambda c: c)
        sheet.append(["", "", *[category(c) for _, c in grid.columns]])
        order = sorted(
            grid.index,
            key=lambda i: (
                i[0] == "district",
                i[1],
                ["urban", "rural", "unknown", "total"].index(i[2])
                if i[2] in ("urban", "rural", "unknown", "total")
                else 9,
            ),
        )
        for level, code, block in order:
            sheet.append(
                [
                    names.get(code, code),
                    _block_label(block),
                    *[int(v) for v in grid.loc[(level, code, block)]],
                ]
            )
        for cell in [*sheet[1], *sheet[2]]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 16
    save_workbook(book, path)


# a sheet per group, named by the label `flows_sheet.<group>` (in Vietnamese, whatever the
# language)
FLOW_SHEETS = ("poor", "near_poor")
# the header's upper row: (first column, last column, the key of the block's label)
FLOW_BLOCKS = (
    ("opening", "opening", None),
    ("decreases", "decrease_other", "flows_sheet.decreases"),
    ("increases", "increase_other", "flows_sheet.increases"),
    ("closing", "closing", None),
)


_BOLD = Font(bold=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _flows_header(sheet: Worksheet, top: int, group: str, language: str) -> None:
    """The block's two-row header at `top`: Đơn vị, then the flows as the form names them
    for `group`, under their blocks (decreases, increases); opening and closing over both
    rows."""
    columns = list(FLOW_COLUMNS)
    low = top + 1
    sheet.cell(row=top, column=1, value=label("unit", language))
    sheet.merge_cells(start_row=top, start_column=1, end_row=low, end_column=1)
    for col, key in enumerate(columns, start=2):
        sheet.cell(row=low, column=col, value=label(f"flow.{group}.{key}", language))
    for first, last, block_label in FLOW_BLOCKS:
        start, end = columns.index(first) + 2, columns.index(last) + 2
        if block_label:
            sheet.cell(row=top, column=start, value=label(block_label, language))
            sheet.merge_cells(start_row=top, start_column=start, end_row=top, end_column=end)
        else:
            sheet.cell(row=top, column=start, value=sheet.cell(row=low, column=start).value)
            sheet.cell(row=low, column=start, value=None)
            sheet.merge_cells(start_row=top, start_column=start, end_row=low, end_column=end)
    for cell in [*sheet[top], *sheet[low]]:
        cell.font, cell.alignment = _BOLD, _CENTER


def _flows_rows(sheet: Worksheet, rows: pd.DataFrame, first: int, language: str) -> int:
    """A row per commune then the district (bold) from row `first`; the next free row."""
    rows = rows.assign(last=rows["level"] == "district").sort_values(
        ["last", "display_order", "unit_code"]
    )
    row = first
    for unit in rows.to_dict("records"):
        name = unit_label(unit["level"], unit["unit_name"], language)
        sheet.cell(row=row, column=1, value=name)
        for col, key in enumerate(FLOW_COLUMNS, start=2):
            sheet.cell(row=row, column=col, value=int(unit[key])).number_format = "#,##0"
        if unit["level"] == "district":
            for cell in sheet[row]:
                cell.font = _BOLD
        row += 1
    return row


def _flows_sheet(sheet: Worksheet, flows: pd.DataFrame, group: str, language: str) -> None:
    """One group's sheet: its heading, then a block in households and one in persons."""
    year, previous = int(flows["review_year"].iloc[0]), int(flows["previous_year"].iloc[0])
    heading = label(f"flows_sheet.title.{group}", language, previous=previous, year=year)
    sheet.cell(row=1, column=1, value=heading).font = Font(bold=True, size=12)
    row = 3
    for measure in ("households", "persons"):
        sheet.cell(row=row, column=1, value=label(f"measure.{measure}", language)).font = _BOLD
        _flows_header(sheet, row + 1, group, language)
        rows = flows[(flows["flow_group"] == group) & (flows["measure"] == measure)]
        row = _flows_rows(sheet, rows, row + 3, language) + 1
    sheet.column_dimensions["A"].width = 18
    for col in range(2, len(FLOW_COLUMNS) + 2):
        sheet.column_dimensions[get_column_letter(col)].width = 13


def write_flows_xlsx(flows: pd.DataFrame, path: str | Path, language: str = "vi") -> None:
    """The flow forms: one sheet for poor and one for near-poor households; a block in
    households then one in persons; a row per commune then the district; columns opening,
    decreases (total, then by kind), increases (total, then by kind), closing."""
    book = Workbook()
    book.remove(book.active)
    for group in FLOW_SHEETS:
        _flows_sheet(book.create_sheet(label(f"flows_sheet.{group}")), flows, group, language)
    save_workbook(book, path)


def write_attainment_xlsx(attainment: pd.DataFrame, path: str | Path, language: str = "vi") -> None:
    """Target attainment: a row per commune then the district, with the plan's target, the
    exits, the planned and actual end rates (rounded half-up to 2 decimals), the new poor
    against the expected band, and the assessment."""
    book = Workbook()
    sheet = book.active
    plan_year = int(attainment["plan_year"].iloc[0])
    sheet.title = label("attainment_sheet.sheet", language)
    title = label("attainment_sheet.title", language, plan=plan_year)
    sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=12)
    keys = list(ATTAINMENT_COLUMNS)
    for col, key in enumerate(keys, start=1):
        cell = sheet.cell(row=3, column=col, value=label(f"attainment.{key}", language))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    rows = attainment.assign(last=attainment["level"] == "district").sort_values(
        ["last", "display_order", "unit_code"]
    )
    for r, unit in enumerate(rows.to_dict("records"), start=4):
        for col, key in enumerate(keys, start=1):
            if key in ("planned_end_rate", "actual_end_rate"):
                value = float(round_half_up(unit[key]))
            elif key == "new_poor_band":
                low, high = unit["new_poor_band_low"], unit["new_poor_band_high"]
                value = f"{format_vn_decimal(low, 1)} - {format_vn_decimal(high, 1)}"
            elif key in ("status", "new_poor_position"):
                value = label(f"attainment_word.{unit[key]}", language)
            elif key == "unit_name":
                value = unit_label(unit["level"], unit[key], language)
            else:
                value = int(unit[key])
            cell = sheet.cell(row=r, column=col, value=value)
            if key.endswith("_rate"):
                cell.number_format = "0.00"
            if unit["level"] == "district":
                cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 18
    for col in range(2, len(keys) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 14
    sheet.column_dimensions[get_column_letter(len(keys))].width = 30
    save_workbook(book, path)
