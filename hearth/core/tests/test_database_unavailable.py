"""When the database connection drops in the middle of a request: a clear page, nothing
half-saved, and the next request works."""

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.urls import reverse

from hearth.cases.models import CaseNote
from hearth.core import audit
from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db

NOTE = {"kind": "phone_call", "occurred_on_day": "5", "occurred_on_month": "1",
        "occurred_on_year": "2026", "subject": "Call with the school", "text": "Attendance."}


def drop_connection_while_auditing(monkeypatch, code: str, error=OperationalError) -> None:
    """The connection drops after the record is inserted, while its audit event is written."""
    original = audit.Auditor.record

    def record(self, event_code, *args, **kwargs):
        if event_code == code:
            raise error("server closed the connection unexpectedly")
        return original(self, event_code, *args, **kwargs)

    monkeypatch.setattr(audit.Auditor, "record", record)


def test_a_save_cut_off_by_the_database_says_nothing_was_saved(client, personas, monkeypatch):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_alice)
    drop_connection_while_auditing(monkeypatch, "CASE_NOTE_ADDED")
    response = client.post(reverse("cases:add_case_note", args=[child.uuid]), NOTE)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "<h1 class=\"govuk-heading-l\">Sorry, the service could not reach its records</h1>" \
        in page
    assert "What you were saving was not saved, and nothing was half-saved." in page
    assert not CaseNote.objects.filter(child=child).exists()  # the transaction rolled back


def test_the_next_request_works_once_the_database_is_back(client, personas, monkeypatch):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_alice)
    original = audit.Auditor.record
    drop_connection_while_auditing(monkeypatch, "CASE_NOTE_ADDED", error=InterfaceError)
    assert client.post(reverse("cases:add_case_note", args=[child.uuid]),
                       NOTE).status_code == 503

    monkeypatch.setattr(audit.Auditor, "record", original)
    assert client.post(reverse("cases:add_case_note", args=[child.uuid]),
                       NOTE).status_code == 302
    assert CaseNote.objects.filter(child=child).count() == 1
    assert AuditEvent.objects.filter(child_id=child.pk, event_code="CASE_NOTE_ADDED").exists()


def test_a_read_cut_off_asks_the_user_to_try_again(client, personas, monkeypatch):
    client.force_login(personas.sw_alice)
    monkeypatch.setattr("hearth.cases.work_views.worklists.status_counts",
                        lambda *a, **k: (_ for _ in ()).throw(OperationalError("timeout")))
    response = client.get(reverse("work:mine"))
    assert response.status_code == 503
    assert "Try again in a moment." in response.content.decode()


def test_other_errors_are_not_mistaken_for_the_database(client, personas, monkeypatch):
    client.raise_request_exception = False
    client.force_login(personas.sw_alice)
    monkeypatch.setattr("hearth.cases.work_views.worklists.status_counts",
                        lambda *a, **k: (_ for _ in ()).throw(ValueError("a bug")))
    assert client.get(reverse("work:mine")).status_code == 500


def test_reused_connections_are_checked_before_a_request_uses_them():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
