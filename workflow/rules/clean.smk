# Cleaning: one job per raw file, then the year's households, rejects and ledger.


rule clean_file:
    input:
        code=PACKAGE,
        raw=f"{RAW}/{{year}}/{{file}}",
        registry=config["registry"],
        columns=config["columns"],
    output:
        households="results/{year}/clean/households/{file}.parquet",
        rejects="results/{year}/clean/rejects/{file}.parquet",
        ledger="results/{year}/clean/ledger/{file}.json",
    log:
        "results/{year}/logs/clean_file/{file}.log",
    benchmark:
        "results/{year}/benchmarks/clean_file/{file}.tsv"
    conda:
        CONDA_ENV
    script:
        "../scripts/run_clean_file.py"


rule combine:
    input:
        code=PACKAGE,
        households=per_file("results/{year}/clean/households/{file}.parquet"),
        rejects=per_file("results/{year}/clean/rejects/{file}.parquet"),
        ledgers=per_file("results/{year}/clean/ledger/{file}.json"),
    output:
        households="results/{year}/households.parquet",
        rejects="results/{year}/rejects.parquet",
        rejects_xlsx="results/{year}/rejects.xlsx",
        ledger="results/{year}/ledger.parquet",
    log:
        "results/{year}/logs/combine.log",
    benchmark:
        "results/{year}/benchmarks/combine.tsv"
    conda:
        CONDA_ENV
    script:
        "../scripts/run_combine.py"


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
