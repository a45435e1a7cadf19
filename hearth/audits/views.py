"""Case file audit pages: the lists of audits, actions and programmes, an audit with its grades
and actions, the forms that start, record and close an audit and set and finish its actions,
the tools, the report and the deep-dive schedule."""

from django.contrib import messages
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.audits import rules, selectors, services
from hearth.audits.access import (
    access_action,
    access_audit,
    access_programme,
    access_tool_version,
)
from hearth.audits.codes import AuditStatus, Grade
from hearth.audits.forms import (
    ActionFilterForm,
    ActionForm,
    AuditFilterForm,
    CancelActionForm,
    DeepDiveForm,
    FinishActionForm,
    ProgrammeFilterForm,
    ProgrammeForm,
    RecordAuditForm,
    ReportFilterForm,
    StartAuditForm,
    ToolVersionForm,
    tool_text,
)
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.core.forms import save_or_show
from hearth.core.paging import query_params
from hearth.core.permissions import requires, requires_any
from hearth.people.models import Person
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 50
SECTION = "audits"


def _audit_url(audit) -> str:
    return reverse("audits:audit", args=[audit.pk])


def _form_page(request, *, form, title, cancel_url, submit_label=None, problem=None,
               intro="", audit=None, extra=None):
    return render(request, "audits/form.html", {
        "form": form, "form_title": title, "submit_label": submit_label or title,
        "cancel_url": cancel_url, "problem": problem, "intro": intro, "audit": audit,
        **(extra or {})})


# ---- Audits --------------------------------------------------------------------------------


@requires("audits.view_audits")
def audits_view(request):
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.AuditFilters(
        programme_id=getattr(data.get("programme"), "pk", None),
        team_id=getattr(data.get("team"), "pk", None), status=data.get("status", ""),
        grade=data.get("grade", ""), sort=data.get("sort") or "date")
    page = Paginator(selectors.audit_list(filters, user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page"))
    services.audits_listed(actor=request.user, audits=list(page), where="audits list")
    return render(request, "audits/audits.html", {
        "form": form, "page_obj": page, "query_params": query_params(request),
        "grade_colours": selectors.GRADE_COLOURS})


@requires("audits.view_audits")
def child_audits_view(request, person_uuid):
    """The child's record tab: the audits of their case file."""
    context = record_context(request, person_uuid, SECTION)
    context["audits"] = selectors.audits_for_child(context["person"], user=request.user)
    return render(request, "audits/child_audits.html", context)


def _initial_child(request) -> str:
    try:
        child = Person.objects.visible_to(request.user).get(uuid=request.GET.get("child"),
                                                            is_child=True)
    except (Person.DoesNotExist, ValueError, TypeError, DjangoValidationError):
        return ""
    return child.la_child_id or ""


@requires("audits.carry_out_audit")
def start_audit_view(request):
    form = StartAuditForm(request.POST or None, user=request.user, initial={
        "audited_on": clock.today(), "child": _initial_child(request),
        "programme": request.GET.get("programme")})
    if request.method == "POST" and form.is_valid():
        audit = save_or_show(form, lambda: services.audit_start(actor=request.user,
                                                                 **form.cleaned_data))
        if audit:
            messages.success(request, f"Audit {audit.reference} was started: grade each "
                                      "question")
            return redirect("audits:record_audit", audit.pk)
    return _form_page(request, form=form, title="Start a case file audit",
                      submit_label="Start the audit", cancel_url=reverse("audits:audits"),
                      intro="You may audit a case you do not hold. The questions come from "
                            "the programme's audit tool.")


@requires("audits.view_audits")
def audit_view(request, audit_id):
    audit = access_audit(request.user, audit_id)
    services.audit_viewed(actor=request.user, audit=audit)
    today, calendar = clock.today(), current_calendar()
    user = request.user
    carries_out = user.has_perm("audits.carry_out_audit")
    actions = selectors.actions_of(audit)
    open_count = rules.open_actions(a.status for a in actions)
    return render(request, "audits/audit.html", {
        "audit": audit, "sections": selectors.answers_by_section(audit),
        "grade_colours": selectors.GRADE_COLOURS,
        "actions": [{"action": a, "due": selectors.due(a, today=today, calendar=calendar),
                     "can_finish": a.is_open and services.can_finish(a, user),
                     "can_cancel": a.is_open and carries_out} for a in actions],
        "open_count": open_count,
        "can_record": audit.status == AuditStatus.DRAFT and audit.auditor_id == user.pk
        and carries_out,
        "can_add_action": audit.status != AuditStatus.CLOSED and carries_out,
        "can_close": audit.status == AuditStatus.COMPLETED and not open_count and carries_out})


def _cannot_record(request, audit) -> str | None:
    if audit.auditor_id != request.user.pk:
        return f"This audit is {audit.auditor}'s to record."
    if audit.status != AuditStatus.DRAFT:
        return (f"This audit was completed on {rules.day(audit.completed_on)}: its grades are "
                "fixed.")
    return None


@requires("audits.carry_out_audit")
def record_audit_view(request, audit_id):
    audit = access_audit(request.user, audit_id)
    problem = _cannot_record(request, audit)
    sections = selectors.sections_of(audit.tool_version)
    answers = {a.question_id: a for a in audit.answers.all()}
    initial = {"overall_grade": audit.overall_grade, "findings": audit.findings,
               "child_family_views": audit.child_family_views,
               "worker_took_part": audit.worker_took_part,
               "manager_took_part": audit.manager_took_part}
    for qid, answer in answers.items():
        initial[f"q{qid}_grade"], initial[f"q{qid}_comment"] = answer.grade, answer.comment
    complete = request.method == "POST" and "complete" in request.POST
    form = RecordAuditForm(request.POST or None, sections=sections, complete=complete,
                           initial=initial)
    if request.method == "POST" and problem is None and form.is_valid():
        data = form.cleaned_data
        saved = save_or_show(form, lambda: services.audit_record(
            audit=audit, answers=form.answers(), overall_grade=data["overall_grade"],
            findings=data["findings"], child_family_views=data["child_family_views"],
            worker_took_part=data["worker_took_part"],
            manager_took_part=data["manager_took_part"], complete=complete,
            actor=request.user))
        if saved:
            messages.success(request, "The audit was completed: add the actions for the worker "
                                      "and manager" if complete else "The audit was saved as a "
                                      "draft")
            return redirect(_audit_url(audit))
    return render(request, "audits/record.html", {
        "form": form, "audit": audit, "problem": problem, "cancel_url": _audit_url(audit)})


@requires("audits.carry_out_audit")
def add_action_view(request, audit_id):
    audit = access_audit(request.user, audit_id)
    problem = ("This audit's loop is closed: actions can no longer be added."
               if audit.status == AuditStatus.CLOSED else None)
    form = ActionForm(request.POST or None, initial={
        "owner": audit.worker_id,
        "due_on": rules.default_action_due_on(max(audit.audited_on, clock.today()),
                                              current_calendar())})
    if request.method == "POST" and problem is None and form.is_valid():
        if save_or_show(form, lambda: services.action_add(audit=audit, actor=request.user,
                                                           **form.cleaned_data)):
            messages.success(request, "The action was added")
            return redirect(_audit_url(audit))
    return _form_page(request, form=form, title="Add an audit action", audit=audit, problem=problem,
                      cancel_url=_audit_url(audit),
                      intro=f"Actions are due on a working day, within "
                            f"{rules.LONGEST_ACTION_MONTHS} months of the audit. The loop is "
                            "closed when every action is done or cancelled.")


@requires("audits.carry_out_audit")
def cancel_action_view(request, audit_id, action_id):
    audit = access_audit(request.user, audit_id)
    action = access_action(request.user, action_id, audit=audit)
    problem = None if action.is_open else "This action is already finished."
    form = CancelActionForm(request.POST or None)
    if request.method == "POST" and problem is None and form.is_valid():
        if save_or_show(form, lambda: services.action_cancel(action=action, actor=request.user,
                                                              **form.cleaned_data)):
            messages.success(request, "The action was cancelled")
            return redirect(_audit_url(audit))
    return _form_page(request, form=form, title="Cancel an action", audit=audit,
                      problem=problem, cancel_url=_audit_url(audit),
                      submit_label="Cancel the action", extra={"action": action})


@requires("audits.carry_out_audit")
def close_audit_view(request, audit_id):
    audit = access_audit(request.user, audit_id)
    problem = None
    try:
        rules.ensure_can_close(audit_status=audit.status,
                               action_statuses=audit.actions.values_list("status", flat=True))
    except DomainError as error:
        problem = error.message
    if request.method == "POST" and problem is None:
        try:
            services.audit_close(audit=audit, actor=request.user)
        except DomainError as error:
            problem = error.message
        else:
            messages.success(request, f"Audit {audit.reference}'s loop was closed")
            return redirect(_audit_url(audit))
    return render(request, "audits/close.html", {"audit": audit, "problem": problem,
                                                 "actions": selectors.actions_of(audit)})


# ---- Actions -------------------------------------------------------------------------------


@requires_any("audits.view_audits", "audits.complete_own_action")
def actions_view(request):
    """Every visible audit's actions for those who audit; workers see their own."""
    today = clock.today()
    sees_all = request.user.has_perm("audits.view_audits")
    form = ActionFilterForm(request.GET or None)
    if not sees_all:
        del form.fields["owner"]
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.ActionFilters(
        status=data.get("status", selectors.OPEN) if request.GET else selectors.OPEN,
        owner_id=getattr(data.get("owner"), "pk", None) if sees_all else request.user.pk,
        team_id=getattr(data.get("team"), "pk", None), sort=data.get("sort") or "due")
    page = Paginator(selectors.action_list(filters, user=request.user, today=today),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    services.audits_listed(actor=request.user, audits=[a.audit for a in page],
                           where="audit actions")
    calendar = current_calendar()
    return render(request, "audits/actions.html", {
        "form": form, "page_obj": page, "query_params": query_params(request), "sees_all": sees_all,
        "rows": [{"action": a, "due": selectors.due(a, today=today, calendar=calendar)}
                 for a in page]})


@requires("audits.complete_own_action")
def finish_action_view(request, action_id):
    action = access_action(request.user, action_id)
    audit = action.audit
    problem = None
    if not services.can_finish(action, request.user):
        problem = f"This action is for {action.owner} to record."
    elif not action.is_open:
        problem = f"This action is already {action.get_status_display().lower()}."
    form = FinishActionForm(request.POST or None, initial={"done_on": clock.today()})
    if request.method == "POST" and problem is None and form.is_valid():
        if save_or_show(form, lambda: services.action_done(action=action, actor=request.user,
                                                            **form.cleaned_data)):
            messages.success(request, "The action was recorded as done")
            if request.user.has_perm("audits.view_audits"):
                return redirect(_audit_url(audit))
            return redirect("audits:actions")
    cancel = (_audit_url(audit) if request.user.has_perm("audits.view_audits")
              else reverse("audits:actions"))
    return _form_page(request, form=form, title="Record an action as done", audit=audit,
                      problem=problem, cancel_url=cancel, submit_label="Record it as done",
                      extra={"action": action if problem is None else None})


# ---- Programmes ----------------------------------------------------------------------------


@requires("audits.view_audits")
def programmes_view(request):
    form = ProgrammeFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.programme_list(kind=data.get("kind", ""),
                                              status=data.get("status", ""),
                                              sort=data.get("sort") or "starts"),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audits/programmes.html", {
        "form": form, "page_obj": page, "query_params": query_params(request),
        "service_labels": dict(selectors.Team.Service.choices)})


def _programme_initial(programme) -> dict:
    return {"kind": programme.kind, "title": programme.title, "theme": programme.theme,
            "starts_on": programme.starts_on, "ends_on": programme.ends_on,
            "services": programme.services, "teams": list(programme.teams.all()),
            "tool_version": programme.tool_version_id, "status": programme.status}


@requires("audits.manage_programmes")
def add_programme_view(request):
    version = selectors.current_tool_version()
    form = ProgrammeForm(request.POST or None, initial={
        "status": "planned", "tool_version": getattr(version, "pk", None)})
    if request.method == "POST" and form.is_valid():
        programme = save_or_show(form, lambda: services.programme_create(
            actor=request.user, **form.cleaned_data))
        if programme:
            messages.success(request, f"The programme {programme} was planned")
            return redirect("audits:programme", programme.pk)
    return _form_page(request, form=form, title="Plan an audit programme",
                      submit_label="Plan the programme",
                      cancel_url=reverse("audits:programmes"))


@requires("audits.view_audits")
def programme_view(request, programme_id):
    programme = access_programme(programme_id)
    page = Paginator(selectors.audit_list(selectors.AuditFilters(programme_id=programme.pk),
                                          user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page"))
    services.audits_listed(actor=request.user, audits=list(page),
                           where=f"programme {programme.pk}")
    labels = dict(selectors.Team.Service.choices)
    return render(request, "audits/programme.html", {
        "programme": programme, "page_obj": page, "query_params": query_params(request),
        "services": [labels.get(s, s) for s in programme.services],
        "teams": list(programme.teams.all()), "grade_colours": selectors.GRADE_COLOURS})


@requires("audits.manage_programmes")
def edit_programme_view(request, programme_id):
    programme = access_programme(programme_id)
    form = ProgrammeForm(request.POST or None, initial=_programme_initial(programme))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        teams = data.pop("teams")
        if save_or_show(form, lambda: services.programme_change(
                programme=programme, actor=request.user, teams=teams, **data)):
            messages.success(request, "The programme was saved")
            return redirect("audits:programme", programme.pk)
    return _form_page(request, form=form, title="Change the programme",
                      submit_label="Save the programme",
                      cancel_url=reverse("audits:programme", args=[programme.pk]))


# ---- Tools ---------------------------------------------------------------------------------


@requires("audits.view_audits")
def tools_view(request):
    return render(request, "audits/tools.html", {"versions": selectors.tool_versions()})


@requires("audits.view_audits")
def tool_version_view(request, version_id):
    version = access_tool_version(version_id)
    return render(request, "audits/tool_version.html", {
        "version": version, "sections": selectors.sections_of(version),
        "audits": version.audits.count()})


@requires("audits.manage_programmes")
def add_tool_version_view(request):
    base = None
    if (request.GET.get("from") or "").isdigit():
        base = selectors.tool_versions().filter(pk=request.GET["from"]).first()
    initial = ({"tool_name": base.tool.name, "questions": tool_text(selectors.sections_of(base))}
               if base else {})
    form = ToolVersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        version = save_or_show(form, lambda: services.tool_version_create(
            tool_name=data["tool_name"], sections=data["questions"], note=data["note"],
            actor=request.user))
        if version:
            messages.success(request, f"{version} was made")
            return redirect("audits:tool_version", version.pk)
    return _form_page(request, form=form, title="Make a new tool version",
                      submit_label="Make the version", cancel_url=reverse("audits:tools"),
                      intro="A new version never changes audits already started: they keep "
                            "the questions they were graded against.")


# ---- Report and deep dives -----------------------------------------------------------------


@requires("audits.view_audit_reports")
def report_view(request):
    form = ReportFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.ReportFilters(
        programme_id=getattr(data.get("programme"), "pk", None),
        team_id=getattr(data.get("team"), "pk", None), date_from=data.get("date_from"),
        date_to=data.get("date_to"))
    today = clock.today()
    figures = selectors.report(filters, today=today)
    Auditor(request.user).record("AUDIT_REPORT_VIEWED", detail={
        "programme": filters.programme_id, "team": filters.team_id,
        "from": str(filters.date_from or ""), "to": str(filters.date_to or "")})
    schedule = selectors.deep_dive_schedule(today=today)
    return render(request, "audits/report.html", {
        "form": form, "figures": figures, "grades": list(Grade), "schedule": schedule,
        "covered": sum(1 for row in schedule if row.covered)})


@requires("audits.view_audit_reports")
def deep_dives_view(request):
    today = clock.today()
    schedule = selectors.deep_dive_schedule(today=today)
    page = Paginator(selectors.deep_dive_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audits/deep_dives.html", {
        "schedule": schedule, "covered": sum(1 for r in schedule if r.covered),
        "page_obj": page, "query_params": query_params(request), "months": rules.DEEP_DIVE_MONTHS})


@requires("audits.manage_programmes")
def add_deep_dive_view(request):
    form = DeepDiveForm(request.POST or None, initial={"held_on": clock.today(),
                                                       "lead": request.user.pk})
    if request.method == "POST" and form.is_valid():
        if save_or_show(form, lambda: services.deep_dive_record(actor=request.user,
                                                                 **form.cleaned_data)):
            messages.success(request, "The deep dive was recorded")
            return redirect("audits:deep_dives")
    return _form_page(request, form=form, title="Record a deep dive",
                      submit_label="Record the deep dive",
                      cancel_url=reverse("audits:deep_dives"),
                      intro="The Stocktake and Showcase looks in depth at three or four "
                            "services a quarter, so every service is reviewed within 12 "
                            "months.")
