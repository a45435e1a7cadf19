"""The LADO area: the list of allegations, the referral form, the allegation's page, the
initial consideration, meeting, outcome and close forms, and the yearly figures; and, outside
the area, the service manager's page that says who is in the LADO team.

Every page in the area is `lado_page(...)`: a 404 for anyone not in the LADO team."""

from django.contrib import messages
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core import clock
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.lado import access, rules, selectors, services
from hearth.lado.access import lado_page
from hearth.lado.codes import Category, Outcome, Sector
from hearth.lado.forms import (
    AllegationForm,
    CloseForm,
    ConsiderationForm,
    EndMembershipForm,
    FilterForm,
    MeetingForm,
    MemberForm,
    OutcomeForm,
    YearForm,
)
from hearth.lado.models import LadoTeamMember
from hearth.people.models import Person

PAGE_SIZE = 50
SECTION = "lado"


def _allegation_url(allegation) -> str:
    return reverse("lado:allegation", args=[allegation.pk])


@lado_page("lado.view_allegations")
def allegation_list_view(request):
    today = clock.today()
    params = request.GET.copy()
    if not any(key != "page" for key in params):  # as it opens (and its later pages)
        params.update({"status": "current", "sort": "received"})
    form = FilterForm(params)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.Filters(
        status=data.get("status", ""),
        sector=data.get("sector", ""), category=data.get("category", ""),
        outcome=data.get("outcome", ""), overdue=bool(data.get("overdue")),
        officer_id=getattr(data.get("officer"), "pk", None),
        sort=data.get("sort") or "received")
    page = Paginator(selectors.allegation_list(filters, today=today), PAGE_SIZE).get_page(
        request.GET.get("page"))
    rows = [{"allegation": a, "overdue": rules.is_consideration_overdue(
        due_on=a.initial_consideration_due_on, considered_on=a.considered_on, today=today)
        and a.closed_on is None} for a in page]
    services.allegations_listed(actor=request.user, allegations=list(page), filters={
        "status": filters.status, "sector": filters.sector, "category": filters.category,
        "outcome": filters.outcome, "overdue": filters.overdue})
    return render(request, "lado/allegations.html", {
        "form": form, "page_obj": page, "rows": rows, "section": SECTION,
        "overdue_count": selectors.overdue_count(today), "query_params": query_params(request),
        "can_record": request.user.has_perm("lado.record_allegation")})


def _initial_children(request) -> str:
    try:
        child = Person.objects.visible_to(request.user).get(uuid=request.GET.get("child"),
                                                            is_child=True)
    except (Person.DoesNotExist, ValueError, TypeError, DjangoValidationError):
        return ""
    return child.la_child_id or ""


@lado_page("lado.record_allegation")
def record_allegation_view(request):
    officer = request.user.pk if selectors.lado_officers().filter(pk=request.user.pk).exists() \
        else None
    form = AllegationForm(request.POST or None, user=request.user, initial={
        "received_on": clock.today(), "lado_officer": officer,
        "children": _initial_children(request)})
    if request.method == "POST" and form.is_valid():
        allegation = save_or_show(form, lambda: services.allegation_record(
            actor=request.user, **form.cleaned_data))
        if allegation:
            messages.success(request, f"Allegation {allegation.reference} was recorded: the "
                                      "initial consideration is due by "
                                      f"{rules.day(allegation.initial_consideration_due_on)}")
            return redirect(_allegation_url(allegation))
    return render(request, "lado/form.html", {
        "form": form, "form_title": "Record an allegation", "submit_label": "Record it",
        "cancel_url": reverse("lado:allegations"), "section": SECTION})


@lado_page("lado.view_allegations")
def allegation_view(request, allegation_id):
    allegation = access.access_allegation(request.user, allegation_id)
    today = clock.today()
    children, hidden = access.children_shown(allegation, request.user)
    services.allegation_viewed(actor=request.user, allegation=allegation)
    decides = request.user.has_perm("lado.record_lado_decision")
    records = request.user.has_perm("lado.record_allegation")
    is_open = allegation.closed_on is None
    return render(request, "lado/allegation.html", {
        "allegation": allegation, "section": SECTION, "children": children,
        "hidden_children": hidden, "meetings": list(allegation.meetings.all()),
        "overdue": is_open and rules.is_consideration_overdue(
            due_on=allegation.initial_consideration_due_on,
            considered_on=allegation.considered_on, today=today),
        "in_time": rules.considered_in_time(due_on=allegation.initial_consideration_due_on,
                                            considered_on=allegation.considered_on),
        "days_to_outcome": (allegation.outcome_on - allegation.received_on).days
        if allegation.outcome_on else None,
        "can_change": records and is_open,
        "can_consider": decides and is_open and allegation.considered_on is None,
        "can_meet": records and is_open and allegation.considered_on is not None,
        "can_outcome": decides and is_open and allegation.considered_on is not None
        and not allegation.outcome,
        "can_close": decides and is_open and bool(allegation.outcome)})


def _allegation_form_page(request, allegation_id, *, form_class, title, done, save,
                          initial=None, refusal=None, form_kwargs=None):
    allegation = access.access_allegation(request.user, allegation_id)
    problem = refusal(allegation) if refusal else None
    form = form_class(request.POST or None, initial=initial, **(form_kwargs or {}))
    if request.method == "POST" and problem is None and form.is_valid():
        if save_or_show(form, lambda: save(allegation, form.cleaned_data)):
            messages.success(request, done)
            return redirect(_allegation_url(allegation))
    return render(request, "lado/allegation_form.html", {
        "form": form, "allegation": allegation, "problem": problem, "form_title": title,
        "submit_label": title, "cancel_url": _allegation_url(allegation), "section": SECTION})


def _closed(allegation):
    if allegation.closed_on:
        return f"This allegation was closed on {rules.day(allegation.closed_on)}."
    return None


@lado_page("lado.record_allegation")
def change_allegation_view(request, allegation_id):
    allegation = access.access_allegation(request.user, allegation_id)
    children, _hidden = access.children_shown(allegation, request.user)
    initial = {name: getattr(allegation, name) for name in (
        "received_on", "received_time", "referrer_name", "referrer_agency", "subject_name",
        "subject_role", "subject_employer", "subject_sector", "category", "summary",
        "children_text")}
    initial["lado_officer"] = allegation.lado_officer_id
    initial["children"] = ", ".join(c.la_child_id for c in children if c.la_child_id)
    return _allegation_form_page(
        request, allegation_id, form_class=AllegationForm, title="Change the referral details",
        done="The referral details were changed", initial=initial, refusal=_closed,
        form_kwargs={"user": request.user},
        save=lambda allegation, data: services.allegation_change(
            allegation=allegation, actor=request.user, **data))


def _cannot_consider(allegation):
    if allegation.considered_on:
        return (f"The initial consideration was recorded on "
                f"{rules.day(allegation.considered_on)}.")
    return _closed(allegation)


@lado_page("lado.record_lado_decision")
def consideration_view(request, allegation_id):
    return _allegation_form_page(
        request, allegation_id, form_class=ConsiderationForm,
        title="Record the initial consideration", done="The initial consideration was recorded",
        initial={"considered_on": clock.today()}, refusal=_cannot_consider,
        save=lambda allegation, data: services.initial_consideration_record(
            allegation=allegation, actor=request.user, **data))


def _cannot_meet(allegation):
    if allegation.considered_on is None:
        return "Record the initial consideration first: it decides whether a meeting is needed."
    return _closed(allegation)


@lado_page("lado.record_allegation")
def meeting_view(request, allegation_id):
    return _allegation_form_page(
        request, allegation_id, form_class=MeetingForm, title="Record a meeting",
        done="The meeting was recorded", initial={"held_on": clock.today()},
        refusal=_cannot_meet,
        save=lambda allegation, data: services.meeting_record(
            allegation=allegation, actor=request.user, **data))


def _cannot_conclude(allegation):
    if allegation.considered_on is None:
        return "Record the initial consideration before the outcome."
    if allegation.outcome:
        return (f"The outcome ({allegation.get_outcome_display().lower()}) was recorded on "
                f"{rules.day(allegation.outcome_on)}.")
    return _closed(allegation)


@lado_page("lado.record_lado_decision")
def outcome_view(request, allegation_id):
    return _allegation_form_page(
        request, allegation_id, form_class=OutcomeForm, title="Record the outcome",
        done="The outcome was recorded", initial={"outcome_on": clock.today()},
        refusal=_cannot_conclude,
        save=lambda allegation, data: services.outcome_record(
            allegation=allegation, actor=request.user, **data))


def _cannot_close(allegation):
    if not allegation.outcome:
        return "Record the outcome before closing the allegation."
    return _closed(allegation)


@lado_page("lado.record_lado_decision")
def close_view(request, allegation_id):
    return _allegation_form_page(
        request, allegation_id, form_class=CloseForm, title="Close the allegation",
        done="The allegation was closed", initial={"closed_on": clock.today()},
        refusal=_cannot_close,
        save=lambda allegation, data: services.allegation_close(
            allegation=allegation, actor=request.user, **data))


def _counted(counter, choices) -> list[tuple[str, int]]:
    return [(label, counter.get(code, 0)) for code, label in choices]


@lado_page("lado.view_allegations")
def report_view(request):
    today = clock.today()
    form = YearForm(request.GET or None, today=today)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or \
        rules.financial_year_of(today)
    figures = selectors.year_figures(year=year)
    services.report_viewed(actor=request.user, year=year)
    return render(request, "lado/report.html", {
        "form": form, "figures": figures, "section": SECTION,
        "sectors": _counted(figures.by_sector, Sector.choices),
        "categories": _counted(figures.by_category, Category.choices),
        "outcomes": _counted(figures.by_outcome, Outcome.choices),
        "bands": [(label, figures.outcome_bands.get(label, 0))
                  for _limit, label in rules.OUTCOME_BANDS]})


# ---- The LADO team (the service manager's page: staff names only, never an allegation) ----


@requires("lado.manage_lado_team")
def team_view(request):
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = save_or_show(form, lambda: services.member_add(actor=request.user,
                                                                 **form.cleaned_data))
        if member:
            messages.success(request, f"{member.user} was added to the LADO team")
            return redirect("lado:team")
    services.team_viewed(actor=request.user)
    return render(request, "lado/team.html", {
        "form": form, "members": list(selectors.current_members()),
        "past": list(selectors.past_members()[:PAGE_SIZE]), "section": SECTION})


@requires("lado.manage_lado_team")
def end_membership_view(request, member_id):
    try:
        member = LadoTeamMember.objects.select_related("user").get(pk=member_id,
                                                                  ended_on__isnull=True)
    except LadoTeamMember.DoesNotExist:
        raise Http404("No current membership") from None
    form = EndMembershipForm(request.POST or None, initial={"ended_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.member_end(member=member, actor=request.user,
                                                          **form.cleaned_data)):
            messages.success(request, f"{member.user} is no longer in the LADO team")
            return redirect("lado:team")
    return render(request, "lado/form.html", {
        "form": form, "form_title": f"End {member.user}'s membership of the LADO team",
        "submit_label": "End their membership", "cancel_url": reverse("lado:team"),
        "section": SECTION})
