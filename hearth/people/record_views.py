"""The person's record: summary, family and network, addresses, chronology."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from hearth.cases.chronology import chronology_for
from hearth.cases.selectors import current_allocation
from hearth.core import clock
from hearth.core.permissions import requires
from hearth.people import access, record_tabs, rules, selectors, services
from hearth.people.models import Person


def record_context(request, person_uuid, section: str) -> dict:
    """Everything the record's header needs, with the view audited. 404 if not visible."""
    visible = Person.objects.visible_to(request.user)
    try:
        person = selectors.person_get_for_record(visible=visible, person_uuid=person_uuid)
    except (Person.DoesNotExist, ValueError):
        access.access_person(request.user, person_uuid)  # raises the 404
        raise
    services.person_viewed(actor=request.user, person=person, section=section)
    allocation = current_allocation(person) if person.is_child else None
    today = clock.today()
    return {
        "person": person,
        "allocation": allocation,
        "age": rules.age_on(person.date_of_birth, today),
        "warnings": selectors.active_warnings(person, on=today),
        "tabs": record_tabs.tabs_for(request.user, person),
        "section": section,
        "can_change": access.can_change_person(
            request.user, person, allocation.team_id if allocation else None),
    }


def require_change(request, context: dict) -> None:
    if not context["can_change"]:
        raise PermissionDenied


@requires("people.view_child")
def person_view(request, person_uuid):
    context = record_context(request, person_uuid, "summary")
    return render(request, "people/person_summary.html", context)


@requires("people.view_child")
def person_family_view(request, person_uuid):
    context = record_context(request, person_uuid, "family")
    return render(request, "people/person_family.html", context)


@requires("people.view_child")
def person_addresses_view(request, person_uuid):
    context = record_context(request, person_uuid, "addresses")
    return render(request, "people/person_addresses.html", context)


@requires("people.view_child")
def person_chronology_view(request, person_uuid):
    context = record_context(request, person_uuid, "chronology")
    context["chronology"] = chronology_for(context["person"])
    return render(request, "people/person_chronology.html", context)
