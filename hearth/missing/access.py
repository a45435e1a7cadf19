"""Which episode a URL names. The child is checked first (hearth.people.access: 404 for a
record the user may not see); an episode of another child is a 404 as well."""

from django.http import Http404

from hearth.missing.models import MissingEpisode


def access_missing_episode(*, child, missing_episode_id: int) -> MissingEpisode:
    """The child's episode with this id, or 404, exactly as if it did not exist."""
    try:
        return MissingEpisode.objects.select_related("child").get(child=child,
                                                                  pk=missing_episode_id)
    except (MissingEpisode.DoesNotExist, ValueError, TypeError):
        raise Http404("No missing episode found") from None
