"""Which assessment a URL names. The child is checked first (hearth.people.access: 404 for a
record the user may not see); an assessment of another child is a 404 as well."""

from django.http import Http404

from hearth.assessments.models import Assessment


def access_assessment(*, child, assessment_id: int) -> Assessment:
    """The child's assessment with this id, or 404, exactly as if it did not exist."""
    try:
        return (Assessment.objects.select_related("referral", "authorised_by", "recorded_by")
                .prefetch_related("contributions").get(child=child, pk=assessment_id))
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise Http404("No assessment found") from None
