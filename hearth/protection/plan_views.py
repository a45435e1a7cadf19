"""Work on an open child protection plan: core groups, visits and ending it."""

from hearth.core import clock
from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.protection import selectors, services
from hearth.protection.forms import CoreGroupForm, CpVisitForm, EndPlanForm
from hearth.protection.pages import form_page, nothing_to_do
from hearth.protection.rules import long_date


def _open_plan_or_nothing(request, context: dict, title: str):
    plan = selectors.open_plan_for(context["person"])
    if plan is None:
        message = f"{context['person'].full_name} has no open child protection plan."
        return None, nothing_to_do(request, context, title=title, message=message)
    return plan, None


@requires("protection.record_core_group")
def record_core_group_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    title = "Record a core group"
    plan, page = _open_plan_or_nothing(request, context, title)
    if page:
        return page
    return form_page(
        request, context, form=CoreGroupForm(request.POST or None), title=title,
        submit="Save the core group", success="The core group was recorded",
        intro=(f"The plan started on {long_date(plan.start_date)}.",),
        save=lambda values: services.core_group_record(plan=plan, actor=request.user, **values))


@requires("cases.record_visit")
def record_cp_visit_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    title = "Record a child protection visit"
    plan, page = _open_plan_or_nothing(request, context, title)
    if page:
        return page
    form = CpVisitForm(request.POST or None, initial={"visited_on": clock.today()})
    return form_page(
        request, context, form=form, title=title, submit="Save the visit",
        success="The visit was recorded",
        intro=("A visit counts towards the visiting standard only if the child was seen.",),
        save=lambda values: services.cp_visit_record(plan=plan, actor=request.user, **values))


@requires("protection.end_cp_plan")
def end_cp_plan_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    title = "End the child protection plan"
    plan, page = _open_plan_or_nothing(request, context, title)
    if page:
        return page
    return form_page(
        request, context, form=EndPlanForm(request.POST or None), title=title,
        submit="End the plan", success="The child protection plan was ended",
        intro=(f"The plan started on {long_date(plan.start_date)}. Ending it closes its core "
               "group, review and visit tasks.",),
        save=lambda values: services.cp_plan_end(plan=plan, actor=request.user, **values))
