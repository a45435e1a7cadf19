"""Overdue Progress Tracker actions on their owner's My work, through the cases work
registry. (Improvement actions are followed up at the improvement board, not on My work.)"""

from django.urls import reverse

from hearth.cases.work_sources import OtherWork

MAX_ON_MY_WORK = 50


def tracker_work(user, today) -> list[OtherWork]:
    if not user.is_authenticated or not user.has_perm("governance.view_governance"):
        return []
    from hearth.governance import rules, selectors

    return [OtherWork(
        due_on=action.due_on,
        what=f"{action.resolution.minute.committee.name}: "
             f"{rules.tracker_reference(action.resolution.minute.number, action.resolution.number)}"
             f", response overdue",
        url=reverse("governance:tracker_action", args=[action.pk]), source="Progress Tracker")
        for action in selectors.overdue_for(user, today=today)[:MAX_ON_MY_WORK]]
