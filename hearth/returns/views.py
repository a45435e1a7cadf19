"""The performance analysts' pages for the returns: choose a collection year and see the DfE
validation failures by rule and child (paged), as the latest build of that year found them.

Building and validating a return takes a while on a large authority, so it runs in the
background (hearth.returns.jobs, job_views): the page shows a finished build's outcome and
file, lists the recent builds, and offers to build again from the records.
"""

import datetime as dt
import io

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render

from hearth.core.permissions import requires
from hearth.people import services as people_services
from hearth.returns import cin, jobs, selectors, services
from hearth.returns.access import access_return_job
from hearth.returns.annex_a import build as annex_a_build
from hearth.returns.forms import AnnexAForm, CinCensusForm, Ssda903Form
from hearth.returns.job_views import recent_jobs
from hearth.returns.models import ReturnJob

PAGE_SIZE = 50


def _finished_job(request, return_name: str, year: int) -> ReturnJob | None:
    """The build the page shows: the one named (?job=, which must be of this return and year
    and finished), or else the latest finished build of the year."""
    job_id = request.GET.get("job")
    if not job_id:
        return selectors.return_job_latest_finished(return_name, year=year)
    job = access_return_job(request.user, job_id)
    if job.return_name != return_name or job.year != year or job.status != job.Status.FINISHED:
        raise Http404("No finished build of that return and year")
    return job


def _checked(job: ReturnJob) -> dict:
    return {"children": job.children, "seconds": job.figures.get("seconds", {}),
            "checked_at": job.finished_at, "job": job, **job.figures}


def _page_context(request, form, return_name: str, *, validator: bool) -> dict:
    return {"form": form, "validator_installed": validator,
            "query_params": {k: v for k, v in request.GET.items()
                             if k not in ("page", "jobs_page")},
            **recent_jobs(request, return_name)}


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
    context = _page_context(request, form, "cin", validator=services.validator_installed())
    if not form.is_valid() or not context["validator_installed"]:
        return render(request, "returns/cin_census.html", context)
    year = form.cleaned_data["year"]
    context.update(year=year, year_module=cin.for_year(year), caveat=cin.caveat(year))
    job = _finished_job(request, "cin", year)
    if job is None:
        return render(request, "returns/cin_census.html", context)
    outcome = jobs.outcome_of(job)
    failures = _matching(outcome, rule=form.cleaned_data["rule"],
                         child=form.cleaned_data["child"])
    context.update(
        checked=_checked(job), outcome=outcome,
        **_failures_page(request, outcome, failures,
                         where="children in need census validation"))
    return render(request, "returns/cin_census.html", context)


@requires("returns.export_returns")
def annex_a_view(request):
    """Choose the as-at date, see each list's window and row count, download the workbook."""
    form = AnnexAForm(request.GET or None)
    context = {"form": form, **recent_jobs(request, "annex_a")}
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
    return FileResponse(out, as_attachment=True, filename=jobs.annex_a_file_name(day),
                        content_type=jobs.XLSX)


# ---- The SSDA903 children looked after return ---------------------------------------------------


@requires("returns.export_returns")
def ssda903_view(request):
    from hearth.returns import ssda903

    form = Ssda903Form(request.GET or None)
    context = _page_context(request, form, "903",
                            validator=services.validator_installed("903"))
    if not form.is_valid() or not context["validator_installed"]:
        return render(request, "returns/ssda903.html", context)
    year = form.cleaned_data["year"]
    context.update(year=year, year_module=ssda903.for_year(year))
    job = _finished_job(request, "903", year)
    if job is None:
        return render(request, "returns/ssda903.html", context)
    outcome = jobs.outcome_of(job)
    table, rule = form.cleaned_data["table"], form.cleaned_data["rule"].upper()
    failures = [f for f in _matching(outcome, rule="", child=form.cleaned_data["child"])
                if (not table or f.table == table) and (not rule or f.rule_code.upper() == rule)]
    context.update(
        checked=_checked(job), outcome=outcome,
        **_failures_page(request, outcome, failures, where="SSDA903 return validation"))
    return render(request, "returns/ssda903.html", context)
