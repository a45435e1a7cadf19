"""The performance analysts' page for the children in need census: choose a collection year,
download the XML, and see the DfE validation failures by rule and child (paged).

Validating rebuilds the census from the records, so the outcome is kept for a few minutes
(per process, Django's cache) and the page offers to check again.
"""

import datetime as dt
import io

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render

from hearth.core import clock
from hearth.core.permissions import requires
from hearth.people import services as people_services
from hearth.returns import cin, selectors, services
from hearth.returns.annex_a import build as annex_a_build
from hearth.returns.forms import AnnexAForm, CinCensusForm, Ssda903Form

PAGE_SIZE = 50
KEPT_FOR_SECONDS = 600
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kept(key: str, *, again: bool, check) -> dict:
    """A return's validation as last checked (for KEPT_FOR_SECONDS), or checked now: `check()`
    gives its outcome and figures."""
    kept = None if again else cache.get(key)
    if kept is None:
        kept = {**check(), "checked_at": clock.now()}
        cache.set(key, kept, KEPT_FOR_SECONDS)
    return kept


def _checked(request, year: int, *, again: bool) -> dict:
    def check():
        build, outcome = services.cin_census_validate(start_year=year, actor=request.user)
        return {"outcome": outcome, "children": build.children, "seconds": build.seconds}

    return _kept(f"returns:cin:{year}:validation", again=again, check=check)


def _failures_page(request, outcome, failures: list, *, where: str) -> dict:
    """One page of failures with the child each names (each child listed is audited), and the
    failures counted by rule."""
    page = Paginator(failures, PAGE_SIZE).get_page(request.GET.get("page"))
    people = selectors.children_by_la_id(f.child_id for f in page)
    people_services.people_listed(actor=request.user, people=people.values(), where=where)
    return {"by_rule": [(code, items[0].message, items[0].kind, len(items))
                        for code, items in outcome.by_rule().items()],
            "page_obj": page, "rows": [(f, people.get(f.child_id)) for f in page],
            "shows_records": request.user.has_perm("people.view_child")}


def _matching(outcome, *, rule: str, child: str) -> list:
    return [f for f in outcome.failures
            if (not rule or f.rule_code == rule) and (not child or f.child_id == child)]


@requires("returns.export_returns")
def cin_census_view(request):
    form = CinCensusForm(request.GET or None)
    context = {"form": form, "validator_installed": services.validator_installed(),
               "query_params": {k: v for k, v in request.GET.items()
                                if k not in ("page", "again")}}
    if not form.is_valid() or not context["validator_installed"]:
        return render(request, "returns/cin_census.html", context)
    year = form.cleaned_data["year"]
    try:
        checked = _checked(request, year, again=request.GET.get("again") == "1")
    except services.ReturnNotReady as error:
        context["not_ready"] = str(error)
        return render(request, "returns/cin_census.html", context)
    outcome = checked["outcome"]
    failures = _matching(outcome, rule=form.cleaned_data["rule"],
                         child=form.cleaned_data["child"])
    context.update(
        year=year, year_module=cin.for_year(year), caveat=cin.caveat(year), checked=checked,
        outcome=outcome, **_failures_page(request, outcome, failures,
                                          where="children in need census validation"))
    return render(request, "returns/cin_census.html", context)


@requires("returns.export_returns")
def cin_census_download_view(request, year: int):
    try:
        module = cin.for_year(year)
    except cin.UnsupportedYear:
        raise Http404("No census layout for that year") from None
    out = io.BytesIO()
    try:
        services.cin_census_export(start_year=year, out=out, actor=request.user)
    except services.ReturnNotReady as error:
        return render(request, "returns/cin_census.html",
                      {"form": CinCensusForm(), "not_ready": str(error),
                       "validator_installed": services.validator_installed()}, status=409)
    out.seek(0)
    name = f"cin-census-{module.START_YEAR}-{str(module.START_YEAR + 1)[2:]}.xml"
    return FileResponse(out, as_attachment=True, filename=name, content_type="application/xml")


def _annex_a_name(as_at) -> str:
    return f"ofsted-annex-a-{as_at.isoformat()}.xlsx"


@requires("returns.export_returns")
def annex_a_view(request):
    """Choose the as-at date, see each list's window and row count, download the workbook."""
    form = AnnexAForm(request.GET or None)
    context = {"form": form}
    if form.is_valid():
        as_at = form.cleaned_data["as_at"]
        try:
            build = annex_a_build.annex_a_build(as_at=as_at)
        except annex_a_build.AnnexANotReady as error:
            context["not_ready"] = str(error)
        else:
            context.update(build=build, as_at=as_at, summary=build.summary(),
                           total=sum(build.counts.values()))
    return render(request, "returns/annex_a.html", context)


@requires("returns.export_returns")
def annex_a_download_view(request, as_at: str):
    try:
        day = dt.date.fromisoformat(as_at)
    except ValueError:
        raise Http404("Not a date") from None
    out = io.BytesIO()
    try:
        annex_a_build.annex_a_export(as_at=day, out=out, actor=request.user)
    except annex_a_build.AnnexANotReady as error:
        return render(request, "returns/annex_a.html",
                      {"form": AnnexAForm(), "not_ready": str(error)}, status=409)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=_annex_a_name(day),
                        content_type=XLSX)
# ---- The SSDA903 children looked after return ---------------------------------------------------


def _ssda903_checked(request, year: int, *, again: bool) -> dict:
    def check():
        build, outcome = services.ssda903_validate(start_year=year, actor=request.user)
        return {"outcome": outcome, "children": build.children,
                "previous_children": build.previous_children, "seconds": build.seconds,
                "rows": {name: len(rows) for name, rows in build.this_year.rows.items()}}

    return _kept(f"returns:903:{year}:validation", again=again, check=check)


@requires("returns.export_returns")
def ssda903_view(request):
    from hearth.returns import ssda903

    form = Ssda903Form(request.GET or None)
    context = {"form": form, "validator_installed": services.validator_installed("903"),
               "query_params": {k: v for k, v in request.GET.items()
                                if k not in ("page", "again")}}
    if not form.is_valid() or not context["validator_installed"]:
        return render(request, "returns/ssda903.html", context)
    year = form.cleaned_data["year"]
    try:
        checked = _ssda903_checked(request, year, again=request.GET.get("again") == "1")
    except services.ReturnNotReady as error:
        context["not_ready"] = str(error)
        return render(request, "returns/ssda903.html", context)
    outcome = checked["outcome"]
    table, rule = form.cleaned_data["table"], form.cleaned_data["rule"].upper()
    failures = [f for f in _matching(outcome, rule="", child=form.cleaned_data["child"])
                if (not table or f.table == table) and (not rule or f.rule_code.upper() == rule)]
    context.update(
        year=year, year_module=ssda903.for_year(year), checked=checked, outcome=outcome,
        **_failures_page(request, outcome, failures, where="SSDA903 return validation"))
    return render(request, "returns/ssda903.html", context)


@requires("returns.export_returns")
def ssda903_download_view(request, year: int):
    """This year's and last year's CSV files as one zip; the export is audited per child."""
    import zipfile

    from hearth.returns import ssda903

    try:
        module = ssda903.for_year(year)
    except ssda903.UnsupportedYear:
        raise Http404("No SSDA903 layout for that year") from None
    _, files = services.ssda903_export(start_year=year, actor=request.user)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    out.seek(0)
    name = f"ssda903-{module.START_YEAR}-{str(module.START_YEAR + 1)[2:]}.zip"
    return FileResponse(out, as_attachment=True, filename=name, content_type="application/zip")
