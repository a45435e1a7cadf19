"""The child's Children in care section and its forms, the IRO's caseload, and the weekly
list of placements needing head of service sign-off."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.accounts.roles import Role
from hearth.care import selectors, services
from hearth.care.access import access_care_episode, access_care_period
from hearth.care.forms import (
    AllocateIroForm,
    CaseloadForm,
    DoloForm,
    EndCareForm,
    EpisodeChangeForm,
    ReviewForm,
    SignOffForm,
    StartCareForm,
    VisitForm,
)
from hearth.core import clock
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar

SECTION = "care"
PAGE_SIZE = 50
EPISODE_FIELDS = ("legal_status", "category_of_need", "placement_type", "provider_type",
                  "provision", "placement_postcode", "home_postcode", "urn",
                  "intended_until_18", "head_of_service_agreed")


def _care_url(person_uuid) -> str:
    return reverse("care:child_care", args=[person_uuid])


@requires("people.view_child")
def child_care_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    periods = selectors.care_period_list_for_child(context["person"], today=clock.today(),
                                                   calendar=current_calendar())
    context.update(periods=periods, current=next((s for s in periods if s.period.is_open), None))
    return render(request, "care/child_care.html", context)


@requires("care.record_care")
def start_care_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    form = StartCareForm(request.POST or None, initial={"started_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if save_or_show(form, lambda: services.care_period_start(
                child=child, started_on=data["started_on"], legal_status=data["legal_status"],
                category_of_need=data["category_of_need"], placement=form.placement(),
                actor=request.user)):
            messages.success(request, f"{child.full_name} is now looked after")
            return redirect("care:child_care", person_uuid)
    context.update(form=form, open_period=selectors.care_period_open_for(child),
                   form_title="Start a period of care", submit_label="Start the period of care",
                   cancel_url=_care_url(person_uuid))
    return render(request, "care/start_care.html", context)


def _period_form_page(request, person_uuid, period_id, *, form_class, save, title, done,
                      initial=None, form_kwargs=None):
    """A form about one period. An ended period shows why it takes none."""
    context = record_context(request, person_uuid, SECTION)
    period = access_care_period(child=context["person"], period_id=period_id)
    if callable(initial):
        initial = initial(period)
    form = form_class(request.POST or None, initial=initial or {}, **(form_kwargs or {}))
    if request.method == "POST" and period.is_open and form.is_valid():
        if save_or_show(form, lambda: save(period, form)):
            messages.success(request, done)
            return redirect("care:child_care", person_uuid)
    context.update(form=form, period=period, form_title=title, submit_label=title,
                   cancel_url=_care_url(person_uuid))
    return render(request, "care/period_form.html", context)


def _current_episode_initial(period) -> dict:
    episode = period.episodes.filter(ended_on__isnull=True).first()
    initial = {"changed_on": clock.today()}
    if episode is not None:
        initial.update({f: getattr(episode, f) for f in EPISODE_FIELDS})
    return initial


@requires("care.record_care")
def change_episode_view(request, person_uuid, care_period_id):
    def save(period, form):
        data = form.cleaned_data
        return services.episode_change(
            period=period, changed_on=data["changed_on"], legal_status=data["legal_status"],
            category_of_need=data["category_of_need"], placement=form.placement(),
            same_carers=data["same_carers"], reason_place_change=data["reason_place_change"],
            actor=request.user)

    return _period_form_page(
        request, person_uuid, care_period_id, form_class=EpisodeChangeForm, save=save,
        title="Change legal status or placement", done="The new episode was recorded",
        initial=_current_episode_initial)


@requires("care.record_care")
def end_care_view(request, person_uuid, care_period_id):
    return _period_form_page(
        request, person_uuid, care_period_id, form_class=EndCareForm,
        title="End the period of care", done="The period of care was ended",
        initial={"ended_on": clock.today()},
        save=lambda period, form: services.care_end(period=period, actor=request.user,
                                                    **form.cleaned_data))


@requires("care.allocate_iro")
def allocate_iro_view(request, person_uuid, care_period_id):
    return _period_form_page(
        request, person_uuid, care_period_id, form_class=AllocateIroForm,
        title="Allocate the IRO", done="The IRO was allocated",
        initial={"allocated_on": clock.today()}, form_kwargs={"iros": selectors.iro_list()},
        save=lambda period, form: services.iro_allocate(period=period, actor=request.user,
                                                        **form.cleaned_data))


@requires("care.record_cla_review")
def record_review_view(request, person_uuid, care_period_id):
    return _period_form_page(
        request, person_uuid, care_period_id, form_class=ReviewForm,
        title="Record a looked-after review", done="The review was recorded",
        initial={"held_on": clock.today()},
        save=lambda period, form: services.cla_review_record(
            period=period, chair=request.user, actor=request.user, **form.cleaned_data))


@requires("cases.record_visit")
def record_visit_view(request, person_uuid, care_period_id):
    return _period_form_page(
        request, person_uuid, care_period_id, form_class=VisitForm, title="Record a visit",
        done="The visit was recorded", initial={"visited_on": clock.today()},
        save=lambda period, form: services.cla_visit_record(period=period, actor=request.user,
                                                            **form.cleaned_data))


@requires("people.view_child")
def dolo_view(request, person_uuid):
    """The child's deprivation of liberty orders; those who record care may add one."""
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    may_record = request.user.has_perm("care.record_care")
    form = DoloForm(request.POST or None) if may_record else None
    if request.method == "POST" and form is not None and form.is_valid():
        if save_or_show(form, lambda: services.dolo_record(
                child=child, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The deprivation of liberty order was recorded")
            return redirect("care:dolo", person_uuid)
    context.update(orders=list(child.dolo_orders.all()), form=form,
                   form_title="Record a deprivation of liberty order",
                   submit_label="Record the order", cancel_url=_care_url(person_uuid))
    return render(request, "care/dolo.html", context)


@requires("care.sign_off_placement")
def sign_off_placement_view(request, person_uuid, care_episode_id):
    context = record_context(request, person_uuid, SECTION)
    episode = access_care_episode(child=context["person"], episode_id=care_episode_id)
    form = SignOffForm(request.POST or None)
    waiting = episode.needs_sign_off and episode.is_open and not episode.is_signed_off
    if request.method == "POST" and waiting and form.is_valid():
        if save_or_show(form, lambda: services.placement_sign_off(
                episode=episode, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The placement was signed off")
            return redirect("care:child_care", person_uuid)
    context.update(form=form, episode=episode, waiting=waiting,
                   form_title="Sign off the placement", submit_label="Sign off the placement",
                   cancel_url=_care_url(person_uuid))
    return render(request, "care/sign_off.html", context)


@requires("care.view_placement_sign_offs")
def placement_sign_offs_view(request):
    waiting_only = request.GET.get("waiting") == "yes"
    episodes = selectors.placements_needing_sign_off(
        visible_children=Person.objects.visible_to(request.user), waiting_only=waiting_only)
    page = Paginator(episodes, PAGE_SIZE).get_page(request.GET.get("page"))
    people_services.people_listed(actor=request.user, people=[e.child for e in page],
                                  where="placements needing head of service sign-off")
    return render(request, "care/placement_sign_offs.html", {
        "page_obj": page, "episodes": list(page), "waiting_only": waiting_only,
        "today": clock.today(), "section": SECTION,
        "query_params": query_params(request)})


@requires("care.view_iro_caseload")
def iro_caseload_view(request):
    iros = selectors.iro_list()
    form = CaseloadForm(request.GET or None, iros=iros)
    data = form.cleaned_data if form.is_valid() else {}
    iro = data.get("iro") or (request.user if request.user.role == Role.IRO else None)
    if iro is None:  # a manager who has not chosen an IRO yet
        return render(request, "care/iro_caseload.html", {"form": form, "iro": None,
                                                          "section": SECTION})
    periods = selectors.iro_caseload(iro=iro, sort=data.get("sort") or "review",
                                     visible_children=Person.objects.visible_to(request.user))
    page = Paginator(periods, PAGE_SIZE).get_page(request.GET.get("page"))
    episodes = selectors.current_episodes_for(page)
    today, calendar = clock.today(), current_calendar()
    rows = [{"period": p, "episode": episodes.get(p.pk),
             "next_review": selectors.due(p.review_due_on, today, calendar),
             "next_visit": selectors.due(p.visit_due_on, today, calendar)} for p in page]
    people_services.people_listed(actor=request.user, people=[p.child for p in page],
                                  where="IRO caseload")
    return render(request, "care/iro_caseload.html", {
        "form": form, "iro": iro, "page_obj": page, "rows": rows, "today": today,
        "section": SECTION,
        "query_params": query_params(request)})
