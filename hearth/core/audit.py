"""Writing the audit trail.

Services call an `Auditor` inside their own transaction so the event and the change commit or
fail together. Reads are audited too: looking at a child's record is a governance event.
"""

from collections.abc import Iterable

from django.db import models

from hearth.core import clock, context, events
from hearth.core.models import AuditEvent


class AnonymousAuditError(ValueError):
    pass


class Auditor:
    def __init__(self, actor=None, *, system_job: str = ""):
        self.actor = actor if actor is not None and actor.is_authenticated else None
        self.system_job = system_job or context.current().system_job
        if self.actor is None and not system_job:
            raise AnonymousAuditError("Every audit event needs a signed-in user or a named job.")

    def _event(self, code: str, target=None, *, child_id=None, detail=None) -> AuditEvent:
        events.describe(code)  # refuses an unregistered code
        request = context.current()
        return AuditEvent(
            occurred_at=clock.now(),
            actor=self.actor,
            system_job=self.system_job,
            event_code=code,
            target_type=_type_of(target),
            target_id=str(target.pk) if isinstance(target, models.Model) else "",
            child_id=child_id,
            ip_address=request.ip_address,
            request_id=request.request_id,
            channel=request.channel,
            detail=detail or {},
        )

    def record(self, code: str, target=None, *, child_id=None, detail=None) -> AuditEvent:
        event = self._event(code, target, child_id=child_id, detail=detail)
        event.save()
        return event

    def record_many(self, code: str, targets: Iterable, *, child_id_of, detail=None) -> int:
        """One event per target in a single insert, for lists and search results."""
        rows = [self._event(code, t, child_id=child_id_of(t), detail=detail) for t in targets]
        AuditEvent.objects.bulk_create(rows)
        return len(rows)


def _type_of(target) -> str:
    if isinstance(target, models.Model):
        return target._meta.label
    return ""


def changes_between(before: dict, after: dict, *, exclude: Iterable[str] = ()) -> dict:
    """The fields that changed, as {field: [old, new]}, for an update event's detail."""
    skip = set(exclude)
    return {
        key: [plain_value(before.get(key)), plain_value(value)]
        for key, value in after.items()
        if key not in skip and before.get(key) != value
    }


def plain_value(value):
    """A value as JSON can hold it: dates and other objects as their text."""
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)
