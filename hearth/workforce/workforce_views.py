"""Workforce pages: the figures by team, a team's posts, a post and its holders, starters and
leavers, and the forms that add posts, holders, leavers and ASYE programmes."""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from hearth.accounts.models import Team
from hearth.cases.selectors import worker_caseloads
from hearth.core import clock
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.workforce import indicators, rules, selectors, services
from hearth.workforce.access import may_supervise
from hearth.workforce.forms import (
    AsyeForm,
    AsyeOutcomeForm,
    DateForm,
    HolderForm,
    LeaverForm,
    MovementFilterForm,
    PostFilterForm,
    PostForm,
)
from hearth.workforce.models import Asye, Post

PAGE_SIZE = 50


def _on(form) -> dt.date:
    data = form.cleaned_data if form.is_valid() else {}
    return data.get("on") or clock.today()


@requires("workforce.view_workforce")
def workforce_view(request):
    form = DateForm(request.GET or None)
    on = _on(form)
    share = indicators.agency_share(on)
    services.workforce_viewed(actor=request.user, what="figures", detail={"on": str(on)})
    return render(request, "workforce/summary.html", {
        "form": form, "on": on, "figures": selectors.post_figures(on),
        "agency_share": share, "target": rules.AGENCY_TARGET_PERCENT,
        "turnover": selectors.turnover(on), "caseload": selectors.average_caseload(on),
        "teams": selectors.team_workforce_list(on),
        "asye": selectors.asye_current(on).count()})


@requires("workforce.view_workforce")
def team_view(request, team_id):
    team = get_object_or_404(Team, pk=team_id)
    form = PostFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    on = data.get("on") or clock.today()
    posts = selectors.team_posts(team=team, day=on, grade=data.get("grade") or "",
                                 contract=data.get("contract") or "",
                                 vacant_only=bool(data.get("vacant")),
                                 sort=data.get("sort") or "reference")
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    holdings = selectors.holdings_by_id([p.holding_id for p in page])
    rows = [(post, holdings.get(post.holding_id)) for post in page]
    caseloads = worker_caseloads(team=team) if team.holds_cases else []
    last = selectors.last_staff_supervisions([c.worker.pk for c in caseloads])
    asye = [(a, rules.asye_next_review(a.started_on, today=on))
            for a in selectors.asye_for_team(team, on)]
    services.workforce_viewed(actor=request.user, what="team", detail={"team": team.pk})
    return render(request, "workforce/team.html", {
        "team": team, "form": form, "on": on, "page_obj": page, "rows": rows,
        "figures": selectors.post_figures(on, team=team, grades=None),
        "caseloads": [(c, last.get(c.worker.pk), may_supervise(request.user, c.worker))
                      for c in caseloads], "asye": asye,
        "today": clock.today(), "query_params": query_params(request)})


def _post(post_id) -> Post:
    return get_object_or_404(Post.objects.select_related("team"), pk=post_id)


@requires("workforce.view_workforce")
def post_view(request, post_id):
    post = _post(post_id)
    today = clock.today()
    history = list(selectors.post_history(post))
    services.workforce_viewed(actor=request.user, what="post", detail={"post": post.pk})
    open_holding = next((h for h in history if h.end_date is None), None)
    asye = getattr(open_holding, "asye", None) if open_holding else None
    return render(request, "workforce/post.html", {
        "post": post, "history": history, "open_holding": open_holding, "today": today,
        "current": selectors.current_holding(post, day=today), "asye": asye,
        "asye_reviews": rules.asye_review_points(asye.started_on) if asye else []})


def _form_page(request, context: dict):
    return render(request, "workforce/form_page.html", context)


@requires("workforce.manage_workforce")
def add_post_view(request):
    form = PostForm(request.POST or None, initial={
        "established_on": clock.today(), "team": request.GET.get("team")})
    if request.method == "POST" and form.is_valid():
        saved = save_or_show(form, lambda: services.post_add(actor=request.user,
                                                              **form.cleaned_data))
        if saved:
            messages.success(request, f"Post {saved.reference} was added")
            return redirect(saved)
    return _form_page(request, {"form": form, "form_title": "Add a post",
                                "submit_label": "Add the post", "cancel_url": "/workforce/"})


@requires("workforce.manage_workforce")
def add_holder_view(request, post_id):
    post = _post(post_id)
    refusal = None
    if (current := selectors.open_holding(post)) is not None:
        refusal = f"{current.holder_name} is in this post: record them leaving first."
    form = HolderForm(request.POST or None, initial={"start_date": clock.today()})
    if request.method == "POST" and refusal is None and form.is_valid():
        if save_or_show(form, lambda: services.post_holder_start(
                post=post, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The starter was recorded")
            return redirect(post)
    return _form_page(request, {"form": form, "post": post, "refusal": refusal,
                                "form_title": f"Record who started in post {post.reference}",
                                "submit_label": "Record the starter",
                                "cancel_url": post.get_absolute_url()})


@requires("workforce.manage_workforce")
def record_leaver_view(request, post_id):
    post = _post(post_id)
    current = selectors.open_holding(post)
    refusal = None if current else "Nobody is in this post."
    form = LeaverForm(request.POST or None, initial={"end_date": clock.today()})
    if request.method == "POST" and refusal is None and form.is_valid():
        if save_or_show(form, lambda: services.post_holder_leave(
                post=post, actor=request.user, **form.cleaned_data)):
            messages.success(request, f"{current.holder_name} was recorded as leaving")
            return redirect(post)
    return _form_page(request, {
        "form": form, "post": post, "refusal": refusal,
        "form_title": f"Record {current.holder_name} leaving" if current else "Record a leaver",
        "submit_label": "Record the leaver", "cancel_url": post.get_absolute_url()})


@requires("workforce.manage_workforce")
def asye_start_view(request, post_id):
    post = _post(post_id)
    current = selectors.open_holding(post)
    refusal = None
    if current is None:
        refusal = "Nobody is in this post."
    elif hasattr(current, "asye"):
        refusal = "An ASYE is already recorded for them in this post."
    form = AsyeForm(request.POST or None, initial={
        "started_on": getattr(current, "start_date", None)})
    if request.method == "POST" and refusal is None and form.is_valid():
        if save_or_show(form, lambda: services.asye_start(
                holding=current, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The ASYE was recorded")
            return redirect(post)
    return _form_page(request, {
        "form": form, "post": post, "refusal": refusal,
        "form_title": "Record an assessed and supported year in employment (ASYE)",
        "submit_label": "Record the ASYE", "cancel_url": post.get_absolute_url()})


@requires("workforce.manage_workforce")
def asye_outcome_view(request, asye_id):
    asye = get_object_or_404(Asye.objects.select_related("holding__post"), pk=asye_id)
    post = asye.holding.post
    refusal = "The outcome of this ASYE is already recorded." if asye.completed_on else None
    form = AsyeOutcomeForm(request.POST or None, initial={"completed_on": clock.today()})
    if request.method == "POST" and refusal is None and form.is_valid():
        if save_or_show(form, lambda: services.asye_complete(
                asye=asye, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The outcome of the ASYE was recorded")
            return redirect(post)
    return _form_page(request, {
        "form": form, "post": post, "refusal": refusal,
        "form_title": "Record the outcome of the ASYE", "submit_label": "Record the outcome",
        "cancel_url": post.get_absolute_url()})


@requires("workforce.view_workforce")
def movements_view(request):
    today = clock.today()
    default_start, default_end = rules.twelve_months_to(today)
    form = MovementFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    start, end = data.get("start") or default_start, data.get("end") or today
    if start > end:
        start, end = default_start, default_end
    rows = selectors.starters_and_leavers(start=start, end=end, kind=data.get("kind") or "",
                                          team=data.get("team"),
                                          contract=data.get("contract") or "",
                                          sort=data.get("sort") or "newest")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    services.workforce_viewed(actor=request.user, what="starters and leavers",
                              detail={"start": str(start), "end": str(end)})
    return render(request, "workforce/movements.html", {
        "form": form, "page_obj": page, "start": start, "end": end,
        "starters": sum(1 for what, _h in rows if what == "starter"),
        "leavers": sum(1 for what, h in rows if what == "leaver" and h.is_leaver),
        "query_params": query_params(request)})
