import datetime as dt

import pandas as pd
import pytest

from povertyplan.core.errors import ConfigError
from povertyplan.core.text import normalise_commune_name, normalise_label
from povertyplan.read.registry import (
    commune_lookup,
    resolve_communes,
    review_date,
    suggest_communes,
)


def test_normalisation_keeps_diacritics_and_drops_unit_words():
    assert normalise_commune_name("Xã  Cam Thủy") == "cam thủy"
    assert normalise_commune_name("CAM THỦY") == "cam thủy"
    assert normalise_commune_name("Thị trấn Cam Lộ") == normalise_commune_name("TT. Cam Lộ")
    assert normalise_commune_name("Cam Thanh") != normalise_commune_name("Cam Thành")
    # NFD input (decomposed accents) normalises to the same key as NFC
    assert normalise_label("Cam Hi\u0065\u0302\u0301u") == normalise_label("Cam Hiếu")


def test_cam_thanh_and_cam_thanh_with_accent_are_different_communes(registry):
    lookup = commune_lookup(registry, review_date(2018))
    codes = resolve_communes(
        pd.Series(["Cam Thanh", "Cam Thành", "CAM THANH", "Xã Cam Thành"]), lookup
    )
    assert codes.tolist() == ["19609", "19612", "19609", "19612"]


def test_names_aliases_and_codes_resolve(registry):
    lookup = commune_lookup(registry, review_date(2018))
    raw = pd.Series(
        ["CAM THUỶ", "Cam Thuy", "19597", "TT Cam Lộ", "Thị trấn Cam Lộ", "Cam Lo", "Xã Cam Tuyền"]
    )
    assert resolve_communes(raw, lookup).tolist() == [
        "19606",
        "19606",
        "19597",
        "19597",
        "19597",
        pd.NA,
        "19600",
    ]


def test_code_19603_depends_on_the_review_date(registry):
    before = commune_lookup(registry, review_date(2018))
    after = commune_lookup(registry, review_date(2020))
    assert before["cam an"] == "19603" and "thanh an" not in before
    assert after["thanh an"] == "19603" and "cam an" not in after and "cam thanh" not in after


def test_an_alias_that_names_two_communes_is_a_config_error(registry):
    broken = registry.copy()
    broken.loc[broken["name"] == "Cam Thành", "aliases"] = "Cam Thanh"
    with pytest.raises(ConfigError, match="cam thanh"):
        commune_lookup(broken, dt.date(2018, 12, 31))


def test_unknown_names_get_suggestions(registry):
    assert suggest_communes("Cam Tuyen", registry, review_date(2018))[0] == "Cam Tuyền"


def test_config_errors_are_one_line_with_a_suggestion():
    from pathlib import Path

    import yaml

    from povertyplan.read.config import check_config

    repo = Path(__file__).resolve().parents[1]
    schema = repo / "workflow" / "schemas" / "config.schema.yaml"
    config = yaml.safe_load((repo / "config" / "config.yaml").read_text(encoding="utf-8"))
    check_config(config, schema)
    config["goals"]["reduction_point"] = config["goals"].pop("reduction_points")
    with pytest.raises(
        ConfigError,
        match=r"unknown key 'reduction_point' at goals\. Did you mean 'reduction_points'\?",
    ):
        check_config(config, schema)
    config["goals"]["reduction_points"] = {"min": 1.0, "max": 0.5}
    del config["goals"]["reduction_point"]
    with pytest.raises(ConfigError, match="min 1.0 above max 0.5"):
        check_config(config, schema)
    config["targets"]["policy"] = "random"
    with pytest.raises(
        ConfigError, match="targets.policy is 'random'. Use one of can_exit, proportional"
    ):
        check_config(config, schema)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["UBND HUYỆN CAM LỘ", "UBND XÃ CAM THÀNH", "danh_sach"], ("19612", [])),
        (["UBND XÃ CAM TUYỀN, HUYỆN CAM LỘ", "danh_sach"], ("19600", [])),
        (["UBND THỊ TRẤN CAM LỘ", "ds"], ("19597", [])),
        (["DANH SÁCH HỘ NGHÈO", "01_cam_tuyen"], ("19600", [])),
        (["DANH SÁCH", "19612"], ("19612", [])),
        (["UBND HUYỆN CAM LỘ", "ds"], (None, [])),  # the district is no commune
        (
            ["Mẫu số 19612/2018", "XÃ CAM HIẾU", "ds"],
            ("19615", []),
        ),  # a code inside a text is no code
        (["ĐT: 0233 19615", "ds"], (None, [])),
        (["DANH SÁCH", "cam_thanh"], (None, ["19609", "19612"])),  # Cam Thanh or Cam Thành?
        (["XA CAM THANH", "ds"], (None, ["19609", "19612"])),
        (["Xã Cam Thành", "ds"], ("19612", [])),
    ],
)
def test_the_commune_named_in_a_title_or_file_name(registry, texts, expected):
    from povertyplan.read.registry import commune_in_context

    assert commune_in_context(texts, commune_lookup(registry, review_date(2018))) == expected
