"""Data-quality pages: the worklist per team, a child's data-quality section on their record,
explaining a query, running the checks now (GET asks, POST runs) and the runs so far."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires, requires_any
from hearth.dataquality import checks, selectors, services
from hearth.dataquality.access import access_issue
from hearth.dataquality.forms import ExplainQueryForm, IssueFilterForm, RunForm
from hearth.people.record_views import record_context

PAGE_SIZE = 50
SECTION = "dataquality"
VIEW_ANY = ("dataquality.view_team_issues", "dataquality.view_all_issues")


@requires_any(*VIEW_ANY)
def worklist_view(request):
    user = request.user
    form = IssueFilterForm(request.GET or None, user=user)
    data = form.cleaned_data if form.is_valid() else {}
    every_team = selectors.sees_every_team(user)
    team = data.get("team") if every_team else user.team
    filters = selectors.IssueFilters(
        team_id=getattr(team, "pk", None), check_code=data.get("check_code", ""),
        rule_code=(data.get("rule") or "").strip(), kind=data.get("kind", ""),
        status=data.get("status") or "open", sort=data.get("sort") or "newest")
    page = Paginator(selectors.issue_list(filters, user=user), PAGE_SIZE).get_page(
        request.GET.get("page"))
    services.issues_listed(actor=user, issues=list(page), where="data-quality worklist")
    return render(request, "dataquality/worklist.html", {
        "form": form, "page_obj": page, "query_params": query_params(request),
        "team": team, "every_team": every_team, "shows_names": selectors.shows_names(user),
        "last_runs": selectors.last_runs(3)})


@requires("dataquality.view_team_issues")
def child_issues_view(request, person_uuid):
    """The child's record section: every data-quality issue about them, open ones first."""
    context = record_context(request, person_uuid, SECTION)
    context["issues"] = selectors.issues_for_child(context["person"])
    return render(request, "dataquality/child_issues.html", context)


def _back_url(issue) -> str:
    if issue.child_id:
        return reverse("dataquality:child_issues", args=[issue.child.uuid])
    return reverse("dataquality:worklist")


@requires("dataquality.explain_query")
def explain_query_view(request, issue_id):
    issue = access_issue(request.user, issue_id)
    back = _back_url(issue) if request.user.has_perm("people.view_child") else reverse(
        "dataquality:worklist")
    form = ExplainQueryForm(request.POST or None)
    problem = "" if issue.is_query else (
        f"Rule {issue.rule_code} is an error, not a query: it cannot stand with an "
        "explanation. Correct the record and the next run will resolve it.")
    if request.method == "POST" and not problem and form.is_valid():
        saved = save_or_show(form, lambda: services.explain_query(
            issue=issue, text=form.cleaned_data["text"], actor=request.user))
        if saved:
            messages.success(request, f"Your explanation of query {issue.rule_code} was kept")
            return redirect(back)
    return render(request, "dataquality/explain.html", {
        "form": form, "issue": issue, "problem": problem, "cancel_url": back,
        "explanations": list(issue.explanations.select_related("explained_by")),
        "shows_names": selectors.shows_names(request.user)})


@requires("dataquality.run_checks")
def run_view(request):
    """GET: what a run does and the choice of checks. POST: runs them now, then the runs."""
    form = RunForm(request.POST or None, initial={"check_code": "all"})
    if request.method == "POST" and form.is_valid():
        code, as_at = form.cleaned_data["check_code"], form.cleaned_data["as_at"]
        codes = [c.code for c in checks.all_checks()] if code == "all" else [code]
        for each in codes:
            try:
                run = services.refresh(each, as_at, request.user)
            except (checks.CheckUnavailable, services.RunInProgress) as error:
                messages.error(request, f"{checks.label_of(each)}: {error}")
            else:
                messages.success(request, (
                    f"{checks.label_of(each)} {run.collection_year}: {run.opened} new, "
                    f"{run.reopened} found again, {run.resolved} resolved"))
        return redirect("dataquality:runs")
    return render(request, "dataquality/run.html", {
        "form": form, "last_runs": selectors.last_runs(3)})


@requires_any(*VIEW_ANY)
def runs_view(request):
    page = Paginator(selectors.runs(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "dataquality/runs.html", {
        "page_obj": page, "query_params": query_params(request)})

