# povertyplan: from the communes' household review files to the district's poverty plan.
# Run it with `make run` (README); rules live in workflow/rules/, code in workflow/povertyplan/.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"


wildcard_constraints:
    year=r"\d{4}",


include: "workflow/rules/clean.smk"
include: "workflow/rules/plan.smk"
include: "workflow/rules/report.smk"
include: "workflow/rules/years.smk"


rule all:
    default_target: True
    input:
        all_outputs(),


# A failed run never leaves an old plan looking current: a year whose files were read
# again but whose plan was not rebuilt loses its earlier outputs, and the index says so.
onerror:
    for year, files in withdraw_unfinished_years(
        "results", index_inputs(), INDEX_TITLE, RAW
    ).items():
        logger.warning(
            f"{year} did not finish: {len(files)} results of an earlier run were withdrawn "
            f"(see results/{year}/rejects.xlsx and results/{year}/logs/)"
        )
