import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.cases.chronology import chronology_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.cases.rules import TaskStatus
from hearth.core.models import AuditEvent
from hearth.people import services as people_services
from hearth.protection import services
from hearth.protection.models import ChildProtectionPlan, StrategyDiscussion
from hearth.protection.tests.factories import (
    HEALTH,
    POLICE,
    D,
    child_on_a_plan,
    enquiry_needing_icpc,
    referral_for,
)

pytestmark = pytest.mark.django_db


def at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC), tick=False)


def url(name: str, child) -> str:
    return reverse(f"protection:{name}", args=[child.uuid])


def date_fields(name: str, day: dt.date) -> dict:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.fixture(autouse=True)
def _june(on_15_june_2026):
    return on_15_june_2026


def test_the_tab_shows_the_plan_and_a_visit_turning_overdue(client, personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 6, 1))  # visit due Mon 15 June 2026
    client.force_login(personas.sw_alice)

    response = client.get(url("child_protection", plan.child))
    summary = response.context["cp"].current_plan
    assert summary.plan == plan
    assert (summary.next_visit.task.due_on, summary.next_visit.status) == (
        D(2026, 6, 15), TaskStatus.DUE_TODAY)
    assert summary.next_core_group.task.due_on == D(2026, 6, 15)
    assert summary.next_review.task.due_on == D(2026, 9, 1)
    assert b"Due today" in response.content

    with at(D(2026, 6, 16)):
        client.force_login(personas.sw_alice)  # the session timed out overnight
        response = client.get(url("child_protection", plan.child))
    assert response.context["cp"].current_plan.next_visit.status == TaskStatus.OVERDUE
    assert b"Overdue" in response.content


def test_the_tab_shows_the_awaited_initial_conference(client, personas):
    child = personas.child_for(personas.sw_alice)
    enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2026, 6, 1),
                         discussed_on=D(2026, 6, 2), completed_on=D(2026, 6, 10))
    client.force_login(personas.iro_erin)
    response = client.get(url("child_protection", child))
    assert response.context["cp"].icpc_task.task.due_on == D(2026, 6, 23)
    assert b"Record the initial conference" in response.content
    assert b"Record a strategy discussion" not in response.content  # an IRO may not


def test_a_strategy_discussion_posted_starts_the_enquiry(client, personas):
    child = personas.child_for(personas.sw_alice)
    referral = referral_for(child, on=D(2026, 6, 1), actor=personas.sw_alice)
    client.force_login(personas.sw_alice)
    response = client.post(url("add_strategy_discussion", child), {
        "referral": referral.pk, **date_fields("held_on", D(2026, 6, 2)), "held_at": "14:30",
        "decision": "section_47", "reason": "Injury seen at nursery",
        "p0_agency": "police", "p0_name": "DC Test Officer", "p0_role": "Investigator",
        "p1_agency": "health", "p1_name": "Dr Example"})

    assert response.status_code == 302
    held = StrategyDiscussion.objects.get(child=child)
    assert (held.held_at, held.section47.started_on) == (dt.time(14, 30), D(2026, 6, 2))
    assert held.participants.count() == 2


def test_a_refused_conference_comes_back_with_the_message_and_everything_typed(
        client, personas):
    child = personas.child_for(personas.sw_alice)
    enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2026, 3, 2),
                         discussed_on=D(2026, 3, 3), completed_on=D(2026, 3, 3))
    client.force_login(personas.iro_erin)
    response = client.post(url("record_initial_conference", child), {
        **date_fields("held_on", D(2026, 3, 2)), "chair": personas.iro_erin.pk,
        "outcome": "plan", "category": "PHY", "delay_reason": "Chair unavailable",
        "p0_agency": "education", "p0_name": "Ms Headteacher", "p0_invited": "on",
        "p0_attended": "on"})

    assert response.status_code == 200
    content = response.content.decode()
    assert ("An initial conference cannot be before the strategy discussion on 3 March 2026"
            in content)
    assert "govuk-error-summary" in content
    assert 'value="Ms Headteacher"' in content and "Chair unavailable" in content
    assert 'value="PHY" checked' in content
    assert not ChildProtectionPlan.objects.exists()


def test_a_half_filled_person_is_an_error_on_that_row(client, personas):
    child = personas.child_for(personas.sw_alice)
    referral = referral_for(child, on=D(2026, 6, 1), actor=personas.sw_alice)
    client.force_login(personas.sw_alice)
    response = client.post(url("add_strategy_discussion", child), {
        "referral": referral.pk, **date_fields("held_on", D(2026, 6, 2)),
        "decision": "section_47", "p2_name": "Someone"})
    assert response.context["form"].errors == {"p2_agency": ["Choose the agency of person 3"]}
    assert not StrategyDiscussion.objects.exists()


def test_a_visit_posted_closes_the_visit_task(client, personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 6, 1))
    client.force_login(personas.sw_alice)
    response = client.post(url("record_cp_visit", plan.child), {
        **date_fields("visited_on", D(2026, 6, 12)), "child_seen": "on", "seen_alone": "on"})
    assert response.status_code == 302
    assert StatutoryTask.objects.open().get(kind=TaskKind.VISIT_CP).due_on == D(2026, 6, 26)


def test_ending_the_plan_from_its_page(client, personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 6, 1))
    client.force_login(personas.tm_bob)
    response = client.post(url("end_cp_plan", plan.child), {
        **date_fields("end_date", D(2026, 6, 12)), "reason": "moved_away"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.end_date == D(2026, 6, 12)
    response = client.get(url("record_core_group", plan.child))
    assert b"has no open child protection plan" in response.content


@pytest.mark.parametrize(("persona", "name", "status"), [
    ("sw_alice", "record_initial_conference", 403),
    ("sw_alice", "end_cp_plan", 403),
    ("bs_ben", "record_cp_visit", 403),
    ("iro_erin", "record_core_group", 403),
    ("analyst_dana", "child_protection", 403),
    ("sw_charlie", "child_protection", 200),
    ("iro_erin", "end_cp_plan", 200),
    ("bs_ben", "record_review_conference", 200),
])
def test_each_page_needs_its_permission(client, personas, persona, name, status):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 6, 1))
    client.force_login(getattr(personas, persona))
    assert client.get(url(name, plan.child)).status_code == status


def test_a_restricted_child_is_not_found(client, personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 6, 1))
    people_services.record_restrict(person=plan.child, actor=personas.sm_sara,
                                    reason="Staff relative")
    client.force_login(personas.tm_bob)
    for name in ("child_protection", "record_review_conference", "end_cp_plan"):
        assert client.get(url(name, plan.child)).status_code == 404
    assert client.post(url("end_cp_plan", plan.child), {
        **date_fields("end_date", D(2026, 6, 12)), "reason": "other"}).status_code == 404
    assert ChildProtectionPlan.objects.open().filter(pk=plan.pk).exists()


def test_opening_the_tab_is_audited(client, personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 6, 1))
    client.force_login(personas.sw_charlie)
    client.get(url("child_protection", plan.child))
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED", child_id=plan.child_id,
                                     actor=personas.sw_charlie).exists()


def test_the_chronology_shows_the_child_protection_events(personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 6, 1))
    titles = [item.title for item in chronology_for(plan.child) if item.kind == "protection"]
    assert titles == ["Child protection plan started", "Initial child protection conference",
                      "Section 47 enquiry ended", "Section 47 enquiry started",
                      "Strategy discussion: decided on a section 47 enquiry"]


def test_the_tab_reads_a_fixed_number_of_queries(client, personas):
    plan = child_on_a_plan(personas, icpc_on=D(2026, 3, 2))
    client.force_login(personas.sw_alice)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("child_protection", plan.child)).status_code == 200
        return len(captured)

    def meet_and_visit(day: dt.date) -> None:
        services.core_group_record(plan=plan, actor=personas.sw_alice, held_on=day,
                                   participants=[POLICE, HEALTH])
        services.cp_visit_record(plan=plan, actor=personas.sw_alice, visited_on=day,
                                 child_seen=True, seen_alone=False)

    meet_and_visit(D(2026, 3, 9))
    queries()
    few = queries()
    for day in (5, 12, 19, 26):
        meet_and_visit(D(2026, 5, day))
    assert queries() == few
