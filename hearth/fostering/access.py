"""Which household or provider a URL names: the record, or a 404 exactly as if it did not
exist. Who may open them at all is the permission (fostering.view_households,
fostering.view_providers); every household opened is audited by the view's service call."""

from django.http import Http404

from hearth.fostering.models import FosteringHousehold, Provider


def access_household(user, household_id) -> FosteringHousehold:
    if not user.has_perm("fostering.view_households"):
        raise Http404("No household found")
    try:
        return FosteringHousehold.objects.get(pk=int(household_id))
    except (FosteringHousehold.DoesNotExist, ValueError, TypeError):
        raise Http404("No household found") from None


def access_provider(user, provider_id) -> Provider:
    if not user.has_perm("fostering.view_providers"):
        raise Http404("No provider found")
    try:
        return Provider.objects.get(pk=int(provider_id))
    except (Provider.DoesNotExist, ValueError, TypeError):
        raise Http404("No provider found") from None
