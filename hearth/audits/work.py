"""Audit actions on their owner's My work, through the cases work registry: each open action
once it is overdue or due within the due-soon window (rules.action_on_my_work)."""

from django.urls import reverse

from hearth.cases.work_sources import OtherWork

MAX_ON_MY_WORK = 50


def audit_action_work(user, today) -> list[OtherWork]:
    if not user.has_perm("audits.complete_own_action"):
        return []
    from hearth.audits import selectors
    from hearth.workingdays.selectors import current_calendar

    actions = selectors.actions_for_my_work(user, today=today,
                                            calendar=current_calendar())[:MAX_ON_MY_WORK]
    return [OtherWork(due_on=action.due_on,
                      what=f"{action.audit}: {_short(action.description)}",
                      url=reverse("audits:finish_action", args=[action.pk]),
                      source="Audit action")
            for action in actions]


def _short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"
