"""Strategy discussions and section 47 enquiries."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db import transaction

from hearth.cases.models import TaskKind
from hearth.cases.tasks import task_open
from hearth.core import clock
from hearth.core.audit import Auditor, changes_between
from hearth.core.errors import DomainError
from hearth.frontdoor.models import Referral
from hearth.protection import rules, selectors
from hearth.protection.codes import StrategyDecision
from hearth.protection.models import Section47Enquiry, StrategyDiscussion
from hearth.protection.services._common import attendance_detail, participants_replace
from hearth.workingdays.selectors import current_calendar


@transaction.atomic
def strategy_discussion_record(*, referral: Referral, actor, held_on: dt.date, decision: str,
                               held_at: dt.time | None = None, reason: str = "",
                               participants: Iterable[Mapping] = ()) -> StrategyDiscussion:
    """Records the discussion. Deciding on a section 47 enquiry starts one, or, during an
    enquiry already open on the referral, makes this the discussion it started from (the last
    one counts: TIMESCALES.md T05)."""
    rules.ensure_strategy_discussion_fits_referral(
        held_on=held_on, referral_date=referral.referral_date,
        referral_closed_on=referral.closed_on, today=clock.today())
    if decision not in StrategyDecision.values:
        raise DomainError("Choose what the discussion decided", field="decision")
    child = referral.child
    open_enquiry = _open_enquiry_for(child)
    if decision == StrategyDecision.SECTION_47:
        _ensure_an_enquiry_can_start(child, referral, open_enquiry)
    discussion = StrategyDiscussion.objects.create(
        referral=referral, child=child, held_on=held_on, held_at=held_at, decision=decision,
        reason=reason, recorded_by=actor, recorded_at=clock.now())
    people = participants_replace(meeting=discussion, participants=participants)
    Auditor(actor).record("STRATEGY_DISCUSSION_RECORDED", discussion, child_id=child.pk,
                          detail={"decision": decision, "held_on": str(held_on),
                                  "attended": attendance_detail(people)})
    if decision == StrategyDecision.SECTION_47 and open_enquiry is None:
        _start_section47(discussion, actor=actor)
    elif open_enquiry is not None and open_enquiry.referral_id == referral.pk:
        _held_during(open_enquiry, discussion, actor=actor)
    return discussion


@transaction.atomic
def strategy_discussion_update(*, discussion: StrategyDiscussion, actor,
                               held_at: dt.time | None, reason: str,
                               participants: Iterable[Mapping]) -> StrategyDiscussion:
    """Corrects the time, reason and attendance. Its date and decision started clocks, so they
    stay as recorded."""
    before = {"held_at": discussion.held_at, "reason": discussion.reason}
    discussion.held_at, discussion.reason = held_at, reason
    discussion.save(update_fields=["held_at", "reason"])
    people = participants_replace(meeting=discussion, participants=participants)
    Auditor(actor).record("STRATEGY_DISCUSSION_UPDATED", discussion, child_id=discussion.child_id,
                          detail={"changes": changes_between(before, {"held_at": held_at,
                                                                      "reason": reason}),
                                  "attended": attendance_detail(people)})
    return discussion


@transaction.atomic
def section47_conclude(*, enquiry: Section47Enquiry, actor, outcome: str,
                       completed_on: dt.date, icpc_required: bool) -> Section47Enquiry:
    """Records the enquiry's outcome. When an initial conference is needed, its task opens,
    due 15 working days after the strategy discussion that started the enquiry."""
    enquiry = Section47Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    rules.ensure_section47_can_conclude(
        started_on=enquiry.started_on, completed_on=completed_on, outcome=outcome,
        icpc_required=icpc_required, is_open=enquiry.is_open,
        has_open_plan=selectors.open_plan_for(enquiry.child) is not None, today=clock.today())
    enquiry.outcome, enquiry.completed_on = outcome, completed_on
    enquiry.icpc_required, enquiry.concluded_by = icpc_required, actor
    enquiry.full_clean()
    enquiry.save()
    if icpc_required:
        task_open(kind=TaskKind.HOLD_ICPC, child=enquiry.child, source=enquiry,
                  due_on=enquiry.icpc_due_on, rule=enquiry.icpc_rule)
    Auditor(actor).record("SECTION47_CONCLUDED", enquiry, child_id=enquiry.child_id,
                          detail={"outcome": outcome, "completed_on": str(completed_on),
                                  "icpc_required": icpc_required})
    return enquiry


def _open_enquiry_for(child) -> Section47Enquiry | None:
    return (Section47Enquiry.objects.select_for_update()
            .filter(child=child, completed_on__isnull=True).first())


def _ensure_an_enquiry_can_start(child, referral: Referral,
                                 open_enquiry: Section47Enquiry | None) -> None:
    if open_enquiry is not None and open_enquiry.referral_id != referral.pk:
        raise DomainError("A section 47 enquiry started on "
                          f"{rules.long_date(open_enquiry.started_on)} is open on another "
                          "referral: end it first", field="decision")
    awaiting = selectors.enquiry_awaiting_initial_conference(child)
    if awaiting is not None:
        raise DomainError("The initial conference for the enquiry started on "
                          f"{rules.long_date(awaiting.started_on)} is still to be recorded",
                          field="decision")


def _start_section47(discussion: StrategyDiscussion, *, actor) -> Section47Enquiry:
    enquiry = Section47Enquiry.objects.create(
        referral=discussion.referral, child=discussion.child, strategy_discussion=discussion,
        started_on=discussion.held_on, recorded_by=actor, recorded_at=clock.now(),
        **_icpc_target(discussion.held_on))
    discussion.section47 = enquiry
    discussion.save(update_fields=["section47"])
    Auditor(actor).record("SECTION47_STARTED", enquiry, child_id=enquiry.child_id,
                          detail={"started_on": str(enquiry.started_on),
                                  "icpc_due_on": str(enquiry.icpc_due_on)})
    return enquiry


def _held_during(enquiry: Section47Enquiry, discussion: StrategyDiscussion, *, actor) -> None:
    discussion.section47 = enquiry
    discussion.save(update_fields=["section47"])
    starts_later = discussion.held_on >= enquiry.started_on
    if discussion.decision != StrategyDecision.SECTION_47 or not starts_later:
        return
    before = {"started_on": enquiry.started_on, "icpc_due_on": enquiry.icpc_due_on}
    enquiry.strategy_discussion = discussion
    enquiry.started_on = discussion.held_on
    for field, value in _icpc_target(discussion.held_on).items():
        setattr(enquiry, field, value)
    enquiry.save(update_fields=["strategy_discussion", "started_on", "icpc_due_on",
                                "icpc_rule"])
    after = {"started_on": enquiry.started_on, "icpc_due_on": enquiry.icpc_due_on}
    Auditor(actor).record("SECTION47_START_MOVED", enquiry, child_id=enquiry.child_id,
                          detail={"changes": changes_between(before, after)})


def _icpc_target(strategy_discussion_on: dt.date) -> dict:
    due_on = rules.icpc_due_on(strategy_discussion_on=strategy_discussion_on,
                               calendar=current_calendar())
    return {"icpc_due_on": due_on, "icpc_rule": rules.RULE_ICPC}
