"""Every write to a complaint, compliment or comment: checked, saved and audited in one
transaction. Events about a complaint that names children are written once per child (with
the child's id), so each child's audit history shows them; reading one is audited as a read of
each child's record.

Complaints need not name a child, so their clocks are not `cases.StatutoryTask` rows (which
belong to a child): the open `ComplaintStage` rows are the work list, read by due date.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q

from hearth.complaints import rules
from hearth.complaints.codes import ReminderStatus, Stage
from hearth.complaints.models import (
    Complaint,
    ComplaintReminder,
    ComplaintStage,
    Feedback,
    LearningForm,
)
from hearth.complaints.notifications import Notification, NotificationError
from hearth.core import clock
from hearth.core.audit import Auditor, changes_between
from hearth.core.errors import DomainError
from hearth.people import services as people_services
from hearth.workingdays.selectors import current_calendar

REMINDER_JOB = "send_complaint_reminders"


def _record(auditor: Auditor, code: str, target, *, children, detail: dict) -> None:
    """One event per child named (or one with no child)."""
    children = list(children)
    if not children:
        auditor.record(code, target, detail=detail)
    for child in children:
        auditor.record(code, target, child_id=child.pk, detail=detail)


def _ensure_can_answer(manager) -> None:
    if manager is None or not manager.has_perm("complaints.respond_to_complaint"):
        raise DomainError("Choose a manager who can respond to complaints",
                          field="responding_manager")


def _ensure_service_manager(manager) -> None:
    if manager is not None and manager.role != "service_manager":
        raise DomainError("Choose a service manager", field="service_manager")


def _start_stage(complaint: Complaint, *, stage: int, requested_on: dt.date) -> ComplaintStage:
    calendar = current_calendar()
    due_on = rules.response_due_on(stage=stage, requested_on=requested_on, calendar=calendar)
    return ComplaintStage.objects.create(
        complaint=complaint, stage=stage, requested_on=requested_on, standard_due_on=due_on,
        response_due_on=due_on, due_rule=rules.due_rule(stage), recorded_at=clock.now())


@transaction.atomic
def complaint_record(*, received_on: dt.date, complainant_name: str,
                     complainant_relationship: str, summary: str, themes: list[str], team,
                     responding_manager, receiving_officer, actor, service_manager=None,
                     children=()) -> Complaint:
    rules.ensure_can_record(received_on=received_on, today=clock.today())
    _ensure_can_answer(responding_manager)
    _ensure_service_manager(service_manager)
    children = list(children)
    if any(not child.is_child for child in children):
        raise DomainError("Link only children's records to a complaint", field="children")
    complaint = Complaint.objects.create(
        received_on=received_on, complainant_name=complainant_name.strip(),
        complainant_relationship=complainant_relationship, summary=summary,
        themes=sorted(set(themes)), team=team, responding_manager=responding_manager,
        service_manager=service_manager, receiving_officer=receiving_officer,
        recorded_by=actor, recorded_at=clock.now())
    complaint.children.set(children)
    stage = _start_stage(complaint, stage=Stage.LOCAL_RESOLUTION, requested_on=received_on)
    _record(Auditor(actor), "COMPLAINT_RECORDED", complaint, children=children, detail={
        "received_on": str(received_on), "relationship": complainant_relationship,
        "themes": complaint.themes, "team": team.pk, "responding_manager": responding_manager.pk,
        "service_manager": getattr(service_manager, "pk", None),
        "children": [c.pk for c in children], "response_due_on": str(stage.response_due_on)})
    return complaint


def _locked(stage: ComplaintStage) -> ComplaintStage:
    return ComplaintStage.objects.select_for_update().select_related("complaint").get(
        pk=stage.pk)


@transaction.atomic
def complaint_stage_extend(*, stage: ComplaintStage, new_due_on: dt.date, agreed_on: dt.date,
                           reason: str, actor) -> ComplaintStage:
    stage = _locked(stage)
    rules.ensure_can_extend(stage=stage.stage, requested_on=stage.requested_on,
                            standard_due_on=stage.standard_due_on, extended_on=stage.extended_on,
                            responded_on=stage.responded_on, new_due_on=new_due_on,
                            agreed_on=agreed_on, reason=reason, today=clock.today(),
                            calendar=current_calendar())
    before = stage.response_due_on
    stage.response_due_on, stage.extended_on = new_due_on, agreed_on
    stage.extension_reason, stage.extended_by = reason.strip(), actor
    stage.save(update_fields=["response_due_on", "extended_on", "extension_reason",
                              "extended_by"])
    _record(Auditor(actor), "COMPLAINT_STAGE_EXTENDED", stage,
            children=stage.complaint.children.all(), detail={
                "stage": stage.stage, "from": str(before), "to": str(new_due_on),
                "agreed_on": str(agreed_on)})
    return stage


def _ensure_is_their_complaint(complaint: Complaint, actor) -> None:
    if actor.pk not in (complaint.responding_manager_id, complaint.service_manager_id):
        raise DomainError(f"This complaint is for {complaint.responding_manager} to answer (or "
                          "the service manager copied in)")


@transaction.atomic
def complaint_stage_respond(*, stage: ComplaintStage, responded_on: dt.date, outcome: str,
                            response_summary: str, lateness_reason: str = "",
                            actor) -> ComplaintStage:
    stage = _locked(stage)
    _ensure_is_their_complaint(stage.complaint, actor)
    rules.ensure_can_respond(requested_on=stage.requested_on, due_on=stage.response_due_on,
                             already_responded_on=stage.responded_on, responded_on=responded_on,
                             outcome=outcome, lateness_reason=lateness_reason,
                             today=clock.today())
    late = rules.is_late(responded_on=responded_on, due_on=stage.response_due_on)
    stage.responded_on, stage.outcome, stage.responded_by = responded_on, outcome, actor
    stage.response_summary = response_summary
    stage.lateness_reason = lateness_reason.strip() if late else ""
    stage.save(update_fields=["responded_on", "outcome", "response_summary", "lateness_reason",
                              "responded_by"])
    _record(Auditor(actor), "COMPLAINT_RESPONDED", stage,
            children=stage.complaint.children.all(), detail={
                "stage": stage.stage, "responded_on": str(responded_on), "outcome": outcome,
                "due_on": str(stage.response_due_on), "late": late})
    return stage


@transaction.atomic
def lateness_reason_check(*, stage: ComplaintStage, accepted: bool, note: str,
                          actor) -> ComplaintStage:
    stage = _locked(stage)
    rules.ensure_can_check_reason(lateness_reason=stage.lateness_reason,
                                  reason_accepted=stage.reason_accepted,
                                  checker_gave_it=stage.responded_by_id == actor.pk,
                                  accepted=accepted, note=note)
    stage.reason_checked_on, stage.reason_accepted = clock.today(), accepted
    stage.reason_check_note, stage.reason_checked_by = note.strip(), actor
    stage.save(update_fields=["reason_checked_on", "reason_accepted", "reason_check_note",
                              "reason_checked_by"])
    _record(Auditor(actor), "COMPLAINT_LATENESS_REASON_CHECKED", stage,
            children=stage.complaint.children.all(),
            detail={"stage": stage.stage, "accepted": accepted})
    return stage


@transaction.atomic
def lateness_reason_amend(*, stage: ComplaintStage, lateness_reason: str,
                          actor) -> ComplaintStage:
    stage = _locked(stage)
    _ensure_is_their_complaint(stage.complaint, actor)
    rules.ensure_can_amend_reason(reason_accepted=stage.reason_accepted,
                                  lateness_reason=lateness_reason)
    stage.lateness_reason = lateness_reason.strip()
    stage.reason_accepted = None  # back to the complaints team to check again
    stage.save(update_fields=["lateness_reason", "reason_accepted"])
    _record(Auditor(actor), "COMPLAINT_LATENESS_REASON_AMENDED", stage,
            children=stage.complaint.children.all(), detail={"stage": stage.stage})
    return stage


@transaction.atomic
def complaint_escalate(*, complaint: Complaint, requested_on: dt.date, responding_manager,
                       actor) -> ComplaintStage:
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    current = complaint.stages.order_by("-stage").first()
    following = rules.ensure_can_escalate(stage=current.stage, responded_on=current.responded_on,
                                          outcome=current.outcome, requested_on=requested_on,
                                          today=clock.today())
    _ensure_can_answer(responding_manager)
    if complaint.responding_manager_id != responding_manager.pk:
        complaint.responding_manager = responding_manager
        complaint.save(update_fields=["responding_manager"])
    stage = _start_stage(complaint, stage=following, requested_on=requested_on)
    _record(Auditor(actor), "COMPLAINT_ESCALATED", stage, children=complaint.children.all(),
            detail={"stage": int(following), "requested_on": str(requested_on),
                    "responding_manager": responding_manager.pk,
                    "response_due_on": str(stage.response_due_on)})
    return stage


@transaction.atomic
def learning_record(*, stage: ComplaintStage, learning: str, action: str,
                    action_due_on: dt.date | None, actor) -> LearningForm:
    stage = _locked(stage)
    _ensure_is_their_complaint(stage.complaint, actor)
    rules.ensure_can_record_learning(responded_on=stage.responded_on, action=action,
                                     action_due_on=action_due_on)
    values = {"learning": learning, "action": action.strip(), "action_due_on": action_due_on}
    form = LearningForm.objects.filter(stage=stage).first()
    if form is None:
        form = LearningForm.objects.create(stage=stage, completed_by=actor,
                                           recorded_at=clock.now(), **values)
        detail = {"stage": stage.stage, "new": True,
                  "action_due_on": str(action_due_on) if action_due_on else None}
    else:
        before = {k: getattr(form, k) for k in values}
        for key, value in values.items():
            setattr(form, key, value)
        form.completed_by, form.recorded_at = actor, clock.now()
        form.save()
        detail = {"stage": stage.stage, "new": False, "changes": changes_between(
            before, values, exclude=("learning", "action"))}
    _record(Auditor(actor), "COMPLAINT_LEARNING_RECORDED", form,
            children=stage.complaint.children.all(), detail=detail)
    return form


def complaint_viewed(*, actor, complaint: Complaint) -> None:
    """Opening a complaint: its own event, and a read of each child's record it names."""
    Auditor(actor).record("COMPLAINT_VIEWED", complaint)
    for child in complaint.children.all():
        people_services.person_viewed(actor=actor, person=child, section="complaint")


@transaction.atomic
def feedback_record(*, kind: str, received_on: dt.date, from_name: str, from_relationship: str,
                    team, summary: str, actor, children=()) -> Feedback:
    rules.ensure_can_record_feedback(received_on=received_on, today=clock.today())
    children = list(children)
    if any(not child.is_child for child in children):
        raise DomainError("Link only children's records", field="children")
    feedback = Feedback.objects.create(kind=kind, received_on=received_on,
                                       from_name=from_name.strip(),
                                       from_relationship=from_relationship, team=team,
                                       summary=summary, recorded_by=actor,
                                       recorded_at=clock.now())
    feedback.children.set(children)
    _record(Auditor(actor), "FEEDBACK_RECORDED", feedback, children=children, detail={
        "kind": kind, "received_on": str(received_on), "team": team.pk})
    return feedback


def feedback_listed(*, actor, feedback) -> None:
    """The list of compliments and comments: one event, and each child named is listed."""
    Auditor(actor).record("FEEDBACK_LISTED", detail={"count": len(feedback)})
    children = {c.pk: c for item in feedback for c in item.children.all()}
    if children:
        people_services.people_listed(actor=actor, people=list(children.values()),
                                      where="compliments and comments")


# ---- Reminders (ADR 7: an idempotent command; each reminder claimed with a conditional write)


def _claim(stage: ComplaintStage, point: int, recipient) -> ComplaintReminder | None:
    """The reminder row, claimed by this run; None if another run has it or it was sent.

    A new reminder is claimed by inserting its row (the unique constraint lets exactly one run
    insert it); one that failed before is claimed back by a conditional UPDATE from failed to
    claimed, which also only one run can win."""
    now = clock.now()
    try:
        with transaction.atomic():
            return ComplaintReminder.objects.create(
                stage=stage, for_due_on=stage.response_due_on, point=point,
                recipient=recipient, status=ReminderStatus.CLAIMED, claimed_at=now)
    except IntegrityError:
        pass
    won = ComplaintReminder.objects.filter(
        stage=stage, for_due_on=stage.response_due_on, point=point, recipient=recipient,
        status=ReminderStatus.FAILED).update(status=ReminderStatus.CLAIMED, claimed_at=now,
                                             error="")
    if won != 1:
        return None
    return ComplaintReminder.objects.get(stage=stage, for_due_on=stage.response_due_on,
                                         point=point, recipient=recipient)


def reminder_send(*, stage: ComplaintStage, point: int, recipient, backend,
                  link: str) -> ComplaintReminder | None:
    """Claims and sends one reminder; None when it was already sent or being sent."""
    reminder = _claim(stage, point, recipient)
    if reminder is None:
        return None
    complaint = stage.complaint
    text = rules.reminder_text(point=point, reference=complaint.reference, stage=stage.stage,
                               due_on=stage.response_due_on, link=link)
    auditor = Auditor(system_job=REMINDER_JOB)
    detail = {"stage": stage.stage, "point": point, "due_on": str(stage.response_due_on),
              "recipient": recipient.pk, "backend": backend.name}
    try:
        backend.send(Notification(to_email=recipient.email, to_name=str(recipient),
                                  subject=text.subject, body=text.body,
                                  reference=f"{complaint.reference}-{stage.stage}-{point:+d}"))
    except NotificationError as error:
        ComplaintReminder.objects.filter(pk=reminder.pk).update(
            status=ReminderStatus.FAILED, error=str(error)[:500], backend=backend.name)
        auditor.record("COMPLAINT_REMINDER_FAILED", reminder,
                       detail={**detail, "error": str(error)[:500]})
        reminder.status = ReminderStatus.FAILED
        return reminder
    ComplaintReminder.objects.filter(pk=reminder.pk).update(
        status=ReminderStatus.SENT, sent_at=clock.now(), backend=backend.name)
    auditor.record("COMPLAINT_REMINDER_SENT", reminder, detail=detail)
    reminder.status = ReminderStatus.SENT
    return reminder


def reminders_stuck() -> int:
    """Reminders claimed but never marked sent or failed (a run that died while sending):
    left alone rather than risk sending twice, and reported by the command."""
    return ComplaintReminder.objects.filter(
        Q(status=ReminderStatus.CLAIMED), Q(claimed_at__lt=clock.now() - dt.timedelta(hours=1))
    ).count()
