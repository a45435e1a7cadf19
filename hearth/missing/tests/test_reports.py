"""The missing children report against a hand-computed example: episodes in May 2026 in two
teams, one child who moved team mid-month, one episode outside the period."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.cases.services import child_allocate
from hearth.missing import reports, services
from hearth.missing.tests.factories import episode_for, held, london, offer

pytestmark = pytest.mark.django_db
D = dt.date
MAY = reports.ReportFilters(start=D(2026, 5, 1), end=D(2026, 5, 31))


@pytest.fixture
def may(personas):
    """Team A: Ada, 3 episodes in May (one in April not counted) and Otto, still missing.
    Team B: Bea, declined after a late offer; Moe, in team B until 15 May, then team A."""
    alice, charlie = personas.sw_alice, personas.sw_charlie
    ada = personas.child_for(alice, allocated_on=D(2026, 4, 1))
    otto = personas.child_for(alice, allocated_on=D(2026, 4, 1))
    bea = personas.child_for(charlie, allocated_on=D(2026, 4, 1))
    moe = personas.child_for(charlie, allocated_on=D(2026, 4, 1))
    child_allocate(child=moe, team=personas.team_a, worker=alice, start_date=D(2026, 5, 15),
                   system_job="test")

    episode_for(ada, alice, started_at=london(2026, 4, 28, 20), returned_at=london(2026, 4, 29))
    first = episode_for(ada, alice, started_at=london(2026, 5, 2, 20),
                        returned_at=london(2026, 5, 3, 10))
    offer(first, alice, at=london(2026, 5, 4, 10))          # due 6 May 10:00: in time
    held(first, alice, at=london(2026, 5, 5, 15))            # in time
    episode_for(ada, alice, started_at=london(2026, 5, 20, 22), returned_at=london(2026, 5, 21, 8),
                kind="A")                                    # never offered
    episode_for(otto, alice, started_at=london(2026, 5, 30, 23))  # not returned

    late = episode_for(bea, charlie, started_at=london(2026, 5, 12, 21),
                       returned_at=london(2026, 5, 13, 7))
    offer(late, charlie, at=london(2026, 5, 17, 9), accepted=False)  # due 16 May 07:00: late
    services.return_interview_decline(episode=late, declined_on=D(2026, 5, 17), actor=charlie)
    moved = episode_for(moe, charlie, started_at=london(2026, 5, 10, 18),
                        returned_at=london(2026, 5, 10, 23))
    held(moved, charlie, at=london(2026, 5, 12, 9))          # no offer recorded: in time
    return {"ada": ada, "otto": otto, "bea": bea, "moe": moe}


def figures_of(rows, name):
    return next(r.figures for r in rows if r.team_name == name)


def test_the_figures_by_team_match_the_hand_count(personas, may):
    rows, total = reports.team_figures(MAY)

    assert [r.team_name for r in rows] == ["Persona Team A", "Persona Team B"]
    team_a, team_b = figures_of(rows, "Persona Team A"), figures_of(rows, "Persona Team B")
    assert (team_a.episodes, team_a.children, team_a.returned, team_a.offered) == (3, 2, 2, 1)
    assert (team_a.offered_in_time_percent, team_a.held_percent,
            team_a.held_in_time_percent, team_a.declined_percent) == (50.0, 100.0, 100.0, 0.0)
    assert (team_b.episodes, team_b.children, team_b.returned, team_b.offered) == (2, 2, 2, 2)
    assert (team_b.offered_in_time_percent, team_b.held_percent,
            team_b.held_in_time_percent, team_b.declined_percent) == (50.0, 50.0, 100.0, 50.0)
    assert (total.episodes, total.children, total.returned, total.offered) == (5, 4, 4, 3)
    assert (total.offered_in_time_percent, total.held_percent, total.held_in_time_percent,
            total.declined_percent) == (50.0, 66.7, 100.0, 33.3)


def test_the_filters_narrow_the_figures(personas, may):
    rows, total = reports.team_figures(reports.ReportFilters(
        start=D(2026, 5, 1), end=D(2026, 5, 31), team_id=personas.team_b.pk))
    _rows, away = reports.team_figures(reports.ReportFilters(
        start=D(2026, 5, 1), end=D(2026, 5, 31), kind="A"))
    _rows, april = reports.team_figures(reports.ReportFilters(start=D(2026, 4, 1),
                                                              end=D(2026, 4, 30)))

    assert [r.team_name for r in rows] == ["Persona Team B"] and total.episodes == 2
    assert (away.episodes, away.returned, away.offered) == (1, 1, 0)
    assert (april.episodes, april.children) == (1, 1)


def test_the_figures_take_two_queries(personas, may):
    with CaptureQueriesContext(connection) as queries:
        reports.team_figures(MAY)

    assert len(queries) == 2


def test_the_episode_list_shows_only_children_the_user_may_see(personas, may):
    from hearth.people import services as people_services
    from hearth.people.models import Person

    people_services.record_restrict(person=may["bea"], actor=personas.sm_sara,
                                    reason="Staff relative")
    visible = Person.objects.visible_to(personas.tm_bob)

    listed = list(reports.episode_list(MAY, visible_children=visible, sort="oldest"))

    assert [e.child for e in listed] == [may["ada"], may["moe"], may["ada"], may["otto"]]
    assert [e.team_name for e in listed] == ["Persona Team A", "Persona Team B",
                                             "Persona Team A", "Persona Team A"]
