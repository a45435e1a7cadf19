"""The child's Permanence tab and its forms, the permanence tracker, and prospective adopters."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from hearth.care import selectors as care_selectors
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.people import services as people_services
from hearth.people.access import about_children_they_may_see
from hearth.people.models import Person
from hearth.people.record_views import record_context
from hearth.permanence import selectors, services
from hearth.permanence.codes import PlanType, Stage
from hearth.permanence.forms import (
    DecisionForm,
    DischargeForm,
    HouseholdForm,
    HouseholdListForm,
    LeaveForm,
    MatchForm,
    MatchLongTermForm,
    PanelForm,
    PlanForm,
    PreviousPermanenceForm,
    ReunificationForm,
    ReverseForm,
    SgoForm,
    StageForm,
    StepForm,
    TrackerForm,
)
from hearth.permanence.models import (
    AdopterHousehold,
    AdoptionDecision,
    Reunification,
    SpecialGuardianship,
)

SECTION = "permanence"
PAGE_SIZE = 50
# URL step -> (the decision's field, the page's title)
ADOPTION_STEPS = {
    "placement-order": ("placement_order_on", "Record the placement order"),
    "fostering-for-adoption": ("ffa_placed_on",
                               "Record a fostering for adoption or concurrent placement"),
    "match": ("matched_on", "Record the match with prospective adopters"),
    "placed": ("placed_on", "Record that the child was placed for adoption"),
    "adoption-order": ("adoption_order_on", "Record the adoption order"),
    "reverse": ("reversed_on", "Record that the child should no longer be placed for adoption"),
}
SGO_STEPS = {"assessment-completed": ("assessment_completed_on",
                                      "Record the special guardianship assessment as complete"),
             "order": ("order_on", "Record the special guardianship order")}
HOUSEHOLD_STEPS = {
    "stage-1-started": ("stage1_started_on", "Record the start of stage 1"),
    "stage-1-ended": ("stage1_ended_on", "Record the end of stage 1"),
    "stage-2-started": ("stage2_started_on", "Record the start of stage 2"),
    "stage-2-ended": ("stage2_ended_on", "Record the end of stage 2"),
    "application": ("application_on", "Record the adoption application"),
    "approved": ("approved_on", "Record the approval of the adopters"),
    "leave": ("left_on", "Record that the adopters left the process"),
}


def _tab_url(person_uuid) -> str:
    return reverse("permanence:child_permanence", args=[person_uuid])


@requires("people.view_child")
def child_permanence_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    today = clock.today()
    period = care_selectors.care_period_latest_for(child)
    context.update(period=period, today=today, task=selectors.plan_task(period, today=today),
                   adoption_steps=ADOPTION_STEPS, sgo_steps=SGO_STEPS,
                   **selectors.records_for(period, today=today))
    return render(request, "permanence/child_permanence.html", context)


def _child_form(request, person_uuid, *, form, title, done, save, requires_period=True):
    """A form on the child's record: shown, or saved through `save(period, data)`."""
    context = record_context(request, person_uuid, SECTION)
    period = care_selectors.care_period_open_for(context["person"])
    if request.method == "POST" and period is not None and form.is_valid():
        if save_or_show(form, lambda: save(period, form.cleaned_data)):
            messages.success(request, done)
            return redirect("permanence:child_permanence", person_uuid)
    context.update(form=form, period=period, form_title=title, submit_label=title,
                   cancel_url=_tab_url(person_uuid))
    return render(request, "permanence/form_page.html", context)


def _bound(request, form_class, initial=None, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, initial=initial,
                      **kwargs)


@requires("permanence.record_permanence")
def record_plan_view(request, person_uuid):
    return _child_form(
        request, person_uuid, form=_bound(request, PlanForm, {"agreed_on": clock.today(),
                                                              "stage": "agreed"}),
        title="Record the permanence plan", done="The permanence plan was recorded",
        save=lambda period, data: services.plan_record(period=period, actor=request.user,
                                                       **data))


@requires("permanence.record_permanence")
def change_stage_view(request, person_uuid):
    return _child_form(
        request, person_uuid, form=_bound(request, StageForm, {"since": clock.today()}),
        title="Change the plan's stage", done="The plan's stage was changed",
        save=lambda period, data: services.stage_change(period=period, actor=request.user,
                                                        **data))


@requires("permanence.record_permanence")
def record_panel_view(request, person_uuid):
    return _child_form(
        request, person_uuid, form=_bound(request, PanelForm, {"held_on": clock.today()}),
        title="Record a permanence panel or meeting", done="The panel was recorded",
        save=lambda period, data: services.panel_record(period=period, actor=request.user,
                                                        **data))


@requires("permanence.record_adoption_decision")
def record_decision_view(request, person_uuid):
    return _child_form(
        request, person_uuid, form=_bound(request, DecisionForm, {"decided_on": clock.today()}),
        title="Record the decision that the child should be placed for adoption",
        done="The decision was recorded",
        save=lambda period, data: services.adoption_decision_record(
            period=period, actor=request.user, **data))


def _on_date_field(save, *fields):
    """A service names the step's own field (matched_on, order_on...); the step forms call
    their date `on`: show the message there."""
    try:
        return save()
    except DomainError as error:
        if error.field in fields:
            raise DomainError(error.message, field="on") from None
        raise


def _owned(model, pk, person_uuid):
    """A record of the child in the URL, or a 404 (the child's visibility is checked by
    record_context)."""
    record = model.objects.filter(pk=pk, child__uuid=person_uuid).first()
    if record is None:
        raise Http404
    return record


@requires("permanence.record_permanence")
def adoption_step_view(request, person_uuid, decision_id, step):
    if step not in ADOPTION_STEPS:
        raise Http404
    record_context(request, person_uuid, SECTION)  # a child the user may not see is a 404
    decision = _owned(AdoptionDecision, decision_id, person_uuid)
    field, title = ADOPTION_STEPS[step]
    initial = {"on": clock.today()}
    if step == "match":
        form = _bound(request, MatchForm, initial,
                      households=selectors.approved_households())
    elif step == "reverse":
        form = _bound(request, ReverseForm, initial)
    else:
        form = _bound(request, StepForm, initial)

    def save(period, data):
        return _on_date_field(lambda: services.adoption_step_record(
            decision=decision, step=field, on=data["on"], household=data.get("household"),
            reason=data.get("reversed_reason", ""), actor=request.user), field)

    return _child_form(request, person_uuid, form=form, title=title, done="It was recorded",
                       save=save)


@requires("permanence.record_permanence")
def start_sgo_view(request, person_uuid):
    return _child_form(
        request, person_uuid, form=_bound(request, SgoForm, {"started_on": clock.today()}),
        title="Start a special guardianship assessment", done="The assessment was recorded",
        save=lambda period, data: services.sgo_assessment_start(
            period=period, actor=request.user, **data))


@requires("permanence.record_permanence")
def sgo_step_view(request, person_uuid, sgo_id, step):
    if step not in SGO_STEPS:
        raise Http404
    record_context(request, person_uuid, SECTION)
    sgo = _owned(SpecialGuardianship, sgo_id, person_uuid)
    field, title = SGO_STEPS[step]
    return _child_form(
        request, person_uuid, form=_bound(request, StepForm, {"on": clock.today()}),
        title=title, done="It was recorded",
        save=lambda period, data: _on_date_field(lambda: services.sgo_step_record(
            sgo=sgo, step=field, on=data["on"], actor=request.user), field))


@requires("permanence.record_permanence")
def record_long_term_match_view(request, person_uuid):
    return _child_form(
        request, person_uuid,
        form=_bound(request, MatchLongTermForm, {"matched_on": clock.today()}),
        title="Record a long-term fostering match", done="The match was recorded",
        save=lambda period, data: services.long_term_match_record(
            period=period, actor=request.user, **data))


@requires("permanence.record_permanence")
def record_reunification_view(request, person_uuid):
    return _child_form(
        request, person_uuid,
        form=_bound(request, ReunificationForm, {"returned_home_on": clock.today()}),
        title="Record the child's return home", done="The return home was recorded",
        save=lambda period, data: services.reunification_record(
            period=period, actor=request.user, **data))


@requires("permanence.record_permanence")
def record_discharge_view(request, person_uuid, reunification_id):
    record_context(request, person_uuid, SECTION)
    reunification = _owned(Reunification, reunification_id, person_uuid)
    return _child_form(
        request, person_uuid, form=_bound(request, DischargeForm, {"on": clock.today()}),
        title="Record the discharge of the care order", done="The discharge was recorded",
        save=lambda period, data: _on_date_field(lambda: services.discharge_record(
            reunification=reunification, discharged_on=data["on"], actor=request.user),
            "care_order_discharged_on"))


@requires("permanence.record_permanence")
def record_previous_permanence_view(request, person_uuid):
    return _child_form(
        request, person_uuid, form=_bound(request, PreviousPermanenceForm),
        title="Record the previous permanence order",
        done="The previous permanence order was recorded",
        save=lambda period, data: services.previous_permanence_record(
            period=period, actor=request.user, **data))


# --- the tracker ---------------------------------------------------------------------------

@requires("permanence.view_tracker")
def tracker_view(request):
    today = clock.today()
    form = TrackerForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    periods = selectors.tracker_periods(team=data.get("team"),
                                        plan_type=data.get("plan_type", ""),
                                        stage=data.get("stage", ""),
                                        sort=data.get("sort") or "name")
    figures = selectors.tracker_figures(periods)
    shows_children = request.user.has_perm("people.view_child")
    listed = periods.filter(about_children_they_may_see(request.user)) \
        if shows_children else periods.none()
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for period in page:
        rows.append({"period": period, "child": period.child,
                     "plan_label": PlanType(period.plan_type).label if period.plan_type
                     else "No plan yet",
                     "stage_label": Stage(period.stage).label if period.stage else "–",
                     "days": (today - period.stage_since).days if period.stage_since else None,
                     "by_second_review": None if period.second_review_on is None else (
                         period.first_agreed_on is not None
                         and period.first_agreed_on <= period.second_review_on)})
    if shows_children:
        people_services.people_listed(actor=request.user, people=[r["child"] for r in rows],
                                      where="Permanence tracker")
    Auditor(request.user).record("PERMANENCE_TRACKER_VIEWED", detail={
        k: str(v) for k, v in data.items() if v not in (None, "")})
    return render(request, "permanence/tracker.html", {
        "form": form, "page_obj": page, "rows": rows, "figures": figures,
        "shows_children": shows_children,
        "not_named": figures.in_care - (page.paginator.count if shows_children else 0),
        "today": today, "query_params": query_params(request)})


# --- prospective adopters --------------------------------------------------------------------

@requires("permanence.view_adopters")
def households_view(request):
    form = HouseholdListForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    found = selectors.households(status=data.get("status", ""),
                                 sort=data.get("sort") or "enquiry")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    Auditor(request.user).record("ADOPTERS_LISTED", detail={
        "households": [h.pk for h in page], **{k: v for k, v in data.items() if v}})
    return render(request, "permanence/households.html", {
        "form": form, "page_obj": page, "query_params": query_params(request)})


@requires("permanence.manage_adopters")
def add_household_view(request):
    form = _bound(request, HouseholdForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        household = save_or_show(form, lambda: services.household_add(
            legal_status=data["legal_status"], enquiry_on=data["enquiry_on"],
            fostering_for_adoption=data["fostering_for_adoption"], adopters=form.adopters(),
            note=data["note"], actor=request.user))
        if household:
            messages.success(request, f"Prospective adopters {household.reference} were added")
            return redirect("permanence:household", household.pk)
    return render(request, "permanence/household_form.html", {
        "form": form, "form_title": "Add prospective adopters",
        "submit_label": "Add prospective adopters",
        "cancel_url": reverse("permanence:households")})


@requires("permanence.view_adopters")
def household_view(request, adopters_id):
    household = get_object_or_404(AdopterHousehold.objects.prefetch_related(
        "adopters", "decisions__child"), pk=adopters_id)
    services.household_viewed(actor=request.user, household=household)
    visible = set(Person.objects.visible_to(request.user).filter(
        pk__in=[d.child_id for d in household.decisions.all()]).values_list("pk", flat=True))
    decisions = [(d, d.child_id in visible) for d in household.decisions.all()]
    return render(request, "permanence/household.html", {
        "household": household, "decisions": decisions, "steps": HOUSEHOLD_STEPS})


@requires("permanence.manage_adopters")
def household_step_view(request, adopters_id, step):
    if step not in HOUSEHOLD_STEPS:
        raise Http404
    household = get_object_or_404(AdopterHousehold, pk=adopters_id)
    field, title = HOUSEHOLD_STEPS[step]
    if step == "leave":
        form = _bound(request, LeaveForm, {"left_on": clock.today()})
    else:
        form = _bound(request, StepForm, {"on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if step == "leave":
            save = lambda: services.household_leave(  # noqa: E731
                household=household, left_on=data["left_on"], reason=data["left_reason"],
                actor=request.user)
        else:
            save = lambda: services.household_stage_record(  # noqa: E731
                household=household, step=field, on=data["on"], actor=request.user)
        if save_or_show(form, lambda: _on_date_field(save, field)):
            messages.success(request, "It was recorded")
            return redirect("permanence:household", household.pk)
    return render(request, "permanence/household_form.html", {
        "form": form, "form_title": f"{title}: {household.reference}", "submit_label": title,
        "cancel_url": reverse("permanence:household", args=[household.pk])})
