"""Recording and changing a referral, and closing an episode of need."""

from django.contrib import messages
from django.shortcuts import redirect, render

from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.permissions import requires
from hearth.frontdoor import access, rules, services
from hearth.frontdoor.forms import CloseEpisodeForm, ReferralForm
from hearth.frontdoor.record_views import child_context, show_error


@requires("frontdoor.record_referral")
def record_referral_view(request, person_uuid):
    context = child_context(request, person_uuid)
    form = ReferralForm(request.POST or None, initial={"referral_date": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_record(child=context["person"], actor=request.user,
                                                **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _recorded_message(referral))
            return redirect("frontdoor:child_front_door", person_uuid)
    context.update(form=form, creating=True)
    return render(request, "frontdoor/referral_form.html", context)


@requires("frontdoor.record_referral")
def change_referral_view(request, person_uuid, referral_id):
    context = child_context(request, person_uuid)
    referral = access.child_referral(context["person"], referral_id)
    initial = {f: getattr(referral, f) for f in services.REFERRAL_FIELDS}
    form = ReferralForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_update(referral=referral, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, "The referral was saved")
            return redirect("frontdoor:child_front_door", person_uuid)
    context.update(form=form, referral=referral, creating=False)
    return render(request, "frontdoor/referral_form.html", context)


@requires("frontdoor.close_case")
def close_referral_view(request, person_uuid, referral_id):
    context = child_context(request, person_uuid)
    referral = access.child_referral(context["person"], referral_id)
    form = CloseEpisodeForm(request.POST or None, initial={"closed_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_close(referral=referral, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, "The episode of need was closed")
            return redirect("frontdoor:child_front_door", person_uuid)
    context.update(form=form, referral=referral)
    return render(request, "frontdoor/close_episode.html", context)


def _recorded_message(referral) -> str:
    if referral.previous_referral is not None:
        return ("The referral was recorded. It is a re-referral: the previous referral was on "
                f"{rules.day(referral.previous_referral.referral_date)}")
    return "The referral was recorded"
