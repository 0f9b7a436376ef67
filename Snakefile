# povertyplan: from the communes' household review files to the district's poverty plan.
# Run it with `make run` (README); rules live in workflow/rules/, code in workflow/povertyplan/.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


include: "workflow/rules/common.smk"
include: "workflow/rules/clean.smk"
include: "workflow/rules/plan.smk"
include: "workflow/rules/report.smk"
include: "workflow/rules/years.smk"


rule all:
    input:
        all_outputs(),
    default_target: True
