"""Every write to an assessment: checked, saved, audited and its clock kept, in one transaction.

Starting an assessment opens the AUTHORISE_ASSESSMENT task (due 45 working days from the clock
start, TIMESCALES.md T02); authorising it closes the task with the authorisation date.
"""

import datetime as dt

from django.db import transaction

from hearth.assessments import rules
from hearth.assessments.codes import AssessmentKind, ClockStart
from hearth.assessments.models import Assessment, PartnerContribution
from hearth.cases.models import TaskKind
from hearth.cases.tasks import task_close, task_open
from hearth.core import clock
from hearth.core.audit import Auditor, changes_between
from hearth.core.errors import DomainError
from hearth.core.models import LocalAuthority
from hearth.frontdoor.models import Referral
from hearth.workingdays.selectors import current_calendar

AUTHORISE_PERMISSION = "assessments.authorise_assessment"
EDITABLE_FIELDS = ("kind", "started_on", "child_seen_on", "seen_alone", "factors",
                   "completed_on")


def configured_clock_start() -> str:
    """Referral date unless the authority counts from the assessment's start (8670Q)."""
    value = LocalAuthority.standards().assessment_clock_start
    return value if value in ClockStart.values else ClockStart.REFERRAL


@transaction.atomic
def assessment_start(*, referral: Referral, started_on: dt.date, kind: str | None = None,
                     actor=None, system_job: str = "") -> Assessment:
    """Starts an assessment on an open referral and opens its authorisation clock."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    rules.ensure_episode_open(closed_on=referral.closed_on,
                              no_further_action=referral.no_further_action)
    earlier = referral.assessments.all()
    if earlier.filter(authorised_on__isnull=True).exists():
        raise DomainError("This referral already has an assessment in progress: finish that "
                          "one first", field="referral")
    kind = kind or (AssessmentKind.UPDATED if earlier.exists() else AssessmentKind.NEW)
    rules.ensure_kind_fits(kind=kind, referral_has_assessment=earlier.exists())
    rules.ensure_dates_fit(referral_date=referral.referral_date, started_on=started_on,
                           child_seen_on=None, completed_on=None, today=clock.today())
    clock_start = configured_clock_start()
    now = clock.now()
    assessment = Assessment.objects.create(
        referral=referral, child=referral.child, kind=kind, started_on=started_on,
        due_on=_due_on(referral, started_on, clock_start), clock_start=clock_start,
        due_rule=rules.ASSESSMENT_RULE, recorded_by=actor or _system_user(), recorded_at=now,
        updated_at=now)
    _open_clock(assessment)
    Auditor(actor, system_job=system_job).record(
        "ASSESSMENT_STARTED", assessment, child_id=referral.child_id,
        detail={"referral": referral.pk, "kind": kind, "started_on": str(started_on),
                "due_on": str(assessment.due_on), "clock_start": clock_start})
    return assessment


@transaction.atomic
def assessment_update(*, assessment: Assessment, actor=None, system_job: str = "",
                      **changes) -> Assessment:
    """Changes what the worker records: kind, dates, whether seen alone, factors, completion."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"assessment_update cannot change {sorted(unknown)}")
    assessment = _locked(assessment)
    before = {name: getattr(assessment, name) for name in EDITABLE_FIELDS}
    after = {**before, **changes, "factors": list(changes.get("factors", before["factors"]))}
    _ensure_update_fits(assessment, before, after)
    for name, value in after.items():
        setattr(assessment, name, value)
    assessment.due_on = _due_on(assessment.referral, assessment.started_on,
                                assessment.clock_start)
    assessment.updated_at = clock.now()
    assessment.save()
    _open_clock(assessment)
    Auditor(actor, system_job=system_job).record(
        "ASSESSMENT_UPDATED", assessment, child_id=assessment.child_id,
        detail={"changes": changes_between(before, after)})
    return assessment


@transaction.atomic
def assessment_contribution_add(*, assessment: Assessment, agency: str, received_on: dt.date,
                                summary: str, agency_name: str = "", actor=None,
                                system_job: str = "") -> PartnerContribution:
    assessment = _locked(assessment)
    _ensure_not_authorised(assessment)
    rules.ensure_contribution_fits(agency=agency, received_on=received_on, summary=summary,
                                   referral_date=assessment.referral.referral_date,
                                   today=clock.today())
    contribution = PartnerContribution.objects.create(
        assessment=assessment, agency=agency, agency_name=agency_name, received_on=received_on,
        summary=summary, recorded_by=actor or _system_user(), recorded_at=clock.now())
    Auditor(actor, system_job=system_job).record(
        "ASSESSMENT_CONTRIBUTION_ADDED", contribution, child_id=assessment.child_id,
        detail={"assessment": assessment.pk, "agency": agency})
    return contribution


@transaction.atomic
def assessment_authorise(*, assessment: Assessment, actor, authorised_on: dt.date,
                         outcome: str, lateness_reason: str = "") -> Assessment:
    """A manager authorises a completed assessment and its outcome; it is read-only after."""
    if actor is None or not actor.has_perm(AUTHORISE_PERMISSION):
        raise DomainError("Only a team manager or service manager can authorise an assessment")
    assessment = _locked(assessment)
    _ensure_not_authorised(assessment)
    rules.ensure_can_authorise(
        completed_on=assessment.completed_on, authorised_on=authorised_on,
        due_on=assessment.due_on, outcome=outcome, factors=assessment.factors,
        lateness_reason=lateness_reason, today=clock.today())
    assessment.authorised_on, assessment.authorised_by = authorised_on, actor
    assessment.outcome, assessment.lateness_reason = outcome, lateness_reason.strip()
    assessment.updated_at = clock.now()
    assessment.save()
    task_close(kind=TaskKind.AUTHORISE_ASSESSMENT, source=assessment, done_on=authorised_on,
               actor=actor)
    Auditor(actor).record(
        "ASSESSMENT_AUTHORISED", assessment, child_id=assessment.child_id,
        detail={"authorised_on": str(authorised_on), "outcome": outcome,
                "due_on": str(assessment.due_on), "late": bool(assessment.was_late)})
    return assessment


def _ensure_update_fits(assessment: Assessment, before: dict, after: dict) -> None:
    _ensure_not_authorised(assessment)
    rules.ensure_dates_fit(referral_date=assessment.referral.referral_date,
                           started_on=after["started_on"], child_seen_on=after["child_seen_on"],
                           completed_on=after["completed_on"], today=clock.today())
    rules.ensure_seen_alone_fits(child_seen_on=after["child_seen_on"],
                                 seen_alone=after["seen_alone"])
    rules.ensure_factors_valid(after["factors"])
    if after["kind"] != before["kind"]:
        others = assessment.referral.assessments.exclude(pk=assessment.pk)
        rules.ensure_kind_fits(kind=after["kind"], referral_has_assessment=others.exists())


def _ensure_not_authorised(assessment: Assessment) -> None:
    if assessment.is_authorised:
        raise DomainError(f"This assessment was authorised on "
                          f"{rules.day(assessment.authorised_on)}: it can no longer be changed")


def _locked(assessment: Assessment) -> Assessment:
    return (Assessment.objects.select_for_update(of=("self",)).select_related("referral")
            .get(pk=assessment.pk))


def _due_on(referral: Referral, started_on: dt.date, clock_start: str) -> dt.date:
    return rules.assessment_due_on(referral_date=referral.referral_date, started_on=started_on,
                                   clock_start=clock_start, calendar=current_calendar())


def _open_clock(assessment: Assessment) -> None:
    task_open(kind=TaskKind.AUTHORISE_ASSESSMENT, child=assessment.child, source=assessment,
              due_on=assessment.due_on, rule=assessment.due_rule)


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()
