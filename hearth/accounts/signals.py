"""Sign-in and sign-out are audited (infrastructure signals from django.contrib.auth)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from hearth.core.audit import Auditor


@receiver(user_logged_in)
def audit_sign_in(sender, request, user, **kwargs):
    Auditor(user).record("USER_SIGNED_IN", user)


@receiver(user_logged_out)
def audit_sign_out(sender, request, user, **kwargs):
    if user is not None:
        Auditor(user).record("USER_SIGNED_OUT", user)


@receiver(user_login_failed)
def audit_failed_sign_in(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    Auditor(system_job="sign-in").record("SIGN_IN_FAILED", detail={"username": username})
