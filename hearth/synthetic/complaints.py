"""Synthetic complaints, compliments and comments for the demo authority, recorded through the
complaints services so every deadline, extension and audit event is real.

The shape follows the seeds: about 4 in 10 stage 1 responses late, each with the manager's
reason (seeds/000_4c00c84da207e536.txt lines 366-372; seeds/003_e1469a924c65b786.txt line
145); communication the largest theme, then staff behaviour (seeds/001_e8ea781e93d1811d.txt
lines 780-818); some stage 1 responses extended, a few complaints going on to stage 2 and 3; a
learning form with most upheld responses; most reasons for lateness checked by the complaints
team, a few sent back; recent complaints still waiting, some overdue.
"""

import datetime as dt
import random
from dataclasses import dataclass

from hearth.accounts.roles import Role
from hearth.complaints import rules
from hearth.complaints import services as complaints
from hearth.complaints.codes import FeedbackKind, Outcome, Relationship, Theme
from hearth.core import clock
from hearth.synthetic import names
from hearth.workingdays.selectors import current_calendar

DAYS_BACK = 420  # the last financial year and this one so far
THEME_WEIGHTS = {Theme.COMMUNICATION: 19, Theme.STAFF_BEHAVIOUR: 13, Theme.ASSESSMENT: 7,
                 Theme.DELAY: 6, Theme.DECISION: 6, Theme.FAMILY_TIME: 5, Theme.WORKER_CHANGE: 4,
                 Theme.RECORDS: 4, Theme.PLACEMENT: 3, Theme.FINANCE: 2, Theme.SERVICE: 2,
                 Theme.OTHER: 1}
RELATIONSHIPS = {Relationship.PARENT: 60, Relationship.CHILD: 10, Relationship.CARER: 12,
                 Relationship.ADVOCATE: 10, Relationship.OTHER: 8}
OUTCOMES = {Outcome.NOT_UPHELD: 45, Outcome.PARTLY_UPHELD: 30, Outcome.UPHELD: 20,
            Outcome.WITHDRAWN: 5}
SUMMARIES = {
    Theme.COMMUNICATION: "Not told the social worker was off sick, and calls were not returned.",
    Theme.STAFF_BEHAVIOUR: "The worker was dismissive at the home visit and did not listen.",
    Theme.ASSESSMENT: "The assessment has facts wrong about the family and was not shared.",
    Theme.DELAY: "Asked for help three months ago and nothing has happened.",
    Theme.DECISION: "Disagrees with the decision to end family time at the weekend.",
    Theme.FAMILY_TIME: "Family time keeps being cancelled at short notice.",
    Theme.WORKER_CHANGE: "Four social workers in a year, and no one told the family why.",
    Theme.RECORDS: "The conference minutes arrived late and were inaccurate.",
    Theme.PLACEMENT: "The placement is too far from school and friends.",
    Theme.FINANCE: "The allowance was paid late two months running.",
    Theme.SERVICE: "The support promised in the plan was never arranged.",
    Theme.OTHER: "Unhappy with how a request for records was handled.",
}
LATE_REASONS = (
    "The responding manager was on leave and cover was not arranged in time.",
    "Information was needed from the school and health visitor and arrived late.",
    "The complaint covered three teams and the response had to be agreed between them.",
    "The worker involved was off sick, so the account of events took longer to get.",
    "The response was drafted in time but waited for sign-off by the head of service.",
)
LEARNING = (
    ("Tell families promptly when their worker is away and who to contact instead.",
     "Out-of-office guidance shared at the team meeting"),
    ("Share assessments with the family before the meeting, not at it.",
     "Practice guidance reminder in supervision"),
    ("Check minutes for accuracy and send them within the timescale.",
     "Minute-taking audit next quarter"),
    ("Explain decisions about family time in writing as well as in person.",
     "Letter template agreed with the family time service"),
)
COMPLIMENTS = (
    "Thank you for listening and for sticking with us through a hard year.",
    "The social worker explained everything clearly and always called back.",
    "Our young person says their worker is the first one who really understood them.",
)
COMMENTS = (
    "It would help to have letters by email as well as by post.",
    "Meetings after school would mean we do not have to take time off work.",
)


@dataclass
class ComplaintsResult:
    complaints: int = 0
    feedback: int = 0


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def build_complaints(authority, rng: random.Random) -> ComplaintsResult:
    """About one complaint a year for every 12 open children (at least 6), over the last 14
    months, and half as many compliments and comments."""
    today, calendar = clock.today(), current_calendar()
    org = authority.organisation
    teams = [t for t in org.case_teams() if t.pk in org.managers]
    officers = [u for u in org.staff if u.role == Role.BUSINESS_SUPPORT]
    children = [c for c in authority.open_children if not c.is_restricted]
    if not teams or not officers or not children:
        return ComplaintsResult()
    result = ComplaintsResult()
    total = max(6, len(children) * DAYS_BACK // 365 // 12)
    for number in range(total):
        # A tenth (at least two) arrived in the last three weeks: the work list has responses
        # due soon and some just overdue.
        back = rng.randint(0, 21) if number < max(2, total // 10) else rng.randint(0, DAYS_BACK)
        received = calendar.working_day_on_or_after(today - dt.timedelta(days=back))
        if received > today:
            received = today
        child = rng.choice(children)
        team = _team_of(child, teams, rng)
        _complaint(rng, calendar, today=today, received=received, child=child, team=team,
                   manager=org.managers[team.pk], service_manager=org.service_managers.get(
                       team.pk), officer=rng.choice(officers))
        result.complaints += 1
    for _ in range(max(3, result.complaints // 2)):
        child = rng.choice(children)
        kind = FeedbackKind.COMPLIMENT if rng.random() < 0.7 else FeedbackKind.COMMENT
        complaints.feedback_record(
            kind=kind, received_on=today - dt.timedelta(days=rng.randint(0, DAYS_BACK)),
            from_name=_adult_name(rng), from_relationship=_pick(rng, RELATIONSHIPS),
            team=_team_of(child, teams, rng),
            summary=rng.choice(COMPLIMENTS if kind == FeedbackKind.COMPLIMENT else COMMENTS),
            children=[child] if rng.random() < 0.6 else [], actor=rng.choice(officers))
        result.feedback += 1
    return result


def _team_of(child, teams, rng):
    allocation = child.allocations.filter(end_date__isnull=True).first()
    by_pk = {t.pk: t for t in teams}
    return by_pk.get(getattr(allocation, "team_id", None)) or rng.choice(teams)


def _adult_name(rng: random.Random) -> str:
    sex = rng.choice("FM")
    return f"{names.given_name(rng, sex, 'british')} {names.surname(rng, 'british')}"


def _complaint(rng, calendar, *, today, received, child, team, manager, service_manager,
               officer) -> None:
    relationship = _pick(rng, RELATIONSHIPS)
    name = (child.full_name if relationship == Relationship.CHILD
            else f"{names.given_name(rng, rng.choice('FM'), 'british')} {child.last_name}"
            if relationship == Relationship.PARENT else _adult_name(rng))
    themes = sorted({_pick(rng, THEME_WEIGHTS) for _ in range(rng.choice((1, 1, 2)))})
    complaint = complaints.complaint_record(
        received_on=received, complainant_name=name, complainant_relationship=relationship,
        children=[child] if relationship != Relationship.OTHER or rng.random() < 0.5 else [],
        summary=SUMMARIES[themes[0]], themes=themes, team=team, responding_manager=manager,
        service_manager=service_manager, receiving_officer=officer, actor=officer)
    stage = complaint.stages.get()
    while stage is not None:
        stage = _answer(rng, calendar, today=today, complaint=complaint, stage=stage,
                        officer=officer)


def _answer(rng, calendar, *, today, complaint, stage, officer):
    """Extends, answers and perhaps escalates one stage; the next stage, if there is one."""
    manager = complaint.responding_manager
    if rules.can_extend(stage.stage) and rng.random() < 0.12:
        agreed = calendar.add_working_days(stage.requested_on, rng.randint(2, 8))
        if agreed <= today:
            stage = complaints.complaint_stage_extend(
                stage=stage, agreed_on=agreed, reason="The complaint is complex and the "
                "complainant agreed more time", actor=officer,
                new_due_on=rules.latest_due_on(stage=stage.stage, requested_on=stage.requested_on,
                                               calendar=calendar))
    late = rng.random() < 0.41
    days = (rng.randint(1, 15) if late else
            -rng.randint(0, max(0, calendar.working_days_between(stage.requested_on,
                                                                 stage.response_due_on) - 2)))
    responded = calendar.add_working_days(stage.response_due_on, days)
    if responded > today or (stage.response_due_on < today and rng.random() < 0.05):
        return None  # still waiting (a few left overdue)
    outcome = _pick(rng, OUTCOMES)
    stage = complaints.complaint_stage_respond(
        stage=stage, responded_on=responded, outcome=outcome,
        response_summary="The manager met the family, looked into each point and wrote back.",
        lateness_reason=rng.choice(LATE_REASONS), actor=manager)
    if stage.lateness_reason and rng.random() < 0.6:  # most reasons checked; a few sent back
        accepted = rng.random() < 0.85
        complaints.lateness_reason_check(
            stage=stage, accepted=accepted, actor=officer,
            note="" if accepted else "Say what held the response up and who was covering.")
    if outcome in (Outcome.UPHELD, Outcome.PARTLY_UPHELD) and rng.random() < 0.7:
        learning, action = rng.choice(LEARNING)
        complaints.learning_record(stage=stage, learning=learning, action=action,
                                   action_due_on=responded + dt.timedelta(days=42), actor=manager)
    following = rules.next_stage(stage.stage)
    if following is None or outcome == Outcome.WITHDRAWN or rng.random() > 0.12:
        return None
    requested = calendar.add_working_days(responded, rng.randint(3, 15))
    if requested > today:
        return None
    return complaints.complaint_escalate(complaint=complaint, requested_on=requested,
                                         responding_manager=manager, actor=officer)
