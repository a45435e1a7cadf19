"""The pure rules: the municipal year and minute numbering, tracker ageing and chasing, and the
RAG of an improvement action."""

import datetime as dt

import pytest

from hearth.complaints.tests.factories import calendar
from hearth.core.errors import DomainError
from hearth.governance import rules
from hearth.governance.codes import ActionStatus, Rag, TrackerStatus

D = dt.date


@pytest.mark.parametrize(("held_on", "year"), [
    (D(2023, 9, 11), 2023), (D(2024, 1, 18), 2023), (D(2024, 4, 30), 2023),
    (D(2024, 5, 1), 2024), (D(2021, 1, 14), 2020)])
def test_the_municipal_year_starts_in_may(held_on, year):
    assert rules.municipal_year_of(held_on) == year


def test_year_label():
    assert rules.municipal_year_label(2023) == "2023/24"
    assert rules.municipal_year_label(2099) == "2099/00"


def test_minute_numbers_continue_from_the_last_in_the_year():
    assert rules.next_minute_number([]) == 1
    assert rules.next_minute_number([17, 35, 36]) == 37


def test_an_earlier_meeting_cannot_take_numbers_once_a_later_one_is_minuted():
    rules.ensure_can_minute(held_on=D(2024, 1, 18), later_meetings_minuted=[],
                            today=D(2024, 1, 19))
    with pytest.raises(DomainError, match="18 January 2024 already has minutes"):
        rules.ensure_can_minute(held_on=D(2023, 11, 16),
                                later_meetings_minuted=[D(2024, 3, 11), D(2024, 1, 18)],
                                today=D(2024, 3, 12))
    with pytest.raises(DomainError, match="taken place"):
        rules.ensure_can_minute(held_on=D(2024, 1, 18), later_meetings_minuted=[],
                                today=D(2024, 1, 17))


def test_tracker_reference_as_the_seed_prints_it():
    assert rules.tracker_reference(17, 2) == "Minute No. 17 Resolution (2)"


def test_days_open_counts_from_the_meeting_until_closed_or_today():
    # The seed's DBS action: raised 11 September 2023, still open at the March 2024 meeting.
    assert rules.days_open(raised_on=D(2023, 9, 11), closed_on=None, today=D(2024, 3, 11)) == 182
    assert rules.days_open(raised_on=D(2023, 9, 11), closed_on=D(2023, 9, 21),
                           today=D(2024, 3, 11)) == 10
    assert rules.age_text(182) == "182 days (about 6 months)"
    assert rules.age_text(1) == "1 day"


def test_overdue_only_when_open_and_past_its_date():
    assert rules.is_overdue(status=TrackerStatus.OPEN, due_on=D(2026, 5, 29), today=D(2026, 6, 1))
    assert not rules.is_overdue(status=TrackerStatus.OPEN, due_on=D(2026, 6, 1),
                                today=D(2026, 6, 1))
    assert not rules.is_overdue(status=TrackerStatus.CLOSED, due_on=D(2026, 5, 1),
                                today=D(2026, 6, 1))


def test_chasing_starts_the_working_day_after_the_due_date_then_every_five():
    cal = calendar()
    # Due Friday 22 May 2026; Monday 25 May is a bank holiday, so the first chase is Tuesday.
    assert rules.next_chase_on(due_on=D(2026, 5, 22), last_chased_on=None,
                               calendar=cal) == D(2026, 5, 26)
    assert rules.next_chase_on(due_on=D(2026, 5, 22), last_chased_on=D(2026, 5, 26),
                               calendar=cal) == D(2026, 6, 2)
    assert rules.needs_chasing(status=TrackerStatus.OPEN, due_on=D(2026, 5, 22),
                               last_chased_on=D(2026, 5, 26), today=D(2026, 6, 1),
                               calendar=cal) is False
    assert rules.needs_chasing(status=TrackerStatus.OPEN, due_on=D(2026, 5, 22),
                               last_chased_on=D(2026, 5, 26), today=D(2026, 6, 2), calendar=cal)
    assert not rules.needs_chasing(status=TrackerStatus.CLOSED, due_on=D(2026, 5, 22),
                                   last_chased_on=None, today=D(2026, 6, 2), calendar=cal)


def test_closing_needs_a_note_and_a_date_in_range():
    ok = {"status": TrackerStatus.OPEN, "raised_on": D(2026, 5, 1), "today": D(2026, 6, 1)}
    rules.ensure_can_update(new_status=TrackerStatus.OPEN, on=D(2026, 5, 2), note="", **ok)
    with pytest.raises(DomainError, match="how the action was answered"):
        rules.ensure_can_update(new_status=TrackerStatus.CLOSED, on=D(2026, 6, 1), note=" ",
                                **ok)
    with pytest.raises(DomainError, match="future"):
        rules.ensure_can_update(new_status=TrackerStatus.OPEN, on=D(2026, 6, 2), note="", **ok)
    with pytest.raises(DomainError, match="before the meeting"):
        rules.ensure_can_update(new_status=TrackerStatus.OPEN, on=D(2026, 4, 30), note="", **ok)
    with pytest.raises(DomainError, match="closed"):
        rules.ensure_can_update(status=TrackerStatus.CLOSED, new_status=TrackerStatus.OPEN,
                                on=D(2026, 5, 2), note="", raised_on=D(2026, 5, 1),
                                today=D(2026, 6, 1))


TODAY = D(2026, 6, 1)


@pytest.mark.parametrize(("status", "due_on", "expected"), [
    (ActionStatus.COMPLETE, D(2026, 1, 1), Rag.COMPLETE),  # complete, even if it was late
    (ActionStatus.ON_TRACK, D(2026, 5, 29), Rag.RED),  # past its date
    (ActionStatus.ON_TRACK, TODAY, Rag.GREEN),  # due today is not yet overdue
    (ActionStatus.OFF_TRACK, D(2026, 12, 1), Rag.RED),
    (ActionStatus.AT_RISK, D(2026, 12, 1), Rag.AMBER),
    (ActionStatus.NOT_STARTED, D(2026, 6, 29), Rag.AMBER),  # 20 working days left
    (ActionStatus.NOT_STARTED, D(2026, 6, 30), Rag.GREEN),  # 21 working days left
    (ActionStatus.ON_TRACK, D(2026, 6, 2), Rag.GREEN),
])
def test_rag_from_status_and_dates(status, due_on, expected):
    assert rules.rag(status=status, due_on=due_on, today=TODAY, calendar=calendar()) == expected


def test_completing_needs_a_date_and_evidence():
    with pytest.raises(DomainError, match="date the action was completed"):
        rules.ensure_action_update(status=ActionStatus.COMPLETE, completed_on=None,
                                   evidence="Audit", today=TODAY)
    with pytest.raises(DomainError, match="evidence of impact"):
        rules.ensure_action_update(status=ActionStatus.COMPLETE, completed_on=TODAY,
                                   evidence="", today=TODAY)
    with pytest.raises(DomainError, match="Only a complete action"):
        rules.ensure_action_update(status=ActionStatus.ON_TRACK, completed_on=TODAY,
                                   evidence="", today=TODAY)
    rules.ensure_action_update(status=ActionStatus.COMPLETE, completed_on=TODAY,
                               evidence="Audit of 20 contacts: all decided in a day", today=TODAY)


def test_the_target_that_applies_is_the_latest_reached_or_the_next_ahead():
    steps = [(D(2021, 4, 1), 75), (D(2021, 6, 1), 80), (D(2021, 8, 1), 85)]
    assert rules.target_on(steps, D(2021, 3, 1)) == (D(2021, 4, 1), 75)
    assert rules.target_on(steps, D(2021, 7, 1)) == (D(2021, 6, 1), 80)
    assert rules.target_on(steps, D(2022, 1, 1)) == (D(2021, 8, 1), 85)
    assert rules.target_on([], D(2022, 1, 1)) is None
