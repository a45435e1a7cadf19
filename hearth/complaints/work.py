"""Complaint responses on the responding manager's (and the copied service manager's) My
work, through the cases work registry."""

from django.urls import reverse

from hearth.cases.work_sources import OtherWork

MAX_ON_MY_WORK = 50


def complaint_work(user, today) -> list[OtherWork]:
    if not user.has_perm("complaints.view_complaints"):
        return []
    from hearth.complaints import selectors
    from hearth.workingdays.selectors import current_calendar

    stages = selectors.work_list(selectors.WorkFilters(manager_id=user.pk), user=user,
                                 today=today, calendar=current_calendar())[:MAX_ON_MY_WORK]
    return [OtherWork(due_on=stage.response_due_on,
                      what=f"{stage.complaint}: {stage.get_stage_display()}, response due",
                      url=reverse("complaints:complaint", args=[stage.complaint_id]),
                      source="Complaint")
            for stage in stages]
