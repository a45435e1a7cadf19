"""The system administrator's page of bank holidays and local closure days."""

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.permissions import requires
from hearth.workingdays import selectors, services
from hearth.workingdays.forms import ClosureDayForm
from hearth.workingdays.models import LocalClosureDay


@requires("workingdays.manage_closure_days")
@require_http_methods(["GET", "POST"])
def closure_days_view(request: HttpRequest) -> HttpResponse:
    form = ClosureDayForm(request.POST) if request.method == "POST" else ClosureDayForm()
    if request.method == "POST" and form.is_valid():
        try:
            closure_day = services.closure_day_add(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, f"{_long(closure_day.date)} is now a closure day")
            return redirect("workingdays:closure_days")
    return render(request, "workingdays/closure_days.html", _closure_days_context(form))


@requires("workingdays.manage_closure_days")
@require_http_methods(["GET", "POST"])
def remove_closure_day_view(request: HttpRequest, pk: int) -> HttpResponse:
    closure_day = get_object_or_404(LocalClosureDay, pk=pk)
    if request.method == "POST":
        services.closure_day_remove(actor=request.user, closure_day=closure_day)
        messages.success(request, f"{_long(closure_day.date)} is a working day again")
        return redirect("workingdays:closure_days")
    return render(request, "workingdays/remove_closure_day.html", {"closure_day": closure_day})


def _closure_days_context(form: ClosureDayForm) -> dict:
    this_year = clock.today().year
    bank_holidays = selectors.bank_holiday_list_for_years(this_year, this_year + 1)
    return {
        "form": form,
        "first_year": this_year,
        "last_year": this_year + 1,
        "bank_holidays": bank_holidays,
        "years_not_loaded": sorted({e.date.year for e in bank_holidays if not e.loaded}),
        "closure_days": selectors.closure_day_list(on_or_after=dt.date(this_year, 1, 1)),
    }


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
