# Presentation: notebooks executed with papermill (then HTML, input hidden) and the index.


rule notebook_data_quality:
    input:
        code=code_of("run_notebook", "data_quality"),
        notebook=NOTEBOOKS / "data_quality.ipynb",
        ledger="results/{year}/ledger.parquet",
        rejects="results/{year}/rejects.parquet",
        mismatches="results/{year}/mismatches.parquet",
        registry=config["registry"],
    output:
        notebook="results/{year}/notebooks/data_quality.ipynb",
        html=reported_notebook(
            "data_quality", "results/{year}/notebooks/data_quality.html"
        ),
        figures=reported_figures("data_quality"),
    log:
        "results/{year}/logs/notebook_data_quality.log",
    benchmark:
        "results/{year}/benchmarks/notebook_data_quality.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        parameters=lambda wildcards, input, output: {
            "review_year": int(wildcards.year),
            "ledger_path": str(input.ledger),
            "rejects_path": str(input.rejects),
            "mismatches_path": str(input.mismatches),
            "registry_path": str(input.registry),
            "figures_dir": str(Path(output.figures[0]).parent),
            "language": LANGUAGE,
        },
    script:
        "../scripts/run_notebook.py"


rule notebook_overview:
    input:
        code=code_of("run_notebook", "overview"),
        notebook=NOTEBOOKS / "overview.ipynb",
        communes="results/{year}/communes.parquet",
        district="results/{year}/district.parquet",
    output:
        notebook="results/{year}/notebooks/overview.ipynb",
        html=reported_notebook("overview", "results/{year}/notebooks/overview.html"),
        figures=reported_figures("overview"),
    log:
        "results/{year}/logs/notebook_overview.log",
    benchmark:
        "results/{year}/benchmarks/notebook_overview.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        parameters=lambda wildcards, input, output: {
            "review_year": int(wildcards.year),
            "communes_path": str(input.communes),
            "district_path": str(input.district),
            "figures_dir": str(Path(output.figures[0]).parent),
            "language": LANGUAGE,
        },
    script:
        "../scripts/run_notebook.py"


rule notebook_targets:
    input:
        code=code_of("run_notebook", "targets"),
        notebook=NOTEBOOKS / "targets.ipynb",
        targets="results/{year}/targets.parquet",
        goals="results/{year}/goals.parquet",
        table="results/{year}/tables/commune_targets.csv",
    output:
        notebook="results/{year}/notebooks/targets.ipynb",
        html=reported_notebook("targets", "results/{year}/notebooks/targets.html"),
        figures=reported_figures("targets"),
    log:
        "results/{year}/logs/notebook_targets.log",
    benchmark:
        "results/{year}/benchmarks/notebook_targets.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        parameters=lambda wildcards, input, output: {
            "review_year": int(wildcards.year),
            "targets_path": str(input.targets),
            "goals_path": str(input.goals),
            "figures_dir": str(Path(output.figures[0]).parent),
            "language": LANGUAGE,
        },
    script:
        "../scripts/run_notebook.py"


rule notebook_deprivations:
    input:
        code=code_of("run_notebook", "deprivations"),
        notebook=NOTEBOOKS / "deprivations.ipynb",
        deprivations="results/{year}/deprivations.parquet",
        breakdowns="results/{year}/breakdowns.parquet",
        af="results/{year}/af_measures.parquet",
        registry=config["registry"],
        standards=STANDARDS,
    output:
        notebook="results/{year}/notebooks/deprivations.ipynb",
        html=reported_notebook(
            "deprivations", "results/{year}/notebooks/deprivations.html"
        ),
        figures=reported_figures("deprivations"),
    log:
        "results/{year}/logs/notebook_deprivations.log",
    benchmark:
        "results/{year}/benchmarks/notebook_deprivations.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        parameters=lambda wildcards, input, output: {
            "review_year": int(wildcards.year),
            "deprivations_path": str(input.deprivations),
            "breakdowns_path": str(input.breakdowns),
            "af_path": str(input.af),
            "registry_path": str(input.registry),
            "standards_dir": config.get("standards_dir", "config/standards"),
            "standard": config.get("standard", "auto"),
            "scheme": config.get("alkire_foster", {}).get("weights", "nested"),
            "district_code": str(config["district"]["code"]),
            "district_name": config["district"]["name"],
            "figures_dir": str(Path(output.figures[0]).parent),
            "language": LANGUAGE,
        },
    script:
        "../scripts/run_notebook.py"


rule index:
    input:
        code=code_of("run_index"),
        files=index_inputs(),
    output:
        "results/index.html",
    log:
        "results/logs/index.log",
    benchmark:
        "results/benchmarks/index.tsv"
    conda:
        CONDA_ENV
    params:
        title=INDEX_TITLE,
    script:
        "../scripts/run_index.py"


rule provenance:
    input:
        code=code_of("run_provenance"),
        raw=lambda wildcards: [
            f"{RAW}/{wildcards.year}/{f}" for f in raw_files(wildcards.year)
        ],
        registry=config["registry"],
        columns=config["columns"],
        standards=STANDARDS,
        notebooks=lambda wildcards: expand(
            "results/{year}/notebooks/{notebook}.ipynb",
            year=wildcards.year,
            notebook=[
                *FIGURES,
                *(["reconciliation"] if wildcards.year in PUBLISHED else []),
            ],
        ),
        published=lambda wildcards: [
            f for p in PUBLISHED.get(wildcards.year, []) for f in published_inputs(p)
        ],
    output:
        "results/{year}/provenance.json",
    log:
        "results/{year}/logs/provenance.log",
    benchmark:
        "results/{year}/benchmarks/provenance.tsv"
    conda:
        CONDA_ENV
    params:
        standards_dir=lambda wildcards, input: str(Path(input.standards[0]).parent),
        standard=config.get("standard", "auto"),
        config=config,
        git=GIT,
    script:
        "../scripts/run_provenance.py"


rule reconciliation:
    input:
        code=code_of("run_reconcile"),
        published=lambda wildcards: [
            f for p in PUBLISHED[wildcards.year] for f in published_inputs(p)
        ],
        targets="results/{year}/targets.parquet",
        district="results/{year}/district.parquet",
        registry=config["registry"],
    output:
        "results/{year}/reconciliation.parquet",
    log:
        "results/{year}/logs/reconciliation.log",
    benchmark:
        "results/{year}/benchmarks/reconciliation.tsv"
    conda:
        CONDA_ENV
    params:
        plans=lambda wildcards: PUBLISHED[wildcards.year],
    script:
        "../scripts/run_reconcile.py"


rule notebook_reconciliation:
    input:
        code=code_of("run_notebook", "reconciliation"),
        notebook=NOTEBOOKS / "reconciliation.ipynb",
        reconciliation="results/{year}/reconciliation.parquet",
    output:
        notebook="results/{year}/notebooks/reconciliation.ipynb",
        html=reported_notebook(
            "reconciliation", "results/{year}/notebooks/reconciliation.html"
        ),
    log:
        "results/{year}/logs/notebook_reconciliation.log",
    benchmark:
        "results/{year}/benchmarks/notebook_reconciliation.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        parameters=lambda wildcards, input: {
            "review_year": int(wildcards.year),
            "reconciliation_path": str(input.reconciliation),
            "language": LANGUAGE,
        },
    script:
        "../scripts/run_notebook.py"


rule provenance_trends:
    input:
        code=code_of("run_provenance"),
        raw=[f"{RAW}/{y}/{f}" for y in review_years() for f in raw_files(y)],
        registry=config["registry"],
        columns=config["columns"],
        standards=STANDARDS,
        notebooks=["results/trends/notebooks/trends.ipynb"],
        published=[
            f for y in PUBLISHED for p in PUBLISHED[y] for f in published_inputs(p)
        ],
    output:
        "results/trends/provenance.json",
    log:
        "results/trends/logs/provenance.log",
    benchmark:
        "results/trends/benchmarks/provenance.tsv"
    conda:
        CONDA_ENV
    params:
        standards_dir=lambda wildcards, input: str(Path(input.standards[0]).parent),
        standard=config.get("standard", "auto"),
        config=config,
        git=GIT,
    script:
        "../scripts/run_provenance.py"
