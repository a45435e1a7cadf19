import base64
import re

import segno
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from hearth.accounts import two_factor
from hearth.accounts.forms import SignInForm, TwoFactorCodeForm
from hearth.core.permissions import PERMISSION_ATTRIBUTE, PUBLIC, signed_in

QR_LABEL = "QR code to scan into your authenticator app"
QR_SCALE = 4


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


setattr(SignInView, PERMISSION_ATTRIBUTE, PUBLIC)
SignInView.login_required = False


class SignOutView(auth_views.LogoutView):
    pass


setattr(SignOutView, PERMISSION_ATTRIBUTE, "__signed_in__")


@signed_in
def two_factor_verify_view(request):
    """After the password: the code from the member of staff's authenticator app."""
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect(_with_next("two_factor_setup", request))
    form, accepted = _code_given(request, device, two_factor.sign_in_verify)
    if accepted:
        return redirect(_next_page(request))
    return render(request, "accounts/two_factor_verify.html",
                  {"form": form, "next": _next_page(request)})


@signed_in
def two_factor_setup_view(request):
    """First sign-in with two-factor on: scan the code into an app, then give its first code."""
    if two_factor.confirmed_device(request.user) is not None:
        if request.user.is_verified():
            return redirect(_next_page(request))
        return redirect(_with_next("two_factor_verify", request))
    device = two_factor.device_to_enrol(request.user)
    form, accepted = _code_given(request, device, two_factor.enrolment_confirm)
    if accepted:
        return redirect(_next_page(request))
    secret = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "next": _next_page(request),
        "qr": _qr_code(device.config_url),
        "secret_groups": [secret[i:i + 4] for i in range(0, len(secret), 4)],
    })


def _code_given(request, device, accept) -> tuple[TwoFactorCodeForm, bool]:
    """The code form, and whether `accept` (the service for this page) took the code posted."""
    form = TwoFactorCodeForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return form, False
    try:
        accept(request=request, device=device, code=form.cleaned_data["code"])
    except two_factor.CodeRefused as refused:
        form.add_error("code", str(refused))
        return form, False
    return form, True


def _qr_code(url: str) -> dict:
    """The otpauth:// address as a QR code: its size and the SVG path segno draws for it,
    which the template puts into an <svg> (escaped like any other value)."""
    svg = segno.make(url, error="m").svg_inline(scale=QR_SCALE)
    return {"size": re.search(r'width="(\d+)"', svg).group(1),
            "path": re.search(r' d="([^"]+)"', svg).group(1), "scale": QR_SCALE,
            "label": QR_LABEL}


def _next_page(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return wanted
    return "/"


def _with_next(route: str, request) -> str:
    return f"{reverse(route)}?{urlencode({'next': _next_page(request)})}"
