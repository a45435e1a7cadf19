import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.people import services as people_services
from hearth.protection import services
from hearth.protection.codes import PlanEndReason
from hearth.protection.rules import DurationBand
from hearth.protection.tests.factories import (
    HEALTH,
    POLICE,
    SCHOOL,
    D,
    child_on_a_plan,
)

pytestmark = pytest.mark.django_db
DURATIONS = reverse("protection:plan_durations")
ATTENDANCE = reverse("protection:partner_attendance")


@pytest.fixture(autouse=True)
def _june(on_15_june_2026):
    return on_15_june_2026


@pytest.fixture
def plans(personas):
    """Plans of 1, 4, 10 and 26 months on 15 June 2026, and one in team B."""
    return {
        "short": child_on_a_plan(personas, icpc_on=D(2026, 5, 15)),
        "four": child_on_a_plan(personas, icpc_on=D(2026, 2, 10)),
        "ten": child_on_a_plan(personas, icpc_on=D(2025, 8, 14)),
        "long": child_on_a_plan(personas, icpc_on=D(2024, 4, 15)),
        "team_b": child_on_a_plan(personas, icpc_on=D(2026, 1, 5),
                                  child=personas.child_for(personas.sw_charlie,
                                                           personas.team_b)),
    }


def listed(response) -> list:
    return [row.plan for row in response.context["rows"]]


def test_managers_see_open_plans_longest_first_with_their_flags(client, personas, plans):
    services.cp_plan_end(plan=plans["short"], actor=personas.tm_bob, end_date=D(2026, 6, 1),
                         reason=PlanEndReason.OTHER)
    client.force_login(personas.tm_bob)
    response = client.get(DURATIONS)

    assert listed(response) == [plans["long"], plans["ten"], plans["team_b"], plans["four"]]
    flags = [(r.due_for_progress_panel, r.over_two_years) for r in response.context["rows"]]
    assert flags == [(True, True), (True, False), (False, False), (False, False)]
    assert response.context["counts"][DurationBand.UP_TO_18] == 1
    assert (response.context["over_nine_months"], response.context["over_two_years"]) == (2, 1)
    assert b"Over 2 years" in response.content


def test_the_list_filters_by_band_and_team_and_sorts(client, personas, plans):
    client.force_login(personas.tm_bob)
    assert listed(client.get(DURATIONS, {"band": "9_to_18"})) == [plans["ten"]]
    assert listed(client.get(DURATIONS, {"band": "3_to_6"})) == [plans["team_b"], plans["four"]]
    assert plans["team_b"] not in listed(client.get(DURATIONS, {"team": personas.team_a.pk}))
    assert listed(client.get(DURATIONS, {"sort": "shortest"}))[0] == plans["short"]
    by_team = listed(client.get(DURATIONS, {"sort": "team"}))
    assert by_team[-1] == plans["team_b"]


def test_the_list_leaves_out_restricted_children_and_audits_who_was_shown(
        client, personas, plans):
    people_services.record_restrict(person=plans["long"].child, actor=personas.sm_sara,
                                    reason="Staff relative")
    client.force_login(personas.tm_bob)
    response = client.get(DURATIONS)
    assert plans["long"] not in listed(response)
    assert response.context["over_two_years"] == 0
    shown = set(AuditEvent.objects.filter(event_code="CHILD_LISTED", actor=personas.tm_bob)
                .values_list("child_id", flat=True))
    assert shown == {p.child_id for p in listed(response)}


def test_the_duration_list_does_not_query_per_row(client, personas):
    client.force_login(personas.tm_bob)

    def queries_for_the_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(DURATIONS).status_code == 200
        return len(captured)

    child_on_a_plan(personas, icpc_on=D(2026, 1, 5))
    queries_for_the_list()  # the first request of a session does more
    few = queries_for_the_list()
    for month in range(1, 9):
        child_on_a_plan(personas, icpc_on=D(2025, month, 6))
    assert queries_for_the_list() == few
    assert few <= 12


def test_the_list_pages(client, personas, monkeypatch):
    monkeypatch.setattr("hearth.protection.report_views.PAGE_SIZE", 2)
    for month in (1, 2, 3):
        child_on_a_plan(personas, icpc_on=D(2026, month, 6))
    client.force_login(personas.tm_bob)
    response = client.get(DURATIONS, {"page": 2, "sort": "longest"})
    assert [r.plan.start_date for r in response.context["rows"]] == [D(2026, 3, 6)]


@pytest.mark.parametrize(("persona", "status"), [
    ("tm_bob", 200), ("sm_sara", 200), ("iro_erin", 200), ("sw_alice", 403),
    ("analyst_dana", 403)])
def test_the_duration_list_is_for_managers_and_chairs(client, personas, persona, status):
    client.force_login(getattr(personas, persona))
    assert client.get(DURATIONS).status_code == status


def test_partner_attendance_counts_each_agency_by_meeting(client, personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 4, 1))  # ICPC: police and school
    absent_police = {**POLICE, "attended": False, "contributed": True}
    services.core_group_record(plan=plan, actor=personas.sw_alice, held_on=D(2026, 4, 14),
                               participants=[POLICE, HEALTH, SCHOOL])
    services.core_group_record(plan=plan, actor=personas.sw_alice, held_on=D(2026, 5, 20),
                               participants=[absent_police, HEALTH])
    client.force_login(personas.analyst_dana)

    response = client.get(ATTENDANCE, {"start_day": 1, "start_month": 4, "start_year": 2026,
                                       "end_day": 31, "end_month": 5, "end_year": 2026})

    core_groups, initial, review = response.context["meetings"]
    by_agency = {row.agency: row for row in core_groups.agencies}
    assert core_groups.held == 2
    assert (by_agency["police"].attended, by_agency["police"].invited,
            by_agency["police"].contributed) == (1, 2, 1)
    assert by_agency["police"].attended_percent == 50.0
    assert by_agency["health"].attended_percent == 100.0
    assert by_agency["other"].attended_percent == 0.0
    assert (initial.held, review.held) == (1, 0)
    assert b"50.0%" in response.content


def test_partner_attendance_filters_by_the_team_holding_the_child_that_day(client, personas):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    child_on_a_plan(personas, icpc_on=D(2026, 4, 1), child=child)
    client.force_login(personas.tm_bob)
    dates = {"start_day": 1, "start_month": 3, "start_year": 2026}
    team_a = client.get(ATTENDANCE, {**dates, "team": personas.team_a.pk}).context["meetings"]
    team_b = client.get(ATTENDANCE, {**dates, "team": personas.team_b.pk}).context["meetings"]
    assert (team_a[1].held, team_b[1].held) == (1, 0)


def test_partner_attendance_refuses_an_upside_down_period(client, personas):
    client.force_login(personas.tm_bob)
    response = client.get(ATTENDANCE, {"start_day": 2, "start_month": 6, "start_year": 2026,
                                       "end_day": 1, "end_month": 6, "end_year": 2026})
    assert "on or after its start" in response.content.decode()


@pytest.mark.parametrize(("persona", "status"), [
    ("tm_bob", 200), ("analyst_dana", 200), ("iro_erin", 200), ("sw_alice", 403),
    ("bs_ben", 403)])
def test_partner_attendance_is_for_managers_chairs_and_analysts(client, personas, persona, status):
    client.force_login(getattr(personas, persona))
    assert client.get(ATTENDANCE).status_code == status
