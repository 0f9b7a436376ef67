# Cleaning: every raw file of a year in one job (a few processes when there are many
# files), each file's cleaning kept in a cache so that a rerun reads only changed files.


rule clean_year:
    input:
        code=PACKAGE,
        raw=lambda wildcards: [
            f"{RAW}/{wildcards.year}/{f}" for f in raw_files(wildcards.year)
        ],
        registry=config["registry"],
        columns=config["columns"],
    output:
        households="results/{year}/households.parquet",
        rejects="results/{year}/rejects.parquet",
        rejects_xlsx="results/{year}/rejects.xlsx",
        ledger="results/{year}/ledger.parquet",
    log:
        "results/{year}/logs/clean_year.log",
    benchmark:
        "results/{year}/benchmarks/clean_year.tsv"
    conda:
        CONDA_ENV
    threads: workflow.cores
    params:
        cache="results/{year}/clean/cache",
    script:
        "../scripts/run_clean_year.py"


rule validation_gate:
    input:
        code=PACKAGE,
        ledger="results/{year}/ledger.parquet",
        # the data-quality report is written before a strict run stops on rejects
        report="results/{year}/notebooks/data_quality.html",
    output:
        "results/{year}/validation.txt",
    log:
        "results/{year}/logs/validation_gate.log",
    benchmark:
        "results/{year}/benchmarks/validation_gate.tsv"
    conda:
        CONDA_ENV
    params:
        mode=config["validation"].get("mode", "strict"),
    script:
        "../scripts/run_validation_gate.py"
