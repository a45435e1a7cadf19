"""Recording initial and review child protection conferences."""

from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.protection import rules, selectors, services
from hearth.protection.forms import InitialConferenceForm, ReviewConferenceForm
from hearth.protection.pages import form_page, nothing_to_do
from hearth.protection.rules import long_date


@requires("protection.record_conference")
def record_initial_conference_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    child, title = context["person"], "Record the initial child protection conference"
    enquiry = selectors.enquiry_awaiting_initial_conference(child)
    if enquiry is None:
        return nothing_to_do(request, context, title=title,
                             message=f"No section 47 enquiry about {child.full_name} is "
                                     "waiting for an initial conference.")
    return form_page(
        request, context, form=InitialConferenceForm(request.POST or None), title=title,
        submit="Save the conference", success="The initial conference was recorded",
        intro=(f"Due by {long_date(enquiry.icpc_due_on)}: 15 working days after the strategy "
               f"discussion on {long_date(enquiry.started_on)}.",
               "A plan outcome starts the child protection plan on the conference's date."),
        save=lambda values: services.initial_conference_record(
            enquiry=enquiry, actor=request.user, **values))


@requires("protection.record_conference")
def record_review_conference_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    child, title = context["person"], "Record a review child protection conference"
    plan = selectors.open_plan_for(child)
    if plan is None:
        return nothing_to_do(request, context, title=title,
                             message=f"{child.full_name} has no open child protection plan.")
    facts = selectors.plan_facts(plan)
    due_on = (rules.first_review_due_on(icpc_on=plan.start_date) if facts.last_review_on is None
              else rules.next_review_due_on(review_on=facts.last_review_on))
    return form_page(
        request, context, form=ReviewConferenceForm(request.POST or None), title=title,
        submit="Save the review", success="The review conference was recorded",
        intro=(f"Due by {long_date(due_on)}.",
               "Choose the latest category of abuse if the plan continues."),
        save=lambda values: services.review_conference_record(plan=plan, actor=request.user,
                                                              **values))
