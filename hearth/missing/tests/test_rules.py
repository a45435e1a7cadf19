"""The pure rules: the 72-hour clock at its boundaries, across clock changes and bank holidays,
the episode checks, the police notification match, offers and declines, and the figures."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.missing import rules
from hearth.missing.codes import InterviewOutcome
from hearth.missing.rules import EpisodeFacts, Span
from hearth.missing.tests.factories import london

UTC = dt.UTC
NOW = london(2026, 11, 30, 12, 0)


# ---- The 72-hour clock (T39) -----------------------------------------------------------------


def test_the_interview_is_due_72_hours_after_the_return():
    assert rules.interview_due_at(london(2026, 6, 1, 14, 30)) == london(2026, 6, 4, 14, 30)


def test_72_hours_across_the_march_clock_change_are_72_real_hours():
    # Friday 27 March 2026 12:00 GMT; the clocks go forward at 1am on Sunday 29 March.
    returned = london(2026, 3, 27, 12, 0)
    due = rules.interview_due_at(returned)

    assert due == dt.datetime(2026, 3, 30, 12, 0, tzinfo=UTC)
    assert (due.hour, due.utcoffset()) == (13, dt.timedelta(hours=1))  # 1pm BST on the wall
    assert due.astimezone(UTC) - returned.astimezone(UTC) == dt.timedelta(hours=72)


def test_72_hours_across_the_october_clock_change_are_72_real_hours():
    # Friday 23 October 2026 12:00 BST; the clocks go back at 2am on Sunday 25 October.
    returned = london(2026, 10, 23, 12, 0)
    due = rules.interview_due_at(returned)

    assert due == dt.datetime(2026, 10, 26, 11, 0, tzinfo=UTC)
    assert (due.hour, due.utcoffset()) == (11, dt.timedelta(0))  # 11am GMT on the wall
    assert rules.london_date(due) == dt.date(2026, 10, 26)


def test_bank_holidays_do_not_stop_the_clock():
    # Christmas Eve evening: due on Sunday 27 December, over Christmas and Boxing Day.
    due = rules.interview_due_at(london(2026, 12, 24, 18, 0))

    assert due == london(2026, 12, 27, 18, 0)


def test_a_return_just_before_midnight_is_due_on_the_london_date():
    due = rules.interview_due_at(london(2026, 6, 1, 23, 30))  # 22:30 UTC

    assert rules.london_date(due) == dt.date(2026, 6, 4)


@pytest.mark.parametrize(("held", "in_time"), [
    (london(2026, 3, 30, 12, 59), True),
    (london(2026, 3, 30, 13, 0), True),  # exactly 72 hours: in time
    (london(2026, 3, 30, 13, 1), False),
])
def test_in_time_at_the_boundary_across_the_clock_change(held, in_time):
    due = rules.interview_due_at(london(2026, 3, 27, 12, 0))

    assert rules.in_time(held, due) is in_time


def test_nothing_done_is_neither_in_time_nor_late():
    assert rules.in_time(None, london(2026, 6, 4)) is None


def test_a_time_the_clocks_skipped_is_refused():
    with pytest.raises(ValueError, match="01:30 did not happen on 29 March 2026"):
        rules.london_moment(dt.date(2026, 3, 29), dt.time(1, 30))


def test_the_hour_the_clocks_go_back_is_compared_in_real_time():
    first = london(2026, 10, 25, 1, 50)  # 00:50 UTC, BST
    second = first.astimezone(UTC).replace(hour=1, minute=10).astimezone(first.tzinfo)

    assert second.hour == 1 and second.minute == 10  # 01:10 GMT, 20 minutes later
    assert rules.in_time(second, first) is False
    assert rules.in_time(first, second) is True


def test_a_time_that_happened_twice_is_the_first():
    first = rules.london_moment(dt.date(2026, 10, 25), dt.time(1, 30))

    assert first.utcoffset() == dt.timedelta(hours=1)
    assert first.astimezone(UTC) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


# ---- Episodes -------------------------------------------------------------------------------


def test_an_episode_cannot_return_before_it_started():
    with pytest.raises(DomainError, match="The return cannot be before the start on "
                                          "3 March 2026 at 14:30") as error:
        rules.ensure_episode_fits(started_at=london(2026, 3, 3, 14, 30),
                                  returned_at=london(2026, 3, 3, 14, 29), now=NOW, others=[])
    assert error.value.field == "returned_at"


def test_a_return_at_the_moment_it_started_is_allowed():
    start = london(2026, 3, 3, 14, 30)
    rules.ensure_episode_fits(started_at=start, returned_at=start, now=NOW, others=[])


@pytest.mark.parametrize(("started", "returned", "field"), [
    (london(2026, 11, 30, 12, 1), None, "started_at"),
    (london(2026, 11, 30, 11, 0), london(2026, 11, 30, 12, 1), "returned_at"),
])
def test_nothing_in_the_future(started, returned, field):
    with pytest.raises(DomainError, match="must be now or in the past") as error:
        rules.ensure_episode_fits(started_at=started, returned_at=returned, now=NOW, others=[])
    assert error.value.field == field


def test_now_itself_is_not_the_future():
    rules.ensure_episode_fits(started_at=NOW, returned_at=NOW, now=NOW, others=[])


def test_one_open_episode_per_child():
    open_one = Span(london(2026, 5, 1, 22, 0), None)

    with pytest.raises(DomainError, match="already has an open missing episode, from "
                                          "1 May 2026 at 22:00: record their return first"):
        rules.ensure_episode_fits(started_at=london(2026, 5, 20, 9, 0), returned_at=None,
                                  now=NOW, others=[open_one])


@pytest.mark.parametrize(("start", "end", "overlaps"), [
    (london(2026, 5, 1, 10, 0), london(2026, 5, 2, 9, 0), True),   # ends inside
    (london(2026, 5, 2, 10, 0), london(2026, 5, 2, 11, 0), True),  # inside
    (london(2026, 5, 1, 10, 0), london(2026, 5, 4, 11, 0), True),  # around
    (london(2026, 5, 1, 10, 0), None, True),                       # open, starting before
    (london(2026, 5, 1, 10, 0), london(2026, 5, 2, 8, 0), False),  # ends as the other starts
    (london(2026, 5, 3, 18, 0), None, False),                      # starts as the other ends
    (london(2026, 5, 4, 10, 0), london(2026, 5, 5, 8, 0), False),  # after
])
def test_overlapping_episodes_are_refused(start, end, overlaps):
    other = Span(london(2026, 5, 2, 8, 0), london(2026, 5, 3, 18, 0))

    if overlaps:
        with pytest.raises(DomainError, match="overlaps the one from 2 May 2026 at 08:00 to "
                                              "3 May 2026 at 18:00"):
            rules.ensure_episode_fits(started_at=start, returned_at=end, now=NOW,
                                      others=[other])
    else:
        rules.ensure_episode_fits(started_at=start, returned_at=end, now=NOW, others=[other])


def test_a_closed_episode_cannot_run_into_an_open_one():
    open_one = Span(london(2026, 5, 10, 8, 0), None)

    with pytest.raises(DomainError, match="overlaps the one open since 10 May 2026 at 08:00"):
        rules.ensure_episode_fits(started_at=london(2026, 5, 9), returned_at=london(2026, 5, 11),
                                  now=NOW, others=[open_one])


def test_a_police_notification_joins_the_episode_covering_its_time():
    earlier = Span(london(2026, 5, 1, 8), london(2026, 5, 2, 8), id=1)
    later = Span(london(2026, 5, 5, 8), london(2026, 5, 6, 8), id=2)

    match = rules.episode_for_police_notification(reported_at=london(2026, 5, 5, 20),
                                                  episodes=[earlier, later])

    assert match == later


def test_a_police_notification_joins_the_open_episode_even_if_reported_earlier():
    open_one = Span(london(2026, 5, 5, 8), None, id=3)

    match = rules.episode_for_police_notification(reported_at=london(2026, 5, 5, 7),
                                                  episodes=[open_one])

    assert match == open_one


def test_a_police_notification_outside_every_episode_makes_a_new_one():
    closed = Span(london(2026, 5, 1, 8), london(2026, 5, 2, 8), id=1)

    assert rules.episode_for_police_notification(reported_at=london(2026, 5, 3, 8),
                                                 episodes=[closed]) is None


# ---- Offers and the interview ---------------------------------------------------------------

RETURNED = london(2026, 5, 20, 18, 0)


def test_an_interview_is_offered_only_after_the_return():
    with pytest.raises(DomainError, match="has not returned yet"):
        rules.ensure_offer_fits(returned_at=None, offered_at=NOW, now=NOW, offers_made=0,
                                outcome=None)
    with pytest.raises(DomainError, match="cannot be offered before the child returned on "
                                          "20 May 2026 at 18:00"):
        rules.ensure_offer_fits(returned_at=RETURNED, offered_at=london(2026, 5, 20, 17, 59),
                                now=NOW, offers_made=0, outcome=None)


def test_up_to_three_offers():
    rules.ensure_offer_fits(returned_at=RETURNED, offered_at=RETURNED, now=NOW,
                            offers_made=rules.MAX_INTERVIEW_OFFERS - 1, outcome=None)
    with pytest.raises(DomainError, match="3 offers have been made: record the interview, or "
                                          "record it as declined after 3 offers"):
        rules.ensure_offer_fits(returned_at=RETURNED, offered_at=RETURNED, now=NOW,
                                offers_made=rules.MAX_INTERVIEW_OFFERS, outcome=None)


def test_no_offer_after_the_interview_was_recorded():
    with pytest.raises(DomainError, match=r"already recorded \(interview held\)"):
        rules.ensure_offer_fits(returned_at=RETURNED, offered_at=NOW, now=NOW, offers_made=1,
                                outcome=InterviewOutcome.HELD)


def test_declined_only_after_an_offer():
    with pytest.raises(DomainError, match="declined only after it was offered"):
        rules.decline_outcome(returned_at=RETURNED, declined_on=dt.date(2026, 5, 21),
                              today=NOW.date(), offers_made=0, outcome=None)


@pytest.mark.parametrize(("offers", "outcome"), [
    (1, InterviewOutcome.DECLINED), (2, InterviewOutcome.DECLINED),
    (3, InterviewOutcome.DECLINED_AFTER_OFFERS),
])
def test_declined_after_three_offers_is_recorded_as_such(offers, outcome):
    assert rules.decline_outcome(returned_at=RETURNED, declined_on=dt.date(2026, 5, 21),
                                 today=NOW.date(), offers_made=offers, outcome=None) == outcome


def test_the_label_names_the_local_standard():
    assert str(rules.MAX_INTERVIEW_OFFERS) in InterviewOutcome.DECLINED_AFTER_OFFERS.label


def test_declined_not_before_the_return_nor_in_the_future():
    with pytest.raises(DomainError, match="cannot be declined before the child returned on "
                                          "20 May 2026"):
        rules.decline_outcome(returned_at=RETURNED, declined_on=dt.date(2026, 5, 19),
                              today=NOW.date(), offers_made=1, outcome=None)
    with pytest.raises(DomainError, match="today or in the past"):
        rules.decline_outcome(returned_at=RETURNED, declined_on=dt.date(2026, 12, 1),
                              today=NOW.date(), offers_made=1, outcome=None)


def test_the_interview_is_not_before_the_return():
    with pytest.raises(DomainError, match="interview cannot be before the child returned"):
        rules.ensure_interview_held_fits(returned_at=RETURNED,
                                         held_at=london(2026, 5, 20, 17, 0), now=NOW,
                                         outcome=None)


@pytest.mark.parametrize(("now", "status"), [
    (london(2026, 5, 23, 18, 0), rules.InterviewStatus.DUE),      # exactly 72 hours
    (london(2026, 5, 23, 18, 1), rules.InterviewStatus.OVERDUE),
])
def test_the_status_turns_overdue_after_72_hours(now, status):
    due = rules.interview_due_at(RETURNED)

    assert rules.interview_status(due_at=due, outcome=None, held_at=None, now=now) == status


def test_the_status_of_held_declined_and_open_episodes():
    due = rules.interview_due_at(RETURNED)
    status = rules.interview_status

    assert status(due_at=None, outcome=None, held_at=None, now=NOW).label == "Not returned yet"
    assert status(due_at=due, outcome="held", held_at=due, now=NOW).label == (
        "Held within 72 hours")
    assert status(due_at=due, outcome="held", held_at=london(2026, 5, 24), now=NOW).label == (
        "Held after 72 hours")
    assert status(due_at=due, outcome="declined_after_offers", held_at=None,
                  now=NOW).label == "Declined after 3 offers"


# ---- Figures --------------------------------------------------------------------------------


def _facts(child_id, team_id, *, returned=True, offer=None, outcome=None, held=None):
    due = rules.interview_due_at(RETURNED) if returned else None
    return EpisodeFacts(child_id=child_id, team_id=team_id, due_at=due, first_offer_at=offer,
                        outcome=outcome, held_at=held)


def test_the_figures_by_team_and_in_total():
    in_time, late = london(2026, 5, 21, 10), london(2026, 5, 25, 10)
    episodes = [
        _facts(1, 10, offer=in_time, outcome="held", held=in_time),
        _facts(1, 10, offer=late, outcome="held", held=late),
        _facts(2, 10, offer=in_time, outcome="declined"),
        _facts(3, 10),                                     # returned, never offered
        _facts(4, 20, returned=False),                     # still missing
        _facts(5, None, outcome="held", held=in_time),     # held without a recorded offer
    ]

    by_team, total = rules.figures_by_team(episodes)
    team_10 = next(f for f in by_team if f.team_id == 10)

    assert (team_10.episodes, team_10.children, team_10.returned) == (4, 3, 4)
    assert (team_10.offered, team_10.offered_in_time, team_10.held) == (3, 2, 2)
    assert (team_10.held_in_time, team_10.declined) == (1, 1)
    assert team_10.offered_in_time_percent == 50.0
    assert team_10.held_percent == 66.7
    assert team_10.held_in_time_percent == 50.0
    assert team_10.declined_percent == 33.3
    assert (total.episodes, total.children, total.returned, total.offered_in_time) == (6, 5, 5, 3)
    assert total.held_in_time_percent == round(100 * 2 / 3, 1)


def test_no_episodes_give_no_percentages():
    figures = rules.figures_for(None, [])

    assert figures.offered_in_time_percent is None and figures.held_percent is None


def test_risk_codes_are_checked_and_kept_once():
    assert rules.ensure_known_risks(["cse", "cce", "cse"], field="risks") == ["cse", "cce"]
    with pytest.raises(DomainError, match="Unknown risk codes: gangs"):
        rules.ensure_known_risks(["cse", "gangs"], field="risks")
