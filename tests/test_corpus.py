"""Every file of the corpus (tests/corpus.py) gives exactly its expected outcome."""

from __future__ import annotations

import pytest
from corpus import CASES, PERSONAL, PLANTED

from povertyplan.clean.households import clean_table, combine_year
from povertyplan.core.errors import DataError
from povertyplan.read.raw import read_raw_file
from povertyplan.read.registry import commune_lookup, review_date


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_corpus_file(case, tmp_path, spec, registry):
    paths = case.write(tmp_path)
    lookup = commune_lookup(registry, review_date(2018))
    if case.expect == "error":
        with pytest.raises(DataError) as error:
            for path in paths:
                clean_table(read_raw_file(path, spec), spec, lookup, registry, 2018)
        message = str(error.value)
        assert case.error in message and "\n" not in message and "Traceback" not in message
        return
    results = [
        clean_table(read_raw_file(path, spec), spec, lookup, registry, 2018) for path in paths
    ]
    year = combine_year(results)  # the year's files together, as the pipeline does
    households, rejects = year.households, year.rejects
    for ledger in year.ledger.to_dict("records"):
        assert ledger["rows_read"] == ledger["rows_kept"] + ledger["rows_rejected"]
    assert len(households) == case.kept
    found = sorted(
        zip(rejects["source_row"].astype(int), rejects["field"], rejects["reason"], strict=True)
    )
    assert found == sorted(case.rejects)
    assert rejects["message"].map(lambda m: "\n" not in m and m.endswith(".")).all()
    shown = (
        " ".join(rejects["message"])
        + " ".join(rejects["message_vi"])
        + " ".join(rejects["raw_values"])
    )
    assert not [name for name in PERSONAL + PLANTED if name in shown]
    # officers' messages speak of the file's columns and what to write, never of the
    # configuration or the pipeline's field names
    for message in [*rejects["message"], *rejects["message_vi"]]:
        text = message.split(": ", 1)[-1]  # after the file, row and column
        assert "config/" not in text
        assert not [name for name in spec.fields if "_" in name and name in text], message
    kept_text = households.select_dtypes(include=["object", "string"]).astype(str)
    assert not [name for name in PERSONAL + PLANTED if kept_text.isin([name]).any().any()]
    if case.check:
        case.check(results[0] if len(results) == 1 else year)


def test_a_commune_numbered_code_is_shown_as_written_in_messages(tmp_path, spec, registry):
    """`196123001` is Cam Thành's own numbering, not an ID number: a message about it
    names it (an ID number in its place would be `***`)."""
    from corpus import OFFICER_HEADER, excel_csv, officer_row

    rows = [OFFICER_HEADER] + [officer_row(n, code=f"19612300{n}") for n in (1, 2, 3)]
    rows.append(officer_row(4, code="196123003"))  # the same code, other values
    rows[-1][7] = 5
    path = tmp_path / "so_ma_ho.csv"
    path.write_text(excel_csv(rows), encoding="utf-8")
    lookup = commune_lookup(registry, review_date(2018))
    result = clean_table(read_raw_file(path, spec), spec, lookup, registry, 2018)
    messages = result.rejects["message"].tolist()
    assert len(messages) == 2 and all("'196123003'" in m for m in messages)
    assert all('"196123003"' in v for v in result.rejects["raw_values"])
