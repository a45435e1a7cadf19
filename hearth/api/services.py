"""Writes the API owns: issuing tokens."""

from django.db import transaction
from rest_framework.authtoken.models import Token

from hearth.core.audit import Auditor


@transaction.atomic
def token_issue(*, user) -> Token:
    """The user's API token (one per user, made on first request), with the issue audited."""
    token, created = Token.objects.get_or_create(user=user)
    Auditor(user).record("API_TOKEN_ISSUED", user, detail={"new": created})
    return token
