"""Synthetic committee work and an improvement plan for the demo authority, recorded through
the governance services so minute numbers, tracker actions, RAG and audit events are real.

The shape follows the seeds: a children's services committee meeting every two months or so,
with the standard opening minutes (apologies, substitutes, declarations of interest, the
previous minutes, the public forum, the Progress Tracker) and a report or two, each with
resolutions; requests to officers become tracker actions, one of them carried for months
(seeds/001_e8ea781e93d1811d.txt lines 97-286). The improvement plan has the seeds' nine
priority areas (seeds/000_4c00c84da207e536.txt lines 2928-2968) with invented wording, two
actions each and a few measures with target profiles on Hearth's indicators. Councillors'
names are invented (hearth.synthetic.names); officers are the authority's own staff.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from hearth.accounts.roles import Role
from hearth.core import clock
from hearth.governance import services
from hearth.governance.codes import ActionStatus, FocusArea, ResolutionKind, UpdateKind
from hearth.synthetic import names
from hearth.workingdays.selectors import current_calendar

COMMITTEE = "Children's Services Select Committee"
VENUE = "Committee Room 2, The Council House"
MEETINGS = 4
DAYS_BETWEEN_MEETINGS = 60
REPORTS = (
    ("Corporate Quarterly Performance Report", "Director of Children's Services"),
    ("Annual Report for Complaints, Comments and Compliments", "Head of Quality Assurance"),
    ("Fostering Service Annual Report", "Head of Children in Care"),
    ("Care Leavers' Local Offer", "Service Manager, Care Leavers"),
    ("Improvement Plan progress report", "Service Director, Children's Social Care"),
)
REQUESTS = (
    ("Assistant Director People and Inclusion",
     "That the Assistant Director People and Inclusion be requested to determine the position "
     "in relation to DBS checks for Members and details of the criteria required."),
    ("Director of Children's Services",
     "That the Director of Children's Services be requested to provide a breakdown of "
     "referrals into the front door by source."),
    ("Head of Children in Care",
     "That the Head of Children in Care be requested to circulate figures on care leavers in "
     "education, employment or training, by sex."),
    ("Service Director, Children's Social Care",
     "That the Service Director be requested to report to a future meeting on agency social "
     "worker numbers."),
)
# (priority, responsible role, what to improve, what the inspectorate said): the seeds' nine
# areas, in words written for the demo.
PRIORITIES = (
    ("Leadership", "Director of Children's Services",
     "Stable leadership with a clear line of sight of practice.",
     "Leaders did not have an accurate understanding of the quality of practice."),
    ("Multi-Agency Safeguarding Hub", "Head of Children and Families",
     "Contacts decided within a working day, with the right threshold.",
     "Contacts were not responded to quickly enough and decisions were too slow."),
    ("Quality of Assessment and Plans", "Head of Children and Families",
     "Analytical assessments and plans that are specific and time-bound.",
     "Assessments were overly descriptive; plans lacked child-focused actions."),
    ("Pre-Proceedings – Public Law Outline", "Head of Children and Families",
     "Timely legal planning for children whose circumstances do not improve.",
     "Children were not considered at the legal gateway panel soon enough."),
    ("Permanency", "Head of Children in Care and Placement Resources",
     "Permanence planned early and tracked.",
     "Permanence tracking systems were underdeveloped."),
    ("Education at Key Stage 4 (Children in Care)", "Head of Virtual School",
     "Better outcomes at key stage 4 for children in care.",
     "There was no clear strategy to improve key stage 4 outcomes."),
    ("Case Transition", "Head of Children and Families",
     "No delay when a child's case moves between teams.",
     "Transfers between workers caused further delay."),
    ("Non-familial abuse and Exploitation", "Head of Children and Families",
     "A joined-up response to children at risk of exploitation.",
     "Children at risk of exploitation were not always supported well enough."),
    ("Supervision, Quality Assurance and Management Oversight",
     "Head of Safeguarding, Practice and QA",
     "Regular reflective supervision and oversight that improves practice.",
     "Management oversight did not always make a difference to children."),
)
ACTIONS = {
    FocusArea.PEOPLE: "Recruit and induct permanent staff for the service",
    FocusArea.PRACTICE: "Monthly dip audits with learning fed back to teams",
    FocusArea.PARTNERS: "Agree shared standards with partners at the safeguarding partnership",
}
# priority number -> (indicator, description, stepped targets)
MEASURES = {
    2: ("H-FD-01", "Contacts decided within one working day", (80, 90, 95)),
    3: ("H-AS-01", "New assessments authorised within 45 working days", (75, 80, 85)),
    9: ("H-WF-06", "Case supervision within its frequency", (85, 90, 95)),
}


@dataclass
class GovernanceResult:
    meetings: int = 0
    minutes: int = 0
    tracker_actions: int = 0
    improvement_actions: int = 0


def _councillor(rng: random.Random) -> str:
    initial = names.given_name(rng, rng.choice("FM"), "british")[0]
    return f"Councillor {initial} {names.surname(rng, 'british')}"


def build_governance(authority, rng: random.Random) -> GovernanceResult:
    org = authority.organisation
    clerk = next((u for u in org.staff if u.role == Role.BUSINESS_SUPPORT), None)
    leads = [u for u in org.staff if u.role == Role.SERVICE_MANAGER]
    managers = [u for u in org.staff if u.role == Role.TEAM_MANAGER]
    if clerk is None or not leads:
        return GovernanceResult()
    result = GovernanceResult()
    _committee(authority, rng, clerk=clerk, owners=leads + managers, result=result)
    _plan(rng, lead=leads[0], owners=leads + managers, result=result)
    return result


def _committee(authority, rng, *, clerk, owners, result) -> None:
    today, calendar = clock.today(), current_calendar()
    committee = services.committee_add(name=COMMITTEE, actor=clerk)
    members = [_councillor(rng) for _ in range(8)]
    actions = []
    for number in range(MEETINGS):
        back = DAYS_BETWEEN_MEETINGS * (MEETINGS - number) - rng.randint(0, 10)
        held_on = calendar.working_day_on_or_after(today - dt.timedelta(days=back))
        if held_on >= today:
            continue
        actions.append(_meeting(rng, committee, held_on, number, members=members,
                                officers=owners[:3], owners=owners, clerk=clerk,
                                result=result))
    _follow_up(rng, actions, clerk=clerk)


def _meeting(rng, committee, held_on, number, *, members, officers, owners, clerk, result):
    """One meeting with its attendance, declarations, minutes and resolutions; its tracker
    action."""
    calendar = current_calendar()
    meeting = services.meeting_record(
        committee=committee, held_on=held_on, venue=VENUE, starts_at=dt.time(18, 0),
        ended_at=dt.time(19, rng.choice((5, 15, 30, 45))),
        public_attending=rng.choice((0, 0, 1, 2)), actor=clerk)
    result.meetings += 1
    present = rng.sample(members, 6)
    for index, name in enumerate(present):
        services.attendance_record(meeting=meeting, kind="member", name=name, actor=clerk,
                                   position=("Chair", "Vice-Chair")[index] if index < 2 else "")
    for name in [m for m in members if m not in present][:2]:
        services.attendance_record(meeting=meeting, kind="apology", name=name, actor=clerk)
    for officer in officers:
        services.attendance_record(meeting=meeting, kind="officer", name=officer.get_full_name(),
                                   position=officer.get_role_display(), actor=clerk)
    if rng.random() < 0.6:
        services.interest_declare(
            meeting=meeting, member_name=rng.choice(present),
            kind=rng.choice(("pecuniary", "non_pecuniary")), actor=clerk,
            reason=rng.choice(("Engaged as a foster carer for the council",
                               "A member of the Virtual School's management board")))
    for title in ("Apologies for Absence", "Appointment of Substitute Members",
                  "Declarations of Interest", "Minutes", "Public Forum"):
        services.minute_record(meeting=meeting, title=title, actor=clerk)
    tracker = services.minute_record(
        meeting=meeting, title=f"{COMMITTEE} Progress Tracker", actor=clerk,
        narrative="The Democratic Services Officer referred to the progress tracker detailing "
                  "the recommendations and actions from the previous meeting.")
    services.resolution_record(minute=tracker, kind=ResolutionKind.NOTED, actor=clerk,
                               text="That the information contained in the Progress Tracker, "
                                    "be noted.")
    title, author = REPORTS[number % len(REPORTS)]
    item = services.agenda_item_add(
        meeting=meeting, title=title, report_author=author, actor=clerk,
        report_text="Purpose of report; recommendations; background; finance; law; risk "
                    "management; equality impact.")
    report = services.minute_record(
        meeting=meeting, title=title, agenda_item=item, actor=clerk,
        narrative=f"The {author} presented the report. Arising from the presentation, Members "
                  "asked questions and responses were provided.")
    result.minutes += 7
    services.resolution_record(minute=report, kind=ResolutionKind.NOTED, actor=clerk,
                               text="That the report be noted.")
    responsible, text = REQUESTS[number % len(REQUESTS)]
    resolution = services.resolution_record(
        minute=report, kind=ResolutionKind.REQUEST, text=text, responsible=responsible,
        owner=rng.choice(owners), due_on=calendar.add_working_days(held_on, rng.randint(20, 35)),
        actor=clerk)
    result.tracker_actions += 1
    return resolution.tracker_action


def _follow_up(rng, actions, *, clerk) -> None:
    """The first action is carried, chased and still open (as the seed's DBS checks were);
    later ones past their date are chased and answered; the rest are still within time."""
    today, calendar = clock.today(), current_calendar()
    for index, action in enumerate(actions):
        if action.due_on >= today:
            continue
        chased = calendar.add_working_days(action.due_on, 1)
        if chased <= today:
            action = services.tracker_action_update(
                action=action, kind=UpdateKind.CHASED, status="awaiting", on=chased,
                note="A response had not been received: the officer was contacted again.",
                actor=clerk)
        if index > 0:
            closed = min(today, calendar.add_working_days(chased, rng.randint(1, 10)))
            services.tracker_action_update(
                action=action, kind=UpdateKind.CLOSED, status="closed", on=closed,
                note="Briefing note circulated to Members.", actor=clerk)


def _plan(rng, *, lead, owners, result) -> None:
    today, calendar = clock.today(), current_calendar()
    starts = today - dt.timedelta(days=240)
    plan = services.improvement_plan_add(
        title="Children and Young People's Improvement Plan", starts_on=starts,
        ends_on=starts + dt.timedelta(days=548), actor=lead)
    for name, responsible, to_improve, said in PRIORITIES:
        priority = services.priority_add(plan=plan, name=name, responsible=responsible,
                                         to_improve=to_improve, inspectorate_said=said,
                                         actor=lead)
        for focus in rng.sample(list(ACTIONS), 2):
            due_on = calendar.working_day_on_or_after(
                starts + dt.timedelta(days=rng.randint(60, 480)))
            status = rng.choice((ActionStatus.NOT_STARTED, ActionStatus.ON_TRACK,
                                 ActionStatus.ON_TRACK, ActionStatus.AT_RISK,
                                 ActionStatus.OFF_TRACK))
            action = services.improvement_action_add(
                priority=priority, focus=focus, text=ACTIONS[focus], owner=rng.choice(owners),
                due_on=due_on, status=status, actor=lead)
            result.improvement_actions += 1
            if due_on < today and rng.random() < 0.6:
                services.improvement_action_update(
                    action=action, status=ActionStatus.COMPLETE, completed_on=min(today, due_on),
                    evidence="Audit findings and the monthly figures show the change.",
                    note="Signed off at the improvement board", actor=lead)
        if priority.number in MEASURES:
            code, description, values = MEASURES[priority.number]
            services.measure_add(
                priority=priority, description=description, indicator_code=code,
                steps=[(starts + dt.timedelta(days=90 * (n + 1)), Decimal(v))
                       for n, v in enumerate(values)], actor=lead)
