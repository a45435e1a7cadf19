"""The child's Child in need section: the plan, its reviews and visits, and the forms for them."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.cin import selectors, services
from hearth.cin.access import access_cin_plan
from hearth.cin.forms import EndCinPlanForm, ReviewForm, StartCinPlanForm, VisitForm
from hearth.core import clock
from hearth.core.forms import save_or_show
from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar

SECTION = "cin"


def _list_url(person_uuid) -> str:
    return reverse("cin:child_cin_plans", args=[person_uuid])


@requires("people.view_child")
def child_cin_plans_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    context["plans"] = selectors.cin_plan_list_for_child(
        context["person"], today=clock.today(), calendar=current_calendar())
    context["has_open_plan"] = any(summary.plan.is_open for summary in context["plans"])
    return render(request, "cin/child_cin_plans.html", context)


@requires("cin.record_cin_plan")
def start_cin_plan_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    referrals = selectors.referrals_open_for_plan(context["person"])
    chosen = request.GET.get("referral") or getattr(referrals.first(), "pk", None)
    form = StartCinPlanForm(request.POST or None, referrals=referrals,
                            initial={"started_on": clock.today(), "referral": chosen})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.cin_plan_start(actor=request.user,
                                                               **form.cleaned_data)):
            messages.success(request, "The child in need plan was started")
            return redirect("cin:child_cin_plans", person_uuid)
    context.update(form=form, has_referral=referrals.exists(),
                   open_plan=selectors.cin_plan_open_for(context["person"]),
                   cancel_url=_list_url(person_uuid))
    return render(request, "cin/start_cin_plan.html", context)


def _plan_form_page(request, person_uuid, plan_id, *, form_class, save, title, done,
                    initial=None):
    """A form about one plan: review, visit or end. An ended plan shows why it takes none."""
    context = record_context(request, person_uuid, SECTION)
    plan = access_cin_plan(child=context["person"], plan_id=plan_id)
    form = form_class(request.POST or None, initial=initial or {})
    if request.method == "POST" and plan.is_open and form.is_valid():
        if save_or_show(form, lambda: save(plan, form.cleaned_data)):
            messages.success(request, done)
            return redirect("cin:child_cin_plans", person_uuid)
    context.update(form=form, plan=plan, form_title=title, submit_label=title,
                   cancel_url=_list_url(person_uuid))
    return render(request, "cin/plan_form.html", context)


@requires("cin.record_cin_plan")
def review_cin_plan_view(request, person_uuid, plan_id):
    return _plan_form_page(
        request, person_uuid, plan_id, form_class=ReviewForm, title="Record a review",
        done="The review was recorded", initial={"reviewed_on": clock.today()},
        save=lambda plan, data: services.cin_plan_review(plan=plan, actor=request.user, **data))


@requires("cases.record_visit")
def visit_cin_plan_view(request, person_uuid, plan_id):
    return _plan_form_page(
        request, person_uuid, plan_id, form_class=VisitForm, title="Record a visit",
        done="The visit was recorded", initial={"visited_on": clock.today()},
        save=lambda plan, data: services.cin_plan_visit(plan=plan, actor=request.user, **data))


@requires("cin.record_cin_plan")
def end_cin_plan_view(request, person_uuid, plan_id):
    return _plan_form_page(
        request, person_uuid, plan_id, form_class=EndCinPlanForm, title="End the plan",
        done="The child in need plan was ended", initial={"ended_on": clock.today()},
        save=lambda plan, data: services.cin_plan_end(plan=plan, actor=request.user, **data))
