# Presentation: notebooks executed with papermill (then HTML, input hidden) and the index.


rule notebook_data_quality:
    input:
        code=code_of("run_notebooks", "data_quality"),
        notebooks=[NOTEBOOKS / "data_quality.ipynb"],
        ledger="results/{year}/ledger.parquet",
        rejects="results/{year}/rejects.parquet",
        mismatches="results/{year}/mismatches.parquet",
        registry=config["registry"],
    output:
        data_quality_notebook="results/{year}/notebooks/data_quality.ipynb",
        data_quality_html=reported_notebook(
            "data_quality", "results/{year}/notebooks/data_quality.html"
        ),
        data_quality_figures=reported_figures("data_quality"),
    log:
        "results/{year}/logs/notebook_data_quality.log",
    benchmark:
        "results/{year}/benchmarks/notebook_data_quality.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        notebooks=lambda wildcards, input, output: {
            "data_quality": {
                "review_year": int(wildcards.year),
                "ledger_path": str(input.ledger),
                "rejects_path": str(input.rejects),
                "mismatches_path": str(input.mismatches),
                "registry_path": str(input.registry),
                "figures_dir": str(Path(output.data_quality_figures[0]).parent),
                "language": LANGUAGE,
            },
        },
    script:
        "../scripts/run_notebooks.py"


# A year's presentation notebooks after its plan, in one job: a kernel for each thread
# the job is given, each kernel running notebooks one after the other (a notebook's own
# work takes one or two seconds, starting a kernel about two).
YEAR_NOTEBOOKS = ["overview", "targets", "deprivations"]


rule notebooks:
    input:
        code=code_of("run_notebooks", *YEAR_NOTEBOOKS),
        notebooks=[NOTEBOOKS / f"{notebook}.ipynb" for notebook in YEAR_NOTEBOOKS],
        communes="results/{year}/communes.parquet",
        district="results/{year}/district.parquet",
        targets="results/{year}/targets.parquet",
        goals="results/{year}/goals.parquet",
        table="results/{year}/tables/commune_targets.csv",
        deprivations="results/{year}/deprivations.parquet",
        breakdowns="results/{year}/breakdowns.parquet",
        af="results/{year}/af_measures.parquet",
        registry=config["registry"],
        standards=STANDARDS,
    output:
        overview_notebook="results/{year}/notebooks/overview.ipynb",
        overview_html=reported_notebook(
            "overview", "results/{year}/notebooks/overview.html"
        ),
        overview_figures=reported_figures("overview"),
        targets_notebook="results/{year}/notebooks/targets.ipynb",
        targets_html=reported_notebook(
            "targets", "results/{year}/notebooks/targets.html"
        ),
        targets_figures=reported_figures("targets"),
        deprivations_notebook="results/{year}/notebooks/deprivations.ipynb",
        deprivations_html=reported_notebook(
            "deprivations", "results/{year}/notebooks/deprivations.html"
        ),
        deprivations_figures=reported_figures("deprivations"),
    log:
        "results/{year}/logs/notebooks.log",
    benchmark:
        "results/{year}/benchmarks/notebooks.tsv"
    retries: 2
    conda:
        CONDA_ENV
    # one review year: its notebooks use the cores; several: the years' jobs share them
    threads: 1 if len(review_years()) > 1 else min(workflow.cores, len(YEAR_NOTEBOOKS))
    params:
        # the longest first: with two kernels, one takes it, the other the two others
        notebooks=lambda wildcards, input, output: {
            "deprivations": {
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
                "figures_dir": str(Path(output.deprivations_figures[0]).parent),
                "language": LANGUAGE,
            },
            "overview": {
                "review_year": int(wildcards.year),
                "communes_path": str(input.communes),
                "district_path": str(input.district),
                "figures_dir": str(Path(output.overview_figures[0]).parent),
                "language": LANGUAGE,
            },
            "targets": {
                "review_year": int(wildcards.year),
                "targets_path": str(input.targets),
                "goals_path": str(input.goals),
                "figures_dir": str(Path(output.targets_figures[0]).parent),
                "language": LANGUAGE,
            },
        },
    script:
        "../scripts/run_notebooks.py"


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
        code=code_of("run_reconcile", "reconciliation"),
        notebooks=[NOTEBOOKS / "reconciliation.ipynb"],
        published=lambda wildcards: [
            f for p in PUBLISHED[wildcards.year] for f in published_inputs(p)
        ],
        targets="results/{year}/targets.parquet",
        district="results/{year}/district.parquet",
        registry=config["registry"],
    output:
        reconciliation="results/{year}/reconciliation.parquet",
        reconciliation_notebook="results/{year}/notebooks/reconciliation.ipynb",
        reconciliation_html=reported_notebook(
            "reconciliation", "results/{year}/notebooks/reconciliation.html"
        ),
    log:
        "results/{year}/logs/reconciliation.log",
    benchmark:
        "results/{year}/benchmarks/reconciliation.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        plans=lambda wildcards: PUBLISHED[wildcards.year],
        notebooks=lambda wildcards, output: {
            "reconciliation": {
                "review_year": int(wildcards.year),
                "reconciliation_path": str(output.reconciliation),
                "language": LANGUAGE,
            },
        },
    script:
        "../scripts/run_reconcile.py"


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
