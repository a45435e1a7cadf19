"""The child's Missing section: episodes and their return home interviews, and the forms."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core import clock
from hearth.core.forms import save_or_show
from hearth.core.permissions import requires
from hearth.missing import rules, selectors, services
from hearth.missing.access import access_missing_episode
from hearth.missing.forms import (
    EpisodeForm,
    InterviewForm,
    OfferForm,
    PoliceNotificationForm,
    ReturnForm,
)
from hearth.people.record_views import record_context

SECTION = "missing"


def _list_url(person_uuid) -> str:
    return reverse("missing:child_missing", args=[person_uuid])


def _now_initial(prefix: str) -> dict:
    now = clock.now().astimezone(rules.LONDON)
    return {f"{prefix}_on": now.date(), f"{prefix}_time": now.strftime("%H:%M")}


@requires("people.view_child")
def child_missing_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    context["episodes"] = selectors.missing_episode_list_for_child(context["person"],
                                                                   now=clock.now())
    context["has_open_episode"] = any(s.episode.is_open for s in context["episodes"])
    return render(request, "missing/child_missing.html", context)


@requires("missing.record_missing_episode")
def record_missing_episode_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    form = EpisodeForm(request.POST or None, initial=_now_initial("started"))
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.missing_episode_record(
                child=child, actor=request.user, **form.service_values())):
            messages.success(request, "The missing episode was recorded")
            return redirect("missing:child_missing", person_uuid)
    context.update(form=form, open_episode=selectors.open_episode_for(child),
                   form_title="Record a missing episode", submit_label="Record the episode",
                   cancel_url=_list_url(person_uuid))
    return render(request, "missing/record_episode.html", context)


@requires("missing.record_police_notification")
def record_police_notification_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    form = PoliceNotificationForm(request.POST or None, initial=_now_initial("reported"))
    if request.method == "POST" and form.is_valid():
        record = services.missing_episode_from_police_notification
        notification = save_or_show(form, lambda: record(
            child=context["person"], actor=request.user, **form.service_values()))
        if notification:
            messages.success(request, "The police notification created a new missing episode"
                             if notification.created_episode else
                             "The police notification was linked to the episode from "
                             f"{rules.moment(notification.episode.started_at)}")
            return redirect("missing:child_missing", person_uuid)
    context.update(form=form, form_title="Record a police notification",
                   submit_label="Record the notification", cancel_url=_list_url(person_uuid))
    return render(request, "missing/form_page.html", context)


def _episode_form_page(request, person_uuid, missing_episode_id, *, form_class, title, done,
                       save, closed_because, initial=None):
    """A form about one episode. One that cannot take it shows why instead of the form."""
    context = record_context(request, person_uuid, SECTION)
    episode = access_missing_episode(child=context["person"],
                                     missing_episode_id=missing_episode_id)
    summary = selectors.missing_episode_summary(episode, now=clock.now())
    refusal = closed_because(summary)
    form = form_class(request.POST or None, initial=initial or {})
    if request.method == "POST" and refusal is None and form.is_valid():
        if save_or_show(form, lambda: save(summary.episode, form)):
            messages.success(request, done)
            return redirect("missing:child_missing", person_uuid)
    context.update(form=form, summary=summary, episode=summary.episode, refusal=refusal,
                   form_title=title, submit_label=title, cancel_url=_list_url(person_uuid))
    return render(request, "missing/episode_form.html", context)


def _return_refusal(summary) -> str | None:
    if summary.episode.is_open:
        return None
    return f"The child's return was already recorded: {rules.moment(summary.episode.returned_at)}."


def _interview_refusal(summary) -> str | None:
    if summary.episode.is_open:
        return "The child has not returned yet: record their return first."
    if summary.interview is not None:
        return (f"The return home interview was already recorded "
                f"({summary.interview.get_outcome_display().lower()}).")
    return None


def _offer_refusal(summary) -> str | None:
    if (refusal := _interview_refusal(summary)) is not None:
        return refusal
    if not summary.can_offer:
        return (f"{rules.MAX_INTERVIEW_OFFERS} offers have been made: record the interview, or "
                f"record it as declined after {rules.MAX_INTERVIEW_OFFERS} offers.")
    return None


@requires("missing.record_missing_episode")
def record_return_view(request, person_uuid, missing_episode_id):
    return _episode_form_page(
        request, person_uuid, missing_episode_id, form_class=ReturnForm,
        title="Record the return", initial=_now_initial("returned"),
        done="The return was recorded: offer a return home interview within 72 hours",
        closed_because=_return_refusal,
        save=lambda episode, form: services.missing_episode_record_return(
            episode=episode, actor=request.user, **form.service_values()))


@requires("missing.record_return_interview")
def record_interview_offer_view(request, person_uuid, missing_episode_id):
    return _episode_form_page(
        request, person_uuid, missing_episode_id, form_class=OfferForm,
        title="Record an offer of a return home interview", initial=_now_initial("offered"),
        done="The offer was recorded", closed_because=_offer_refusal,
        save=lambda episode, form: services.return_interview_offer(
            episode=episode, actor=request.user, **form.service_values()))


def _save_interview(request, episode, form):
    if form.was_held:
        return services.return_interview_hold(episode=episode, actor=request.user,
                                              **form.held_values())
    return services.return_interview_decline(episode=episode, actor=request.user,
                                             **form.declined_values())


@requires("missing.record_return_interview")
def record_return_interview_view(request, person_uuid, missing_episode_id):
    return _episode_form_page(
        request, person_uuid, missing_episode_id, form_class=InterviewForm,
        title="Record the return home interview", done="The return home interview was recorded",
        closed_because=_interview_refusal,
        save=lambda episode, form: _save_interview(request, episode, form))
