"""Which period or episode a URL names. The child is checked first (hearth.people.access: 404
for a record the user may not see); a record of another child is a 404 as well."""

from django.http import Http404

from hearth.care.models import CareEpisode, CarePeriod


def access_care_period(*, child, period_id: int) -> CarePeriod:
    """The child's period of care with this id, or 404, exactly as if it did not exist."""
    try:
        return CarePeriod.objects.get(child=child, pk=period_id)
    except (CarePeriod.DoesNotExist, ValueError, TypeError):
        raise Http404("No period of care found") from None


def access_care_episode(*, child, episode_id: int) -> CareEpisode:
    try:
        return CareEpisode.objects.select_related("period", "signed_off_by").get(
            child=child, pk=episode_id)
    except (CareEpisode.DoesNotExist, ValueError, TypeError):
        raise Http404("No episode of care found") from None
