"""The pages, as a member of the LADO team: forms that keep what was typed, the list's filters,
sorting and paging, the allegation's steps, the yearly figures and the team page."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.lado import views
from hearth.lado.models import Allegation, LadoTeamMember
from hearth.lado.tests.factories import SUBJECT, allegation_for, concluded, considered

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, *args) -> str:
    return reverse(f"lado:{name}", args=args)


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


@pytest.fixture
def lado(client, officer):
    client.force_login(officer)
    return client


def referral(**overrides) -> dict:
    return {**date_fields("received_on", D(2026, 6, 1)), "received_time": "14:30",
            "referrer_name": "Avery Thornbury", "referrer_agency": "Harrowgate Primary School",
            "subject_name": SUBJECT, "subject_role": "Teaching assistant",
            "subject_employer": "Harrowgate Primary School", "subject_sector": "education",
            "category": "physical", "summary": "Grabbed a pupil's arm.", "children": "PLADO001",
            "children_text": "", **overrides}


def test_the_officer_records_an_allegation(lado, officer, child):
    response = lado.post(url("record_allegation"), referral(lado_officer=officer.pk))
    allegation = Allegation.objects.get()
    assert response.status_code == 302 and response.url == url("allegation", allegation.pk)
    assert allegation.received_time == dt.time(14, 30)
    assert list(allegation.children.all()) == [child]
    assert allegation.initial_consideration_due_on == D(2026, 6, 2)
    page = lado.get(response.url).text
    assert "initial consideration is due by 2 June 2026" in page
    assert SUBJECT in page and "Record the initial consideration" in page


def test_a_broken_referral_form_keeps_what_was_typed(lado, officer, child):
    response = lado.post(url("record_allegation"), referral(
        lado_officer=officer.pk, subject_sector="", received_time="25:99",
        children="PLADO001, NOSUCH1", **date_fields("received_on", D(2026, 6, 9))))
    assert response.status_code == 200 and not Allegation.objects.exists()
    page = response.text
    assert "Choose the sector the person works in" in page
    assert "Enter the time as hours and minutes" in page
    assert "No child&#x27;s record with the LA child ID NOSUCH1" in page
    assert f'value="{SUBJECT}"' in page and "Grabbed a pupil&#x27;s arm." in page
    # The date rule is the service's: fix the other fields and it is shown, with the date kept.
    response = lado.post(url("record_allegation"), referral(
        lado_officer=officer.pk, children="", **date_fields("received_on", D(2026, 6, 9))))
    assert "must be today or in the past" in response.text
    assert re.search(r'name="received_on_day"[^>]* value="9"', response.text)


def test_the_officer_must_be_chosen_from_the_lado_team(lado, personas, child):
    response = lado.post(url("record_allegation"), referral(lado_officer=personas.sw_alice.pk))
    assert 'value="PLADO001"' in response.text
    assert "Choose the LADO officer" in response.text and not Allegation.objects.exists()


def test_an_unknown_allegation_is_a_404(lado):
    assert lado.get(url("allegation", 999999)).status_code == 404
    assert lado.get(url("record_outcome", 999999)).status_code == 404


def test_the_steps_in_order(lado, officer, child):
    allegation = allegation_for(officer, children=[child])
    meeting_page = lado.get(url("record_meeting", allegation.pk)).text
    assert "Record the initial consideration first" in meeting_page
    response = lado.post(url("record_consideration", allegation.pk), {
        **date_fields("considered_on", D(2026, 5, 29)), "threshold": "met",
        "police_involved": "yes", "consideration_notes": "Physical harm alleged."})
    assert response.status_code == 302
    allegation.refresh_from_db()
    assert allegation.police_involved is True and allegation.considered_by == officer
    assert "was recorded on 29 May 2026" in lado.get(
        url("record_consideration", allegation.pk)).text
    response = lado.post(url("record_meeting", allegation.pk), {
        "kind": "evaluation", **date_fields("held_on", D(2026, 5, 29)),
        "attendees": "LADO; head teacher; HR", "decisions": "Risk assessment by the school"})
    assert response.status_code == 302
    response = lado.post(url("record_outcome", allegation.pk), {
        "outcome": "substantiated", **date_fields("outcome_on", D(2026, 6, 1)),
        "outcome_notes": "Dismissed.", "referred_to_professional_body": "on",
        "professional_body": ""})
    assert "Name the professional body" in response.text
    assert 'value="substantiated" checked' in response.text
    response = lado.post(url("record_outcome", allegation.pk), {
        "outcome": "substantiated", **date_fields("outcome_on", D(2026, 6, 1)),
        "outcome_notes": "Dismissed.", "referred_to_dbs": "on",
        "referred_to_professional_body": "on",
        "professional_body": "Teaching Regulation Agency"})
    assert response.status_code == 302
    page = lado.get(url("allegation", allegation.pk)).text
    assert "Teaching Regulation Agency" in page and "Disclosure and Barring Service" in page
    assert "In time" in page and "Close the allegation" in page
    response = lado.post(url("close_allegation", allegation.pk),
                         date_fields("closed_on", D(2026, 5, 31)))
    assert "cannot be before the outcome (1 June 2026)" in response.text
    assert lado.post(url("close_allegation", allegation.pk),
                     date_fields("closed_on", D(2026, 6, 1))).status_code == 302
    assert "This allegation was closed on 1 June 2026" in lado.get(
        url("change_allegation", allegation.pk)).text


def test_changing_the_referral(lado, officer, child):
    allegation = allegation_for(officer, children=[child])
    form = lado.get(url("change_allegation", allegation.pk)).text
    assert 'value="PLADO001"' in form and f'value="{SUBJECT}"' in form
    response = lado.post(url("change_allegation", allegation.pk), referral(
        lado_officer=officer.pk, subject_role="Lunchtime supervisor", children="",
        **date_fields("received_on", D(2026, 5, 28))))
    assert response.status_code == 302
    allegation.refresh_from_db()
    assert allegation.subject_role == "Lunchtime supervisor"
    assert not allegation.children.exists()


def test_the_list_filters_sorts_and_pages(lado, officer, monkeypatch, traveller):
    old = allegation_for(officer, received_on=D(2026, 5, 20), sector="sport")
    considered(old, officer, on=D(2026, 5, 20))
    concluded(old, officer, on=D(2026, 5, 29), outcome="malicious")
    overdue = allegation_for(officer, received_on=D(2026, 5, 27), sector="health")
    fresh = allegation_for(officer, received_on=D(2026, 6, 1), sector="faith")
    page = lado.get(url("allegations")).text
    assert all(a.reference in page for a in (old, overdue, fresh))
    assert "1 initial consideration overdue" in page
    overdue_only = lado.get(url("allegations") + "?overdue=on").text
    assert overdue.reference in overdue_only and fresh.reference not in overdue_only
    by_outcome = lado.get(url("allegations") + "?outcome=malicious").text
    assert old.reference in by_outcome and overdue.reference not in by_outcome
    by_sector = lado.get(url("allegations") + "?sector=faith").text
    assert fresh.reference in by_sector and old.reference not in by_sector
    awaiting = lado.get(url("allegations") + "?status=awaiting").text
    assert old.reference not in awaiting and fresh.reference in awaiting
    oldest_first = lado.get(url("allegations") + "?sort=-received").text
    assert oldest_first.index(old.reference) < oldest_first.index(fresh.reference)
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    first = lado.get(url("allegations") + "?sort=received").text
    assert "Page 1 of 2" in first and old.reference not in first
    second = lado.get(url("allegations") + "?sort=received&page=2").text
    assert old.reference in second
    assert AuditEvent.objects.filter(event_code="LADO_ALLEGATIONS_LISTED").exists()


def test_the_yearly_figures(lado, officer):
    late = allegation_for(officer, received_on=D(2026, 5, 26), category="sexual")
    considered(late, officer, on=D(2026, 5, 28))
    concluded(late, officer, on=D(2026, 6, 1), outcome="unfounded")
    allegation_for(officer, received_on=D(2026, 5, 28), sector="police")
    page = lado.get(url("report") + "?year=2026").text
    assert "LADO figures 2026-27" in page
    assert "0 of 1 considered (0.0%); 1 not yet considered" in page
    assert "6 days" in page  # median referral to outcome
    response = lado.get(url("report") + "?year=1999")  # not offered: the current year instead
    assert response.status_code == 200 and "2026-27" in response.text
    assert AuditEvent.objects.filter(event_code="LADO_REPORT_VIEWED").count() == 2


def test_a_service_manager_adds_and_ends_a_membership(client, personas):
    client.force_login(personas.sm_sara)
    page = client.get(url("team")).text
    assert "No one is in the LADO team" in page
    response = client.post(url("team"), {"user": personas.sw_alice.pk, "reason": ""})
    assert "Say why they are joining the LADO team" in response.text
    response = client.post(url("team"), {"user": personas.admin_sam.pk, "reason": "LADO"})
    assert "Choose who is joining" in response.text  # administrators are never offered
    response = client.post(url("team"), {"user": personas.sm_sara.pk, "reason": "LADO"})
    assert "You cannot add yourself" in response.text
    response = client.post(url("team"), {"user": personas.sw_alice.pk,
                                         "reason": "Appointed LADO officer"})
    assert response.status_code == 302
    member = LadoTeamMember.objects.get()
    assert client.get(url("end_membership", member.pk)).status_code == 200
    response = client.post(url("end_membership", member.pk),
                           date_fields("ended_on", D(2026, 5, 1)))
    assert "cannot end before it started" in response.text
    assert client.post(url("end_membership", member.pk),
                       date_fields("ended_on", D(2026, 6, 1))).status_code == 302
    assert client.get(url("end_membership", member.pk)).status_code == 404
    assert "Past members" in client.get(url("team")).text


NASTY = ["", "x" * 3000, "\x00", "2026-02-30", "-1", "99999", "<script>x</script>", "1e9",
         "\u202e", "on"]


def test_no_lado_form_answers_nonsense_with_a_server_error(lado, officer, child):
    from hearth.core.tests.test_form_fuzz import form_fields

    allegation = allegation_for(officer, children=[child])
    considered_one = allegation_for(officer)
    considered(considered_one, officer)
    concluded_one = allegation_for(officer)
    considered(concluded_one, officer)
    concluded(concluded_one, officer)
    urls = [url("record_allegation"), url("change_allegation", allegation.pk),
            url("record_consideration", allegation.pk),
            url("record_meeting", considered_one.pk), url("record_outcome", considered_one.pk),
            url("close_allegation", concluded_one.pk)]
    posts = 0
    for address in urls:
        fields = form_fields(lado.get(address).text)
        assert fields, address
        for value in NASTY:
            response = lado.post(address, {name: value for name in fields})
            assert response.status_code in (200, 302), (address, value)
            posts += 1
    assert posts == len(urls) * len(NASTY)
