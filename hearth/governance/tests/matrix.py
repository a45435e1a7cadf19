"""URL parameters for the access matrix that walks every page (hearth/people/tests/
test_access_matrix.py): a meeting with a minute and a tracker action, an improvement plan with
a priority and an action, and a self-evaluation. Governance records name no child, so the same
records serve the ordinary and the restricted child (each call makes its own)."""

import datetime as dt

from hearth.core import clock
from hearth.governance import services


def records_for(child, personas) -> dict:
    today = clock.today()
    committee = services.committee_add(name=f"Matrix committee {child.pk}",
                                       actor=personas.bs_ben)
    meeting = services.meeting_record(committee=committee, held_on=today - dt.timedelta(
        days=14), venue="Committee Room 2", actor=personas.bs_ben)
    minute = services.minute_record(meeting=meeting, title="Progress Tracker",
                                    actor=personas.bs_ben)
    resolution = services.resolution_record(
        minute=minute, kind="request", text="That a report be provided.",
        responsible="Director of Children's Services", owner=personas.sm_sara,
        due_on=today, actor=personas.bs_ben)
    plan = services.improvement_plan_add(title="Matrix plan", starts_on=today - dt.timedelta(
        days=30), ends_on=today + dt.timedelta(days=300), actor=personas.sm_sara)
    priority = services.priority_add(plan=plan, name="Leadership", responsible="Director",
                                     to_improve="Oversight", actor=personas.sm_sara)
    action = services.improvement_action_add(
        priority=priority, focus="people", text="Recruit", owner=personas.tm_bob,
        due_on=today + dt.timedelta(days=60), actor=personas.sm_sara)
    evaluation = services.self_evaluation_start(title="Matrix self-evaluation", as_at=today,
                                                actor=personas.sm_sara)
    return {"meeting_id": meeting.pk, "minute_id": minute.pk,
            "tracker_action_id": resolution.tracker_action.pk,
            "improvement_plan_id": plan.pk, "priority_id": priority.pk,
            "improvement_action_id": action.pk, "self_evaluation_id": evaluation.pk}
