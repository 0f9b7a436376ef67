"""A deterministic generator of the embedded example: Cam Lộ's end-2018, 2019 and 2020
reviews.

It writes one file per commune as communes send them (most as .xlsx with a title block,
a two-row merged header, an index row, a total row and signatures; two as CSV), with
synthetic names and ID numbers (personal data the pipeline must drop). The 2018 household
counts per commune reproduce the seed plan exactly; incomes and the ten deprivation
indicators are consistent with each household's status under the 2016-2021 standard
(QĐ 59/2015/QĐ-TTg).

The 2019 and 2020 reviews evolve from 2018 (`evolve`, rates in `Dynamics`): household
IDs persist; most can-exit poor leave poverty, some near-poor become poor, a few newly
poor and re-poor appear; households dissolve and form. The 2019 and 2020 .xlsx files carry
a re-poor column (Tái nghèo); the 2020 CSVs do not, so re-poor is found from history. In
the 2020 review Cam An and Cam Thanh are one commune, Thanh An (19603).

    python -m povertyplan_dev generate --out data/raw     # writes data/raw/2018/ 2019/ 2020/
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from povertyplan.core.xlsx import save_workbook

SEED = 20181231

# 2016-2021 standard (VND per person per month): poor line and near-poor line
INCOME_LINES = {"rural": (700_000, 1_000_000), "urban": (900_000, 1_300_000)}

INDICATOR_HEADERS = [
    "Tiếp cận dịch vụ y tế",
    "Bảo hiểm y tế",
    "Trình độ giáo dục của người lớn",
    "Tình trạng đi học của trẻ em",
    "Chất lượng nhà ở",
    "Diện tích nhà ở bình quân đầu người",
    "Nguồn nước sinh hoạt",
    "Hố xí/nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông",
    "Tài sản phục vụ tiếp cận thông tin",
]
# how often each indicator is the one a deprived household lacks (relative weights)
INDICATOR_WEIGHTS = np.array([0.6, 0.3, 1.4, 0.5, 1.6, 0.9, 1.0, 1.5, 0.7, 1.3])


@dataclass(frozen=True)
class CommuneSpec:
    """What one commune's file holds and how it is written."""

    code: str
    name: str
    written_as: str  # the commune name (or code) as the commune writes it in its rows
    area: str
    households: int
    poor: int
    poor_targeted: int
    near_poor: int
    poor_minority: int = 0
    near_poor_minority: int = 0
    other_minority: int = 0
    file_format: str = "xlsx"  # xlsx, csv, csv-semicolon
    file_name: str = ""
    unicode_form: str = "NFC"
    # deliberate mismatches between the recorded status and the standard (a review always
    # has some): (recorded status, how many, kind), applied to the first such households
    planted: tuple[tuple[str, int, str], ...] = ()
    # reviews after the first: the file has a re-poor column (Tái nghèo); without it the
    # pipeline finds re-poor households from their history
    re_poor_column: bool = True


# Seed plan (end-2018 review): households, poor, Hộ CS GN per commune are the seed's;
# near-poor (720 in all) and ethnic-minority households (80: 50 poor, 24 near-poor) are
# placed where the district's minorities live (Vân Kiều and Pa Kô, in Cam Tuyền and
# Cam Thành).
# fmt: off
CAM_LO_2018 = [
    CommuneSpec("19600", "Cam Tuyền", "Xã Cam Tuyền", "rural", 1411, 140, 14, 130, 38, 18, 4,
                file_name="01_cam_tuyen.xlsx",
                planted=(("poor", 2, "income_above_near_poor_line"),)),
    CommuneSpec("19606", "Cam Thủy", "CAM THUỶ", "rural", 1446, 66, 16, 80,
                file_name="02_cam_thuy.xlsx"),
    CommuneSpec("19615", "Cam Hiếu", "Cam Hiếu", "rural", 1747, 85, 13, 95,
                file_name="03_cam_hieu.xlsx", unicode_form="NFD",
                planted=(("near_poor", 2, "many_deprivations"),)),
    CommuneSpec("19603", "Cam An", "CAM AN", "rural", 1779, 79, 5, 90,
                file_name="04_cam_an.xlsx"),
    CommuneSpec("19612", "Cam Thành", "Xã Cam Thành", "rural", 2182, 76, 14, 85, 12, 6, 2,
                file_name="05_cam_thanh_dau_huyen.xlsx"),
    CommuneSpec("19597", "TT Cam Lộ", "19597", "urban", 2153, 54, 7, 60,
                file_format="csv-semicolon", file_name="06_tt_cam_lo.csv",
                planted=(("poor", 1, "between_lines_few_deprivations"),)),
    CommuneSpec("19609", "Cam Thanh", "Cam Thanh", "rural", 853, 41, 4, 50,
                file_name="07_cam_thanh.xlsx"),
    CommuneSpec("19621", "Cam Nghĩa", "Cam Nghĩa", "rural", 1647, 38, 7, 70,
                file_format="csv", file_name="08_cam_nghia.csv",
                planted=(("not_poor", 1, "income_below_poor_line"),)),
    CommuneSpec("19618", "Cam Chính", "Xã Cam Chính", "rural", 1435, 30, 2, 60,
                file_name="09_cam_chinh.xlsx"),
]
# fmt: on

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Hồ", "Phan", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE_M = ["Văn", "Đức", "Quang", "Hữu", "Minh", "Công"]
MIDDLE_F = ["Thị", "Thị", "Ngọc", "Thu"]
GIVEN_M = ["Hùng", "Dũng", "Nam", "Sơn", "Tuấn", "Hải", "Long", "Phúc", "Thắng", "Lâm", "Bình"]
GIVEN_F = ["Lan", "Hoa", "Mai", "Hương", "Thảo", "Nga", "Hằng", "Liên", "Xuân", "Yến", "Hiền"]
MINORITY_GIVEN = ["A Lăng", "Pả Xi", "Kăn Đá", "Ta Ôi", "Pi Loan", "Hồ Thị Pa", "Ăm Bo"]


def _statuses(spec: CommuneSpec) -> np.ndarray:
    """Each household's true status: the commune's poor first, then near-poor, then the
    rest."""
    return np.array(
        ["poor"] * spec.poor
        + ["near_poor"] * spec.near_poor
        + ["not_poor"] * (spec.households - spec.poor - spec.near_poor)
    )


def _minority(spec: CommuneSpec, rng: np.random.Generator) -> np.ndarray:
    """Which households are of an ethnic minority: the spec's count drawn within the
    poor, the near-poor and the other households."""
    n = spec.households
    minority = np.zeros(n, dtype=bool)
    minority[rng.choice(spec.poor, spec.poor_minority, replace=False)] = True
    near_start = spec.poor
    minority[near_start + rng.choice(spec.near_poor, spec.near_poor_minority, replace=False)] = True
    other_start = spec.poor + spec.near_poor
    minority[other_start + rng.choice(n - other_start, spec.other_minority, replace=False)] = True
    return minority


def _members_and_workers(
    rng: np.random.Generator, poor: np.ndarray, hardcore: np.ndarray, targeted: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Members and workers of each household: hard-core poor households are small and
    most have no worker; a poor household marked can-exit has at least one."""
    n = len(poor)
    members = rng.choice([1, 2, 3, 4, 5, 6, 7], size=n, p=[0.08, 0.2, 0.22, 0.27, 0.14, 0.06, 0.03])
    members = np.where(hardcore, rng.choice([1, 2, 3], size=n, p=[0.4, 0.4, 0.2]), members)
    workers = np.minimum(members, rng.binomial(members, 0.6))
    workers = np.where(hardcore & (rng.random(n) < 0.6), 0, workers)
    workers = np.where(poor & targeted & (workers == 0), np.minimum(1, members), workers)
    return members, workers


def _id_numbers(rng: np.random.Generator, female: np.ndarray, birth: np.ndarray) -> list[str]:
    """Synthetic 12-digit ID numbers (province 045, sex and century, birth year)."""
    return [
        f"045{int(f) + (2 if b >= 2000 else 0)}{b % 100:02d}{rng.integers(0, 1_000_000):06d}"
        for f, b in zip(female, birth, strict=True)
    ]


def _heads(
    rng: np.random.Generator, hardcore: np.ndarray, minority: np.ndarray
) -> tuple[list[str], list[str], np.ndarray]:
    """The head of each household: name, ID number and ethnicity."""
    n = len(hardcore)
    female = rng.random(n) < np.where(hardcore, 0.55, 0.25)
    names = [
        _name(rng, is_female, is_minority)
        for is_female, is_minority in zip(female, minority, strict=True)
    ]
    birth = rng.integers(1940, 1996, n)
    id_numbers = _id_numbers(rng, female, birth)
    ethnicity = np.where(minority, np.where(rng.random(n) < 0.7, "Vân Kiều", "Pa Kô"), "Kinh")
    return names, id_numbers, ethnicity


def _numbered_and_planted(frame: pd.DataFrame, spec: CommuneSpec) -> pd.DataFrame:
    """The households in village order with their IDs, and the spec's planted
    mismatches."""
    frame = frame.sort_values(["village_no", "shuffle"]).reset_index(drop=True)
    frame["household_id"] = [f"{spec.code}-{i:05d}" for i in range(1, len(frame) + 1)]
    frame["planted"] = ""
    poor_line, near_line = INCOME_LINES[spec.area]
    for status, count, kind in spec.planted:
        _plant(frame, frame.index[frame["status"] == status][:count], kind, poor_line, near_line)
    return frame.drop(columns=["shuffle"])


def _households(spec: CommuneSpec, year: int, seed: int) -> pd.DataFrame:
    """The synthetic households of one commune, with their true status and values."""
    rng = np.random.default_rng([seed, int(spec.code), year])
    n = spec.households
    status = _statuses(spec)
    targeted = np.zeros(n, dtype=bool)
    targeted[: spec.poor_targeted] = True
    minority = _minority(spec, rng)
    poor = status == "poor"
    hardcore = poor & ~targeted
    members, workers = _members_and_workers(rng, poor, hardcore, targeted)
    income, indicators = _income_and_deprivations(rng, status, spec.area)
    names, id_numbers, ethnicity = _heads(rng, hardcore, minority)
    villages = max(5, n // 190)
    unit = "Khu phố" if spec.area == "urban" else "Thôn"
    village_no = rng.integers(1, villages + 1, n)
    frame = pd.DataFrame(
        {
            "village_no": village_no,
            "village": [f"{unit} {v}" for v in village_no],
            "head_name": names,
            "id_number": id_numbers,
            "ethnicity": ethnicity,
            "members": members,
            "workers": workers,
            "income": income,
            "status": status,
            "can_exit": targeted,
            "shuffle": rng.random(n),
        }
    )
    for j in range(len(INDICATOR_HEADERS)):
        frame[f"dep_{j}"] = indicators[:, j]
    return _numbered_and_planted(frame, spec)


def _income_and_deprivations(
    rng: np.random.Generator, status: np.ndarray, area: str
) -> tuple[np.ndarray, np.ndarray]:
    """Incomes and deprivation indicators that imply each household's status under the
    2016-2021 standard: poor households 70 % below the poor line, the rest between the
    lines with at least 3 deprivations; near-poor between the lines with fewer."""
    n = len(status)
    poor = status == "poor"
    poor_line, near_line = INCOME_LINES[area]
    # poor: 70 % below the poor line; the rest between the lines with ≥ 3 deprivations
    poor_by_income = poor & (rng.random(n) < 0.7)
    income = np.where(
        poor_by_income,
        rng.integers(300, poor_line // 1000 + 1, n) * 1000,
        np.where(
            poor | (status == "near_poor"),
            rng.integers(poor_line // 1000 + 1, near_line // 1000 + 1, n) * 1000,
            (near_line + 1000 + np.round(rng.lognormal(13.6, 0.6, n), -3)).astype("int64"),
        ),
    )
    deprivation_count = np.select(
        [poor_by_income, poor, status == "near_poor"],
        [
            rng.choice(7, size=n, p=[0.04, 0.12, 0.22, 0.26, 0.2, 0.1, 0.06]),
            rng.choice([3, 4, 5, 6], size=n, p=[0.45, 0.3, 0.17, 0.08]),
            rng.choice(3, size=n, p=[0.35, 0.4, 0.25]),
        ],
        default=rng.choice(3, size=n, p=[0.7, 0.22, 0.08]),
    )
    weights = INDICATOR_WEIGHTS / INDICATOR_WEIGHTS.sum()
    indicators = np.zeros((n, len(INDICATOR_HEADERS)), dtype=bool)
    for i in np.flatnonzero(deprivation_count):
        indicators[i, rng.choice(len(weights), deprivation_count[i], replace=False, p=weights)] = (
            True
        )

    return income.astype("int64"), indicators


def _plant(frame: pd.DataFrame, rows: pd.Index, kind: str, poor_line: int, near_line: int) -> None:
    """Give `rows` an income and deprivations that contradict their recorded status."""
    deps = [f"dep_{j}" for j in range(len(INDICATOR_HEADERS))]
    frame.loc[rows, deps] = False
    if kind == "income_above_near_poor_line":  # recorded poor -> derived not poor
        frame.loc[rows, "income"] = near_line + 250_000
        frame.loc[rows, "dep_2"] = True
    elif kind == "many_deprivations":  # recorded near-poor -> derived poor
        frame.loc[rows, "income"] = poor_line + 100_000
        frame.loc[rows, deps[:4]] = True
    elif kind == "income_below_poor_line":  # recorded not poor -> derived poor
        frame.loc[rows, "income"] = poor_line - 200_000
    elif kind == "between_lines_few_deprivations":  # recorded poor -> derived near-poor
        frame.loc[rows, "income"] = poor_line + 50_000
        frame.loc[rows, "dep_4"] = True
    else:
        raise ValueError(f"unknown planted mismatch {kind}")
    frame.loc[rows, "planted"] = kind


def _name(rng: np.random.Generator, female: bool, minority: bool) -> str:
    if minority:
        return f"{rng.choice(['Hồ', 'Kăn', 'Lê', 'Ăm'])} {'Thị' if female else 'Văn'} {rng.choice(MINORITY_GIVEN)}"
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return f"{rng.choice(FAMILY)} {middle} {given}"


STATUS_WORDS = {
    "xlsx": {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "not_poor": "Không nghèo"},
    "csv": {"poor": "Nghèo", "near_poor": "Cận nghèo", "not_poor": ""},
}


def _vn_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _rows(spec: CommuneSpec, frame: pd.DataFrame, style: str) -> list[list[object]]:
    words = STATUS_WORDS[style]
    mark = "x" if style == "xlsx" else "có"
    rows = []
    for tt, h in enumerate(frame.itertuples(index=False), start=1):
        deprived = [mark if getattr(h, f"dep_{j}") else "" for j in range(len(INDICATOR_HEADERS))]
        income = int(h.income) if style == "xlsx" else _vn_number(int(h.income))
        rows.append(
            [
                tt,
                h.household_id,
                h.head_name,
                h.id_number,
                spec.written_as,
                h.village,
                h.ethnicity,
                int(h.members),
                int(h.workers),
                income,
                *deprived,
                words[h.status],
                *([mark if h.re_poor_mark else ""] if RE_POOR in frame else []),
                mark if h.can_exit else "",
            ]
        )
    return rows


RE_POOR = "re_poor_mark"  # truth column: the commune marks the household re-poor (Tái nghèo)


def _headers(headers: list[str], frame: pd.DataFrame) -> list[str]:
    """The file's headers: with the re-poor column after the status when the frame has it."""
    if RE_POOR not in frame:
        return headers
    return headers[:-1] + ["Tái nghèo", headers[-1]]


HEADERS = [
    "TT",
    "Mã hộ",
    "Họ và tên chủ hộ",
    "Số CMND/CCCD",
    "Xã",
    "Thôn",
    "Dân tộc",
    "Số nhân khẩu",
    "Số lao động",
    "Thu nhập bình quân (đồng/người/tháng)",
    *INDICATOR_HEADERS,
    "Kết quả rà soát",
    "Dự kiến thoát nghèo năm {plan}",
]
CSV_HEADERS = [
    "TT",
    "Mã hộ",
    "Họ tên chủ hộ",
    "Số CCCD",
    "Mã xã",
    "Thôn/Tổ dân phố",
    "Dân tộc",
    "Số khẩu",
    "Số lao động",
    "Thu nhập bình quân",
    *INDICATOR_HEADERS,
    "Phân loại",
    "Dự kiến thoát nghèo",
]


def _normal(text: object, form: str) -> object:
    return unicodedata.normalize(form, text) if isinstance(text, str) else text


def _title_block(sheet: Worksheet, spec: CommuneSpec, year: int, width: int) -> None:
    """The commune's and the state's titles, and the list's title and date, merged
    across the `width` columns of the table."""
    f = spec.unicode_form
    upper_name = (
        spec.name.upper() if spec.area == "rural" else spec.name.upper().replace("TT ", "THỊ TRẤN ")
    )
    sheet["A1"] = _normal(f"UBND XÃ {upper_name}", f)
    sheet["A2"] = "BCĐ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"
    sheet.cell(row=1, column=12, value="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    sheet.cell(row=2, column=12, value="Độc lập - Tự do - Hạnh phúc")
    sheet["A4"] = _normal(f"DANH SÁCH KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO CUỐI NĂM {year}", f)
    sheet["A5"] = _normal(
        f"(Kèm theo Báo cáo của UBND xã {spec.name}, ngày 20 tháng 12 năm {year})", f
    )
    sheet.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
    sheet.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    sheet["A4"].font = Font(bold=True, size=13)


def _header_rows(sheet: Worksheet, headers: list[str], year: int, form: str) -> int:
    """The two-row merged header (the indicators under one group heading) and the index
    row (A, B, 1, 2…); returns the row of the index."""
    top, low = 7, 8
    first_indicator = headers.index(INDICATOR_HEADERS[0]) + 1
    last_indicator = first_indicator + len(INDICATOR_HEADERS) - 1
    for col, header in enumerate(headers, start=1):
        header = header.format(plan=year + 1)
        if first_indicator <= col <= last_indicator:
            sheet.cell(row=low, column=col, value=_normal(header, form))
        else:
            sheet.cell(row=top, column=col, value=_normal(header, form))
            sheet.merge_cells(start_row=top, start_column=col, end_row=low, end_column=col)
    sheet.cell(
        row=top,
        column=first_indicator,
        value=_normal("Chỉ số thiếu hụt dịch vụ xã hội cơ bản", form),
    )
    sheet.merge_cells(
        start_row=top, start_column=first_indicator, end_row=top, end_column=last_indicator
    )
    for col in range(1, len(headers) + 1):
        label = "A" if col == 1 else "B" if col == 2 else str(col - 2)
        sheet.cell(row=low + 1, column=col, value=label)
        for r in (top, low):
            sheet.cell(row=r, column=col).alignment = Alignment(wrap_text=True, vertical="center")
    return low + 1


def _household_rows(sheet: Worksheet, rows: list[list[object]], first: int, form: str) -> None:
    """One row per household from row `first`, leaving blank cells empty."""
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            if value != "":
                sheet.cell(row=r, column=c, value=_normal(value, form))


def _total_and_signatures(
    sheet: Worksheet, frame: pd.DataFrame, total: int, households: int, form: str
) -> None:
    """The total row at row `total` (households, members, workers) and the signatures
    below it."""
    sheet.cell(row=total, column=2, value=_normal("Tổng cộng", form)).font = Font(bold=True)
    sheet.cell(row=total, column=3, value=f"{households} hộ")
    sheet.cell(row=total, column=8, value=int(frame["members"].sum()))
    sheet.cell(row=total, column=9, value=int(frame["workers"].sum()))
    sheet.cell(row=total + 2, column=2, value=_normal("Người lập biểu", form))
    sheet.cell(row=total + 2, column=16, value=_normal("TM. ỦY BAN NHÂN DÂN XÃ", form))
    sheet.cell(row=total + 3, column=16, value=_normal("CHỦ TỊCH", form))
    sheet.cell(row=total + 6, column=2, value=_normal("Lê Thị Cán Bộ", form))
    sheet.cell(row=total + 6, column=16, value=_normal("Trần Văn Chủ Tịch", form))


def write_xlsx(spec: CommuneSpec, frame: pd.DataFrame, year: int, path: Path) -> None:
    """One commune's list as an Excel workbook in the layout communes use."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    headers = _headers(HEADERS, frame)
    _title_block(sheet, spec, year, len(headers))
    index_row = _header_rows(sheet, headers, year, spec.unicode_form)
    rows = _rows(spec, frame, "xlsx")
    first = index_row + 1
    _household_rows(sheet, rows, first, spec.unicode_form)
    _total_and_signatures(sheet, frame, first + len(rows), len(rows), spec.unicode_form)
    sheet.column_dimensions["C"].width = 24
    save_workbook(book, path)


def write_csv(spec: CommuneSpec, frame: pd.DataFrame, path: Path, delimiter: str) -> None:
    """One commune's list as a plain CSV export (UTF-8 with BOM, as Excel writes it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(_headers(CSV_HEADERS, frame))
    writer.writerows(_rows(spec, frame, "csv"))
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))


def generate_review(
    communes: list[CommuneSpec], year: int, out_dir: str | Path, seed: int = SEED
) -> list[Path]:
    """Write one raw file per commune under `out_dir/<year>/`; returns the paths written."""
    return write_review(communes, truth(communes, year, seed), year, out_dir)


def truth(communes: list[CommuneSpec], year: int, seed: int = SEED) -> pd.DataFrame:
    """The generator's own households (with status), for tests that check the pipeline."""
    frames = []
    for spec in communes:
        frame = _households(spec, year, seed)
        frame["commune_code"] = spec.code
        frame["area"] = spec.area
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


# Year to year: the example's later reviews evolve from the first one. Shares are per
# household and per review.
@dataclass(frozen=True)
class Dynamics:
    """How households move between reviews in the example."""

    exit_can_exit: float = 0.88  # poor marked can-exit who leave poverty
    exit_to_near_poor: float = 0.45  # of those, the share who become near-poor (rest: above)
    exit_hardcore: float = 0.04  # hard-core poor who leave poverty (to near-poor)
    near_poor_to_poor: float = 0.025
    near_poor_exit: float = 0.18  # near-poor who rise above the near-poor line
    not_poor_to_poor: float = 0.0012  # newly poor
    not_poor_to_near_poor: float = 0.008  # newly near-poor
    re_poor: float = 0.08  # poor in an earlier review, not poor in the last: poor again
    re_poor_before_records: float = 0.0008  # poor before the first review (flag only)
    dissolved: float = 0.004
    new_households: float = 0.006
    new_household_status: tuple[float, float, float] = (0.05, 0.08, 0.87)
    members_change: float = 0.06  # persisting households gaining or losing one member
    can_exit_share: float = 0.15  # poor with labour marked can-exit for the next plan


DYNAMICS = Dynamics()

# Cam Lộ's later reviews: the same files; from the 2020 review Cam An (19603) and Cam
# Thanh (19609) are one commune, Thanh An (19603), as from 1 January 2020. The counts of a
# later year's specs are not used: they come from the evolution.
# fmt: off
CAM_LO_2019 = [replace(spec, planted=()) for spec in CAM_LO_2018]
CAM_LO_2020 = [
    replace(spec, planted=(), re_poor_column=spec.file_format == "xlsx")
    for spec in CAM_LO_2018
    if spec.code not in ("19603", "19609")
] + [CommuneSpec("19603", "Thanh An", "Xã Thanh An", "rural", 0, 0, 0, 0,
                 file_name="04_thanh_an.xlsx")]
# fmt: on
CAM_LO_REVIEWS = {2018: CAM_LO_2018, 2019: CAM_LO_2019, 2020: CAM_LO_2020}
CAM_LO_MERGERS = {2020: {"19609": "19603"}}

EVENT_COLUMNS = [
    "household_id",
    "commune_previous",
    "commune_code",
    "status_previous",
    "status",
    "members_previous",
    "members",
    "event",
]


@dataclass(frozen=True)
class Review:
    """The generator's truth for one review: its households and, after the first review,
    what happened to every household of the previous one (`events`, one row per household
    of either review: stayed, exit_to_near_poor, exit_above_near_poor_line,
    near_poor_to_poor, near_poor_exit, re_poor, newly_poor, newly_near_poor, dissolved,
    new_household)."""

    year: int
    households: pd.DataFrame
    events: pd.DataFrame


def _transitions(
    group: pd.DataFrame, rng: np.random.Generator, dynamics: Dynamics, flag_only: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The next status and the event of each household of one commune."""
    n = len(group)
    status = group["status"].to_numpy()
    ever = group["ever_poor"].to_numpy()
    can_exit = group["can_exit"].to_numpy()
    u, u2, u3 = rng.random(n), rng.random(n), rng.random(n)
    poor, near, other = status == "poor", status == "near_poor", status == "not_poor"
    d = dynamics
    before_records = flag_only & ~poor & ~ever & (u3 < d.re_poor_before_records)
    choices = [
        (before_records, "poor", "re_poor"),
        (
            poor & can_exit & (u < d.exit_can_exit) & (u2 < d.exit_to_near_poor),
            "near_poor",
            "exit_to_near_poor",
        ),
        (poor & can_exit & (u < d.exit_can_exit), "not_poor", "exit_above_near_poor_line"),
        (poor & ~can_exit & (u < d.exit_hardcore), "near_poor", "exit_to_near_poor"),
        (~poor & ever & (u < d.re_poor), "poor", "re_poor"),
        (near & ~ever & (u < d.near_poor_to_poor), "poor", "near_poor_to_poor"),
        (near & (u > 1 - d.near_poor_exit), "not_poor", "near_poor_exit"),
        (other & ~ever & (u < d.not_poor_to_poor), "poor", "newly_poor"),
        (other & (u > 1 - d.not_poor_to_near_poor), "near_poor", "newly_near_poor"),
    ]
    conditions = [c for c, _, _ in choices]
    new_status = np.select(conditions, [s for _, s, _ in choices], default=status)
    event = np.select(conditions, [e for _, _, e in choices], default="stayed")
    return new_status, event


def _new_households(
    commune: str,
    count: int,
    rng: np.random.Generator,
    dynamics: Dynamics,
    villages: int,
    unit: str,
    first_number: int,
) -> pd.DataFrame:
    """Households formed or moved in since the previous review."""
    status = rng.choice(
        ["poor", "near_poor", "not_poor"], size=count, p=list(dynamics.new_household_status)
    )
    members = rng.choice([1, 2, 3, 4, 5], size=count, p=[0.15, 0.35, 0.3, 0.15, 0.05])
    female = rng.random(count) < 0.3
    village_no = rng.integers(1, villages + 1, count)
    birth = rng.integers(1975, 2001, count)
    return pd.DataFrame(
        {
            "village_no": village_no,
            "village": [f"{unit} {v}" for v in village_no],
            "head_name": [_name(rng, f, False) for f in female],
            "id_number": _id_numbers(rng, female, birth),
            "ethnicity": "Kinh",
            "members": members,
            "workers": np.minimum(members, rng.binomial(members, 0.7)),
            "status": status,
            "household_id": [f"{commune}-{first_number + i:05d}" for i in range(count)],
            "event": "new_household",
            "ever_poor": False,
        }
    )


def _with_history(previous: pd.DataFrame) -> pd.DataFrame:
    """The previous review's truth with `ever_poor` (poor in it, when not already known)."""
    previous = previous.copy()
    if "ever_poor" not in previous:
        previous["ever_poor"] = previous["status"] == "poor"
    return previous


def _step_commune(
    code: str,
    group: pd.DataFrame,
    rng: np.random.Generator,
    dynamics: Dynamics,
    flag_only: bool,
    absorbed_by: str,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One commune's households a review later: (the events of those dissolved, those
    that remain, under the commune `absorbed_by`), with new status, members and event."""
    new_status, event = _transitions(group, rng, dynamics, flag_only)
    gone = rng.random(len(group)) < dynamics.dissolved
    event = np.where(gone, "dissolved", event)
    change = np.where(
        rng.random(len(group)) < dynamics.members_change,
        rng.choice([-1, 1], size=len(group)),
        0,
    )
    members = np.maximum(1, group["members"].to_numpy() + change)
    step = group.assign(
        commune_previous=code,
        commune_code=absorbed_by,
        status_previous=group["status"],
        members_previous=group["members"],
        status=np.where(gone, "", new_status),
        members=np.where(gone, 0, members),
        event=event,
    )
    step["workers"] = np.minimum(step["workers"], step["members"])
    return step.loc[gone, EVENT_COLUMNS], step.loc[~gone]


def _last_numbers(households: pd.DataFrame) -> dict[str, int]:
    """The highest household number (`19603-00042` → 42) of each commune."""
    numbers = households["household_id"].str.split("-").str[1].astype(int)
    return numbers.groupby(households["household_id"].str.split("-").str[0]).max().to_dict()


def _born(
    code: str,
    group: pd.DataFrame,
    rng: np.random.Generator,
    dynamics: Dynamics,
    first_number: int,
) -> pd.DataFrame:
    """The households formed in or moved into one commune, numbered from `first_number`."""
    area = group["area"].iloc[0]
    count = int(rng.binomial(len(group), dynamics.new_households))
    return _new_households(
        code,
        count,
        rng,
        dynamics,
        int(group["village_no"].max()),
        "Khu phố" if area == "urban" else "Thôn",
        first_number,
    ).assign(
        commune_code=code,
        area=area,
        commune_previous="",
        status_previous="",
        members_previous=0,
    )


def _with_values(group: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The households with new incomes and deprivations that imply their status."""
    group = group.copy()
    income, indicators = _income_and_deprivations(
        rng, group["status"].to_numpy(), group["area"].iloc[0]
    )
    group["income"] = income
    for j in range(len(INDICATOR_HEADERS)):
        group[f"dep_{j}"] = indicators[:, j]
    return group


def _with_can_exit(
    group: pd.DataFrame, rng: np.random.Generator, dynamics: Dynamics
) -> pd.DataFrame:
    """The households with `can_exit`: a share of the poor, among those with a worker."""
    group = group.copy()
    status = group["status"].to_numpy()
    able = np.flatnonzero((status == "poor") & (group["workers"].to_numpy() > 0))
    marked = rng.choice(
        able,
        min(len(able), round(dynamics.can_exit_share * (status == "poor").sum())),
        replace=False,
    )
    group["can_exit"] = False
    group.loc[marked, "can_exit"] = True
    return group


def _grown_commune(
    code: str,
    group: pd.DataFrame,
    year: int,
    seed: int,
    dynamics: Dynamics,
    first_number: int,
) -> pd.DataFrame:
    """One commune's households of the new review: those that remain and those born,
    with new values, can-exit marks, history and the re-poor mark, in village order."""
    rng = np.random.default_rng([seed, int(code), year, 1])
    group = pd.concat([group, _born(code, group, rng, dynamics, first_number)], ignore_index=True)
    group = _with_can_exit(_with_values(group, rng), rng, dynamics)
    group["ever_poor"] = group["ever_poor"].astype(bool) | (group["status"] == "poor")
    group[RE_POOR] = group["event"] == "re_poor"
    group["planted"] = ""
    return group.sort_values(["village_no", "household_id"])


def evolve(
    previous: pd.DataFrame,
    year: int,
    mergers: dict[str, str] | None = None,
    seed: int = SEED,
    dynamics: Dynamics = DYNAMICS,
    flag_only: bool = False,
) -> Review:
    """The review of `year` from the truth of the previous one (as `truth` returns it, or
    a previous `evolve`). `mergers` maps old commune codes to the code that absorbs them
    from this review on. `flag_only`: some households poor before the first review (which
    only the re-poor column can show) fall back into poverty."""
    mergers = mergers or {}
    previous = _with_history(previous)
    kept, events = [], []
    for code, group in previous.groupby("commune_code", sort=True):
        rng = np.random.default_rng([seed, int(code), year])
        dissolved, remaining = _step_commune(
            code, group, rng, dynamics, flag_only, mergers.get(code, code)
        )
        events.append(dissolved)
        kept.append(remaining)
    current = pd.concat(kept, ignore_index=True)
    last = _last_numbers(previous)
    households = pd.concat(
        [
            _grown_commune(code, group, year, seed, dynamics, last.get(code, 0) + 1)
            for code, group in current.groupby("commune_code", sort=True)
        ],
        ignore_index=True,
    )
    events.append(households[EVENT_COLUMNS])
    all_events = pd.concat(events, ignore_index=True).sort_values("household_id")
    return Review(year, households, all_events.reset_index(drop=True))


def reviews(
    specs: dict[int, list[CommuneSpec]],
    mergers: dict[int, dict[str, str]] | None = None,
    seed: int = SEED,
) -> dict[int, Review]:
    """The truth of every review: the first from its specs, each later one evolved from the
    one before (the second with re-poor households known only from the flag)."""
    years = sorted(specs)
    first = truth(specs[years[0]], years[0], seed)
    result = {years[0]: Review(years[0], first, pd.DataFrame(columns=EVENT_COLUMNS))}
    for number, year in enumerate(years[1:]):
        previous = result[years[number]].households
        result[year] = evolve(
            previous, year, (mergers or {}).get(year), seed, flag_only=number == 0
        )
    return result


def write_review(
    specs: list[CommuneSpec], households: pd.DataFrame, year: int, out_dir: str | Path
) -> list[Path]:
    """Write one raw file per commune of `specs` under `out_dir/<year>/`."""
    folder = Path(out_dir) / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in specs:
        frame = households[households["commune_code"] == spec.code].reset_index(drop=True)
        if not spec.re_poor_column:
            frame = frame.drop(columns=[RE_POOR], errors="ignore")
        path = folder / (spec.file_name or f"{spec.code}.{spec.file_format.split('-')[0]}")
        if spec.file_format == "xlsx":
            write_xlsx(spec, frame, year, path)
        else:
            write_csv(spec, frame, path, ";" if spec.file_format == "csv-semicolon" else ",")
        written.append(path)
    return written


def generate_reviews(
    specs: dict[int, list[CommuneSpec]],
    out_dir: str | Path,
    mergers: dict[int, dict[str, str]] | None = None,
    seed: int = SEED,
) -> list[Path]:
    """Write every review of `specs` (the first exactly as `generate_review` does)."""
    written = []
    for year, review in reviews(specs, mergers, seed).items():
        written += write_review(specs[year], review.households, year, out_dir)
    return written
