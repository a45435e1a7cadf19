"""Recording strategy discussions and the outcome of section 47 enquiries."""

from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.protection import selectors, services
from hearth.protection.forms import Section47OutcomeForm, StrategyDiscussionForm
from hearth.protection.pages import form_page, nothing_to_do
from hearth.protection.rules import long_date


@requires("protection.record_strategy_discussion")
def add_strategy_discussion_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    child, title = context["person"], "Record a strategy discussion"
    referrals = selectors.open_referrals_for(child)
    found = list(referrals[:2])
    if not found:
        return nothing_to_do(request, context, title=title,
                             message=f"{child.full_name} has no open referral. A strategy "
                                     "discussion is recorded on a referral: record one first.")
    form = StrategyDiscussionForm(request.POST or None, referrals=referrals,
                                  initial={"referral": found[0] if len(found) == 1 else None})
    return form_page(
        request, context, form=form, title=title, submit="Save the discussion",
        success="The strategy discussion was recorded",
        intro=("Deciding on a section 47 enquiry starts it on the date of the discussion.",),
        save=lambda values: services.strategy_discussion_record(actor=request.user, **values))


@requires("protection.record_section47")
def record_section47_outcome_view(request, person_uuid):
    context = record_context(request, person_uuid, "protection")
    child, title = context["person"], "Record the outcome of the section 47 enquiry"
    enquiry = selectors.open_enquiry_for(child)
    if enquiry is None:
        return nothing_to_do(request, context, title=title,
                             message=f"{child.full_name} has no open section 47 enquiry.")
    return form_page(
        request, context, form=Section47OutcomeForm(request.POST or None), title=title,
        submit="Save the outcome", success="The outcome of the enquiry was recorded",
        intro=(f"The enquiry started on {long_date(enquiry.started_on)}. If an initial "
               f"conference is needed it is due by {long_date(enquiry.icpc_due_on)}.",),
        save=lambda values: services.section47_conclude(enquiry=enquiry, actor=request.user,
                                                        **values))
