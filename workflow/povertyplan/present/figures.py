"""Figures for the notebooks: deterministic, titled, axes labelled with units.

Each function takes the Parquet data as a DataFrame and returns a matplotlib Figure;
`save_figure` writes it as PNG without a timestamp.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from ..compute.flows import DECREASES as FLOW_DECREASES  # noqa: E402
from ..compute.flows import INCREASES as FLOW_INCREASES  # noqa: E402
from ..core.labels import label, labels, reason_label  # noqa: E402
from ..core.numbers import format_vn_decimal  # noqa: E402

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "svg.hashsalt": "povertyplan",
    "figure.dpi": 100,
}
POOR_COLOUR, NEAR_COLOUR, END_COLOUR, BAND_COLOUR = "#b2182b", "#ef8a62", "#2166ac", "#d1e5f0"


def _vn_number(value: float, _position: int | None = None) -> str:
    """An axis tick the Vietnamese way: `1.200`, `0,5`."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


def _number_axis(axes: plt.Axes, language: str) -> None:
    if language == "vi":
        axes.xaxis.set_major_formatter(FuncFormatter(_vn_number))


def _figure(height: float) -> tuple[Figure, plt.Axes]:
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(8, height), layout="constrained")
    return figure, axes


def _paired_rates(
    data: pd.DataFrame,
    bars: list[tuple[str, str, str]],
    title: str,
    language: str,
) -> tuple[Figure, plt.Axes]:
    """Two horizontal bars per commune (rates, % of households), communes by first rate.

    `bars` is [(column, colour, label key), (column, colour, label key)].
    """
    data = data.sort_values(bars[0][0])
    figure, axes = _figure(0.45 * len(data) + 1.6)
    y = range(len(data))
    for offset, (column, colour, key) in zip((0.2, -0.2), bars, strict=True):
        axes.barh(
            [i + offset for i in y],
            data[column],
            height=0.4,
            color=colour,
            label=label(key, language),
        )
    axes.set_yticks(list(y), data["commune_name"])
    axes.set_xlabel(label("percent_of_households", language))
    axes.set_ylabel(label("commune", language))
    axes.set_title(title)
    _number_axis(axes, language)
    return figure, axes


def poverty_rates(communes: pd.DataFrame, district: pd.DataFrame, language: str = "vi") -> Figure:
    """Horizontal bars of the poor and near-poor rate (% of households) by commune, and the
    district's poor rate as a dashed line."""
    with plt.rc_context(STYLE):
        title = label("figure.rates_title", language, year=int(communes["review_year"].iloc[0]))
        bars = [("poor_rate", POOR_COLOUR, "poor"), ("near_poor_rate", NEAR_COLOUR, "near_poor")]
        figure, axes = _paired_rates(communes, bars, title, language)
        district_rate = float(district["poor_rate"].iloc[0])
        axes.axvline(
            district_rate,
            color="black",
            linestyle="--",
            linewidth=1,
            label=label("figure.district_line", language, value=format_vn_decimal(district_rate)),
        )
        axes.legend(loc="lower right", frameon=False)
    return figure


def ethnic_minority(communes: pd.DataFrame, language: str = "vi") -> Figure:
    """Stacked bars of ethnic-minority households (number) by commune and review result."""
    with plt.rc_context(STYLE):
        data = communes.sort_values(["ethnic_minority", "display_order"])
        other = (
            data["ethnic_minority"]
            - data["poor_ethnic_minority"]
            - data["near_poor_ethnic_minority"]
        )
        figure, axes = _figure(0.45 * len(data) + 1.6)
        axes.barh(
            data["commune_name"],
            data["poor_ethnic_minority"],
            color=POOR_COLOUR,
            label=label("poor", language),
        )
        axes.barh(
            data["commune_name"],
            data["near_poor_ethnic_minority"],
            left=data["poor_ethnic_minority"],
            color=NEAR_COLOUR,
            label=label("near_poor", language),
        )
        axes.barh(
            data["commune_name"],
            other,
            left=data["poor_ethnic_minority"] + data["near_poor_ethnic_minority"],
            color="#bababa",
            label=label("not_poor", language),
        )
        axes.set_xlabel(label("figure.households_axis", language))
        axes.set_ylabel(label("commune", language))
        axes.set_title(
            label("figure.minority_title", language, year=int(communes["review_year"].iloc[0]))
        )
        axes.legend(loc="lower right", frameon=False)
        _number_axis(axes, language)
    return figure


def targets_by_commune(targets: pd.DataFrame, language: str = "vi") -> Figure:
    """Poor rate now and planned at the end of the plan year (% of households), by commune."""
    with plt.rc_context(STYLE):
        title = label("figure.targets_title", language, plan=int(targets["plan_year"].iloc[0]))
        bars = [("poor_rate", POOR_COLOUR, "poor_now"), ("poor_end_rate", END_COLOUR, "poor_end")]
        figure, axes = _paired_rates(targets, bars, title, language)
        axes.legend(loc="lower right", frameon=False)
    return figure


def goal_band(goals: pd.DataFrame, language: str = "vi") -> Figure:
    """The district's planned cut in the poor rate (points) against the goal band."""
    with plt.rc_context(STYLE):
        row = goals.iloc[0]
        low, high = float(row["reduction_band_min"]), float(row["reduction_band_max"])
        value = float(row["target_reduction_rate"])
        figure, axes = _figure(2.2)
        axes.axvspan(
            low,
            high,
            facecolor=BAND_COLOUR,
            edgecolor="#4393c3",
            label=label(
                "figure.band",
                language,
                low=format_vn_decimal(low, 1),
                high=format_vn_decimal(high, 1),
            ),
        )
        axes.barh(
            [0],
            [value],
            height=0.5,
            color=END_COLOUR,
            label=label("figure.target", language, value=format_vn_decimal(value)),
        )
        axes.set_xlim(0, max(high, value) * 1.25)
        axes.set_yticks([])
        axes.set_xlabel(label("figure.band_axis", language))
        axes.set_title(label("figure.band_title", language, plan=int(row["plan_year"])))
        axes.legend(loc="upper right", frameon=False, fontsize=9)
        _number_axis(axes, language)
    return figure


def rejects_by_reason(rejects: pd.DataFrame, language: str = "vi") -> Figure:
    """Horizontal bars: rejected rows per reason (number of rows)."""

    with plt.rc_context(STYLE):
        counts = (
            rejects.assign(row_key=rejects["source_file"] + "#" + rejects["source_row"].astype(str))
            .groupby("reason")["row_key"]
            .nunique()
            .sort_values(kind="stable")
            if not rejects.empty
            else pd.Series(dtype="int64")
        )
        figure, axes = _figure(0.45 * max(len(counts), 1) + 1.6)
        if counts.empty:
            axes.text(
                0.5,
                0.5,
                label("figure.no_rejects", language),
                ha="center",
                va="center",
                transform=axes.transAxes,
            )
            axes.set_yticks([])
        else:
            axes.barh(
                [reason_label(r, language) for r in counts.index],
                counts.to_numpy(),
                color=POOR_COLOUR,
            )
        axes.set_xlabel(label("figure.rows_axis", language))
        axes.set_title(label("figure.rejects_title", language))
        _number_axis(axes, language)
    return figure


def _short(name: str, width: int = 28) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def deprivation_heatmap(
    af: pd.DataFrame, names: dict[str, str], indicator_names: dict[str, str], language: str = "vi"
) -> Figure:
    """Communes × indicators: censored headcount ratio (% of households both
    multidimensionally poor and deprived in the indicator)."""
    with plt.rc_context(STYLE):
        data = af[(af["unit_level"] == "commune") & (af["measure"] == "censored")]
        grid = data.pivot(index="unit_code", columns="indicator", values="value") * 100
        grid = grid.loc[sorted(grid.index, key=lambda c: names.get(c, c))]
        figure, axes = _figure(0.45 * len(grid) + 2.8)
        image = axes.imshow(grid.to_numpy(), cmap="Reds", aspect="auto", vmin=0)
        axes.set_xticks(
            range(grid.shape[1]),
            [_short(indicator_names.get(c, c), 22) for c in grid.columns],
            rotation=40,
            ha="right",
            fontsize=8,
        )
        axes.set_yticks(range(grid.shape[0]), [names.get(c, c) for c in grid.index])
        for (i, j), value in np.ndenumerate(grid.to_numpy()):
            axes.text(j, i, format_vn_decimal(value, 1), ha="center", va="center", fontsize=7)
        bar = figure.colorbar(image, ax=axes)
        bar.set_label(label("figure.censored_axis", language))
        axes.set_title(label("figure.heatmap_title", language))
        axes.set_xlabel(label("figure.indicator_axis", language))
        axes.set_ylabel(label("commune", language))
    return figure


def af_contributions(
    af: pd.DataFrame, names: dict[str, str], indicator_names: dict[str, str], language: str = "vi"
) -> Figure:
    """Per commune: each indicator's percentage contribution to the commune's M0."""
    with plt.rc_context(STYLE):
        data = af[(af["unit_level"] == "commune") & (af["measure"] == "contribution_percent")]
        grid = data.pivot(index="unit_code", columns="indicator", values="value").fillna(0)
        grid = grid.loc[sorted(grid.index, key=lambda c: names.get(c, c))]
        figure, axes = _figure(0.45 * len(grid) + 2.6)
        left = np.zeros(len(grid))
        colours = plt.get_cmap("tab10")
        for number, indicator in enumerate(grid.columns):
            axes.barh(
                [names.get(c, c) for c in grid.index],
                grid[indicator],
                left=left,
                color=colours(number % 10),
                label=_short(indicator_names.get(indicator, indicator), 30),
            )
            left += grid[indicator].to_numpy()
        axes.set_xlim(0, 100)
        axes.set_xlabel(label("figure.contribution_axis", language))
        axes.set_ylabel(label("commune", language))
        axes.set_title(label("figure.contribution_title", language))
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2, frameon=False, fontsize=8
        )
        _number_axis(axes, language)
    return figure


def deprivation_profile(table: pd.DataFrame, language: str = "vi") -> Figure:
    """District: share of poor and of near-poor households deprived in each indicator (%)."""
    with plt.rc_context(STYLE):
        data = table[(table["unit_level"] == "district") & (table["indicator"] != "all_indicators")]
        grid = data.pivot(index="indicator", columns="status", values="households_rate").fillna(0)
        names = dict(zip(data["indicator"], data["indicator_name"], strict=False))
        grid = grid.sort_values("poor")
        figure, axes = _figure(0.45 * len(grid) + 1.8)
        y = range(len(grid))
        axes.barh(
            [i + 0.2 for i in y],
            grid.get("poor", 0),
            height=0.4,
            color=POOR_COLOUR,
            label=label("poor", language),
        )
        axes.barh(
            [i - 0.2 for i in y],
            grid.get("near_poor", 0),
            height=0.4,
            color=NEAR_COLOUR,
            label=label("near_poor", language),
        )
        axes.set_yticks(list(y), [_short(names[i], 34) for i in grid.index])
        axes.set_xlabel(label("figure.deprived_axis", language))
        axes.set_title(label("figure.profile_title", language))
        axes.legend(loc="lower right", frameon=False)
        _number_axis(axes, language)
    return figure


def _message(text: str) -> Figure:
    figure, axes = _figure(1.6)
    axes.text(0.5, 0.5, text, ha="center", va="center")
    axes.set_axis_off()
    return figure


def rates_over_time(trends: pd.DataFrame, language: str = "vi") -> Figure:
    """The poor rate (% of households) of every commune and of the district (thick line)
    at each review, on the trends' geography."""
    with plt.rc_context(STYLE):
        figure, axes = _figure(4.6)
        years = sorted(trends["review_year"].unique())
        communes = trends[trends["level"] == "commune"].sort_values(["display_order", "unit_code"])
        cycle = plt.get_cmap("tab10")
        for number, (_code, rows) in enumerate(communes.groupby("unit_code", sort=False)):
            rows = rows.sort_values("review_year")
            name = rows["unit_name"].iloc[0] + ("" if rows["mapped"].all() else " *")
            axes.plot(
                rows["review_year"],
                rows["poor_rate"],
                marker="o",
                color=cycle(number % 10),
                linewidth=1.2,
                label=name,
            )
        district = trends[trends["level"] == "district"].sort_values("review_year")
        axes.plot(
            district["review_year"],
            district["poor_rate"],
            color="black",
            linewidth=3,
            marker="s",
            label=label("figure.district", language),
        )
        axes.set_xticks(years, [str(y) for y in years])
        axes.set_xlabel(label("figure.review_axis", language))
        axes.set_ylabel(label("poor_rate", language))
        geography = int(trends["geography_year"].iloc[0])
        axes.set_title(label("figure.trend_title", language, geography=geography))
        axes.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
        if language == "vi":
            axes.yaxis.set_major_formatter(FuncFormatter(_vn_number))
    return figure


def _last_poor_flows(flows: pd.DataFrame) -> pd.Series | None:
    """The district's flows of poor households (in households) at the last review, or None
    without flows."""
    rows = flows[
        (flows["level"] == "district")
        & (flows["flow_group"] == "poor")
        & (flows["measure"] == "households")
    ]
    if rows.empty:
        return None
    return rows.sort_values("review_year").iloc[-1]


def _waterfall_steps(row: pd.Series) -> list[tuple[str, int]]:
    """The waterfall's bars before the closing one: (flow, households), the opening count,
    then each decrease (negative) and each increase."""
    steps = [("opening", int(row["opening"]))]
    steps += [(key, -int(row[key])) for key in FLOW_DECREASES]
    steps += [(key, int(row[key])) for key in FLOW_INCREASES]
    return steps


def _draw_waterfall(axes: plt.Axes, steps: list[tuple[str, int]], closing: int) -> None:
    """Draw the steps as floating bars, each with its value above it, then the closing
    count as a full bar."""
    level = 0
    for number, (key, value) in enumerate(steps):
        if key == "opening":
            bottom, height, colour = 0, value, "#878787"
            level = value
        else:
            bottom = level + min(value, 0)
            height = abs(value)
            colour = END_COLOUR if value < 0 else POOR_COLOUR
            level += value
        axes.bar(number, height, bottom=bottom, color=colour, width=0.7)
        axes.text(number, bottom + height, _vn_number(value), ha="center", va="bottom", fontsize=8)
    axes.bar(len(steps), closing, color="#4d4d4d", width=0.7)
    axes.text(len(steps), closing, _vn_number(closing), ha="center", va="bottom", fontsize=8)


def _label_waterfall(
    axes: plt.Axes, row: pd.Series, steps: list[tuple[str, int]], language: str
) -> None:
    """Name each bar as the form does, label the count axis, zoom it on the counts, and
    title the figure with the two reviews."""
    names = labels([f"flow.poor.{key}" for key, _ in steps] + ["flow.poor.closing"], language)
    axes.set_xticks(range(len(names)), [textwrap.fill(n, 14) for n in names], fontsize=8)
    axes.set_ylabel(label("figure.households_axis", language))
    low = min(int(row["opening"]), int(row["closing"]))
    axes.set_ylim(
        max(0, low - 3 * max(abs(v) for _, v in steps[1:]) - 10),
        max(int(row["opening"]), int(row["closing"])) * 1.04,
    )
    axes.set_title(
        label(
            "figure.waterfall_title",
            language,
            previous=int(row["previous_year"]),
            year=int(row["review_year"]),
        )
    )
    if language == "vi":
        axes.yaxis.set_major_formatter(FuncFormatter(_vn_number))


def flows_waterfall(flows: pd.DataFrame, language: str = "vi") -> Figure:
    """Waterfall of the district's poor households between the last two reviews: opening,
    each decrease, each increase, closing."""
    row = _last_poor_flows(flows)
    if row is None:
        with plt.rc_context(STYLE):
            return _message(label("figure.needs_two_reviews", language))
    steps = _waterfall_steps(row)
    with plt.rc_context(STYLE):
        figure, axes = _figure(4.4)
        _draw_waterfall(axes, steps, int(row["closing"]))
        _label_waterfall(axes, row, steps, language)
    return figure


def attainment_chart(attainment: pd.DataFrame, language: str = "vi") -> Figure:
    """Planned against actual poor rate at the end of the plan year, by commune and for
    the district (the latest plan judged)."""
    if attainment.empty:
        with plt.rc_context(STYLE):
            return _message(label("figure.needs_two_reviews", language))
    latest = attainment[attainment["plan_year"] == attainment["plan_year"].max()]
    data = latest.assign(
        commune_name=latest["unit_name"].where(
            latest["level"] == "commune", label("figure.district", language)
        )
    )
    with plt.rc_context(STYLE):
        bars = [
            ("planned_end_rate", END_COLOUR, "figure.planned_end"),
            ("actual_end_rate", POOR_COLOUR, "figure.actual_end"),
        ]
        figure, axes = _paired_rates(
            data,
            bars,
            label("figure.attainment_title", language, plan=int(latest["plan_year"].iloc[0])),
            language,
        )
        axes.legend(loc="lower right", frameon=False)
    return figure


def save_figure(figure: Figure, path: str | Path) -> None:
    """Write `figure` as PNG with no software or date stamp, then close it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", dpi=110, metadata={"Software": None})
    plt.close(figure)
