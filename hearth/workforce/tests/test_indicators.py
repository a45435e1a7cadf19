"""PI.1447 and the other workforce indicators computed from records built here."""

import datetime as dt
from decimal import Decimal

import pytest

from hearth.workforce import indicators, selectors, services
from hearth.workforce.tests import factories

pytestmark = pytest.mark.django_db
D = dt.date


def test_pi_1447_reproduces_the_seeds_17_73_percent(personas):
    # Q3 2023/24: 25.27 agency FTE of 142.5 FTE in post (seeds/001_e8ea781e93d1811d.txt l. 438).
    team = personas.team_a
    on = D(2023, 12, 31)
    start = D(2023, 1, 1)
    for _ in range(25):
        factories.held(team, contract="agency", start=start)
    factories.held(team, fte="0.27", contract="agency", start=start)
    for _ in range(117):
        factories.held(team, contract="permanent", start=start)
    factories.held(team, fte="0.23", contract="permanent", start=start)
    # Outside the indicator: a vacancy, a leaver before the date, a starter after it, and a
    # personal adviser's post (not a social work post).
    factories.post(team, fte="1")
    _post, gone = factories.held(team, contract="agency", start=D(2023, 2, 1))
    services.post_holder_leave(post=gone.post, end_date=D(2023, 11, 30),
                               leaving_reason="end_of_contract", system_job="tests")
    factories.held(team, contract="agency", start=D(2024, 1, 2))
    factories.held(team, contract="agency", start=start, grade="personal_adviser")

    numerator, denominator, value = indicators.agency_share(on)
    assert (numerator, denominator, value) == (Decimal("25.27"), Decimal("142.50"),
                                               Decimal("17.73"))


def test_nothing_in_post_is_no_figure(db):
    assert indicators.agency_share(D(2026, 1, 1)) == (Decimal("0"), Decimal("0"), None)


def test_fte_on_a_date_follows_start_and_last_day(personas):
    team = personas.team_a
    _post, holding = factories.held(team, fte="0.8", contract="agency", start=D(2026, 3, 2))
    services.post_holder_leave(post=holding.post, end_date=D(2026, 4, 30),
                               leaving_reason="end_of_contract", system_job="tests")
    assert selectors.post_figures(D(2026, 3, 1)).in_post_fte == 0
    assert selectors.post_figures(D(2026, 3, 2)).agency_fte == Decimal("0.8")
    assert selectors.post_figures(D(2026, 4, 30)).agency_fte == Decimal("0.8")
    after = selectors.post_figures(D(2026, 5, 1))
    assert after.in_post_fte == 0 and after.vacant_fte == Decimal("0.8")
    assert after.vacancy_rate == Decimal("100.0")


def test_vacancy_rate_counts_posts_with_no_holder(personas):
    team = personas.team_a
    for _ in range(9):
        factories.held(team)
    factories.post(team)
    numerator, denominator, value = indicators.vacancy_rate(D(2026, 6, 1))
    assert (numerator, denominator, value) == (Decimal("1"), Decimal("10"), Decimal("10.0"))


def test_turnover_counts_permanent_leavers_over_average_headcount(personas):
    team = personas.team_a
    on = D(2026, 3, 31)
    holdings = [factories.held(team, start=D(2024, 1, 1))[1] for _ in range(10)]
    # Two leave in the year (one resigns, one retires), one moves to another post (not a
    # leaver), an agency worker's assignment ends (not counted), one left the year before.
    for holding, reason, last_day in ((holdings[0], "resigned", D(2025, 6, 30)),
                                      (holdings[1], "retired", D(2026, 3, 31)),
                                      (holdings[2], "internal_move", D(2025, 9, 30)),
                                      (holdings[3], "resigned", D(2025, 3, 31))):
        services.post_holder_leave(post=holding.post, end_date=last_day, leaving_reason=reason,
                                   system_job="tests")
    _post, agency = factories.held(team, contract="agency", start=D(2024, 1, 1))
    services.post_holder_leave(post=agency.post, end_date=D(2025, 8, 1),
                               leaving_reason="end_of_contract", system_job="tests")
    # At the start (31 March 2025): 10 permanent in post (the fourth's last day was that day).
    # At the end (31 March 2026): 10 - 3 = 7 (the retiree's last day is the 31st: still in).
    found = selectors.turnover(on)
    assert (found.start, found.end) == (D(2025, 4, 1), D(2026, 3, 31))
    assert (found.leavers, found.headcount_at_start, found.headcount_at_end) == (2, 10, 7)
    assert indicators.turnover(on) == (2, Decimal("8.5"), Decimal("23.5"))


def test_average_caseload_divides_allocated_children_by_case_holding_fte(personas):
    team = personas.team_a
    factories.held(team, user=personas.sw_alice, start=D(2025, 1, 1))
    factories.held(team, fte="0.5", user=personas.sw_charlie, start=D(2025, 1, 1))
    factories.held(team, user=personas.tm_bob, grade="team_manager", start=D(2025, 1, 1))
    for _ in range(4):
        personas.child_for(personas.sw_alice, allocated_on=D(2026, 5, 1))
    personas.child_for(personas.sw_charlie, allocated_on=D(2026, 5, 1))
    personas.child_for(team=team, allocated_on=D(2026, 5, 1))  # no worker: not counted
    assert indicators.average_caseload(D(2026, 6, 1)) == (5, Decimal("1.50"), Decimal("3.3"))
    assert indicators.average_caseload(D(2026, 4, 30))[0] == 0
