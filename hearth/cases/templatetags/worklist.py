"""The worklist's table rows, built in Python.

A worklist page shows 50 rows of six cells; through the template language that is some 1,500
node renders and 50 URL reversals, most of the page's time on a busy team. Here each row is one
format_html call (which escapes every value) and the child's link is reversed once.
"""

import uuid

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from hearth.cases.rules import TaskStatus

register = template.Library()

TAG_COLOUR = {TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange",
              TaskStatus.DUE_SOON: "yellow", TaskStatus.ON_TRACK: "green"}
_PLACEHOLDER = uuid.UUID(int=0)
_CELL = '<td class="govuk-table__cell">{}</td>'


@register.simple_tag
def worklist_rows(rows, scope: str) -> SafeString:
    """`rows` are (task, status) pairs; the worker and team cells as the scope shows them."""
    child_url = reverse("people:person", args=[_PLACEHOLDER])
    return format_html_join("\n", "{}", ((_row(task, status, scope, child_url),)
                                         for task, status in rows))


def _row(task, status: TaskStatus, scope: str, child_url: str) -> SafeString:
    child = task.child
    cells = [
        format_html(_CELL, format_html("{}{}", f"{task.due_on:%-d %b %Y}", format_html(
            '<br><span class="govuk-hint">by {}</span>', _local_time(task.due_at))
            if task.due_at else "")),
        format_html(_CELL, format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>',
                                       TAG_COLOUR[status], status.label)),
        format_html(_CELL, task.get_kind_display()),
        format_html(_CELL, format_html(
            '<a class="govuk-link" href="{}">{}, {}</a><br><span class="govuk-hint">{}</span>',
            child_url.replace(str(_PLACEHOLDER), str(child.uuid)), child.last_name.upper(),
            child.first_name, child.la_child_id)),
    ]
    if scope != "mine":
        cells.append(format_html(_CELL, task.assignee or task.worker or "Not allocated"))
    if scope == "service":
        cells.append(format_html(_CELL, task.team or ""))
    return format_html('<tr class="govuk-table__row">{}</tr>',
                       format_html_join("", "{}", ((cell,) for cell in cells)))


def _local_time(moment) -> str:
    return f"{timezone.localtime(moment):%H:%M}"


@register.filter
def status_colour(status: TaskStatus) -> str:
    return TAG_COLOUR[status]
