"""Drafts: kept for their author only, given back, audited, and gone once the form is saved."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.drafts.models import Draft

pytestmark = pytest.mark.django_db
SAVE, DRAFT, DISCARD = reverse("drafts:save"), reverse("drafts:draft"), reverse("drafts:discard")
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def child(personas):
    return personas.child_for(personas.sw_alice)


@pytest.fixture
def note_page(child):
    return reverse("cases:add_case_note", args=[child.uuid])


def typed(note_page, **fields):
    return {"draft_path": note_page, "csrfmiddlewaretoken": "not kept", "kind": "visit",
            "subject": "Home visit", "text": "Seen in her bedroom; talked about school.",
            **fields}


def test_a_draft_is_kept_and_given_back_to_its_author(client, personas, note_page, child):
    client.force_login(personas.sw_alice)

    saved = client.post(SAVE, typed(note_page))
    back = client.get(DRAFT, {"path": note_page})

    assert saved.status_code == 200 and "saved_at" in saved.json()
    assert back.json()["fields"] == {"kind": ["visit"], "subject": ["Home visit"],
                                     "text": ["Seen in her bedroom; talked about school."]}
    assert AuditEvent.objects.filter(event_code="DRAFT_RESTORED", child_id=child.pk,
                                     actor=personas.sw_alice).exists()


def test_no_one_else_can_read_a_draft(client, personas, note_page):
    client.force_login(personas.sw_alice)
    client.post(SAVE, typed(note_page))
    client.force_login(personas.tm_bob)

    assert client.get(DRAFT, {"path": note_page}).status_code == 204


def test_a_signed_out_request_keeps_nothing(client, note_page):
    response = client.post(SAVE, typed(note_page))

    assert response.status_code == 302 and not Draft.objects.exists()


def test_saving_the_form_deletes_its_draft(client, personas, note_page):
    client.force_login(personas.sw_alice)
    client.post(SAVE, typed(note_page))

    refused = client.post(note_page, {"kind": "visit"})  # errors: the draft stays
    assert refused.status_code == 200 and Draft.objects.count() == 1
    saved = client.post(note_page, {"kind": "visit", "occurred_on_day": "2",
                                    "occurred_on_month": "3", "occurred_on_year": "2026",
                                    "subject": "Home visit", "text": "Seen."})

    assert saved.status_code == 302 and not Draft.objects.exists()


def test_autosaves_are_audited_at_most_every_five_minutes(client, personas, note_page, child):
    client.force_login(personas.sw_alice)
    for seconds in (0, 3, 6, 9, 400):
        with time_machine.travel(START + dt.timedelta(seconds=seconds), tick=False):
            client.post(SAVE, typed(note_page, text=f"typed for {seconds} s"))

    events = AuditEvent.objects.filter(event_code="DRAFT_SAVED", child_id=child.pk)
    assert events.count() == 2
    assert Draft.objects.get().fields["text"] == ["typed for 400 s"]


@pytest.mark.parametrize("path", ["/api/v1/people/", "https://elsewhere.example/x/",
                                  "/no/such/page/", "/sign-in/", "/drafts/save/", ""])
def test_only_hearths_own_form_pages_get_drafts(client, personas, path):
    client.force_login(personas.sw_alice)

    response = client.post(SAVE, {"draft_path": path, "text": "x"})

    assert response.status_code == 400 and response.json()["detail"]
    assert not Draft.objects.exists()


def test_a_flood_is_refused(client, personas, note_page):
    client.force_login(personas.sw_alice)

    many = client.post(SAVE, {"draft_path": note_page, **{f"f{n}": "x" for n in range(201)}})
    long = client.post(SAVE, {"draft_path": note_page, "text": "x" * 200_001})

    assert many.status_code == 400 and "at most 200 fields" in many.json()["detail"]
    assert long.status_code == 400 and "too long" in long.json()["detail"]


def test_a_draft_can_be_thrown_away(client, personas, note_page):
    client.force_login(personas.sw_alice)
    client.post(SAVE, typed(note_page))

    assert client.post(DISCARD, {"draft_path": note_page}).json() == {"discarded": True}
    assert client.get(DRAFT, {"path": note_page}).status_code == 204
    assert AuditEvent.objects.filter(event_code="DRAFT_DISCARDED").exists()
