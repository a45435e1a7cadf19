"""Raising, answering, escalating and resolving: tasks, audit, refusals and the clock."""

import datetime as dt

import pytest

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.iro.codes import Stage
from hearth.iro.models import ChallengeStage
from hearth.iro.tests.factories import challenge_for, escalate, resolve, respond

pytestmark = pytest.mark.django_db
D = dt.date
TASK = TaskKind.RESPOND_TO_IRO_CHALLENGE


def tasks(child):
    return StatutoryTask.objects.filter(child=child, kind=TASK).order_by("id")


def codes(child) -> list[str]:
    return list(AuditEvent.objects.filter(child_id=child.pk, event_code__startswith="IRO_")
                .order_by("id").values_list("event_code", flat=True))


def test_raising_opens_a_response_task_due_in_working_days(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 4, 2))  # before Easter

    [stage] = challenge.stages.all()
    [task] = tasks(child)
    assert stage.response_due_on == task.due_on == D(2026, 4, 13)
    assert (stage.stage, stage.addressed_to, task.rule) == (
        Stage.INFORMAL, personas.tm_bob, "IRO challenge informal response 5 WD v1")
    assert task.closed_at is None
    assert codes(child) == ["IRO_CHALLENGE_RAISED"]


def test_the_response_becomes_overdue_the_day_after_it_is_due_over_christmas(
        personas, child, traveller):
    traveller.move_to(dt.datetime(2026, 12, 22, 9, 0, tzinfo=dt.UTC))
    challenge = challenge_for(child, personas, raised_on=D(2026, 12, 22))
    [task] = tasks(child)
    assert task.due_on == D(2026, 12, 31)  # 25 and 28 December are bank holidays

    traveller.move_to(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC))
    assert StatutoryTask.objects.open().filter(due_on__lt=D(2026, 12, 31)).count() == 0
    respond(challenge, personas.tm_bob, on=D(2026, 12, 31))
    stage = ChallengeStage.objects.get()
    assert stage.responded_in_time is True
    assert tasks(child).get().closed_on == D(2026, 12, 31)


def test_a_response_the_day_after_the_deadline_is_late(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))  # due 26 May (25 BH)
    stage = respond(challenge, personas.tm_bob, on=D(2026, 5, 27))
    assert (stage.response_due_on, stage.responded_in_time) == (D(2026, 5, 26), False)


def test_only_the_addressee_may_respond(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 18))
    with pytest.raises(DomainError, match="only they can respond"):
        respond(challenge, personas.sw_alice, on=D(2026, 5, 19))
    assert tasks(child).get().closed_at is None


def test_escalation_closes_the_task_and_opens_the_next_stages(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    new_stage = escalate(challenge, personas, on=D(2026, 5, 12))

    first, second = tasks(child)
    assert (first.closed_on, first.cancelled) == (D(2026, 5, 12), True)
    assert (second.due_on, second.closed_at, second.source_id) == (
        D(2026, 5, 19), None, new_stage.pk)
    assert (new_stage.stage, new_stage.addressed_to) == (Stage.TEAM_MANAGER, personas.sm_sara)
    assert codes(child) == ["IRO_CHALLENGE_RAISED", "IRO_CHALLENGE_ESCALATED"]


def test_escalation_beyond_the_director_is_refused(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4), stage=Stage.DIRECTOR)
    with pytest.raises(DomainError, match="last stage"):
        escalate(challenge, personas, on=D(2026, 5, 5))
    assert ChallengeStage.objects.count() == 1


def test_escalation_needs_someone_who_can_respond(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    with pytest.raises(DomainError, match="can respond to IRO challenges") as error:
        escalate(challenge, personas, on=D(2026, 5, 5), to=personas.analyst_dana)
    assert error.value.field == "addressed_to"


def test_resolving_closes_the_loop_and_every_task(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    respond(challenge, personas.tm_bob, on=D(2026, 5, 6))
    resolved = resolve(challenge, personas, on=D(2026, 5, 7))

    assert (resolved.resolved_on, resolved.resolved_by) == (D(2026, 5, 7), personas.iro_erin)
    assert StatutoryTask.objects.open().filter(child=child).count() == 0
    assert codes(child) == ["IRO_CHALLENGE_RAISED", "IRO_CHALLENGE_RESPONDED",
                            "IRO_CHALLENGE_RESOLVED"]
    event = AuditEvent.objects.get(event_code="IRO_CHALLENGE_RESOLVED")
    assert event.detail["days_open"] == 3


def test_a_resolved_challenge_takes_nothing_more(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    resolve(challenge, personas, on=D(2026, 5, 5))
    with pytest.raises(DomainError, match="already resolved on 5 May 2026"):
        resolve(challenge, personas, on=D(2026, 5, 6))
    with pytest.raises(DomainError, match="it is closed"):
        escalate(challenge, personas, on=D(2026, 5, 6))
    with pytest.raises(DomainError, match="it is closed"):
        respond(challenge, personas.tm_bob, on=D(2026, 5, 6))


def test_a_response_before_the_challenge_or_in_the_future_is_refused(personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    with pytest.raises(DomainError, match="before the challenge reached this stage"):
        respond(challenge, personas.tm_bob, on=D(2026, 5, 1))
    with pytest.raises(DomainError, match="today or in the past"):
        respond(challenge, personas.tm_bob, on=D(2026, 6, 2))
    with pytest.raises(DomainError, match="today or in the past"):
        challenge_for(child, personas, raised_on=D(2026, 6, 2))


def test_the_response_task_is_on_the_addressees_own_work_and_moves_on_escalation(
        client, personas, child):
    challenge = challenge_for(child, personas, raised_on=D(2026, 5, 4))
    assert tasks(child).get().assignee == personas.tm_bob
    client.force_login(personas.tm_bob)
    mine = client.get("/work/").context["rows"]
    assert [(task.kind, task.child) for task, _ in mine] == [(TASK, child)]

    escalate(challenge, personas, on=D(2026, 5, 12))
    assert not client.get("/work/").context["rows"]
    client.force_login(personas.sm_sara)
    [(task, _status)] = client.get("/work/").context["rows"]
    assert (task.kind, task.assignee) == (TASK, personas.sm_sara)
