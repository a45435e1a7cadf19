"""Every write to audit programmes, tools, case file audits, their actions and deep dives:
checked, saved and audited in one transaction. Events about an audit carry the child's id, so
the child's audit history shows who audited their case; opening an audit is audited as a read
of the child's record."""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from hearth.accounts.models import Team, User
from hearth.accounts.roles import Role
from hearth.audits import rules
from hearth.audits.codes import ActionStatus, AuditStatus, ProgrammeStatus
from hearth.audits.models import (
    AuditAction,
    AuditAnswer,
    AuditProgramme,
    AuditTool,
    AuditToolVersion,
    CaseAudit,
    DeepDive,
    ToolQuestion,
    ToolSection,
)
from hearth.cases.models import Allocation
from hearth.core import clock
from hearth.core.audit import Auditor, changes_between
from hearth.core.errors import DomainError
from hearth.people import services as people_services
from hearth.workingdays.selectors import current_calendar

# ---- Tools ---------------------------------------------------------------------------------


@transaction.atomic
def tool_version_create(*, tool_name: str, sections: list[tuple[str, list[str]]],
                        note: str = "", description: str = "", actor=None,
                        system_job: str = "") -> AuditToolVersion:
    """A new version of the tool (made if it is new) with these sections and questions. Earlier
    versions and the audits graded against them are untouched."""
    sections = [(title.strip(), [q.strip() for q in questions if q.strip()])
                for title, questions in sections if title.strip()]
    if not sections or any(not questions for _title, questions in sections):
        raise DomainError("A tool needs at least one section, each with at least one question",
                          field="questions")
    tool, _ = AuditTool.objects.get_or_create(name=tool_name.strip(),
                                              defaults={"description": description})
    tool = AuditTool.objects.select_for_update().get(pk=tool.pk)
    latest = tool.versions.order_by("-number").first()
    version = AuditToolVersion.objects.create(tool=tool, number=(latest.number + 1 if latest
                                                                 else 1),
                                              note=note, created_at=clock.now())
    for s_order, (title, questions) in enumerate(sections, start=1):
        section = ToolSection.objects.create(version=version, order=s_order, title=title)
        ToolQuestion.objects.bulk_create(ToolQuestion(section=section, order=q_order, text=text)
                                         for q_order, text in enumerate(questions, start=1))
    Auditor(actor, system_job=system_job).record("AUDIT_TOOL_VERSION_CREATED", version, detail={
        "tool": tool.name, "number": version.number,
        "questions": sum(len(q) for _t, q in sections)})
    return version


# ---- Programmes ----------------------------------------------------------------------------


PROGRAMME_FIELDS = ("kind", "title", "theme", "starts_on", "ends_on", "services",
                    "tool_version", "status")


@transaction.atomic
def programme_create(*, kind: str, title: str, theme: str, starts_on: dt.date,
                     ends_on: dt.date, services: list[str], teams, tool_version,
                     actor, status: str = ProgrammeStatus.PLANNED) -> AuditProgramme:
    rules.ensure_programme_period(starts_on=starts_on, ends_on=ends_on)
    programme = AuditProgramme.objects.create(
        kind=kind, title=title.strip(), theme=theme.strip(), starts_on=starts_on,
        ends_on=ends_on, services=sorted(set(services)), tool_version=tool_version,
        status=status, created_by=actor, recorded_at=clock.now())
    programme.teams.set(teams)
    Auditor(actor).record("AUDIT_PROGRAMME_CREATED", programme, detail={
        "kind": kind, "starts_on": str(starts_on), "ends_on": str(ends_on),
        "services": programme.services, "teams": [t.pk for t in teams],
        "tool_version": tool_version.pk})
    return programme


@transaction.atomic
def programme_change(*, programme: AuditProgramme, actor, teams, **values) -> AuditProgramme:
    programme = AuditProgramme.objects.select_for_update().get(pk=programme.pk)
    rules.ensure_programme_period(starts_on=values["starts_on"], ends_on=values["ends_on"])
    if (values["tool_version"].pk != programme.tool_version_id
            and programme.audits.exists()):
        raise DomainError("Audits have started with this tool version: plan a new programme "
                          "to use another", field="tool_version")
    values["services"] = sorted(set(values["services"]))
    before = {k: getattr(programme, k) for k in PROGRAMME_FIELDS}
    for key, value in values.items():
        setattr(programme, key, value)
    programme.save()
    teams_before = sorted(programme.teams.values_list("pk", flat=True))
    programme.teams.set(teams)
    changes = changes_between(before, {k: getattr(programme, k) for k in PROGRAMME_FIELDS})
    if teams_before != sorted(t.pk for t in teams):
        changes["teams"] = [teams_before, sorted(t.pk for t in teams)]
    Auditor(actor).record("AUDIT_PROGRAMME_CHANGED", programme, detail={"changes": changes})
    return programme


# ---- Audits --------------------------------------------------------------------------------


def allocation_on(child, on: dt.date) -> Allocation | None:
    """The child's allocation on a day (allocations are dated rows, never overwritten)."""
    return (Allocation.objects.filter(child=child, start_date__lte=on)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
            .select_related("team", "worker").order_by("-start_date", "-id").first())


def team_manager_of(team: Team | None) -> User | None:
    if team is None:
        return None
    return (User.objects.filter(team=team, role=Role.TEAM_MANAGER, is_active=True)
            .order_by("last_name", "first_name", "pk").first())


@transaction.atomic
def audit_start(*, programme: AuditProgramme, child, audited_on: dt.date, actor) -> CaseAudit:
    if not child.is_child:
        raise DomainError("Only a child's case file can be audited", field="child")
    programme = AuditProgramme.objects.select_for_update().get(pk=programme.pk)
    allocation = allocation_on(child, audited_on)
    worker = allocation.worker if allocation else None
    team = allocation.team if allocation else None
    rules.ensure_can_start(audited_on=audited_on, today=clock.today(),
                           starts_on=programme.starts_on, auditor_id=actor.pk,
                           worker_id=getattr(worker, "pk", None),
                           programme_open=programme.status != ProgrammeStatus.COMPLETE)
    if CaseAudit.objects.filter(programme=programme, child=child).exists():
        raise DomainError("This child's case is already in this programme", field="child")
    audit = CaseAudit.objects.create(
        programme=programme, child=child, tool_version=programme.tool_version,
        audited_on=audited_on, worker=worker, team=team, manager=team_manager_of(team),
        auditor=actor, recorded_at=clock.now())
    questions = ToolQuestion.objects.filter(section__version=programme.tool_version)
    AuditAnswer.objects.bulk_create(AuditAnswer(audit=audit, question=q) for q in questions)
    if programme.status == ProgrammeStatus.PLANNED:
        programme.status = ProgrammeStatus.IN_PROGRESS
        programme.save(update_fields=["status"])
    Auditor(actor).record("CASE_AUDIT_STARTED", audit, child_id=child.pk, detail={
        "programme": programme.pk, "audited_on": str(audited_on),
        "worker": getattr(worker, "pk", None), "team": getattr(team, "pk", None),
        "tool_version": programme.tool_version_id})
    return audit


def _locked(audit: CaseAudit) -> CaseAudit:
    return CaseAudit.objects.select_for_update().get(pk=audit.pk)


@transaction.atomic
def audit_record(*, audit: CaseAudit, answers: dict[int, tuple[str, str]], overall_grade: str,
                 findings: str, child_family_views: str, worker_took_part: bool,
                 manager_took_part: bool, complete: bool, actor,
                 completed_on: dt.date | None = None) -> CaseAudit:
    """Saves the grades and comments (a draft may leave some blank); `complete` also checks
    that everything is graded and fixes the audit (completed today unless `completed_on`
    says when, for an audit entered afterwards)."""
    audit = _locked(audit)
    if audit.auditor_id != actor.pk:
        raise DomainError(f"This audit is {audit.auditor}'s to record")
    if audit.status != AuditStatus.DRAFT:
        raise DomainError("This audit is completed: its grades are fixed")
    rows = {a.question_id: a for a in audit.answers.all()}
    if set(answers) != set(rows):
        raise DomainError("The questions do not match this audit's tool version")
    completed_on = completed_on or clock.today()
    if complete:
        rules.ensure_can_complete(grades={q: g for q, (g, _c) in answers.items()},
                                  overall_grade=overall_grade, findings=findings)
        rules.ensure_date_between(completed_on, first=audit.audited_on, today=clock.today(),
                                  what="it was completed", field="completed_on")
    for question_id, (grade, comment) in answers.items():
        row = rows[question_id]
        row.grade, row.comment = grade or "", comment.strip()
    AuditAnswer.objects.bulk_update(rows.values(), ["grade", "comment"])
    audit.overall_grade, audit.findings = overall_grade or "", findings.strip()
    audit.child_family_views = child_family_views.strip()
    audit.worker_took_part, audit.manager_took_part = worker_took_part, manager_took_part
    if complete:
        audit.status, audit.completed_on = AuditStatus.COMPLETED, completed_on
    audit.save()
    code = "CASE_AUDIT_COMPLETED" if complete else "CASE_AUDIT_RECORDED"
    Auditor(actor).record(code, audit, child_id=audit.child_id, detail={
        "overall_grade": audit.overall_grade,
        "graded": sum(1 for g, _c in answers.values() if g),
        "questions": len(answers), "worker_took_part": worker_took_part,
        "manager_took_part": manager_took_part})
    return audit


@transaction.atomic
def audit_close(*, audit: CaseAudit, actor, closed_on: dt.date | None = None) -> CaseAudit:
    audit = _locked(audit)
    rules.ensure_can_close(audit_status=audit.status,
                           action_statuses=audit.actions.values_list("status", flat=True))
    closed_on = closed_on or clock.today()
    finished = [d for d in audit.actions.values_list("done_on", flat=True) if d]
    rules.ensure_date_between(closed_on, first=max([audit.completed_on, *finished]),
                              today=clock.today(), what="the loop was closed",
                              field="closed_on")
    audit.status, audit.closed_on, audit.closed_by = AuditStatus.CLOSED, closed_on, actor
    audit.save(update_fields=["status", "closed_on", "closed_by"])
    Auditor(actor).record("CASE_AUDIT_CLOSED", audit, child_id=audit.child_id, detail={
        "actions": audit.actions.count(), "closed_on": str(audit.closed_on)})
    return audit


def audit_viewed(*, actor, audit: CaseAudit) -> None:
    Auditor(actor).record("CASE_AUDIT_VIEWED", audit, child_id=audit.child_id)
    people_services.person_viewed(actor=actor, person=audit.child, section="case audit")


def audits_listed(*, actor, audits, where: str) -> None:
    """A list of audits names children: one read event per child shown."""
    Auditor(actor).record("CASE_AUDITS_LISTED", detail={"where": where, "count": len(audits)})
    children = {a.child_id: a.child for a in audits}
    if children:
        people_services.people_listed(actor=actor, people=list(children.values()),
                                      where=f"case audits: {where}")


# ---- Actions -------------------------------------------------------------------------------


def ensure_owner(owner) -> None:
    if owner is None or not owner.is_active or not owner.has_perm(
            "audits.complete_own_action"):
        raise DomainError("Choose the worker or manager who will do it", field="owner")


@transaction.atomic
def action_add(*, audit: CaseAudit, description: str, owner, due_on: dt.date,
               actor) -> AuditAction:
    audit = _locked(audit)
    if audit.status == AuditStatus.CLOSED:
        raise DomainError("This audit's loop is closed: actions can no longer be added")
    ensure_owner(owner)
    rules.ensure_action_due(due_on=due_on, audited_on=audit.audited_on,
                            calendar=current_calendar())
    if not description.strip():
        raise DomainError("Say what needs to be done", field="description")
    action = AuditAction.objects.create(audit=audit, description=description.strip(),
                                        owner=owner, due_on=due_on, recorded_by=actor,
                                        recorded_at=clock.now())
    Auditor(actor).record("AUDIT_ACTION_ADDED", action, child_id=audit.child_id, detail={
        "audit": audit.pk, "owner": owner.pk, "due_on": str(due_on)})
    return action


def can_finish(action: AuditAction, user) -> bool:
    """The owner records their own action; an auditor or manager may record it for them."""
    return user.pk == action.owner_id or user.has_perm("audits.carry_out_audit")


def _locked_action(action: AuditAction) -> AuditAction:
    return AuditAction.objects.select_for_update().select_related("audit").get(pk=action.pk)


@transaction.atomic
def action_done(*, action: AuditAction, done_on: dt.date, evidence: str,
                actor) -> AuditAction:
    action = _locked_action(action)
    if not can_finish(action, actor):
        raise DomainError(f"This action is for {action.owner} to record")
    rules.ensure_can_finish_action(status=action.status, done_on=done_on,
                                   audited_on=action.audit.audited_on, today=clock.today(),
                                   evidence=evidence)
    action.status, action.done_on = ActionStatus.DONE, done_on
    action.evidence, action.finished_by = evidence.strip(), actor
    action.save(update_fields=["status", "done_on", "evidence", "finished_by"])
    Auditor(actor).record("AUDIT_ACTION_DONE", action, child_id=action.audit.child_id, detail={
        "audit": action.audit_id, "done_on": str(done_on), "due_on": str(action.due_on),
        "in_time": done_on <= action.due_on})
    return action


@transaction.atomic
def action_cancel(*, action: AuditAction, reason: str, actor) -> AuditAction:
    action = _locked_action(action)
    rules.ensure_can_cancel_action(status=action.status, reason=reason)
    action.status, action.cancel_reason = ActionStatus.CANCELLED, reason.strip()
    action.finished_by = actor
    action.save(update_fields=["status", "cancel_reason", "finished_by"])
    Auditor(actor).record("AUDIT_ACTION_CANCELLED", action, child_id=action.audit.child_id,
                          detail={"audit": action.audit_id})
    return action


# ---- Deep dives ----------------------------------------------------------------------------


@transaction.atomic
def deep_dive_record(*, service: str, held_on: dt.date, lead, findings: str,
                     actor) -> DeepDive:
    if service not in Team.Service.values:
        raise DomainError("Choose the service", field="service")
    rules.ensure_can_record_deep_dive(held_on=held_on, today=clock.today(), findings=findings)
    dive = DeepDive.objects.create(service=service, held_on=held_on, lead=lead,
                                   findings=findings.strip(), recorded_by=actor,
                                   recorded_at=clock.now())
    Auditor(actor).record("DEEP_DIVE_RECORDED", dive, detail={
        "service": service, "held_on": str(held_on), "lead": lead.pk})
    return dive
