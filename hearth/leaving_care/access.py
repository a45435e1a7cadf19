"""Which entitlement a URL names. The young person is checked first (hearth.people.access: 404
for a record the user may not see); an entitlement of another young person is a 404 as well."""

from django.http import Http404

from hearth.leaving_care.models import EntitlementOffer


def access_entitlement(*, child, entitlement_id: int) -> EntitlementOffer:
    try:
        return EntitlementOffer.objects.select_related("care_leaver").get(
            care_leaver__child=child, pk=entitlement_id)
    except (EntitlementOffer.DoesNotExist, ValueError, TypeError):
        raise Http404("No entitlement found") from None
