"""The child's Court tab, the forms that record a legal case's steps, and the PLO tracker."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.accounts.roles import PERMISSIONS
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.court import rules, selectors, services
from hearth.court.access import access_legal_case
from hearth.court.forms import (
    ApplicationForm,
    ExtensionForm,
    FinalOrderForm,
    HearingForm,
    InterimOrderForm,
    LetterForm,
    MeetingForm,
    OutcomeForm,
    PanelForm,
    TrackerForm,
)
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.people.record_views import record_context

SECTION = "court"
PAGE_SIZE = 50


def _tab_url(person_uuid) -> str:
    return reverse("court:child_court", args=[person_uuid])


def chairs():
    roles = PERMISSIONS["court.record_legal_gateway_panel"][0]
    return get_user_model().objects.filter(is_active=True, role__in=roles).order_by(
        "last_name", "first_name", "username")


@requires("people.view_child")
def child_court_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    context.update(cases=selectors.cases_for_child(child, today=clock.today()),
                   panels=selectors.panels_for_child(child))
    return render(request, "court/child_court.html", context)


@requires("court.record_legal_gateway_panel")
def record_panel_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    siblings = selectors.siblings_of(child, visible=Person.objects.visible_to(request.user))
    form = PanelForm(request.POST or None, initial={"held_on": clock.today()},
                     siblings=siblings, chairs=chairs())
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.panel_record(
                lead_child=child, actor=request.user, **form.service_values())):
            messages.success(request, "The panel's decision was recorded")
            return redirect("court:child_court", person_uuid)
    context.update(form=form, form_title="Record a Legal Gateway Panel",
                   submit_label="Record the decision", cancel_url=_tab_url(person_uuid))
    return render(request, "court/form_page.html", context)


def _case_form_page(request, person_uuid, legal_case_id, *, action, form_class, title, done,
                    save, initial=None):
    context = record_context(request, person_uuid, SECTION)
    legal_case = access_legal_case(child=context["person"], legal_case_id=legal_case_id)
    refusal = rules.stage_refusal(action, stage=legal_case.stage, ended_on=legal_case.ended_on)
    form = form_class(request.POST or None, initial=initial or {})
    if request.method == "POST" and refusal is None and form.is_valid():
        if save_or_show(form, lambda: save(legal_case, form.cleaned_data)):
            messages.success(request, done)
            return redirect("court:child_court", person_uuid)
    context.update(form=form, legal_case=legal_case, refusal=refusal, form_title=title,
                   submit_label=title, cancel_url=_tab_url(person_uuid),
                   case_children=selectors.children_of(legal_case))
    return render(request, "court/case_form.html", context)


def _today(name: str) -> dict:
    return {name: clock.today()}


@requires("court.record_pre_proceedings")
def send_letter_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="letter", form_class=LetterForm,
        title="Record the letter before proceedings", initial=_today("sent_on"),
        done="The letter before proceedings was recorded",
        save=lambda case, data: services.letter_before_proceedings_send(
            legal_case=case, actor=request.user, **data))


@requires("court.record_pre_proceedings")
def record_meeting_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="meeting", form_class=MeetingForm,
        title="Record a pre-proceedings meeting", initial=_today("held_on"),
        done="The meeting was recorded",
        save=lambda case, data: services.pre_proceedings_meeting_record(
            legal_case=case, actor=request.user, **data))


@requires("court.record_pre_proceedings")
def record_outcome_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="outcome", form_class=OutcomeForm,
        title="Record the outcome of pre-proceedings", initial=_today("decided_on"),
        done="The outcome of pre-proceedings was recorded",
        save=lambda case, data: services.pre_proceedings_outcome_record(
            legal_case=case, actor=request.user, **data))


@requires("court.record_proceedings")
def record_application_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="application", form_class=ApplicationForm,
        title="Record the application", initial=_today("issued_on"),
        done="The application was recorded: the 26 weeks have started",
        save=lambda case, data: services.application_record(
            legal_case=case, actor=request.user, **data))


@requires("court.record_proceedings")
def record_hearing_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="hearing", form_class=HearingForm,
        title="Record a hearing", initial=_today("held_on"), done="The hearing was recorded",
        save=lambda case, data: services.hearing_record(
            legal_case=case, actor=request.user, **data))


@requires("court.record_proceedings")
def record_interim_order_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="interim_order",
        form_class=InterimOrderForm, title="Record an interim order", initial=_today("made_on"),
        done="The interim order was recorded",
        save=lambda case, data: services.interim_order_record(
            legal_case=case, actor=request.user, **data))


@requires("court.record_proceedings")
def record_extension_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="extension", form_class=ExtensionForm,
        title="Record an extension", initial=_today("granted_on"),
        done="The extension was recorded and the due date moved",
        save=lambda case, data: services.extension_record(
            legal_case=case, actor=request.user, **data))


@requires("court.record_proceedings")
def record_final_order_view(request, person_uuid, legal_case_id):
    return _case_form_page(
        request, person_uuid, legal_case_id, action="final_order", form_class=FinalOrderForm,
        title="Record the final order", initial=_today("made_on"),
        done="The final order was recorded: the proceedings have ended",
        save=lambda case, data: services.final_order_record(
            legal_case=case, actor=request.user, **data))


def _tracker_rows(page, *, today, visible_ids: set[int]):
    rows = []
    for legal_case in page:
        children = selectors.children_of(legal_case)
        rows.append({"case": legal_case, "clock": selectors.clock_for(legal_case, today=today),
                     "children": [c for c in children if c.pk in visible_ids],
                     "hidden": sum(1 for c in children if c.pk not in visible_ids)})
    return rows


@requires("court.view_plo_tracker")
def plo_tracker_view(request):
    today = clock.today()
    form = TrackerForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    # Concluded proceedings: by default the financial year to date (as the seeds report them).
    start = data.get("start") or rules.census_year_bounds(
        today.year if today.month >= 4 else today.year - 1)[0]
    end = data.get("end") or today
    cases = selectors.tracker_cases(today=today, stage=data.get("stage", ""),
                                    team=data.get("team"), over_only=bool(data.get("over")),
                                    sort=data.get("sort") or "due")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    shows_children = request.user.has_perm("people.view_child")
    visible_ids = set()
    if shows_children:
        ids = {m.child_id for c in page for m in c.memberships.all()}
        visible_ids = set(Person.objects.visible_to(request.user).filter(pk__in=ids)
                          .values_list("pk", flat=True))
    rows = _tracker_rows(page, today=today, visible_ids=visible_ids)
    if shows_children:
        people_services.people_listed(actor=request.user,
                                      people=[c for r in rows for c in r["children"]],
                                      where="PLO tracker")
    Auditor(request.user).record("PLO_TRACKER_VIEWED", detail={
        k: str(v) for k, v in data.items() if v not in (None, "", False)})
    return render(request, "court/tracker.html", {
        "form": form, "page_obj": page, "rows": rows, "shows_children": shows_children,
        "counts": selectors.tracker_counts(today=today),
        "figures": selectors.concluded_figures(start=start, end=end),
        "period": (start, end), "today": today, "pp_weeks": services.pre_proceedings_weeks(),
        "query_params": query_params(request)})
