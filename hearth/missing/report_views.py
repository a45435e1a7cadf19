"""The missing children report for managers and analysts: figures by team for a period, and
for those who may see children's records, the episodes behind them (paged)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.missing import reports
from hearth.missing.forms import ReportFilterForm
from hearth.people import services as people_services
from hearth.people.models import Person

PAGE_SIZE = 50


def _filters(form: ReportFilterForm) -> reports.ReportFilters:
    data = form.cleaned_data if form.is_valid() else {}
    return reports.report_filters(today=clock.today(), start=data.get("start"),
                                  end=data.get("end"), kind=data.get("kind") or "",
                                  team_id=getattr(data.get("team"), "pk", None))


@requires("missing.view_missing_report")
def missing_report_view(request):
    form = ReportFilterForm(request.GET or None)
    filters = _filters(form)
    rows, total = reports.team_figures(filters)
    context = {"form": form, "filters": filters, "rows": rows, "total": total,
               "shows_children": request.user.has_perm("people.view_child"),
               "query_params": query_params(request)}
    Auditor(request.user).record("MISSING_REPORT_VIEWED", detail={
        "start": str(filters.start), "end": str(filters.end), "team": filters.team_id})
    if context["shows_children"]:  # performance analysts see figures only, never names
        episodes = reports.episode_list(
            filters, visible_children=Person.objects.visible_to(request.user),
            sort=(form.cleaned_data.get("sort") if form.is_valid() else "") or "newest")
        page = Paginator(episodes, PAGE_SIZE).get_page(request.GET.get("page"))
        people_services.people_listed(actor=request.user, people=[e.child for e in page],
                                      where="missing children report")
        context["page_obj"] = page
    return render(request, "missing/report.html", context)
