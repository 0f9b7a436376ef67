"""Words users read, in Vietnamese (default) and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "poor": {"vi": "Hộ nghèo", "en": "Poor"},
    "near_poor": {"vi": "Hộ cận nghèo", "en": "Near-poor"},
    "not_poor": {"vi": "Không nghèo", "en": "Not poor"},
    "poor_rate": {"vi": "Tỷ lệ hộ nghèo (%)", "en": "Poor rate (%)"},
    "near_poor_rate": {"vi": "Tỷ lệ hộ cận nghèo (%)", "en": "Near-poor rate (%)"},
    "households": {"vi": "Số hộ", "en": "Households"},
    "commune": {"vi": "Xã, thị trấn", "en": "Commune"},
    "ethnic_minority": {"vi": "Hộ DTTS", "en": "Ethnic-minority households"},
    "poor_now": {"vi": "Hộ nghèo đầu năm", "en": "Poor at start of year"},
    "poor_end": {"vi": "Hộ nghèo cuối năm (kế hoạch)", "en": "Poor at end of year (planned)"},
    "percent_of_households": {"vi": "% số hộ", "en": "% of households"},
    "points": {"vi": "điểm phần trăm", "en": "percentage points"},
    "total": {"vi": "TỔNG CỘNG", "en": "TOTAL"},
}

# The commune target table of the plan: (key, vi, en, index label) per column.
PLAN_TABLE_COLUMNS: list[tuple[str, str, str, str]] = [
    ("tt", "TT", "No.", "A"),
    ("don_vi", "Đơn vị", "Unit", "B"),
    ("dan_so_ho", "Dân số (hộ)", "Households", "I"),
    ("ho_ngheo", "Hộ nghèo", "Poor", "2"),
    ("ty_le", "Tỷ lệ (%)", "Rate (%)", "3"),
    ("ho_cs_gn", "Hộ CS GN", "Targeted to exit", "4"),
    ("ty_le_cs_gn", "Tỷ lệ (%)", "Rate (%)", "5"),
    ("hn_cung", "HN cứng", "Hard-core poor", "6"),
    ("ty_le_hn_cung", "Tỷ lệ (%)", "Rate (%)", "7"),
    ("ho_giam", "Hộ giảm", "Reduction", "8"),
    ("ty_le_giam", "Tỷ lệ giảm", "Reduction rate", "9"),
    ("ho_ngheo_cuoi_nam", "Hộ nghèo", "Poor", "10=2-8"),
    ("ty_le_cuoi_nam", "Tỷ lệ (%)", "Rate (%)", "11=3-9"),
]

# Upper header groups: (first column key, last column key, vi, en); {year} = plan year.
PLAN_TABLE_GROUPS: list[tuple[str, str, str, str]] = [
    ("dan_so_ho", "ty_le", "Hộ nghèo {year}", "Poor households {year}"),
    ("ho_cs_gn", "ty_le_hn_cung", "Hộ nghèo theo nhóm đối tượng", "Poor households by group"),
    ("ho_giam", "ty_le_giam", "Chỉ tiêu GN {year}", "Poverty reduction target {year}"),
    ("ho_ngheo_cuoi_nam", "ty_le_cuoi_nam", "Hộ nghèo cuối năm {year}", "Poor at end of {year}"),
]


def label(key: str, language: str = "vi") -> str:
    """The label of `key` in `language` (vi or en)."""
    return LABELS[key][language]


# categories of the group breakdown: code -> (vi, en)
GROUP_LABELS = {
    "ethnic_minority": ("Dân tộc thiểu số", "Ethnic minority"),
    "no_labour": ("Không có lao động", "No labour capacity"),
    "merit": ("Người có công", "Merit"),
    "social_protection": ("Bảo trợ xã hội", "Social protection"),
    "head_female": ("Chủ hộ là nữ", "Female head"),
    "not_reported": ("Không có thông tin", "Not reported"),
}


def group_label(category: str, language: str = "vi") -> str:
    """The label of a group-breakdown category (`not_reported:merit` → "Người có công: không
    có thông tin")."""
    index = 0 if language == "vi" else 1
    if category.startswith("not_reported:"):
        group = category.split(":", 1)[1]
        words = ("không có thông tin", "not reported")[index]
        return f"{GROUP_LABELS.get(group, (group, group))[index]}: {words}"
    return GROUP_LABELS.get(category, (category, category))[index]


# Causes of poverty, the forms' categories (the phrases that name them are in
# config/columns.yaml): code -> (vi, en)
CAUSE_LABELS: dict[str, tuple[str, str]] = {
    "land": ("Thiếu đất sản xuất", "Lack of land"),
    "capital": ("Thiếu vốn", "Lack of capital"),
    "labour": ("Thiếu lao động", "Lack of labour"),
    "tools": ("Thiếu công cụ, phương tiện sản xuất", "Lack of tools"),
    "knowledge": ("Không biết cách làm ăn", "Lack of production knowledge"),
    "skills": ("Thiếu tay nghề, kỹ năng", "Lack of skills"),
    "illness": ("Ốm đau, bệnh nặng, tai nạn", "Illness or accident"),
    "no_work": ("Không có việc làm", "No work"),
    "dependants": ("Đông người ăn theo", "Many dependants"),
    "unwilling_to_work": ("Chây lười lao động", "Unwilling to work"),
    "other": ("Nguyên nhân khác", "Other"),
    "not_reported": ("Không có thông tin", "Not reported"),
}


def cause_label(category: str, language: str = "vi") -> str:
    """The label of a cause of poverty (`illness` → "Ốm đau, bệnh nặng, tai nạn")."""
    return CAUSE_LABELS.get(category, (category, category))[0 if language == "vi" else 1]


# Columns of the flow forms ("diễn biến"): key -> (vi, en) for poor, then near-poor rows.
FLOW_LABELS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "opening": (("Đầu kỳ", "Opening"),) * 2,
    "decreases": (("Tổng số giảm", "Total decrease"),) * 2,
    "decrease_changed_status": (
        ("Chuyển thành hộ cận nghèo", "Became near-poor"),
        ("Chuyển thành hộ nghèo", "Became poor"),
    ),
    "decrease_rose_above_near_poor_line": (
        ("Vượt chuẩn cận nghèo", "Rose above the near-poor line"),
    )
    * 2,
    "decrease_other": (("Giảm khác (chuyển đi, giải thể)", "Other (moved out, dissolved)"),) * 2,
    "increases": (("Tổng số tăng", "Total increase"),) * 2,
    "increase_changed_status": (
        ("Hộ cận nghèo thành hộ nghèo", "Near-poor became poor"),
        ("Hộ nghèo thành hộ cận nghèo", "Poor became near-poor"),
    ),
    "increase_re_poor": (("Tái nghèo", "Re-poor"), ("Tái nghèo (không áp dụng)", "Re-poor (n/a)")),
    "increase_newly": (("Phát sinh mới", "Newly poor"), ("Phát sinh mới", "Newly near-poor")),
    "increase_other": (("Tăng khác (chuyển đến, hộ mới)", "Other (moved in, new households)"),) * 2,
    "closing": (("Cuối kỳ", "Closing"),) * 2,
}

# Target attainment: column -> (vi, en); status and band words.
ATTAINMENT_LABELS: dict[str, tuple[str, str]] = {
    "unit_name": ("Đơn vị", "Unit"),
    "poor_at_plan": ("Hộ nghèo khi lập kế hoạch", "Poor when planned"),
    "target_reduction": ("Chỉ tiêu giảm (hộ)", "Target reduction (households)"),
    "exits": ("Thoát nghèo (hộ)", "Exits (households)"),
    "net_reduction": ("Giảm thực (hộ)", "Net reduction (households)"),
    "planned_end_rate": ("Tỷ lệ cuối năm kế hoạch (%)", "Planned end rate (%)"),
    "actual_end_rate": ("Tỷ lệ cuối năm thực tế (%)", "Actual end rate (%)"),
    "new_poor": ("Hộ nghèo mới (hộ)", "New poor (households)"),
    "new_poor_band": ("Dự kiến phát sinh (hộ)", "Expected new poor (households)"),
    "new_poor_position": ("So với dự kiến", "Against the band"),
    "status": ("Đánh giá", "Assessment"),
}
ATTAINMENT_WORDS: dict[str, tuple[str, str]] = {
    "met": ("Đạt", "Met"),
    "exits_met_offset_by_new_poor": (
        "Đạt số thoát nghèo, chưa đạt tỷ lệ do phát sinh mới",
        "Exits met, rate missed because of new poor",
    ),
    "not_met": ("Không đạt", "Not met"),
    "no_plan": ("Không có trong kế hoạch", "Not in the plan"),
    "below": ("Thấp hơn", "Below"),
    "within": ("Trong khoảng", "Within"),
    "above": ("Cao hơn", "Above"),
}


def unit_label(level: str, name: str, language: str = "vi") -> str:
    """How a unit is shown in tables: a commune by its name, the district as its total."""
    if level == "district":
        return f"Toàn huyện {name}" if language == "vi" else f"{name} district"
    return name


# Reconciliation findings: code -> (vi, en).
FINDING_LABELS: dict[str, tuple[str, str]] = {
    "match": ("Khớp", "Matches"),
    "count_differs": ("Số đếm khác", "Count differs"),
    "truncated": ("Cắt bớt thay vì làm tròn", "Truncated instead of rounded"),
    "last_digit_off_by_one": ("Lệch 1 ở chữ số cuối", "Off by one in the last digit"),
    "rate_differs": ("Tỷ lệ khác", "Rate differs"),
    "total_not_sum": ("Dòng tổng khác tổng các dòng", "Total is not the sum of its rows"),
    "formula_broken": ("Sai công thức của cột", "Breaks the column's printed formula"),
    "statements_disagree": ("Hai nội dung không khớp nhau", "Two statements disagree"),
    "commune_missing": ("Xã không có trong bảng", "Commune missing from the table"),
    "commune_not_in_data": ("Xã không có trong dữ liệu", "Commune not in the data"),
}
SECTION_LABELS: dict[str, tuple[str, str]] = {
    "headline": ("Phần I: số liệu chung", "Section I: headline figures"),
    "commune_table": ("Bảng chỉ tiêu các xã", "Commune table"),
    "statements": ("Phần III: mục tiêu", "Section III: goals"),
}
