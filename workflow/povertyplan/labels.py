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
