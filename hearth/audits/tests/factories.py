"""Helpers that plan programmes, audit and act with the real services (synthetic data)."""

import datetime as dt

from hearth.audits import services
from hearth.audits.codes import Grade, ProgrammeKind
from hearth.audits.models import AuditProgramme, CaseAudit
from hearth.audits.selectors import current_tool_version

D = dt.date
MAY_1, MAY_20, MAY_31, JUNE_3 = D(2026, 5, 1), D(2026, 5, 20), D(2026, 5, 31), D(2026, 6, 3)


def programme_for(personas, *, starts_on=MAY_1, ends_on=MAY_31,
                  title="Practice learning audit: May 2026", kind=ProgrammeKind.MONTHLY,
                  tool_version=None) -> AuditProgramme:
    return services.programme_create(
        kind=kind, title=title, theme="", starts_on=starts_on, ends_on=ends_on,
        services=["safeguarding"], teams=[personas.team_a],
        tool_version=tool_version or current_tool_version(), actor=personas.sm_sara)


def audit_for(personas, child, *, programme=None, on=MAY_20, auditor=None) -> CaseAudit:
    return services.audit_start(programme=programme or programme_for(personas), child=child,
                                audited_on=on, actor=auditor or personas.tm_bob)


def grades(audit, grade=Grade.GOOD, *, weak_section: str = "") -> dict[int, tuple[str, str]]:
    """Every question graded `grade`, except those in `weak_section` (requires improvement)."""
    return {a.question_id: (Grade.REQUIRES_IMPROVEMENT
                            if a.question.section.title == weak_section else grade,
                            "Seen in the record")
            for a in audit.answers.select_related("question__section")}


def complete(audit, *, grade=Grade.GOOD, overall=Grade.GOOD, weak_section="", actor=None):
    return services.audit_record(
        audit=audit, answers=grades(audit, grade, weak_section=weak_section),
        overall_grade=overall, findings="The plan is clear; the child's voice is strong.",
        child_family_views="", worker_took_part=True, manager_took_part=False, complete=True,
        actor=actor or audit.auditor)


def action_for(audit, owner, *, due_on=JUNE_3, actor=None):
    return services.action_add(audit=audit, description="Update the plan with SMART outcomes",
                               owner=owner, due_on=due_on, actor=actor or audit.auditor)
