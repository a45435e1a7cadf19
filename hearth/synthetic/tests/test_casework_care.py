"""The care stories planned for single children, without building an authority: who is looked
after, who left care and why, and that every date is in the period and none in the future."""

import datetime as dt
import random

import pytest

from hearth.accounts.models import Team
from hearth.care.codes import FOSTER_PLACEMENTS, ReasonEpisodeCeased
from hearth.imports import history as h
from hearth.people.models import Person
from hearth.synthetic.casework_care import CarePlanner, Placement, Step, merged
from hearth.synthetic.casework_plan import Period
from hearth.synthetic.casework_stories import Crew, Desk, Rates, Story, StoryWriter
from hearth.workingdays.selectors import current_calendar

NOW = dt.datetime(2026, 6, 15, 13, 30, tzinfo=dt.UTC)
TODAY = NOW.date()
HISTORY_FROM = TODAY - dt.timedelta(days=730)
PLANS_FROM = TODAY - dt.timedelta(days=146)
FOSTER = Placement("U6", "PR1", "XXXXXXX", "ZZ1 1AA")


def plan(child: Person, service: str, *, start: dt.date, end: dt.date | None = None,
         seed: int = 1) -> tuple[list[h.Event], CarePlanner]:
    writer = StoryWriter(random.Random(seed), calendar=current_calendar(), now=NOW,
                         history_from=HISTORY_FROM, plans_from=PLANS_FROM, rates=Rates(),
                         desk=Desk(recorders=["bs"], deciders=["tm"], chairs=["chair"]))
    stories: dict[int, Story] = {}
    planner = CarePlanner(random.Random(seed), writer=writer, iros=["iro"],
                          crew_for=lambda rows, rng: Crew(((rows[0].start, "sw", "tm"),)),
                          story_for=lambda c: stories.setdefault(c.pk, Story(c)))
    periods = {child.pk: [Period(Team(service=service), None, start, end)]}
    open_children, closed = ([child], []) if end is None else ([], [child])
    planner.plan(open_children, closed, periods, stories)
    return (stories[child.pk].in_order() if child.pk in stories else []), planner


def child(pk: int, born: dt.date, **values) -> Person:
    return Person(pk=pk, first_name="Test", last_name="Child", date_of_birth=born, **values)


def check_dates(events: list[h.Event], born: dt.date) -> None:
    days = [e.day for e in events]
    assert days == sorted(days)
    assert all(born <= day <= TODAY for day in days)
    visits = [e.visited_on for e in events if isinstance(e, h.ClaVisitEvent)]
    assert all(day >= PLANS_FROM for day in visits)


@pytest.mark.parametrize("seed", range(1, 9))
def test_a_child_in_a_children_in_care_team_is_looked_after_from_their_allocation(db, seed):
    born = dt.date(2015, 3, 2)
    allocated = dt.date(2021, 9, 6)

    events, planner = plan(child(1, born), Team.Service.CHILDREN_IN_CARE, start=allocated,
                           seed=seed)

    check_dates(events, born)
    start = next(e for e in events if isinstance(e, h.CareStartEvent))
    assert start.started_on == allocated
    assert not any(isinstance(e, h.CareEndEvent) for e in events)
    assert planner.looked_after == 1
    reviews = [e for e in events if isinstance(e, h.ClaReviewEvent)]
    assert len(reviews) >= 8  # every review since 2021: their due dates follow each other
    assert any(isinstance(e, h.IroAllocationEvent) for e in events)


@pytest.mark.parametrize("seed", range(1, 13))
def test_a_child_who_left_care_left_for_a_reason_their_placement_allows(db, seed):
    born = dt.date(2012, 1, 20)
    events, planner = plan(child(2, born), Team.Service.CHILDREN_IN_CARE,
                           start=dt.date(2025, 1, 6), end=dt.date(2025, 11, 28), seed=seed)

    check_dates(events, born)
    end = events[-1]
    assert isinstance(end, h.CareEndEvent) and end.ended_on == dt.date(2025, 11, 28)
    assert end.reason in ReasonEpisodeCeased.values and end.reason != "X1"
    placements = [e.placement_type for e in events
                  if isinstance(e, h.CareStartEvent | h.CareEpisodeEvent)]
    if end.reason in ("E45", "E46"):
        assert placements[-1] in FOSTER_PLACEMENTS
    assert planner.left == 1


@pytest.mark.parametrize("seed", range(1, 7))
def test_a_care_leaver_who_turned_18_in_the_history_left_care_on_their_birthday(db, seed):
    born = dt.date(2007, 2, 14)
    events, _ = plan(child(3, born), Team.Service.CARE_LEAVERS, start=dt.date(2024, 11, 4),
                     seed=seed)

    check_dates(events, born)
    assert events[-1].ended_on == dt.date(2025, 2, 14)
    assert events[-1].reason in ("E17", "E8", "E4A", "E5", "E6", "E7")


def test_a_care_leaver_who_turned_18_before_the_history_has_no_care_events(db):
    events, planner = plan(child(4, dt.date(2003, 5, 1)), Team.Service.CARE_LEAVERS,
                           start=dt.date(2022, 1, 10))

    assert events == []
    assert planner.looked_after == planner.left == 0


def test_the_leaving_care_teams_16_and_17_year_olds_are_looked_after_or_left_after_16(db):
    born = dt.date(2009, 8, 30)
    outcomes = set()
    for seed in range(1, 21):
        events, planner = plan(child(5, born), Team.Service.CARE_LEAVERS,
                               start=dt.date(2025, 9, 1), seed=seed)
        check_dates(events, born)
        ends = [e for e in events if isinstance(e, h.CareEndEvent)]
        assert all(e.ended_on > dt.date(2025, 8, 30) for e in ends)  # after their 16th
        outcomes.add("looked after" if planner.looked_after else "left" if ends else "none")
    assert {"looked after", "left"} <= outcomes


def test_a_legal_change_and_a_move_on_the_same_day_are_one_episode():
    day = dt.date(2026, 1, 5)
    moved = Placement("U4", "PR4", "SC912345", "ZZ2 2BB", until_18=True)
    steps = [Step(dt.date(2025, 6, 2), "C1", FOSTER, True),
             Step(day, "C2", FOSTER, False),
             Step(day, "", moved, True, reason="CARPL")]

    assert merged(steps)[1:] == [Step(day, "C2", moved, True, reason="CARPL")]


def test_a_legal_change_after_a_move_keeps_the_new_placement():
    moved = Placement("K2", "PR4", "SC912345", "ZZ2 2BB")
    steps = [Step(dt.date(2025, 6, 2), "C1", FOSTER, True),
             Step(dt.date(2025, 9, 1), "", moved, True, reason="CREQB"),
             Step(dt.date(2026, 1, 5), "C2", FOSTER, False)]

    assert merged(steps)[2].placement == moved
