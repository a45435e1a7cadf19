"""The child's IRO challenges tab, the forms that raise, answer, escalate and resolve a
challenge, and the quarterly report."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.iro import rules, selectors, services
from hearth.iro.access import access_challenge
from hearth.iro.codes import STAGE_ORDER, Reason
from hearth.iro.forms import EscalateForm, QuarterForm, RaiseForm, ResolveForm, RespondForm
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.people.record_views import record_context

SECTION = "iro"
PAGE_SIZE = 50


def _list_url(person_uuid) -> str:
    return reverse("iro:child_challenges", args=[person_uuid])


@requires("people.view_child")
def child_challenges_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    today = clock.today()
    rows = []
    for challenge in selectors.challenges_for_child(context["person"]):
        stage = selectors.current_stage(challenge)
        rows.append({"challenge": challenge, "stage": stage,
                     "due": selectors.response_due(stage, today=today) if challenge.is_open
                     else None,
                     "can_respond": challenge.is_open and stage.responded_on is None
                     and stage.addressed_to_id == request.user.pk,
                     "can_escalate": challenge.is_open and rules.next_stage(stage.stage)})
    context.update(rows=rows, has_open=any(r["challenge"].is_open for r in rows))
    return render(request, "iro/child_challenges.html", context)


@requires("iro.raise_challenge")
def raise_challenge_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    form = RaiseForm(request.POST or None, initial={"raised_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.challenge_raise(
                child=child, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The challenge was raised")
            return redirect("iro:child_challenges", person_uuid)
    context.update(form=form, form_title="Raise a challenge", submit_label="Raise the challenge",
                   cancel_url=_list_url(person_uuid))
    return render(request, "iro/form_page.html", context)


def _challenge_form_page(request, person_uuid, challenge_id, *, form_class, title, done, save,
                         initial, refusal=None):
    context = record_context(request, person_uuid, SECTION)
    challenge = access_challenge(child=context["person"], challenge_id=challenge_id)
    stage = selectors.current_stage(challenge)
    problem = refusal(challenge, stage) if refusal else None
    if problem is None and not challenge.is_open:
        problem = (f"This challenge was resolved on {rules.day(challenge.resolved_on)}: it is "
                   "closed.")
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and problem is None and form.is_valid():
        if save_or_show(form, lambda: save(challenge, form.cleaned_data)):
            messages.success(request, done)
            return redirect("iro:child_challenges", person_uuid)
    context.update(form=form, challenge=challenge, stage=stage, problem=problem,
                   form_title=title, submit_label=title, cancel_url=_list_url(person_uuid))
    return render(request, "iro/challenge_form.html", context)


def _not_addressee(request):
    def refusal(challenge, stage):
        if stage.responded_on is not None:
            return f"This stage already has a response, given on {rules.day(stage.responded_on)}."
        if stage.addressed_to_id != request.user.pk:
            return (f"This stage is addressed to {stage.addressed_to}: only they can respond "
                    "to it.")
        return None
    return refusal


def _last_stage(challenge, stage):
    if rules.next_stage(stage.stage) is None:
        return f"The challenge is at the last stage ({stage.get_stage_display()})."
    return None


@requires("iro.respond_to_challenge")
def respond_to_challenge_view(request, person_uuid, challenge_id):
    return _challenge_form_page(
        request, person_uuid, challenge_id, form_class=RespondForm, title="Respond",
        done="Your response was recorded", initial={"responded_on": clock.today()},
        refusal=_not_addressee(request),
        save=lambda challenge, data: services.challenge_respond(
            challenge=challenge, actor=request.user, **data))


@requires("iro.raise_challenge")
def escalate_challenge_view(request, person_uuid, challenge_id):
    return _challenge_form_page(
        request, person_uuid, challenge_id, form_class=EscalateForm,
        title="Escalate the challenge", done="The challenge was escalated",
        initial={"escalated_on": clock.today()}, refusal=_last_stage,
        save=lambda challenge, data: services.challenge_escalate(
            challenge=challenge, actor=request.user, **data))


@requires("iro.raise_challenge")
def resolve_challenge_view(request, person_uuid, challenge_id):
    return _challenge_form_page(
        request, person_uuid, challenge_id, form_class=ResolveForm,
        title="Resolve the challenge", done="The challenge was resolved",
        initial={"resolved_on": clock.today()},
        save=lambda challenge, data: services.challenge_resolve(
            challenge=challenge, actor=request.user, **data))


@requires("iro.view_challenge_report")
def challenge_report_view(request):
    today = clock.today()
    form = QuarterForm(request.GET or None, today=today)
    chosen = form.cleaned_data.get("quarter") if form.is_valid() else ""
    quarter = rules.quarter_from_key(chosen) or rules.quarter_of(today)
    figures = selectors.quarter_figures(quarter)
    reasons = [(label, [figures.started_by_reason.get(code, {}).get(stage, 0)
                        for stage in STAGE_ORDER])
               for code, label in Reason.choices if code in figures.started_by_reason]
    context = {"form": form, "quarter": quarter, "figures": figures, "reasons": reasons,
               "stages": [(s.label, figures.started_by_stage.get(s, 0)) for s in STAGE_ORDER],
               "shows_children": request.user.has_perm("people.view_child"),
               "query_params": query_params(request)}
    Auditor(request.user).record("IRO_CHALLENGE_REPORT_VIEWED",
                                 detail={"quarter": quarter.key})
    if context["shows_children"]:  # performance analysts see figures only, never names
        challenges = selectors.challenges_raised_in(
            quarter, visible_children=Person.objects.visible_to(request.user))
        page = Paginator(challenges, PAGE_SIZE).get_page(request.GET.get("page"))
        people_services.people_listed(actor=request.user, people=[c.child for c in page],
                                      where="IRO challenges report")
        context["page_obj"] = page
    return render(request, "iro/report.html", context)


