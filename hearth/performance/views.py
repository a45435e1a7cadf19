"""The scorecard, the figures behind it, exception commentary and the committee report."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.performance import periods as p
from hearth.performance import report as committee_report
from hearth.performance import selectors, services
from hearth.performance.forms import (
    CommentaryForm,
    FigureForm,
    PopulationForm,
    ScorecardForm,
    TeamDashboardForm,
)
from hearth.performance.indicators import LIBRARY
from hearth.performance.selectors import population_lookup
from hearth.performance.word import report_docx

SECTION = "performance"
PAGE_SIZE = 50


def _period_or_404(slug: str, kind: str | None = None) -> p.Period:
    try:
        period = p.parse_slug(slug)
    except ValueError:
        raise Http404("No such period") from None
    if kind and period.kind != kind:
        raise Http404("No such period")
    return period


def _indicator_or_404(code: str):
    if code not in LIBRARY:
        raise Http404("No such indicator")
    return LIBRARY[code]


@requires("performance.view_scorecard")
def scorecard_view(request):
    form = ScorecardForm(request.GET or None)
    quarter = form.chosen_quarter()
    show = form.cleaned_data.get("show") if form.is_bound and form.is_valid() else ""
    show = show or "corporate"
    card = selectors.scorecard(quarter, selectors.indicators_for(show),
                               group_by="area" if show == "all" else "priority")
    Auditor(request.user).record("SCORECARD_VIEWED", detail={"quarter": quarter.slug,
                                                              "show": show})
    return render(request, "performance/scorecard.html", {
        "form": form, "card": card, "show": show, "section": SECTION,
        "frozen": selectors.frozen_quarter(quarter),
        "can_freeze": quarter.end < clock.today()})


def _confirm(request, *, title: str, body: str, button: str, cancel_url: str, warning=False,
             extra=None):
    """A GET of an action page asks first; the button posts to the same address."""
    return render(request, "performance/confirm.html", {
        "title": title, "body": body, "button": button, "cancel_url": cancel_url,
        "warning": warning, "extra": extra, "section": SECTION})


@requires("performance.manage_figures")
def compute_view(request):
    years = 3
    if request.method != "POST":
        return _confirm(
            request, title="Recompute figures from the records",
            body=f"Every computed indicator is worked out again for each month and quarter of "
                 f"the last {years} financial years. Frozen figures stay as they were "
                 "reported; figures entered by hand are not changed.",
            button="Recompute figures", cancel_url=reverse("performance:scorecard"))
    written = services.figures_compute(
        periods=services.reporting_periods(years=years, today=clock.today()),
        actor=request.user)
    messages.success(request, f"{written:,} figures were computed for the last {years} "
                              "financial years")
    target = reverse("performance:scorecard")
    try:
        quarter = p.parse_slug(request.POST.get("quarter", ""))
    except ValueError:
        return redirect(target)
    return redirect(f"{target}?quarter={quarter.slug}" if quarter.kind == p.QUARTER else target)


@requires("performance.manage_figures")
def freeze_view(request, slug):
    quarter = _period_or_404(slug, p.QUARTER)
    target = f"{reverse('performance:scorecard')}?quarter={quarter.slug}"
    if request.method != "POST":
        return _confirm(
            request, title=f"Freeze {quarter.label} as reported",
            body="Freeze the quarter's figures when the committee is sent them: they are kept "
                 "for good, and a later recomputation shows beside them as a change. This "
                 "cannot be undone.", button=f"Freeze {quarter.label}", cancel_url=target,
            warning=True)
    try:
        frozen = services.quarter_freeze(quarter=quarter, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(target)
    messages.success(request, f"{frozen} figures for {quarter.label} were frozen as reported")
    return redirect(target)


@requires("performance.manage_figures")
def figure_add_view(request):
    form = FigureForm(request.POST or None, initial={
        "indicator": request.GET.get("indicator", ""), "period": request.GET.get("period", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        period = p.parse_slug(data["period"])
        if save_or_show(form, lambda: services.figure_enter(
                code=data["indicator"], period=period, numerator=data["numerator"],
                denominator=data["denominator"], note=data["note"], actor=request.user)):
            messages.success(request, f"The {data['indicator']} figure for {period.label} was "
                                      "saved")
            quarter = period if period.kind == p.QUARTER else p.quarter_containing(period.start)
            return redirect(f"{reverse('performance:scorecard')}?quarter={quarter.slug}")
    return render(request, "performance/form_page.html", {
        "form": form, "form_title": "Enter a figure", "section": SECTION,
        "intro": "For an indicator Hearth cannot compute from its records, such as one "
                 "another service holds. The figure replaces any entered before for the "
                 "period; frozen figures stay as they were reported.",
        "cancel_url": reverse("performance:scorecard")})


@requires("performance.view_scorecard")
def population_view(request):
    can_record = request.user.has_perm("performance.manage_figures")
    form = PopulationForm(request.POST or None) if can_record else None
    if request.method == "POST":
        if not can_record:
            raise Http404
        if form.is_valid() and save_or_show(form, lambda: services.population_record(
                actor=request.user, **form.cleaned_data)):
            messages.success(request, "The child population was recorded")
            return redirect("performance:population")
    return render(request, "performance/population.html", {
        "form": form, "rows": selectors.population_list(), "section": SECTION})


@requires("performance.view_scorecard")
def indicator_view(request, code, slug):
    """One figure: its definition, how it was worked out, and (for those who may see them)
    the children behind it, recounted from the records now."""
    item = _indicator_or_404(code)
    period = _period_or_404(slug)
    found = selectors.snapshots_for([code], period.kind, [period.start]).get(
        (code, period.start), {})
    live = None
    rows, page = [], None
    which = "numerator" if request.GET.get("list") != "denominator" else "denominator"
    shows_children = request.user.has_perm("people.view_child") and item.is_computed
    if item.is_computed:
        live = item.calculation.figures([period], population=population_lookup(),
                                        with_children=shows_children)[period]
    hidden = 0
    if shows_children:
        ids = (live.numerator_children if which == "numerator"
               else live.denominator_children)
        visible = Person.objects.visible_to(request.user).filter(pk__in=ids).order_by(
            "last_name", "first_name", "pk")
        page = Paginator(visible, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = list(page)
        hidden = len(ids) - page.paginator.count
        people_services.people_listed(actor=request.user, people=rows,
                                      where=f"indicator {code} {period.slug}")
    Auditor(request.user).record("INDICATOR_CHILDREN_VIEWED", detail={
        "indicator": code, "period": period.slug, "list": which, "children": len(rows)})
    return render(request, "performance/indicator.html", {
        "indicator": item, "period": period, "frozen": found.get(True),
        "working": found.get(False), "live": live, "rows": rows, "page_obj": page,
        "which": which, "hidden": hidden, "shows_children": shows_children,
        "section": SECTION, "query_params": query_params(request)})


@requires("performance.write_commentary")
def commentary_view(request, code, slug):
    item = _indicator_or_404(code)
    quarter = _period_or_404(slug, p.QUARTER)
    existing = selectors.commentary_for(code, quarter)
    initial = ({"performance": existing.performance, "assurance": existing.assurance,
                "impact": existing.impact} if existing else {})
    form = CommentaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.commentary_save(
                code=code, quarter=quarter, actor=request.user, **form.cleaned_data)):
            messages.success(request, f"The commentary on {code} for {quarter.label} was "
                                      "saved as a draft for approval")
            return redirect(f"{reverse('performance:scorecard')}?quarter={quarter.slug}")
    card = selectors.scorecard(quarter, [item])
    return render(request, "performance/commentary.html", {
        "form": form, "indicator": item, "quarter": quarter, "row": card.rows[0],
        "commentary": existing, "section": SECTION,
        "can_approve": (existing is not None and existing.status == "draft"
                        and request.user.has_perm("performance.approve_commentary")
                        and existing.drafted_by_id != request.user.pk)})


@requires("performance.approve_commentary")
def commentary_approve_view(request, code, slug):
    item = _indicator_or_404(code)
    quarter = _period_or_404(slug, p.QUARTER)
    commentary = selectors.commentary_for(code, quarter)
    if commentary is None:
        raise Http404("No commentary")
    if request.method != "POST":
        return _confirm(
            request, title=f"Approve the commentary on {item.code} for {quarter.label}",
            body=f"{item.code} {item.title}. Approved commentary goes to the committee as it "
                 "stands; a later change sends it back for approval.",
            button="Approve for the committee",
            cancel_url=reverse("performance:commentary", args=[code, slug]),
            extra=commentary)
    try:
        services.commentary_approve(commentary=commentary, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("performance:commentary", code=code, slug=slug)
    messages.success(request, f"The commentary on {code} for {quarter.label} was approved")
    return redirect(f"{reverse('performance:scorecard')}?quarter={quarter.slug}")


@requires("performance.view_scorecard")
def team_dashboard_view(request):
    """A team's figures: the indicators that split by the team that held each child, over
    eight quarters with their trends, and by worker for the chosen quarter."""
    form = TeamDashboardForm(request.GET or None)
    quarter = form.chosen_quarter()
    team = form.cleaned_data.get("team") if form.is_bound and form.is_valid() else None
    card, workers, charts = None, [], []
    if team is not None:
        card = selectors.scorecard(quarter, selectors.team_indicators(), group_by="area",
                                   team=team)
        workers = selectors.worker_figures(team, quarter)
        charts = [(row, committee_report.chart_for(row)) for row in card.rows]
        Auditor(request.user).record("TEAM_DASHBOARD_VIEWED", team, detail={
            "quarter": quarter.slug})
    return render(request, "performance/team_dashboard.html", {
        "form": form, "card": card, "team": team, "workers": workers, "charts": charts,
        "indicators": selectors.team_indicators(), "section": SECTION})


def _report(request, slug):
    quarter = _period_or_404(slug, p.QUARTER)
    return committee_report.build(quarter, author=request.user.get_full_name()
                                  or request.user.username)


@requires("performance.view_scorecard")
def report_view(request, slug):
    report = _report(request, slug)
    Auditor(request.user).record("COMMITTEE_REPORT_EXPORTED", detail={
        "quarter": report.quarter.slug, "format": "html"})
    return render(request, "performance/report.html", {"report": report, "section": SECTION})


@requires("performance.view_scorecard")
def report_word_view(request, slug):
    report = _report(request, slug)
    Auditor(request.user).record("COMMITTEE_REPORT_EXPORTED", detail={
        "quarter": report.quarter.slug, "format": "docx"})
    response = HttpResponse(
        report_docx(report),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response["Content-Disposition"] = (
        f'attachment; filename="performance-report-{report.quarter.slug}.docx"')
    return response
