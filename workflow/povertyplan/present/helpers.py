"""Tables and one-line readings shown in the notebooks (presentation only, no new numbers).

Readings are short sentences in Vietnamese (English available) computed from the
Parquet data, so the text under a figure always says what the figure shows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..clean.households import files_with
from ..core.labels import (
    ATTAINMENT_LABELS,
    ATTAINMENT_WORDS,
    FINDING_LABELS,
    FLOW_LABELS,
    SECTION_LABELS,
    group_label,
    unit_label,
)
from ..core.numbers import format_vn_decimal, format_vn_integer
from ..core.privacy import redact_frame
from ..core.rates import rate_half_up, round_half_up
from ..core.text import normalise_commune_name

HEADLINE = [
    # (count column, vi, en, share of)
    ("households", "Tổng số hộ", "Households", None),
    ("ethnic_minority", "Hộ dân tộc thiểu số (DTTS)", "Ethnic-minority households", "households"),
    ("poor", "Hộ nghèo", "Poor households", "households"),
    ("near_poor", "Hộ cận nghèo", "Near-poor households", "households"),
    ("poor_ethnic_minority", "Hộ nghèo DTTS", "Poor ethnic-minority households", "households"),
    (
        "near_poor_ethnic_minority",
        "Hộ cận nghèo DTTS",
        "Near-poor ethnic-minority households",
        "households",
    ),
]


def headline_table(district: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Section I of the plan: each headline count and its share of all households."""
    row = district.iloc[0]
    households = int(row["households"])
    records = []
    for column, vi, en, _ in HEADLINE:
        count = int(row[column])
        share = (
            ""
            if column == "households"
            else format_vn_decimal(rate_half_up(count, households)) + " %"
        )
        records.append(
            {
                "figure": vi if language == "vi" else en,
                "households": format_vn_integer(count),
                "share": share,
            }
        )
    names = {
        "vi": ["Chỉ tiêu", "Số hộ", "Tỷ lệ trên tổng số hộ"],
        "en": ["Figure", "Households", "Share of all households"],
    }
    return pd.DataFrame(records).set_axis(names[language], axis=1)


def commune_rates_table(communes: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Per commune: households, poor and near-poor with rates, ethnic-minority households."""
    columns = {
        "commune_name": ("Xã, thị trấn", "Commune"),
        "households": ("Số hộ", "Households"),
        "poor": ("Hộ nghèo", "Poor"),
        "poor_rate": ("Tỷ lệ nghèo (%)", "Poor rate (%)"),
        "near_poor": ("Hộ cận nghèo", "Near-poor"),
        "near_poor_rate": ("Tỷ lệ cận nghèo (%)", "Near-poor rate (%)"),
        "ethnic_minority": ("Hộ DTTS", "Ethnic-minority"),
        "poor_ethnic_minority": ("Hộ nghèo DTTS", "Poor ethnic-minority"),
    }
    data = communes.sort_values(["display_order", "commune_code"])
    out = pd.DataFrame({"commune_name": data["commune_name"]})
    for column in columns:
        if column == "commune_name":
            continue
        if column.endswith("_rate"):
            count = column.removesuffix("_rate")
            out[column] = [
                format_vn_decimal(rate_half_up(int(c), int(h)))
                for c, h in zip(data[count], data["households"], strict=True)
            ]
        else:
            out[column] = data[column].map(format_vn_integer)
    index = 0 if language == "vi" else 1
    return out.rename(columns={k: v[index] for k, v in columns.items()}).reset_index(drop=True)


def reading_rates(communes: pd.DataFrame, district: pd.DataFrame, language: str = "vi") -> str:
    """Which communes have the highest and lowest poor rate, against the district's."""
    top = communes.loc[communes["poor_rate"].idxmax()]
    low = communes.loc[communes["poor_rate"].idxmin()]
    d = float(district["poor_rate"].iloc[0])
    ratio = format_vn_decimal(float(top["poor_rate"]) / d, 1) if d > 0 else "—"
    top_rate, low_rate, d_rate = (
        format_vn_decimal(x) for x in (top["poor_rate"], low["poor_rate"], d)
    )
    if language == "vi":
        return (
            f"{top['commune_name']} có tỷ lệ hộ nghèo cao nhất ({top_rate} %), gấp {ratio} lần "
            f"mức toàn huyện ({d_rate} %); {low['commune_name']} thấp nhất ({low_rate} %)."
        )
    return (
        f"{top['commune_name']} has the highest poor rate ({top_rate} %), {ratio} times the "
        f"district's ({d_rate} %); {low['commune_name']} the lowest ({low_rate} %)."
    )


def reading_minority(communes: pd.DataFrame, district: pd.DataFrame, language: str = "vi") -> str:
    """Where ethnic-minority households live and how many of them are poor."""
    row = district.iloc[0]
    total, poor = int(row["ethnic_minority"]), int(row["poor_ethnic_minority"])
    where = communes.loc[communes["ethnic_minority"] > 0].sort_values(
        "ethnic_minority", ascending=False
    )
    names = ", ".join(where["commune_name"])
    share = format_vn_decimal(rate_half_up(total, int(row["households"])))
    poor_share = format_vn_decimal(rate_half_up(poor, total)) if total else "0,00"
    if language == "vi":
        return (
            f"{total} hộ DTTS ({share} % số hộ) sống ở {len(where)} xã ({names}); "
            f"{poor} hộ trong số đó là hộ nghèo ({poor_share} % hộ DTTS)."
        )
    return (
        f"{total} ethnic-minority households ({share} % of all) live in {len(where)} communes "
        f"({names}); {poor} of them are poor ({poor_share} % of ethnic-minority households)."
    )


def reading_targets(targets: pd.DataFrame, language: str = "vi") -> str:
    """The planned reduction, district rate before and after, and the largest commune cut."""
    households = int(targets["households"].sum())
    poor, end = int(targets["poor"].sum()), int(targets["poor_end"].sum())
    before = format_vn_decimal(rate_half_up(poor, households))
    after = format_vn_decimal(rate_half_up(end, households))
    top = targets.loc[targets["target_reduction_rate"].idxmax()]
    cut = format_vn_decimal(rate_half_up(int(top["target_reduction"]), int(top["households"])))
    plan = int(targets["plan_year"].iloc[0])
    if language == "vi":
        return (
            f"Năm {plan} kế hoạch giảm {poor - end} hộ nghèo: tỷ lệ hộ nghèo toàn huyện từ {before} % "
            f"xuống {after} %; {top['commune_name']} giảm nhiều nhất ({cut} điểm)."
        )
    return (
        f"For {plan} the plan cuts {poor - end} poor households: the district's poor rate goes "
        f"from {before} % to {after} %; {top['commune_name']} cuts most ({cut} points)."
    )


def reading_goals(goals: pd.DataFrame, language: str = "vi") -> str:
    """Whether the target lies in the goal band and whether the new-poor ranges agree."""
    g = goals.iloc[0]
    value = format_vn_decimal(g["target_reduction_rate"])
    low, high = (
        format_vn_decimal(g["reduction_band_min"], 1),
        format_vn_decimal(g["reduction_band_max"], 1),
    )
    pct = f"{format_vn_decimal(g['new_poor_percent_min'], 1)}-{format_vn_decimal(g['new_poor_percent_max'], 1)} %"
    as_hh = f"{int(g['new_poor_percent_as_households_min'] + 0.5)}-{int(g['new_poor_percent_as_households_max'] + 0.5)}"
    hh = f"{int(g['new_poor_households_min'])}-{int(g['new_poor_households_max'])}"
    if language == "vi":
        inside = "nằm trong" if g["target_within_band"] else "nằm ngoài"
        agree = "khớp nhau" if g["new_poor_ranges_agree"] else "không khớp nhau"
        return (
            f"Mục tiêu giảm {value} điểm {inside} khung {low}-{high} điểm. Hai cách nêu số hộ "
            f"nghèo phát sinh ({hh} hộ và {pct}, tức {as_hh} hộ) {agree}."
        )
    inside = "inside" if g["target_within_band"] else "outside"
    agree = "agree" if g["new_poor_ranges_agree"] else "do not agree"
    return (
        f"The target cut of {value} points lies {inside} the {low}-{high} point band. The two "
        f"statements of expected new poor ({hh} households and {pct}, i.e. {as_hh} households) {agree}."
    )


GOAL_CHECKS = [
    ("Giảm hộ nghèo (hộ)", "Cut in poor households"),
    ("Giảm tỷ lệ hộ nghèo (điểm %)", "Cut in the poor rate (points)"),
    ("Khung mục tiêu (điểm %)", "Goal band (points)"),
    ("Mục tiêu nằm trong khung", "Target inside the band"),
    ("Hộ nghèo phát sinh dự kiến (hộ)", "Expected new poor (households)"),
    ("Hộ nghèo phát sinh dự kiến (% số hộ)", "Expected new poor (% of households)"),
    ("… quy ra số hộ", "… as households"),
    ("Hai cách nêu khớp nhau", "The two statements agree"),
]


def _band(low: float, high: float, decimals: int = 2) -> str:
    return f"{format_vn_decimal(low, decimals)} - {format_vn_decimal(high, decimals)}"


def goals_table(goals: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """The goal checks as a two-column table (check, result)."""
    g = goals.iloc[0]
    yes, no = ("Có", "Không") if language == "vi" else ("Yes", "No")
    results = [
        format_vn_integer(g["target_reduction"]),
        format_vn_decimal(g["target_reduction_rate"]),
        _band(g["reduction_band_min"], g["reduction_band_max"]),
        yes if g["target_within_band"] else no,
        f"{int(g['new_poor_households_min'])} - {int(g['new_poor_households_max'])}",
        _band(g["new_poor_percent_min"], g["new_poor_percent_max"]),
        _band(g["new_poor_percent_as_households_min"], g["new_poor_percent_as_households_max"], 1),
        yes if g["new_poor_ranges_agree"] else no,
    ]
    index = 0 if language == "vi" else 1
    header = ["Kiểm tra", "Kết quả"] if language == "vi" else ["Check", "Result"]
    return pd.DataFrame(
        [(names[index], value) for names, value in zip(GOAL_CHECKS, results, strict=True)],
        columns=header,
    )


# --- data quality --------------------------------------------------------------------------

LEDGER_COLUMNS = [
    # (ledger column, vi, en)
    ("source_file", "Tệp", "File"),
    ("file_encoding", "Định dạng / mã", "Format / encoding"),
    ("text_encodings", "Cột chuyển mã cũ", "Columns converted from legacy encodings"),
    ("rows_read", "Dòng đọc", "Rows read"),
    ("rows_kept", "Dòng hợp lệ", "Rows kept"),
    ("rows_rejected", "Dòng bị loại", "Rows rejected"),
    ("grid_rows", "Tổng số dòng trong tệp", "Rows in the file"),
    ("title_rows", "Tiêu đề", "Title"),
    ("header_rows", "Dòng tên cột", "Header"),
    ("index_rows", "Dòng số thứ tự cột", "Index row"),
    ("section_rows", "Dòng mục (I., II.)", "Section rows"),
    ("total_rows", "Dòng cộng", "Totals"),
    ("blank_rows", "Dòng trống", "Blank"),
    ("footer_rows", "Chữ ký", "Footer"),
    ("income_unit", "Đơn vị thu nhập", "Income unit"),
    ("duplicate_of", "Giống hệt tệp (đọc một lần)", "Copy of (read once)"),
    ("refused", "Tệp không đọc được", "File refused"),
]
INCOME_UNITS = {
    "dong": ("đồng", "đồng"),
    "thousand_dong": ("nghìn đồng (đã nhân 1.000)", "thousand đồng (×1,000)"),
}


def _places(commune_names: dict[str, str]) -> frozenset[str]:
    """The communes' names as `privacy.redact` knows places (never a person's name)."""
    return frozenset(normalise_commune_name(name) for name in commune_names.values())


def ledger_table(ledger: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Per file: how many rows were read, kept and rejected, and the other rows."""
    index = 1 if language == "vi" else 2
    table = ledger.sort_values("source_file")[[c for c, *_ in LEDGER_COLUMNS]].copy()
    totals = {
        c: int(table[c].sum())
        for c in table.columns
        if c.endswith("_rows") or c.startswith("rows_")
    }
    table = pd.concat(
        [table, pd.DataFrame([{"source_file": "Tổng" if language == "vi" else "Total", **totals}])]
    )
    table["income_unit"] = table["income_unit"].map(
        lambda unit: (
            INCOME_UNITS.get(unit, (unit, unit))[index - 1] if isinstance(unit, str) else ""
        )
    )
    table = table.fillna("")
    table = table.rename(columns={c[0]: c[index] for c in LEDGER_COLUMNS}).reset_index(drop=True)
    return redact_frame(table)


def rejects_by_reason(rejects: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Problems and rejected rows per reason, most frequent first."""
    from ..core.messages import reason_label

    header = (
        ["Lý do", "Mã lý do", "Số lỗi", "Số dòng"]
        if language == "vi"
        else ["Reason", "Code", "Problems", "Rows"]
    )
    if rejects.empty:
        return pd.DataFrame(columns=header)
    rows = rejects.assign(row_key=rejects["source_file"] + "#" + rejects["source_row"].astype(str))
    grouped = (
        rows.groupby("reason")
        .agg(problems=("reason", "size"), rows=("row_key", "nunique"))
        .reset_index()
    )
    grouped = grouped.sort_values(["problems", "reason"], ascending=[False, True])
    grouped.insert(0, "label", grouped["reason"].map(lambda r: reason_label(r, language)))
    return grouped.set_axis(header, axis=1).reset_index(drop=True)


def send_back_list(
    rejects: pd.DataFrame, commune_names: dict[str, str], language: str = "vi"
) -> pd.DataFrame:
    """What to send back to which commune: one line per problem, by commune, file and row."""
    header = (
        ["Xã", "Tệp", "Dòng", "Cột", "Nội dung"]
        if language == "vi"
        else ["Commune", "File", "Row", "Column", "Problem"]
    )
    if rejects.empty:
        return pd.DataFrame(columns=header)
    ordered = rejects.sort_values(
        ["commune_code", "source_file", "source_row", "column"], na_position="last"
    )
    unknown = "(không rõ xã)" if language == "vi" else "(commune unknown)"
    table = pd.DataFrame(
        {
            header[0]: ordered["commune_code"].map(
                lambda c: commune_names.get(c, c) if isinstance(c, str) else unknown
            ),
            header[1]: ordered["source_file"],
            header[2]: ordered["source_row"].astype(int),
            header[3]: ordered["column"],
            header[4]: ordered["message_vi" if language == "vi" else "message"],
        }
    ).reset_index(drop=True)
    # the messages were redacted when they were written, knowing the file's names and its
    # household codes; the other columns pass the same function here
    shown = redact_frame(table.drop(columns=header[4]), _places(commune_names))
    return shown.assign(**{header[4]: table[header[4]]})[header]


def reading_quality(ledger: pd.DataFrame, rejects: pd.DataFrame, language: str = "vi") -> str:
    """How many rows were read and rejected, and the most frequent reason."""
    from ..core.messages import reason_label

    read, rejected = int(ledger["rows_read"].sum()), int(ledger["rows_rejected"].sum())
    files = int((ledger["rows_rejected"] > 0).sum())
    refused, copies = files_with(ledger, "refused"), files_with(ledger, "duplicate_of")
    notes = {
        "vi": (
            f" {len(refused)} tệp không đọc được, bị bỏ qua: {', '.join(refused)}."
            if refused
            else ""
        )
        + (
            f" {len(copies)} tệp gửi hai lần, chỉ đọc một lần: {', '.join(copies)}."
            if copies
            else ""
        ),
        "en": (
            f" {len(refused)} files refused and left out: {', '.join(refused)}." if refused else ""
        )
        + (f" {len(copies)} files sent twice, read once: {', '.join(copies)}." if copies else ""),
    }[language]
    if rejected == 0:
        if language == "vi":
            return f"Đã đọc {read} dòng từ {len(ledger)} tệp; không có dòng nào bị loại." + notes
        return f"{read} rows read from {len(ledger)} files; no row was rejected." + notes
    top = rejects["reason"].value_counts().sort_index().idxmax()
    if language == "vi":
        return (
            f"Đã đọc {read} dòng từ {len(ledger)} tệp; {rejected} dòng bị loại ở {files} tệp; "
            f"lỗi thường gặp nhất: {reason_label(top, language).lower()}." + notes
        )
    return (
        f"{read} rows read from {len(ledger)} files; {rejected} rows rejected in {files} files; "
        f"most frequent problem: {reason_label(top, language).lower()}." + notes
    )


# --- classification check --------------------------------------------------------------------

STATUS_WORDS = {
    "vi": {
        "poor": "nghèo",
        "near_poor": "cận nghèo",
        "not_poor": "không nghèo",
        "unknown": "không xác định",
    },
    "en": {"poor": "poor", "near_poor": "near-poor", "not_poor": "not poor", "unknown": "unknown"},
}


def mismatch_summary(
    mismatches: pd.DataFrame, commune_names: dict[str, str], language: str = "vi"
) -> pd.DataFrame:
    """Per commune: how many households' recorded status differs from the one the standard
    implies, by recorded → derived status."""
    words = STATUS_WORDS[language]
    header = (
        ["Xã", "Ghi nhận → theo chuẩn", "Số hộ"]
        if language == "vi"
        else ["Commune", "Recorded → standard", "Households"]
    )
    if mismatches.empty:
        return pd.DataFrame(columns=header)
    pair = (
        mismatches["recorded_status"].map(words) + " → " + mismatches["derived_status"].map(words)
    )
    table = (
        mismatches.assign(
            pair=pair, name=mismatches["commune_code"].map(lambda c: commune_names.get(c, c))
        )
        .groupby(["name", "pair"])
        .size()
        .reset_index()
    )
    return table.set_axis(header, axis=1)


def mismatch_list(
    mismatches: pd.DataFrame, commune_names: dict[str, str], language: str = "vi"
) -> pd.DataFrame:
    """Each mismatched household by its code (no personal data) with the reason."""
    header = ["Xã", "Mã hộ", "Lý do"] if language == "vi" else ["Commune", "Household", "Reason"]
    if mismatches.empty:
        return pd.DataFrame(columns=header)
    table = pd.DataFrame(
        {
            header[0]: mismatches["commune_code"].map(lambda c: commune_names.get(c, c)),
            header[1]: mismatches["household_id"],
            header[2]: mismatches["message_vi" if language == "vi" else "message"],
        }
    ).reset_index(drop=True)
    # household codes are the validated ones of households.parquet; the reasons pass here
    return table.assign(**{header[2]: redact_frame(table[[header[2]]])[header[2]]})


# --- deprivations ----------------------------------------------------------------------------


def af_table(
    af: pd.DataFrame, names: dict[str, str], scheme: str, language: str = "vi"
) -> pd.DataFrame:
    """Per commune and the district: households, H, A, M0 (one scheme) and the share of the
    district's M0."""
    data = af[(af["scheme"] == scheme) & (af["indicator"] == "")]
    grid = data.pivot_table(
        index=["unit_level", "unit_code"], columns="measure", values="value"
    ).reset_index()
    grid = grid.sort_values(
        ["unit_level", "unit_code"],
        key=lambda s: s.map({"commune": 0, "district": 1}) if s.name == "unit_level" else s,
    )
    header = (
        ["Đơn vị", "Số hộ", "H (%)", "A (%)", "M0", "Đóng góp vào M0 huyện (%)"]
        if language == "vi"
        else ["Unit", "Households", "H (%)", "A (%)", "M0", "Share of district M0 (%)"]
    )
    share = grid.get("contribution_to_district_percent", pd.Series(np.nan, index=grid.index))
    return pd.DataFrame(
        {
            header[0]: grid["unit_code"].map(lambda c: names.get(c, c)),
            header[1]: grid["households"].map(lambda v: format_vn_integer(int(v))),
            header[2]: (100 * grid["H"]).map(lambda v: format_vn_decimal(v)),
            header[3]: (100 * grid["A"]).map(lambda v: format_vn_decimal(v)),
            header[4]: grid["M0"].map(lambda v: format_vn_decimal(v, 4)),
            header[5]: share.map(lambda v: "" if v != v else format_vn_decimal(v)),
        }
    ).reset_index(drop=True)


def breakdown_table(breakdowns: pd.DataFrame, breakdown: str, language: str = "vi") -> pd.DataFrame:
    """District, all areas: poor and near-poor households by category of one breakdown."""
    data = breakdowns[
        (breakdowns["unit_level"] == "district")
        & (breakdowns["block"] == "total")
        & (breakdowns["breakdown"] == breakdown)
    ]
    grid = (
        data.pivot_table(index="category", columns="status", values="households", aggfunc="sum")
        .fillna(0)
        .astype(int)
    )
    header = (
        ["Nhóm", "Hộ nghèo", "Hộ cận nghèo"] if language == "vi" else ["Group", "Poor", "Near-poor"]
    )
    return pd.DataFrame(
        {
            header[0]: [
                group_label(c, language) if breakdown == "group" else c for c in grid.index
            ],
            header[1]: grid.get("poor", 0),
            header[2]: grid.get("near_poor", 0),
        }
    ).reset_index(drop=True)


def reading_deprivations(
    af: pd.DataFrame,
    names: dict[str, str],
    indicator_names: dict[str, str],
    scheme: str = "nested",
    language: str = "vi",
) -> str:
    """Which deprivation weighs most in the district's M0 (weights `scheme`), and where
    each commune differs."""
    data = af[(af["scheme"] == scheme) & (af["measure"] == "contribution_percent")]
    district = data[data["unit_level"] == "district"].set_index("indicator")["value"].dropna()
    if district.empty:
        return (
            "Không có hộ nào nghèo đa chiều theo ngưỡng đã chọn."
            if language == "vi"
            else "No household is multidimensionally poor at the chosen cutoff."
        )
    top = district.idxmax()
    communes = data[data["unit_level"] == "commune"].dropna(subset=["value"])
    tops = communes.loc[communes.groupby("unit_code")["value"].idxmax()]
    others = tops[tops["indicator"] != top]
    name = indicator_names.get(top, top)
    if language == "vi":
        text = f"Toàn huyện, thiếu hụt “{name}” đóng góp nhiều nhất vào chỉ số nghèo đa chiều ({format_vn_decimal(district[top])} %)"
        if len(others):
            places = "; ".join(
                f"{names.get(r.unit_code, r.unit_code)}: “{indicator_names.get(r.indicator, r.indicator)}”"
                for r in others.itertuples()
            )
            text += f"; riêng các xã sau có thiếu hụt nổi bật khác — {places}"
        return text + "."
    text = f"In the district, “{name}” contributes most to multidimensional poverty ({format_vn_decimal(district[top])} %)"
    if len(others):
        places = "; ".join(
            f"{names.get(r.unit_code, r.unit_code)}: “{indicator_names.get(r.indicator, r.indicator)}”"
            for r in others.itertuples()
        )
        text += f"; these communes differ — {places}"
    return text + "."


def _rate_text(value: float) -> str:
    return "" if pd.isna(value) else format_vn_decimal(round_half_up(float(value)))


def trend_rates_table(trends: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Poor and near-poor rates (%) per unit and review year, units in display order and
    the district last; an unmapped unit is marked `*`."""
    vi = language == "vi"
    data = trends.assign(
        last=trends["level"] == "district",
        unit=trends["unit_name"] + np.where(trends["mapped"], "", " *"),
    ).sort_values(["last", "display_order", "unit_code", "review_year"])
    out = {}
    for column, word in (
        ("poor_rate", "Hộ nghèo" if vi else "Poor"),
        ("near_poor_rate", "Hộ cận nghèo" if vi else "Near-poor"),
    ):
        wide = data.pivot_table(
            index=["last", "display_order", "unit"],
            columns="review_year",
            values=column,
            aggfunc="first",
            sort=True,
        )
        for year in wide.columns:
            out[f"{word} {year} (%)"] = wide[year].map(_rate_text)
    table = pd.DataFrame(out)
    table.index = [unit for _, _, unit in table.index]
    table.index.name = "Đơn vị" if vi else "Unit"
    return table.reset_index()


def flows_summary(flows: pd.DataFrame, group: str = "poor", language: str = "vi") -> pd.DataFrame:
    """The flows of one group in households, one row per unit (district last), labelled
    as in the form, for every pair of reviews."""
    lang = 0 if language == "vi" else 1
    number = 0 if group == "poor" else 1
    rows = flows[(flows["flow_group"] == group) & (flows["measure"] == "households")]
    rows = rows.assign(last=rows["level"] == "district").sort_values(
        ["review_year", "last", "display_order", "unit_code"]
    )
    table = pd.DataFrame(
        {
            ("Năm" if lang == 0 else "Year"): rows["previous_year"].astype(str)
            + "→"
            + rows["review_year"].astype(str),
            ("Đơn vị" if lang == 0 else "Unit"): [
                unit_label(level, name, language)
                for level, name in zip(rows["level"], rows["unit_name"], strict=True)
            ],
            **{FLOW_LABELS[key][number][lang]: rows[key].astype(int) for key in FLOW_LABELS},
        }
    )
    return table.reset_index(drop=True)


def attainment_table(attainment: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Target attainment per unit (district last) for every plan judged."""
    lang = 0 if language == "vi" else 1
    rows = attainment.assign(last=attainment["level"] == "district").sort_values(
        ["plan_year", "last", "display_order", "unit_code"]
    )
    band = (
        rows["new_poor_band_low"].map(lambda v: format_vn_decimal(v, 1))
        + " - "
        + rows["new_poor_band_high"].map(lambda v: format_vn_decimal(v, 1))
    )
    table = {("Kế hoạch năm" if lang == 0 else "Plan year"): rows["plan_year"].astype(int)}
    for key, names in ATTAINMENT_LABELS.items():
        if key in ("planned_end_rate", "actual_end_rate"):
            values = rows[key].map(_rate_text)
        elif key == "new_poor_band":
            values = band
        elif key in ("status", "new_poor_position"):
            values = rows[key].map(lambda v: ATTAINMENT_WORDS[v][lang])
        elif key == "unit_name":
            values = [
                unit_label(level, name, language)
                for level, name in zip(rows["level"], rows["unit_name"], strict=True)
            ]
        else:
            values = rows[key].astype(int)
        table[names[lang]] = values
    return pd.DataFrame(table).reset_index(drop=True)


def reading_trends(
    trends: pd.DataFrame, flows: pd.DataFrame, attainment: pd.DataFrame, language: str = "vi"
) -> str:
    """The district's poor rate from the first to the last review, the latest flows, and
    how many communes met the latest plan."""
    vi = language == "vi"
    district = trends[trends["level"] == "district"].sort_values("review_year")
    first, last = district.iloc[0], district.iloc[-1]
    text = (
        f"Tỷ lệ hộ nghèo toàn huyện từ {_rate_text(first['poor_rate'])} % (cuối năm "
        f"{int(first['review_year'])}) còn {_rate_text(last['poor_rate'])} % (cuối năm "
        f"{int(last['review_year'])})."
        if vi
        else f"The district's poor rate went from {_rate_text(first['poor_rate'])} % (end of "
        f"{int(first['review_year'])}) to {_rate_text(last['poor_rate'])} % (end of "
        f"{int(last['review_year'])})."
    )
    poor = flows[
        (flows["level"] == "district")
        & (flows["flow_group"] == "poor")
        & (flows["measure"] == "households")
    ].sort_values("review_year")
    if not poor.empty:
        f = poor.iloc[-1]
        fallen = int(f["increase_changed_status"] + f["increase_re_poor"] + f["increase_newly"])
        exits = int(f["decrease_changed_status"] + f["decrease_rose_above_near_poor_line"])
        text += (
            f" Năm {int(f['review_year'])}: {exits} hộ thoát nghèo, {fallen} hộ rơi vào nghèo "
            f"(trong đó {int(f['increase_re_poor'])} hộ tái nghèo, {int(f['increase_newly'])} hộ "
            f"phát sinh mới)."
            if vi
            else f" In {int(f['review_year'])}: {exits} households left poverty and {fallen} fell "
            f"into it ({int(f['increase_re_poor'])} re-poor, {int(f['increase_newly'])} newly "
            f"poor)."
        )
    if not attainment.empty:
        latest = attainment[attainment["plan_year"] == attainment["plan_year"].max()]
        communes = latest[latest["level"] == "commune"]
        met = int((communes["status"] == "met").sum())
        total = latest[latest["level"] == "district"].iloc[0]
        word = ATTAINMENT_WORDS[total["status"]][0 if vi else 1].lower()
        text += (
            f" Kế hoạch năm {int(total['plan_year'])}: {met}/{len(communes)} xã đạt chỉ tiêu; "
            f"toàn huyện {word} (kế hoạch {_rate_text(total['planned_end_rate'])} %, thực tế "
            f"{_rate_text(total['actual_end_rate'])} %)."
            if vi
            else f" The {int(total['plan_year'])} plan: {met} of {len(communes)} communes met "
            f"their target; the district: {word} (planned {_rate_text(total['planned_end_rate'])}"
            f" %, actual {_rate_text(total['actual_end_rate'])} %)."
        )
    return text


STATEMENT_LABELS = {
    "reduction_goal": ("Mục tiêu giảm tỷ lệ hộ nghèo so với khung", "Target against the goal band"),
    "target": ("Chỉ tiêu giảm hộ nghèo trong năm", "The year's reduction target"),
    "new_poor": ("Hộ nghèo phát sinh dự kiến", "Expected new poor"),
}


def reconciliation_counts(table: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """How many printed values were checked and what was found, per section."""
    lang = 0 if language == "vi" else 1
    counts = table.groupby(["section", "finding"], sort=False).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[f for f in FINDING_LABELS if f in counts.columns])
    counts.index = [SECTION_LABELS[s][lang] for s in counts.index]
    counts.columns = [FINDING_LABELS[f][lang] for f in counts.columns]
    return counts


def reconciliation_differences(table: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Every printed value that differs, in the order of the document: where it is, what
    is printed, what is recomputed, and why they differ."""
    lang = 0 if language == "vi" else 1
    rows = table[table["finding"] != "match"].sort_values("position")
    words = ("Phần", "Đơn vị", "Cột", "Số in", "Tính lại", "Loại", "Giải thích")
    if lang:
        words = ("Section", "Unit", "Column", "Printed", "Recomputed", "Kind", "Explanation")
    headline = {name: (vi, en) for name, vi, en, _ in HEADLINE}
    units = [
        (headline if section == "headline" else STATEMENT_LABELS).get(unit, (unit, unit))[lang]
        if section != "commune_table"
        else unit
        for section, unit in zip(rows["section"], rows["unit"], strict=True)
    ]
    return pd.DataFrame(
        {
            words[0]: rows["section"].map(lambda s: SECTION_LABELS[s][lang]),
            words[1]: units,
            words[2]: rows["column_label"].where(rows["column_label"] != "", rows["column"]),
            words[3]: rows["printed"],
            words[4]: rows["recomputed_text"],
            words[5]: rows["finding"].map(lambda f: FINDING_LABELS[f][lang]),
            words[6]: rows["message_vi" if lang == 0 else "message_en"],
        }
    ).reset_index(drop=True)


def reading_reconciliation(table: pd.DataFrame, language: str = "vi") -> str:
    """One sentence: how many printed values were checked, how many match, what differs."""
    checked = len(table)
    differ = table[table["finding"] != "match"]
    counts = differ["finding"].value_counts()
    lang = 0 if language == "vi" else 1
    kinds = ", ".join(f"{FINDING_LABELS[f][lang].lower()}: {n}" for f, n in counts.items())
    counts_ok = not (differ["finding"] == "count_differs").any()
    if lang == 0:
        return (
            f"Đã thực hiện {checked} phép so sánh giữa số in trong kế hoạch và số tính lại từ "
            f"danh sách hộ: {checked - len(differ)} khớp, {len(differ)} khác "
            f"({kinds or 'không có'}). "
            + ("Mọi số đếm đều khớp chính xác." if counts_ok else "Có số đếm không khớp.")
        )
    return (
        f"{checked} comparisons of the printed plan with the values recomputed from the "
        f"households: {checked - len(differ)} match, {len(differ)} differ ({kinds or 'none'}). "
        + ("Every count matches exactly." if counts_ok else "Some counts differ.")
    )


def geography_notes(trends: pd.DataFrame, language: str = "vi") -> list[str]:
    """One sentence per unit that could not be mapped (why), and per unit that sums
    several of a review's communes (which ones, in which years)."""
    vi = language == "vi"
    notes = [
        ("Không ánh xạ được: " if vi else "Not mapped: ") + note
        for note in trends.loc[~trends["mapped"]].drop_duplicates("unit_code")["note"]
    ]
    merged = trends[trends["source_codes"].str.contains("|", regex=False)]
    for (name, codes), rows in merged.groupby(["unit_name", "source_codes"], sort=True):
        years = ", ".join(str(y) for y in sorted(rows["review_year"]))
        codes = codes.replace("|", ", ")
        notes.append(
            f"{name} năm {years} là tổng các xã mã {codes}."
            if vi
            else f"{name} in {years} is the sum of the communes {codes}."
        )
    return notes
