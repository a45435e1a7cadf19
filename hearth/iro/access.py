"""Which challenge a URL names. The child is checked first (hearth.people.access: 404 for a
record the user may not see); a challenge about another child is a 404 as well."""

from django.db.models import Prefetch
from django.http import Http404

from hearth.iro.models import Challenge
from hearth.iro.selectors import STAGES


def access_challenge(*, child, challenge_id: int) -> Challenge:
    try:
        return (Challenge.objects.select_related("raised_by", "resolved_by")
                .prefetch_related(Prefetch("stages", queryset=STAGES))
                .get(child=child, pk=challenge_id))
    except (Challenge.DoesNotExist, ValueError, TypeError):
        raise Http404("No IRO challenge found") from None
