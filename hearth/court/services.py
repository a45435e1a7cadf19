"""Every write to a legal case: checked, saved, audited and its clocks kept, in one
transaction.

A panel deciding on pre-proceedings opens DECIDE_PRE_PROCEEDINGS (16 weeks by default, a local
setting); recording the outcome closes it. Issuing the application opens
CONCLUDE_CARE_PROCEEDINGS (26 weeks); each extension moves it; the final order closes it. A
sibling group has one case and so one task of each kind, on the lead child's worklist.

Orders change a looked-after child's legal status, but this app never writes the care record:
the child's Court tab prompts the worker to record the change in care (ADR 14).
"""

import datetime as dt

from django.conf import settings
from django.db import transaction

from hearth.cases.models import TaskKind
from hearth.cases.tasks import task_close, task_open, tasks_close_all_for
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.court import rules
from hearth.court.codes import OPENS_A_CASE, PanelDecision, Stage
from hearth.court.models import (
    Extension,
    Hearing,
    InterimOrder,
    LegalCase,
    LegalCaseChild,
    LegalGatewayPanel,
    PreProceedingsMeeting,
)
from hearth.people.models import Person

PP_TASK = TaskKind.DECIDE_PRE_PROCEEDINGS
PROCEEDINGS_TASK = TaskKind.CONCLUDE_CARE_PROCEEDINGS


def pre_proceedings_weeks() -> int:
    return int(getattr(settings, "HEARTH_PRE_PROCEEDINGS_WEEKS",
                       rules.DEFAULT_PRE_PROCEEDINGS_WEEKS))


def _audit(actor, code: str, target, legal_case: LegalCase, **detail) -> None:
    Auditor(actor).record(code, target, child_id=legal_case.lead_child_id,
                          detail={"legal_case": legal_case.pk,
                                  **{k: str(v) if isinstance(v, dt.date) else v
                                     for k, v in detail.items()}})


def _open_case_of(children: list[Person]) -> LegalCaseChild | None:
    return (LegalCaseChild.objects.filter(child__in=children)
            .exclude(legal_case__stage=Stage.ENDED).select_related("child", "legal_case")
            .first())


def _ensure_children(children: list[Person]) -> None:
    if not children:
        raise DomainError("Choose at least one child", field="children")
    if not all(child.is_child for child in children):
        raise DomainError("A Legal Gateway Panel considers children: one of these records is "
                          "not a child's", field="children")


@transaction.atomic
def panel_record(*, lead_child: Person, siblings: list[Person] = (), held_on: dt.date,
                 decision: str, chair, reasons: str, actor) -> LegalGatewayPanel:
    """The panel's decision about the child and any siblings considered with them. Deciding
    on pre-proceedings or on issuing proceedings opens one case for them all."""
    children = [lead_child, *[s for s in siblings if s.pk != lead_child.pk]]
    Person.objects.select_for_update().filter(pk__in=[c.pk for c in children]).exists()
    _ensure_children(children)
    rules.ensure_date(held_on, today=clock.today(), field="held_on",
                      what="The date of the panel")
    if decision not in PanelDecision.values:
        raise DomainError("Choose the panel's decision", field="decision")
    if not reasons.strip():
        raise DomainError("Enter the reasons for the decision", field="reasons")
    if chair is None or not chair.has_perm("court.record_legal_gateway_panel"):
        raise DomainError("Choose a manager who chairs the Legal Gateway Panel", field="chair")
    legal_case = None
    if decision in OPENS_A_CASE:
        if (already := _open_case_of(children)) is not None:
            raise DomainError(
                f"{already.child.full_name} is already in an open case "
                f"({Stage(already.legal_case.stage).label.lower()} from "
                f"{rules.day(already.legal_case.opened_on)}): record its next step there",
                field="decision")
        legal_case = _open_case(children, decision=decision, opened_on=held_on, actor=actor)
    panel = LegalGatewayPanel.objects.create(
        held_on=held_on, decision=decision, chair=chair, reasons=reasons.strip(),
        legal_case=legal_case, recorded_by=actor, recorded_at=clock.now())
    panel.children.set(children)
    Auditor(actor).record("LEGAL_GATEWAY_PANEL_RECORDED", panel, child_id=lead_child.pk,
                          detail={"decision": decision, "held_on": str(held_on),
                                  "children": [c.pk for c in children],
                                  "legal_case": getattr(legal_case, "pk", None)})
    return panel


def _open_case(children, *, decision: str, opened_on: dt.date, actor) -> LegalCase:
    pre = decision == PanelDecision.PRE_PROCEEDINGS
    weeks = pre_proceedings_weeks()
    legal_case = LegalCase.objects.create(
        lead_child=children[0], opened_on=opened_on,
        stage=Stage.PRE_PROCEEDINGS if pre else Stage.TO_ISSUE,
        pp_started_on=opened_on if pre else None,
        pp_due_on=rules.pre_proceedings_due_on(opened_on, weeks=weeks) if pre else None,
        pp_rule=rules.pre_proceedings_rule(weeks) if pre else "",
        clock_due_on=rules.pre_proceedings_due_on(opened_on, weeks=weeks) if pre else None,
        opened_by=actor, recorded_at=clock.now())
    LegalCaseChild.objects.bulk_create(
        [LegalCaseChild(legal_case=legal_case, child=child) for child in children])
    if pre:
        task_open(kind=PP_TASK, child=legal_case.lead_child, source=legal_case,
                  due_on=legal_case.pp_due_on, rule=legal_case.pp_rule)
    return legal_case


def _locked(legal_case: LegalCase, action: str) -> LegalCase:
    legal_case = LegalCase.objects.select_for_update().get(pk=legal_case.pk)
    rules.ensure_stage(action, stage=legal_case.stage, ended_on=legal_case.ended_on)
    return legal_case


@transaction.atomic
def letter_before_proceedings_send(*, legal_case: LegalCase, sent_on: dt.date,
                                   fgdm_offered: bool, actor) -> LegalCase:
    legal_case = _locked(legal_case, "letter")
    if legal_case.letter_sent_on is not None:
        raise DomainError(f"The letter before proceedings was already sent on "
                          f"{rules.day(legal_case.letter_sent_on)}")
    rules.ensure_date(sent_on, today=clock.today(), field="sent_on",
                      what="The date the letter was sent", not_before=legal_case.pp_started_on,
                      before_what="the decision to start pre-proceedings")
    legal_case.letter_sent_on, legal_case.fgdm_offered = sent_on, fgdm_offered
    legal_case.save(update_fields=["letter_sent_on", "fgdm_offered"])
    _audit(actor, "PRE_PROCEEDINGS_LETTER_SENT", legal_case, legal_case, sent_on=sent_on,
           fgdm_offered=fgdm_offered)
    return legal_case


@transaction.atomic
def pre_proceedings_meeting_record(*, legal_case: LegalCase, kind: str, held_on: dt.date,
                                   attended: str, note: str = "",
                                   actor) -> PreProceedingsMeeting:
    legal_case = _locked(legal_case, "meeting")
    rules.ensure_date(held_on, today=clock.today(), field="held_on",
                      what="The date of the meeting", not_before=legal_case.pp_started_on,
                      before_what="the decision to start pre-proceedings")
    initial = legal_case.meetings.filter(kind="initial").first()
    rules.ensure_meeting_fits(kind=kind, held_on=held_on,
                              initial_on=getattr(initial, "held_on", None))
    if not attended.strip():
        raise DomainError("Say who attended", field="attended")
    meeting = PreProceedingsMeeting.objects.create(
        legal_case=legal_case, kind=kind, held_on=held_on, attended=attended.strip(),
        note=note, recorded_by=actor, recorded_at=clock.now())
    _audit(actor, "PRE_PROCEEDINGS_MEETING_RECORDED", meeting, legal_case, kind=kind,
           held_on=held_on)
    return meeting


@transaction.atomic
def pre_proceedings_outcome_record(*, legal_case: LegalCase, outcome: str,
                                   decided_on: dt.date, actor) -> LegalCase:
    legal_case = _locked(legal_case, "outcome")
    rules.ensure_date(decided_on, today=clock.today(), field="decided_on",
                      what="The date of the decision", not_before=legal_case.pp_started_on,
                      before_what="the decision to start pre-proceedings")
    stage = rules.stage_after_outcome(outcome)
    legal_case.pp_outcome, legal_case.pp_outcome_on, legal_case.stage = outcome, decided_on, stage
    if stage == Stage.ENDED:
        legal_case.ended_on = decided_on
    legal_case.clock_due_on = None  # no clock while the application is prepared
    legal_case.save(update_fields=["pp_outcome", "pp_outcome_on", "stage", "ended_on",
                                   "clock_due_on"])
    task_close(kind=PP_TASK, source=legal_case, done_on=decided_on, actor=actor)
    _audit(actor, "PRE_PROCEEDINGS_OUTCOME_RECORDED", legal_case, legal_case, outcome=outcome,
           decided_on=decided_on,
           weeks=rules.weeks_elapsed(legal_case.pp_started_on, decided_on))
    return legal_case


@transaction.atomic
def application_record(*, legal_case: LegalCase, issued_on: dt.date, court: str,
                       application_type: str, parents_letter_on: dt.date | None = None,
                       applied_on: dt.date | None = None, actor) -> LegalCase:
    """The application made (`applied_on`, the census's CourtAppDate; the day it was issued
    when not given) and issued. Both on or after the decision to issue (rule 9012), the issue
    on or after the application, and the letter to the parents on or after the issue (so on
    or after the application, rule 9013)."""
    legal_case = _locked(legal_case, "application")
    decided_on = legal_case.pp_outcome_on or legal_case.opened_on
    applied_on = applied_on or issued_on
    rules.ensure_date(applied_on, today=clock.today(), field="applied_on",
                      what="The date the application was made", not_before=decided_on,
                      before_what="the decision to issue")
    rules.ensure_date(issued_on, today=clock.today(), field="issued_on",
                      what="The date the application was issued", not_before=decided_on,
                      before_what="the decision to issue")
    rules.ensure_date(issued_on, today=clock.today(), field="issued_on",
                      what="The date the application was issued", not_before=applied_on,
                      before_what="the date it was made")
    if parents_letter_on is not None:
        rules.ensure_date(parents_letter_on, today=clock.today(), field="parents_letter_on",
                          what="The date of the letter to the parents", not_before=issued_on,
                          before_what="the application")
    if not court.strip():
        raise DomainError("Enter the court", field="court")
    legal_case.stage, legal_case.issued_on = Stage.PROCEEDINGS, issued_on
    legal_case.applied_on = applied_on
    legal_case.court, legal_case.application_type = court.strip(), application_type
    legal_case.parents_letter_on = parents_letter_on
    legal_case.proceedings_due_on = rules.proceedings_due_on(issued_on)
    legal_case.proceedings_rule = rules.proceedings_rule()
    legal_case.clock_due_on = legal_case.proceedings_due_on
    legal_case.save()
    task_open(kind=PROCEEDINGS_TASK, child=legal_case.lead_child, source=legal_case,
              due_on=legal_case.proceedings_due_on, rule=legal_case.proceedings_rule)
    _audit(actor, "CARE_PROCEEDINGS_ISSUED", legal_case, legal_case, applied_on=applied_on,
           issued_on=issued_on,
           application_type=application_type, due_on=legal_case.proceedings_due_on)
    return legal_case


@transaction.atomic
def hearing_record(*, legal_case: LegalCase, kind: str, held_on: dt.date, outcome: str,
                   next_hearing_on: dt.date | None = None, next_hearing_kind: str = "",
                   actor) -> Hearing:
    legal_case = _locked(legal_case, "hearing")
    rules.ensure_date(held_on, today=clock.today(), field="held_on",
                      what="The date of the hearing", not_before=legal_case.issued_on,
                      before_what="the application was issued")
    if next_hearing_on is not None and next_hearing_on <= held_on:
        raise DomainError("The next hearing must be after this one", field="next_hearing_on")
    if next_hearing_on is not None and not next_hearing_kind:
        raise DomainError("Choose the kind of the next hearing", field="next_hearing_kind")
    hearing = Hearing.objects.create(
        legal_case=legal_case, kind=kind, held_on=held_on, outcome=outcome.strip(),
        next_hearing_on=next_hearing_on, next_hearing_kind=next_hearing_kind if
        next_hearing_on else "", recorded_by=actor, recorded_at=clock.now())
    latest = legal_case.hearings.order_by("-held_on", "-id").first()
    if latest.pk == hearing.pk:
        legal_case.next_hearing_on = hearing.next_hearing_on
        legal_case.next_hearing_kind = hearing.next_hearing_kind
        legal_case.save(update_fields=["next_hearing_on", "next_hearing_kind"])
    _audit(actor, "COURT_HEARING_RECORDED", hearing, legal_case, kind=kind, held_on=held_on,
           next_hearing_on=next_hearing_on)
    return hearing


@transaction.atomic
def interim_order_record(*, legal_case: LegalCase, kind: str, made_on: dt.date, note: str = "",
                         actor) -> InterimOrder:
    legal_case = _locked(legal_case, "interim_order")
    rules.ensure_date(made_on, today=clock.today(), field="made_on",
                      what="The date the order was made", not_before=legal_case.issued_on,
                      before_what="the application was issued")
    order = InterimOrder.objects.create(legal_case=legal_case, kind=kind, made_on=made_on,
                                        note=note, recorded_by=actor, recorded_at=clock.now())
    _audit(actor, "INTERIM_ORDER_RECORDED", order, legal_case, kind=kind, made_on=made_on)
    return order


@transaction.atomic
def extension_record(*, legal_case: LegalCase, granted_on: dt.date, weeks: int, reason: str,
                     actor) -> Extension:
    legal_case = _locked(legal_case, "extension")
    rules.ensure_extension_weeks(weeks)
    rules.ensure_date(granted_on, today=clock.today(), field="granted_on",
                      what="The date the extension was granted",
                      not_before=legal_case.issued_on, before_what="the application was issued")
    if not reason.strip():
        raise DomainError("Enter the court's reason for the extension", field="reason")
    earlier = list(legal_case.extensions.values_list("weeks", flat=True))
    due_on = rules.proceedings_due_on(legal_case.issued_on, extension_weeks=[*earlier, weeks])
    extension = Extension.objects.create(
        legal_case=legal_case, granted_on=granted_on, weeks=weeks, reason=reason.strip(),
        due_on=due_on, recorded_by=actor, recorded_at=clock.now())
    legal_case.proceedings_due_on = legal_case.clock_due_on = due_on
    legal_case.proceedings_rule = rules.proceedings_rule(len(earlier) + 1)
    legal_case.save(update_fields=["proceedings_due_on", "proceedings_rule", "clock_due_on"])
    task_open(kind=PROCEEDINGS_TASK, child=legal_case.lead_child, source=legal_case,
              due_on=due_on, rule=legal_case.proceedings_rule)
    _audit(actor, "PROCEEDINGS_EXTENDED", extension, legal_case, weeks=weeks, due_on=due_on)
    return extension


@transaction.atomic
def final_order_record(*, legal_case: LegalCase, order: str, made_on: dt.date,
                       actor) -> LegalCase:
    legal_case = _locked(legal_case, "final_order")
    rules.ensure_date(made_on, today=clock.today(), field="made_on",
                      what="The date of the final order", not_before=legal_case.issued_on,
                      before_what="the application was issued")
    legal_case.final_order, legal_case.final_order_on = order, made_on
    legal_case.stage, legal_case.ended_on = Stage.ENDED, made_on
    legal_case.next_hearing_on, legal_case.next_hearing_kind = None, ""
    legal_case.clock_due_on = None
    legal_case.save()
    task_close(kind=PROCEEDINGS_TASK, source=legal_case, done_on=made_on, actor=actor)
    tasks_close_all_for(source=legal_case, done_on=made_on, actor=actor)
    _audit(actor, "FINAL_ORDER_RECORDED", legal_case, legal_case, order=order, made_on=made_on,
           weeks=rules.weeks_between(legal_case.issued_on, made_on))
    return legal_case
