# Cleaning: every raw file of a year in one job (a few processes when there are many
# files), each file's cleaning kept in a cache so that a rerun reads only changed files;
# then each household's classification checked against its standard.


rule clean_year:
    input:
        code=code_of("run_clean_year"),
        raw=lambda wildcards: [
            f"{RAW}/{wildcards.year}/{f}" for f in raw_files(wildcards.year)
        ],
        registry=config["registry"],
        columns=config["columns"],
        standards=STANDARDS,
    output:
        households="results/{year}/households.parquet",
        rejects="results/{year}/rejects.parquet",
        rejects_xlsx="results/{year}/rejects.xlsx",
        ledger="results/{year}/ledger.parquet",
        classification="results/{year}/classification.parquet",
        mismatches="results/{year}/mismatches.parquet",
    log:
        "results/{year}/logs/clean_year.log",
    benchmark:
        "results/{year}/benchmarks/clean_year.tsv"
    conda:
        CONDA_ENV
    threads: workflow.cores
    params:
        cache="results/{year}/clean/cache",
        standards_dir=lambda wildcards, input: str(Path(input.standards[0]).parent),
        standard=config.get("standard", "auto"),
    script:
        "../scripts/run_clean_year.py"
