"""The front door's tags: the MASH queue's rows built in Python, and the RAG and clock tags.

Through the template language each of the 50 rows took two includes, a URL reversal and a
dozen filters, most of the queue's time on a busy front door. Here each row is one format_html
call (which escapes every value) and the contact link is reversed once, as the worklist's rows
are (hearth/cases/templatetags/worklist.py).
"""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from hearth.frontdoor.codes import Rag
from hearth.frontdoor.rules import ClockStatus

register = template.Library()

CLOCK_COLOUR = {ClockStatus.OVERDUE: "red", ClockStatus.DUE_TODAY: "orange"}
# Keyed by the stored value: a TextChoices member hashes by its name, not its value.
RAG_TAG = {Rag.RED.value: ("red", "Red"), Rag.AMBER.value: ("orange", "Amber"),
           Rag.GREEN.value: ("green", "Green")}
NOT_RATED = ("grey", "Not rated")
_CHILD, _CONTACT = "00000000-0000-0000-0000-000000000000", 987654321
_CELL = '<td class="govuk-table__cell">{}</td>'


@register.simple_tag
def mash_queue_rows(rows) -> SafeString:
    """`rows` are (contact, decision clock) pairs, most urgent first."""
    contact_url = reverse("frontdoor:contact", args=[_CHILD, _CONTACT])
    return format_html_join("\n", "{}", ((_row(contact, clock, contact_url),)
                                         for contact, clock in rows))


def _row(contact, clock, contact_url: str) -> SafeString:
    child = contact.child
    received = timezone.localtime(contact.received_at)
    # The contact first: a child's UUID could happen to contain the contact placeholder's digits.
    url = contact_url.replace(str(_CONTACT), str(contact.pk)).replace(_CHILD, str(child.uuid))
    source = format_html("{}{}", contact.get_source_display(), format_html(
        '<br><span class="govuk-hint">{}</span>', contact.source_detail)
        if contact.source_detail else "")
    cells = (
        format_html('{}<br><span class="govuk-hint">due {}</span>', clock_tag(clock),
                    f"{contact.decision_due_on:%a %-d %b}"),
        rag_tag(contact.rag),
        format_html('<a class="govuk-link" href="{}">{}, {}</a><br>'
                    '<span class="govuk-hint">{}</span>', url, child.last_name.upper(),
                    child.first_name, child.la_child_id or ""),
        f"{received:%-d %b %Y %H:%M}",
        source,
    )
    return format_html('<tr class="govuk-table__row">{}</tr>',
                       format_html_join("", _CELL, ((cell,) for cell in cells)))


@register.simple_tag
def clock_tag(clock) -> SafeString:
    """A decision clock as a coloured tag: red overdue, orange due today, green on track."""
    if not clock:
        return SafeString("")
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>',
                       CLOCK_COLOUR.get(clock.status, "green"), clock.time_left)


@register.simple_tag
def rag_tag(rag: str) -> SafeString:
    """A contact's RAG rating as a coloured tag, grey when it is not yet rated."""
    colour, label = RAG_TAG.get(rag, NOT_RATED)
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label)
