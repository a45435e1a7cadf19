"""Supervision pages: a worker's staff supervision, the child's case supervision (a section of
their record, every opening audited), the timeliness report by team, and the frequencies."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.accounts.roles import PERMISSIONS
from hearth.cases.rules import task_status
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.forms import save_or_show
from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.workforce import rules, selectors, services
from hearth.workforce.access import access_staff_member
from hearth.workforce.codes import LevelOfNeed
from hearth.workforce.forms import (
    CaseSupervisionForm,
    StaffSupervisionForm,
    StandardsForm,
    TimelinessForm,
)
from hearth.workingdays.selectors import current_calendar

SECTION = "supervision"


def case_supervisors():
    roles = PERMISSIONS["workforce.record_case_supervision"][0]
    return get_user_model().objects.filter(is_active=True, role__in=roles).order_by(
        "last_name", "first_name", "username")


@requires("workforce.record_staff_supervision")
def staff_supervision_view(request, user_id):
    worker = access_staff_member(request.user, user_id)
    form = StaffSupervisionForm(request.POST or None, worker=worker, initial={
        "supervised_on": clock.today(), "supervisor": request.user.pk})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.staff_supervision_record(
                worker=worker, actor=request.user, **form.cleaned_data)):
            messages.success(request, f"{worker}'s supervision was recorded")
            return redirect("workforce:staff_supervision", worker.pk)
    history = selectors.staff_supervisions_for(worker)
    return render(request, "workforce/staff_supervision.html", {
        "worker": worker, "form": form, "history": history[:24], "latest": history.first(),
        "today": clock.today()})


def _due_context(child, today):
    due = selectors.case_supervision_due(child, on=today)
    status = task_status(due.due_on, today=today, calendar=current_calendar()) if due else None
    return {"due": due, "due_status": status}


@requires("cases.view_case_notes")
def child_supervision_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    services.case_supervision_viewed(actor=request.user, child=child)
    context.update(supervisions=selectors.case_supervisions_for(child),
                   **_due_context(child, clock.today()))
    return render(request, "workforce/child_supervision.html", context)


@requires("workforce.record_case_supervision")
def add_case_supervision_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    supervisors = case_supervisors()
    form = CaseSupervisionForm(request.POST or None, supervisors=supervisors, initial={
        "supervised_on": clock.today(),
        "supervisor": request.user.pk if supervisors.filter(pk=request.user.pk).exists()
        else None})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.case_supervision_record(
                child=child, actor=request.user, **form.cleaned_data)):
            messages.success(request, "The case supervision was recorded")
            return redirect("workforce:child_supervision", person_uuid)
    context.update(form=form, form_title="Record case supervision",
                   submit_label="Record the supervision",
                   cancel_url=reverse("workforce:child_supervision", args=[person_uuid]),
                   **_due_context(child, clock.today()))
    return render(request, "workforce/child_form.html", context)


@requires("workforce.view_supervision_report")
def timeliness_view(request):
    form = TimelinessForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    on = data.get("on") or clock.today()
    rows = selectors.supervision_timeliness(on, team=data.get("team"))
    Auditor(request.user).record("SUPERVISION_REPORT_VIEWED", detail={
        "on": str(on), "team": getattr(data.get("team"), "pk", None)})
    standards = selectors.supervision_standards()
    return render(request, "workforce/timeliness.html", {
        "form": form, "on": on, "rows": rows, "total": selectors.timeliness_total(rows),
        "target": rules.SUPERVISION_TARGET_PERCENT,
        "frequencies": [(label, rules.interval_weeks_for(level, standards))
                        for level, label in LevelOfNeed.choices]})


@requires("workforce.manage_supervision_standards")
def standards_view(request):
    stored = selectors.supervision_standards()
    current = {level: rules.interval_weeks_for(level, stored) for level in LevelOfNeed.values}
    form = StandardsForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        for level in LevelOfNeed.values:
            if form.cleaned_data[level] != current[level] or level not in stored:
                services.supervision_standard_set(level_of_need=level,
                                                  interval_weeks=form.cleaned_data[level],
                                                  actor=request.user)
        messages.success(request, "The case supervision frequencies were saved")
        return redirect("workforce:supervision_report")
    return render(request, "workforce/form_page.html", {
        "form": form, "form_title": "How often case supervision is required",
        "intro": "Set the weeks between case supervisions for each level of need. Open "
                 "supervision tasks move to the new frequency the next time the supervision "
                 "tasks job runs (manage.py sync_case_supervision_tasks).",
        "submit_label": "Save the frequencies",
        "cancel_url": reverse("workforce:supervision_report")})
