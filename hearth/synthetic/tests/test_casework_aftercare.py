"""The aftercare planned for single children after their care story, without building an
authority: health and education on their clocks inside each period of care, missing episodes
that do not overlap, and care leavers with the category their age allows; nothing in the
future."""

import datetime as dt
import random

import pytest

from hearth.accounts.models import Team
from hearth.imports import history as h
from hearth.leaving_care import rules as lc
from hearth.synthetic.casework_aftercare import AftercarePlanner, AftercareRates, periods_of
from hearth.synthetic.casework_care import CarePlanner
from hearth.synthetic.casework_plan import Period
from hearth.synthetic.casework_stories import Crew, Desk, Rates, Story, StoryWriter
from hearth.synthetic.tests.test_casework_care import HISTORY_FROM, NOW, PLANS_FROM, TODAY, child
from hearth.workingdays.selectors import current_calendar

HEALTH = (h.HealthCheckEvent, h.ImmunisationsEvent, h.SdqEvent, h.PepEvent,
          h.EducationContactEvent)
ALWAYS_MISSING = AftercareRates(missing_share_in_care=1.0, missing_share_in_need=1.0)


def plan(person, service: str, *, start: dt.date, end: dt.date | None = None, seed: int = 1,
         rates: AftercareRates | None = None) -> tuple[list[h.Event], AftercarePlanner]:
    writer = StoryWriter(random.Random(seed), calendar=current_calendar(), now=NOW,
                         history_from=HISTORY_FROM, plans_from=PLANS_FROM, rates=Rates(),
                         desk=Desk(recorders=["bs"], deciders=["tm"], chairs=["chair"]))
    stories: dict[int, Story] = {}

    def story_for(c):
        return stories.setdefault(c.pk, Story(c))

    periods = {person.pk: [Period(Team(service=service), None, start, end)]}
    open_children, closed = ([person], []) if end is None else ([], [person])
    CarePlanner(random.Random(seed), writer=writer, iros=["iro"],
                crew_for=lambda rows, rng: Crew(((rows[0].start, "sw", "tm"),)),
                story_for=story_for).plan(open_children, closed, periods, stories)
    aftercare = AftercarePlanner(random.Random(seed), writer=writer, advisers=["pa"],
                                 rates=rates)
    aftercare.plan(open_children, periods, stories, story_for)
    return (stories[person.pk].in_order() if person.pk in stories else []), aftercare


def check(events: list[h.Event]) -> None:
    assert all(e.day <= TODAY for e in events if e.day)
    for event in events:
        for name in ("started_at", "returned_at", "offered_at", "held_at"):
            value = getattr(event, name, None)
            if isinstance(value, dt.datetime):
                assert value <= NOW


@pytest.mark.parametrize("seed", range(1, 9))
def test_a_child_in_care_has_health_and_education_inside_the_period(db, seed):
    born = dt.date(2013, 3, 2)
    events, _ = plan(child(1, born), Team.Service.CHILDREN_IN_CARE,
                     start=dt.date(2022, 9, 6), seed=seed)

    check(events)
    story = Story(child(1, born), events=[((e.day, 0, i), e) for i, e in enumerate(events)])
    period = periods_of(story)[-1]
    health = [e for e in events if isinstance(e, HEALTH)]
    assert all(period.start < e.day for e in health)
    checks = [e for e in health if isinstance(e, h.HealthCheckEvent) and e.kind != "dental"]
    assert checks[0].kind == "initial" and {e.kind for e in checks[1:]} <= {"review"}
    assert any(isinstance(e, h.HealthCheckEvent) and e.kind == "dental" for e in health)
    assert any(isinstance(e, h.SdqEvent) for e in health)  # aged 9 to 13
    peps = [e.held_on for e in health if isinstance(e, h.PepEvent)]
    assert len(peps) >= 9  # one a term for nearly four years
    assert peps == sorted(set(peps))


@pytest.mark.parametrize("seed", range(1, 6))
def test_health_and_education_stop_before_care_ends(db, seed):
    born = dt.date(2012, 5, 2)
    events, _ = plan(child(2, born), Team.Service.CHILDREN_IN_CARE, start=dt.date(2023, 1, 9),
                     end=dt.date(2025, 8, 1), seed=seed)

    check(events)
    ended = next(e.ended_on for e in events if isinstance(e, h.CareEndEvent))
    assert all(e.day < ended for e in events if isinstance(e, HEALTH))


@pytest.mark.parametrize("seed", range(1, 9))
def test_missing_episodes_do_not_overlap_and_interviews_follow_the_return(db, seed):
    born = dt.date(2010, 5, 2)
    events, planner = plan(child(3, born), Team.Service.CHILDREN_IN_CARE,
                           start=dt.date(2023, 1, 9), seed=seed, rates=ALWAYS_MISSING)

    check(events)
    episodes = [e for e in events if isinstance(e, h.MissingEpisodeEvent)]
    assert episodes and planner.missing_children == 1
    returns = {e.episode: e.returned_at for e in events if isinstance(e, h.MissingReturnEvent)}
    spans = [(e.started_at, e.returned_at or returns[e.ref]) for e in episodes]
    assert all(start < back for start, back in spans)
    assert all(back < after for (_, back), (after, _) in zip(spans, spans[1:], strict=False))
    back_of = {e.ref: e.returned_at or returns[e.ref] for e in episodes}
    for event in events:
        if isinstance(event, h.ReturnInterviewOfferEvent | h.ReturnInterviewEvent):
            moment = getattr(event, "offered_at", None) or event.held_at
            assert moment >= back_of[event.episode]
    assert all(e.started_at.date() >= HISTORY_FROM for e in episodes)


@pytest.mark.parametrize("seed", range(1, 9))
def test_a_care_leaver_who_left_care_at_18_is_former_relevant_with_a_pathway(db, seed):
    born = TODAY.replace(year=TODAY.year - 19) - dt.timedelta(days=40)
    events, planner = plan(child(4, born), Team.Service.CARE_LEAVERS,
                           start=dt.date(2019, 1, 7), seed=seed)

    check(events)
    eighteenth = lc.birthday(born, 18)
    record = next(e for e in events if isinstance(e, h.CareLeaverEvent))
    ended = next(e for e in events if isinstance(e, h.CareEndEvent))
    assert events.index(ended) < events.index(record)
    assert (record.category, record.applies_from, record.left_care_on) == (
        "former_relevant", eighteenth, eighteenth)
    assert planner.care_leavers == 1
    kinds = {e.TYPE for e in events}
    assert {"pathway_needs_assessment", "pathway_plan", "care_leaver_contact",
            "care_leaver_situation"} <= kinds
    after = [e for e in events if e.TYPE in h.CARE_LEAVER_EVENTS and e.TYPE != "care_leaver"
             and e.TYPE != "pathway_needs_assessment"]
    assert all(e.day >= eighteenth for e in after)
    for situation in (e for e in events if isinstance(e, h.CareLeaverSituationEvent)):
        if situation.in_touch == "YES":
            assert situation.activity and situation.accommodation
            assert situation.accommodation_suitable is not None


@pytest.mark.parametrize("seed", range(1, 6))
def test_a_young_person_of_the_leaving_care_team_over_18_before_the_history_is_a_care_leaver(
        db, seed):
    born = TODAY.replace(year=TODAY.year - 22) + dt.timedelta(days=10)
    events, _ = plan(child(5, born), Team.Service.CARE_LEAVERS, start=dt.date(2022, 1, 7),
                     seed=seed)

    check(events)
    record = next(e for e in events if isinstance(e, h.CareLeaverEvent))
    assert record.category == "former_relevant"
    assert record.applies_from == lc.birthday(born, 18)
