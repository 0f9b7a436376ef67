"""Words users read, in Vietnamese (default) and English."""

from __future__ import annotations

from collections.abc import Iterable

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
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "year": {"vi": "Năm", "en": "Year"},
    "plan_year": {"vi": "Kế hoạch năm", "en": "Plan year"},
    "yes": {"vi": "Có", "en": "Yes"},
    "no": {"vi": "Không", "en": "No"},
    # --- overview: section I of the plan (headline counts) and the commune rates ----------
    "headline.households": {"vi": "Tổng số hộ", "en": "Households"},
    "headline.ethnic_minority": {
        "vi": "Hộ dân tộc thiểu số (DTTS)",
        "en": "Ethnic-minority households",
    },
    "headline.poor": {"vi": "Hộ nghèo", "en": "Poor households"},
    "headline.near_poor": {"vi": "Hộ cận nghèo", "en": "Near-poor households"},
    "headline.poor_ethnic_minority": {
        "vi": "Hộ nghèo DTTS",
        "en": "Poor ethnic-minority households",
    },
    "headline.near_poor_ethnic_minority": {
        "vi": "Hộ cận nghèo DTTS",
        "en": "Near-poor ethnic-minority households",
    },
    "headline_table.figure": {"vi": "Chỉ tiêu", "en": "Figure"},
    "headline_table.share": {"vi": "Tỷ lệ trên tổng số hộ", "en": "Share of all households"},
    "rates_table.poor_rate": {"vi": "Tỷ lệ nghèo (%)", "en": "Poor rate (%)"},
    "rates_table.near_poor_rate": {"vi": "Tỷ lệ cận nghèo (%)", "en": "Near-poor rate (%)"},
    "rates_table.ethnic_minority": {"vi": "Hộ DTTS", "en": "Ethnic-minority"},
    "rates_table.poor_ethnic_minority": {"vi": "Hộ nghèo DTTS", "en": "Poor ethnic-minority"},
    "reading.rates": {
        "vi": "{top} có tỷ lệ hộ nghèo cao nhất ({top_rate} %), gấp {ratio} lần mức toàn huyện "
        "({district_rate} %); {low} thấp nhất ({low_rate} %).",
        "en": "{top} has the highest poor rate ({top_rate} %), {ratio} times the district's "
        "({district_rate} %); {low} the lowest ({low_rate} %).",
    },
    "reading.minority": {
        "vi": "{total} hộ DTTS ({share} % số hộ) sống ở {communes} xã ({names}); {poor} hộ trong "
        "số đó là hộ nghèo ({poor_share} % hộ DTTS).",
        "en": "{total} ethnic-minority households ({share} % of all) live in {communes} communes "
        "({names}); {poor} of them are poor ({poor_share} % of ethnic-minority households).",
    },
    # --- targets: the plan's reduction and its goals ---------------------------------------
    "reading.targets": {
        "vi": "Năm {plan} kế hoạch giảm {cut} hộ nghèo: tỷ lệ hộ nghèo toàn huyện từ {before} % "
        "xuống {after} %; {top} giảm nhiều nhất ({points} điểm).",
        "en": "For {plan} the plan cuts {cut} poor households: the district's poor rate goes "
        "from {before} % to {after} %; {top} cuts most ({points} points).",
    },
    "reading.goals": {
        "vi": "Mục tiêu giảm {value} điểm {inside} khung {low}-{high} điểm. Hai cách nêu số hộ "
        "nghèo phát sinh ({households} hộ và {percent}, tức {as_households} hộ) {agree}.",
        "en": "The target cut of {value} points lies {inside} the {low}-{high} point band. The "
        "two statements of expected new poor ({households} households and {percent}, i.e. "
        "{as_households} households) {agree}.",
    },
    "reading.goals.inside": {"vi": "nằm trong", "en": "inside"},
    "reading.goals.outside": {"vi": "nằm ngoài", "en": "outside"},
    "reading.goals.agree": {"vi": "khớp nhau", "en": "agree"},
    "reading.goals.disagree": {"vi": "không khớp nhau", "en": "do not agree"},
    "goal_check.target_reduction": {"vi": "Giảm hộ nghèo (hộ)", "en": "Cut in poor households"},
    "goal_check.target_reduction_rate": {
        "vi": "Giảm tỷ lệ hộ nghèo (điểm %)",
        "en": "Cut in the poor rate (points)",
    },
    "goal_check.reduction_band": {"vi": "Khung mục tiêu (điểm %)", "en": "Goal band (points)"},
    "goal_check.target_within_band": {
        "vi": "Mục tiêu nằm trong khung",
        "en": "Target inside the band",
    },
    "goal_check.new_poor_households": {
        "vi": "Hộ nghèo phát sinh dự kiến (hộ)",
        "en": "Expected new poor (households)",
    },
    "goal_check.new_poor_percent": {
        "vi": "Hộ nghèo phát sinh dự kiến (% số hộ)",
        "en": "Expected new poor (% of households)",
    },
    "goal_check.new_poor_percent_as_households": {"vi": "… quy ra số hộ", "en": "… as households"},
    "goal_check.new_poor_ranges_agree": {
        "vi": "Hai cách nêu khớp nhau",
        "en": "The two statements agree",
    },
    "goals_table.check": {"vi": "Kiểm tra", "en": "Check"},
    "goals_table.result": {"vi": "Kết quả", "en": "Result"},
    # --- data quality: the files read, the rejected rows, the classification check -----------
    "ledger.source_file": {"vi": "Tệp", "en": "File"},
    "ledger.file_encoding": {"vi": "Định dạng / mã", "en": "Format / encoding"},
    "ledger.text_encodings": {
        "vi": "Cột chuyển mã cũ",
        "en": "Columns converted from legacy encodings",
    },
    "ledger.rows_read": {"vi": "Dòng đọc", "en": "Rows read"},
    "ledger.rows_kept": {"vi": "Dòng hợp lệ", "en": "Rows kept"},
    "ledger.rows_rejected": {"vi": "Dòng bị loại", "en": "Rows rejected"},
    "ledger.grid_rows": {"vi": "Tổng số dòng trong tệp", "en": "Rows in the file"},
    "ledger.title_rows": {"vi": "Tiêu đề", "en": "Title"},
    "ledger.header_rows": {"vi": "Dòng tên cột", "en": "Header"},
    "ledger.index_rows": {"vi": "Dòng số thứ tự cột", "en": "Index row"},
    "ledger.section_rows": {"vi": "Dòng mục (I., II.)", "en": "Section rows"},
    "ledger.total_rows": {"vi": "Dòng cộng", "en": "Totals"},
    "ledger.blank_rows": {"vi": "Dòng trống", "en": "Blank"},
    "ledger.footer_rows": {"vi": "Chữ ký", "en": "Footer"},
    "ledger.income_unit": {"vi": "Đơn vị thu nhập", "en": "Income unit"},
    "ledger.duplicate_of": {"vi": "Giống hệt tệp (đọc một lần)", "en": "Copy of (read once)"},
    "ledger.refused": {"vi": "Tệp không đọc được", "en": "File refused"},
    "ledger.total": {"vi": "Tổng", "en": "Total"},
    "income_unit.dong": {"vi": "đồng", "en": "đồng"},
    "income_unit.thousand_dong": {
        "vi": "nghìn đồng (đã nhân 1.000)",
        "en": "thousand đồng (×1,000)",
    },
    "rejects_table.reason": {"vi": "Lý do", "en": "Reason"},
    "rejects_table.code": {"vi": "Mã lý do", "en": "Code"},
    "rejects_table.problems": {"vi": "Số lỗi", "en": "Problems"},
    "rejects_table.rows": {"vi": "Số dòng", "en": "Rows"},
    "send_back.commune": {"vi": "Xã", "en": "Commune"},
    "send_back.file": {"vi": "Tệp", "en": "File"},
    "send_back.row": {"vi": "Dòng", "en": "Row"},
    "send_back.column": {"vi": "Cột", "en": "Column"},
    "send_back.problem": {"vi": "Nội dung", "en": "Problem"},
    "send_back.unknown_commune": {"vi": "(không rõ xã)", "en": "(commune unknown)"},
    "reading.quality.refused": {
        "vi": "{count} tệp không đọc được, bị bỏ qua: {files}.",
        "en": "{count} files refused and left out: {files}.",
    },
    "reading.quality.copies": {
        "vi": "{count} tệp gửi hai lần, chỉ đọc một lần: {files}.",
        "en": "{count} files sent twice, read once: {files}.",
    },
    "reading.quality.none_rejected": {
        "vi": "Đã đọc {read} dòng từ {files} tệp; không có dòng nào bị loại.",
        "en": "{read} rows read from {files} files; no row was rejected.",
    },
    "reading.quality.rejected": {
        "vi": "Đã đọc {read} dòng từ {files} tệp; {rejected} dòng bị loại ở {rejected_files} "
        "tệp; lỗi thường gặp nhất: {reason}.",
        "en": "{read} rows read from {files} files; {rejected} rows rejected in "
        "{rejected_files} files; most frequent problem: {reason}.",
    },
    "status.poor": {"vi": "nghèo", "en": "poor"},
    "status.near_poor": {"vi": "cận nghèo", "en": "near-poor"},
    "status.not_poor": {"vi": "không nghèo", "en": "not poor"},
    "status.unknown": {"vi": "không xác định", "en": "unknown"},
    "mismatch_table.commune": {"vi": "Xã", "en": "Commune"},
    "mismatch_table.pair": {"vi": "Ghi nhận → theo chuẩn", "en": "Recorded → standard"},
    "mismatch_table.household": {"vi": "Mã hộ", "en": "Household"},
    "mismatch_table.reason": {"vi": "Lý do", "en": "Reason"},
    # --- deprivations ----------------------------------------------------------------------
    "af_table.h": {"vi": "H (%)", "en": "H (%)"},
    "af_table.a": {"vi": "A (%)", "en": "A (%)"},
    "af_table.m0": {"vi": "M0", "en": "M0"},
    "af_table.share": {"vi": "Đóng góp vào M0 huyện (%)", "en": "Share of district M0 (%)"},
    "breakdown_table.group": {"vi": "Nhóm", "en": "Group"},
    "reading.deprivations.none": {
        "vi": "Không có hộ nào nghèo đa chiều theo ngưỡng đã chọn.",
        "en": "No household is multidimensionally poor at the chosen cutoff.",
    },
    "reading.deprivations.top": {
        "vi": "Toàn huyện, thiếu hụt “{name}” đóng góp nhiều nhất vào chỉ số nghèo đa chiều "
        "({share} %)",
        "en": "In the district, “{name}” contributes most to multidimensional poverty ({share} %)",
    },
    "reading.deprivations.others": {
        "vi": "; riêng các xã sau có thiếu hụt nổi bật khác — {places}",
        "en": "; these communes differ — {places}",
    },
    "total_deprivations": {"vi": "Tổng số thiếu hụt", "en": "Total deprivations"},
    # --- trends: rates over the years, flows, attainment -----------------------------------
    "reading.trends.rates": {
        "vi": "Tỷ lệ hộ nghèo toàn huyện từ {first_rate} % (cuối năm {first_year}) còn "
        "{last_rate} % (cuối năm {last_year}).",
        "en": "The district's poor rate went from {first_rate} % (end of {first_year}) to "
        "{last_rate} % (end of {last_year}).",
    },
    "reading.trends.flows": {
        "vi": "Năm {year}: {exits} hộ thoát nghèo, {fallen} hộ rơi vào nghèo (trong đó "
        "{re_poor} hộ tái nghèo, {newly} hộ phát sinh mới).",
        "en": "In {year}: {exits} households left poverty and {fallen} fell into it "
        "({re_poor} re-poor, {newly} newly poor).",
    },
    "reading.trends.plan": {
        "vi": "Kế hoạch năm {plan}: {met}/{communes} xã đạt chỉ tiêu; toàn huyện {status} "
        "(kế hoạch {planned} %, thực tế {actual} %).",
        "en": "The {plan} plan: {met} of {communes} communes met their target; the district: "
        "{status} (planned {planned} %, actual {actual} %).",
    },
    "geography.not_mapped": {"vi": "Không ánh xạ được: {note}", "en": "Not mapped: {note}"},
    "geography.merged": {
        "vi": "{name} năm {years} là tổng các xã mã {codes}.",
        "en": "{name} in {years} is the sum of the communes {codes}.",
    },
    # --- reconciliation of a published plan ------------------------------------------------
    "statement.reduction_goal": {
        "vi": "Mục tiêu giảm tỷ lệ hộ nghèo so với khung",
        "en": "Target against the goal band",
    },
    "statement.target": {
        "vi": "Chỉ tiêu giảm hộ nghèo trong năm",
        "en": "The year's reduction target",
    },
    "statement.new_poor": {"vi": "Hộ nghèo phát sinh dự kiến", "en": "Expected new poor"},
    "differences.section": {"vi": "Phần", "en": "Section"},
    "differences.column": {"vi": "Cột", "en": "Column"},
    "differences.printed": {"vi": "Số in", "en": "Printed"},
    "differences.recomputed": {"vi": "Tính lại", "en": "Recomputed"},
    "differences.kind": {"vi": "Loại", "en": "Kind"},
    "differences.explanation": {"vi": "Giải thích", "en": "Explanation"},
    "reading.reconciliation": {
        "vi": "Đã thực hiện {checked} phép so sánh giữa số in trong kế hoạch và số tính lại từ "
        "danh sách hộ: {matching} khớp, {differing} khác ({kinds}). ",
        "en": "{checked} comparisons of the printed plan with the values recomputed from the "
        "households: {matching} match, {differing} differ ({kinds}). ",
    },
    "reading.reconciliation.no_kinds": {"vi": "không có", "en": "none"},
    "reading.reconciliation.counts_match": {
        "vi": "Mọi số đếm đều khớp chính xác.",
        "en": "Every count matches exactly.",
    },
    "reading.reconciliation.counts_differ": {
        "vi": "Có số đếm không khớp.",
        "en": "Some counts differ.",
    },
    # the findings of the reconciliation, one line per compared value (message_vi/_en)
    "reconciliation.message.match": {
        "vi": "khớp",
        "en": "matches",
    },
    "reconciliation.message.count_differs": {
        "vi": "số đếm khác: in {printed}, tính lại {recomputed}",
        "en": "the count differs: printed {printed}, recomputed {recomputed}",
    },
    "reconciliation.message.truncated": {
        "vi": "in {printed}, tính lại {recomputed} (chính xác {exact}): bị cắt bớt thay vì làm tròn",
        "en": "printed {printed}, recomputed {recomputed} (exactly {exact}): truncated instead of rounded",
    },
    "reconciliation.message.last_digit_off_by_one": {
        "vi": "in {printed}, tính lại {recomputed} (chính xác {exact}): lệch 1 ở chữ số cuối",
        "en": "printed {printed}, recomputed {recomputed} (exactly {exact}): off by one in the last digit",
    },
    "reconciliation.message.rate_differs": {
        "vi": "in {printed}, tính lại {recomputed} (chính xác {exact})",
        "en": "printed {printed}, recomputed {recomputed} (exactly {exact})",
    },
    "reconciliation.message.total_not_sum": {
        "vi": "dòng tổng in {printed}, tổng các dòng in là {recomputed}",
        "en": "the total row prints {printed}, the printed rows sum to {recomputed}",
    },
    "reconciliation.message.formula_broken": {
        "vi": "cột {label} trên số in: {left} − {right} = {recomputed}, nhưng in {printed}",
        "en": "column {label} on the printed values: {left} − {right} = {recomputed}, but {printed} is printed",
    },
    "reconciliation.message.statements_disagree": {
        "vi": "{percent} % của {base} hộ là {in_households} hộ, không khớp {households} hộ",
        "en": "{percent} % of {base} households is {in_households} households, not {households}",
    },
    "reconciliation.message.band_disagree": {
        "vi": "mục tiêu {percent} % nằm ngoài khung {band} % của chính kế hoạch",
        "en": "the target {percent} % is outside the plan's own band of {band} %",
    },
    "reconciliation.message.commune_missing": {
        "vi": "xã {name} ({recomputed} hộ) không có trong bảng đã ban hành",
        "en": "{name} ({recomputed} households) is not in the published table",
    },
    "reconciliation.message.commune_not_in_data": {
        "vi": "xã {printed} có trong bảng nhưng không có hộ nào trong dữ liệu",
        "en": "{printed} is in the published table but has no household in the data",
    },
    # --- figures: titles, axes and legends ------------------------------------------------
    "figure.rates_title": {
        "vi": "Tỷ lệ hộ nghèo và hộ cận nghèo theo xã, cuối năm {year}",
        "en": "Poor and near-poor rates by commune, end of {year}",
    },
    "figure.district_line": {"vi": "Toàn huyện: {value} %", "en": "District: {value} %"},
    "figure.minority_title": {
        "vi": "Hộ dân tộc thiểu số theo xã và kết quả rà soát, cuối năm {year}",
        "en": "Ethnic-minority households by commune and review result, end of {year}",
    },
    "figure.households_axis": {"vi": "Số hộ", "en": "Households"},
    "figure.targets_title": {
        "vi": "Tỷ lệ hộ nghèo đầu năm và cuối năm {plan} theo kế hoạch",
        "en": "Poor rate at the start and planned end of {plan}",
    },
    "figure.band_title": {
        "vi": "Mục tiêu giảm tỷ lệ hộ nghèo năm {plan} so với khung mục tiêu",
        "en": "Planned cut in the poor rate for {plan} against the goal band",
    },
    "figure.band_axis": {
        "vi": "Giảm tỷ lệ hộ nghèo (điểm %)",
        "en": "Cut in the poor rate (percentage points)",
    },
    "figure.band": {
        "vi": "Khung mục tiêu {low}-{high} điểm",
        "en": "Goal band {low}-{high} points",
    },
    "figure.target": {"vi": "Mục tiêu: {value} điểm", "en": "Target: {value} points"},
    "figure.censored_axis": {
        "vi": "% số hộ nghèo đa chiều và thiếu hụt",
        "en": "% of households poor and deprived",
    },
    "figure.heatmap_title": {
        "vi": "Tỷ lệ hộ nghèo đa chiều thiếu hụt theo chỉ số và xã",
        "en": "Censored headcount ratio by indicator and commune",
    },
    "figure.indicator_axis": {"vi": "Chỉ số thiếu hụt", "en": "Indicator"},
    "figure.contribution_axis": {"vi": "Đóng góp vào M0 (%)", "en": "Contribution to M0 (%)"},
    "figure.contribution_title": {
        "vi": "Đóng góp của từng chỉ số vào chỉ số nghèo đa chiều M0 của xã",
        "en": "Contribution of each indicator to the commune's M0",
    },
    "figure.deprived_axis": {
        "vi": "% số hộ của nhóm bị thiếu hụt",
        "en": "% of the group's households deprived",
    },
    "figure.profile_title": {
        "vi": "Thiếu hụt theo chỉ số: hộ nghèo và hộ cận nghèo toàn huyện",
        "en": "Deprivations by indicator: poor and near-poor, district",
    },
    "figure.trend_title": {
        "vi": "Tỷ lệ hộ nghèo theo xã qua các năm (đơn vị hành chính năm {geography})",
        "en": "Poor rate by commune over the years (units of {geography})",
    },
    "figure.review_axis": {"vi": "Rà soát cuối năm", "en": "Review at the end of"},
    "figure.waterfall_title": {
        "vi": "Diễn biến hộ nghèo toàn huyện, cuối năm {previous} → cuối năm {year}",
        "en": "Poor households in the district, end of {previous} → end of {year}",
    },
    "figure.attainment_title": {
        "vi": "Thực hiện chỉ tiêu năm {plan}: tỷ lệ hộ nghèo kế hoạch và thực tế",
        "en": "{plan} targets: planned and actual poor rate at the end of the year",
    },
    "figure.district": {"vi": "Toàn huyện", "en": "District"},
    "figure.planned_end": {"vi": "Kế hoạch cuối năm", "en": "Planned end of year"},
    "figure.actual_end": {"vi": "Thực tế cuối năm", "en": "Actual end of year"},
    "figure.needs_two_reviews": {
        "vi": "Cần rà soát của hai năm liên tiếp",
        "en": "Needs the reviews of two consecutive years",
    },
    "figure.no_rejects": {"vi": "Không có dòng nào bị loại", "en": "No row was rejected"},
    "figure.rows_axis": {"vi": "Số dòng bị loại", "en": "Rejected rows"},
    "figure.rejects_title": {"vi": "Dòng bị loại theo lý do", "en": "Rejected rows by reason"},
    # --- workbooks: the plan table, rejects, deprivations, flows, attainment ---------------
    "plan_table.sheet": {"vi": "Chi tieu GN", "en": "Targets"},
    "plan_table.title": {
        "vi": "Chỉ tiêu giảm nghèo năm {plan} của các xã, thị trấn - huyện {district}",
        "en": "Poverty reduction targets for {plan} by commune - {district} district",
    },
    # the rejects workbook has a Vietnamese and an English header row
    "rejects_sheet.sheet": {"vi": "Dong bi loai", "en": "Rejected rows"},
    "rejects_column.commune_code": {"vi": "Mã xã", "en": "Commune code"},
    "rejects_column.source_file": {"vi": "Tệp", "en": "File"},
    "rejects_column.sheet": {"vi": "Trang tính", "en": "Sheet"},
    "rejects_column.source_row": {"vi": "Dòng", "en": "Row"},
    "rejects_column.column": {"vi": "Cột", "en": "Column"},
    "rejects_column.reason": {"vi": "Mã lý do", "en": "Reason"},
    "rejects_column.message_vi": {"vi": "Nội dung (tiếng Việt)", "en": "Message (Vietnamese)"},
    "rejects_column.message": {"vi": "Nội dung (tiếng Anh)", "en": "Message (English)"},
    # the deprivations workbook is in Vietnamese (the forms' layout)
    "deprivation_sheet.poor": {"vi": "Ho ngheo", "en": "Poor"},
    "deprivation_sheet.near_poor": {"vi": "Ho can ngheo", "en": "Near-poor"},
    "deprivation_sheet.deprivations": {"vi": "Số lượt thiếu hụt", "en": "Deprivations"},
    "deprivation_sheet.per_100": {"vi": "Bình quân / 100 hộ", "en": "Per 100 households"},
    "deprivation_sheet.rate": {"vi": "Tỷ lệ (%)", "en": "Rate (%)"},
    "breakdown_sheet.group": {"vi": "Nhom doi tuong", "en": "Groups"},
    "breakdown_sheet.ethnicity": {"vi": "Dan toc", "en": "Ethnicity"},
    "breakdown_sheet.cause": {"vi": "Nguyen nhan", "en": "Causes"},
    "breakdown_sheet.area": {"vi": "Khu vực", "en": "Area"},
    "block.urban": {"vi": "Thành thị", "en": "Urban"},
    "block.rural": {"vi": "Nông thôn", "en": "Rural"},
    "block.total": {"vi": "Tổng cộng", "en": "Total"},
    "block.unknown": {"vi": "Không rõ", "en": "Unknown"},
    "flows_sheet.poor": {"vi": "Dien bien ho ngheo", "en": "Poor household flows"},
    "flows_sheet.near_poor": {"vi": "Dien bien ho can ngheo", "en": "Near-poor household flows"},
    "flows_sheet.title.poor": {
        "vi": "Diễn biến hộ nghèo từ cuối năm {previous} đến cuối năm {year}",
        "en": "Poor household flows, end of {previous} to end of {year}",
    },
    "flows_sheet.title.near_poor": {
        "vi": "Diễn biến hộ cận nghèo từ cuối năm {previous} đến cuối năm {year}",
        "en": "Near-poor household flows, end of {previous} to end of {year}",
    },
    "flows_sheet.decreases": {"vi": "Giảm trong kỳ", "en": "Decreases"},
    "flows_sheet.increases": {"vi": "Tăng trong kỳ", "en": "Increases"},
    "measure.households": {"vi": "Số hộ", "en": "Households"},
    "measure.persons": {"vi": "Số nhân khẩu", "en": "Persons"},
    "attainment_sheet.sheet": {"vi": "Danh gia ke hoach", "en": "Attainment"},
    "attainment_sheet.title": {
        "vi": "Đánh giá thực hiện chỉ tiêu giảm nghèo năm {plan}",
        "en": "Attainment of the {plan} poverty reduction targets",
    },
    # --- the summary of a run (python -m povertyplan summary) ------------------------------
    "summary.files": {
        "vi": "{year}: {files} tệp, {read} dòng đọc, {kept} hợp lệ, {rejected} bị loại",
        "en": "{year}: {files} files, {read} rows read, {kept} kept, {rejected} rejected",
    },
    "summary.reasons": {
        "vi": "; lý do: {reasons} (xem results/{year}/rejects.xlsx)",
        "en": "; reasons: {reasons} (see results/{year}/rejects.xlsx)",
    },
    "summary.refused": {
        "vi": "; {count} tệp không đọc được: {files}",
        "en": "; {count} files refused: {files}",
    },
    "summary.copies": {
        "vi": "; {count} tệp gửi hai lần, đọc một lần: {files}",
        "en": "; {count} files sent twice, read once: {files}",
    },
    "summary.flows": {
        "vi": "; hộ nghèo {opening} → {closing} (giảm {decreases}, tăng {increases})",
        "en": "; poor households {opening} → {closing} (−{decreases} +{increases})",
    },
    "summary.plan": {
        "vi": "; kế hoạch {plan}: {met}/{communes} xã đạt, toàn huyện: {status}",
        "en": "; plan {plan}: {met}/{communes} communes met, district: {status}",
    },
    "summary.not_finished": {
        "vi": "chưa hoàn thành (xem results/{year}/logs/)",
        "en": "not finished (see results/{year}/logs/)",
    },
    "summary.none": {"vi": "Không có kết quả nào trong {results}", "en": "No results in {results}"},
    "summary.ok": {
        "vi": "Kết quả: ĐẠT - không có dòng nào bị loại, mọi năm đã hoàn thành",
        "en": "Status: OK - no row rejected, every year finished",
    },
    "summary.attention": {
        "vi": "Kết quả: CẦN XỬ LÝ - {problems}",
        "en": "Status: ATTENTION - {problems}",
    },
    "summary.rejected_years": {
        "vi": "có dòng bị loại ở năm {years}",
        "en": "rows rejected in {years}",
    },
    "summary.stopped_years": {"vi": "năm {years} chưa hoàn thành", "en": "{years} not finished"},
    # --- reading and cleaning -------------------------------------------------------------
    # "row" and "column" in a message that says where a problem is (reject_message, errors)
    "where.row": {"vi": "dòng", "en": "row"},
    "where.column": {"vi": "cột", "en": "column"},
    # the closest names of the registry, after an unknown commune's hint ({suggest})
    "reject.closest": {"vi": " (gần nhất: {names})", "en": " (closest: {names})"},
    # the header shown for the commune of a file without a commune column
    "commune_from_context": {"vi": "(tiêu đề / tên tệp)", "en": "(title / file name)"},
    # --- python -m povertyplan check: one line per file, then the verdict -------------------
    "check.summary": {
        "vi": "{file}: đọc {read} dòng, hợp lệ {kept}, bị loại {rejected}",
        "en": "{file}: {read} rows read, {kept} valid, {rejected} rejected",
    },
    "check.refused": {"vi": "{file}: không đọc được tệp", "en": "{file}: the file cannot be read"},
    "check.lock_file": {
        "vi": "{file}: tệp khóa của Excel (một bảng tính đang mở), bỏ qua",
        "en": "{file}: Excel's lock file of an open workbook, skipped",
    },
    "check.copy": {
        "vi": "{file}: giống hệt tệp {original}, chỉ đọc một lần",
        "en": "{file}: the same file as {original}, read once",
    },
    "check.all_clean": {"vi": "Tất cả các tệp đều hợp lệ.", "en": "All files are valid."},
    "check.some_rejected": {
        "vi": "Có lỗi: sửa các lỗi trên rồi gửi lại tệp.",
        "en": "There are problems: correct them and send the files again.",
    },
    # the commands' help, "English (Vietnamese)"
    "cli.check": {
        "vi": "kiểm tra tệp trước khi gửi",
        "en": "check communes' files without running the pipeline",
    },
    "cli.summary": {
        "vi": "tóm tắt kết quả",
        "en": "summarise a run: rows kept and rejected, flows, plans met",
    },
    # --- the notebooks' headings and notes (notebooks/*.ipynb) ---------------------------
    "notebook.data_quality.files": {
        "vi": "## 1. Các tệp đã đọc, rà soát cuối năm {review_year}",
        "en": "## 1. Files read, review of end-{review_year}",
    },
    "notebook.data_quality.rejects": {
        "vi": "## 2. Dòng bị loại theo lý do",
        "en": "## 2. Rejected rows by reason",
    },
    "notebook.data_quality.send_back": {
        "vi": "## 3. Cần gửi lại cho xã",
        "en": "## 3. To send back to each commune",
    },
    "notebook.data_quality.nothing_to_send": {
        "vi": "Không có gì cần gửi lại.",
        "en": "Nothing to send back.",
    },
    "notebook.data_quality.classification": {
        "vi": "## 4. Kết quả rà soát so với chuẩn nghèo",
        "en": "## 4. Recorded status against the poverty standard",
    },
    "notebook.data_quality.classification_note": {
        "vi": "Phân loại chính thức dùng kết quả rà soát đã được phê duyệt; bảng dưới liệt kê các hộ mà thu nhập và số chỉ số thiếu hụt theo chuẩn cho kết quả khác, để xã kiểm tra lại.",
        "en": "Official counts use the approved review result; below, the households whose income and deprivations give another status under the standard, for the commune to check.",
    },
    "notebook.deprivations.measures": {
        "vi": "## 1. Chỉ số nghèo đa chiều (chuẩn {chosen.id}; trọng số {scheme}, ngưỡng k = {k:.2f}; mỗi hộ là một đơn vị)",
        "en": "## 1. Multidimensional poverty (standard {chosen.id}; {scheme} weights, cutoff k = {k:.2f}; each household one unit)",
    },
    "notebook.deprivations.by_indicator": {
        "vi": "## 2. Thiếu hụt theo chỉ số và xã",
        "en": "## 2. Deprivations by indicator and commune",
    },
    "notebook.deprivations.by_status": {
        "vi": "## 3. Hộ nghèo và hộ cận nghèo: thiếu hụt theo chỉ số",
        "en": "## 3. Poor and near-poor households: deprivations by indicator",
    },
    "notebook.deprivations.by_group": {
        "vi": "## 4. Hộ nghèo, cận nghèo theo nhóm đối tượng và dân tộc (toàn huyện)",
        "en": "## 4. Poor and near-poor by group and ethnicity (district)",
    },
    "notebook.overview.headline": {
        "vi": "## 1. Tình hình chung, cuối năm {review_year}",
        "en": "## 1. Headline figures, end of {review_year}",
    },
    "notebook.overview.by_commune": {
        "vi": "## 2. Hộ nghèo, hộ cận nghèo theo xã",
        "en": "## 2. Poor and near-poor households by commune",
    },
    "notebook.overview.ethnic_minority": {
        "vi": "## 3. Hộ dân tộc thiểu số",
        "en": "## 3. Ethnic-minority households",
    },
    "notebook.reconciliation.source": {
        "vi": "\n\nTệp: `{published}.yaml`; rà soát cuối năm {review_year}.",
        "en": "\n\nFile: `{published}.yaml`; review of end-{review_year}.",
    },
    "notebook.reconciliation.compared": {
        "vi": "### Số giá trị đã so sánh",
        "en": "### Values compared",
    },
    "notebook.reconciliation.differences": {
        "vi": "### Các số khác nhau, theo thứ tự trong văn bản",
        "en": "### Values that differ, in the order of the document",
    },
    "notebook.targets.table": {
        "vi": "## 1. Bảng chỉ tiêu giảm nghèo năm {plan_year}",
        "en": "## 1. Commune target table for {plan_year}",
    },
    "notebook.targets.by_commune": {
        "vi": "## 2. Hộ nghèo đầu năm và cuối năm theo kế hoạch",
        "en": "## 2. Poor now and planned at the end of the year",
    },
    "notebook.targets.goals": {
        "vi": "## 3. Kiểm tra mục tiêu của kế hoạch",
        "en": "## 3. Checks of the plan's goals",
    },
    "notebook.trends.rates": {
        "vi": "## 1. Tỷ lệ hộ nghèo và cận nghèo theo xã (đơn vị hành chính năm {geography})",
        "en": "## 1. Poor and near-poor rates by commune (units of {geography})",
    },
    "notebook.trends.flows": {
        "vi": "## 2. Diễn biến hộ nghèo",
        "en": "## 2. Flows of poor households",
    },
    "notebook.trends.flows_note": {
        "vi": "Số hộ; cuối kỳ = đầu kỳ − giảm + tăng (kiểm tra trong pipeline).",
        "en": "Households; closing = opening − decreases + increases (checked in the pipeline).",
    },
    "notebook.trends.near_poor": {
        "vi": "### Hộ cận nghèo",
        "en": "### Near-poor households",
    },
    "notebook.trends.attainment": {
        "vi": "## 3. Thực hiện chỉ tiêu giảm nghèo",
        "en": "## 3. Target attainment",
    },
    "notebook.trends.attainment_note": {
        "vi": "Đạt: tỷ lệ hộ nghèo cuối năm thực tế không cao hơn kế hoạch. Thoát nghèo: hộ nghèo chuyển thành cận nghèo hoặc vượt chuẩn cận nghèo. Hộ nghèo mới: từ cận nghèo, tái nghèo và phát sinh mới (không tính hộ mới tách, chuyển đến).",
        "en": "Met: the actual end-of-year poor rate is not above the planned one. Exits: poor households that became near-poor or rose above the near-poor line. New poor: from near-poor, re-poor and newly poor (not new or moved-in households).",
    },
    # --- results/index.html: every heading in both languages, "vi / en" (both_languages) ----
    "index.reports": {"vi": "Báo cáo (notebook)", "en": "Reports"},
    "index.notebooks": {"vi": "Notebook đã chạy (có mã)", "en": "Executed notebooks, with code"},
    "index.tables": {"vi": "Bảng", "en": "Tables"},
    "index.figures": {"vi": "Biểu đồ", "en": "Figures"},
    "index.rejects": {"vi": "Dòng bị loại, để gửi lại xã", "en": "Rejected rows, to send back"},
    "index.datasets": {"vi": "Dữ liệu (Parquet)", "en": "Datasets"},
    "index.provenance": {"vi": "Nguồn gốc", "en": "Provenance"},
    "index.unknown": {"vi": "không rõ", "en": "unknown"},
    "index.dirty": {"vi": "có thay đổi chưa commit", "en": "uncommitted changes"},
    "index.clean": {"vi": "sạch", "en": "clean"},
    "index.config": {"vi": "cấu hình", "en": "config"},
    "index.raw_files": {"vi": "tệp gốc", "en": "raw files"},
    "index.review": {"vi": "Rà soát cuối năm {year}", "en": "Review of end-{year}"},
    "index.plan": {"vi": "kế hoạch năm {plan}", "en": "plan for {plan}"},
    "index.across_years": {"vi": "Qua các năm", "en": "Across the years"},
    "index.unfinished": {
        "vi": "Năm {year} chưa hoàn thành ở lần chạy gần nhất: kết quả cũ đã được gỡ bỏ; xem "
        "các dòng và tệp bị loại (rejects.xlsx) và nhật ký (results/{year}/logs/).",
        "en": "The last run did not finish {year}: its earlier results were withdrawn; see the "
        "rejected rows and files (rejects.xlsx) and the logs (results/{year}/logs/).",
    },
    # --- categories, columns and words of the tables (keys are the data's codes) ----------
    # a district shown as a unit of a table (a commune is shown by its name)
    "unit_name.district": {"vi": "Toàn huyện {name}", "en": "{name} district"},
    # categories of the group breakdown (group_label)
    "group.ethnic_minority": {"vi": "Dân tộc thiểu số", "en": "Ethnic minority"},
    "group.no_labour": {"vi": "Không có lao động", "en": "No labour capacity"},
    "group.merit": {"vi": "Người có công", "en": "Merit"},
    "group.social_protection": {"vi": "Bảo trợ xã hội", "en": "Social protection"},
    "group.head_female": {"vi": "Chủ hộ là nữ", "en": "Female head"},
    "group.not_reported": {"vi": "Không có thông tin", "en": "Not reported"},
    "group.not_reported_of": {"vi": "{group}: không có thông tin", "en": "{group}: not reported"},
    # causes of poverty, the forms' categories (the phrases that name them are in
    # config/columns.yaml; cause_label)
    "cause.land": {"vi": "Thiếu đất sản xuất", "en": "Lack of land"},
    "cause.capital": {"vi": "Thiếu vốn", "en": "Lack of capital"},
    "cause.labour": {"vi": "Thiếu lao động", "en": "Lack of labour"},
    "cause.tools": {"vi": "Thiếu công cụ, phương tiện sản xuất", "en": "Lack of tools"},
    "cause.knowledge": {"vi": "Không biết cách làm ăn", "en": "Lack of production knowledge"},
    "cause.skills": {"vi": "Thiếu tay nghề, kỹ năng", "en": "Lack of skills"},
    "cause.illness": {"vi": "Ốm đau, bệnh nặng, tai nạn", "en": "Illness or accident"},
    "cause.no_work": {"vi": "Không có việc làm", "en": "No work"},
    "cause.dependants": {"vi": "Đông người ăn theo", "en": "Many dependants"},
    "cause.unwilling_to_work": {"vi": "Chây lười lao động", "en": "Unwilling to work"},
    "cause.other": {"vi": "Nguyên nhân khác", "en": "Other"},
    "cause.not_reported": {"vi": "Không có thông tin", "en": "Not reported"},
    # columns of the flow forms ("diễn biến"), in FLOW_COLUMNS order, as named on the poor
    # households' form, then on the near-poor households' form
    "flow.poor.opening": {"vi": "Đầu kỳ", "en": "Opening"},
    "flow.poor.decreases": {"vi": "Tổng số giảm", "en": "Total decrease"},
    "flow.poor.decrease_changed_status": {
        "vi": "Chuyển thành hộ cận nghèo",
        "en": "Became near-poor",
    },
    "flow.poor.decrease_rose_above_near_poor_line": {
        "vi": "Vượt chuẩn cận nghèo",
        "en": "Rose above the near-poor line",
    },
    "flow.poor.decrease_other": {
        "vi": "Giảm khác (chuyển đi, giải thể)",
        "en": "Other (moved out, dissolved)",
    },
    "flow.poor.increases": {"vi": "Tổng số tăng", "en": "Total increase"},
    "flow.poor.increase_changed_status": {
        "vi": "Hộ cận nghèo thành hộ nghèo",
        "en": "Near-poor became poor",
    },
    "flow.poor.increase_re_poor": {"vi": "Tái nghèo", "en": "Re-poor"},
    "flow.poor.increase_newly": {"vi": "Phát sinh mới", "en": "Newly poor"},
    "flow.poor.increase_other": {
        "vi": "Tăng khác (chuyển đến, hộ mới)",
        "en": "Other (moved in, new households)",
    },
    "flow.poor.closing": {"vi": "Cuối kỳ", "en": "Closing"},
    "flow.near_poor.opening": {"vi": "Đầu kỳ", "en": "Opening"},
    "flow.near_poor.decreases": {"vi": "Tổng số giảm", "en": "Total decrease"},
    "flow.near_poor.decrease_changed_status": {"vi": "Chuyển thành hộ nghèo", "en": "Became poor"},
    "flow.near_poor.decrease_rose_above_near_poor_line": {
        "vi": "Vượt chuẩn cận nghèo",
        "en": "Rose above the near-poor line",
    },
    "flow.near_poor.decrease_other": {
        "vi": "Giảm khác (chuyển đi, giải thể)",
        "en": "Other (moved out, dissolved)",
    },
    "flow.near_poor.increases": {"vi": "Tổng số tăng", "en": "Total increase"},
    "flow.near_poor.increase_changed_status": {
        "vi": "Hộ nghèo thành hộ cận nghèo",
        "en": "Poor became near-poor",
    },
    "flow.near_poor.increase_re_poor": {"vi": "Tái nghèo (không áp dụng)", "en": "Re-poor (n/a)"},
    "flow.near_poor.increase_newly": {"vi": "Phát sinh mới", "en": "Newly near-poor"},
    "flow.near_poor.increase_other": {
        "vi": "Tăng khác (chuyển đến, hộ mới)",
        "en": "Other (moved in, new households)",
    },
    "flow.near_poor.closing": {"vi": "Cuối kỳ", "en": "Closing"},
    # target attainment: columns (ATTAINMENT_COLUMNS), then the status and band words
    "attainment.unit_name": {"vi": "Đơn vị", "en": "Unit"},
    "attainment.poor_at_plan": {"vi": "Hộ nghèo khi lập kế hoạch", "en": "Poor when planned"},
    "attainment.target_reduction": {
        "vi": "Chỉ tiêu giảm (hộ)",
        "en": "Target reduction (households)",
    },
    "attainment.exits": {"vi": "Thoát nghèo (hộ)", "en": "Exits (households)"},
    "attainment.net_reduction": {"vi": "Giảm thực (hộ)", "en": "Net reduction (households)"},
    "attainment.planned_end_rate": {
        "vi": "Tỷ lệ cuối năm kế hoạch (%)",
        "en": "Planned end rate (%)",
    },
    "attainment.actual_end_rate": {"vi": "Tỷ lệ cuối năm thực tế (%)", "en": "Actual end rate (%)"},
    "attainment.new_poor": {"vi": "Hộ nghèo mới (hộ)", "en": "New poor (households)"},
    "attainment.new_poor_band": {
        "vi": "Dự kiến phát sinh (hộ)",
        "en": "Expected new poor (households)",
    },
    "attainment.new_poor_position": {"vi": "So với dự kiến", "en": "Against the band"},
    "attainment.status": {"vi": "Đánh giá", "en": "Assessment"},
    "attainment_word.met": {"vi": "Đạt", "en": "Met"},
    "attainment_word.exits_met_offset_by_new_poor": {
        "vi": "Đạt số thoát nghèo, chưa đạt tỷ lệ do phát sinh mới",
        "en": "Exits met, rate missed because of new poor",
    },
    "attainment_word.not_met": {"vi": "Không đạt", "en": "Not met"},
    "attainment_word.no_plan": {"vi": "Không có trong kế hoạch", "en": "Not in the plan"},
    "attainment_word.below": {"vi": "Thấp hơn", "en": "Below"},
    "attainment_word.within": {"vi": "Trong khoảng", "en": "Within"},
    "attainment_word.above": {"vi": "Cao hơn", "en": "Above"},
    # reconciliation findings (in FINDINGS order) and the sections of a published plan
    "finding.match": {"vi": "Khớp", "en": "Matches"},
    "finding.count_differs": {"vi": "Số đếm khác", "en": "Count differs"},
    "finding.truncated": {"vi": "Cắt bớt thay vì làm tròn", "en": "Truncated instead of rounded"},
    "finding.last_digit_off_by_one": {
        "vi": "Lệch 1 ở chữ số cuối",
        "en": "Off by one in the last digit",
    },
    "finding.rate_differs": {"vi": "Tỷ lệ khác", "en": "Rate differs"},
    "finding.total_not_sum": {
        "vi": "Dòng tổng khác tổng các dòng",
        "en": "Total is not the sum of its rows",
    },
    "finding.formula_broken": {
        "vi": "Sai công thức của cột",
        "en": "Breaks the column's printed formula",
    },
    "finding.statements_disagree": {
        "vi": "Hai nội dung không khớp nhau",
        "en": "Two statements disagree",
    },
    "finding.commune_missing": {
        "vi": "Xã không có trong bảng",
        "en": "Commune missing from the table",
    },
    "finding.commune_not_in_data": {
        "vi": "Xã không có trong dữ liệu",
        "en": "Commune not in the data",
    },
    "section.headline": {"vi": "Phần I: số liệu chung", "en": "Section I: headline figures"},
    "section.commune_table": {"vi": "Bảng chỉ tiêu các xã", "en": "Commune table"},
    "section.statements": {"vi": "Phần III: mục tiêu", "en": "Section III: goals"},
    # short names of the reject reasons, for tables and charts (reason_label)
    "reason.row_longer_than_header": {"vi": "Dòng bị lệch cột", "en": "Shifted row"},
    "reason.excel_error": {"vi": "Ô lỗi Excel", "en": "Excel error cell"},
    "reason.formula_without_value": {
        "vi": "Công thức chưa có giá trị",
        "en": "Formula without value",
    },
    "reason.date_not_number": {"vi": "Ngày tháng thay cho số", "en": "Date instead of number"},
    "reason.missing_household_id": {"vi": "Thiếu mã hộ", "en": "No household ID"},
    "reason.id_looks_personal": {
        "vi": "Mã hộ là họ tên hoặc số CCCD",
        "en": "ID is a name or ID number",
    },
    "reason.missing_value": {"vi": "Ô bỏ trống", "en": "Blank required cell"},
    "reason.unknown_commune": {"vi": "Xã không có trong danh mục", "en": "Unknown commune"},
    "reason.commune_name_code_differ": {
        "vi": "Tên xã và mã xã khác nhau",
        "en": "Commune name and code differ",
    },
    "reason.commune_not_title": {
        "vi": "Xã khác với tiêu đề tệp",
        "en": "Commune differs from the title",
    },
    "reason.code_in_scientific_notation": {
        "vi": "Mã bị đổi sang số mũ",
        "en": "Code in scientific notation",
    },
    "reason.code_of_another_commune": {"vi": "Mã hộ của xã khác", "en": "Code of another commune"},
    "reason.amount_in_another_unit": {"vi": "Số tiền khác đơn vị", "en": "Amount in another unit"},
    "reason.conflicting_marks": {"vi": "Đánh dấu nhiều kết quả", "en": "Several results marked"},
    "reason.marks_differ_from_status": {
        "vi": "Dấu x khác kết quả",
        "en": "Mark differs from result",
    },
    "reason.personal_data_in_cell": {
        "vi": "Ô có họ tên hoặc số CCCD",
        "en": "Name or ID number in a cell",
    },
    "reason.file_refused": {"vi": "Tệp không đọc được", "en": "File refused"},
    "reason.not_an_integer": {"vi": "Không phải số nguyên", "en": "Not a whole number"},
    "reason.out_of_range": {"vi": "Số ngoài khoảng cho phép", "en": "Out of range"},
    "reason.not_a_number": {"vi": "Không phải số", "en": "Not a number"},
    "reason.negative": {"vi": "Số âm", "en": "Negative"},
    "reason.bad_flag": {"vi": "Dấu có/không sai", "en": "Bad yes/no mark"},
    "reason.unknown_status": {"vi": "Kết quả rà soát sai", "en": "Unknown review result"},
    "reason.unknown_area": {"vi": "Khu vực sai", "en": "Unknown area"},
    "reason.can_exit_not_poor": {
        "vi": "Dự kiến thoát nghèo nhưng không nghèo",
        "en": "Can-exit but not poor",
    },
    "reason.re_poor_not_poor": {"vi": "Tái nghèo nhưng không nghèo", "en": "Re-poor but not poor"},
    "reason.workers_above_members": {
        "vi": "Lao động nhiều hơn nhân khẩu",
        "en": "Workers above members",
    },
    "reason.duplicate_household_id": {
        "vi": "Trùng mã hộ, khác thông tin",
        "en": "Same ID, other values",
    },
    "reason.duplicate_row": {"vi": "Dòng lặp", "en": "Repeated row"},
    "reason.duplicate_across_files": {"vi": "Trùng mã hộ giữa các tệp", "en": "ID in two files"},
    "reason.duplicate_row_across_files": {
        "vi": "Dòng lặp ở tệp khác",
        "en": "Row repeated in another file",
    },
    # --- the classification check: a household whose recorded status differs from the
    # standard's, mismatch.<recorded>.<derived> (mismatch.other for another pair,
    # mismatch.missing when it cannot be checked); {measure}: what the status was judged on
    # (measure_word.<income|score>), {near_line}: measure_word.line
    "mismatch.poor.near_poor": {
        "vi": "ghi là hộ nghèo, nhưng {measure} cao hơn chuẩn nghèo và chỉ thiếu hụt {deps} chỉ số (dưới {k}): hộ cận nghèo",
        "en": "recorded poor, but {measure} is above the poor line and {deps} deprivations are fewer than {k}: near-poor",
    },
    "mismatch.poor.not_poor": {
        "vi": "ghi là hộ nghèo, nhưng {measure} cao hơn chuẩn cận nghèo {near_line}",
        "en": "recorded poor, but {measure} is above the near-poor line {near_line}",
    },
    "mismatch.near_poor.poor": {
        "vi": "ghi là hộ cận nghèo, nhưng {measure} và thiếu hụt {deps} chỉ số (từ {k} trở lên): hộ nghèo",
        "en": "recorded near-poor, but {measure} with {deps} deprivations (at least {k}) makes it poor",
    },
    "mismatch.near_poor.not_poor": {
        "vi": "ghi là hộ cận nghèo, nhưng {measure} cao hơn chuẩn cận nghèo {near_line}",
        "en": "recorded near-poor, but {measure} is above the near-poor line {near_line}",
    },
    "mismatch.not_poor.poor": {
        "vi": "ghi là không nghèo, nhưng {measure} và thiếu hụt {deps} chỉ số: hộ nghèo",
        "en": "recorded not poor, but {measure} and {deps} deprivations make it poor",
    },
    "mismatch.not_poor.near_poor": {
        "vi": "ghi là không nghèo, nhưng {measure} không cao hơn chuẩn cận nghèo {near_line}",
        "en": "recorded not poor, but {measure} is at or below the near-poor line {near_line}",
    },
    "mismatch.missing": {
        "vi": "không kiểm tra được phân loại: thiếu thu nhập hoặc điểm B1, khu vực không rõ, hoặc chỉ số thiếu hụt bỏ trống mà lại quyết định kết quả",
        "en": "the status cannot be checked: no income or B1 score, an unknown area, or blank indicators that would decide it",
    },
    "mismatch.other": {
        "vi": "kết quả rà soát '{recorded}' khác với phân loại theo chuẩn '{derived}'",
        "en": "the recorded status '{recorded}' differs from the standard's '{derived}'",
    },
    "measure_word.income": {
        "vi": "thu nhập {amount} đ",
        "en": "income {amount} đ",
    },
    "measure_word.score": {
        "vi": "điểm B1 {score}",
        "en": "B1 score {score}",
    },
    "measure_word.line": {
        "vi": "{amount} đ",
        "en": "{amount} đ",
    },
    # said after a message on income when the household's file wrote income in thousand đồng
    "mismatch.thousands_note": {
        "vi": " (tệp ghi thu nhập theo nghìn đồng: {written} được hiểu là {amount} đ)",
        "en": " (the file writes income in thousand đồng: {written} read as {amount} đ)",
    },
}

# The commune target table of the plan: (key, vi, en, index label) per column. Kept as a
# declared table rather than LABELS entries: a column's key, its words and its number in
# the form (the index row A B I 2 … 11=3-9) belong together, and the keys are the published
# table's schema (tests/test_schemas.py). Its words are looked up only with
# plan_table_words(), as are those of PLAN_TABLE_GROUPS.
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

# The plan table's count columns -> the column of targets.parquet each shows, and each
# rate column -> the count column it is the rate of (the table's arithmetic, used to
# print it and to reconcile a published one).
PLAN_TABLE_COUNTS = {
    "dan_so_ho": "households",
    "ho_ngheo": "poor",
    "ho_cs_gn": "poor_targeted",
    "hn_cung": "poor_hardcore",
    "ho_giam": "target_reduction",
    "ho_ngheo_cuoi_nam": "poor_end",
}
PLAN_TABLE_RATES = {
    "ty_le": "ho_ngheo",
    "ty_le_cs_gn": "ho_cs_gn",
    "ty_le_hn_cung": "hn_cung",
    "ty_le_giam": "ho_giam",
    "ty_le_cuoi_nam": "ho_ngheo_cuoi_nam",
}

# Upper header groups: (first column key, last column key, vi, en); {year} = plan year.
# Looked up with plan_table_words().
PLAN_TABLE_GROUPS: list[tuple[str, str, str, str]] = [
    ("dan_so_ho", "ty_le", "Hộ nghèo {year}", "Poor households {year}"),
    ("ho_cs_gn", "ty_le_hn_cung", "Hộ nghèo theo nhóm đối tượng", "Poor households by group"),
    ("ho_giam", "ty_le_giam", "Chỉ tiêu GN {year}", "Poverty reduction target {year}"),
    ("ho_ngheo_cuoi_nam", "ty_le_cuoi_nam", "Hộ nghèo cuối năm {year}", "Poor at end of {year}"),
]


def label(key: str, language: str = "vi", **fields: object) -> str:
    """The label of `key` in `language` (vi or en); a template (a sentence with numbers)
    gets its named `fields` filled in: `label("summary.none", "en", results="results")`."""
    text = LABELS[key][language]
    return text.format(**fields) if fields else text


def labels(keys: Iterable[str], language: str = "vi") -> list[str]:
    """The labels of `keys` in `language`, in order (a table's header)."""
    return [label(key, language) for key in keys]


def both_languages(key: str, **fields: object) -> str:
    """The label in Vietnamese then English, `vi / en` (the index page shows both)."""
    return f"{label(key, 'vi', **fields)} / {label(key, 'en', **fields)}"


# The order of the flow forms' columns (their labels: `flow.<group>.<column>`).
FLOW_COLUMNS: tuple[str, ...] = (
    "opening",
    "decreases",
    "decrease_changed_status",
    "decrease_rose_above_near_poor_line",
    "decrease_other",
    "increases",
    "increase_changed_status",
    "increase_re_poor",
    "increase_newly",
    "increase_other",
    "closing",
)
# The order of the attainment table's columns (their labels: `attainment.<column>`).
ATTAINMENT_COLUMNS: tuple[str, ...] = (
    "unit_name",
    "poor_at_plan",
    "target_reduction",
    "exits",
    "net_reduction",
    "planned_end_rate",
    "actual_end_rate",
    "new_poor",
    "new_poor_band",
    "new_poor_position",
    "status",
)
# The order of the reconciliation findings (their labels: `finding.<finding>`).
FINDINGS: tuple[str, ...] = (
    "match",
    "count_differs",
    "truncated",
    "last_digit_off_by_one",
    "rate_differs",
    "total_not_sum",
    "formula_broken",
    "statements_disagree",
    "commune_missing",
    "commune_not_in_data",
)


def _label_or_code(prefix: str, code: str, language: str) -> str:
    """The label `<prefix>.<code>`, or the code itself when it has none."""
    key = f"{prefix}.{code}"
    return label(key, language) if key in LABELS else code


def group_label(category: str, language: str = "vi") -> str:
    """The label of a group-breakdown category (`not_reported:merit` → "Người có công: không
    có thông tin")."""
    if category.startswith("not_reported:"):
        group = _label_or_code("group", category.split(":", 1)[1], language)
        return label("group.not_reported_of", language, group=group)
    return _label_or_code("group", category, language)


def cause_label(category: str, language: str = "vi") -> str:
    """The label of a cause of poverty (`illness` → "Ốm đau, bệnh nặng, tai nạn")."""
    return _label_or_code("cause", category, language)


def reason_label(reason: str, language: str = "vi") -> str:
    """The short name of a reject reason."""
    return _label_or_code("reason", reason, language)


def unit_label(level: str, name: str, language: str = "vi") -> str:
    """How a unit is shown in tables: a commune by its name, the district as its total."""
    return label("unit_name.district", language, name=name) if level == "district" else name


def plan_table_words(
    language: str = "vi", year: int | None = None
) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The plan table's words in `language`: its lower header row (one name a column, in
    PLAN_TABLE_COLUMNS order) and its upper header groups (first column key, last column
    key, words, with {year} filled in when `year` is given)."""
    vi = language == "vi"
    columns = [vi_name if vi else en_name for _, vi_name, en_name, _ in PLAN_TABLE_COLUMNS]
    groups = [
        (first, last, vi_words if vi else en_words)
        for first, last, vi_words, en_words in PLAN_TABLE_GROUPS
    ]
    if year is not None:
        groups = [(first, last, words.format(year=year)) for first, last, words in groups]
    return columns, groups
