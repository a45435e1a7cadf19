"""Which audit or action a URL names, for this user: an audit of a child the user may not see
(a restricted record they are not on the list for) is a 404, exactly as one that does not exist
(ADR 3)."""

from django.http import Http404

from hearth.audits.models import AuditAction, AuditProgramme, AuditToolVersion, CaseAudit
from hearth.people.models import Person


def visible_audits(user):
    return CaseAudit.objects.filter(child__in=Person.objects.visible_to(user))


def access_audit(user, audit_id) -> CaseAudit:
    try:
        return (visible_audits(user)
                .select_related("programme", "child", "tool_version__tool", "worker", "team",
                                "manager", "auditor", "closed_by")
                .get(pk=audit_id))
    except (CaseAudit.DoesNotExist, ValueError, TypeError):
        raise Http404("No audit found") from None


def access_action(user, action_id, *, audit: CaseAudit | None = None) -> AuditAction:
    actions = AuditAction.objects.filter(audit__in=visible_audits(user))
    if audit is not None:
        actions = actions.filter(audit=audit)
    try:
        return actions.select_related("audit__child", "audit__programme", "owner",
                                      "finished_by").get(pk=action_id)
    except (AuditAction.DoesNotExist, ValueError, TypeError):
        raise Http404("No action found") from None


def access_programme(programme_id) -> AuditProgramme:
    try:
        return AuditProgramme.objects.select_related("tool_version__tool", "created_by").get(
            pk=programme_id)
    except (AuditProgramme.DoesNotExist, ValueError, TypeError):
        raise Http404("No programme found") from None


def access_tool_version(version_id) -> AuditToolVersion:
    try:
        return AuditToolVersion.objects.select_related("tool").get(pk=version_id)
    except (AuditToolVersion.DoesNotExist, ValueError, TypeError):
        raise Http404("No tool version found") from None
