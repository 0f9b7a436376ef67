"""One function per pipeline step, from input files to output files.

Snakemake scripts (workflow/scripts/) only call these with their inputs, outputs and
params; tests call them directly. Each step logs what it did (counts, never personal
data) and raises PovertyPlanError for anything the user must fix.
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import pyarrow as pa

from ..clean.file import clean_file
from ..clean.households import CleanResult, combine_year, files_with
from ..compute import datasets
from ..compute.aggregate import commune_counts, communes_without_households, district_totals
from ..compute.attainment import commune_statuses, judged_plan_review_year, plan_attainment
from ..compute.deprivation import af_measures, deprivation_table, group_breakdown
from ..compute.flows import check_flows, district_poor_households, review_flows
from ..compute.geography import geography_year, mappings_onto, unit_mapping, unmapped_notes
from ..compute.reconcile import (
    check_review_year,
    finding_counts,
    load_published,
    reconciliation,
)
from ..compute.standards import derive_status, income_factors, mismatches, standard_for_year
from ..compute.targets import commune_targets, plan_goals
from ..compute.trends import trend_table, unit_count, unmapped_unit_notes
from ..core.errors import DataError
from ..present.tables import (
    add_breakdown_sheets,
    plan_table,
    write_attainment_xlsx,
    write_deprivation_xlsx,
    write_flows_xlsx,
    write_plan_table_csv,
    write_plan_table_xlsx,
    write_rejects_xlsx,
)
from ..read.columns import ColumnSpec, load_column_spec, standards_folder
from ..read.raw import file_digest
from ..read.registry import (
    commune_lookup,
    commune_names,
    load_registry,
    review_date,
    units_valid_on,
)
from . import cache
from .provenance import (
    notebook_parameters,
    package_versions,
    provenance_record,
    write_provenance,
)

log = logging.getLogger("povertyplan")


def _clean_one(
    raw: str, spec: ColumnSpec, units: pd.DataFrame, year: int, lookup: dict[str, str]
) -> CleanResult:
    """Read and clean one raw file (`clean.file.clean_file`, which the pre-check runs
    too), and say how it went in the log."""
    result = clean_file(raw, spec, units, year, lookup)
    if result.ledger["refused"]:
        log.error("refused: %s", result.ledger["refused"])
    _log_file(result)
    return result


def _log_file(result: CleanResult) -> None:
    """One line for a file read: rows read, kept, rejected and how it was understood."""
    entry = result.ledger
    if not entry["refused"]:
        log.info(
            "%s: %d rows read, %d kept, %d rejected (%d problems); sheets %s; ignored columns "
            "%s; ignored sheets %s; income in %s (%s)",
            entry["source_file"],
            entry["rows_read"],
            entry["rows_kept"],
            entry["rows_rejected"],
            entry["problems"],
            entry["sheet"],
            entry["ignored_columns"],
            entry["ignored_sheets"],
            entry["income_unit"] or "-",
            entry["income_unit_basis"] or "no amount",
        )
        _log_analyst_notes(result.rejects)


def _log_analyst_notes(rejects: pd.DataFrame) -> None:
    """What the analyst can change in the configuration for the rejects of one file (the
    officers' messages only say what to write in the file)."""
    unknown = rejects[rejects["reason"] == "unknown_commune"]
    if len(unknown):
        log.warning(
            "%s: %d row(s) name a commune the registry does not know for the year; if a "
            "spelling is right, add it to the commune's aliases in config/communes.csv",
            unknown["source_file"].iloc[0],
            len(unknown),
        )


def _cleaned_in_cache(
    raws: list[str],
    spec: ColumnSpec,
    settings_files: list[str],
    registry_path: str,
    year: int,
    folder: str,
    workers: int,
) -> tuple[list[str], int]:
    """Make sure the cache in `folder` holds the cleaning of every raw file; only the files
    with no entry (new, changed, or cleaned by other code, or another column spec,
    standards or registry: `settings_files`) are read, in `workers` processes when there
    are several. Returns each file's key and how many files were read."""
    settings = cache.digest_of_files(settings_files) + cache.code_digest()
    keys = [cache.cache_key(Path(r).name, file_digest(r), year, settings) for r in raws]
    missing = [
        (raw, key) for raw, key in zip(raws, keys, strict=True) if not cache.has(folder, key)
    ]
    if missing:
        units = load_registry(registry_path)
        lookup = commune_lookup(units, review_date(year))  # once for all the files
        jobs = [(raw, spec, units, year, lookup, folder, key) for raw, key in missing]
        if workers > 1 and len(missing) > 1:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(min(workers, len(missing)), mp_context=context) as pool:
                list(pool.map(_clean_into_cache, jobs, chunksize=max(1, len(jobs) // workers // 4)))
        else:
            for job in jobs:
                _clean_into_cache(job)
    cache.prune(folder, set(keys))
    return keys, len(missing)


def _clean_into_cache(job: tuple) -> None:
    raw, spec, units, year, lookup, folder, key = job
    schema = datasets.households_schema(spec.indicators)
    cache.store(folder, key, _clean_one(raw, spec, units, year, lookup), schema)


def clean_year(
    raws: list[str],
    registry: str,
    columns: str,
    year: int,
    cache_dir: str,
    out_households: str,
    out_rejects: str,
    out_ledger: str,
    out_rejects_xlsx: str | None = None,
    workers: int = 1,
    standards_dir: str | None = None,
) -> pd.DataFrame:
    """Clean every raw file of one review year in one job and combine them (`combine`):
    the files to read are read by a pool of `workers` processes when there are several.
    Each file's cleaning is kept in `cache_dir` (`pipeline.cache`): a rerun reads only
    the files that changed or were added. The indicator columns are those of the poverty
    standards in `standards_dir` (default: config/standards/ beside `columns`)."""
    spec = load_column_spec(columns, standards_dir)
    standards = standards_folder(columns, standards_dir)
    settings_files = [columns, registry, *map(str, sorted(standards.glob("*.yaml")))]
    keys, read = _cleaned_in_cache(raws, spec, settings_files, registry, year, cache_dir, workers)
    log.info(
        "%d files: %d read, %d unchanged since the last run", len(raws), read, len(raws) - read
    )
    results = [cache.load(cache_dir, key) for key in keys]
    schema = datasets.households_schema(spec.indicators)
    return combine(results, out_households, out_rejects, out_ledger, out_rejects_xlsx, schema)


def combine(
    results: list[CleanResult],
    out_households: str,
    out_rejects: str,
    out_ledger: str,
    out_rejects_xlsx: str | None,
    households_schema: pa.Schema,
) -> pd.DataFrame:
    """Combine the cleaned files of one review year (`clean.combine_year`): a file sent
    twice is read once, a household in two files is kept once when its rows say the same
    and else rejected in both, refused files are listed; every file's ledger entry is
    updated and balanced. Writes the year's households, rejects, ledger and rejects
    workbook; returns the ledger."""
    year = combine_year(results)
    ledger = year.ledger.copy()
    for key in ("ignored_columns", "ignored_sheets", "text_encodings"):
        ledger[key] = ledger[key].map("; ".join)
    datasets.write_parquet(
        year.households if len(year.households) else datasets.empty_frame(households_schema),
        households_schema,
        out_households,
    )
    datasets.write_parquet(year.rejects, datasets.REJECTS, out_rejects)
    datasets.write_parquet(ledger, datasets.LEDGER, out_ledger)
    if out_rejects_xlsx:
        write_rejects_xlsx(datasets.read_parquet(out_rejects), out_rejects_xlsx)
    for entry in ledger.itertuples(index=False):
        if entry.duplicate_of:
            log.warning(
                "%s is the same file as %s (same content): read once",
                entry.source_file,
                entry.duplicate_of,
            )

    across = (
        int((year.rejects["reason"] == "duplicate_across_files").sum()) if len(year.rejects) else 0
    )
    if across:
        log.warning("%d rows rejected: households found in more than one file", across)
    if not len(year.households) and not ledger["refused"].astype(bool).any():
        raise DataError("no household rows were kept from any file", hint="check the raw folder")
    return ledger


def validation_gate(ledger: str, mode: str, out: str) -> str:
    """Summarise the year's ledger; in strict mode fail when a file was refused or any
    row was rejected, listing every such file at once; in lenient mode go on without
    them, saying so.

    Returns (and writes to `out`) the one-line summary.
    """
    table = datasets.read_parquet(ledger)
    read, kept, rejected = (
        int(table[c].sum()) for c in ("rows_read", "rows_kept", "rows_rejected")
    )
    year = int(table["review_year"].iloc[0])
    refused, copies = files_with(table, "refused"), files_with(table, "duplicate_of")
    summary = (
        f"{year}: {len(table)} files, {read} rows read, {kept} kept, {rejected} rejected"
        + (f", {len(refused)} files refused ({', '.join(refused)})" if refused else "")
        + (f", {len(copies)} copies read once ({', '.join(copies)})" if copies else "")
        + f" (validation {mode})"
    )
    log.info(summary)
    for message in table.loc[table["refused"] != "", "refused"]:
        log.error("refused: %s", message)
    if (rejected or refused) and mode == "strict":
        files = table.loc[table["rows_rejected"] > 0, "source_file"].tolist()
        problems = ([f"rows were rejected in {', '.join(files)}"] if files else []) + (
            [f"files were refused: {', '.join(refused)}"] if refused else []
        )
        raise DataError(
            f"{summary}; {'; '.join(problems)}",
            file=f"results/{year}/rejects.parquet",
            hint=f"read the reasons there (and in results/{year}/rejects.xlsx), have the "
            "communes correct their files, or set validation.mode: lenient to go on with the "
            "valid rows and files",
        )
    if not kept:
        raise DataError(
            f"{summary}; no household is left to plan with",
            file=f"results/{year}/rejects.parquet",
            hint="read the reasons there and have the communes correct their files",
        )
    Path(out).write_text(summary + "\n", encoding="utf-8")
    return summary


def aggregate(
    households: str, registry: str, district: dict, year: int, communes: str, out_district: str
) -> None:
    """Commune and district counts and rates for one review year."""
    frame = datasets.read_parquet(households)
    units = units_valid_on(load_registry(registry), review_date(year))
    by_commune = commune_counts(frame, units)
    missing = communes_without_households(units, by_commune, str(district.get("code", "")))
    if missing:
        log.warning("no households for the registry communes %s in %d", ", ".join(missing), year)
    datasets.write_parquet(by_commune, datasets.COMMUNES, communes)
    datasets.write_parquet(district_totals(by_commune, district), datasets.DISTRICT, out_district)


def targets(
    communes: str,
    targets_config: dict,
    goals_config: dict,
    year: int,
    out_targets: str,
    out_goals: str,
) -> None:
    """The plan for year + 1: commune targets and the district's goal checks."""
    table = commune_targets(datasets.read_parquet(communes), targets_config, year + 1)
    datasets.write_parquet(table, datasets.TARGETS, out_targets)
    datasets.write_parquet(plan_goals(table, goals_config), datasets.GOALS, out_goals)


def tables(targets_path: str, district_name: str, language: str, xlsx: str, csv: str) -> None:
    """The commune target table in the plan's layout, as .xlsx and .csv."""
    frame = datasets.read_parquet(targets_path)
    table = plan_table(frame, language)
    plan_year = int(frame["plan_year"].iloc[0])
    write_plan_table_xlsx(table, xlsx, plan_year, district_name, language)
    write_plan_table_csv(table, csv)


def classify(
    households: str,
    standards_dir: str,
    standard: str,
    year: int,
    out_classification: str,
    out_mismatches: str,
    ledger: str | None = None,
) -> None:
    """The status each household's income and deprivations imply under the review's
    standard, beside the recorded one, and the table of mismatches (which say when a
    file's income was read as thousand đồng, from the year's `ledger`)."""
    chosen = standard_for_year(standards_dir, year, standard)
    frame = datasets.read_parquet(households)
    derived = derive_status(frame, chosen)
    factor = None
    if ledger:
        units = datasets.read_parquet(ledger, ["source_file", "income_unit"])
        factor = income_factors(frame["source_file"], units)
    found = mismatches(derived, chosen, factor)
    datasets.write_parquet(derived, datasets.CLASSIFICATION, out_classification)
    datasets.write_parquet(found, datasets.MISMATCHES, out_mismatches)
    log.info(
        "standard %s (%s): %d households, %d whose recorded status differs from the derived one",
        chosen.id,
        ", ".join(chosen.legal_basis),
        len(derived),
        len(found),
    )
    if chosen.unverified:
        log.warning(
            "standard %s has unverified values: %s", chosen.id, ", ".join(chosen.unverified)
        )


def deprivations(
    households: str,
    standards_dir: str,
    standard: str,
    district: dict,
    af_config: dict,
    year: int,
    registry: str,
    out_deprivations: str,
    out_breakdowns: str,
    out_af: str,
    out_xlsx: str,
) -> None:
    """Deprivation and group tables, the Alkire-Foster measures (the configured weights and
    cutoff, and the official "3 of N, equal weights" view), and the forms' workbook."""
    chosen = standard_for_year(standards_dir, year, standard)
    frame = datasets.read_parquet(households)
    code = str(district.get("code", ""))
    table = deprivation_table(frame, chosen, code)
    datasets.write_parquet(table, datasets.DEPRIVATIONS, out_deprivations)
    breakdowns = group_breakdown(frame, code)
    datasets.write_parquet(breakdowns, datasets.BREAKDOWNS, out_breakdowns)
    measures = pd.concat(
        [
            af_measures(
                frame, chosen, code, af_config.get("weights", "nested"), af_config.get("k")
            ),
            af_measures(frame, chosen, code, "equal", None),
        ],
        ignore_index=True,
    )
    datasets.write_parquet(measures, datasets.AF, out_af)
    names = commune_names(load_registry(registry), year) | {code: district.get("name", code)}
    write_deprivation_xlsx(table, names, out_xlsx, list(chosen.indicators))
    add_breakdown_sheets(out_xlsx, breakdowns, names)


def _previous_units(registry: pd.DataFrame, previous_year: int, year: int) -> pd.DataFrame:
    """The previous review's communes and their units in review `year`
    (`geography.unit_mapping`); each unit that cannot be mapped is logged."""
    mapping = unit_mapping(registry, previous_year, year)
    for note in unmapped_notes(mapping):
        log.warning("%d → %d: %s", previous_year, year, note)
    return mapping


FLOW_FIELDS = ["review_year", "household_id", "commune_code", "status", "members", "re_poor"]


def _read_pair(households: list[str], year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The households of the previous review built and of review `year` (the last two of
    `households`); DataError when there is no previous review or either has none."""
    if len(households) < 2:
        raise DataError(f"{year}: the flows need the previous review's households")
    previous = datasets.read_parquet(households[-2], FLOW_FIELDS)
    current = datasets.read_parquet(households[-1], FLOW_FIELDS)
    if previous.empty or current.empty:
        raise DataError(
            f"{year}: the flows need households in both reviews, and "
            f"{households[-2] if previous.empty else households[-1]} has none",
            hint="read the year's rejects: every file of it was refused or rejected",
        )
    return previous, current


def _read_earlier(households: list[str]) -> list[pd.DataFrame]:
    """The households of the reviews before the pair, those that have any."""
    return [
        frame
        for path in households
        if len(
            frame := datasets.read_parquet(
                path, ["review_year", "household_id", "commune_code", "status"]
            )
        )
    ]


def _log_rejected(rejects: list[str] | None, previous_year: int, year: int) -> None:
    """Warn that the pair's rejected rows (lenient mode) count as having left or arrived."""
    rejected = sum(len(datasets.read_parquet(path, ["reason"])) for path in rejects or [])
    if rejected:
        log.warning(
            "%d rejected rows in %d-%d (lenient mode): their households count as having left "
            "or arrived in the flows",
            rejected,
            previous_year,
            year,
        )


def _log_poor_flows(table: pd.DataFrame, previous_year: int, year: int) -> None:
    """One line for the district's poor households: opening, closing, flows, re-poor."""
    district_poor = district_poor_households(table)
    log.info(
        "%d → %d: poor households %d → %d (−%d +%d); re-poor %d, of which %d only from the "
        "files' re-poor column",
        previous_year,
        year,
        district_poor["opening"],
        district_poor["closing"],
        district_poor["decreases"],
        district_poor["increases"],
        district_poor["increase_re_poor"],
        district_poor["re_poor_recorded_only"],
    )


def flows(
    households: list[str],
    registry: str,
    district: dict,
    year: int,
    language: str,
    out_flows: str,
    out_xlsx: str,
    rejects: list[str] | None = None,
) -> pd.DataFrame:
    """The flows between the previous review built and review `year` (`households`: the
    households.parquet of every review built up to `year`, oldest first; the last two are
    the pair). Re-poor households are found from the earlier reviews and from the re-poor
    column of the files. `rejects`: the pair's rejects.parquet, to warn that rejected
    households (lenient mode) count as having left or arrived."""
    previous, current = _read_pair(households, year)
    previous_year = int(previous["review_year"].iloc[0])
    if year - previous_year > 1:
        log.warning(
            "no review between %d and %d: the flows span %d years",
            previous_year,
            year,
            year - previous_year,
        )
    earlier = _read_earlier(households[:-2])
    units = load_registry(registry)
    mapping = _previous_units(units, previous_year, year)
    table = review_flows(previous, current, earlier, units, mapping, district, year)
    check_flows(table, previous, current, str(district.get("code", "")), year)
    datasets.write_parquet(table, datasets.FLOWS, out_flows)
    write_flows_xlsx(datasets.read_parquet(out_flows), out_xlsx, language)
    _log_rejected(rejects, previous_year, year)
    _log_poor_flows(table, previous_year, year)
    return table


def attainment(
    targets_path: str,
    flows_path: str,
    communes: str,
    district_path: str,
    registry: str,
    goals_config: dict,
    district: dict,
    year: int,
    language: str,
    out_attainment: str,
    out_xlsx: str,
) -> pd.DataFrame:
    """How review `year` met the plan made from review `year` − 1."""
    plan = datasets.read_parquet(targets_path)
    flow_rows = datasets.read_parquet(flows_path)
    by_commune = datasets.read_parquet(communes)
    totals = datasets.read_parquet(district_path).iloc[0]
    plan_review_year = judged_plan_review_year(plan, year, targets_path)
    mapping = _previous_units(load_registry(registry), plan_review_year, year)
    table = plan_attainment(
        plan, mapping, flow_rows, by_commune, totals, goals_config, district, year
    )
    datasets.write_parquet(table, datasets.ATTAINMENT, out_attainment)
    write_attainment_xlsx(datasets.read_parquet(out_attainment), out_xlsx, language)
    log.info("plan %d judged by review %d: %s", plan_review_year + 1, year, commune_statuses(table))
    return table


def trends(
    communes: list[str],
    districts: list[str],
    registry: str,
    geography: str | int | None,
    out_trends: str,
) -> pd.DataFrame:
    """Poor and near-poor counts and rates of every review on one geography (the units
    of `geography`: a year, or `latest` for the latest review year built)."""
    by_year = {}
    district_by_year = {}
    for commune_path, district_path in zip(communes, districts, strict=True):
        frame = datasets.read_parquet(commune_path)
        year = int(frame["review_year"].iloc[0])
        by_year[year] = frame
        district_by_year[year] = datasets.read_parquet(district_path)
    target = geography_year(geography, list(by_year))
    mappings = mappings_onto(load_registry(registry), list(by_year), target)
    table = trend_table(by_year, district_by_year, mappings, target)
    datasets.write_parquet(table, datasets.TRENDS, out_trends)
    for note in unmapped_unit_notes(table):
        log.warning("trends on the units of %d: %s", target, note)
    log.info("trends: %d reviews on the %d units of %d", len(by_year), unit_count(table), target)
    return table


def provenance(
    raw_files: list[str],
    registry: str,
    columns: str,
    standards_dir: str,
    standard: str,
    config: dict,
    git: dict,
    notebooks: list[str],
    year: int | None,
    out: str,
    published: list[str] | None = None,
) -> dict:
    """results/Y/provenance.json: checksums of the inputs, the configuration used, git,
    versions and notebook parameters (no timestamps, no personal data). With `year` None,
    the provenance of the trends across every review (results/trends/)."""
    inputs = {"registry": registry, "columns": columns}
    if year is not None:
        inputs["standard"] = standard_for_year(standards_dir, year, standard).source
    else:
        inputs |= {f"standard:{p.name}": str(p) for p in sorted(Path(standards_dir).glob("*.yaml"))}
    record = provenance_record(
        year,
        raw_files,
        inputs | {f"published:{Path(p).name}": p for p in published or []},
        config,
        git,
        package_versions(),
        notebook_parameters(notebooks),
    )
    write_provenance(record, out)
    state = "with uncommitted changes" if git.get("dirty") else "clean"
    log.info(
        "%s: %d raw files, config %s, commit %s (%s)",
        year or "trends",
        len(raw_files),
        record["config_sha256"][:12],
        git.get("commit"),
        state,
    )
    return record


def reconcile(
    published: list[str],
    targets_path: str,
    district_path: str,
    registry: str,
    year: int,
    out: str,
) -> pd.DataFrame:
    """Every published plan of review `year` (its YAML files) compared cell by cell with
    the plan recomputed from the households."""
    units = load_registry(registry)
    targets_frame = datasets.read_parquet(targets_path)
    district_row = datasets.read_parquet(district_path).iloc[0]
    frames = []
    for path in sorted(published):
        plan = load_published(path, units)
        check_review_year(plan, year, path)
        frames.append(reconciliation(plan, targets_frame, district_row))
        log.info("%s (%s): %s", plan.id, plan.source, finding_counts(frames[-1]))
    table = pd.concat(frames, ignore_index=True)
    datasets.write_parquet(table, datasets.RECONCILIATION, out)
    return table
