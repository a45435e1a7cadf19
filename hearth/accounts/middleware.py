import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

from hearth.core import clock
from hearth.core.audit import Auditor

LAST_SEEN_KEY = "hearth_last_seen"
REFRESH_EVERY = dt.timedelta(seconds=60)


class InactivityTimeoutMiddleware:
    """Ends a signed-in session after HEARTH_SESSION_IDLE_MINUTES without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = clock.now()
            last_seen = request.session.get(LAST_SEEN_KEY)
            idle = dt.timedelta(minutes=settings.HEARTH_SESSION_IDLE_MINUTES)
            if last_seen and now - dt.datetime.fromisoformat(last_seen) > idle:
                Auditor(user).record("SESSION_EXPIRED", user)
                logout(request)
                messages.info(request, "You were signed out because you were inactive.")
                return redirect_to_login(request.get_full_path())
            if not last_seen or now - dt.datetime.fromisoformat(last_seen) > REFRESH_EVERY:
                # Saving the session on every request would cost a write per page.
                request.session[LAST_SEEN_KEY] = now.isoformat()
        return self.get_response(request)
