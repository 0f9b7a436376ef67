"""The embedded example's generator: deterministic, and consistent with the 2016-2021 standard."""

import numpy as np

from povertyplan_dev.generate import (
    CAM_LO_2018,
    CAM_LO_MERGERS,
    CAM_LO_REVIEWS,
    INCOME_LINES,
    reviews,
    truth,
)


def status_under_2016_standard(frame):
    """QĐ 59/2015: poor if income ≤ poor line, or ≤ near-poor line with ≥ 3 deprivations;
    near-poor if between the lines with < 3 deprivations."""
    lines = frame["area"].map(INCOME_LINES)
    poor_line = lines.map(lambda x: x[0])
    near_line = lines.map(lambda x: x[1])
    deprivations = frame[[c for c in frame if c.startswith("dep_")]].sum(axis=1)
    between = (frame["income"] > poor_line) & (frame["income"] <= near_line)
    return np.select(
        [frame["income"] <= poor_line, between & (deprivations >= 3), between],
        ["poor", "poor", "near_poor"],
        default="not_poor",
    )


def test_incomes_and_deprivations_imply_the_recorded_status_except_the_planted_mismatches():
    households = truth(CAM_LO_2018, 2018)
    assert len(households) == 14653
    derived = status_under_2016_standard(households)
    planted = households["planted"] != ""
    assert planted.sum() == 6
    assert (derived[~planted] == households.loc[~planted, "status"]).all()
    assert (derived[planted] != households.loc[planted, "status"]).all()
    assert households["household_id"].is_unique
    assert (households["workers"] <= households["members"]).all()
    assert not households.loc[households["status"] != "poor", "can_exit"].any()
    assert set(households["ethnicity"]) == {"Kinh", "Vân Kiều", "Pa Kô"}


def test_later_reviews_are_consistent_with_the_standard_and_their_plans():
    for year, review in list(reviews(CAM_LO_REVIEWS, CAM_LO_MERGERS).items())[1:]:
        households = review.households
        assert (status_under_2016_standard(households) == households["status"]).all(), year
        assert households["household_id"].is_unique
        assert (households["workers"] <= households["members"]).all()
        assert not households.loc[households["status"] != "poor", "can_exit"].any()
        assert not households.loc[households["status"] != "poor", "re_poor_mark"].any()
