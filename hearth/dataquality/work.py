"""Open data-quality issues on the allocated worker's My work, through the cases work registry,
each due a few working days after it was found (rules.issue_due_on)."""

from django.urls import reverse

from hearth.cases.work_sources import OtherWork

MAX_ON_MY_WORK = 50


def data_quality_work(user, today) -> list[OtherWork]:
    if not user.has_perm("dataquality.view_team_issues"):
        return []
    from django.utils import timezone

    from hearth.dataquality import rules, selectors
    from hearth.workingdays.selectors import current_calendar

    calendar = current_calendar()
    items = []
    for issue in selectors.open_issues_for_worker(user)[:MAX_ON_MY_WORK]:
        found_on = timezone.localdate(issue.first_seen)
        try:
            due = rules.issue_due_on(found_on, calendar)
        except ValueError:
            due = found_on
        items.append(OtherWork(
            due_on=due, what=f"{issue.child.full_name}: {issue.rule_code} {_short(issue.message)}",
            url=reverse("dataquality:child_issues", args=[issue.child.uuid]),
            source=f"Data quality {issue.get_kind_display().lower()}"))
    return items


def _short(text: str, length: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"
