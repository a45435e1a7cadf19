import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

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


class TwoFactorMiddleware:
    """With HEARTH_REQUIRE_2FA on, a member of staff signed in with a password reaches no page
    until they have given a code from their authenticator app (and set one up, the first time).
    Only the two-factor pages, signing out and static files are open before that."""

    OPEN_ROUTES = ("two_factor_verify", "two_factor_setup", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from hearth.accounts import two_factor

        user = getattr(request, "user", None)
        if (user is not None and two_factor.required_for(user) and not user.is_verified()
                and not self._open(request)):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Give your two-factor code in the browser "
                                               "first, or use an API token."}, status=403)
            route = ("two_factor_verify" if two_factor.confirmed_device(user)
                     else "two_factor_setup")
            return redirect(f"{reverse(route)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _open(self, request) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.url_name in self.OPEN_ROUTES
