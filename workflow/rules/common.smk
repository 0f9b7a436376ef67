# Helpers shared by the rules: config validation, discovery of review years and raw files.
from pathlib import Path

from snakemake.utils import validate

from povertyplan.read.config import check_config
from povertyplan.pipeline.dependencies import code_used
from povertyplan.core.errors import PovertyPlanError
from povertyplan.compute.flows import previous_reviews
from povertyplan.pipeline.provenance import git_state
from povertyplan.compute.reconcile import published_inputs, published_review_year
from povertyplan.present.summary import withdraw_unfinished_years
from snakemake.logging import logger
from povertyplan.read.raw import RAW_SUFFIXES

CONFIG_SCHEMA = Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml"
try:
    check_config(config, CONFIG_SCHEMA)
except PovertyPlanError as error:
    raise WorkflowError(error.one_line()) from None
# sets the schema's defaults (language, validation.mode, years)
validate(config, schema="../schemas/config.schema.yaml")

RAW = config["raw_dir"]
STANDARDS = sorted(
    str(p) for p in Path(config.get("standards_dir", "config/standards")).glob("*.yaml")
)
SCRIPTS = Path(workflow.basedir) / "workflow" / "scripts"
NOTEBOOKS = Path(workflow.basedir) / "notebooks"


def code_of(script, *notebooks):
    """A rule's `code=` input: the package modules its script (and notebooks) run, so a
    change to a computation reruns what it made and nothing else."""
    sources = [SCRIPTS / f"{script}.py"]
    sources += [NOTEBOOKS / f"{notebook}.ipynb" for notebook in notebooks]
    return code_used(sources)


LANGUAGE = config.get("language", "vi")
# the code that made the results: a new commit rewrites each year's provenance.json
GIT = git_state(workflow.basedir)
# every rule's software, for --use-conda (the default run uses .venv from requirements.lock)
CONDA_ENV = "../envs/povertyplan.yaml"


def review_years():
    """The review years to build: config `years`, else every 4-digit folder of raw_dir."""
    if config.get("years"):
        return [str(y) for y in config["years"]]
    found = sorted(p.name for p in Path(RAW).glob("[0-9][0-9][0-9][0-9]") if p.is_dir())
    if not found:
        raise WorkflowError(
            f"{RAW}: no review-year folder (e.g. {RAW}/2018/) was found"
        )
    return found


def raw_files(year):
    """The raw files of one review year, by name (other files are ignored)."""
    folder = Path(RAW) / str(year)
    files = (
        sorted(
            p.name
            for p in folder.iterdir()
            if p.is_file()
            and p.suffix.lower() in RAW_SUFFIXES
            and not p.name.startswith("~$")
        )
        if folder.is_dir()
        else []
    )
    if not files:
        raise WorkflowError(f"{folder}: no .xlsx, .xls or .csv file to read")
    return files


def previous_review(year):
    """The latest review year built before `year` (flows pair them), else None."""
    previous = previous_reviews([int(y) for y in review_years()]).get(int(year))
    return str(previous) if previous else None


def previous_year(year):
    """The review year before `year` when it is built too (its plan is judged), else None."""
    before = str(int(year) - 1)
    return before if before in review_years() else None


def flow_years():
    """Review years with an earlier review built: they get flows."""
    return [year for year in review_years() if previous_review(year)]


def attainment_years():
    """Review years whose previous year is built: they judge its plan."""
    return [year for year in review_years() if previous_year(year)]


def reviews_up_to(year, pattern):
    """`pattern` for every built review year up to `year`, oldest first."""
    return [pattern.format(year=y) for y in review_years() if int(y) <= int(year)]


def published_plans():
    """Published plans (config/published/*.yaml) by review year. A plan whose review year
    is not built is reported and left out."""
    found = {}
    folder = Path(config.get("published_dir", "config/published"))
    for path in sorted(folder.glob("*.yaml")):
        year = published_review_year(path)
        if year is None:
            raise WorkflowError(f"{path}: review_year is missing or is not a year")
        if str(year) not in review_years():
            logger.warning(
                f"{path}: there is no review {year} to check it against "
                f"({RAW}/{year}/ is missing or not in years:), so it is not reconciled"
            )
            continue
        found.setdefault(str(year), []).append(str(path))
    return found


PUBLISHED = published_plans()


FIGURES = {
    "data_quality": ["rejects_by_reason"],
    "overview": ["poverty_rates", "ethnic_minority"],
    "targets": ["targets_by_commune", "goal_band"],
    "deprivations": ["deprivation_heatmap", "af_contributions", "deprivation_profile"],
}


def year_outputs(year):
    """Everything a review year produces, for the default target and the index page."""
    out = [
        f"results/{year}/{name}.parquet"
        for name in (
            "households",
            "communes",
            "district",
            "targets",
            "goals",
            "rejects",
            "ledger",
            "classification",
            "mismatches",
            "deprivations",
            "breakdowns",
            "af_measures",
        )
    ]
    out += [f"results/{year}/tables/commune_targets.{ext}" for ext in ("xlsx", "csv")]
    out.append(f"results/{year}/rejects.xlsx")
    out.append(f"results/{year}/provenance.json")
    if str(year) in PUBLISHED:
        out.append(f"results/{year}/reconciliation.parquet")
        out += [
            f"results/{year}/notebooks/reconciliation.{ext}"
            for ext in ("ipynb", "html")
        ]
    out.append(f"results/{year}/tables/deprivations.xlsx")
    for notebook, figures in FIGURES.items():
        out += [
            f"results/{year}/notebooks/{notebook}.{ext}" for ext in ("ipynb", "html")
        ]
        out += [f"results/{year}/figures/{figure}.png" for figure in figures]
    if previous_review(year):
        out += [f"results/{year}/flows.parquet", f"results/{year}/tables/flows.xlsx"]
    if previous_year(year):
        out += [
            f"results/{year}/attainment.parquet",
            f"results/{year}/tables/attainment.xlsx",
        ]
    return out


TREND_FIGURES = ["rates_over_time", "flows_waterfall", "attainment"]

in_report = report  # (snakefmt reads a line starting with `report(` as the directive)

# Categories of `snakemake --report`; captions are workflow/report/<figure>.rst
REPORT_CATEGORIES = {
    "overview": "1. Tổng quan / Overview",
    "targets": "2. Kế hoạch / Plan",
    "data_quality": "3. Chất lượng dữ liệu / Data quality",
    "deprivations": "4. Thiếu hụt / Deprivations",
    "trends": "5. Qua các năm / Across the years",
    "reconciliation": "6. Đối chiếu / Reconciliation",
}


def reported_figures(notebook):
    """The notebook's figures as outputs, flagged for the report with their captions."""
    if notebook == "trends":
        paths = [(name, f"results/trends/figures/{name}.png") for name in TREND_FIGURES]
        subcategory = None
    else:
        paths = [
            (name, f"results/{{year}}/figures/{name}.png") for name in FIGURES[notebook]
        ]
        subcategory = "Rà soát / Review {year}"
    return [
        in_report(
            path,
            caption=f"../report/{name}.rst",
            category=REPORT_CATEGORIES[notebook],
            subcategory=subcategory,
            labels={"figure": name},
        )
        for name, path in paths
    ]


def reported_notebook(notebook, path):
    """An executed notebook's HTML, flagged for the report."""
    return in_report(
        path,
        caption="../report/notebook.rst",
        category=REPORT_CATEGORIES[notebook],
        subcategory=None if notebook == "trends" else "Rà soát / Review {year}",
        labels={"notebook": notebook},
    )


def trend_outputs():
    """What the trends across every review produce."""
    out = ["results/trends/trends.parquet", "results/trends/provenance.json"]
    out += [f"results/trends/notebooks/trends.{ext}" for ext in ("ipynb", "html")]
    out += [f"results/trends/figures/{figure}.png" for figure in TREND_FIGURES]
    return out


INDEX_TITLE = f"Kế hoạch giảm nghèo - {config['district']['name']}"


def index_inputs():
    """Every output the index page links: each year's, then the trends'."""
    return [f for year in review_years() for f in year_outputs(year)] + trend_outputs()


def all_outputs():
    return ["results/index.html"]
