# A year's plan: the validation gate, commune and district counts, deprivations, targets
# and the commune target table, in one job (each step takes under a second).


rule plan:
    input:
        code=code_of("run_plan"),
        households="results/{year}/households.parquet",
        ledger="results/{year}/ledger.parquet",
        # the data-quality report is written before a strict run stops on rejects
        report="results/{year}/notebooks/data_quality.html",
        standards=STANDARDS,
        registry=config["registry"],
    output:
        gate="results/{year}/validation.txt",
        communes="results/{year}/communes.parquet",
        district="results/{year}/district.parquet",
        deprivations="results/{year}/deprivations.parquet",
        breakdowns="results/{year}/breakdowns.parquet",
        af="results/{year}/af_measures.parquet",
        deprivations_xlsx="results/{year}/tables/deprivations.xlsx",
        targets="results/{year}/targets.parquet",
        goals="results/{year}/goals.parquet",
        targets_xlsx=in_report(
            "results/{year}/tables/commune_targets.xlsx",
            caption="../report/commune_targets.rst",
            category="2. Kế hoạch / Plan",
            subcategory="Rà soát / Review {year}",
            labels={"table": "commune_targets"},
        ),
        targets_csv="results/{year}/tables/commune_targets.csv",
    log:
        "results/{year}/logs/plan.log",
    benchmark:
        "results/{year}/benchmarks/plan.tsv"
    conda:
        CONDA_ENV
    params:
        mode=config["validation"].get("mode", "strict"),
        standards_dir=lambda wildcards, input: str(Path(input.standards[0]).parent),
        standard=config.get("standard", "auto"),
        district=config["district"],
        alkire_foster=config.get("alkire_foster", {}),
        targets=config["targets"],
        goals=config["goals"],
        language=LANGUAGE,
    script:
        "../scripts/run_plan.py"
