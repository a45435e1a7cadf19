"""Pure rules: no database. The worked examples come from TIMESCALES.md."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.frontdoor import rules
from hearth.frontdoor.rules import ClockStatus, Episode
from hearth.frontdoor.tests.conftest import london

D = dt.date


# ---- T01: the decision is due 1 working day after receipt ------------------------------------


@pytest.mark.parametrize(("received_on", "due_on", "why"), [
    (D(2025, 12, 24), D(2025, 12, 29), "TIMESCALES: 1 WD across four non-working days"),
    (D(2026, 4, 2), D(2026, 4, 7), "TIMESCALES: Easter"),
    (D(2026, 3, 2), D(2026, 3, 3), "an ordinary Monday"),
    (D(2026, 3, 6), D(2026, 3, 9), "a Friday contact is due on Monday"),
    (D(2026, 3, 7), D(2026, 3, 9), "a Saturday contact is due on Monday"),
    (D(2026, 3, 8), D(2026, 3, 9), "a Sunday contact is due on Monday"),
    (D(2026, 4, 3), D(2026, 4, 7), "received on Good Friday"),
    (D(2026, 4, 6), D(2026, 4, 7), "received on Easter Monday"),
    (D(2026, 5, 1), D(2026, 5, 5), "a Friday before the early May bank holiday"),
    (D(2026, 12, 24), D(2026, 12, 29), "Christmas with a substitute Boxing Day"),
])
def test_it_gives_the_decision_one_working_day(calendar, received_on, due_on, why):
    assert rules.contact_decision_due_on(received_on=received_on, calendar=calendar) == due_on


def test_the_rule_names_its_version():
    assert rules.CONTACT_DECISION_RULE == "T01 v1"
    assert rules.CONTACT_DECISION_WORKING_DAYS == 1


def clock_at(now: dt.datetime, due_on: dt.date, calendar) -> rules.DecisionClock:
    return rules.contact_decision_clock(due_on=due_on, now=now, calendar=calendar)


def test_a_contact_received_today_has_one_working_day_left(calendar):
    clock = clock_at(london(2026, 3, 6, 15), D(2026, 3, 9), calendar)  # Friday, due Monday

    assert clock.status is ClockStatus.ON_TRACK
    assert clock.working_days == 1
    assert clock.time_left == "1 working day left"


def test_on_the_due_day_it_counts_the_hours_to_midnight(calendar):
    clock = clock_at(london(2026, 3, 9, 16), D(2026, 3, 9), calendar)

    assert clock.status is ClockStatus.DUE_TODAY
    assert clock.hours_left == 8
    assert clock.time_left == "Due today: 8 hours left"


def test_the_last_minute_of_the_due_day_is_still_in_time(calendar):
    clock = clock_at(london(2026, 3, 9, 23, 59), D(2026, 3, 9), calendar)

    assert clock.status is ClockStatus.DUE_TODAY
    assert clock.time_left == "Due today: less than an hour left"


def test_midnight_after_the_due_day_is_overdue(calendar):
    clock = clock_at(london(2026, 3, 10, 0, 0), D(2026, 3, 9), calendar)

    assert clock.status is ClockStatus.OVERDUE
    assert clock.working_days == 1
    assert clock.time_left == "Overdue by 1 working day"


def test_a_weekend_after_a_friday_deadline_is_overdue_by_no_working_days(calendar):
    saturday = clock_at(london(2026, 3, 7, 10), D(2026, 3, 6), calendar)
    tuesday = clock_at(london(2026, 3, 10, 10), D(2026, 3, 6), calendar)

    assert (saturday.status, saturday.time_left) == (ClockStatus.OVERDUE, "Overdue")
    assert tuesday.time_left == "Overdue by 2 working days"


def test_it_reads_the_moment_in_london_time(calendar):
    # 23:30 UTC on Tuesday 2 June 2026 is 00:30 on Wednesday in London (summer time).
    late_tuesday_utc = dt.datetime(2026, 6, 2, 23, 30, tzinfo=dt.UTC)

    assert clock_at(late_tuesday_utc, D(2026, 6, 2), calendar).status is ClockStatus.OVERDUE


def test_a_decision_on_the_due_day_is_in_time():
    assert rules.decided_in_time(decided_on=D(2026, 3, 9), due_on=D(2026, 3, 9))
    assert not rules.decided_in_time(decided_on=D(2026, 3, 10), due_on=D(2026, 3, 9))


# ---- What a contact and its decision need -----------------------------------------------------


def test_a_contact_cannot_be_received_in_the_future():
    now = london(2026, 3, 4, 10)
    rules.ensure_received_in_the_past(received_at=now, now=now)
    with pytest.raises(DomainError, match="cannot be in the future") as error:
        rules.ensure_received_in_the_past(received_at=now + dt.timedelta(minutes=1), now=now)
    assert error.value.field == "received_at"


@pytest.mark.parametrize("consent", ["refused", "not_sought", "not_yet"])
def test_consent_not_given_needs_a_note(consent):
    with pytest.raises(DomainError, match="why consent was not given") as error:
        rules.ensure_consent_explained(consent=consent, consent_note="  ")
    assert error.value.field == "consent_note"
    rules.ensure_consent_explained(consent=consent, consent_note="Mother refused by phone")
    rules.ensure_consent_explained(consent="given", consent_note="")


def test_a_decision_cannot_be_before_receipt_or_in_the_future():
    received, now = london(2026, 3, 4, 10), london(2026, 3, 5, 12)
    rules.ensure_decision_time(received_at=received, decided_at=received, now=now)
    rules.ensure_decision_time(received_at=received, decided_at=now, now=now)
    with pytest.raises(DomainError, match=r"before the contact was received \(4 March 2026 at "
                                          r"10:00\)"):
        rules.ensure_decision_time(received_at=received,
                                   decided_at=received - dt.timedelta(minutes=1), now=now)
    with pytest.raises(DomainError, match="cannot be in the future"):
        rules.ensure_decision_time(received_at=received,
                                   decided_at=now + dt.timedelta(minutes=1), now=now)


def test_a_decision_needs_a_reason_and_a_rating():
    with pytest.raises(DomainError, match="Select a decision"):
        rules.ensure_can_decide(decision="maybe", reason="x", rag="red")
    with pytest.raises(DomainError, match="reason") as no_reason:
        rules.ensure_can_decide(decision="nfa", reason=" ", rag="red")
    with pytest.raises(DomainError, match="RAG rating before deciding") as no_rag:
        rules.ensure_can_decide(decision="nfa", reason="Known to early help", rag="")
    assert (no_reason.value.field, no_rag.value.field) == ("decision_reason", "rag")


def test_referral_and_strategy_decisions_open_an_episode():
    opening = {d for d in ("nfa", "advice", "early_help", "referral", "strategy")
               if rules.decision_opens_an_episode(d)}
    assert opening == {"referral", "strategy"}


# ---- T03: re-referral within 12 calendar months -----------------------------------------------


@pytest.mark.parametrize(("previous", "referral", "is_re_referral"), [
    (D(2025, 3, 1), D(2026, 3, 1), True),  # the anniversary is the last day in the window
    (D(2025, 3, 1), D(2026, 3, 2), False),
    (D(2025, 3, 1), D(2025, 3, 2), True),
    (D(2025, 3, 1), D(2025, 3, 1), False),  # the same day is not a previous referral
    (D(2026, 3, 1), D(2025, 3, 1), False),  # nor a later one
    (D(2028, 2, 29), D(2029, 2, 28), True),  # 29 February + 12 months is 28 February
    (D(2028, 2, 29), D(2029, 3, 1), False),
    (D(2027, 2, 28), D(2028, 2, 28), True),
    (D(2027, 2, 28), D(2028, 2, 29), False),  # a leap day does not stretch the window
    (D(2025, 8, 31), D(2026, 8, 31), True),
])
def test_a_referral_within_twelve_months_is_a_re_referral(previous, referral, is_re_referral):
    assert rules.is_re_referral(referral_date=referral,
                                previous_referral_date=previous) is is_re_referral


def test_the_window_ends_twelve_calendar_months_on():
    assert rules.re_referral_window_ends_on(D(2028, 2, 29)) == D(2029, 2, 28)
    assert rules.re_referral_window_ends_on(D(2026, 1, 31)) == D(2027, 1, 31)


def test_each_referral_links_to_the_latest_earlier_one_if_within_the_window():
    links = rules.previous_referral_links([
        ("c", D(2026, 2, 1)), ("a", D(2024, 1, 10)), ("b", D(2025, 6, 1)), ("d", D(2028, 1, 1)),
    ])

    # b is 17 months after a: not a re-referral. c is 8 months after b. d is 23 months after c.
    assert links == {"a": None, "b": None, "c": "b", "d": None}


# ---- Episodes do not overlap (8815, 8820) -----------------------------------------------------


def test_an_open_episode_blocks_a_new_one():
    open_episode = Episode(D(2026, 1, 5))

    assert rules.episodes_overlap(Episode(D(2026, 3, 1)), open_episode)
    assert rules.episodes_overlap(Episode(D(2026, 1, 5)), open_episode)  # a duplicate


def test_a_new_episode_may_start_the_day_the_last_one_closed():
    closed = Episode(D(2026, 1, 5), closed_on=D(2026, 2, 10))

    assert not rules.episodes_overlap(Episode(D(2026, 2, 10)), closed)
    assert rules.episodes_overlap(Episode(D(2026, 2, 9)), closed)


def test_an_open_nfa_referral_does_not_hold_the_episode_open():
    nfa = Episode(D(2026, 1, 5), no_further_action=True)

    assert not rules.episodes_overlap(Episode(D(2026, 1, 6)), nfa)


def test_an_open_episode_cannot_be_put_before_a_later_one():
    later = Episode(D(2026, 1, 5), closed_on=D(2026, 2, 10))

    assert rules.episodes_overlap(Episode(D(2025, 12, 1)), later)
    assert not rules.episodes_overlap(Episode(D(2025, 12, 1), closed_on=D(2026, 1, 5)), later)


def test_the_overlap_message_names_the_other_episode():
    with pytest.raises(DomainError, match="episode of need from 5 January 2026 \\(still open\\)"):
        rules.ensure_no_overlap(Episode(D(2026, 3, 1)), [(1, Episode(D(2026, 1, 5)))])


# ---- Referral dates and primary need ----------------------------------------------------------


def test_a_referral_date_is_not_in_the_future_nor_before_its_contact():
    today = D(2026, 3, 4)
    rules.ensure_referral_date(referral_date=today, today=today)
    with pytest.raises(DomainError, match="today or in the past"):
        rules.ensure_referral_date(referral_date=D(2026, 3, 5), today=today)
    with pytest.raises(DomainError, match=r"before the contact that led to it \(3 March 2026\)"):
        rules.ensure_referral_date(referral_date=D(2026, 3, 2), today=today,
                                   contact_received_on=D(2026, 3, 3))
    with pytest.raises(DomainError, match="after the episode closed"):
        rules.ensure_referral_date(referral_date=D(2026, 3, 3), today=today,
                                   closed_on=D(2026, 3, 2))


def test_primary_need_is_needed_unless_nfa():
    rules.ensure_primary_need(primary_need="", no_further_action=True)
    rules.ensure_primary_need(primary_need="N4", no_further_action=False)
    with pytest.raises(DomainError, match="primary need") as error:
        rules.ensure_primary_need(primary_need="", no_further_action=False)
    assert error.value.field == "primary_need"
    with pytest.raises(DomainError, match="from the list"):
        rules.ensure_primary_need(primary_need="N99", no_further_action=False)


# ---- Closing an episode -----------------------------------------------------------------------


def close(**overrides):
    values = {"referral_date": D(2026, 1, 5), "closed_on": D(2026, 3, 2),
              "closure_reason": "RC7", "has_assessment": False, "today": D(2026, 3, 4)}
    rules.ensure_can_close(**{**values, **overrides})


def test_an_episode_closes_on_or_after_its_referral_and_not_in_the_future():
    close()
    close(closed_on=D(2026, 1, 5))
    close(closed_on=D(2026, 3, 4))
    with pytest.raises(DomainError, match=r"before the referral date \(5 January 2026\)"):
        close(closed_on=D(2026, 1, 4))
    with pytest.raises(DomainError, match="today or in the past"):
        close(closed_on=D(2026, 3, 5))


@pytest.mark.parametrize("reason", ["RC8", "RC9"])
def test_rc8_and_rc9_need_an_assessment(reason):
    with pytest.raises(DomainError, match=f"{reason} is for a case closed after an "
                                          "assessment") as error:
        close(closure_reason=reason)
    assert error.value.field == "closure_reason"
    close(closure_reason=reason, has_assessment=True)


def test_a_closure_needs_a_dfe_reason():
    with pytest.raises(DomainError, match="reason for closing"):
        close(closure_reason="RC10")
