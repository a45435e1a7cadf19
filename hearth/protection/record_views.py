"""The child protection tab of a child's record."""

from django.shortcuts import render

from hearth.core import clock
from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.protection import selectors
from hearth.workingdays.selectors import current_calendar


@requires("people.view_child")
def child_protection_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    context["cp"] = selectors.child_protection_record(
        context["person"], today=clock.today(), calendar=current_calendar())
    return render(request, "protection/child_protection.html", context)
