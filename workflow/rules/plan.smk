# Classification check, aggregation, targets and the commune target table.


rule classify:
    input:
        code=PACKAGE,
        households="results/{year}/households.parquet",
        ledger="results/{year}/ledger.parquet",
        standards=STANDARDS,
    output:
        classification="results/{year}/classification.parquet",
        mismatches="results/{year}/mismatches.parquet",
    log:
        "results/{year}/logs/classify.log",
    benchmark:
        "results/{year}/benchmarks/classify.tsv"
    conda:
        CONDA_ENV
    params:
        standards_dir=lambda wildcards, input: str(Path(input.standards[0]).parent),
        standard=config.get("standard", "auto"),
    script:
        "../scripts/run_classify.py"


rule deprivations:
    input:
        code=PACKAGE,
        households="results/{year}/households.parquet",
        gate="results/{year}/validation.txt",
        standards=STANDARDS,
        registry=config["registry"],
    output:
        deprivations="results/{year}/deprivations.parquet",
        breakdowns="results/{year}/breakdowns.parquet",
        af="results/{year}/af_measures.parquet",
        xlsx="results/{year}/tables/deprivations.xlsx",
    log:
        "results/{year}/logs/deprivations.log",
    benchmark:
        "results/{year}/benchmarks/deprivations.tsv"
    conda:
        CONDA_ENV
    params:
        standards_dir=lambda wildcards, input: str(Path(input.standards[0]).parent),
        standard=config.get("standard", "auto"),
        district=config["district"],
        alkire_foster=config.get("alkire_foster", {}),
    script:
        "../scripts/run_deprivations.py"


rule aggregate:
    input:
        code=PACKAGE,
        households="results/{year}/households.parquet",
        registry=config["registry"],
        gate="results/{year}/validation.txt",
    output:
        communes="results/{year}/communes.parquet",
        district="results/{year}/district.parquet",
    log:
        "results/{year}/logs/aggregate.log",
    benchmark:
        "results/{year}/benchmarks/aggregate.tsv"
    conda:
        CONDA_ENV
    params:
        district=config["district"],
    script:
        "../scripts/run_aggregate.py"


rule targets:
    input:
        code=PACKAGE,
        communes="results/{year}/communes.parquet",
    output:
        targets="results/{year}/targets.parquet",
        goals="results/{year}/goals.parquet",
    log:
        "results/{year}/logs/targets.log",
    benchmark:
        "results/{year}/benchmarks/targets.tsv"
    conda:
        CONDA_ENV
    params:
        targets=config["targets"],
        goals=config["goals"],
    script:
        "../scripts/run_targets.py"


rule tables:
    input:
        code=PACKAGE,
        targets="results/{year}/targets.parquet",
    output:
        xlsx=in_report(
            "results/{year}/tables/commune_targets.xlsx",
            caption="../report/commune_targets.rst",
            category="2. Kế hoạch / Plan",
            subcategory="Rà soát / Review {year}",
            labels={"table": "commune_targets"},
        ),
        csv="results/{year}/tables/commune_targets.csv",
    log:
        "results/{year}/logs/tables.log",
    benchmark:
        "results/{year}/benchmarks/tables.tsv"
    conda:
        CONDA_ENV
    params:
        district_name=config["district"]["name"],
        language=LANGUAGE,
    script:
        "../scripts/run_tables.py"
