"""Every write to an IRO challenge: checked, saved, audited and its task kept, in one
transaction.

Each stage opens a RESPOND_TO_IRO_CHALLENGE task due on the stage's response date. A response
closes it as done; escalating closes it (cancelled if unanswered: the next stage's task takes its
place) and opens the next stage's; resolving closes whatever is still open.
"""

import datetime as dt

from django.db import transaction

from hearth.cases.models import TaskKind
from hearth.cases.tasks import task_close, task_open, tasks_close_all_for
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.iro import rules
from hearth.iro.models import Challenge, ChallengeStage
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

TASK = TaskKind.RESPOND_TO_IRO_CHALLENGE


def _ensure_can_answer(addressed_to) -> None:
    if addressed_to is None or not addressed_to.has_perm("iro.respond_to_challenge"):
        raise DomainError("Choose a manager or worker who can respond to IRO challenges",
                          field="addressed_to")


def _start_stage(challenge: Challenge, *, stage: str, started_on: dt.date, addressed_to,
                 why_escalated: str = "") -> ChallengeStage:
    _ensure_can_answer(addressed_to)
    due = rules.response_due_on(stage=stage, started_on=started_on, calendar=current_calendar())
    step = ChallengeStage.objects.create(
        challenge=challenge, stage=stage, started_on=started_on, addressed_to=addressed_to,
        response_due_on=due, response_rule=rules.response_rule(stage), why_escalated=why_escalated,
        recorded_at=clock.now())
    task_open(kind=TASK, child=challenge.child, source=step, due_on=due, rule=step.response_rule,
              assignee=addressed_to)
    return step


@transaction.atomic
def challenge_raise(*, child: Person, raised_on: dt.date, stage: str, reason: str,
                    asked_for: str, addressed_to, actor) -> Challenge:
    rules.ensure_child(is_child=child.is_child)
    rules.ensure_can_raise(raised_on=raised_on, today=clock.today())
    challenge = Challenge.objects.create(child=child, raised_by=actor, raised_on=raised_on,
                                         reason=reason, asked_for=asked_for,
                                         recorded_at=clock.now())
    step = _start_stage(challenge, stage=stage, started_on=raised_on, addressed_to=addressed_to)
    Auditor(actor).record("IRO_CHALLENGE_RAISED", challenge, child_id=child.pk, detail={
        "stage": stage, "reason": reason, "raised_on": str(raised_on),
        "addressed_to": addressed_to.pk, "response_due_on": str(step.response_due_on)})
    return challenge


def _locked(challenge: Challenge) -> tuple[Challenge, ChallengeStage]:
    challenge = Challenge.objects.select_for_update().select_related("child").get(
        pk=challenge.pk)
    return challenge, challenge.stages.select_related("addressed_to").last()


def _last_activity_on(step: ChallengeStage) -> dt.date:
    return step.responded_on or step.started_on


@transaction.atomic
def challenge_respond(*, challenge: Challenge, responded_on: dt.date, response: str,
                      actor) -> ChallengeStage:
    challenge, step = _locked(challenge)
    rules.ensure_can_respond(
        resolved_on=challenge.resolved_on, stage_started_on=step.started_on,
        already_responded_on=step.responded_on, responded_on=responded_on, today=clock.today(),
        responder_is_addressee=getattr(actor, "pk", None) == step.addressed_to_id,
        addressee=str(step.addressed_to))
    step.responded_on, step.response, step.responded_by = responded_on, response, actor
    step.save(update_fields=["responded_on", "response", "responded_by"])
    task_close(kind=TASK, source=step, done_on=responded_on, actor=actor)
    Auditor(actor).record("IRO_CHALLENGE_RESPONDED", step, child_id=challenge.child_id, detail={
        "challenge": challenge.pk, "stage": step.stage, "responded_on": str(responded_on),
        "in_time": step.responded_in_time})
    return step


@transaction.atomic
def challenge_escalate(*, challenge: Challenge, escalated_on: dt.date, addressed_to,
                       why_escalated: str, actor) -> ChallengeStage:
    challenge, step = _locked(challenge)
    following = rules.ensure_can_escalate(
        resolved_on=challenge.resolved_on, stage=step.stage,
        last_activity_on=_last_activity_on(step), escalated_on=escalated_on,
        today=clock.today())
    tasks_close_all_for(source=step, done_on=escalated_on, actor=actor)
    new_step = _start_stage(challenge, stage=following, started_on=escalated_on,
                            addressed_to=addressed_to, why_escalated=why_escalated)
    Auditor(actor).record("IRO_CHALLENGE_ESCALATED", challenge, child_id=challenge.child_id,
                          detail={"from": step.stage, "to": following,
                                  "escalated_on": str(escalated_on),
                                  "addressed_to": addressed_to.pk,
                                  "response_due_on": str(new_step.response_due_on)})
    return new_step


@transaction.atomic
def challenge_resolve(*, challenge: Challenge, resolved_on: dt.date, outcome: str,
                      actor) -> Challenge:
    challenge, step = _locked(challenge)
    rules.ensure_can_resolve(resolved_on=challenge.resolved_on,
                             last_activity_on=_last_activity_on(step), resolving_on=resolved_on,
                             today=clock.today())
    challenge.resolved_on, challenge.outcome, challenge.resolved_by = resolved_on, outcome, actor
    challenge.save(update_fields=["resolved_on", "outcome", "resolved_by"])
    tasks_close_all_for(source=step, done_on=resolved_on, actor=actor)
    Auditor(actor).record("IRO_CHALLENGE_RESOLVED", challenge, child_id=challenge.child_id,
                          detail={"resolved_on": str(resolved_on), "stage": step.stage,
                                  "days_open": (resolved_on - challenge.raised_on).days})
    return challenge

