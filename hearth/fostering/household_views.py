"""Fostering households: the list, the household's record, and the forms that move it from
enquiry through assessment, panel and decision to approval and its annual reviews."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.fostering import rules, selectors, services
from hearth.fostering.access import access_household
from hearth.fostering.codes import HouseholdStatus
from hearth.fostering.forms import (
    AdmDecisionForm,
    DateForm,
    EnquiryForm,
    HouseholdListForm,
    PanelForm,
    ReviewForm,
    StatusForm,
    TemporaryApprovalForm,
    WorkerForm,
)
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 25


def household_url(household) -> str:
    return reverse("fostering:household", args=[household.pk])


@requires("fostering.view_households")
def household_list_view(request):
    workers = selectors.supervising_social_workers()
    form = HouseholdListForm(request.GET or None, workers=workers)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.HouseholdFilters(
        query=data.get("q", ""), status=data.get("status", ""),
        household_type=data.get("household_type", ""),
        worker_id=getattr(data.get("worker"), "pk", None), sort=data.get("sort") or "reference")
    page = Paginator(selectors.household_list(filters), PAGE_SIZE).get_page(
        request.GET.get("page"))
    services.households_listed(actor=request.user, households=list(page), where="households")
    return render(request, "fostering/households.html", {
        "form": form, "page_obj": page,
        "query_params": query_params(request)})


@requires("fostering.record_enquiry")
def record_enquiry_view(request):
    form = EnquiryForm(request.POST or None, initial={"enquiry_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        household = save_or_show(form, lambda: services.household_record_enquiry(
            household_type=data["household_type"], carers=form.carers(),
            enquiry_on=data["enquiry_on"], postcode=data["postcode"], actor=request.user))
        if household:
            messages.success(request, f"Enquiry recorded as household {household.reference}")
            return redirect(household_url(household))
    return render(request, "fostering/form.html", {
        "form": form, "form_title": "Record a fostering enquiry",
        "submit_label": "Record the enquiry", "cancel_url": reverse("fostering:households")})


@requires("fostering.view_households")
def household_view(request, household_id):
    household = access_household(request.user, household_id)
    record = selectors.household_record(household, today=clock.today(),
                                        calendar=current_calendar())
    services.household_viewed(actor=request.user, household=household)
    return render(request, "fostering/household.html", {
        "record": record, "household": record.household,
        "status_choices": _status_choices(household)})


def _household_form(request, household_id, *, form_class, title: str, submit: str, save,
                    done: str, refusal=None, form_kwargs=None, initial=None):
    """The shape of every household form: the household or a 404; a page that says why the
    form does not apply now (`refusal`); the form; the service; back to the record."""
    household = access_household(request.user, household_id)
    context = {"household": household, "form_title": title, "submit_label": submit,
               "cancel_url": household_url(household)}
    reason = refusal(household) if refusal else None
    if reason:
        return render(request, "fostering/form.html", {**context, "refusal": reason})
    form = form_class(request.POST or None, initial=initial or {}, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: save(household, form.cleaned_data)):
            messages.success(request, done)
            return redirect(household_url(household))
    return render(request, "fostering/form.html", {**context, "form": form})


def _closed(household) -> str | None:
    if household.is_closed:
        return (f"This household's record is closed "
                f"({household.get_status_display().lower()}).")
    return None


@requires("fostering.allocate_supervising_social_worker")
def allocate_worker_view(request, household_id):
    return _household_form(
        request, household_id, form_class=WorkerForm, title="Allocate the supervising social "
        "worker", submit="Allocate", done="Supervising social worker allocated",
        refusal=_closed, form_kwargs={"workers": selectors.supervising_social_workers()},
        save=lambda h, d: services.supervising_social_worker_allocate(
            household=h, worker=d["worker"], actor=request.user))


@requires("fostering.record_assessment")
def record_initial_visit_view(request, household_id):
    return _household_form(
        request, household_id, form_class=DateForm, title="Record the initial visit",
        submit="Record the visit", done="Initial visit recorded", refusal=_closed,
        form_kwargs={"label": "Date of the initial visit"},
        save=lambda h, d: services.initial_visit_record(household=h, visited_on=d["on"],
                                                        actor=request.user))


def _not_enquiry(household) -> str | None:
    if household.status != HouseholdStatus.ENQUIRY:
        return (f"The assessment can start only from an enquiry: this household is "
                f"{household.get_status_display().lower()}.")
    return None


@requires("fostering.record_assessment")
def start_assessment_view(request, household_id):
    return _household_form(
        request, household_id, form_class=DateForm, title="Start the assessment",
        submit="Start the assessment", done="Assessment started", refusal=_not_enquiry,
        form_kwargs={"label": "Date the assessment started"},
        save=lambda h, d: services.assessment_start(household=h, started_on=d["on"],
                                                    actor=request.user))


def _cannot_approve_temporarily(household) -> str | None:
    try:
        rules.ensure_temporary_approval(household_type=household.household_type,
                                        status=household.status,
                                        already=household.temporary_approval_on is not None)
    except DomainError as error:
        return error.message + "."
    return None


@requires("fostering.grant_temporary_approval")
def grant_temporary_approval_view(request, household_id):
    visible = Person.objects.visible_to(request.user)

    def save(household, data):
        child = visible.filter(la_child_id=data["la_child_id"].strip()).first()
        if child is None:
            raise DomainError("No child you can see has that LA child ID", field="la_child_id")
        return services.temporary_approval_grant(household=household,
                                                 approved_on=data["approved_on"], child=child,
                                                 actor=request.user)

    return _household_form(
        request, household_id, form_class=TemporaryApprovalForm,
        title="Approve a connected person temporarily (regulation 24)",
        submit="Record the temporary approval", done="Temporary approval recorded: the "
        "assessment must conclude within 16 weeks", refusal=_cannot_approve_temporarily,
        initial={"approved_on": clock.today()}, save=save)


def _cannot_extend(household) -> str | None:
    if household.temporary_approval_ends_on is None or (
            household.status != HouseholdStatus.IN_ASSESSMENT):
        return "There is no temporary approval in force to extend."
    if household.temporary_approval_extended:
        return "The temporary approval has already been extended once."
    return None


@requires("fostering.grant_temporary_approval")
def extend_temporary_approval_view(request, household_id):
    return _household_form(
        request, household_id, form_class=DateForm,
        title="Extend the temporary approval (regulation 25)", submit="Extend by 8 weeks",
        done="Temporary approval extended by 8 weeks", refusal=_cannot_extend,
        form_kwargs={"label": "Date of the decision to extend"},
        save=lambda h, d: services.temporary_approval_extend(household=h, extended_on=d["on"],
                                                             actor=request.user))


def _cannot_go_to_panel(household) -> str | None:
    if services.pending_recommendation(household) is not None:
        return ("The agency decision maker has not decided on the last panel's recommendation "
                "yet: record that decision first.")
    if household.status not in (HouseholdStatus.IN_ASSESSMENT, HouseholdStatus.APPROVED,
                                HouseholdStatus.ON_HOLD):
        return (f"The panel considers households in assessment or approved: this one is "
                f"{household.get_status_display().lower()}.")
    return None


@requires("fostering.record_panel")
def record_panel_view(request, household_id):
    return _household_form(
        request, household_id, form_class=PanelForm,
        title="Record the fostering panel's recommendation", submit="Record the recommendation",
        done="Panel recommendation recorded: the agency decision maker has 7 working days",
        refusal=_cannot_go_to_panel,
        save=lambda h, d: services.panel_recommendation_record(household=h, actor=request.user,
                                                               **d))


def _nothing_to_decide(household) -> str | None:
    if services.pending_recommendation(household) is None:
        return "There is no panel recommendation waiting for a decision."
    return None


@requires("fostering.record_adm_decision")
def record_adm_decision_view(request, household_id):
    return _household_form(
        request, household_id, form_class=AdmDecisionForm,
        title="Record the agency decision maker's decision", submit="Record the decision",
        done="Decision recorded", refusal=_nothing_to_decide,
        initial={"decided_on": clock.today()},
        save=lambda h, d: services.adm_decision_record(household=h, actor=request.user, **d))


def _not_approved(household) -> str | None:
    if household.status not in (HouseholdStatus.APPROVED, HouseholdStatus.ON_HOLD):
        return "Only approved carers' approval is reviewed."
    return None


@requires("fostering.record_assessment")
def record_review_view(request, household_id):
    return _household_form(
        request, household_id, form_class=ReviewForm, title="Record the annual review",
        submit="Record the review", done="Review recorded", refusal=_not_approved,
        save=lambda h, d: services.review_record(household=h, actor=request.user, **d))


def _status_choices(household) -> list[tuple[str, str]]:
    allowed = rules.MANUAL_CHANGES.get(household.status, frozenset())
    return [(s.value, s.label) for s in HouseholdStatus if s in allowed]


@requires("fostering.change_household_status")
def change_status_view(request, household_id):
    household = access_household(request.user, household_id)
    choices = _status_choices(household)
    return _household_form(
        request, household_id, form_class=StatusForm, title="Change the household's status",
        submit="Change the status", done="Status changed",
        refusal=lambda h: None if choices else "This household's status cannot be changed "
        "by hand now.", form_kwargs={"choices": choices},
        save=lambda h, d: services.household_status_change(household=h, actor=request.user,
                                                           **d))
