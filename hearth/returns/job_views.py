"""Building a return in the background (ADR 0029): ask for a build (a POST; a GET shows what it
does and the button), watch its progress on the job's page (which refreshes itself where
JavaScript runs, from the JSON status), then open its results or download its file.

Anyone who may build the returns may open any return's job; for anyone else a job is not found.
"""

import io

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core.permissions import requires, signed_in
from hearth.returns import jobs, selectors
from hearth.returns.access import access_return_job
from hearth.returns.forms import AnnexAForm, CinCensusForm, Ssda903Form
from hearth.returns.models import ReturnJob

JOBS_PAGE_SIZE = 10
# Each return: its build form, its page, and what the build page calls it.
RETURNS = {
    "cin": (CinCensusForm, "returns:cin_census", "the children in need census"),
    "903": (Ssda903Form, "returns:ssda903", "the SSDA903 children looked after return"),
    "annex_a": (AnnexAForm, "returns:annex_a", "Ofsted Annex A"),
}


def recent_jobs(request, return_name: str) -> dict:
    """The page's list of recent builds of the return (paged by `jobs_page`)."""
    page = Paginator(selectors.return_jobs(return_name), JOBS_PAGE_SIZE).get_page(
        request.GET.get("jobs_page"))
    params = {k: v for k, v in request.GET.items() if k != "jobs_page"}
    return {"jobs_page": page, "jobs_params": params}


def _build_view(request, return_name: str):
    """GET: what a build does, and the button. POST: queues the build, then its job's page."""
    form_class, page, what = RETURNS[return_name]
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            chosen = ({"as_at": form.cleaned_data["as_at"]} if return_name == "annex_a"
                      else {"year": form.cleaned_data["year"]})
            job = jobs.return_job_request(actor=request.user, return_name=return_name,
                                          **chosen)
            return redirect("returns:return_job", job_id=job.pk)
    else:
        form = form_class(initial={"year": request.GET.get("year")})
    return render(request, "returns/build.html", {
        "form": form, "what": what, "return_name": return_name, "page_url": reverse(page)})


@requires("returns.export_returns")
def cin_census_build_view(request):
    return _build_view(request, "cin")


@requires("returns.export_returns")
def ssda903_build_view(request):
    return _build_view(request, "903")


@requires("returns.export_returns")
def annex_a_build_view(request):
    return _build_view(request, "annex_a")


def results_url(job: ReturnJob) -> str:
    page = reverse(RETURNS[job.return_name][1])
    return f"{page}?year={job.year}&job={job.pk}"


def _status(job: ReturnJob) -> dict:
    return {"id": str(job.pk), "status": job.status, "status_label": job.get_status_display(),
            "stage": job.stage, "done": job.done, "total": job.total, "unit": job.unit,
            "text": job.progress_text, "finished": job.is_done,
            "errors": job.errors, "queries": job.queries, "children": job.children,
            "message": job.message}


@signed_in  # access_return_job: returns.export_returns, else not found
def return_job_view(request, job_id):
    job = access_return_job(request.user, job_id)
    return render(request, "returns/job.html", {
        "job": job, "what": RETURNS[job.return_name][2], "results_url": results_url(job),
        "status_url": reverse("returns:return_job_status", args=[job.pk]),
        "page_url": reverse(RETURNS[job.return_name][1])})


@signed_in  # access_return_job: returns.export_returns, else not found
def return_job_status_view(request, job_id):
    job = access_return_job(request.user, job_id)
    return JsonResponse(_status(job), headers={"Cache-Control": "no-store"})


@signed_in  # access_return_job: returns.export_returns, else not found
def return_job_download_view(request, job_id):
    job = access_return_job(request.user, job_id)
    if job.status != ReturnJob.Status.FINISHED:
        raise Http404("The build has not finished")
    data = ReturnJob.objects.values_list("file", flat=True).get(pk=job.pk)
    jobs.return_job_downloaded(job=job, actor=request.user)
    return FileResponse(io.BytesIO(bytes(data)), as_attachment=True, filename=job.file_name,
                        content_type=job.content_type)
