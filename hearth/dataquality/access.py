"""Which issue a URL names, for this user: one about a child they may not see, or outside the
issues their permission opens, is a 404 exactly as one that does not exist (ADR 3)."""

from django.http import Http404

from hearth.dataquality.models import DataQualityIssue
from hearth.dataquality.selectors import visible_issues


def access_issue(user, issue_id) -> DataQualityIssue:
    try:
        return visible_issues(user).select_related("child").get(pk=issue_id)
    except (DataQualityIssue.DoesNotExist, ValueError, TypeError):
        raise Http404("No data-quality issue found") from None
