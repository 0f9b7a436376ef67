"""Tables and one-line readings shown in the notebooks (presentation only, no new numbers).

Readings are short sentences in Vietnamese (English available) computed from the
Parquet data, so the text under a figure always says what the figure shows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..clean.households import files_with
from ..core.labels import (
    ATTAINMENT_COLUMNS,
    FINDINGS,
    FLOW_COLUMNS,
    LABELS,
    group_label,
    label,
    labels,
    reason_label,
    unit_label,
)
from ..core.numbers import format_vn_decimal, format_vn_integer
from ..core.privacy import redact_frame
from ..core.rates import rate_half_up, round_half_up
from ..core.text import normalise_commune_name

HEADLINE = [
    # (count column, share of); each is named by the label `headline.<count column>`
    ("households", None),
    ("ethnic_minority", "households"),
    ("poor", "households"),
    ("near_poor", "households"),
    ("poor_ethnic_minority", "households"),
    ("near_poor_ethnic_minority", "households"),
]


def headline_table(district: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Section I of the plan: each headline count and its share of all households."""
    row = district.iloc[0]
    households = int(row["households"])
    records = []
    for column, _ in HEADLINE:
        count = int(row[column])
        share = (
            ""
            if column == "households"
            else format_vn_decimal(rate_half_up(count, households)) + " %"
        )
        records.append(
            {
                "figure": label(f"headline.{column}", language),
                "households": format_vn_integer(count),
                "share": share,
            }
        )
    names = labels(["headline_table.figure", "households", "headline_table.share"], language)
    return pd.DataFrame(records).set_axis(names, axis=1)


def commune_rates_table(communes: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Per commune: households, poor and near-poor with rates, ethnic-minority households."""
    columns = {  # column -> the key of its label
        "commune_name": "commune",
        "households": "households",
        "poor": "poor",
        "poor_rate": "rates_table.poor_rate",
        "near_poor": "near_poor",
        "near_poor_rate": "rates_table.near_poor_rate",
        "ethnic_minority": "rates_table.ethnic_minority",
        "poor_ethnic_minority": "rates_table.poor_ethnic_minority",
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
    names = {column: label(key, language) for column, key in columns.items()}
    return out.rename(columns=names).reset_index(drop=True)


def reading_rates(communes: pd.DataFrame, district: pd.DataFrame, language: str = "vi") -> str:
    """Which communes have the highest and lowest poor rate, against the district's."""
    top = communes.loc[communes["poor_rate"].idxmax()]
    low = communes.loc[communes["poor_rate"].idxmin()]
    d = float(district["poor_rate"].iloc[0])
    ratio = format_vn_decimal(float(top["poor_rate"]) / d, 1) if d > 0 else "—"
    top_rate, low_rate, d_rate = (
        format_vn_decimal(x) for x in (top["poor_rate"], low["poor_rate"], d)
    )
    return label(
        "reading.rates",
        language,
        top=top["commune_name"],
        top_rate=top_rate,
        ratio=ratio,
        district_rate=d_rate,
        low=low["commune_name"],
        low_rate=low_rate,
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
    return label(
        "reading.minority",
        language,
        total=total,
        share=share,
        communes=len(where),
        names=names,
        poor=poor,
        poor_share=poor_share,
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
    return label(
        "reading.targets",
        language,
        plan=plan,
        cut=poor - end,
        before=before,
        after=after,
        top=top["commune_name"],
        points=cut,
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
    inside = "inside" if g["target_within_band"] else "outside"
    agree = "agree" if g["new_poor_ranges_agree"] else "disagree"
    return label(
        "reading.goals",
        language,
        value=value,
        inside=label(f"reading.goals.{inside}", language),
        low=low,
        high=high,
        households=hh,
        percent=pct,
        as_households=as_hh,
        agree=label(f"reading.goals.{agree}", language),
    )


# the goal checks, in the table's order; each is named by the label `goal_check.<check>`
GOAL_CHECKS = [
    "target_reduction",
    "target_reduction_rate",
    "reduction_band",
    "target_within_band",
    "new_poor_households",
    "new_poor_percent",
    "new_poor_percent_as_households",
    "new_poor_ranges_agree",
]


def _band(low: float, high: float, decimals: int = 2) -> str:
    return f"{format_vn_decimal(low, decimals)} - {format_vn_decimal(high, decimals)}"


def goals_table(goals: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """The goal checks as a two-column table (check, result)."""
    g = goals.iloc[0]
    yes, no = label("yes", language), label("no", language)
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
    header = labels(["goals_table.check", "goals_table.result"], language)
    return pd.DataFrame(
        [
            (label(f"goal_check.{check}", language), value)
            for check, value in zip(GOAL_CHECKS, results, strict=True)
        ],
        columns=header,
    )


# --- data quality --------------------------------------------------------------------------

# the ledger's columns shown, in order; each is named by the label `ledger.<column>`
LEDGER_COLUMNS = [
    "source_file",
    "file_encoding",
    "text_encodings",
    "rows_read",
    "rows_kept",
    "rows_rejected",
    "grid_rows",
    "title_rows",
    "header_rows",
    "index_rows",
    "section_rows",
    "total_rows",
    "blank_rows",
    "footer_rows",
    "income_unit",
    "duplicate_of",
    "refused",
]


def _income_unit(unit: object, language: str) -> str:
    """The words of an income unit (`thousand_dong` → "nghìn đồng (đã nhân 1.000)"); an
    unknown unit as it is, none as blank."""
    if not isinstance(unit, str):
        return ""
    key = f"income_unit.{unit}"
    return label(key, language) if key in LABELS else unit


def _places(commune_names: dict[str, str]) -> frozenset[str]:
    """The communes' names as `privacy.redact` knows places (never a person's name)."""
    return frozenset(normalise_commune_name(name) for name in commune_names.values())


def ledger_table(ledger: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Per file: how many rows were read, kept and rejected, and the other rows."""
    table = ledger.sort_values("source_file")[LEDGER_COLUMNS].copy()
    totals = {
        c: int(table[c].sum())
        for c in table.columns
        if c.endswith("_rows") or c.startswith("rows_")
    }
    table = pd.concat(
        [table, pd.DataFrame([{"source_file": label("ledger.total", language), **totals}])]
    )
    table["income_unit"] = table["income_unit"].map(lambda unit: _income_unit(unit, language))
    table = table.fillna("")
    names = {column: label(f"ledger.{column}", language) for column in LEDGER_COLUMNS}
    table = table.rename(columns=names).reset_index(drop=True)
    return redact_frame(table)


def rejects_by_reason(rejects: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Problems and rejected rows per reason, most frequent first."""

    header = labels(
        [
            "rejects_table.reason",
            "rejects_table.code",
            "rejects_table.problems",
            "rejects_table.rows",
        ],
        language,
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
    header = labels(
        [f"send_back.{word}" for word in ("commune", "file", "row", "column", "problem")],
        language,
    )
    if rejects.empty:
        return pd.DataFrame(columns=header)
    ordered = rejects.sort_values(
        ["commune_code", "source_file", "source_row", "column"], na_position="last"
    )
    unknown = label("send_back.unknown_commune", language)
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

    read, rejected = int(ledger["rows_read"].sum()), int(ledger["rows_rejected"].sum())
    files = int((ledger["rows_rejected"] > 0).sum())
    refused, copies = files_with(ledger, "refused"), files_with(ledger, "duplicate_of")
    notes = "".join(
        " " + label(key, language, count=len(names), files=", ".join(names))
        for key, names in (("reading.quality.refused", refused), ("reading.quality.copies", copies))
        if names
    )
    if rejected == 0:
        return (
            label("reading.quality.none_rejected", language, read=read, files=len(ledger)) + notes
        )
    top = rejects["reason"].value_counts().sort_index().idxmax()
    return (
        label(
            "reading.quality.rejected",
            language,
            read=read,
            files=len(ledger),
            rejected=rejected,
            rejected_files=files,
            reason=reason_label(top, language).lower(),
        )
        + notes
    )


# --- classification check --------------------------------------------------------------------

# the statuses a household is classified in; each is named by the label `status.<status>`
STATUSES = ("poor", "near_poor", "not_poor", "unknown")


def mismatch_summary(
    mismatches: pd.DataFrame, commune_names: dict[str, str], language: str = "vi"
) -> pd.DataFrame:
    """Per commune: how many households' recorded status differs from the one the standard
    implies, by recorded → derived status."""
    words = {status: label(f"status.{status}", language) for status in STATUSES}
    header = labels(["mismatch_table.commune", "mismatch_table.pair", "households"], language)
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
    header = labels(
        ["mismatch_table.commune", "mismatch_table.household", "mismatch_table.reason"], language
    )
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
    header = labels(
        ["unit", "households", "af_table.h", "af_table.a", "af_table.m0", "af_table.share"],
        language,
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
    header = labels(["breakdown_table.group", "poor", "near_poor"], language)
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
        return label("reading.deprivations.none", language)
    top = district.idxmax()
    communes = data[data["unit_level"] == "commune"].dropna(subset=["value"])
    tops = communes.loc[communes.groupby("unit_code")["value"].idxmax()]
    others = tops[tops["indicator"] != top]
    name = indicator_names.get(top, top)
    text = label(
        "reading.deprivations.top", language, name=name, share=format_vn_decimal(district[top])
    )
    if len(others):
        places = "; ".join(
            f"{names.get(r.unit_code, r.unit_code)}: “{indicator_names.get(r.indicator, r.indicator)}”"
            for r in others.itertuples()
        )
        text += label("reading.deprivations.others", language, places=places)
    return text + "."


def _rate_text(value: float) -> str:
    return "" if pd.isna(value) else format_vn_decimal(round_half_up(float(value)))


def trend_rates_table(trends: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Poor and near-poor rates (%) per unit and review year, units in display order and
    the district last; an unmapped unit is marked `*`."""
    data = trends.assign(
        last=trends["level"] == "district",
        unit=trends["unit_name"] + np.where(trends["mapped"], "", " *"),
    ).sort_values(["last", "display_order", "unit_code", "review_year"])
    out = {}
    for column, word in (
        ("poor_rate", label("poor", language)),
        ("near_poor_rate", label("near_poor", language)),
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
    table.index.name = label("unit", language)
    return table.reset_index()


def flows_summary(flows: pd.DataFrame, group: str = "poor", language: str = "vi") -> pd.DataFrame:
    """The flows of one group in households, one row per unit (district last), labelled
    as in the form, for every pair of reviews."""
    rows = flows[(flows["flow_group"] == group) & (flows["measure"] == "households")]
    rows = rows.assign(last=rows["level"] == "district").sort_values(
        ["review_year", "last", "display_order", "unit_code"]
    )
    table = pd.DataFrame(
        {
            label("year", language): rows["previous_year"].astype(str)
            + "→"
            + rows["review_year"].astype(str),
            label("unit", language): [
                unit_label(level, name, language)
                for level, name in zip(rows["level"], rows["unit_name"], strict=True)
            ],
            **{
                label(f"flow.{group}.{key}", language): rows[key].astype(int)
                for key in FLOW_COLUMNS
            },
        }
    )
    return table.reset_index(drop=True)


def attainment_table(attainment: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Target attainment per unit (district last) for every plan judged."""
    rows = attainment.assign(last=attainment["level"] == "district").sort_values(
        ["plan_year", "last", "display_order", "unit_code"]
    )
    band = (
        rows["new_poor_band_low"].map(lambda v: format_vn_decimal(v, 1))
        + " - "
        + rows["new_poor_band_high"].map(lambda v: format_vn_decimal(v, 1))
    )
    table = {label("plan_year", language): rows["plan_year"].astype(int)}
    for key in ATTAINMENT_COLUMNS:
        if key in ("planned_end_rate", "actual_end_rate"):
            values = rows[key].map(_rate_text)
        elif key == "new_poor_band":
            values = band
        elif key in ("status", "new_poor_position"):
            values = rows[key].map(lambda v: label(f"attainment_word.{v}", language))
        elif key == "unit_name":
            values = [
                unit_label(level, name, language)
                for level, name in zip(rows["level"], rows["unit_name"], strict=True)
            ]
        else:
            values = rows[key].astype(int)
        table[label(f"attainment.{key}", language)] = values
    return pd.DataFrame(table).reset_index(drop=True)


def reading_trends(
    trends: pd.DataFrame, flows: pd.DataFrame, attainment: pd.DataFrame, language: str = "vi"
) -> str:
    """The district's poor rate from the first to the last review, the latest flows, and
    how many communes met the latest plan."""
    district = trends[trends["level"] == "district"].sort_values("review_year")
    first, last = district.iloc[0], district.iloc[-1]
    text = label(
        "reading.trends.rates",
        language,
        first_rate=_rate_text(first["poor_rate"]),
        first_year=int(first["review_year"]),
        last_rate=_rate_text(last["poor_rate"]),
        last_year=int(last["review_year"]),
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
        text += " " + label(
            "reading.trends.flows",
            language,
            year=int(f["review_year"]),
            exits=exits,
            fallen=fallen,
            re_poor=int(f["increase_re_poor"]),
            newly=int(f["increase_newly"]),
        )
    if not attainment.empty:
        latest = attainment[attainment["plan_year"] == attainment["plan_year"].max()]
        communes = latest[latest["level"] == "commune"]
        met = int((communes["status"] == "met").sum())
        total = latest[latest["level"] == "district"].iloc[0]
        word = label(f"attainment_word.{total['status']}", language).lower()
        text += " " + label(
            "reading.trends.plan",
            language,
            plan=int(total["plan_year"]),
            met=met,
            communes=len(communes),
            status=word,
            planned=_rate_text(total["planned_end_rate"]),
            actual=_rate_text(total["actual_end_rate"]),
        )
    return text


def _printed_unit(section: str, unit: str, language: str) -> str:
    """What a printed value is about: a headline figure or a statement by its label, a
    commune (or anything without a label) as printed."""
    if section == "commune_table":
        return unit
    key = f"{'headline' if section == 'headline' else 'statement'}.{unit}"
    return label(key, language) if key in LABELS else unit


def reconciliation_counts(table: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """How many printed values were checked and what was found, per section."""
    counts = table.groupby(["section", "finding"], sort=False).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[f for f in FINDINGS if f in counts.columns])
    counts.index = labels([f"section.{s}" for s in counts.index], language)
    counts.columns = labels([f"finding.{f}" for f in counts.columns], language)
    return counts


def reconciliation_differences(table: pd.DataFrame, language: str = "vi") -> pd.DataFrame:
    """Every printed value that differs, in the order of the document: where it is, what
    is printed, what is recomputed, and why they differ."""
    rows = table[table["finding"] != "match"].sort_values("position")
    words = labels(
        [
            "differences.section",
            "unit",
            "differences.column",
            "differences.printed",
            "differences.recomputed",
            "differences.kind",
            "differences.explanation",
        ],
        language,
    )
    units = [
        _printed_unit(section, unit, language)
        for section, unit in zip(rows["section"], rows["unit"], strict=True)
    ]
    return pd.DataFrame(
        {
            words[0]: rows["section"].map(lambda s: label(f"section.{s}", language)),
            words[1]: units,
            words[2]: rows["column_label"].where(rows["column_label"] != "", rows["column"]),
            words[3]: rows["printed"],
            words[4]: rows["recomputed_text"],
            words[5]: rows["finding"].map(lambda f: label(f"finding.{f}", language)),
            words[6]: rows["message_vi" if language == "vi" else "message_en"],
        }
    ).reset_index(drop=True)


def reading_reconciliation(table: pd.DataFrame, language: str = "vi") -> str:
    """One sentence: how many printed values were checked, how many match, what differs."""
    checked = len(table)
    differ = table[table["finding"] != "match"]
    counts = differ["finding"].value_counts()
    kinds = ", ".join(f"{label(f'finding.{f}', language).lower()}: {n}" for f, n in counts.items())
    counts_ok = not (differ["finding"] == "count_differs").any()
    return label(
        "reading.reconciliation",
        language,
        checked=checked,
        matching=checked - len(differ),
        differing=len(differ),
        kinds=kinds or label("reading.reconciliation.no_kinds", language),
    ) + label(
        "reading.reconciliation.counts_match"
        if counts_ok
        else "reading.reconciliation.counts_differ",
        language,
    )


def geography_notes(trends: pd.DataFrame, language: str = "vi") -> list[str]:
    """One sentence per unit that could not be mapped (why), and per unit that sums
    several of a review's communes (which ones, in which years)."""
    notes = [
        label("geography.not_mapped", language, note=note)
        for note in trends.loc[~trends["mapped"]].drop_duplicates("unit_code")["note"]
    ]
    merged = trends[trends["source_codes"].str.contains("|", regex=False)]
    for (name, codes), rows in merged.groupby(["unit_name", "source_codes"], sort=True):
        years = ", ".join(str(y) for y in sorted(rows["review_year"]))
        codes = codes.replace("|", ", ")
        notes.append(label("geography.merged", language, name=name, years=years, codes=codes))
    return notes
