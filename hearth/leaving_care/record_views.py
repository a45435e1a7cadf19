"""The young person's Leaving care tab and the forms that write to it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.forms import save_or_show
from hearth.core.permissions import requires
from hearth.leaving_care import forms, selectors, services
from hearth.leaving_care.access import access_entitlement
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar

SECTION = "leaving_care"
RECORD = "leaving_care.record_care_leaver"


def _tab_url(person_uuid) -> str:
    return reverse("leaving_care:child_leaving_care", args=[person_uuid])


@requires("people.view_child")
def child_leaving_care_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    context["summary"] = selectors.care_leaver_summary(
        context["person"], today=clock.today(), calendar=current_calendar())
    return render(request, "leaving_care/child_leaving_care.html", context)


@requires(RECORD)
def record_care_leaver_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    can_allocate = request.user.has_perm("leaving_care.allocate_personal_adviser")
    form = forms.CareLeaverForm(request.POST or None, initial={"applies_from": clock.today()},
                                advisers=selectors.personal_advisers() if can_allocate else None)
    existing = selectors.care_leaver_for(context["person"])
    if request.method == "POST" and existing is None and form.is_valid():
        if save_or_show(form, lambda: services.care_leaver_record(
                child=context["person"], actor=request.user, **form.cleaned_data)):
            messages.success(request, "The young person was recorded as a care leaver")
            return redirect("leaving_care:child_leaving_care", person_uuid)
    context.update(form=form, form_title="Record as a care leaver", submit_label="Save",
                   care_leaver=existing, cancel_url=_tab_url(person_uuid), needs_record=False,
                   already_recorded=existing is not None)
    return render(request, "leaving_care/form.html", context)


def _care_leaver_form_page(request, person_uuid, *, form_class, save, title, done,
                           initial=None, form_kwargs=None):
    """A form about an existing care leaver record; without one, the page says so."""
    context = record_context(request, person_uuid, SECTION)
    care_leaver = selectors.care_leaver_for(context["person"])
    form = form_class(request.POST or None, initial=initial or {}, **(form_kwargs or {}))
    if request.method == "POST" and care_leaver is not None and form.is_valid():
        if save_or_show(form, lambda: save(care_leaver, form.cleaned_data)):
            messages.success(request, done)
            return redirect("leaving_care:child_leaving_care", person_uuid)
    context.update(form=form, form_title=title, submit_label=title, care_leaver=care_leaver,
                   needs_record=care_leaver is None, cancel_url=_tab_url(person_uuid))
    return render(request, "leaving_care/form.html", context)


@requires(RECORD)
def change_category_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.CategoryForm, title="Change the category",
        done="The category was changed", initial={"applies_from": clock.today()},
        save=lambda cl, data: services.care_leaver_category_change(
            care_leaver=cl, actor=request.user, **data))


@requires("leaving_care.allocate_personal_adviser")
def allocate_adviser_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.AdviserForm, title="Allocate a personal adviser",
        done="The personal adviser was allocated", initial={"allocated_on": clock.today()},
        form_kwargs={"advisers": selectors.personal_advisers()},
        save=lambda cl, data: services.personal_adviser_allocate(
            care_leaver=cl, actor=request.user, **data))


@requires(RECORD)
def needs_assessment_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.NeedsAssessmentForm,
        title="Record the pathway needs assessment", done="The needs assessment was recorded",
        initial={"completed_on": clock.today()},
        save=lambda cl, data: services.needs_assessment_record(
            care_leaver=cl, actor=request.user, **data))


@requires(RECORD)
def agree_pathway_plan_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.PathwayPlanForm,
        title="Record the pathway plan", done="The pathway plan was recorded",
        initial={"agreed_on": clock.today()},
        save=lambda cl, data: services.pathway_plan_agree(
            care_leaver=cl, actor=request.user, **data))


@requires(RECORD)
def review_pathway_plan_view(request, person_uuid):
    def save(care_leaver, data):
        plan = getattr(care_leaver, "pathway_plan", None)
        if plan is None:
            raise DomainError("Record the pathway plan before a review of it")
        return services.pathway_plan_review(plan=plan, actor=request.user, **data)

    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.ReviewForm, title="Record a pathway plan review",
        done="The review was recorded", initial={"reviewed_on": clock.today()}, save=save)


@requires(RECORD)
def record_contact_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.ContactForm, title="Record a contact",
        done="The contact was recorded", initial={"contact_on": clock.today()},
        form_kwargs={"staff": selectors.personal_advisers()},
        save=lambda cl, data: services.contact_record(care_leaver=cl, actor=request.user,
                                                      **data))


@requires(RECORD)
def record_situation_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.SituationForm,
        title="Record accommodation and activity", done="Accommodation and activity recorded",
        initial={"as_at": clock.today()},
        save=lambda cl, data: services.situation_record(care_leaver=cl, actor=request.user,
                                                        **data))


@requires(RECORD)
def start_staying_put_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.StayingPutForm, title="Record Staying Put",
        done="Staying Put was recorded",
        save=lambda cl, data: services.staying_put_start(care_leaver=cl, actor=request.user,
                                                         **data))


@requires(RECORD)
def end_staying_put_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.EndStayingPutForm, title="End Staying Put",
        done="Staying Put was ended", initial={"ended_on": clock.today()},
        save=lambda cl, data: services.staying_put_end(care_leaver=cl, actor=request.user,
                                                       **data))


@requires(RECORD)
def offer_entitlement_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.EntitlementForm, title="Record an entitlement",
        done="The entitlement was recorded", initial={"offered_on": clock.today()},
        save=lambda cl, data: services.entitlement_offer(care_leaver=cl, actor=request.user,
                                                         **data))


@requires(RECORD)
def entitlement_take_up_view(request, person_uuid, entitlement_id):
    context = record_context(request, person_uuid, SECTION)
    offer = access_entitlement(child=context["person"], entitlement_id=entitlement_id)
    form = forms.TakeUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.entitlement_take_up_record(
                offer=offer, actor=request.user, **form.cleaned_data)):
            messages.success(request, "Take-up was recorded")
            return redirect("leaving_care:child_leaving_care", person_uuid)
    context.update(form=form, form_title=f"{offer.get_kind_display()}: taken up?",
                   submit_label="Save", care_leaver=offer.care_leaver, needs_record=False,
                   cancel_url=_tab_url(person_uuid))
    return render(request, "leaving_care/form.html", context)


@requires(RECORD)
def support_to_25_view(request, person_uuid):
    return _care_leaver_form_page(
        request, person_uuid, form_class=forms.SupportTo25Form,
        title="Record a request for support to 25", done="The request was recorded",
        initial={"requested_on": clock.today()},
        save=lambda cl, data: services.support_to_25_request(care_leaver=cl, actor=request.user,
                                                             **data))
