import datetime as dt

import pytest
from rest_framework.test import APIClient

from hearth.cases import tasks
from hearth.cases.models import TaskKind
from hearth.core.models import AuditEvent
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def task_for(child, due_on):
    return tasks.task_open(kind=TaskKind.VISIT_CP, child=child, source=child, due_on=due_on,
                           rule="test v1")


def test_a_worker_lists_their_own_tasks_with_status(personas):
    mine = personas.child_for(personas.sw_alice)
    task_for(mine, dt.date(2020, 1, 6))
    task_for(personas.child_for(personas.sw_charlie, personas.team_b), dt.date(2020, 1, 6))
    response = client_for(personas.sw_alice).get("/api/v1/tasks/")
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["child"]["uuid"] == str(mine.uuid) and row["status"] == "overdue"
    assert AuditEvent.objects.filter(event_code="CHILD_LISTED", child_id=mine.pk).exists()


def test_a_team_manager_lists_the_teams_tasks(personas):
    child = personas.child_for(personas.sw_alice)
    task_for(child, dt.date(2020, 1, 6))
    response = client_for(personas.tm_bob).get("/api/v1/tasks/", {"scope": "team"})
    assert [r["child"]["uuid"] for r in response.json()["results"]] == [str(child.uuid)]


def test_a_social_worker_cannot_list_the_service(personas):
    assert client_for(personas.sw_alice).get(
        "/api/v1/tasks/", {"scope": "service"}).status_code == 403


def test_restricted_children_are_left_out(personas):
    child = personas.child_for(personas.sw_alice)
    task_for(child, dt.date(2020, 1, 6))
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Relative")
    assert client_for(personas.sw_alice).get("/api/v1/tasks/").json()["results"] == []


def test_an_unknown_status_is_a_clear_400(personas):
    response = client_for(personas.sw_alice).get("/api/v1/tasks/", {"status": "late"})
    assert response.status_code == 400 and "status" in response.json()
