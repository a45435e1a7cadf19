"""URL parameters for the tests that walk every page (the access matrix and the form fuzzing):
a completed audit (by the team manager) with one open action for the social worker, a
programme and the default tool version.

The audit is of a child of its own, never restricted: the matrix expects a 404 only on pages
with the child in their address, and an audit of the restricted child is (rightly) a 404 to
everyone off its access list, which this app's view tests check."""

import datetime as dt

from hearth.audits.models import AuditToolVersion
from hearth.audits.tests.factories import action_for, audit_for, complete, programme_for
from hearth.core import clock
from hearth.workingdays.selectors import current_calendar


def records_for(child, personas) -> dict:
    today = clock.today()
    programme = programme_for(personas, starts_on=today - dt.timedelta(days=60),
                              ends_on=today + dt.timedelta(days=30),
                              title=f"Matrix programme {child.pk}")
    audited = personas.child_for(personas.sw_alice)
    audit = audit_for(personas, audited, programme=programme, on=today)
    complete(audit)
    action = action_for(audit, personas.sw_alice,
                        due_on=current_calendar().add_working_days(today, 10))
    return {"audit_id": audit.pk, "action_id": action.pk, "programme_id": programme.pk,
            "version_id": AuditToolVersion.objects.order_by("pk").first().pk}
