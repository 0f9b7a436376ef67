"""A deterministic generator of the embedded example: Cam Lộ's end-2018 review.

It writes one file per commune as communes send them (most as .xlsx with a title block,
a two-row merged header, an index row, a total row and signatures; two as CSV), with
synthetic names and ID numbers (personal data the pipeline must drop). Household
counts per commune reproduce the seed plan exactly; incomes and the ten deprivation
indicators are consistent with each household's status under the 2016-2021 standard
(QĐ 59/2015/QĐ-TTg).

    python -m povertyplan generate --out data/raw          # writes data/raw/2018/
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .xlsx import save_workbook

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


def _households(spec: CommuneSpec, year: int, seed: int) -> pd.DataFrame:
    """The synthetic households of one commune, with their true status and values."""
    rng = np.random.default_rng([seed, int(spec.code), year])
    n = spec.households
    status = np.array(
        ["poor"] * spec.poor
        + ["near_poor"] * spec.near_poor
        + ["not_poor"] * (n - spec.poor - spec.near_poor)
    )
    targeted = np.zeros(n, dtype=bool)
    targeted[: spec.poor_targeted] = True
    minority = np.zeros(n, dtype=bool)
    minority[rng.choice(spec.poor, spec.poor_minority, replace=False)] = True
    near_start = spec.poor
    minority[near_start + rng.choice(spec.near_poor, spec.near_poor_minority, replace=False)] = True
    other_start = spec.poor + spec.near_poor
    minority[other_start + rng.choice(n - other_start, spec.other_minority, replace=False)] = True

    poor = status == "poor"
    hardcore = poor & ~targeted
    members = rng.choice([1, 2, 3, 4, 5, 6, 7], size=n, p=[0.08, 0.2, 0.22, 0.27, 0.14, 0.06, 0.03])
    members = np.where(hardcore, rng.choice([1, 2, 3], size=n, p=[0.4, 0.4, 0.2]), members)
    workers = np.minimum(members, rng.binomial(members, 0.6))
    workers = np.where(hardcore & (rng.random(n) < 0.6), 0, workers)
    workers = np.where(poor & targeted & (workers == 0), np.minimum(1, members), workers)

    poor_line, near_line = INCOME_LINES[spec.area]
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

    female = rng.random(n) < np.where(hardcore, 0.55, 0.25)
    names = [
        _name(rng, is_female, is_minority)
        for is_female, is_minority in zip(female, minority, strict=True)
    ]
    birth = rng.integers(1940, 1996, n)
    id_numbers = [
        f"045{int(f) + (2 if b >= 2000 else 0)}{b % 100:02d}{rng.integers(0, 1_000_000):06d}"
        for f, b in zip(female, birth, strict=True)
    ]
    ethnicity = np.where(minority, np.where(rng.random(n) < 0.7, "Vân Kiều", "Pa Kô"), "Kinh")
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
            "income": income.astype("int64"),
            "status": status,
            "can_exit": targeted,
            "shuffle": rng.random(n),
        }
    )
    for j in range(len(INDICATOR_HEADERS)):
        frame[f"dep_{j}"] = indicators[:, j]
    frame = frame.sort_values(["village_no", "shuffle"]).reset_index(drop=True)
    frame["household_id"] = [f"{spec.code}-{i:05d}" for i in range(1, n + 1)]
    frame["planted"] = ""
    for status, count, kind in spec.planted:
        _plant(frame, frame.index[frame["status"] == status][:count], kind, poor_line, near_line)
    return frame.drop(columns=["shuffle", "village_no"])


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
                mark if h.can_exit else "",
            ]
        )
    return rows


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


def write_xlsx(spec: CommuneSpec, frame: pd.DataFrame, year: int, path: Path) -> None:
    """One commune's list as an Excel workbook in the layout communes use."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    upper_name = (
        spec.name.upper() if spec.area == "rural" else spec.name.upper().replace("TT ", "THỊ TRẤN ")
    )
    width = len(HEADERS)
    f = spec.unicode_form
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
    top, low = 7, 8
    first_indicator = HEADERS.index(INDICATOR_HEADERS[0]) + 1
    last_indicator = first_indicator + len(INDICATOR_HEADERS) - 1
    for col, header in enumerate(HEADERS, start=1):
        header = header.format(plan=year + 1)
        if first_indicator <= col <= last_indicator:
            sheet.cell(row=low, column=col, value=_normal(header, f))
        else:
            sheet.cell(row=top, column=col, value=_normal(header, f))
            sheet.merge_cells(start_row=top, start_column=col, end_row=low, end_column=col)
    sheet.cell(
        row=top, column=first_indicator, value=_normal("Chỉ số thiếu hụt dịch vụ xã hội cơ bản", f)
    )
    sheet.merge_cells(
        start_row=top, start_column=first_indicator, end_row=top, end_column=last_indicator
    )
    for col in range(1, width + 1):
        label = "A" if col == 1 else "B" if col == 2 else str(col - 2)
        sheet.cell(row=low + 1, column=col, value=label)
        for r in (top, low):
            sheet.cell(row=r, column=col).alignment = Alignment(wrap_text=True, vertical="center")
    rows = _rows(spec, frame, "xlsx")
    first = low + 2
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            if value != "":
                sheet.cell(row=r, column=c, value=_normal(value, f))
    total = first + len(rows)
    sheet.cell(row=total, column=2, value=_normal("Tổng cộng", f)).font = Font(bold=True)
    sheet.cell(row=total, column=3, value=f"{len(rows)} hộ")
    sheet.cell(row=total, column=8, value=int(frame["members"].sum()))
    sheet.cell(row=total, column=9, value=int(frame["workers"].sum()))
    sheet.cell(row=total + 2, column=2, value=_normal("Người lập biểu", f))
    sheet.cell(row=total + 2, column=16, value=_normal("TM. ỦY BAN NHÂN DÂN XÃ", f))
    sheet.cell(row=total + 3, column=16, value=_normal("CHỦ TỊCH", f))
    sheet.cell(row=total + 6, column=2, value=_normal("Lê Thị Cán Bộ", f))
    sheet.cell(row=total + 6, column=16, value=_normal("Trần Văn Chủ Tịch", f))
    sheet.column_dimensions["C"].width = 24
    save_workbook(book, path)


def write_csv(spec: CommuneSpec, frame: pd.DataFrame, path: Path, delimiter: str) -> None:
    """One commune's list as a plain CSV export (UTF-8 with BOM, as Excel writes it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    writer.writerows(_rows(spec, frame, "csv"))
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))


def generate_review(
    communes: list[CommuneSpec], year: int, out_dir: str | Path, seed: int = SEED
) -> list[Path]:
    """Write one raw file per commune under `out_dir/<year>/`; returns the paths written."""
    folder = Path(out_dir) / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in communes:
        frame = _households(spec, year, seed)
        path = folder / (spec.file_name or f"{spec.code}.{spec.file_format.split('-')[0]}")
        if spec.file_format == "xlsx":
            write_xlsx(spec, frame, year, path)
        else:
            write_csv(spec, frame, path, ";" if spec.file_format == "csv-semicolon" else ",")
        written.append(path)
    return written


def truth(communes: list[CommuneSpec], year: int, seed: int = SEED) -> pd.DataFrame:
    """The generator's own households (with status), for tests that check the pipeline."""
    frames = []
    for spec in communes:
        frame = _households(spec, year, seed)
        frame["commune_code"] = spec.code
        frame["area"] = spec.area
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
