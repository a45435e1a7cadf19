"""The pure rules at their boundaries: FTE, PI.1447 rounding, vacancy, turnover, ASYE dates,
case supervision frequency and timeliness."""

import datetime as dt
from decimal import Decimal

import pytest

from hearth.workforce import rules
from hearth.workforce.codes import LevelOfNeed

D = dt.date
P = rules.PostOnDate


def test_fte_in_post_agency_and_vacant_add_up():
    posts = [P(Decimal("1"), "permanent"), P(Decimal("0.8"), "agency"),
             P(Decimal("0.5"), None), P(Decimal("0.6"), "permanent")]
    assert rules.fte_in_post(posts) == Decimal("2.4")
    assert rules.agency_fte(posts) == Decimal("0.8")
    assert rules.vacant_fte(posts) == Decimal("0.5")


def test_the_seeds_agency_share_is_17_73():
    # seeds/001_e8ea781e93d1811d.txt line 438: 25.27 / 142.5 = 17.73%; Q2 26.8 / 142.5 = 18.8%.
    assert rules.agency_share(Decimal("25.27"), Decimal("142.5")) == Decimal("17.73")
    assert rules.agency_share(Decimal("26.8"), Decimal("142.5")) == Decimal("18.81")


def test_percentages_round_half_up_and_nothing_over_nothing_is_none():
    assert rules.percent(1, 8) == Decimal("12.50")
    assert rules.percent(1, 200, rules.ONE_PLACE) == Decimal("0.5")
    assert rules.agency_share(Decimal("0"), Decimal("0")) is None


def test_vacancy_rate_over_the_establishment():
    assert rules.vacancy_rate(Decimal("14"), Decimal("150")) == Decimal("9.3")


def test_turnover_is_leavers_over_average_headcount():
    # 18 leavers with 95 at the start and 105 at the end: 18 / 100 = 18%.
    assert rules.turnover_rate(leavers=18, at_start=95, at_end=105) == Decimal("18.0")
    assert rules.turnover_rate(leavers=3, at_start=0, at_end=0) is None


def test_the_twelve_months_to_a_date():
    assert rules.twelve_months_to(D(2024, 3, 31)) == (D(2023, 4, 1), D(2024, 3, 31))
    assert rules.twelve_months_to(D(2024, 2, 29)) == (D(2023, 3, 1), D(2024, 2, 29))


def test_average_caseload_is_children_over_fte():
    assert rules.average_caseload(241, Decimal("10")) == Decimal("24.1")
    assert rules.average_caseload(5, Decimal("0")) is None


@pytest.mark.parametrize(("started", "ends"), [
    (D(2026, 9, 7), D(2027, 9, 7)),
    (D(2024, 2, 29), D(2025, 2, 28)),  # no 29 February: the month's last day
])
def test_asye_lasts_twelve_months(started, ends):
    assert rules.asye_expected_end_on(started) == ends


def test_asye_review_points_at_3_6_and_12_months():
    points = rules.asye_review_points(D(2026, 8, 31))
    assert [p.due_on for p in points] == [D(2026, 11, 30), D(2027, 2, 28), D(2027, 8, 31)]
    assert rules.asye_next_review(D(2026, 8, 31), today=D(2026, 12, 1)).due_on == D(2027, 2, 28)
    assert rules.asye_next_review(D(2026, 8, 31), today=D(2027, 9, 1)) is None


def test_staff_supervision_next_due_a_month_later():
    assert rules.staff_supervision_next_due_on(D(2026, 1, 31)) == D(2026, 2, 28)


def test_the_highest_level_of_need_sets_the_frequency():
    assert rules.level_of_need({LevelOfNeed.CHILD_IN_NEED,
                                LevelOfNeed.CHILD_PROTECTION}) == LevelOfNeed.CHILD_PROTECTION
    assert rules.level_of_need(set()) == LevelOfNeed.OTHER


def test_default_frequencies_and_a_local_override():
    assert rules.interval_weeks_for(LevelOfNeed.CHILD_PROTECTION) == 4
    assert rules.interval_weeks_for(LevelOfNeed.LOOKED_AFTER) == 4
    assert rules.interval_weeks_for(LevelOfNeed.CHILD_IN_NEED) == 6
    assert rules.interval_weeks_for(LevelOfNeed.CHILD_IN_NEED,
                                    {LevelOfNeed.CHILD_IN_NEED: 3}) == 3


def test_case_supervision_due_and_in_time_at_the_boundary():
    # Supervised Friday 1 May 2026, every 4 weeks: due Friday 29 May (a week clock, not moved).
    assert rules.case_supervision_due_on(D(2026, 5, 1), weeks=4) == D(2026, 5, 29)
    assert rules.supervised_in_time(D(2026, 5, 1), since=D(2026, 1, 1), on=D(2026, 5, 29),
                                    weeks=4)
    assert not rules.supervised_in_time(D(2026, 5, 1), since=D(2026, 1, 1), on=D(2026, 5, 30),
                                        weeks=4)
    # Never supervised: the clock runs from the allocation.
    assert rules.supervised_in_time(None, since=D(2026, 5, 20), on=D(2026, 6, 1), weeks=4)
    assert not rules.supervised_in_time(None, since=D(2026, 4, 1), on=D(2026, 6, 1), weeks=4)
