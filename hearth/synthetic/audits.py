"""Synthetic case file audits for the demo authority, through the audits services so every
grade, action, closed loop and audit event is real.

The shape follows the seeds: a monthly practice learning audit for each of the last three
months, sampling open cases across the case-holding teams, and one themed audit; managers and
service managers audit cases they do not hold; most grades good or requires improvement, with
planning the weakest area ("too much variation", plans "process led":
seeds/004_46ad6842801cbab3.txt lines 196, 413, 426); one or two actions for the worker or
manager from most audits, most done (a few late), some still open and some overdue, and older
audits with their loop closed. Deep dives: three or four services a quarter over the last year,
with one service left for the next quarter (seeds/001_e8ea781e93d1811d.txt line 804).
"""

import datetime as dt
import random
from dataclasses import dataclass

from hearth.accounts.models import Team
from hearth.accounts.roles import Role
from hearth.audits import services as audits
from hearth.audits.codes import AuditStatus, Grade, ProgrammeKind, ProgrammeStatus
from hearth.audits.models import AuditAction
from hearth.audits.selectors import current_tool_version
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.workingdays.rules import add_months
from hearth.workingdays.selectors import current_calendar

# Weights for a question's grade, by section: planning the weakest (the seeds' P13).
SECTION_GRADES = {
    "Planning": {Grade.OUTSTANDING: 3, Grade.GOOD: 35, Grade.REQUIRES_IMPROVEMENT: 47,
                 Grade.INADEQUATE: 15},
    "Management oversight": {Grade.OUTSTANDING: 5, Grade.GOOD: 45,
                             Grade.REQUIRES_IMPROVEMENT: 40, Grade.INADEQUATE: 10},
}
DEFAULT_GRADES = {Grade.OUTSTANDING: 8, Grade.GOOD: 55, Grade.REQUIRES_IMPROVEMENT: 30,
                  Grade.INADEQUATE: 7}
COMMENTS = {
    Grade.OUTSTANDING: "Exemplary: the child's experience is vivid and drives the work.",
    Grade.GOOD: "Clear and up to date; the reasons for decisions are recorded.",
    Grade.REQUIRES_IMPROVEMENT: "Present but thin: the analysis does not say what it means "
                                "for the child.",
    Grade.INADEQUATE: "Missing or out of date; no evidence this was considered.",
}
FINDINGS = (
    "Strong relationship with the child; the plan needs measurable outcomes and timescales.",
    "Good direct work and the child's voice is clear; supervision records lack actions.",
    "Assessment is thorough; the plan has not been updated since the last review.",
    "Drift between visits; management oversight is not evident in the last three months.",
)
ACTIONS = (
    "Rewrite the plan with SMART outcomes and share it with the family",
    "Record the child's wishes and feelings in their own words after the next visit",
    "Record case supervision with clear actions and timescales",
    "Update the chronology and the assessment's analysis of risk",
    "Hold a planning meeting with partner agencies and record the decisions",
)
DONE_EVIDENCE = "Done: see the case note and the updated plan on the child's record."
DEEP_DIVE_FINDINGS = (
    "Good progress against the Practice Framework; participation of young people is strong.",
    "Restorative practice is embedded; plans still vary in quality between teams.",
    "Direct work with children is creative; the service's recording of family views needs work.",
)


@dataclass
class AuditsResult:
    programmes: int = 0
    audits: int = 0
    actions: int = 0
    deep_dives: int = 0


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _month_start(day: dt.date, back: int) -> dt.date:
    return add_months(day.replace(day=1), -back)


def build_audits(authority, rng: random.Random) -> AuditsResult:
    """Three monthly audits and a themed one, about one child in 12 audited (at least 6), and
    a year of deep dives."""
    today, calendar = clock.today(), current_calendar()
    org = authority.organisation
    version = current_tool_version()
    result = AuditsResult()
    auditors = [u for u in org.staff if u.role in (Role.TEAM_MANAGER, Role.SERVICE_MANAGER,
                                                   Role.SENIOR_PRACTITIONER)]
    planner = next((u for u in org.staff if u.role == Role.SERVICE_MANAGER), None)
    children = [c for c in authority.open_children if not c.is_restricted]
    if version is None or not auditors or planner is None or not children:
        return result
    teams = org.case_teams()
    programmes = []
    for back in (3, 2, 1):
        starts = _month_start(today, back)
        ends = add_months(starts, 1) - dt.timedelta(days=1)
        programmes.append(audits.programme_create(
            kind=ProgrammeKind.MONTHLY, title=f"Practice learning audit: {starts:%B %Y}",
            theme="", starts_on=starts, ends_on=ends, services=[], teams=teams,
            tool_version=version, actor=planner, status=ProgrammeStatus.IN_PROGRESS))
    themed_start = _month_start(today, 2)
    programmes.append(audits.programme_create(
        kind=ProgrammeKind.THEMED, title="Themed audit: SMART plans", theme="SMART plans",
        starts_on=themed_start, ends_on=add_months(themed_start, 3) - dt.timedelta(days=1),
        services=[Team.Service.SAFEGUARDING], teams=[], tool_version=version, actor=planner,
        status=ProgrammeStatus.IN_PROGRESS))
    result.programmes = len(programmes)
    total = max(6, len(children) // 12)
    sample = rng.sample(children, min(total, len(children)))
    for number, child in enumerate(sample):
        programme = programmes[number % len(programmes)]
        # Audit on a working day in the programme's period, never after today.
        last = min(programme.ends_on, today)
        span = max(0, (last - programme.starts_on).days)
        on = calendar.working_day_on_or_after(programme.starts_on + dt.timedelta(
            days=rng.randint(0, span)))
        if on > last:
            on = programme.starts_on
        if _audit(rng, calendar, programme=programme, child=child, on=on, today=today,
                  auditors=auditors, result=result):
            result.audits += 1
    for programme in programmes[:2]:  # the two earlier months are finished
        audits.programme_change(
            programme=programme, actor=planner, teams=list(programme.teams.all()),
            kind=programme.kind, title=programme.title, theme=programme.theme,
            starts_on=programme.starts_on, ends_on=programme.ends_on,
            services=programme.services, tool_version=programme.tool_version,
            status=ProgrammeStatus.COMPLETE)
    result.deep_dives = _deep_dives(rng, today=today, lead=planner)
    return result


def _audit(rng, calendar, *, programme, child, on, today, auditors, result) -> bool:
    try:
        worker = audits.allocation_on(child, on)
        worker_id = getattr(getattr(worker, "worker", None), "pk", None)
        auditor = rng.choice([a for a in auditors if a.pk != worker_id] or auditors)
        audit = audits.audit_start(programme=programme, child=child, audited_on=on,
                                   actor=auditor)
    except DomainError:
        return False
    recent = (today - on).days < 7
    if recent and rng.random() < 0.5:
        return True  # still being graded
    answers = {}
    for answer in audit.answers.select_related("question__section"):
        grade = _pick(rng, SECTION_GRADES.get(answer.question.section.title, DEFAULT_GRADES))
        answers[answer.question_id] = (grade, COMMENTS[grade] if rng.random() < 0.6 else "")
    grades = [g for g, _c in answers.values()]
    weak = sum(g in (Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE) for g in grades)
    overall = (Grade.INADEQUATE if weak > len(grades) * 0.6 else
               Grade.REQUIRES_IMPROVEMENT if weak > len(grades) * 0.3 else Grade.GOOD)
    completed = min(today, calendar.add_working_days(on, rng.randint(0, 3)))
    audit = audits.audit_record(
        audit=audit, answers=answers, overall_grade=overall, findings=rng.choice(FINDINGS),
        child_family_views="The child said they like their worker." if rng.random() < 0.4
        else "", worker_took_part=rng.random() < 0.8, manager_took_part=rng.random() < 0.6,
        complete=True, completed_on=completed, actor=audit.auditor)
    owners = [p for p in (audit.worker, audit.manager) if p is not None]
    if not owners:
        return True
    actions = []
    for _ in range(0 if overall == Grade.GOOD and rng.random() < 0.5 else rng.randint(1, 2)):
        due = calendar.add_working_days(completed, rng.choice((10, 15, 20)))
        actions.append(audits.action_add(audit=audit, description=rng.choice(ACTIONS),
                                         owner=rng.choice(owners), due_on=due,
                                         actor=audit.auditor))
        result.actions += 1
    for action in actions:
        _follow_up(rng, calendar, action=action, today=today, completed=completed)
    open_left = AuditAction.objects.filter(audit=audit, status="open").exists()
    if not open_left and audit.status == AuditStatus.COMPLETED and rng.random() < 0.8:
        done = [a.done_on for a in AuditAction.objects.filter(audit=audit) if a.done_on]
        audits.audit_close(audit=audit, actor=audit.auditor,
                           closed_on=min(today, max([completed, *done])))
    return True


def _follow_up(rng, calendar, *, action, today, completed) -> None:
    """Most actions done (a fifth of them late), a few cancelled, the rest still open."""
    roll = rng.random()
    if roll < 0.05:
        audits.action_cancel(action=action, reason="The child's case closed before it was due",
                             actor=action.recorded_by)
        return
    late = roll > 0.8
    done_on = calendar.add_working_days(action.due_on, rng.randint(1, 8)) if late else \
        calendar.add_working_days(completed, rng.randint(1, max(1, calendar.working_days_between(
            completed, action.due_on))))
    if done_on > today or rng.random() < 0.1:
        return  # still open (overdue if its date has passed)
    audits.action_done(action=action, done_on=done_on, evidence=DONE_EVIDENCE, actor=action.owner)


def _deep_dives(rng, *, today, lead) -> int:
    """Three or four services a quarter, oldest first, for the last four quarters: the whole
    service in a year, less the last one or two (due this quarter)."""
    from hearth.audits.selectors import services_to_cover

    services = [code for code, _label in services_to_cover()]
    if not services:
        return 0
    rng.shuffle(services)
    count = 0
    for index, service in enumerate(services[:-1] if len(services) > 1 else services):
        quarter_back = 4 - min(3, index // 3)
        held = add_months(today, -3 * quarter_back + 1) + dt.timedelta(days=rng.randint(0, 40))
        audits.deep_dive_record(service=service, held_on=min(held, today), lead=lead,
                                findings=rng.choice(DEEP_DIVE_FINDINGS), actor=lead)
        count += 1
    return count
