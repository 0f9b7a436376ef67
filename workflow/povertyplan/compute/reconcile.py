"""Reconciliation: a published plan, as printed, against what the pipeline recomputes.

A published plan is a YAML file under `config/published/` naming its source document, the
review it was built on, its commune table (a CSV transcribed cell by cell as printed),
its section I headline figures and the statements of section III that say one thing two
ways. Every printed number is compared with the recomputed one; nothing is hidden by a
tolerance. Each comparison is a row with a `finding`:

- `match`: counts equal; rates equal to the half-up rounding of the exact rate;
- `count_differs`: a count differs (counts must match exactly);
- `truncated`: a rate printed as the exact rate cut, not rounded, to its decimals;
- `last_digit_off_by_one`: a rate one unit off in its last digit, otherwise;
- `rate_differs`: any other rate difference;
- `total_not_sum`: a total-row count that is not the sum of the printed rows;
- `formula_broken`: a row whose printed values break the header's own formula
  (`10 = 2 − 8`, `11 = 3 − 9`);
- `statements_disagree`: two statements of the text (a % and a number of households) that
  do not describe the same thing, or a planned % outside the goal band the text sets;
- `commune_missing`: a commune of the recomputed plan that the published table leaves out;
- `commune_not_in_data`: a commune of the published table with no households in the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import pandas as pd
import yaml

from ..core.errors import ConfigError
from ..core.labels import PLAN_TABLE_COLUMNS, PLAN_TABLE_COUNTS, PLAN_TABLE_RATES, label
from ..core.numbers import decimal_from_text, format_vn_decimal
from ..core.rates import rate_half_up
from ..read.registry import commune_lookup, resolve_communes, review_date, suggest_communes
from ..read.schemas import check_rows, load_yaml_document

FORMULAS = {"ho_ngheo_cuoi_nam": ("ho_ngheo", "ho_giam"), "ty_le_cuoi_nam": ("ty_le", "ty_le_giam")}
COLUMN_LABELS = {key: index for key, *_, index in PLAN_TABLE_COLUMNS}
HEADLINE = (
    "households",
    "ethnic_minority",
    "poor",
    "near_poor",
    "poor_ethnic_minority",
    "near_poor_ethnic_minority",
)
ROW_COLUMNS = [
    "section",
    "unit",
    "unit_code",
    "column",
    "column_label",
    "printed",
    "printed_value",
    "recomputed_value",
    "recomputed_text",
    "finding",
    "message_vi",
    "message_en",
]


@dataclass(frozen=True)
class Published:
    """One published plan, as transcribed."""

    id: str
    path: str
    source: str
    review_year: int
    plan_year: int
    table: pd.DataFrame  # as printed (text), with commune_code resolved; total row: code ""
    headline: dict[str, dict[str, str]] = field(default_factory=dict)
    statements: tuple[dict, ...] = ()
    decimals: int = 2  # decimals of the printed rates and shares


def _parse_range(text: str) -> tuple[Decimal, Decimal]:
    """`0,3-0,5` → (0.3, 0.5); `82` → (82, 82)."""
    parts = [p for p in str(text).replace("–", "-").split("-") if p.strip()]
    low, high = decimal_from_text(parts[0]), decimal_from_text(parts[-1])
    return low, high


def _plan_fields(path: Path) -> tuple[dict, int, int, Path, str]:
    """The plan's YAML and its required keys: (the YAML, review year, plan year, commune
    table path, source); ConfigError when it breaks its schema
    (workflow/schemas/published_plan.schema.yaml) or a key cannot be read."""
    raw = load_yaml_document(path, "published_plan")
    try:
        review_year, plan_year = int(raw["review_year"]), int(raw["plan_year"])
        table_path = path.parent / raw["commune_table"]
        source = str(raw["source"]).strip()
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigError(
            f"is not a complete published plan ({type(error).__name__}: {error})",
            file=str(path),
            hint="it needs source, review_year, plan_year and commune_table; compare it with "
            "config/published/plan-2019-cam-lo.yaml",
        ) from None
    return raw, review_year, plan_year, table_path, source


def _read_commune_table(table_path: Path) -> pd.DataFrame:
    """The commune table as printed (every cell as text); ConfigError when it cannot be
    read, lacks a column of the plan's table or a row breaks its schema
    (workflow/schemas/published_table.schema.yaml)."""
    try:
        table = pd.read_csv(table_path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"the commune table cannot be read ({str(error).splitlines()[0]})",
            file=str(table_path),
            hint="it must be a UTF-8 CSV with the columns of the plan's table",
        ) from None
    missing = [
        c for c in ["tt", "don_vi", *PLAN_TABLE_COUNTS, *PLAN_TABLE_RATES] if c not in table.columns
    ]
    if missing:
        raise ConfigError(
            f"the commune table lacks the columns {', '.join(missing)}",
            file=str(table_path),
            hint="its header must be: " + ",".join(key for key, *_ in PLAN_TABLE_COLUMNS),
        )
    check_rows(table, "published_table", table_path)
    return table


def _check_printed_numbers(table: pd.DataFrame, table_path: Path) -> None:
    """ConfigError for the first count or rate cell that is not a number."""
    for column in [*PLAN_TABLE_COUNTS, *PLAN_TABLE_RATES]:
        for number, value in table[column].items():
            try:
                decimal_from_text(value)
            except (InvalidOperation, ValueError):
                raise ConfigError(
                    f"'{value}' is not a number",
                    file=str(table_path),
                    row=int(number) + 2,
                    column=column,
                    hint="write it as printed, e.g. 1.411 or 9,92",
                ) from None


def _match_communes(
    table: pd.DataFrame, registry: pd.DataFrame, review_year: int, table_path: Path
) -> pd.DataFrame:
    """The table with `commune_code`: each commune row's code in the registry on the
    review date, "" on the total row; ConfigError for a commune the registry does not
    know or a commune transcribed twice."""
    communes = table["tt"].str.strip() != ""
    on = review_date(review_year)
    codes = resolve_communes(table.loc[communes, "don_vi"], commune_lookup(registry, on))
    unknown = codes[codes.isna()]
    if not unknown.empty:
        number = int(unknown.index[0])
        value = table.at[number, "don_vi"]
        close = suggest_communes(value, registry, on)
        raise ConfigError(
            f"'{value}' is not a commune of the registry on {on.isoformat()}",
            file=str(table_path),
            row=number + 2,
            column="don_vi",
            hint=(f"did you mean {' or '.join(close)}? " if close else "")
            + "write the commune's name or code, or add it to config/communes.csv",
        )
    table = table.assign(commune_code="")
    table.loc[communes, "commune_code"] = codes.astype(str)
    repeated = table.loc[communes, "commune_code"].duplicated(keep="first")
    if repeated.any():
        number = int(repeated[repeated].index[0])
        raise ConfigError(
            f"'{table.at[number, 'don_vi']}' is the same commune as an earlier row",
            file=str(table_path),
            row=number + 2,
            column="don_vi",
            hint="transcribe each commune's row once",
        )
    return table


def _check_decimal_commas(table: pd.DataFrame, table_path: Path) -> None:
    """ConfigError for the first rate written with a dot instead of a decimal comma."""
    for column in PLAN_TABLE_RATES:
        dotted = table[column].str.contains(".", regex=False)
        if dotted.any():
            number = int(dotted[dotted].index[0])
            raise ConfigError(
                f"rate '{table.at[number, column]}' is written with a dot",
                file=str(table_path),
                row=number + 2,
                column=column,
                hint="write rates as printed in Vietnamese, with a decimal comma (9,92)",
            )


def _statements(raw: dict, path: Path) -> tuple[dict, ...]:
    """The plan's section III statements, each checked (`_check_statement`)."""
    statements = tuple(raw.get("statements") or ())
    for statement in statements:
        _check_statement(statement, str(path))
    return statements


def load_published(path: str | Path, registry: pd.DataFrame) -> Published:
    """Read a published plan; ConfigError (file, row, column, what to do) for a missing
    key, a number that cannot be read or a commune the registry does not know."""
    path = Path(path)
    raw, review_year, plan_year, table_path, source = _plan_fields(path)
    table = _read_commune_table(table_path)
    _check_printed_numbers(table, table_path)
    table = _match_communes(table, registry, review_year, table_path)
    _check_decimal_commas(table, table_path)
    headline = dict(raw.get("headline") or {})  # the names are the schema's
    statements = _statements(raw, path)
    return Published(
        id=path.stem,
        path=str(path),
        source=source,
        review_year=review_year,
        plan_year=plan_year,
        table=table,
        headline=headline,
        statements=statements,
        decimals=int(raw.get("decimals", 2)),
    )


STATEMENT_KINDS = {
    # the same figure in % of all households and in households
    "percent_households": ("id", "percent", "households"),
    # a planned % within the goal band the text sets
    "band": ("id", "percent", "band"),
}


def _check_statement(statement: object, path: str) -> None:
    """Raise ConfigError when a statement lacks its keys or names an unknown figure."""
    if not isinstance(statement, dict):
        raise ConfigError("a statement is not a mapping", file=path, hint="see the example")
    kind = "band" if "band" in statement else "percent_households"
    missing = [k for k in STATEMENT_KINDS[kind] if k not in statement]
    if missing:
        raise ConfigError(
            f"statement '{statement.get('id', '?')}' lacks {', '.join(missing)}",
            file=path,
            hint="a statement has id, percent and households (or id, percent and band)",
        )
    if statement.get("recomputed") and "-" in f"{statement['percent']}{statement['households']}":
        raise ConfigError(
            f"statement '{statement['id']}' names a plan figure, so it must state one value",
            file=path,
            hint="write percent and households as single values, or remove recomputed",
        )
    if statement.get("recomputed") not in (None, "target_reduction"):
        raise ConfigError(
            f"statement '{statement['id']}': recomputed '{statement['recomputed']}' is not known",
            file=path,
            hint="recomputed can only be target_reduction",
        )
    try:
        for key in ("percent", "households", "band"):
            if key in statement:
                _parse_range(statement[key])
    except (InvalidOperation, IndexError, ValueError):
        raise ConfigError(
            f"statement '{statement['id']}': '{statement[key]}' is not a number or a range",
            file=path,
            hint="write a value (0,56) or a range (30-40) as printed",
        ) from None


def published_inputs(path: str | Path) -> list[str]:
    """The files of a published plan: its YAML and the commune table it names."""
    path = Path(path)
    try:
        table = yaml.safe_load(path.read_text(encoding="utf-8"))["commune_table"]
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return [str(path)]
    return [str(path), str(path.parent / table)]


def published_review_year(path: str | Path) -> int | None:
    """The review year a published plan names (None when it cannot be read)."""
    try:
        return int(yaml.safe_load(Path(path).read_text(encoding="utf-8"))["review_year"])
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
        return None


def _exact(count: int, households: int) -> Decimal:
    return Decimal(count * 100) / Decimal(households)


def _rate_finding(
    printed: Decimal, count: int, households: int, places: int | None = None
) -> tuple[str, Decimal]:
    """(finding, the half-up rate) for a printed rate of count / households."""
    if places is None:
        places = max(0, -printed.as_tuple().exponent)
    rounded = rate_half_up(count, households, places)
    if printed == rounded:
        return "match", rounded
    exact = _exact(count, households)
    if printed == exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN):
        return "truncated", rounded
    if abs(printed - rounded) == Decimal(1).scaleb(-places):
        return "last_digit_off_by_one", rounded
    return "rate_differs", rounded


def _row(
    section: str,
    unit: str,
    code: str,
    column: str,
    column_label: str,
    printed: str,
    printed_value: Decimal,
    recomputed: Decimal,
    recomputed_text: str,
    finding: str,
    **values: object,
) -> dict:
    key = "reconciliation.message." + values.pop("message", finding)
    words = {"printed": printed, "recomputed": recomputed_text, **values}
    return {
        "section": section,
        "unit": unit,
        "unit_code": code,
        "column": column,
        "column_label": column_label,
        "printed": printed,
        "printed_value": float(printed_value),
        "recomputed_value": float(recomputed),
        "recomputed_text": recomputed_text,
        "finding": finding,
        "message_vi": label(key, "vi", **words),
        "message_en": label(key, "en", **words),
    }


def _text(value: Decimal | int, places: int = 0) -> str:
    if places == 0:
        return f"{int(value):,}".replace(",", ".")
    return format_vn_decimal(value, places)


def _count_row(
    section: str, unit: str, code: str, column: str, label: str, printed: str, value: int
) -> dict:
    """A printed count against the recomputed one: counts must be equal."""
    number = decimal_from_text(printed)
    finding = "match" if number == value else "count_differs"
    return _row(
        section, unit, code, column, label, printed, number, Decimal(value), _text(value), finding
    )


def _rate_row(
    section: str,
    unit: str,
    code: str,
    column: str,
    label: str,
    printed: str,
    count: int,
    households: int,
    places: int,
) -> dict:
    """A printed rate against 100 × count / households rounded half-up to `places`."""
    number = decimal_from_text(printed)
    finding, rounded = _rate_finding(number, count, households, places)
    exact = _text(_exact(count, households).quantize(Decimal("0.0001")), 4)
    return _row(
        section,
        unit,
        code,
        column,
        label,
        printed,
        number,
        rounded,
        _text(rounded, places),
        finding,
        exact=exact,
    )


TABLE_SECTION = "commune_table"


def _missing_commune_rows(recomputed: pd.DataFrame, communes: pd.DataFrame) -> list[dict]:
    """A `commune_missing` row for each recomputed commune the published table leaves
    out (`recomputed`: the targets indexed by commune code)."""
    rows = []
    for code in recomputed.index.difference(communes["commune_code"], sort=False):
        name, households = (
            recomputed.at[code, "commune_name"],
            int(recomputed.at[code, "households"]),
        )
        rows.append(
            _row(
                TABLE_SECTION,
                name,
                code,
                "don_vi",
                "B",
                "",
                Decimal(0),
                Decimal(households),
                _text(households),
                "commune_missing",
                name=name,
            )
        )
    return rows


def _not_in_data_row(unit: str, code: str) -> dict:
    """The `commune_not_in_data` row of a published commune with no household."""
    return _row(
        TABLE_SECTION,
        unit,
        code,
        "don_vi",
        "B",
        unit,
        Decimal(0),
        Decimal(0),
        "",
        "commune_not_in_data",
    )


def _printed_sum(communes: pd.DataFrame, column: str) -> Decimal:
    """The sum of a count column over the printed commune rows."""
    return sum((decimal_from_text(v) for v in communes[column]), Decimal(0))


def _count_rows(record: dict, counts: pd.Series, communes: pd.DataFrame) -> list[dict]:
    """Each printed count of one row against the recomputed `counts`; on the total row
    (code ""), also against the sum of the printed commune rows."""
    code, unit = record["commune_code"], record["don_vi"]
    rows = []
    for column, source in PLAN_TABLE_COUNTS.items():
        label = COLUMN_LABELS[column]
        rows.append(
            _count_row(
                TABLE_SECTION, unit, code, column, label, record[column], int(counts[source])
            )
        )
        printed = decimal_from_text(record[column])
        column_sum = _printed_sum(communes, column)
        if not code and column_sum != printed:
            rows.append(
                _row(
                    TABLE_SECTION,
                    unit,
                    code,
                    column,
                    label,
                    record[column],
                    printed,
                    column_sum,
                    _text(column_sum),
                    "total_not_sum",
                )
            )
    return rows


def _rate_rows(record: dict, counts: pd.Series, decimals: int) -> list[dict]:
    """Each printed rate of one row against its recomputed count / households."""
    return [
        _rate_row(
            TABLE_SECTION,
            record["don_vi"],
            record["commune_code"],
            column,
            COLUMN_LABELS[column],
            record[column],
            int(counts[PLAN_TABLE_COUNTS[count_column]]),
            int(counts["households"]),
            decimals,
        )
        for column, count_column in PLAN_TABLE_RATES.items()
    ]


def _formula_rows(record: dict) -> list[dict]:
    """A `formula_broken` row for each header formula the row's printed values break."""
    rows = []
    for column, (left, right) in FORMULAS.items():
        printed = decimal_from_text(record[column])
        expected = decimal_from_text(record[left]) - decimal_from_text(record[right])
        if printed != expected:
            places = max(0, -printed.as_tuple().exponent)
            label = COLUMN_LABELS[column]
            rows.append(
                _row(
                    TABLE_SECTION,
                    record["don_vi"],
                    record["commune_code"],
                    column,
                    label,
                    record[column],
                    printed,
                    expected,
                    _text(expected, places),
                    "formula_broken",
                    label=label,
                    left=record[left],
                    right=record[right],
                )
            )
    return rows


def reconcile_table(table: pd.DataFrame, targets: pd.DataFrame, decimals: int = 2) -> list[dict]:
    """Every printed cell of the commune table against the recomputed plan, the communes
    of either side missing from the other, the total row against the sum of the printed
    rows, and each row against the header's formulas."""
    recomputed = targets.set_index("commune_code")
    totals = targets[list(PLAN_TABLE_COUNTS.values())].sum()
    communes = table[table["commune_code"] != ""]
    rows = _missing_commune_rows(recomputed, communes)
    for record in table.to_dict("records"):
        code = record["commune_code"]
        if code and code not in recomputed.index:
            rows.append(_not_in_data_row(record["don_vi"], code))
            continue
        counts = recomputed.loc[code] if code else totals
        rows += _count_rows(record, counts, communes)
        rows += _rate_rows(record, counts, decimals)
        rows += _formula_rows(record)
    return rows


def reconcile_headline(
    headline: dict[str, dict[str, str]], district: pd.Series, decimals: int = 2
) -> list[dict]:
    """Section I: each printed count and share of all households against the district."""
    rows = []
    households = int(district["households"])
    for name in HEADLINE:
        if name in headline:
            entry, value = headline[name], int(district[name])
            rows.append(_count_row("headline", name, "", "count", "", entry["count"], value))
            if "share" in entry:
                rows.append(
                    _rate_row(
                        "headline",
                        name,
                        "",
                        "share",
                        "%",
                        entry["share"],
                        value,
                        households,
                        decimals,
                    )
                )
    return rows


def _band_row(statement: dict) -> dict:
    """A planned % against the goal band the text sets."""
    name, percent = statement["id"], statement["percent"]
    percent_low, percent_high = _parse_range(percent)
    band_low, band_high = _parse_range(statement["band"])
    inside = band_low <= percent_low and percent_high <= band_high
    return _row(
        "statements",
        name,
        "",
        "percent_in_band",
        "",
        f"{percent} % / {statement['band']} %",
        percent_low,
        percent_low,
        percent,
        "match" if inside else "statements_disagree",
        message="match" if inside else "band_disagree",
        percent=percent,
        band=statement["band"],
    )


def _percent_households_row(statement: dict, base: int) -> dict:
    """A % of the district's `base` households against its number of households: one
    figure agrees when the households, as a % to the same decimals, are the printed %;
    two ranges when the % range in whole households (half-up) overlaps the households'."""
    name, percent = statement["id"], statement["percent"]
    percent_low, percent_high = _parse_range(percent)
    places = max(0, -percent_low.as_tuple().exponent)
    households_low, households_high = _parse_range(statement["households"])
    low = (percent_low * base / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    high = (percent_high * base / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if percent_low == percent_high and households_low == households_high:
        agree = rate_half_up(int(households_low), base, places) == percent_low
    else:
        agree = low <= households_high and households_low <= high
    in_households = _text(low) if low == high else f"{_text(low)}-{_text(high)}"
    return _row(
        "statements",
        name,
        "",
        "percent_vs_households",
        "",
        f"{percent} % / {statement['households']}",
        households_low,
        low,
        in_households,
        "match" if agree else "statements_disagree",
        households=statement["households"],
        in_households=in_households,
        base=_text(base),
        percent=percent,
    )


def _plan_figure_rows(statement: dict, targets: pd.DataFrame, base: int) -> list[dict]:
    """The plan figure a statement names (`recomputed: target_reduction`), in households
    and in %, against the recomputed one; none when it names none."""
    if statement.get("recomputed") != "target_reduction":
        return []
    name, percent = statement["id"], statement["percent"]
    places = max(0, -_parse_range(percent)[0].as_tuple().exponent)
    value = int(targets["target_reduction"].sum())
    return [
        _count_row("statements", name, "", "households", "", statement["households"], value),
        _rate_row("statements", name, "", "percent", "%", percent, value, base, places),
    ]


def reconcile_statements(statements: tuple[dict, ...], targets: pd.DataFrame) -> list[dict]:
    """Section III: a planned % against the goal band the text sets; a % against its
    number of households (of all the district's households): one figure agrees when the
    households, as a % printed to the same decimals, are the printed %, two ranges when
    the % range in whole households (half-up) overlaps the households range; and the
    plan figure a statement names against the recomputed one."""
    rows = []
    base = int(targets["households"].sum())
    for statement in statements:
        if "band" in statement:
            rows.append(_band_row(statement))
            continue
        rows.append(_percent_households_row(statement, base))
        rows += _plan_figure_rows(statement, targets, base)
    return rows


def check_review_year(published: Published, year: int, file: str) -> None:
    """ConfigError (naming `file`) when a published plan is not built on the review of
    `year`."""
    if published.review_year != year:
        raise ConfigError(
            f"the plan is built on the review of {published.review_year}, not {year}",
            file=file,
            hint="correct review_year in the file",
        )


def reconciliation(
    published: Published, targets: pd.DataFrame, district: pd.Series
) -> pd.DataFrame:
    """Every comparison of one published plan (columns `ROW_COLUMNS`, plus `published`,
    `source`, `review_year`, `position`: the order of the printed document)."""
    rows = [
        *reconcile_headline(published.headline, district, published.decimals),
        *reconcile_table(published.table, targets, published.decimals),
        *reconcile_statements(published.statements, targets),
    ]
    frame = pd.DataFrame(rows, columns=ROW_COLUMNS)
    frame.insert(0, "position", range(1, len(frame) + 1))
    frame.insert(0, "source", published.source)
    frame.insert(0, "published", published.id)
    frame.insert(0, "review_year", published.review_year)
    return frame


def finding_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many comparisons of a reconciliation have each finding."""
    return frame["finding"].value_counts().to_dict()
