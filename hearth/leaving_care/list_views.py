"""The leaving care team's list of care leavers, and the figures page (no names)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from hearth.core import clock
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.leaving_care import selectors
from hearth.leaving_care.filters import list_filters
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 50


@requires("leaving_care.view_care_leavers")
def care_leavers_view(request):
    form, filters = list_filters(request.GET)
    today, calendar = clock.today(), current_calendar()
    care_leavers = selectors.care_leaver_list(
        visible_children=Person.objects.visible_to(request.user), filters=filters, today=today)
    page = Paginator(care_leavers, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.list_rows(page, today=today, calendar=calendar)
    people_services.people_listed(actor=request.user, people=[r.care_leaver.child for r in rows],
                                  where="care leavers")
    return render(request, "leaving_care/care_leavers.html", {
        "form": form, "page_obj": page, "rows": rows, "today": today,
        "query_params": query_params(request)})


@requires("leaving_care.view_care_leaver_figures")
def care_leaver_figures_view(request):
    today = clock.today()
    return render(request, "leaving_care/figures.html", {
        "today": today,
        "bands": selectors.care_leaver_figures(today=today)})
