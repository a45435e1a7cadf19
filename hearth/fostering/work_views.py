"""The fostering team's morning: the worklist of household clocks (by supervising social
worker, overdue first) and the "find a carer" list of approved vacancies."""

from django.core.paginator import Paginator
from django.shortcuts import render

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.fostering import selectors, services
from hearth.fostering.forms import VacancySearchForm, WorkFilterForm
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 50


@requires("fostering.view_fostering_work")
def fostering_work_view(request):
    today, calendar = clock.today(), current_calendar()
    workers = selectors.supervising_social_workers()
    initial = None if request.GET else {"worker": request.user.pk}
    form = WorkFilterForm(request.GET or initial, workers=workers)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.WorkFilters(worker_id=getattr(data.get("worker"), "pk", None),
                                    kind=data.get("kind", ""), status=data.get("status", ""))
    page = Paginator(selectors.work_list(filters, today=today, calendar=calendar),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.work_rows(page, today=today, calendar=calendar)
    Auditor(request.user).record("FOSTERING_WORK_VIEWED", detail={
        "worker": filters.worker_id, "kind": filters.kind, "status": filters.status})
    return render(request, "fostering/work.html", {
        "form": form, "page_obj": page, "rows": rows, "today": today,
        "counts": selectors.work_counts(worker_id=filters.worker_id, today=today,
                                        calendar=calendar),
        "query_params": query_params(request)})


@requires("fostering.find_carer")
def find_a_carer_view(request):
    form = VacancySearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    search = selectors.CarerSearch(age=data.get("age"), sex=data.get("sex", ""),
                                   care_type=data.get("care_type", ""),
                                   household_type=data.get("household_type", ""))
    page = Paginator(selectors.vacancy_list(search), PAGE_SIZE).get_page(
        request.GET.get("page"))
    services.households_listed(actor=request.user, households=list(page),
                               where="find a carer")
    return render(request, "fostering/find_a_carer.html", {
        "form": form, "page_obj": page, "query_params": query_params(request)})
