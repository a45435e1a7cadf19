"""Every write to committee work, the improvement plan and the self-evaluation: checked, saved
and audited in one transaction. None of these records is a child's, so events carry no child
id; downloads (the Word exports) are audited as well."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from hearth.core import clock
from hearth.core.audit import Auditor, changes_between
from hearth.core.errors import DomainError
from hearth.governance import figures, rules
from hearth.governance.codes import (
    AREA_OF_INDICATOR_AREA,
    ActionStatus,
    JudgementArea,
    ResolutionKind,
    TrackerStatus,
    UpdateKind,
)
from hearth.governance.models import (
    ActionStatusChange,
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    ImprovementAction,
    ImprovementPlan,
    Measure,
    Meeting,
    Minute,
    Priority,
    Resolution,
    SelfEvaluation,
    SelfEvaluationSection,
    TargetStep,
    TrackerAction,
    TrackerUpdate,
)
from hearth.performance.indicators import LIBRARY


def _ensure_owner(owner, field: str = "owner") -> None:
    if owner is None or not owner.is_active or not owner.has_perm("governance.view_governance"):
        raise DomainError("Choose someone who can see governance work to follow this up",
                          field=field)


# Committees and meetings ------------------------------------------------------------------

@transaction.atomic
def committee_add(*, name: str, actor) -> Committee:
    name = name.strip()
    if Committee.objects.filter(name__iexact=name).exists():
        raise DomainError("There is already a committee with this name", field="name")
    committee = Committee.objects.create(name=name, recorded_at=clock.now())
    Auditor(actor).record("COMMITTEE_ADDED", committee, detail={"name": name})
    return committee


def _ensure_free_day(committee, held_on, *, exclude=None) -> None:
    clash = Meeting.objects.filter(committee=committee, held_on=held_on)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise DomainError(f"{committee} already meets on {rules.day(held_on)}", field="held_on")


@transaction.atomic
def meeting_record(*, committee: Committee, held_on: dt.date, venue: str, actor,
                   starts_at: dt.time | None = None, public_attending: int | None = None,
                   ended_at: dt.time | None = None) -> Meeting:
    _ensure_free_day(committee, held_on)
    meeting = Meeting.objects.create(
        committee=committee, held_on=held_on, starts_at=starts_at, venue=venue.strip(),
        public_attending=public_attending, ended_at=ended_at, recorded_by=actor,
        recorded_at=clock.now())
    Auditor(actor).record("MEETING_RECORDED", meeting, detail={
        "committee": committee.pk, "held_on": str(held_on), "venue": meeting.venue})
    return meeting


MEETING_FIELDS = ("held_on", "starts_at", "venue", "public_attending", "ended_at")


@transaction.atomic
def meeting_change(*, meeting: Meeting, actor, **values) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if values.get("held_on") and values["held_on"] != meeting.held_on:
        if meeting.minutes.exists() and rules.municipal_year_of(values["held_on"]) != \
                rules.municipal_year_of(meeting.held_on):
            raise DomainError("This meeting has minutes numbered in its municipal year: it "
                              "cannot move to another year", field="held_on")
        _ensure_free_day(meeting.committee, values["held_on"], exclude=meeting)
    before = {f: getattr(meeting, f) for f in MEETING_FIELDS}
    for name in MEETING_FIELDS:
        if name in values:
            setattr(meeting, name, values[name].strip() if name == "venue" else values[name])
    meeting.save(update_fields=list(MEETING_FIELDS))
    after = {f: getattr(meeting, f) for f in MEETING_FIELDS}
    Auditor(actor).record("MEETING_CHANGED", meeting,
                          detail={"changes": changes_between(before, after)})
    return meeting


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, title: str, actor, report_author: str = "",
                    report_url: str = "", report_text: str = "") -> AgendaItem:
    number = rules.next_minute_number(meeting.agenda_items.values_list("number", flat=True))
    item = AgendaItem.objects.create(
        meeting=meeting, number=number, title=title.strip(), report_author=report_author.strip(),
        report_url=report_url.strip(), report_text=report_text, recorded_at=clock.now())
    Auditor(actor).record("AGENDA_ITEM_ADDED", item, detail={
        "meeting": meeting.pk, "number": number, "title": item.title})
    return item


@transaction.atomic
def attendance_record(*, meeting: Meeting, kind: str, name: str, actor,
                      position: str = "") -> Attendance:
    name = name.strip()
    if meeting.attendance.filter(name__iexact=name).exists():
        raise DomainError(f"{name} is already recorded for this meeting", field="name")
    row = Attendance.objects.create(meeting=meeting, kind=kind, name=name,
                                    position=position.strip(), recorded_at=clock.now())
    Auditor(actor).record("ATTENDANCE_RECORDED", row, detail={
        "meeting": meeting.pk, "kind": kind, "name": name})
    return row


@transaction.atomic
def interest_declare(*, meeting: Meeting, member_name: str, kind: str, reason: str,
                     actor) -> Declaration:
    row = Declaration.objects.create(meeting=meeting, member_name=member_name.strip(), kind=kind,
                                     reason=reason.strip(), recorded_at=clock.now())
    Auditor(actor).record("INTEREST_DECLARED", row, detail={
        "meeting": meeting.pk, "member": row.member_name, "kind": kind})
    return row


# Minutes, resolutions and the Progress Tracker ---------------------------------------------

@transaction.atomic
def minute_record(*, meeting: Meeting, title: str, actor, narrative: str = "",
                  agenda_item: AgendaItem | None = None) -> Minute:
    """The next number in the committee's municipal year (rules.municipal_year_of). The
    committee's row is locked so two clerks cannot take the same number."""
    Committee.objects.select_for_update().get(pk=meeting.committee_id)
    year = rules.municipal_year_of(meeting.held_on)
    in_year = Minute.objects.filter(committee_id=meeting.committee_id, municipal_year=year)
    rules.ensure_can_minute(
        held_on=meeting.held_on, today=clock.today(),
        later_meetings_minuted=in_year.filter(meeting__held_on__gt=meeting.held_on)
        .values_list("meeting__held_on", flat=True).distinct())
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError("Choose an item on this meeting's agenda", field="agenda_item")
    number = rules.next_minute_number(in_year.values_list("number", flat=True))
    minute = Minute.objects.create(
        meeting=meeting, committee_id=meeting.committee_id, municipal_year=year, number=number,
        title=title.strip(), agenda_item=agenda_item, narrative=narrative, recorded_by=actor,
        recorded_at=clock.now())
    Auditor(actor).record("MINUTE_RECORDED", minute, detail={
        "meeting": meeting.pk, "municipal_year": year, "number": number})
    return minute


@transaction.atomic
def resolution_record(*, minute: Minute, text: str, kind: str, actor, responsible: str = "",
                      owner=None, due_on: dt.date | None = None) -> Resolution:
    """A resolution; one that requests something of an officer raises its tracker action."""
    minute = Minute.objects.select_for_update().select_related("meeting").get(pk=minute.pk)
    if kind == ResolutionKind.REQUEST:
        if not responsible.strip():
            raise DomainError("Enter the responsible officer or area", field="responsible")
        _ensure_owner(owner)
        if due_on is None:
            raise DomainError("Enter the date a response is due", field="due_on")
        rules.ensure_due_on(raised_on=minute.meeting.held_on, due_on=due_on)
    number = rules.next_resolution_number(minute.resolutions.values_list("number", flat=True))
    resolution = Resolution.objects.create(minute=minute, number=number, text=text.strip(),
                                           kind=kind, recorded_at=clock.now())
    auditor = Auditor(actor)
    auditor.record("RESOLUTION_RECORDED", resolution, detail={
        "minute": minute.number, "number": number, "kind": kind})
    if kind == ResolutionKind.REQUEST:
        action = TrackerAction.objects.create(
            resolution=resolution, action=resolution.text, responsible=responsible.strip(),
            owner=owner, due_on=due_on, recorded_at=clock.now())
        TrackerUpdate.objects.create(action=action, kind=UpdateKind.RAISED,
                                     status=TrackerStatus.OPEN, on=minute.meeting.held_on,
                                     by=actor, recorded_at=clock.now())
        auditor.record("TRACKER_ACTION_RAISED", action, detail={
            "reference": rules.tracker_reference(minute.number, number),
            "owner": owner.pk, "due_on": str(due_on), "responsible": action.responsible})
    return resolution


@transaction.atomic
def tracker_action_update(*, action: TrackerAction, kind: str, status: str, on: dt.date,
                          note: str, actor, due_on: dt.date | None = None) -> TrackerAction:
    """An update, a chase or the close. The note becomes the tracker's Status/Notes."""
    action = (TrackerAction.objects.select_for_update()
              .select_related("resolution__minute__meeting").get(pk=action.pk))
    if kind == UpdateKind.CLOSED:
        status = TrackerStatus.CLOSED
    elif status == TrackerStatus.CLOSED:
        kind = UpdateKind.CLOSED
    rules.ensure_can_update(status=action.status, new_status=status, on=on,
                            raised_on=action.raised_on, today=clock.today(), note=note)
    before = {"status": action.status, "due_on": action.due_on}
    if due_on is not None and due_on != action.due_on:
        rules.ensure_due_on(raised_on=action.raised_on, due_on=due_on)
        action.due_on = due_on
    action.status = status
    if note.strip():
        action.notes = note.strip()
    if kind == UpdateKind.CHASED:
        action.last_chased_on = on
    action.closed_on = on if status == TrackerStatus.CLOSED else None
    action.save(update_fields=["status", "notes", "due_on", "last_chased_on", "closed_on"])
    TrackerUpdate.objects.create(action=action, kind=kind, status=status, on=on,
                                 note=note.strip(), by=actor, recorded_at=clock.now())
    Auditor(actor).record("TRACKER_ACTION_UPDATED", action, detail={
        "kind": kind, "on": str(on), "changes": changes_between(
            before, {"status": action.status, "due_on": action.due_on})})
    return action


def tracker_exported(*, actor, committee: Committee | None, rows: int, include_closed: bool
                     ) -> None:
    Auditor(actor).record("TRACKER_EXPORTED", committee, detail={
        "rows": rows, "include_closed": include_closed})


# The improvement plan ----------------------------------------------------------------------

@transaction.atomic
def improvement_plan_add(*, title: str, starts_on: dt.date, ends_on: dt.date,
                         actor) -> ImprovementPlan:
    rules.ensure_date_range(starts_on=starts_on, ends_on=ends_on)
    plan = ImprovementPlan.objects.create(title=title.strip(), starts_on=starts_on,
                                          ends_on=ends_on, recorded_at=clock.now())
    Auditor(actor).record("IMPROVEMENT_PLAN_ADDED", plan, detail={
        "title": plan.title, "starts_on": str(starts_on), "ends_on": str(ends_on)})
    return plan


@transaction.atomic
def priority_add(*, plan: ImprovementPlan, name: str, responsible: str, to_improve: str,
                 actor, inspectorate_said: str = "") -> Priority:
    ImprovementPlan.objects.select_for_update().get(pk=plan.pk)
    number = rules.next_minute_number(plan.priorities.values_list("number", flat=True))
    priority = Priority.objects.create(
        plan=plan, number=number, name=name.strip(), responsible=responsible.strip(),
        to_improve=to_improve, inspectorate_said=inspectorate_said, recorded_at=clock.now())
    Auditor(actor).record("IMPROVEMENT_PRIORITY_ADDED", priority, detail={
        "plan": plan.pk, "number": number, "name": priority.name})
    return priority


PRIORITY_FIELDS = ("name", "responsible", "to_improve", "inspectorate_said")


@transaction.atomic
def priority_change(*, priority: Priority, actor, **values) -> Priority:
    priority = Priority.objects.select_for_update().get(pk=priority.pk)
    before = {f: getattr(priority, f) for f in PRIORITY_FIELDS}
    for name in PRIORITY_FIELDS:
        if name in values:
            setattr(priority, name, values[name].strip())
    priority.save(update_fields=list(PRIORITY_FIELDS))
    Auditor(actor).record("IMPROVEMENT_PRIORITY_CHANGED", priority, detail={
        "changed": sorted(changes_between(before, {f: getattr(priority, f)
                                                   for f in PRIORITY_FIELDS}))})
    return priority


def _ensure_in_plan(plan: ImprovementPlan, due_on: dt.date) -> None:
    if due_on < plan.starts_on:
        raise DomainError(f"The plan starts on {rules.day(plan.starts_on)}: the action cannot "
                          "be due before it", field="due_on")


@transaction.atomic
def improvement_action_add(*, priority: Priority, focus: str, text: str, owner,
                           due_on: dt.date, actor,
                           status: str = ActionStatus.NOT_STARTED) -> ImprovementAction:
    _ensure_owner(owner)
    _ensure_in_plan(priority.plan, due_on)
    if status == ActionStatus.COMPLETE:
        raise DomainError("Add the action first, then record it complete with its evidence",
                          field="status")
    today = clock.today()
    action = ImprovementAction.objects.create(
        priority=priority, focus=focus, text=text.strip(), owner=owner, due_on=due_on,
        status=status, updated_on=today, recorded_at=clock.now())
    ActionStatusChange.objects.create(action=action, status=status, on=today, by=actor,
                                      note="Added to the plan", recorded_at=clock.now())
    Auditor(actor).record("IMPROVEMENT_ACTION_ADDED", action, detail={
        "priority": priority.pk, "focus": focus, "owner": owner.pk, "due_on": str(due_on),
        "status": status})
    return action


@transaction.atomic
def improvement_action_update(*, action: ImprovementAction, status: str, evidence: str,
                              note: str, actor, completed_on: dt.date | None = None,
                              due_on: dt.date | None = None, owner=None) -> ImprovementAction:
    action = (ImprovementAction.objects.select_for_update().select_related("priority__plan")
              .get(pk=action.pk))
    today = clock.today()
    rules.ensure_action_update(status=status, completed_on=completed_on, evidence=evidence,
                               today=today)
    before = {"status": action.status, "due_on": action.due_on, "owner": action.owner_id,
              "evidence": action.evidence}
    if due_on is not None:
        _ensure_in_plan(action.priority.plan, due_on)
        action.due_on = due_on
    if owner is not None:
        _ensure_owner(owner)
        action.owner = owner
    action.status, action.evidence, action.completed_on = status, evidence.strip(), completed_on
    action.updated_on = today
    action.save(update_fields=["status", "evidence", "completed_on", "due_on", "owner",
                               "updated_on"])
    if status != before["status"] or note.strip():
        ActionStatusChange.objects.create(action=action, status=status, on=today,
                                          note=note.strip(), by=actor, recorded_at=clock.now())
    changes = changes_between(before, {"status": action.status, "due_on": action.due_on,
                                       "owner": action.owner_id, "evidence": action.evidence},
                              exclude=["evidence"])
    Auditor(actor).record("IMPROVEMENT_ACTION_UPDATED", action, detail={
        "changes": changes, "evidence_changed": before["evidence"] != action.evidence})
    return action


@transaction.atomic
def measure_add(*, priority: Priority, description: str, indicator_code: str,
                steps: list[tuple[dt.date, Decimal]], actor) -> Measure:
    if indicator_code and indicator_code not in LIBRARY:
        raise DomainError("Choose one of Hearth's indicators, or none", field="indicator_code")
    if not steps:
        raise DomainError("Enter at least one dated target", field="steps")
    dates = [d for d, _v in steps]
    if len(set(dates)) != len(dates):
        raise DomainError("Give each target step its own date", field="steps")
    measure = Measure.objects.create(priority=priority, description=description.strip(),
                                     indicator_code=indicator_code, recorded_at=clock.now())
    TargetStep.objects.bulk_create([TargetStep(measure=measure, by_date=d, value=v)
                                    for d, v in steps])
    Auditor(actor).record("IMPROVEMENT_MEASURE_ADDED", measure, detail={
        "priority": priority.pk, "indicator": indicator_code,
        "steps": [[str(d), str(v)] for d, v in sorted(steps)]})
    return measure


def improvement_report_viewed(*, actor, plan: ImprovementPlan) -> None:
    Auditor(actor).record("IMPROVEMENT_REPORT_VIEWED", plan)


# Self-evaluation ---------------------------------------------------------------------------

def headline_figures(as_at: dt.date) -> dict[str, list[dict]]:
    """Each judgement area's headline figures on the date: every indicator in the library
    whose area falls under it, with its latest figure or 'no figure'."""
    found: dict[str, list[dict]] = {area: [] for area in JudgementArea.values}
    for indicator in sorted(LIBRARY.values(), key=lambda i: (i.area, i.code)):
        area = AREA_OF_INDICATOR_AREA.get(indicator.area, JudgementArea.LEADERS)
        found[area].append(figures.latest_figure(indicator.code, as_at).as_dict())
    return found


def headline_text(headlines: list[dict]) -> str:
    return "\n".join(f"{h['figure']} / {h['title']} ({h['code']}"
                     f"{', ' + h['period'] if h['period'] else ''})" for h in headlines)


@transaction.atomic
def self_evaluation_start(*, title: str, as_at: dt.date, actor) -> SelfEvaluation:
    if as_at > clock.today():
        raise DomainError("Choose today or an earlier date: figures exist only for periods "
                          "that have ended", field="as_at")
    now = clock.now()
    evaluation = SelfEvaluation.objects.create(title=title.strip(), as_at=as_at,
                                               started_by=actor, recorded_at=now, updated_at=now)
    computed = headline_figures(as_at)
    for area, headlines in computed.items():
        SelfEvaluationSection.objects.create(
            evaluation=evaluation, area=area, headlines=headlines,
            how_we_know=f"Headline figures as at {rules.day(as_at)}:\n"
                        f"{headline_text(headlines)}",
            updated_by=actor, updated_at=now)
    Auditor(actor).record("SELF_EVALUATION_STARTED", evaluation, detail={
        "as_at": str(as_at), "figures": sum(1 for hs in computed.values() for h in hs
                                            if h["figure"] != figures.NO_FIGURE)})
    return evaluation


@transaction.atomic
def self_evaluation_section_save(*, section: SelfEvaluationSection, what_we_know: str,
                                 how_we_know: str, what_next: str,
                                 actor) -> SelfEvaluationSection:
    section = SelfEvaluationSection.objects.select_for_update().get(pk=section.pk)
    before = {"what_we_know": section.what_we_know, "how_we_know": section.how_we_know,
              "what_next": section.what_next}
    section.what_we_know, section.how_we_know, section.what_next = (
        what_we_know, how_we_know, what_next)
    section.updated_by, section.updated_at = actor, clock.now()
    section.save()
    SelfEvaluation.objects.filter(pk=section.evaluation_id).update(updated_at=clock.now())
    Auditor(actor).record("SELF_EVALUATION_SAVED", section, detail={
        "evaluation": section.evaluation_id, "area": section.area,
        "changed": sorted(k for k, v in before.items() if getattr(section, k) != v)})
    return section


def self_evaluation_exported(*, actor, evaluation: SelfEvaluation) -> None:
    Auditor(actor).record("SELF_EVALUATION_EXPORTED", evaluation,
                          detail={"as_at": str(evaluation.as_at)})
