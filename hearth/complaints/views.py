"""The complaints work list, a complaint's page and the forms that record, extend, answer and
escalate it, the learning form, the report, and compliments and comments."""

from django.contrib import messages
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.complaints import rules, selectors, services
from hearth.complaints.access import access_complaint, access_stage
from hearth.complaints.codes import Outcome, Stage, Theme
from hearth.complaints.forms import (
    AmendReasonForm,
    CheckReasonForm,
    ComplaintForm,
    EscalateForm,
    ExtendForm,
    FeedbackFilterForm,
    FeedbackForm,
    LearningFormForm,
    RespondForm,
    WorkFilterForm,
    YearForm,
)
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.people.models import Person
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 50
SECTION = "complaints"


def _complaint_url(complaint) -> str:
    return reverse("complaints:complaint", args=[complaint.pk])


@requires("complaints.view_complaints")
def complaints_work_view(request):
    today, calendar = clock.today(), current_calendar()
    mine = request.user.has_perm("complaints.respond_to_complaint")
    initial = None if request.GET else {"manager": request.user.pk if mine else None,
                                        "status": selectors.OPEN, "sort": "due"}
    form = WorkFilterForm(request.GET or initial)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.WorkFilters(
        stage=data.get("stage"), status=data.get("status") or selectors.OPEN,
        team_id=getattr(data.get("team"), "pk", None),
        manager_id=getattr(data.get("manager"), "pk", None), sort=data.get("sort") or "due")
    page = Paginator(selectors.work_list(filters, user=request.user, today=today,
                                         calendar=calendar), PAGE_SIZE).get_page(
        request.GET.get("page"))
    rows = [{"stage": s, "due": selectors.due(s, today=today, calendar=calendar)} for s in page]
    Auditor(request.user).record("COMPLAINT_WORK_VIEWED", detail={
        "manager": filters.manager_id, "status": filters.status, "stage": filters.stage,
        "team": filters.team_id})
    return render(request, "complaints/work.html", {
        "form": form, "page_obj": page, "rows": rows, "section": SECTION,
        "counts": selectors.work_counts(user=request.user, manager_id=filters.manager_id,
                                        today=today, calendar=calendar),
        "query_params": query_params(request)})


@requires("complaints.view_complaints")
def child_complaints_view(request, person_uuid):
    """The child's record tab: complaints, compliments and comments about the child."""
    context = record_context(request, person_uuid, SECTION)
    today, calendar = clock.today(), current_calendar()
    child = context["person"]
    rows = []
    for complaint in selectors.complaints_for_child(child, user=request.user):
        stage = selectors.current_stage(complaint)
        rows.append({"complaint": complaint, "stage": stage,
                     "due": selectors.due(stage, today=today, calendar=calendar)})
    context.update(rows=rows, feedback=selectors.feedback_for_child(child, user=request.user))
    return render(request, "complaints/child_complaints.html", context)


def _initial_children(request) -> str:
    """?child=<uuid> from a child's record fills in their LA child ID (if the user may see
    them and they have one)."""
    try:
        child = Person.objects.visible_to(request.user).get(uuid=request.GET.get("child"),
                                                            is_child=True)
    except (Person.DoesNotExist, ValueError, TypeError, DjangoValidationError):
        return ""
    return child.la_child_id or ""


@requires("complaints.record_complaint")
def record_complaint_view(request):
    form = ComplaintForm(request.POST or None, user=request.user,
                         initial={"received_on": clock.today(),
                                  "receiving_officer": request.user.pk,
                                  "children": _initial_children(request)})
    if request.method == "POST" and form.is_valid():
        complaint = save_or_show(form, lambda: services.complaint_record(
            actor=request.user, **form.cleaned_data))
        if complaint:
            messages.success(request, f"Complaint {complaint.reference} was recorded: the stage "
                                      "1 response is due on "
                                      f"{rules.day(complaint.stages.get().response_due_on)}")
            return redirect(_complaint_url(complaint))
    return render(request, "complaints/form.html", {
        "form": form, "form_title": "Record a complaint", "submit_label": "Record the complaint",
        "cancel_url": reverse("complaints:complaints"), "section": SECTION})


@requires("complaints.view_complaints")
def complaint_view(request, complaint_id):
    complaint = access_complaint(request.user, complaint_id)
    today, calendar = clock.today(), current_calendar()
    stages = list(complaint.stages.all())
    current = stages[-1]
    services.complaint_viewed(actor=request.user, complaint=complaint)
    is_theirs = request.user.pk in (complaint.responding_manager_id,
                                    complaint.service_manager_id)
    can_respond = is_theirs and request.user.has_perm("complaints.respond_to_complaint")
    can_record = request.user.has_perm("complaints.record_complaint")
    return render(request, "complaints/complaint.html", {
        "complaint": complaint, "section": SECTION,
        "themes": [Theme(t).label for t in complaint.themes if t in Theme.values],
        "children": list(complaint.children.all()),
        "rows": [{"stage": s, "due": selectors.due(s, today=today, calendar=calendar),
                  "can_respond": can_respond and s.is_open,
                  "can_extend": can_record and s.is_open and rules.can_extend(s.stage)
                  and s.extended_on is None,
                  "can_learn": can_respond and not s.is_open,
                  "can_check": request.user.has_perm("complaints.check_lateness_reason")
                  and bool(s.lateness_reason) and not s.reason_accepted
                  and s.responded_by_id != request.user.pk,
                  "can_amend": can_respond and s.reason_accepted is False,
                  "learning": getattr(s, "learning", None)} for s in stages],
        "can_escalate": can_record and not current.is_open
        and current.outcome != Outcome.WITHDRAWN and rules.next_stage(current.stage)})


def _stage_form_page(request, complaint_id, stage_id, *, form_class, title, done, save,
                     initial, refusal=None, form_kwargs=None):
    complaint = access_complaint(request.user, complaint_id)
    stage = access_stage(complaint, stage_id)
    problem = refusal(complaint, stage) if refusal else None
    form = form_class(request.POST or None, initial=initial, **(form_kwargs or {}))
    if request.method == "POST" and problem is None and form.is_valid():
        if save_or_show(form, lambda: save(stage, form.cleaned_data)):
            messages.success(request, done)
            return redirect(_complaint_url(complaint))
    return render(request, "complaints/stage_form.html", {
        "form": form, "complaint": complaint, "stage": stage, "problem": problem,
        "form_title": title, "submit_label": title, "cancel_url": _complaint_url(complaint),
        "section": SECTION})


def _not_theirs(request, *, needs_response: bool):
    def refusal(complaint, stage):
        if request.user.pk not in (complaint.responding_manager_id,
                                   complaint.service_manager_id):
            return (f"This complaint is for {complaint.responding_manager} to answer (or the "
                    "service manager copied in).")
        if needs_response and stage.is_open:
            return "Record the response first: the learning form goes with it."
        if not needs_response and not stage.is_open:
            return (f"This stage already has a response, given on "
                    f"{rules.day(stage.responded_on)}.")
        return None
    return refusal


def _cannot_extend(complaint, stage):
    if not rules.can_extend(stage.stage):
        return (f"{stage.get_stage_display()}: the panel must meet within "
                f"{rules.STANDARD_WORKING_DAYS[Stage(stage.stage)]} working days and cannot be "
                "extended.")
    if not stage.is_open:
        return f"This stage was answered on {rules.day(stage.responded_on)}."
    if stage.extended_on:
        return f"This stage was already extended on {rules.day(stage.extended_on)}."
    return None


@requires("complaints.record_complaint")
def extend_stage_view(request, complaint_id, stage_id):
    calendar = current_calendar()
    complaint = access_complaint(request.user, complaint_id)
    stage = access_stage(complaint, stage_id)
    return _stage_form_page(
        request, complaint_id, stage_id, form_class=ExtendForm, title="Extend the response date",
        done="The extension was recorded", refusal=_cannot_extend,
        form_kwargs={"stage": stage, "calendar": calendar},
        initial={"agreed_on": clock.today(), "new_due_on": rules.latest_due_on(
            stage=stage.stage, requested_on=stage.requested_on, calendar=calendar)
            if rules.can_extend(stage.stage) else None},
        save=lambda stage, data: services.complaint_stage_extend(
            stage=stage, actor=request.user, **data))


@requires("complaints.respond_to_complaint")
def respond_view(request, complaint_id, stage_id):
    complaint = access_complaint(request.user, complaint_id)
    stage = access_stage(complaint, stage_id)
    return _stage_form_page(
        request, complaint_id, stage_id, form_class=RespondForm, title="Record the response",
        done="The response was recorded", initial={"responded_on": clock.today()},
        refusal=_not_theirs(request, needs_response=False), form_kwargs={"stage": stage},
        save=lambda stage, data: services.complaint_stage_respond(
            stage=stage, actor=request.user, **data))


@requires("complaints.respond_to_complaint")
def learning_view(request, complaint_id, stage_id):
    complaint = access_complaint(request.user, complaint_id)
    stage = access_stage(complaint, stage_id)
    existing = getattr(stage, "learning", None)
    initial = ({"learning": existing.learning, "action": existing.action,
                "action_due_on": existing.action_due_on} if existing else None)
    return _stage_form_page(
        request, complaint_id, stage_id, form_class=LearningFormForm,
        title="Learning monitoring form", done="The learning form was saved", initial=initial,
        refusal=_not_theirs(request, needs_response=True),
        save=lambda stage, data: services.learning_record(
            stage=stage, actor=request.user, **data))


def _cannot_check(request):
    def refusal(complaint, stage):
        if not stage.lateness_reason:
            return "This stage has no reason for lateness to check."
        if stage.reason_accepted:
            return (f"This reason was checked and accepted on "
                    f"{rules.day(stage.reason_checked_on)} by {stage.reason_checked_by}.")
        if stage.responded_by_id == request.user.pk:
            return "You gave this reason: someone else in the complaints team checks it."
        return None
    return refusal


@requires("complaints.check_lateness_reason")
def check_reason_view(request, complaint_id, stage_id):
    return _stage_form_page(
        request, complaint_id, stage_id, form_class=CheckReasonForm,
        title="Check the reason for lateness", done="The check was recorded", initial=None,
        refusal=_cannot_check(request),
        save=lambda stage, data: services.lateness_reason_check(
            stage=stage, actor=request.user, **data))


def _cannot_amend(request):
    theirs = _not_theirs(request, needs_response=True)

    def refusal(complaint, stage):
        problem = theirs(complaint, stage)
        if problem is None and stage.reason_accepted is not False:
            problem = "Only a reason the complaints team sent back can be changed."
        return problem
    return refusal


@requires("complaints.respond_to_complaint")
def amend_reason_view(request, complaint_id, stage_id):
    complaint = access_complaint(request.user, complaint_id)
    stage = access_stage(complaint, stage_id)
    return _stage_form_page(
        request, complaint_id, stage_id, form_class=AmendReasonForm,
        title="Change the reason for lateness", done="The reason was changed: the complaints "
        "team will check it again", initial={"lateness_reason": stage.lateness_reason},
        refusal=_cannot_amend(request),
        save=lambda stage, data: services.lateness_reason_amend(
            stage=stage, actor=request.user, **data))


@requires("complaints.record_complaint")
def escalate_view(request, complaint_id):
    complaint = access_complaint(request.user, complaint_id)
    current = selectors.current_stage(complaint)
    following = rules.next_stage(current.stage)
    problem = None
    if following is None:
        problem = ("Stage 3 is the last stage: after it the complainant may go to the Local "
                   "Government and Social Care Ombudsman.")
    elif current.is_open:
        problem = f"{current.get_stage_display()} has not been answered yet."
    elif current.outcome == Outcome.WITHDRAWN:
        problem = "The complaint was withdrawn."
    form = EscalateForm(request.POST or None, initial={
        "requested_on": clock.today(), "responding_manager": complaint.responding_manager_id})
    if request.method == "POST" and problem is None and form.is_valid():
        stage = save_or_show(form, lambda: services.complaint_escalate(
            complaint=complaint, actor=request.user, **form.cleaned_data))
        if stage:
            messages.success(request, f"{stage.get_stage_display()} was started: the response "
                                      f"is due on {rules.day(stage.response_due_on)}")
            return redirect(_complaint_url(complaint))
    title = f"Start {Stage(following).label.lower()}" if following else "Next stage"
    return render(request, "complaints/stage_form.html", {
        "form": form, "complaint": complaint, "stage": current, "problem": problem,
        "form_title": title, "submit_label": title, "cancel_url": _complaint_url(complaint),
        "section": SECTION})


@requires("complaints.view_complaint_report")
def complaint_report_view(request):
    today = clock.today()
    form = YearForm(request.GET or None, today=today)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or \
        rules.financial_year_of(today)
    figures = selectors.year_figures(year=year)
    quarters = rules.quarters_of_year(year)
    context = {
        "form": form, "year_label": rules.financial_year_label(year), "figures": figures,
        "section": SECTION,
        "timeliness": [(Stage(s).label, [(q, figures.cell(s, q.number)) for q in quarters],
                        figures.year_total(s)) for s in Stage.values],
        "outcomes": [(Stage(s).label, [figures.outcomes.get(s, {}).get(o, 0)
                                       for o in Outcome.values]) for s in Stage.values],
        "outcome_labels": Outcome.labels,
        "themes": [(label, figures.themes[code], figures.upheld_themes[code])
                   for code, label in Theme.choices if figures.themes[code]
                   or figures.upheld_themes[code]],
        "shows_detail": request.user.has_perm("complaints.view_complaints"),
        "query_params": query_params(request)}
    Auditor(request.user).record("COMPLAINT_REPORT_VIEWED", detail={"year": year})
    if context["shows_detail"]:  # analysts see the figures, never the words
        context["page_obj"] = Paginator(selectors.learning_list(year=year, user=request.user),
                                        PAGE_SIZE).get_page(request.GET.get("page"))
        context["late"] = list(selectors.late_reasons(year=year, user=request.user)[:PAGE_SIZE])
    return render(request, "complaints/report.html", context)


@requires("complaints.view_complaints")
def feedback_list_view(request):
    form = FeedbackFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.FeedbackFilters(kind=data.get("kind", ""),
                                        team_id=getattr(data.get("team"), "pk", None))
    page = Paginator(selectors.feedback_list(filters, user=request.user).prefetch_related(
        "children"), PAGE_SIZE).get_page(request.GET.get("page"))
    services.feedback_listed(actor=request.user, feedback=list(page))
    return render(request, "complaints/feedback.html", {
        "form": form, "page_obj": page, "section": SECTION, "query_params": query_params(request)})


@requires("complaints.record_complaint")
def record_feedback_view(request):
    form = FeedbackForm(request.POST or None, user=request.user,
                        initial={"received_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        feedback = save_or_show(form, lambda: services.feedback_record(
            actor=request.user, **form.cleaned_data))
        if feedback:
            messages.success(request, f"The {feedback.get_kind_display().lower()} was recorded")
            return redirect("complaints:feedback")
    return render(request, "complaints/form.html", {
        "form": form, "form_title": "Record a compliment or comment",
        "submit_label": "Record it", "cancel_url": reverse("complaints:feedback"),
        "section": SECTION})
