"""Helpers that record committee work and improvement plans with the real services (synthetic
names only)."""

import datetime as dt

from hearth.governance import services
from hearth.governance.codes import FocusArea, ResolutionKind

D = dt.date
COMMITTEE_NAME = "Children's Services Select Committee"


def committee(personas, name: str = COMMITTEE_NAME):
    return services.committee_add(name=name, actor=personas.bs_ben)


def meeting(personas, the_committee, held_on: dt.date, venue: str = "Committee Room 2"):
    return services.meeting_record(committee=the_committee, held_on=held_on, venue=venue,
                                   actor=personas.bs_ben)


def minute(personas, the_meeting, title: str = "Progress Tracker"):
    return services.minute_record(meeting=the_meeting, title=title, actor=personas.bs_ben)


def request(personas, the_minute, *, due_on: dt.date, owner=None,
            text: str = "That the Assistant Director be requested to report on DBS checks "
                        "for Members."):
    return services.resolution_record(
        minute=the_minute, text=text, kind=ResolutionKind.REQUEST,
        responsible="Assistant Director People and Inclusion", owner=owner or personas.sm_sara,
        due_on=due_on, actor=personas.bs_ben)


def plan(personas):
    return services.improvement_plan_add(title="Children and Young People's Plan",
                                         starts_on=D(2026, 1, 1), ends_on=D(2027, 1, 31),
                                         actor=personas.sm_sara)


def priority(personas, the_plan, name: str = "Multi-Agency Safeguarding Hub"):
    return services.priority_add(plan=the_plan, name=name,
                                 responsible="Head of Children and Families",
                                 to_improve="Contacts decided quickly and well.",
                                 inspectorate_said="Decision-making is too slow.",
                                 actor=personas.sm_sara)


def action(personas, the_priority, *, due_on: dt.date, status: str = "on_track", owner=None):
    return services.improvement_action_add(
        priority=the_priority, focus=FocusArea.PRACTICE, text="Daily MASH huddle",
        owner=owner or personas.tm_bob, due_on=due_on, status=status, actor=personas.sm_sara)
