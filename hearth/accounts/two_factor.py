"""Two-factor authentication for staff: a time-based code from an authenticator app (TOTP).

django-otp holds the devices and checks the codes (each code once only, and slower answers
after wrong ones). This module decides who must give one, enrols a new app and asks for the
code after the password. ADR 17.
"""

from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from hearth.core.audit import Auditor

DEVICE_NAME = "Authenticator app"


def required_for(user) -> bool:
    """Whether `user` must give a code before reaching any page (HEARTH_REQUIRE_2FA)."""
    return settings.HEARTH_REQUIRE_2FA and user.is_authenticated


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def device_to_enrol(user) -> TOTPDevice:
    """The user's unconfirmed app being set up, made the first time they are asked."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


class CodeRefused(Exception):
    pass


def check_code(device: TOTPDevice, code: str) -> None:
    """Raises CodeRefused with what to do, unless `code` is the device's current code (and
    has not been used before)."""
    allowed, why = device.verify_is_allowed()
    if not allowed:
        raise CodeRefused("You have entered too many wrong codes. Wait a minute, then enter "
                          "the code your authenticator app shows now.")
    if not device.verify_token(code):
        raise CodeRefused("The code is not right, or has been used already. Enter the code "
                          "your authenticator app shows now.")


def enrolment_confirm(*, request, device: TOTPDevice, code: str) -> None:
    """Confirms the app being set up with its first code and marks the session verified.
    A wrong code is audited and raises CodeRefused (its throttling and audit are kept: no
    transaction is rolled back over them)."""
    _check_or_audit(request.user, device, code, stage="set up")
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        otp_login(request, device)
        Auditor(request.user).record("TWO_FACTOR_ENROLLED", request.user)


def sign_in_verify(*, request, device: TOTPDevice, code: str) -> None:
    """Marks the session verified after a right code; a wrong one is audited and raises."""
    _check_or_audit(request.user, device, code, stage="sign in")
    with transaction.atomic():
        otp_login(request, device)
        Auditor(request.user).record("TWO_FACTOR_VERIFIED", request.user)


def _check_or_audit(user, device: TOTPDevice, code: str, *, stage: str) -> None:
    try:
        check_code(device, code)
    except CodeRefused:
        Auditor(user).record("TWO_FACTOR_FAILED", user, detail={"stage": stage})
        raise


def code_is_right(user, code: str) -> bool:
    """For the API token: the user's confirmed app gave this code now (audited when wrong)."""
    device = confirmed_device(user)
    if device is None or not code:
        return False
    try:
        _check_or_audit(user, device, code, stage="API token")
    except CodeRefused:
        return False
    return True


@transaction.atomic
def two_factor_reset(*, user, system_job: str) -> int:
    """Removes a member of staff's apps (a lost phone): they enrol again at next sign-in."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    Auditor(system_job=system_job).record("TWO_FACTOR_RESET", user)
    return removed
