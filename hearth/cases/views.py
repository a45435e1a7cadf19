import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from hearth.accounts.models import Team
from hearth.cases import selectors, services, transfers
from hearth.cases.forms import (
    AllocateForm,
    CaseloadFilterForm,
    ChronologyEntryForm,
    TransferFilterForm,
)
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.paging import query_params
from hearth.core.permissions import requires, requires_any
from hearth.people import access
from hearth.people import services as people_services
from hearth.people.models import Person


@requires_any("cases.view_caseload_figures", "cases.view_team_caseload")
def teams_view(request):
    return render(request, "cases/teams.html", {"teams": selectors.team_figures_list()})


@requires("cases.view_team_caseload")
def team_caseload_view(request, team_id):
    team = get_object_or_404(Team, pk=team_id, holds_cases=True)
    form = CaseloadFilterForm(request.GET or None, team=team)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.team_caseload(
        team=team, visible_children=Person.objects.visible_to(request.user),
        worker_id=getattr(filters.get("worker"), "pk", None),
        unallocated_only=bool(filters.get("unallocated")), sort=filters.get("sort") or "name")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    people_services.people_listed(actor=request.user, people=[a.child for a in page],
                                  where=f"team caseload: {team}")
    return render(request, "cases/team_caseload.html", {
        "team": team, "form": form, "page_obj": page,
        "workers": selectors.worker_caseloads(team=team),
        "query_params": query_params(request),
    })


@requires("cases.allocate_worker")
def allocate_child_view(request, person_uuid):
    child = access.access_person(request.user, person_uuid)
    current = selectors.current_allocation(child)
    form = AllocateForm(request.POST or None, initial={"team": getattr(current, "team", None)})
    if request.method == "POST" and form.is_valid():
        try:
            services.child_allocate(child=child, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, f"{child.full_name} was allocated")
            return redirect(child)
    people_services.person_viewed(actor=request.user, person=child, section="allocation")
    return render(request, "cases/allocate.html",
                  {"form": form, "person": child, "current": current})


@requires("cases.add_chronology_entry")
def add_chronology_entry_view(request, person_uuid):
    child = access.access_person(request.user, person_uuid)
    form = ChronologyEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.chronology_entry_add(child=child, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "The entry was added to the chronology")
            return redirect("people:person_chronology", child.uuid)
    people_services.person_viewed(actor=request.user, person=child, section="chronology entry")
    return render(request, "cases/chronology_entry_form.html", {"form": form, "person": child})


@requires("cases.view_team_caseload")
def transfers_view(request):
    today = clock.today()
    form = TransferFilterForm(request.GET or None,
                              initial={"start": today - dt.timedelta(days=90), "end": today})
    data = form.cleaned_data if form.is_valid() else {}
    start = data.get("start") or today - dt.timedelta(days=90)
    end = data.get("end") or today
    rows = transfers.transfers_between(start=start, end=end,
                                       visible_children=Person.objects.visible_to(request.user),
                                       team_id=getattr(data.get("team"), "pk", None))
    described = [transfers.describe(a, today=today) for a in rows]
    page = Paginator(described, 50).get_page(request.GET.get("page"))
    people_services.people_listed(actor=request.user,
                                  people=[t.allocation.child for t in page],
                                  where="transfers between teams")
    return render(request, "cases/transfers.html", {
        "form": form, "page_obj": page, "start": start, "end": end,
        "median_wait": transfers.median_days_until_worker(described, today=today),
        "query_params": query_params(request),
    })
