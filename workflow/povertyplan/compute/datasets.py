"""Parquet datasets with explicit schemas: sorted rows, no index, no pandas metadata, zstd.

The same data always gives the same bytes, whatever the pandas version.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .flows import DECREASES, INCREASES

SORT_KEYS_METADATA = b"povertyplan.sort_keys"


def _dataset(fields: list[tuple[str, pa.DataType]], sort_keys: list[str]) -> pa.Schema:
    """A dataset's schema, carrying the columns its rows are sorted by (as metadata, which
    `to_arrow` reads and leaves out of the file)."""
    return pa.schema(fields, metadata={SORT_KEYS_METADATA: json.dumps(sort_keys).encode()})


def sort_keys(schema: pa.Schema) -> list[str]:
    """The columns a dataset's rows are sorted by."""
    return json.loads((schema.metadata or {})[SORT_KEYS_METADATA])


_HOUSEHOLD_FIELDS_BEFORE_INDICATORS = [
    ("review_year", pa.int16()),
    ("commune_code", pa.string()),
    ("household_id", pa.string()),
    ("village", pa.string()),
    ("area", pa.string()),
    ("ethnicity", pa.string()),
    ("ethnic_minority", pa.bool_()),
    ("members", pa.int16()),
    ("workers", pa.int16()),
    ("income", pa.float64()),
    ("score_b1", pa.float64()),
]
_HOUSEHOLD_FIELDS_AFTER_INDICATORS = [
    ("deprivation_count", pa.int8()),
    ("status", pa.string()),
    ("can_exit", pa.bool_()),
    ("re_poor", pa.bool_()),
    ("social_protection", pa.bool_()),
    ("merit", pa.bool_()),
    ("head_female", pa.bool_()),
    ("cause", pa.string()),
    ("source_file", pa.string()),
    ("sheet", pa.string()),
    ("source_row", pa.int32()),
]


def households_schema(indicators: list[str]) -> pa.Schema:
    """The households dataset: what every file gives, then one yes/no column per
    deprivation indicator, those of the poverty standards (`ColumnSpec.indicators`: the
    indicators of config/standards/, in the column spec's order), so an indicator added to
    a standard is kept like the others."""
    return _dataset(
        [
            *_HOUSEHOLD_FIELDS_BEFORE_INDICATORS,
            *[(name, pa.bool_()) for name in indicators],
            *_HOUSEHOLD_FIELDS_AFTER_INDICATORS,
        ],
        ["commune_code", "household_id", "source_file", "sheet", "source_row"],
    )


COUNT_COLUMNS = [
    "households",
    "persons",
    "poor",
    "near_poor",
    "ethnic_minority",
    "poor_ethnic_minority",
    "near_poor_ethnic_minority",
    "poor_targeted",
    "poor_hardcore",
]


def _counts_and_rates() -> list[tuple[str, pa.DataType]]:
    fields: list[tuple[str, pa.DataType]] = [("households", pa.int32()), ("persons", pa.int32())]
    for name in COUNT_COLUMNS[2:]:
        fields += [(name, pa.int32()), (f"{name}_rate", pa.float64())]
    return fields


COMMUNES = _dataset(
    [
        ("review_year", pa.int16()),
        ("commune_code", pa.string()),
        ("commune_name", pa.string()),
        ("area", pa.string()),
        ("display_order", pa.int16()),
        *_counts_and_rates(),
    ],
    ["display_order", "commune_code"],
)

DISTRICT = _dataset(
    [
        ("review_year", pa.int16()),
        ("district_code", pa.string()),
        ("district_name", pa.string()),
        ("province_name", pa.string()),
        ("communes", pa.int16()),
        *_counts_and_rates(),
    ],
    ["review_year"],
)

TARGETS = _dataset(
    [
        ("review_year", pa.int16()),
        ("plan_year", pa.int16()),
        ("commune_code", pa.string()),
        ("commune_name", pa.string()),
        ("display_order", pa.int16()),
        ("households", pa.int32()),
        ("poor", pa.int32()),
        ("poor_rate", pa.float64()),
        ("poor_targeted", pa.int32()),
        ("poor_targeted_rate", pa.float64()),
        ("poor_hardcore", pa.int32()),
        ("poor_hardcore_rate", pa.float64()),
        ("target_reduction", pa.int32()),
        ("target_reduction_rate", pa.float64()),
        ("poor_end", pa.int32()),
        ("poor_end_rate", pa.float64()),
        ("target_policy", pa.string()),
    ],
    ["display_order", "commune_code"],
)

GOALS = _dataset(
    [
        ("review_year", pa.int16()),
        ("plan_year", pa.int16()),
        ("target_policy", pa.string()),
        ("households", pa.int32()),
        ("poor", pa.int32()),
        ("target_reduction", pa.int32()),
        ("target_reduction_rate", pa.float64()),
        ("reduction_band_min", pa.float64()),
        ("reduction_band_max", pa.float64()),
        ("target_within_band", pa.bool_()),
        ("new_poor_households_min", pa.int32()),
        ("new_poor_households_max", pa.int32()),
        ("new_poor_percent_min", pa.float64()),
        ("new_poor_percent_max", pa.float64()),
        ("new_poor_percent_as_households_min", pa.float64()),
        ("new_poor_percent_as_households_max", pa.float64()),
        ("new_poor_households_as_percent_min", pa.float64()),
        ("new_poor_households_as_percent_max", pa.float64()),
        ("new_poor_ranges_agree", pa.bool_()),
    ],
    ["review_year"],
)

REJECTS = _dataset(
    [
        ("review_year", pa.int16()),
        ("source_file", pa.string()),
        ("sheet", pa.string()),
        ("source_row", pa.int32()),
        ("commune_code", pa.string()),
        ("column", pa.string()),
        ("field", pa.string()),
        ("reason", pa.string()),
        ("message", pa.string()),
        ("message_vi", pa.string()),
        ("raw_values", pa.string()),
    ],
    ["source_file", "source_row", "field", "reason"],
)

LEDGER = _dataset(
    [
        ("review_year", pa.int16()),
        ("source_file", pa.string()),
        ("sheet", pa.string()),
        ("grid_rows", pa.int32()),
        ("rows_read", pa.int32()),
        ("rows_kept", pa.int32()),
        ("rows_rejected", pa.int32()),
        ("problems", pa.int32()),
        ("title_rows", pa.int32()),
        ("header_rows", pa.int32()),
        ("index_rows", pa.int32()),
        ("blank_rows", pa.int32()),
        ("section_rows", pa.int32()),
        ("total_rows", pa.int32()),
        ("footer_rows", pa.int32()),
        ("ignored_columns", pa.string()),
        ("ignored_sheets", pa.string()),
        ("file_encoding", pa.string()),
        ("text_encodings", pa.string()),
        ("income_unit", pa.string()),
        ("income_unit_basis", pa.string()),
        ("file_sha256", pa.string()),
        ("duplicate_of", pa.string()),
        ("refused", pa.string()),
    ],
    ["source_file"],
)

CLASSIFICATION = _dataset(
    [
        ("review_year", pa.int16()),
        ("commune_code", pa.string()),
        ("household_id", pa.string()),
        ("area", pa.string()),
        ("income", pa.float64()),
        ("score_b1", pa.float64()),
        ("deprivations", pa.int16()),
        ("poor_line", pa.float64()),
        ("near_poor_line", pa.float64()),
        ("recorded_status", pa.string()),
        ("derived_status", pa.string()),
        ("standard_id", pa.string()),
    ],
    ["commune_code", "household_id"],
)

MISMATCHES = _dataset(
    [
        *CLASSIFICATION,
        ("reason", pa.string()),
        ("message", pa.string()),
        ("message_vi", pa.string()),
    ],
    ["commune_code", "household_id"],
)

DEPRIVATIONS = _dataset(
    [
        ("review_year", pa.int16()),
        ("standard_id", pa.string()),
        ("unit_level", pa.string()),
        ("unit_code", pa.string()),
        ("status", pa.string()),
        ("indicator", pa.string()),
        ("indicator_name", pa.string()),
        ("dimension", pa.string()),
        ("households", pa.int32()),
        ("households_deprived", pa.int32()),
        ("households_rate", pa.float64()),
        ("persons", pa.int32()),
        ("persons_deprived", pa.int32()),
        ("persons_rate", pa.float64()),
    ],
    ["unit_level", "unit_code", "status", "indicator"],
)

BREAKDOWNS = _dataset(
    [
        ("review_year", pa.int16()),
        ("unit_level", pa.string()),
        ("unit_code", pa.string()),
        ("block", pa.string()),
        ("status", pa.string()),
        ("breakdown", pa.string()),
        ("category", pa.string()),
        ("households", pa.int32()),
        ("persons", pa.int32()),
    ],
    ["unit_level", "unit_code", "block", "status", "breakdown", "category"],
)

AF = _dataset(
    [
        ("review_year", pa.int16()),
        ("standard_id", pa.string()),
        ("scheme", pa.string()),
        ("k", pa.float64()),
        ("unit_level", pa.string()),
        ("unit_code", pa.string()),
        ("measure", pa.string()),
        ("indicator", pa.string()),
        ("value", pa.float64()),
    ],
    ["scheme", "unit_level", "unit_code", "measure", "indicator"],
)

FLOW_COUNTS = [
    "opening",
    *DECREASES,
    "decreases",
    *INCREASES,
    "increases",
    "closing",
    "re_poor_recorded_only",
]

FLOWS = _dataset(
    [
        ("review_year", pa.int16()),
        ("previous_year", pa.int16()),
        ("level", pa.string()),
        ("unit_code", pa.string()),
        ("unit_name", pa.string()),
        ("display_order", pa.int16()),
        ("flow_group", pa.string()),
        ("measure", pa.string()),
        *[(name, pa.int32()) for name in FLOW_COUNTS],
        ("identity_holds", pa.bool_()),
    ],
    ["level", "unit_code", "flow_group", "measure"],
)

ATTAINMENT = _dataset(
    [
        ("review_year", pa.int16()),
        ("plan_review_year", pa.int16()),
        ("plan_year", pa.int16()),
        ("level", pa.string()),
        ("unit_code", pa.string()),
        ("unit_name", pa.string()),
        ("display_order", pa.int16()),
        ("households_at_plan", pa.int32()),
        ("poor_at_plan", pa.int32()),
        ("target_reduction", pa.int32()),
        ("planned_end", pa.int32()),
        ("planned_end_rate", pa.float64()),
        ("households", pa.int32()),
        ("actual_end", pa.int32()),
        ("actual_end_rate", pa.float64()),
        ("exits", pa.int32()),
        ("net_reduction", pa.int32()),
        ("new_poor", pa.int32()),
        ("new_poor_band_low", pa.float64()),
        ("new_poor_band_high", pa.float64()),
        ("new_poor_position", pa.string()),
        ("exits_met", pa.bool_()),
        ("rate_met", pa.bool_()),
        ("status", pa.string()),
    ],
    ["level", "unit_code"],
)

TRENDS = _dataset(
    [
        ("geography_year", pa.int16()),
        ("level", pa.string()),
        ("unit_scheme", pa.string()),
        ("unit_code", pa.string()),
        ("unit_name", pa.string()),
        ("display_order", pa.int16()),
        ("mapped", pa.bool_()),
        ("note", pa.string()),
        ("source_codes", pa.string()),
        ("review_year", pa.int16()),
        ("households", pa.int32()),
        ("persons", pa.int32()),
        ("poor", pa.int32()),
        ("poor_rate", pa.float64()),
        ("near_poor", pa.int32()),
        ("near_poor_rate", pa.float64()),
    ],
    ["level", "unit_code", "mapped", "review_year"],
)

RECONCILIATION = _dataset(
    [
        ("review_year", pa.int16()),
        ("published", pa.string()),
        ("source", pa.string()),
        ("position", pa.int32()),
        ("section", pa.string()),
        ("unit", pa.string()),
        ("unit_code", pa.string()),
        ("column", pa.string()),
        ("column_label", pa.string()),
        ("printed", pa.string()),
        ("printed_value", pa.float64()),
        ("recomputed_value", pa.float64()),
        ("recomputed_text", pa.string()),
        ("finding", pa.string()),
        ("message_vi", pa.string()),
        ("message_en", pa.string()),
    ],
    ["published", "position"],
)


def to_arrow(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """The frame's columns in schema order, cast to the schema, rows sorted by its keys."""
    missing = [name for name in schema.names if name not in frame.columns]
    if missing:
        raise KeyError(f"columns missing for the dataset: {', '.join(missing)}")
    arrays = [
        pa.array(frame[name], type=field.type, from_pandas=True)
        for name, field in zip(schema.names, schema, strict=True)
    ]
    table = pa.Table.from_arrays(arrays, schema=schema.remove_metadata())
    keys = sort_keys(schema)
    if not keys or table.num_rows < 2:
        return table
    # a stable sort, missing values last, as pandas' sort_values (UTF-8 bytes sort as
    # the characters they encode)
    order = pc.sort_indices(
        table.select(keys), sort_keys=[(key, "ascending", "at_end") for key in keys]
    )
    return table.take(order)


def write_parquet(frame: pd.DataFrame, schema: pa.Schema, path: str | Path) -> None:
    """Write `frame` as Parquet through `schema`: byte-identical for identical data."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(frame, schema), path, compression="zstd", write_statistics=True)


def read_parquet(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a dataset written by `write_parquet` (nullable pandas dtypes kept), or only
    some of its `columns`."""
    return from_arrow(pq.read_table(path, columns=columns))


def write_arrow_file(frame: pd.DataFrame, schema: pa.Schema, path: str | Path) -> None:
    """Write `frame` through `schema` as an Arrow IPC file (lz4): for working files such
    as the cleaning cache, faster to write and read back than Parquet, with the same
    columns and types."""
    with pa.OSFile(str(path), "wb") as sink:
        table = to_arrow(frame, schema)
        options = pa.ipc.IpcWriteOptions(compression="lz4")
        with pa.ipc.new_file(sink, table.schema, options=options) as writer:
            writer.write_table(table)


def read_arrow_file(path: str | Path) -> pd.DataFrame:
    """Read a file written by `write_arrow_file`, as `read_parquet` reads a dataset."""
    with pa.OSFile(str(path), "rb") as source:
        return from_arrow(pa.ipc.open_file(source).read_all())


def from_arrow(table: pa.Table) -> pd.DataFrame:
    """A dataset's table as a frame with nullable pandas dtypes."""
    return table.to_pandas(types_mapper=_pandas_type)


def empty_frame(schema: pa.Schema) -> pd.DataFrame:
    """A frame with the schema's columns and no row."""
    return pd.DataFrame({name: [] for name in schema.names})


def read_datasets(paths: list[str], schema: pa.Schema) -> pd.DataFrame:
    """Several datasets of one schema (e.g. every year's flows) as one frame; an empty frame
    with the schema's columns when there is none."""
    frames = [read_parquet(path) for path in paths]
    if frames:
        return pd.concat(frames, ignore_index=True)
    return empty_frame(schema)


def _pandas_type(arrow_type: pa.DataType):
    mapping = {
        pa.int8(): pd.Int8Dtype(),
        pa.int16(): pd.Int16Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
        pa.string(): pd.StringDtype(),
    }
    return mapping.get(arrow_type)
