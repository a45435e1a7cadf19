"""Audit actions on their owner's My work: overdue and due soon only, open only, and only
audits of children the owner may see."""

import datetime as dt

import pytest
from django.urls import reverse

from hearth.audits import services
from hearth.audits.tests.factories import action_for, audit_for, complete
from hearth.audits.work import audit_action_work
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def test_overdue_and_due_soon_actions_reach_the_owners_my_work(personas, child, traveller):
    audit = audit_for(personas, child)
    complete(audit)
    soon = action_for(audit, personas.sw_alice, due_on=D(2026, 6, 3))  # 2 working days
    later = action_for(audit, personas.sw_alice, due_on=D(2026, 6, 4))
    action_for(audit, personas.tm_bob, due_on=D(2026, 6, 2))
    items = audit_action_work(personas.sw_alice, D(2026, 6, 1))
    assert [(i.due_on, i.source, i.url) for i in items] == [
        (D(2026, 6, 3), "Audit action", reverse("audits:finish_action", args=[soon.pk]))]
    assert items[0].what.startswith(f"{audit}: Update the plan")
    # A week on, both are overdue; done ones leave.
    traveller.move_to(dt.datetime(2026, 6, 8, 9, 0, tzinfo=dt.UTC))
    services.action_done(action=later, done_on=D(2026, 6, 8), evidence="Plan shared with "
                         "the family", actor=personas.sw_alice)
    assert [i.due_on for i in audit_action_work(personas.sw_alice, D(2026, 6, 8))] == [
        D(2026, 6, 3)]
    assert [i.due_on for i in audit_action_work(personas.tm_bob, D(2026, 6, 8))] == [
        D(2026, 6, 2)]
    assert audit_action_work(personas.analyst_dana, D(2026, 6, 8)) == []


def test_an_action_on_a_hidden_childs_audit_stays_off_my_work(personas, child):
    audit = audit_for(personas, child)
    action_for(audit, personas.sw_alice, due_on=D(2026, 6, 2))
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    assert audit_action_work(personas.sw_alice, D(2026, 6, 1)) == []


def test_my_work_page_shows_the_action(client, personas, child):
    audit = audit_for(personas, child)
    action_for(audit, personas.sw_alice, due_on=D(2026, 6, 2))
    client.force_login(personas.sw_alice)
    page = client.get(reverse("work:mine")).text
    assert "Audit action" in page and audit.reference in page
