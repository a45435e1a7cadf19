"""Sign-in throttling (django-axes, ADR 17): where an attempt came from, and the answer to one
that is locked out."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

TOO_MANY = 429


def client_address(request) -> str:
    """The address the audit trail records for a request; see AXES_CLIENT_IP_CALLABLE."""
    return request.META.get("REMOTE_ADDR") or ""


def locked_out(request, original_response=None, credentials=None):
    """A clear page (or, for the API, JSON) saying how long to wait; AXES_LOCKOUT_CALLABLE."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = (f"Too many failed attempts to sign in. Wait {minutes} minutes, then try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=TOO_MANY)
    return render(request, "accounts/locked_out.html", {"cooloff_minutes": minutes},
                  status=TOO_MANY)
