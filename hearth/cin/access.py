"""Which plan a URL names. The child is checked first (hearth.people.access: 404 for a record
the user may not see); a plan of another child is a 404 as well."""

from django.http import Http404

from hearth.cin.models import CinPlan


def access_cin_plan(*, child, plan_id: int) -> CinPlan:
    """The child's plan with this id, or 404, exactly as if it did not exist."""
    try:
        return CinPlan.objects.select_related("referral").get(child=child, pk=plan_id)
    except (CinPlan.DoesNotExist, ValueError, TypeError):
        raise Http404("No child in need plan found") from None
