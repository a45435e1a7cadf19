"""The MASH queue of open contacts, and choosing the child a new contact is about."""

from django.core.paginator import Paginator
from django.shortcuts import render

from hearth.core import clock
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.frontdoor import rules, selectors
from hearth.frontdoor.forms import QueueFilterForm
from hearth.people import selectors as people_selectors
from hearth.people import services as people_services
from hearth.people.forms import SearchForm
from hearth.people.models import Person
from hearth.people.search_views import criteria_from
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 50
CHOOSE_LIMIT = 20


@requires("frontdoor.view_mash_queue")
def mash_queue_view(request):
    form = QueueFilterForm(request.GET or None)
    now, today, calendar = clock.now(), clock.today(), current_calendar()
    visible = Person.objects.visible_to(request.user)
    contacts = selectors.mash_queue(visible_children=visible, filters=form.filters(),
                                    today=today)
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(contact, rules.contact_decision_clock(due_on=contact.decision_due_on, now=now,
                                                   calendar=calendar)) for contact in page]
    people_services.people_listed(actor=request.user, people=[c.child for c in page],
                                  where="MASH queue")
    return render(request, "frontdoor/mash_queue.html", {
        "form": form, "page_obj": page, "rows": rows,
        "counts": selectors.mash_queue_counts(visible_children=visible, today=today),
        "query_params": query_params(request),
    })


@requires("frontdoor.record_contact")
def choose_child_view(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    results = []
    if form.is_bound and form.is_valid():
        criteria = criteria_from({**form.cleaned_data, "children_only": True})
        results = people_selectors.person_search(
            visible=Person.objects.visible_to(request.user), criteria=criteria)[:CHOOSE_LIMIT]
        people_services.people_listed(actor=request.user, people=results,
                                      where="front door: choose a child",
                                      code="CHILD_SEARCH_HIT")
    return render(request, "frontdoor/choose_child.html", {"form": form, "results": results})
