import pytest
from django.db import connection, transaction
from django.urls import reverse

from hearth.core import events
from hearth.core.audit import AnonymousAuditError, Auditor
from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_an_event_needs_someone_to_blame():
    with pytest.raises(AnonymousAuditError):
        Auditor(None)


def test_an_unregistered_code_is_refused(personas):
    with pytest.raises(events.UnknownEventCode):
        Auditor(personas.sw_alice).record("SOMETHING_MADE_UP")


def test_the_trail_cannot_be_edited_or_deleted(personas):
    event = Auditor(personas.sw_alice).record("AUDIT_TRAIL_SEARCHED")
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(event_code="X")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_raw_sql_changes_to_the_trail(personas):
    event = Auditor(personas.sw_alice).record("AUDIT_TRAIL_SEARCHED")
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE core_auditevent SET event_code = 'X' WHERE id = %s",
                           [event.pk])


def test_the_event_records_where_the_request_came_from(client, personas):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_alice)
    client.get(child.get_absolute_url(), REMOTE_ADDR="127.0.0.9")
    event = AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED").get()
    assert event.ip_address == "127.0.0.9" and event.channel == "web"
    assert event.request_id is not None


def test_an_administrator_searches_the_trail(client, personas):
    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_charlie)
    client.get(child.get_absolute_url())
    client.force_login(personas.admin_sam)
    response = client.get(reverse("core:audit_trail"), {"la_child_id": child.la_child_id,
                                                        "event_code": "CHILD_RECORD_VIEWED"})
    assert response.status_code == 200
    rows = list(response.context["page_obj"].object_list)
    assert [r.actor for r in rows] == [personas.sw_charlie]
    assert AuditEvent.objects.filter(event_code="AUDIT_TRAIL_SEARCHED").exists()


def test_practitioners_cannot_see_the_trail(client, personas):
    client.force_login(personas.tm_bob)
    assert client.get(reverse("core:audit_trail")).status_code == 403


def test_every_page_of_a_childs_record_audits_the_read(client, personas):
    from hearth.people.record_tabs import tabs_for

    child = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_alice)
    for tab in tabs_for(personas.sw_alice, child):
        section, url_name = tab.key, tab.url_name
        before = AuditEvent.objects.filter(child_id=child.pk,
                                           event_code="CHILD_RECORD_VIEWED").count()
        assert client.get(reverse(url_name, args=[child.uuid])).status_code == 200
        after = AuditEvent.objects.filter(child_id=child.pk, event_code="CHILD_RECORD_VIEWED")
        assert after.count() == before + 1, section
        assert after.order_by("-id").first().detail["section"] == section
