"""Pages for managers: open plans by duration, and partner agencies' attendance."""

import datetime as dt

from django.core.paginator import Paginator
from django.shortcuts import render

from hearth.core import clock
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.protection import reports
from hearth.protection.forms import PartnerAttendanceFilterForm, PlanDurationFilterForm
from hearth.protection.rules import DurationBand
from hearth.workingdays.rules import add_months

PAGE_SIZE = 50


@requires("protection.view_cp_plan_durations")
def plan_durations_view(request):
    form = PlanDurationFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    today, team = clock.today(), data.get("team")
    band = DurationBand.from_key(data["band"]) if data.get("band") else None
    visible = Person.objects.visible_to(request.user)
    plans = reports.open_plans_by_duration(
        visible_children=visible, today=today, team_id=getattr(team, "pk", None), band=band,
        sort=data.get("sort") or "longest")
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = reports.plan_rows(page, today=today)
    people_services.people_listed(actor=request.user, people=[r.plan.child for r in rows],
                                  where="child protection plans by duration")
    counts = reports.band_counts(visible_children=visible, today=today,
                                 team_id=getattr(team, "pk", None))
    return render(request, "protection/plan_durations.html", {
        "form": form, "page_obj": page, "rows": rows, "counts": counts, "today": today,
        "over_nine_months": sum(n for b, n in counts.items() if b.above_months >= 9),
        "over_two_years": counts[DurationBand.OVER_24],
        "query_params": query_params(request),
    })


@requires("protection.view_partner_attendance")
def partner_attendance_view(request):
    today = clock.today()
    form = PartnerAttendanceFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    start: dt.date = data.get("start") or add_months(today, -3)
    end: dt.date = data.get("end") or today
    team = data.get("team")
    return render(request, "protection/partner_attendance.html", {
        "form": form, "start": start, "end": end, "team": team,
        "meetings": reports.partner_attendance(start=start, end=end,
                                               team_id=getattr(team, "pk", None)),
    })
