"""Committee meetings and minutes, the Progress Tracker, the improvement plan with its progress
report, and the self-evaluation; the tracker and self-evaluation as Word documents."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.core import clock
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.governance import forms as f
from hearth.governance import rules, selectors, services, word
from hearth.governance.access import (
    access_action,
    access_evaluation,
    access_meeting,
    access_minute,
    access_plan,
    access_priority,
    access_section,
    access_tracker_action,
)
from hearth.governance.codes import (
    PROMPT_HOW,
    PROMPT_KNOW,
    PROMPT_NEXT,
    RAG_TAG_COLOURS,
    FocusArea,
    JudgementArea,
    Rag,
)
from hearth.governance.models import Meeting
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 25
SECTION = "governance"
VIEW = "governance.view_governance"
COMMITTEE = "governance.manage_committee"
PLAN = "governance.manage_improvement_plan"
SELF_EVALUATION = "governance.write_self_evaluation"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _form_page(request, form, *, title: str, cancel_url: str, caption: str = "",
               submit_label: str = "", intro: str = ""):
    return render(request, "governance/form.html", {
        "form": form, "form_title": title, "caption": caption, "cancel_url": cancel_url,
        "submit_label": submit_label or title, "intro": intro, "section": SECTION})


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _tag(rag: str) -> str:
    return RAG_TAG_COLOURS[Rag(rag)]


# Committees and meetings ------------------------------------------------------------------

@requires(VIEW)
def meetings_view(request):
    years = sorted({rules.municipal_year_of(d) for d in
                    Meeting.objects.values_list("held_on", flat=True)}, reverse=True)
    form = f.MeetingFilterForm(request.GET or None, years=years)
    data = form.cleaned_data if form.is_valid() else {}
    rows = selectors.meeting_list(committee_id=getattr(data.get("committee"), "pk", None),
                                  year=data.get("year"), sort=data.get("sort") or "newest")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "governance/meetings.html", {
        "form": form, "page_obj": page, "section": SECTION, "query_params": query_params(request),
        "counts": selectors.tracker_counts(today=clock.today())})


@requires(COMMITTEE)
def add_committee_view(request):
    form = f.CommitteeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        committee = save_or_show(form, lambda: services.committee_add(
            actor=request.user, **form.cleaned_data))
        if committee:
            messages.success(request, f"{committee} was added")
            return redirect("governance:record_meeting")
    return _form_page(request, form, title="Add a committee",
                      cancel_url=reverse("governance:meetings"))


@requires(COMMITTEE)
def record_meeting_view(request):
    form = f.MeetingForm(request.POST or None,
                         initial={"committee": selectors.committees().first()})
    if request.method == "POST" and form.is_valid():
        meeting = save_or_show(form, lambda: services.meeting_record(
            actor=request.user, **form.cleaned_data))
        if meeting:
            messages.success(request, f"The meeting of {meeting} was recorded")
            return redirect("governance:meeting", meeting.pk)
    return _form_page(request, form, title="Record a meeting",
                      cancel_url=reverse("governance:meetings"))


@requires(VIEW)
def meeting_view(request, meeting_id):
    meeting = access_meeting(meeting_id)
    today, calendar = clock.today(), current_calendar()
    attendance = list(meeting.attendance.all())
    minutes = []
    for minute in selectors.minutes_of(meeting):
        resolutions = []
        for resolution in minute.resolutions.all():
            action = getattr(resolution, "tracker_action", None)
            resolutions.append({"resolution": resolution, "row": selectors.tracker_row(
                action, today=today, calendar=calendar) if action else None})
        minutes.append({"minute": minute, "resolutions": resolutions})
    return render(request, "governance/meeting.html", {
        "meeting": meeting, "section": SECTION, "minutes": minutes,
        "agenda": list(meeting.agenda_items.all()),
        "present": [a for a in attendance if a.kind in ("member", "co_opted", "substitute")],
        "apologies": [a for a in attendance if a.kind == "apology"],
        "officers": [a for a in attendance if a.kind == "officer"],
        "declarations": list(meeting.declarations.all()),
        "municipal_year": rules.municipal_year_label(rules.municipal_year_of(meeting.held_on)),
        "can_manage": request.user.has_perm(COMMITTEE), "held": meeting.held_on <= today})


def _meeting_form(request, meeting_id, *, form_class, title, save, done, initial=None,
                  form_kwargs=None, intro=""):
    meeting = access_meeting(meeting_id)
    form = form_class(request.POST or None, initial=initial, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: save(meeting, form.cleaned_data)):
            messages.success(request, done)
            return redirect("governance:meeting", meeting.pk)
    return _form_page(request, form, title=title, caption=str(meeting), intro=intro,
                      cancel_url=reverse("governance:meeting", args=[meeting.pk]))


@requires(COMMITTEE)
def change_meeting_view(request, meeting_id):
    meeting = access_meeting(meeting_id)
    return _meeting_form(
        request, meeting_id, form_class=f.MeetingChangeForm, title="Change the meeting",
        done="The meeting was changed",
        initial={n: getattr(meeting, n) for n in services.MEETING_FIELDS},
        save=lambda m, data: services.meeting_change(meeting=m, actor=request.user, **data))


@requires(COMMITTEE)
def add_agenda_item_view(request, meeting_id):
    return _meeting_form(
        request, meeting_id, form_class=f.AgendaItemForm, title="Add an agenda item",
        done="The item was added to the agenda",
        save=lambda m, data: services.agenda_item_add(meeting=m, actor=request.user, **data))


@requires(COMMITTEE)
def add_attendance_view(request, meeting_id):
    return _meeting_form(
        request, meeting_id, form_class=f.AttendanceForm,
        title="Record who attended or sent apologies", done="The attendance was recorded",
        save=lambda m, data: services.attendance_record(meeting=m, actor=request.user, **data))


@requires(COMMITTEE)
def add_declaration_view(request, meeting_id):
    return _meeting_form(
        request, meeting_id, form_class=f.DeclarationForm, title="Record a declaration of "
        "interest", done="The declaration was recorded",
        intro="Under the Members' Code of Conduct. Members raise individual children's cases "
              "privately, not here.",
        save=lambda m, data: services.interest_declare(meeting=m, actor=request.user, **data))


@requires(COMMITTEE)
def add_minute_view(request, meeting_id):
    meeting = access_meeting(meeting_id)
    year = rules.municipal_year_of(meeting.held_on)
    return _meeting_form(
        request, meeting_id, form_class=f.MinuteForm, title="Record a minute",
        form_kwargs={"meeting": meeting}, done="The minute was recorded",
        intro=f"It takes the next minute number of the {rules.municipal_year_label(year)} "
              "municipal year.",
        save=lambda m, data: services.minute_record(meeting=m, actor=request.user, **data))


@requires(COMMITTEE)
def add_resolution_view(request, meeting_id, minute_id):
    meeting = access_meeting(meeting_id)
    minute = access_minute(meeting, minute_id)
    return _meeting_form(
        request, meeting_id, form_class=f.ResolutionForm,
        title=f"Record a resolution under minute {minute.number}",
        done="The resolution was recorded",
        intro="A request to an officer or role becomes an action on the Progress Tracker.",
        save=lambda m, data: services.resolution_record(minute=minute, actor=request.user,
                                                        **data))


# The Progress Tracker ----------------------------------------------------------------------

def _tracker_filters(request) -> tuple[f.TrackerFilterForm, selectors.TrackerFilters]:
    form = f.TrackerFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.TrackerFilters(
        committee_id=getattr(data.get("committee"), "pk", None),
        owner_id=getattr(data.get("owner"), "pk", None),
        status=data.get("status") or selectors.OPEN, sort=data.get("sort") or "due")


@requires(VIEW)
def tracker_view(request):
    today, calendar = clock.today(), current_calendar()
    form, filters = _tracker_filters(request)
    page = Paginator(selectors.tracker_actions(filters, today=today, calendar=calendar),
                     PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "governance/tracker.html", {
        "form": form, "page_obj": page, "section": SECTION, "query_params": query_params(request),
        "rows": [selectors.tracker_row(a, today=today, calendar=calendar) for a in page],
        "counts": selectors.tracker_counts(today=today),
        "word_query": request.GET.urlencode()})


@requires(VIEW)
def tracker_word_view(request):
    today, calendar = clock.today(), current_calendar()
    _form, filters = _tracker_filters(request)
    rows = [selectors.tracker_row(a, today=today, calendar=calendar)
            for a in selectors.tracker_actions(filters, today=today, calendar=calendar)]
    committee = (selectors.committees().filter(pk=filters.committee_id).first()
                 if filters.committee_id else None)
    name = committee.name if committee else (
        rows[0].meeting.committee.name if rows and len({r.meeting.committee_id for r in rows})
        == 1 else "Committees")
    content = word.tracker_docx(rows, committee_name=name, today=today)
    services.tracker_exported(actor=request.user, committee=committee, rows=len(rows),
                              include_closed=filters.status in (selectors.CLOSED,
                                                                selectors.ALL))
    return _download(content, f"progress-tracker-{today:%Y-%m-%d}.docx")


@requires(VIEW)
def tracker_action_view(request, tracker_action_id):
    action = access_tracker_action(tracker_action_id)
    row = selectors.tracker_row(action, today=clock.today(), calendar=current_calendar())
    return render(request, "governance/tracker_action.html", {
        "row": row, "action": action, "section": SECTION,
        "updates": list(action.updates.select_related("by")),
        "can_manage": request.user.has_perm(COMMITTEE) and action.is_open})


@requires(COMMITTEE)
def update_tracker_action_view(request, tracker_action_id):
    action = access_tracker_action(tracker_action_id)
    url = reverse("governance:tracker_action", args=[action.pk])
    if not action.is_open:
        messages.info(request, f"This action was closed on {rules.day(action.closed_on)}")
        return redirect(url)
    form = f.TrackerUpdateForm(request.POST or None, initial={
        "on": clock.today(), "status": action.status, "note": action.notes})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_show(form, lambda: services.tracker_action_update(
            action=action, kind=data["kind"], status=data.get("status") or action.status,
            on=data["on"], note=data.get("note") or "", due_on=data.get("due_on"),
            actor=request.user))
        if saved:
            messages.success(request, "The tracker action was updated")
            return redirect(url)
    reference = rules.tracker_reference(action.resolution.minute.number,
                                        action.resolution.number)
    return _form_page(request, form, title="Update the tracker action", cancel_url=url,
                      caption=f"{action.resolution.minute.committee}: {reference}",
                      intro=action.action)


# The improvement plan ----------------------------------------------------------------------

@requires(VIEW)
def plans_view(request):
    page = Paginator(selectors.plans(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "governance/plans.html", {
        "page_obj": page, "section": SECTION, "query_params": query_params(request)})


@requires(PLAN)
def add_plan_view(request):
    form = f.PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = save_or_show(form, lambda: services.improvement_plan_add(
            actor=request.user, **form.cleaned_data))
        if plan:
            messages.success(request, f"{plan} was added: now add its priorities")
            return redirect("governance:plan", plan.pk)
    return _form_page(request, form, title="Add an improvement plan",
                      cancel_url=reverse("governance:plans"))


@requires(VIEW)
def plan_view(request, improvement_plan_id):
    plan = access_plan(improvement_plan_id)
    today, calendar = clock.today(), current_calendar()
    form = f.ActionFilterForm(request.GET or None, plan=plan)
    data = form.cleaned_data if form.is_valid() else {}
    rows = selectors.action_rows(plan, selectors.ActionFilters(
        priority_id=getattr(data.get("priority"), "pk", None), status=data.get("status", ""),
        rag=data.get("rag", ""), owner_id=getattr(data.get("owner"), "pk", None),
        sort=data.get("sort") or "due"), today=today, calendar=calendar)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "governance/plan.html", {
        "plan": plan, "form": form, "page_obj": page, "section": SECTION,
        "query_params": query_params(request), "priorities": list(plan.priorities.all()),
        "can_manage": request.user.has_perm(PLAN)})


@requires(VIEW)
def priority_view(request, improvement_plan_id, priority_id):
    plan = access_plan(improvement_plan_id)
    priority = access_priority(plan, priority_id)
    today, calendar = clock.today(), current_calendar()
    rows = selectors.action_rows(plan, selectors.ActionFilters(priority_id=priority.pk,
                                                               sort="due"),
                                 today=today, calendar=calendar)
    return render(request, "governance/priority.html", {
        "plan": plan, "priority": priority, "section": SECTION,
        "by_focus": [(label, [r for r in rows if r.action.focus == value])
                     for value, label in FocusArea.choices],
        "measures": selectors.measure_rows(priority, today=today),
        "can_manage": request.user.has_perm(PLAN)})


def _plan_form(request, improvement_plan_id, *, form_class, title, save, done,
               priority_id=None,
               initial=None, back=None):
    plan = access_plan(improvement_plan_id)
    priority = access_priority(plan, priority_id) if priority_id else None
    back = back or (reverse("governance:priority", args=[plan.pk, priority.pk]) if priority
                    else reverse("governance:plan", args=[plan.pk]))
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: save(plan, priority, form.cleaned_data)):
            messages.success(request, done)
            return redirect(back)
    return _form_page(request, form, title=title, cancel_url=back,
                      caption=str(priority) if priority else str(plan))


@requires(PLAN)
def add_priority_view(request, improvement_plan_id):
    return _plan_form(
        request, improvement_plan_id, form_class=f.PriorityForm, title="Add a priority",
        done="The priority was added",
        save=lambda plan, _p, data: services.priority_add(plan=plan, actor=request.user,
                                                          **data))


@requires(PLAN)
def change_priority_view(request, improvement_plan_id, priority_id):
    priority = access_priority(access_plan(improvement_plan_id), priority_id)
    return _plan_form(
        request, improvement_plan_id, priority_id=priority_id, form_class=f.PriorityForm,
        title="Change the priority", done="The priority was changed",
        initial={n: getattr(priority, n) for n in services.PRIORITY_FIELDS},
        save=lambda _plan, p, data: services.priority_change(priority=p, actor=request.user,
                                                             **data))


@requires(PLAN)
def add_action_view(request, improvement_plan_id, priority_id):
    return _plan_form(
        request, improvement_plan_id, priority_id=priority_id, form_class=f.ActionForm,
        title="Add an improvement action", done="The action was added",
        save=lambda _plan, p, data: services.improvement_action_add(
            priority=p, actor=request.user, **data))


@requires(PLAN)
def update_action_view(request, improvement_plan_id, improvement_action_id):
    plan = access_plan(improvement_plan_id)
    action = access_action(plan, improvement_action_id)
    back = reverse("governance:priority", args=[plan.pk, action.priority_id])
    form = f.ActionUpdateForm(request.POST or None, initial={
        "status": action.status, "evidence": action.evidence,
        "completed_on": action.completed_on, "due_on": action.due_on,
        "owner": action.owner_id})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.improvement_action_update(
                action=action, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The action was updated")
            return redirect(back)
    return _form_page(request, form, title="Update the action", cancel_url=back,
                      caption=str(action.priority), intro=action.text)


@requires(PLAN)
def add_measure_view(request, improvement_plan_id, priority_id):
    return _plan_form(
        request, improvement_plan_id, priority_id=priority_id, form_class=f.MeasureForm,
        title="Add a measure and its target profile", done="The measure was added",
        save=lambda _plan, p, data: services.measure_add(
            priority=p, description=data["description"],
            indicator_code=data.get("indicator_code") or "", steps=data["steps"],
            actor=request.user))


@requires(VIEW)
def progress_report_view(request, improvement_plan_id):
    plan = access_plan(improvement_plan_id)
    report = selectors.progress_report(plan, today=clock.today(), calendar=current_calendar())
    services.improvement_report_viewed(actor=request.user, plan=plan)
    rags = list(Rag)
    return render(request, "governance/progress_report.html", {
        "plan": plan, "report": report, "section": SECTION,
        "rags": [(r.label, _tag(r.value)) for r in rags],
        "lines": [(line, [line.counts.get(r.value, 0) for r in rags]) for line in report.lines],
        "totals": [report.totals.get(r.value, 0) for r in rags],
        })


# Self-evaluation ---------------------------------------------------------------------------

@requires(VIEW)
def self_evaluations_view(request):
    page = Paginator(selectors.self_evaluations(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "governance/self_evaluations.html", {
        "page_obj": page, "section": SECTION, "query_params": query_params(request)})


@requires(SELF_EVALUATION)
def start_self_evaluation_view(request):
    today = clock.today()
    form = f.SelfEvaluationForm(request.POST or None, initial={
        "as_at": today, "title": f"Children's Social Care Self-Evaluation {today.year}"})
    if request.method == "POST" and form.is_valid():
        evaluation = save_or_show(form, lambda: services.self_evaluation_start(
            actor=request.user, **form.cleaned_data))
        if evaluation:
            messages.success(request, "The draft was started with the headline figures")
            return redirect("governance:self_evaluation", evaluation.pk)
    return _form_page(request, form, title="Start a self-evaluation",
                      cancel_url=reverse("governance:self_evaluations"))


@requires(VIEW)
def self_evaluation_view(request, self_evaluation_id):
    evaluation = access_evaluation(self_evaluation_id)
    return render(request, "governance/self_evaluation.html", {
        "evaluation": evaluation, "sections": list(evaluation.sections.select_related(
            "updated_by")), "section": SECTION,
        "prompts": (PROMPT_KNOW, PROMPT_HOW, PROMPT_NEXT),
        "can_write": request.user.has_perm(SELF_EVALUATION)})


@requires(SELF_EVALUATION)
def edit_section_view(request, self_evaluation_id, area):
    evaluation = access_evaluation(self_evaluation_id)
    if area not in JudgementArea.values:
        raise Http404("No such section")
    section = access_section(evaluation, area)
    back = reverse("governance:self_evaluation", args=[evaluation.pk])
    form = f.SectionForm(request.POST or None, initial={
        "what_we_know": section.what_we_know, "how_we_know": section.how_we_know,
        "what_next": section.what_next})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.self_evaluation_section_save(
                section=section, actor=request.user, **form.cleaned_data)):
            messages.success(request, f"{section.get_area_display()} was saved")
            return redirect(back)
    return _form_page(request, form, title=section.get_area_display(), cancel_url=back,
                      caption=evaluation.title, submit_label="Save the section")


@requires(VIEW)
def self_evaluation_word_view(request, self_evaluation_id):
    evaluation = access_evaluation(self_evaluation_id)
    content = word.self_evaluation_docx(evaluation)
    services.self_evaluation_exported(actor=request.user, evaluation=evaluation)
    return _download(content, f"self-evaluation-{evaluation.as_at:%Y-%m-%d}.docx")
