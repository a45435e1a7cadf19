"""The pure rules: the initial consideration's due date on the working-day calendar, what may
be recorded when, the status, and the yearly figures."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.lado import rules
from hearth.lado.tests.factories import calendar

D = dt.date


@pytest.mark.parametrize(("received", "due"), [
    (D(2026, 6, 1), D(2026, 6, 2)),    # Monday: Tuesday
    (D(2026, 6, 5), D(2026, 6, 8)),    # Friday: the Monday after
    (D(2026, 6, 6), D(2026, 6, 8)),    # Saturday: Monday
    (D(2026, 5, 22), D(2026, 5, 26)),  # Friday before the spring bank holiday: Tuesday
    (D(2026, 12, 24), D(2026, 12, 29)),  # Christmas Eve: after Christmas and the substitute day
])
def test_initial_consideration_is_due_one_working_day_after_the_referral(received, due):
    assert rules.initial_consideration_due_on(received_on=received, calendar=calendar()) == due


def test_status_follows_the_record():
    assert rules.status_of(considered_on=None, outcome="", closed_on=None) == rules.AWAITING
    assert rules.status_of(considered_on=D(2026, 6, 1), outcome="", closed_on=None) == rules.OPEN
    assert rules.status_of(considered_on=D(2026, 6, 1), outcome="false",
                           closed_on=None) == rules.OUTCOME
    assert rules.status_of(considered_on=D(2026, 6, 1), outcome="false",
                           closed_on=D(2026, 6, 2)) == rules.CLOSED


def test_overdue_and_in_time():
    due = D(2026, 6, 2)
    assert not rules.is_consideration_overdue(due_on=due, considered_on=None, today=due)
    assert rules.is_consideration_overdue(due_on=due, considered_on=None, today=D(2026, 6, 3))
    assert not rules.is_consideration_overdue(due_on=due, considered_on=D(2026, 6, 4),
                                              today=D(2026, 6, 5))
    assert rules.considered_in_time(due_on=due, considered_on=due) is True
    assert rules.considered_in_time(due_on=due, considered_on=D(2026, 6, 3)) is False
    assert rules.considered_in_time(due_on=due, considered_on=None) is None


def test_a_referral_cannot_be_dated_in_the_future_or_have_an_unknown_sector():
    with pytest.raises(DomainError, match="today or in the past") as error:
        rules.ensure_can_record(received_on=D(2026, 6, 2), today=D(2026, 6, 1),
                                sector="education", category="physical")
    assert error.value.field == "received_on"
    with pytest.raises(DomainError, match="sector"):
        rules.ensure_can_record(received_on=D(2026, 6, 1), today=D(2026, 6, 1),
                                sector="astronaut", category="physical")


def test_the_initial_consideration_is_once_and_after_the_referral():
    base = {"received_on": D(2026, 6, 1), "closed_on": None, "threshold": "met",
            "notes": "Harm test met", "today": D(2026, 6, 3)}
    rules.ensure_can_consider(already_on=None, considered_on=D(2026, 6, 1), **base)
    with pytest.raises(DomainError, match="before the referral"):
        rules.ensure_can_consider(already_on=None, considered_on=D(2026, 5, 29), **base)
    with pytest.raises(DomainError, match="was recorded on 1 June 2026"):
        rules.ensure_can_consider(already_on=D(2026, 6, 1), considered_on=D(2026, 6, 2), **base)
    with pytest.raises(DomainError, match="Say what was considered"):
        rules.ensure_can_consider(already_on=None, considered_on=D(2026, 6, 2),
                                  **{**base, "notes": "  "})


def test_a_meeting_needs_the_initial_consideration_first():
    with pytest.raises(DomainError, match="initial consideration first"):
        rules.ensure_can_record_meeting(received_on=D(2026, 6, 1), considered_on=None,
                                        closed_on=None, held_on=D(2026, 6, 2),
                                        today=D(2026, 6, 3))
    with pytest.raises(DomainError, match="before the referral"):
        rules.ensure_can_record_meeting(received_on=D(2026, 6, 1), considered_on=D(2026, 6, 1),
                                        closed_on=None, held_on=D(2026, 5, 1),
                                        today=D(2026, 6, 3))


def test_the_outcome_rules():
    base = {"received_on": D(2026, 5, 1), "considered_on": D(2026, 5, 5), "already": "",
            "closed_on": None, "outcome": "malicious", "outcome_on": D(2026, 5, 20),
            "to_professional_body": False, "professional_body": "", "today": D(2026, 6, 1)}
    rules.ensure_can_record_outcome(**base)
    with pytest.raises(DomainError, match="initial consideration before the outcome"):
        rules.ensure_can_record_outcome(**{**base, "considered_on": None})
    with pytest.raises(DomainError, match="Choose the outcome"):
        rules.ensure_can_record_outcome(**{**base, "outcome": "proven"})
    with pytest.raises(DomainError, match="before the initial consideration"):
        rules.ensure_can_record_outcome(**{**base, "outcome_on": D(2026, 5, 4)})
    with pytest.raises(DomainError, match="Name the professional body"):
        rules.ensure_can_record_outcome(**{**base, "to_professional_body": True})
    with pytest.raises(DomainError, match="already recorded"):
        rules.ensure_can_record_outcome(**{**base, "already": "false"})


def test_closing_needs_an_outcome_and_a_date_after_it():
    with pytest.raises(DomainError, match="Record the outcome"):
        rules.ensure_can_close(outcome="", outcome_on=None, closed_on=None,
                               close_on=D(2026, 6, 1), today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="before the outcome"):
        rules.ensure_can_close(outcome="false", outcome_on=D(2026, 5, 20), closed_on=None,
                               close_on=D(2026, 5, 19), today=D(2026, 6, 1))
    rules.ensure_can_close(outcome="false", outcome_on=D(2026, 5, 20), closed_on=None,
                           close_on=D(2026, 5, 20), today=D(2026, 6, 1))


def fact(received, *, considered=None, due=None, sector="education", category="physical",
         outcome="", outcome_on=None, dbs=False):
    return rules.AllegationFacts(received_on=received, due_on=due or received,
                                 considered_on=considered, sector=sector, category=category,
                                 outcome=outcome, outcome_on=outcome_on, referred_to_dbs=dbs)


def test_year_figures_count_referrals_by_sector_and_category_and_outcomes_by_their_date():
    facts = [
        fact(D(2025, 4, 1), due=D(2025, 4, 2), considered=D(2025, 4, 2)),  # in time
        fact(D(2025, 6, 2), due=D(2025, 6, 3), considered=D(2025, 6, 5), sector="sport",
             category="sexual", outcome="substantiated", outcome_on=D(2025, 8, 1), dbs=True),
        fact(D(2026, 3, 31), due=D(2026, 4, 1), sector="health"),  # not yet considered
        fact(D(2025, 3, 3), due=D(2025, 3, 4), considered=D(2025, 3, 4), outcome="false",
             outcome_on=D(2025, 4, 10)),  # referred last year, concluded this year
        fact(D(2026, 4, 1)),  # next year: not counted
    ]
    figures = rules.year_figures(facts, year=2025)
    assert figures.label == "2025-26"
    assert figures.referrals == 3
    assert figures.by_sector == {"education": 1, "sport": 1, "health": 1}
    assert figures.by_category == {"physical": 2, "sexual": 1}
    assert (figures.considered, figures.considered_in_time, figures.awaiting) == (2, 1, 1)
    assert figures.in_time_percent == 50.0
    assert figures.outcomes == 2
    assert figures.by_outcome == {"substantiated": 1, "false": 1}
    assert figures.outcome_bands == {"Within three months": 2}  # 60 and 38 days
    assert figures.median_days_to_outcome == (60 + 38) / 2
    assert figures.to_dbs == 1


def test_outcome_bands_are_calendar_days_from_referral():
    assert rules.outcome_band(received_on=D(2026, 1, 1), outcome_on=D(2026, 1, 31)) == \
        "Within a month"
    assert rules.outcome_band(received_on=D(2026, 1, 1), outcome_on=D(2026, 2, 1)) == \
        "Within three months"
    assert rules.outcome_band(received_on=D(2025, 1, 1), outcome_on=D(2026, 3, 1)) == \
        "Longer than twelve months"


def test_an_empty_year_has_no_percentages():
    figures = rules.year_figures([], year=2025)
    assert figures.in_time_percent is None and figures.median_days_to_outcome is None
