# Year after year: flows between consecutive reviews, attainment of the previous plan, and
# trends of every review on one geography.


rule flows:
    input:
        code=code_of("run_flows"),
        households=lambda wildcards: reviews_up_to(
            wildcards.year, "results/{year}/households.parquet"
        ),
        gates=lambda wildcards: [
            f"results/{y}/validation.txt"
            for y in (previous_review(wildcards.year), wildcards.year)
        ],
        rejects=lambda wildcards: [
            f"results/{y}/rejects.parquet"
            for y in (previous_review(wildcards.year), wildcards.year)
        ],
        registry=config["registry"],
    output:
        flows="results/{year}/flows.parquet",
        xlsx="results/{year}/tables/flows.xlsx",
    log:
        "results/{year}/logs/flows.log",
    benchmark:
        "results/{year}/benchmarks/flows.tsv"
    conda:
        CONDA_ENV
    params:
        district=config["district"],
        language=LANGUAGE,
    script:
        "../scripts/run_flows.py"


rule attainment:
    input:
        code=code_of("run_attainment"),
        targets=lambda wildcards: f"results/{previous_year(wildcards.year)}/targets.parquet",
        flows="results/{year}/flows.parquet",
        communes="results/{year}/communes.parquet",
        district="results/{year}/district.parquet",
        registry=config["registry"],
    output:
        attainment="results/{year}/attainment.parquet",
        xlsx="results/{year}/tables/attainment.xlsx",
    log:
        "results/{year}/logs/attainment.log",
    benchmark:
        "results/{year}/benchmarks/attainment.tsv"
    conda:
        CONDA_ENV
    params:
        goals=config["goals"],
        district=config["district"],
        language=LANGUAGE,
    script:
        "../scripts/run_attainment.py"


rule trends:
    input:
        code=code_of("run_trends", "trends"),
        notebooks=[NOTEBOOKS / "trends.ipynb"],
        communes=expand("results/{year}/communes.parquet", year=review_years()),
        districts=expand("results/{year}/district.parquet", year=review_years()),
        registry=config["registry"],
        flows=[f"results/{y}/flows.parquet" for y in flow_years()],
        attainment=[f"results/{y}/attainment.parquet" for y in attainment_years()],
    output:
        trends="results/trends/trends.parquet",
        trends_notebook="results/trends/notebooks/trends.ipynb",
        trends_html=reported_notebook("trends", "results/trends/notebooks/trends.html"),
        trends_figures=reported_figures("trends"),
    log:
        "results/trends/logs/trends.log",
    benchmark:
        "results/trends/benchmarks/trends.tsv"
    retries: 2
    conda:
        CONDA_ENV
    params:
        geography=config.get("trends", {}).get("geography", "latest"),
        notebooks=lambda wildcards, input, output: {
            "trends": {
                "trends_path": str(output.trends),
                "flows_paths": [str(p) for p in input.flows],
                "attainment_paths": [str(p) for p in input.attainment],
                "figures_dir": str(Path(output.trends_figures[0]).parent),
                "language": LANGUAGE,
            },
        },
    script:
        "../scripts/run_trends.py"
