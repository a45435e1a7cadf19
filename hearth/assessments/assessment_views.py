"""The child's Assessments section: the list, one assessment, and the forms that change it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.assessments import selectors, services
from hearth.assessments.access import access_assessment
from hearth.assessments.forms import (
    AssessmentForm,
    AuthoriseForm,
    ContributionForm,
    StartAssessmentForm,
)
from hearth.core import clock
from hearth.core.forms import save_or_show
from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar

SECTION = "assessments"


def _with_assessment(request, person_uuid, assessment_id) -> dict:
    context = record_context(request, person_uuid, SECTION)
    context["assessment"] = access_assessment(child=context["person"],
                                              assessment_id=assessment_id)
    return context


def _list_url(person_uuid) -> str:
    return reverse("assessments:child_assessments", args=[person_uuid])


@requires("people.view_child")
def child_assessments_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    context["rows"] = selectors.assessment_list_for_child(
        context["person"], today=clock.today(), calendar=current_calendar())
    return render(request, "assessments/child_assessments.html", context)


@requires("people.view_child")
def assessment_view(request, person_uuid, assessment_id):
    context = _with_assessment(request, person_uuid, assessment_id)
    context["status"] = selectors.AssessmentRow(context["assessment"], selectors.assessment_status(
        context["assessment"], today=clock.today(), calendar=current_calendar()))
    return render(request, "assessments/assessment_detail.html", context)


@requires("assessments.record_assessment")
def start_assessment_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    referrals = selectors.referrals_open_for_assessment(context["person"])
    first = referrals.first()
    kind = "updated" if first and selectors.referral_has_assessment(first) else "new"
    form = StartAssessmentForm(request.POST or None, referrals=referrals,
                               initial={"started_on": clock.today(), "kind": kind,
                                        "referral": getattr(first, "pk", None)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assessment = save_or_show(form, lambda: services.assessment_start(
            referral=data["referral"], kind=data["kind"], started_on=data["started_on"],
            actor=request.user))
        if assessment:
            messages.success(request, "The assessment was started. It is due to be authorised "
                                      f"by {assessment.due_on.day} {assessment.due_on:%B %Y}")
            return redirect("assessments:assessment", person_uuid, assessment.pk)
    context.update(form=form, has_referral=first is not None,
                   cancel_url=_list_url(person_uuid))
    return render(request, "assessments/start_assessment.html", context)


@requires("assessments.record_assessment")
def edit_assessment_view(request, person_uuid, assessment_id):
    context = _with_assessment(request, person_uuid, assessment_id)
    assessment = context["assessment"]
    initial = {name: getattr(assessment, name) for name in AssessmentForm.base_fields}
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and not assessment.is_authorised and form.is_valid():
        if save_or_show(form, lambda: services.assessment_update(
                assessment=assessment, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The assessment was saved")
            return redirect("assessments:assessment", person_uuid, assessment.pk)
    context.update(form=form, cancel_url=reverse("assessments:assessment",
                                                 args=[person_uuid, assessment.pk]))
    return render(request, "assessments/edit_assessment.html", context)


@requires("assessments.record_assessment")
def add_contribution_view(request, person_uuid, assessment_id):
    context = _with_assessment(request, person_uuid, assessment_id)
    assessment = context["assessment"]
    form = ContributionForm(request.POST or None, initial={"received_on": clock.today()})
    if request.method == "POST" and not assessment.is_authorised and form.is_valid():
        if save_or_show(form, lambda: services.assessment_contribution_add(
                assessment=assessment, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The partner agency's contribution was added")
            return redirect("assessments:assessment", person_uuid, assessment.pk)
    context.update(form=form, cancel_url=reverse("assessments:assessment",
                                                 args=[person_uuid, assessment.pk]))
    return render(request, "assessments/add_contribution.html", context)


@requires("assessments.authorise_assessment")
def authorise_assessment_view(request, person_uuid, assessment_id):
    context = _with_assessment(request, person_uuid, assessment_id)
    assessment = context["assessment"]
    form = AuthoriseForm(request.POST or None, due_on=assessment.due_on,
                         initial={"authorised_on": clock.today()})
    if request.method == "POST" and not assessment.is_authorised and form.is_valid():
        authorised = save_or_show(form, lambda: services.assessment_authorise(
            assessment=assessment, actor=request.user, **form.cleaned_data))
        if authorised:
            return _after_authorising(request, person_uuid, authorised)
    context.update(form=form, cancel_url=reverse("assessments:assessment",
                                                 args=[person_uuid, assessment.pk]))
    return render(request, "assessments/authorise_assessment.html", context)


def _after_authorising(request, person_uuid, assessment):
    # The detail page offers the next step the outcome calls for (start the CIN plan).
    messages.success(request, "The assessment was authorised with the outcome "
                              f"'{assessment.get_outcome_display()}'")
    return redirect("assessments:assessment", person_uuid, assessment.pk)
