"""The child's Front door record section: contacts and referrals, with their decisions."""

from django.http import Http404
from django.shortcuts import render

from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.permissions import requires
from hearth.frontdoor import rules, selectors
from hearth.people.models import Person
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar

SECTION = "front_door"


def child_context(request, person_uuid) -> dict:
    """The record header's context for a child (404 for an adult), with the read audited."""
    context = record_context(request, person_uuid, SECTION)
    if not context["person"].is_child:
        raise Http404("No child found")
    return context


def show_error(form, error: DomainError, aliases: dict[str, str] | None = None) -> None:
    """A broken service rule as a form error, on the field the user typed it in."""
    field = (aliases or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)


@requires("people.view_child")
def child_front_door_view(request, person_uuid):
    context = child_context(request, person_uuid)
    child = context["person"]
    now, calendar = clock.now(), current_calendar()
    contacts = selectors.contact_list_for_child(
        child, visible=Person.objects.visible_to(request.user))
    context["contacts"] = [
        (c, None if c.decided_at else rules.contact_decision_clock(
            due_on=c.decision_due_on, now=now, calendar=calendar)) for c in contacts]
    context["referrals"] = selectors.referral_list_for_child(child)
    return render(request, "frontdoor/child_front_door.html", context)
