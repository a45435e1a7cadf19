"""Recording a contact, rating it and deciding what happens to it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.permissions import requires
from hearth.frontdoor import access, rules, selectors, services
from hearth.frontdoor.forms import ContactForm, DecideForm, RateForm
from hearth.frontdoor.record_views import child_context, show_error
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

CONTACT_ALIASES = {"received_at": "received_on"}
DECISION_ALIASES = {"decided_at": "decided_on"}


@requires("frontdoor.record_contact")
def record_contact_view(request, person_uuid):
    context = child_context(request, person_uuid)
    child = context["person"]
    network = selectors.child_network(child, visible=Person.objects.visible_to(request.user))
    form = ContactForm(request.POST or None, network=network,
                       initial={"received_on": clock.today(), "received_time": _time_now()})
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_record(child=child, actor=request.user,
                                              **form.service_values())
        except DomainError as error:
            show_error(form, error, CONTACT_ALIASES)
        else:
            messages.success(request, "The contact was recorded. The decision is due by "
                                      f"{rules.day(contact.decision_due_on)}")
            return redirect("frontdoor:contact", person_uuid, contact.pk)
    context["form"] = form
    return render(request, "frontdoor/contact_form.html", context)


@requires("people.view_child")
def contact_view(request, person_uuid, contact_id):
    context = child_context(request, person_uuid)
    contact = access.child_contact(context["person"], contact_id)
    context.update(_about(request, contact))
    return render(request, "frontdoor/contact.html", context)


@requires("frontdoor.rate_contact")
def rate_contact_view(request, person_uuid, contact_id):
    context = child_context(request, person_uuid)
    contact = access.child_contact(context["person"], contact_id)
    form = RateForm(request.POST or None, initial={"rag": contact.rag})
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_rate(contact=contact, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, "The RAG rating was saved")
            return redirect("frontdoor:contact", person_uuid, contact.pk)
    context.update(_about(request, contact), form=form)
    return render(request, "frontdoor/rate_contact.html", context)


@requires("frontdoor.decide_contact")
def decide_contact_view(request, person_uuid, contact_id):
    context = child_context(request, person_uuid)
    contact = access.child_contact(context["person"], contact_id)
    form = DecideForm(request.POST or None, initial={
        "rag": contact.rag, "decided_on": clock.today(), "decided_time": _time_now()})
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_decide(contact=contact, actor=request.user,
                                              **form.service_values())
        except DomainError as error:
            show_error(form, error, DECISION_ALIASES)
        else:
            messages.success(request, _decided_message(contact))
            return redirect("frontdoor:contact", person_uuid, contact.pk)
    context.update(_about(request, contact), form=form)
    return render(request, "frontdoor/decide_contact.html", context)


def _time_now() -> str:
    return f"{timezone.localtime(clock.now()):%H:%M}"


def _decided_message(contact) -> str:
    message = f"The decision was recorded: {contact.get_decision_display().lower()}"
    episode = contact.episode
    if episode is None:
        return message
    if episode.contact_id == contact.pk:
        return f"{message}. A referral was recorded on {rules.day(episode.referral_date)}"
    return (f"{message}. The child already had an open episode of need (referral on "
            f"{rules.day(episode.referral_date)}): the contact was added to it")


def _about(request, contact) -> dict:
    """What the contact's summary shows: its clock while open, whether it was decided late,
    and the people involved that the user may see."""
    others = contact.others_involved.filter(pk__in=Person.objects.visible_to(request.user))
    about = {"contact": contact, "others": list(others), "clock": None, "decided_late": False}
    if contact.decided_at is None:
        about["clock"] = rules.contact_decision_clock(
            due_on=contact.decision_due_on, now=clock.now(), calendar=current_calendar())
    else:
        about["decided_late"] = not rules.decided_in_time(
            decided_on=timezone.localdate(contact.decided_at), due_on=contact.decision_due_on)
    return about
