"""A child's child protection records by id, only through the child: 404 for any other.

The caller has already found the child with hearth.people.access (404 if they may not see
them), so a record of a child they may not see is never reachable by guessing its id.
"""

from django.http import Http404

from hearth.protection.models import (
    ChildProtectionPlan,
    Conference,
    CoreGroup,
    Section47Enquiry,
    StrategyDiscussion,
)


def _of_child(model, child, record_id: int):
    try:
        return model.objects.get(pk=record_id, child=child)
    except model.DoesNotExist:
        raise Http404("No such record for this child") from None


def access_strategy_discussion(child, discussion_id: int) -> StrategyDiscussion:
    return _of_child(StrategyDiscussion, child, discussion_id)


def access_section47(child, enquiry_id: int) -> Section47Enquiry:
    return _of_child(Section47Enquiry, child, enquiry_id)


def access_conference(child, conference_id: int) -> Conference:
    return _of_child(Conference, child, conference_id)


def access_cp_plan(child, plan_id: int) -> ChildProtectionPlan:
    return _of_child(ChildProtectionPlan, child, plan_id)


def access_core_group(child, core_group_id: int) -> CoreGroup:
    return _of_child(CoreGroup, child, core_group_id)
