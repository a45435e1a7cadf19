"""Every write to a looked-after child's health and education record: checked, saved, audited
and its clocks kept, in one transaction.

Becoming looked after (hearth.care.lifecycle) opens INITIAL_HEALTH_ASSESSMENT (20 working
days), DENTAL_CHECK (12 months), and SDQ and PERSONAL_EDUCATION_PLAN when the child is, or will
be while in care, of the age they apply to. Recording the initial health assessment closes its
task and opens REVIEW_HEALTH_ASSESSMENT; each review, dental check, SDQ and PEP closes its task
and opens the next, counted from the latest one recorded (a back-dated entry never moves a
clock back). The tasks hang on the period of care, so ending care closes them.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Max

from hearth.care.models import CarePeriod
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.cases.tasks import task_close, task_open
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.health_education import rules
from hearth.health_education.codes import ContactKind, HealthCheckKind, SdqReason
from hearth.health_education.models import (
    EducationContact,
    HealthCheck,
    ImmunisationStatus,
    PersonalEducationPlan,
    SdqScore,
)
from hearth.workingdays.selectors import current_calendar

KINDS = (TaskKind.INITIAL_HEALTH_ASSESSMENT, TaskKind.REVIEW_HEALTH_ASSESSMENT,
         TaskKind.DENTAL_CHECK, TaskKind.SDQ, TaskKind.PERSONAL_EDUCATION_PLAN)
TASK_FOR_CHECK = {HealthCheckKind.INITIAL: TaskKind.INITIAL_HEALTH_ASSESSMENT,
                  HealthCheckKind.REVIEW: TaskKind.REVIEW_HEALTH_ASSESSMENT,
                  HealthCheckKind.DENTAL: TaskKind.DENTAL_CHECK}


# --- the care lifecycle's listeners ---------------------------------------------------------

def open_clocks(period: CarePeriod, *, actor=None) -> None:
    """The child became looked after: open the first health and education tasks."""
    child = period.child
    task_open(kind=TaskKind.INITIAL_HEALTH_ASSESSMENT, child=child, source=period,
              due_on=rules.initial_health_assessment_due_on(started_on=period.started_on,
                                                            calendar=current_calendar()),
              rule=rules.iha_rule())
    _open_dental(period)
    _open_sdq(period)
    _open_pep(period)


def close_clocks(period: CarePeriod, *, actor=None) -> int:
    """The child ceased to be looked after: the open tasks are no longer needed."""
    return StatutoryTask.objects.open().filter(
        kind__in=KINDS, source_type=CarePeriod._meta.label, source_id=period.pk).update(
        closed_at=clock.now(), closed_on=period.ended_on, closed_by=actor, cancelled=True)


def _latest(model, period: CarePeriod, field: str, **filters) -> dt.date | None:
    return model.objects.filter(period=period, **filters).aggregate(last=Max(field))["last"]


def _open_dental(period: CarePeriod) -> None:
    last = _latest(HealthCheck, period, "done_on", kind=HealthCheckKind.DENTAL)
    task_open(kind=TaskKind.DENTAL_CHECK, child=period.child, source=period,
              due_on=rules.dental_due_on(started_on=period.started_on, last_checked_on=last),
              rule=rules.dental_rule())


def _open_review(period: CarePeriod) -> None:
    last = _latest(HealthCheck, period, "done_on",
                   kind__in=[HealthCheckKind.INITIAL, HealthCheckKind.REVIEW])
    dob = period.child.date_of_birth
    months = rules.review_months(date_of_birth=dob, last_assessed_on=last)
    task_open(kind=TaskKind.REVIEW_HEALTH_ASSESSMENT, child=period.child, source=period,
              due_on=rules.review_health_assessment_due_on(date_of_birth=dob,
                                                           last_assessed_on=last),
              rule=rules.rha_rule(months))


def _open_sdq(period: CarePeriod) -> None:
    due = rules.sdq_due_on(date_of_birth=period.child.date_of_birth,
                           started_on=period.started_on,
                           last_completed_on=_latest(SdqScore, period, "completed_on"))
    if due is not None:
        task_open(kind=TaskKind.SDQ, child=period.child, source=period, due_on=due,
                  rule=rules.sdq_rule())


def _open_pep(period: CarePeriod) -> None:
    last = _latest(PersonalEducationPlan, period, "held_on")
    due = rules.pep_due_on(date_of_birth=period.child.date_of_birth,
                           started_on=period.started_on, last_held_on=last,
                           calendar=current_calendar())
    if due is not None:
        task_open(kind=TaskKind.PERSONAL_EDUCATION_PLAN, child=period.child, source=period,
                  due_on=due, rule=rules.pep_rule(first=last is None))


# --- recording ------------------------------------------------------------------------------

def _locked_open(period: CarePeriod) -> CarePeriod:
    period = CarePeriod.objects.select_for_update(of=("self",)).select_related("child").get(
        pk=period.pk)
    if period.ended_on is not None:
        raise DomainError(f"This period of care ended on {rules.day(period.ended_on)}: "
                          "record health and education in a current period")
    return period


def _check_date(period: CarePeriod, value, *, field: str, what: str) -> None:
    rules.ensure_date(value, today=clock.today(), field=field, what=what,
                      not_before=period.started_on,
                      before_what="the day the child became looked after")


def _audit(actor, code: str, record, **detail) -> None:
    Auditor(actor).record(code, record, child_id=record.child_id, detail={
        "period": record.period_id,
        **{k: str(v) if isinstance(v, dt.date) else v for k, v in detail.items()}})


def _text(value: str, *, field: str, message: str) -> str:
    if not (value or "").strip():
        raise DomainError(message, field=field)
    return value.strip()


@transaction.atomic
def health_check_record(*, period: CarePeriod, kind: str, done_on: dt.date,
                        carried_out_by: str, note: str = "", actor) -> HealthCheck:
    period = _locked_open(period)
    if kind not in HealthCheckKind.values:
        raise DomainError("Choose what was done", field="kind")
    _check_date(period, done_on, field="done_on", what="The date of the assessment or check")
    carried_out_by = _text(carried_out_by, field="carried_out_by",
                           message="Enter who carried it out")
    initial = HealthCheck.objects.filter(period=period, kind=HealthCheckKind.INITIAL).first()
    if kind == HealthCheckKind.INITIAL and initial is not None:
        raise DomainError(f"The initial health assessment was recorded on "
                          f"{rules.day(initial.done_on)}: record a review health assessment",
                          field="kind")
    if kind == HealthCheckKind.REVIEW:
        if initial is None:
            raise DomainError("Record the initial health assessment first", field="kind")
        if done_on < initial.done_on:
            raise DomainError(f"A review must be on or after the initial health assessment "
                              f"({rules.day(initial.done_on)})", field="done_on")
    check = HealthCheck.objects.create(
        period=period, child=period.child, kind=kind, done_on=done_on,
        carried_out_by=carried_out_by, note=note.strip(), recorded_by=actor,
        recorded_at=clock.now())
    task_close(kind=TASK_FOR_CHECK[kind], source=period, done_on=done_on, actor=actor)
    if kind == HealthCheckKind.DENTAL:
        _open_dental(period)
    else:
        _open_review(period)
    _audit(actor, "HEALTH_CHECK_RECORDED", check, kind=kind, done_on=done_on)
    return check


@transaction.atomic
def immunisations_record(*, period: CarePeriod, as_at: dt.date, up_to_date: bool,
                         note: str = "", actor) -> ImmunisationStatus:
    period = _locked_open(period)
    _check_date(period, as_at, field="as_at", what="The date the status is as at")
    if up_to_date not in (True, False):
        raise DomainError("Say whether the immunisations are up to date", field="up_to_date")
    status = ImmunisationStatus.objects.create(
        period=period, child=period.child, as_at=as_at, up_to_date=up_to_date,
        note=note.strip(), recorded_by=actor, recorded_at=clock.now())
    _audit(actor, "IMMUNISATIONS_RECORDED", status, as_at=as_at, up_to_date=up_to_date)
    return status


@transaction.atomic
def sdq_record(*, period: CarePeriod, completed_on: dt.date, score: int | None,
               reason: str = "", note: str = "", actor) -> SdqScore:
    period = _locked_open(period)
    _check_date(period, completed_on, field="completed_on", what="The date of the questionnaire")
    if reason and reason not in SdqReason.values:
        raise DomainError("Choose the reason there is no score", field="reason")
    rules.ensure_sdq(score=score, reason=reason, date_of_birth=period.child.date_of_birth,
                     completed_on=completed_on)
    sdq = SdqScore.objects.create(
        period=period, child=period.child, completed_on=completed_on, score=score,
        reason=reason, note=note.strip(), recorded_by=actor, recorded_at=clock.now())
    task_close(kind=TaskKind.SDQ, source=period, done_on=completed_on, actor=actor)
    _open_sdq(period)
    _audit(actor, "SDQ_RECORDED", sdq, completed_on=completed_on, score=score, reason=reason)
    return sdq


@transaction.atomic
def pep_record(*, period: CarePeriod, held_on: dt.date, school: str,
               chaired_by_child: bool = False, virtual_school_attended: bool = False,
               note: str = "", actor) -> PersonalEducationPlan:
    period = _locked_open(period)
    _check_date(period, held_on, field="held_on", what="The date of the PEP meeting")
    school = _text(school, field="school", message="Enter the school or setting")
    pep = PersonalEducationPlan.objects.create(
        period=period, child=period.child, held_on=held_on, school=school,
        chaired_by_child=chaired_by_child, virtual_school_attended=virtual_school_attended,
        note=note.strip(), recorded_by=actor, recorded_at=clock.now())
    task_close(kind=TaskKind.PERSONAL_EDUCATION_PLAN, source=period, done_on=held_on,
               actor=actor)
    _open_pep(period)
    _audit(actor, "PEP_RECORDED", pep, held_on=held_on)
    return pep


@transaction.atomic
def education_contact_record(*, period: CarePeriod, kind: str, contacted_on: dt.date,
                             contact_name: str, note: str = "", actor) -> EducationContact:
    period = _locked_open(period)
    if kind not in ContactKind.values:
        raise DomainError("Choose who the contact was with", field="kind")
    _check_date(period, contacted_on, field="contacted_on", what="The date of the contact")
    contact_name = _text(contact_name, field="contact_name",
                         message="Enter the name or role of the person contacted")
    contact = EducationContact.objects.create(
        period=period, child=period.child, kind=kind, contacted_on=contacted_on,
        contact_name=contact_name, note=note.strip(), recorded_by=actor,
        recorded_at=clock.now())
    _audit(actor, "EDUCATION_CONTACT_RECORDED", contact, kind=kind, contacted_on=contacted_on)
    return contact
