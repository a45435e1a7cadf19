"""Every write to a looked-after child's permanence and to prospective adopters' records:
checked, saved and audited in one transaction.

Becoming looked after opens PERMANENCE_PLAN on the period of care, due by the second
looked-after review (T32); the first review moves it to the second review's due date;
recording a plan closes it; ending care closes it as no longer needed.
"""

import datetime as dt

from django.db import IntegrityError, transaction

from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.cases.tasks import task_close, task_open
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.permanence import codes, rules
from hearth.permanence.models import (
    Adopter,
    AdopterHousehold,
    AdoptionDecision,
    LongTermFosteringMatch,
    PermanencePanel,
    PermanencePlan,
    PreviousPermanence,
    Reunification,
    SpecialGuardianship,
)
from hearth.workingdays.selectors import current_calendar

# Where a plan's stage moves to when an adoption step is recorded.
STAGE_FOR_STEP = {"matched_on": codes.Stage.MATCHED, "placed_on": codes.Stage.PLACED,
                  "ffa_placed_on": codes.Stage.PLACED, "adoption_order_on": codes.Stage.ACHIEVED}


def _actor(actor):
    if actor is not None:
        return actor
    from hearth.accounts.services import system_user

    return system_user()


def _audit(actor, code: str, record, *, child_id=None, system_job: str = "", **detail) -> None:
    Auditor(actor, system_job=system_job).record(code, record, child_id=child_id, detail={
        k: str(v) if isinstance(v, dt.date) else v for k, v in detail.items()})


def _text(value: str, *, field: str, message: str) -> str:
    if not (value or "").strip():
        raise DomainError(message, field=field)
    return value.strip()


def _locked_open(period: CarePeriod) -> CarePeriod:
    """The period, locked. A period that has ended still takes records dated within it (an
    adoption order ends care, and history is entered late); `_check_date` refuses later
    dates."""
    return CarePeriod.objects.select_for_update(of=("self",)).select_related("child").get(
        pk=period.pk)


def _began_on(period: CarePeriod) -> dt.date | None:
    """The day the child became looked after; None when it is not known, because Hearth holds
    the period from an episode that continued an earlier one (its RNE is not S: a period begun
    before the records imported, such as a previous 903 return's)."""
    first = CareEpisode.objects.filter(period=period).order_by("started_on", "pk").values_list(
        "reason_new_episode", flat=True).first()
    return period.started_on if first in (None, "S") else None


def _check_date(period: CarePeriod, value, *, field: str, what: str) -> None:
    rules.ensure_date(value, today=clock.today(), field=field, what=what,
                      not_before=_began_on(period),
                      before_what="the day the child became looked after")
    _within(period, value, field=field)


def _within(period: CarePeriod, value: dt.date, *, field: str) -> None:
    if period.ended_on is not None and value > period.ended_on:
        raise DomainError(f"This period of care ended on {rules.day(period.ended_on)}: "
                          "record permanence dated within a period of care", field=field)


# --- the care lifecycle's listeners ---------------------------------------------------------

def _first_review_on(period: CarePeriod) -> dt.date | None:
    first = CareReview.objects.filter(period=period, number=1).first()
    return first.held_on if first else None


def open_plan_clock(period: CarePeriod, *, actor=None) -> None:
    """The child became looked after: a permanence plan is due by the second review."""
    if PermanencePlan.objects.filter(period=period).exists():
        return
    task_open(kind=TaskKind.PERMANENCE_PLAN, child=period.child, source=period,
              due_on=rules.plan_due_on(started_on=period.started_on,
                                       first_review_on=_first_review_on(period),
                                       calendar=current_calendar()),
              rule=rules.plan_rule())


def on_review_held(review: CareReview, *, actor=None) -> None:
    """The first review moves the plan's due date to the second review's."""
    if review.number == 1:
        period = review.period
        if StatutoryTask.objects.open().filter(
                kind=TaskKind.PERMANENCE_PLAN, source_type=CarePeriod._meta.label,
                source_id=period.pk).exists():
            open_plan_clock(period, actor=actor)


def close_plan_clock(period: CarePeriod, *, actor=None) -> int:
    return StatutoryTask.objects.open().filter(
        kind=TaskKind.PERMANENCE_PLAN, source_type=CarePeriod._meta.label,
        source_id=period.pk).update(closed_at=clock.now(), closed_on=period.ended_on,
                                    closed_by=actor, cancelled=True)


# --- the plan -------------------------------------------------------------------------------

def _current_plan(period: CarePeriod) -> PermanencePlan | None:
    return PermanencePlan.objects.select_for_update().filter(
        period=period, ended_on__isnull=True).first()


@transaction.atomic
def plan_record(*, period: CarePeriod, plan_type: str, agreed_on: dt.date,
                stage: str = codes.Stage.AGREED, note: str = "", actor=None,
                system_job: str = "") -> PermanencePlan:
    """Agrees a permanence plan, or changes the plan type: the current plan ends that day. The
    review it was agreed at is the one held that day, if any."""
    period = _locked_open(period)
    if plan_type not in codes.PlanType.values:
        raise DomainError("Choose the permanence plan", field="plan_type")
    if stage not in codes.Stage.values:
        raise DomainError("Choose the stage the plan has reached", field="stage")
    _check_date(period, agreed_on, field="agreed_on", what="The date the plan was agreed")
    current = _current_plan(period)
    if current is not None:
        if current.plan_type == plan_type:
            raise DomainError(f"The plan is already {current.get_plan_type_display().lower()}: "
                              "change its stage instead", field="plan_type")
        if agreed_on < current.stage_since:
            raise DomainError("A new plan must be dated on or after the current one "
                              f"({rules.day(current.stage_since)})", field="agreed_on")
        current.ended_on = agreed_on
        current.save(update_fields=["ended_on"])
    review = CareReview.objects.filter(period=period, held_on=agreed_on).first()
    plan = PermanencePlan.objects.create(
        period=period, child=period.child, plan_type=plan_type, stage=stage,
        agreed_on=agreed_on, agreed_at_review=review, stage_since=agreed_on,
        note=note.strip(), recorded_by=_actor(actor), recorded_at=clock.now())
    task_close(kind=TaskKind.PERMANENCE_PLAN, source=period, done_on=agreed_on, actor=actor)
    _audit(actor, "PERMANENCE_PLAN_RECORDED", plan, child_id=period.child_id,
           system_job=system_job, period=period.pk, plan_type=plan_type, stage=stage,
           agreed_on=agreed_on, replaced=getattr(current, "pk", None))
    return plan


@transaction.atomic
def stage_change(*, period: CarePeriod, stage: str, since: dt.date, note: str = "",
                 actor=None, system_job: str = "") -> PermanencePlan:
    """The plan moves to a new stage: the current row ends and a new one starts that day."""
    period = _locked_open(period)
    current = _current_plan(period)
    if current is None:
        raise DomainError("Record the permanence plan first", field="stage")
    return _move_stage(current, stage=stage, since=since, note=note, actor=actor,
                       system_job=system_job)


def _move_stage(current: PermanencePlan, *, stage: str, since: dt.date, note: str = "",
                actor=None, system_job: str = "") -> PermanencePlan:
    if stage not in codes.Stage.values:
        raise DomainError("Choose the stage the plan has reached", field="stage")
    if stage == current.stage:
        raise DomainError(f"The plan is already at this stage ({current.get_stage_display()})",
                          field="stage")
    rules.ensure_date(since, today=clock.today(), field="since",
                      what="The date the stage was reached", not_before=current.stage_since,
                      before_what="the start of the current stage")
    _within(current.period, since, field="since")
    current.ended_on = since
    current.save(update_fields=["ended_on"])
    plan = PermanencePlan.objects.create(
        period_id=current.period_id, child_id=current.child_id, plan_type=current.plan_type,
        stage=stage, agreed_on=current.agreed_on, agreed_at_review=current.agreed_at_review,
        stage_since=since, note=note.strip(), recorded_by=_actor(actor),
        recorded_at=clock.now())
    _audit(actor, "PERMANENCE_STAGE_CHANGED", plan, child_id=current.child_id,
           system_job=system_job, period=current.period_id, stage=stage, since=since,
           previous_stage=current.stage)
    return plan


@transaction.atomic
def panel_record(*, period: CarePeriod, kind: str, held_on: dt.date, recommendation: str,
                 note: str = "", actor=None, system_job: str = "") -> PermanencePanel:
    period = _locked_open(period)
    if kind not in codes.PanelKind.values:
        raise DomainError("Choose the panel or meeting", field="kind")
    _check_date(period, held_on, field="held_on", what="The date of the panel or meeting")
    recommendation = _text(recommendation, field="recommendation",
                           message="Enter what the panel recommended or decided")
    panel = PermanencePanel.objects.create(
        period=period, child=period.child, kind=kind, held_on=held_on,
        recommendation=recommendation, note=note.strip(), recorded_by=_actor(actor),
        recorded_at=clock.now())
    _audit(actor, "PERMANENCE_PANEL_RECORDED", panel, child_id=period.child_id,
           system_job=system_job, kind=kind, held_on=held_on)
    return panel


# --- adoption ------------------------------------------------------------------------------

@transaction.atomic
def adoption_decision_record(*, period: CarePeriod, decided_on: dt.date, decision_maker: str,
                             note: str = "", actor=None,
                             system_job: str = "") -> AdoptionDecision:
    """The agency decision maker decided the child should be placed for adoption."""
    period = _locked_open(period)
    has_open = AdoptionDecision.objects.select_for_update().filter(
        child=period.child, reversed_on__isnull=True, adoption_order_on__isnull=True).exists()
    rules.ensure_decision(decided_on=decided_on, today=clock.today(),
                          period_started_on=_began_on(period), has_open_decision=has_open)
    _within(period, decided_on, field="decided_on")
    decision_maker = _text(decision_maker, field="decision_maker",
                           message="Enter the agency decision maker")
    try:
        with transaction.atomic():
            decision = AdoptionDecision.objects.create(
                period=period, child=period.child, decided_on=decided_on,
                decision_maker=decision_maker, note=note.strip(), recorded_by=_actor(actor),
                recorded_at=clock.now())
    except IntegrityError:
        raise DomainError("The child already has an open adoption decision",
                          field="decided_on") from None
    _audit(actor, "ADOPTION_DECISION_RECORDED", decision, child_id=period.child_id,
           system_job=system_job, decided_on=decided_on)
    return decision


def _facts(decision: AdoptionDecision) -> dict:
    return {field: getattr(decision, field) for field in
            ("decided_on", *rules.ADOPTION_STEPS)}


@transaction.atomic
def adoption_step_record(*, decision: AdoptionDecision, step: str, on: dt.date,
                         household: AdopterHousehold | None = None, reason: str = "",
                         actor=None, system_job: str = "") -> AdoptionDecision:
    """Records one step of an adoption decision (`step` is a field of ADOPTION_STEPS): in
    order, each not before the steps it follows. Matching names the adopters; a reversal its
    reason (RD1–RD4). The child's adoption plan moves to the matching stage."""
    decision = AdoptionDecision.objects.select_for_update().select_related("period").get(
        pk=decision.pk)
    if step not in rules.ADOPTION_STEPS:
        raise DomainError("Choose a step of the adoption")
    rules.ensure_adoption_step(step, on, facts=_facts(decision), today=clock.today(),
                               period_started_on=_began_on(decision.period))
    _within(decision.period, on, field=step)
    fields = [step]
    if step == "matched_on":
        if household is None:
            raise DomainError("Choose the prospective adopters the child is matched with",
                              field="household")
        if household.approved_on is None or household.approved_on > on:
            raise DomainError("The adopters must be approved on or before the match",
                              field="household")
        if household.left_on is not None:
            raise DomainError("These adopters have left the adoption process",
                              field="household")
        decision.household = household
        fields.append("household")
    if step == "reversed_on":
        rules.ensure_reversal_reason(reason, codes.ReasonNoLongerPlaced.values)
        decision.reversed_reason = reason
        fields.append("reversed_reason")
    setattr(decision, step, on)
    decision.save(update_fields=fields)
    plan = PermanencePlan.objects.select_for_update().filter(
        period_id=decision.period_id, ended_on__isnull=True,
        plan_type=codes.PlanType.ADOPTION).first()
    if plan is not None and step in STAGE_FOR_STEP and plan.stage != STAGE_FOR_STEP[step] \
            and on >= plan.stage_since and (decision.period.ended_on is None
                                             or on <= decision.period.ended_on):
        _move_stage(plan, stage=STAGE_FOR_STEP[step], since=on, actor=actor,
                    system_job=system_job)
    _audit(actor, "ADOPTION_STEP_RECORDED", decision, child_id=decision.child_id,
           system_job=system_job, step=step, on=on, household=getattr(household, "pk", None),
           reason=reason)
    return decision


# --- prospective adopters -------------------------------------------------------------------

def next_reference() -> str:
    last = AdopterHousehold.objects.order_by("-id").values_list("id", flat=True).first() or 0
    return f"AH{last + 1:05d}"


@transaction.atomic
def household_add(*, legal_status: str, enquiry_on: dt.date, adopters: list[dict],
                  fostering_for_adoption: bool = False, note: str = "", actor=None,
                  system_job: str = "") -> AdopterHousehold:
    """Prospective adopters at their enquiry: `adopters` are one or two dicts of name, sex,
    ethnicity and disabled."""
    if legal_status not in codes.AdopterLegalStatus.values:
        raise DomainError("Choose the adopters' legal status", field="legal_status")
    rules.ensure_date(enquiry_on, today=clock.today(), field="enquiry_on",
                      what="The date the enquiry was received")
    for number, adopter in enumerate(adopters, start=1):
        _text(adopter.get("name", ""), field=f"adopter{number}_name",
              message=f"Enter adopter {number}'s name")
        if adopter.get("sex") not in codes.AdopterSex.values:
            raise DomainError(f"Choose adopter {number}'s sex", field=f"adopter{number}_sex")
    rules.ensure_adopters(legal_status=legal_status, sexes=[a["sex"] for a in adopters])
    household = AdopterHousehold.objects.create(
        reference=next_reference(), legal_status=legal_status,
        fostering_for_adoption=fostering_for_adoption, enquiry_on=enquiry_on,
        note=note.strip(), recorded_by=_actor(actor), recorded_at=clock.now())
    for number, adopter in enumerate(adopters, start=1):
        Adopter.objects.create(household=household, number=number,
                               name=adopter["name"].strip(), sex=adopter["sex"],
                               ethnicity=adopter.get("ethnicity") or "NOBT",
                               disabled=bool(adopter.get("disabled")))
    _audit(actor, "ADOPTER_HOUSEHOLD_ADDED", household, system_job=system_job,
           reference=household.reference, adopters=len(adopters), enquiry_on=enquiry_on)
    return household


@transaction.atomic
def household_stage_record(*, household: AdopterHousehold, step: str, on: dt.date,
                           actor=None, system_job: str = "") -> AdopterHousehold:
    household = AdopterHousehold.objects.select_for_update().get(pk=household.pk)
    if step not in rules.HOUSEHOLD_STAGES:
        raise DomainError("Choose a stage of the assessment")
    facts = {f: getattr(household, f) for f in ("enquiry_on", "left_on",
                                                 *rules.HOUSEHOLD_STAGES)}
    rules.ensure_household_stage(step, on, facts=facts, today=clock.today())
    setattr(household, step, on)
    household.save(update_fields=[step])
    _audit(actor, "ADOPTER_HOUSEHOLD_STAGE_RECORDED", household, system_job=system_job,
           step=step, on=on)
    return household


@transaction.atomic
def household_leave(*, household: AdopterHousehold, left_on: dt.date, reason: str,
                    actor=None, system_job: str = "") -> AdopterHousehold:
    household = AdopterHousehold.objects.select_for_update().get(pk=household.pk)
    if household.left_on is not None:
        raise DomainError("These adopters have already left the process", field="left_on")
    if reason not in codes.LeavingReason.values:
        raise DomainError("Choose why they left the adoption process", field="left_reason")
    latest = max((d for d in (household.enquiry_on, household.stage1_started_on,
                              household.stage1_ended_on, household.stage2_started_on,
                              household.stage2_ended_on, household.application_on,
                              household.approved_on) if d), default=household.enquiry_on)
    rules.ensure_date(left_on, today=clock.today(), field="left_on",
                      what="The date they left the process", not_before=latest,
                      before_what="their last recorded stage")
    household.left_on, household.left_reason = left_on, reason
    household.save(update_fields=["left_on", "left_reason"])
    _audit(actor, "ADOPTER_HOUSEHOLD_LEFT", household, system_job=system_job, left_on=left_on,
           reason=reason)
    return household


def household_viewed(*, actor, household: AdopterHousehold) -> None:
    Auditor(actor).record("ADOPTER_HOUSEHOLD_VIEWED", household)


# --- special guardianship, long-term fostering, reunification --------------------------------

@transaction.atomic
def sgo_assessment_start(*, period: CarePeriod, guardians: str, relationship: str,
                         started_on: dt.date, note: str = "", actor=None,
                         system_job: str = "") -> SpecialGuardianship:
    period = _locked_open(period)
    guardians = _text(guardians, field="guardians", message="Enter who the special guardians "
                      "would be")
    if relationship not in codes.GuardianRelationship.values:
        raise DomainError("Choose who the special guardians are", field="relationship")
    _check_date(period, started_on, field="started_on", what="The date the assessment started")
    sgo = SpecialGuardianship.objects.create(
        period=period, child=period.child, guardians=guardians, relationship=relationship,
        assessment_started_on=started_on, note=note.strip(), recorded_by=_actor(actor),
        recorded_at=clock.now())
    _audit(actor, "SGO_RECORDED", sgo, child_id=period.child_id, system_job=system_job,
           step="assessment_started_on", on=started_on)
    return sgo


@transaction.atomic
def sgo_step_record(*, sgo: SpecialGuardianship, step: str, on: dt.date, actor=None,
                    system_job: str = "") -> SpecialGuardianship:
    """Completes the assessment, or records the order (`step`: assessment_completed_on or
    order_on), each not before the step it follows."""
    sgo = SpecialGuardianship.objects.select_for_update().get(pk=sgo.pk)
    if step not in ("assessment_completed_on", "order_on"):
        raise DomainError("Choose a step of the special guardianship")
    rules.ensure_sgo_step(step, on, started_on=sgo.assessment_started_on,
                          completed_on=sgo.assessment_completed_on, order_on=sgo.order_on,
                          today=clock.today())
    _within(sgo.period, on, field=step)
    setattr(sgo, step, on)
    sgo.save(update_fields=[step])
    _audit(actor, "SGO_RECORDED", sgo, child_id=sgo.child_id, system_job=system_job,
           step=step, on=on)
    return sgo


@transaction.atomic
def long_term_match_record(*, period: CarePeriod, carers: str, matched_on: dt.date,
                           note: str = "", actor=None,
                           system_job: str = "") -> LongTermFosteringMatch:
    period = _locked_open(period)
    carers = _text(carers, field="carers", message="Enter the foster carers")
    _check_date(period, matched_on, field="matched_on", what="The date of the match")
    LongTermFosteringMatch.objects.filter(period=period, ended_on__isnull=True).update(
        ended_on=matched_on)
    match = LongTermFosteringMatch.objects.create(
        period=period, child=period.child, carers=carers, matched_on=matched_on,
        note=note.strip(), recorded_by=_actor(actor), recorded_at=clock.now())
    _audit(actor, "LONG_TERM_MATCH_RECORDED", match, child_id=period.child_id,
           system_job=system_job, matched_on=matched_on)
    return match


@transaction.atomic
def reunification_record(*, period: CarePeriod, returned_home_on: dt.date, note: str = "",
                         actor=None, system_job: str = "") -> Reunification:
    """The child returned home under the plan (often placed with parents on the care order,
    so still looked after until the order is discharged)."""
    period = _locked_open(period)
    _check_date(period, returned_home_on, field="returned_home_on",
                what="The date the child returned home")
    if Reunification.objects.filter(period=period, care_order_discharged_on__isnull=True
                                    ).exists():
        raise DomainError("A return home is already recorded: record the discharge of the "
                          "care order", field="returned_home_on")
    reunification = Reunification.objects.create(
        period=period, child=period.child, returned_home_on=returned_home_on,
        note=note.strip(), recorded_by=_actor(actor), recorded_at=clock.now())
    _audit(actor, "REUNIFICATION_RECORDED", reunification, child_id=period.child_id,
           system_job=system_job, step="returned_home_on", on=returned_home_on)
    return reunification


@transaction.atomic
def discharge_record(*, reunification: Reunification, discharged_on: dt.date, actor=None,
                     system_job: str = "") -> Reunification:
    reunification = Reunification.objects.select_for_update().get(pk=reunification.pk)
    rules.ensure_discharge(discharged_on, returned_home_on=reunification.returned_home_on,
                           already=reunification.care_order_discharged_on, today=clock.today())
    _within(reunification.period, discharged_on, field="care_order_discharged_on")
    reunification.care_order_discharged_on = discharged_on
    reunification.save(update_fields=["care_order_discharged_on"])
    _audit(actor, "REUNIFICATION_RECORDED", reunification, child_id=reunification.child_id,
           system_job=system_job, step="care_order_discharged_on", on=discharged_on)
    return reunification


@transaction.atomic
def previous_permanence_record(*, period: CarePeriod, order: str, la_code: str = "",
                               order_on: dt.date | None = None, actor=None,
                               system_job: str = "") -> PreviousPermanence:
    """Once per period of care (903 PrevPerm)."""
    period = CarePeriod.objects.select_for_update(of=("self",)).get(pk=period.pk)
    if PreviousPermanence.objects.filter(period=period).exists():
        raise DomainError("The previous permanence order is already recorded for this period "
                          "of care", field="order")
    if order not in codes.PreviousPermanenceOrder.values:
        raise DomainError("Choose the previous permanence order, or none", field="order")
    la_code = (la_code or "").strip().upper()
    rules.ensure_previous_permanence(order=order, la_code=la_code, order_on=order_on,
                                     period_started_on=period.started_on)
    record = PreviousPermanence.objects.create(
        period=period, child_id=period.child_id, order=order, la_code=la_code,
        order_on=order_on, recorded_by=_actor(actor), recorded_at=clock.now())
    _audit(actor, "PREVIOUS_PERMANENCE_RECORDED", record, child_id=period.child_id,
           system_job=system_job, order=order, la_code=la_code, order_on=order_on)
    return record
