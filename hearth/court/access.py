"""Which legal case a URL names. The child is checked first (hearth.people.access: 404 for a
record the user may not see); a case the child is not part of is a 404 as well."""

from django.http import Http404

from hearth.court.models import LegalCase


def access_legal_case(*, child, legal_case_id: int) -> LegalCase:
    try:
        return LegalCase.objects.get(pk=legal_case_id, memberships__child=child)
    except (LegalCase.DoesNotExist, ValueError, TypeError):
        raise Http404("No legal case found") from None
