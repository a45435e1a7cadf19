"""The pages: who may open them, 404 for a complaint naming a child the user may not see,
forms that keep what was typed, the work list's filters and paging, and the report."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.complaints import services, views
from hearth.complaints.codes import Outcome
from hearth.complaints.models import Complaint, Feedback
from hearth.complaints.tests.factories import LATE_REASON, complaint_for, respond, stage_of
from hearth.core.models import AuditEvent
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, *args) -> str:
    return reverse(f"complaints:{name}", args=args)


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


@pytest.mark.parametrize(("persona", "page", "status"), [
    ("sw_alice", "complaints", 403), ("iro_erin", "complaints", 403),
    ("analyst_dana", "complaints", 403), ("tm_bob", "complaints", 200),
    ("bs_ben", "complaints", 200), ("sm_sara", "complaints", 200),
    ("sw_alice", "record_complaint", 403), ("bs_ben", "record_complaint", 200),
    ("analyst_dana", "complaint_report", 200), ("sw_alice", "complaint_report", 403),
    ("iro_erin", "feedback", 403), ("bs_ben", "record_feedback", 200),
])
def test_who_may_open_the_pages(client, personas, persona, page, status):
    assert signed_in(client, getattr(personas, persona)).get(url(page)).status_code == status


def test_business_support_records_a_complaint_about_a_child(client, personas, child):
    response = signed_in(client, personas.bs_ben).post(url("record_complaint"), {
        **date_fields("received_on", D(2026, 6, 1)), "complainant_name": "Jordan Quillby",
        "complainant_relationship": "parent", "children": "PCMP0001",
        "summary": "We were not told our worker had left.", "themes": ["communication",
                                                                       "worker_change"],
        "team": personas.team_a.pk, "responding_manager": personas.tm_bob.pk,
        "service_manager": personas.sm_sara.pk, "receiving_officer": personas.bs_ben.pk})
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response.url == url("complaint", complaint.pk)
    assert list(complaint.children.all()) == [child]
    assert complaint.themes == ["communication", "worker_change"]
    page = client.get(response.url).text
    assert "the stage 1 response is due on 15 June 2026" in page
    assert child.full_name in page and "Change of worker or no allocated worker" in page


def test_the_complaint_form_keeps_what_was_typed(client, personas):
    response = signed_in(client, personas.bs_ben).post(url("record_complaint"), {
        **date_fields("received_on", D(2026, 6, 1)), "complainant_name": "Jordan Quillby",
        "complainant_relationship": "parent", "children": "NOSUCH1, PCMP0001",
        "themes": ["delay"], "team": personas.team_a.pk,
        "responding_manager": personas.tm_bob.pk, "receiving_officer": personas.bs_ben.pk})
    page = response.text
    assert response.status_code == 200 and Complaint.objects.count() == 0
    assert "Say what the complaint is about" in page
    assert "No child&#x27;s record with the LA child ID NOSUCH1, PCMP0001" in page
    assert 'value="Jordan Quillby"' in page
    assert re.search(r'<input[^>]*value="delay"[^>]*checked', page)
    assert not re.search(r'<input[^>]*value="other"[^>]*checked', page)


def test_a_future_date_is_a_form_error_not_a_crash(client, personas):
    response = signed_in(client, personas.bs_ben).post(url("record_complaint"), {
        **date_fields("received_on", D(2026, 6, 2)), "complainant_name": "Jordan Quillby",
        "complainant_relationship": "child", "summary": "x", "themes": ["other"],
        "team": personas.team_a.pk, "responding_manager": personas.tm_bob.pk,
        "receiving_officer": personas.bs_ben.pk})
    assert response.status_code == 200
    assert "The date the complaint was received must be today or in the past" in response.text


def test_opening_a_complaint_audits_a_read_of_the_childs_record(client, personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 20), children=[child])
    signed_in(client, personas.tm_bob).get(url("complaint", complaint.pk))
    read = AuditEvent.objects.get(event_code="CHILD_RECORD_VIEWED", child_id=child.pk)
    assert read.actor == personas.tm_bob and read.detail == {"section": "complaint"}


def test_a_complaint_naming_a_hidden_child_is_a_404(client, personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 20), children=[child])
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    stage = stage_of(complaint)
    bob = signed_in(client, personas.tm_bob)
    for page in (url("complaint", complaint.pk), url("respond_to_stage", complaint.pk, stage.pk),
                 url("record_learning", complaint.pk, stage.pk)):
        assert bob.get(page).status_code == 404
    assert complaint.reference not in bob.get(url("complaints") + "?manager=&status=all").text
    sara = signed_in(client, personas.sm_sara)  # on the record's access list
    assert sara.get(url("complaint", complaint.pk)).status_code == 200


def test_missing_complaints_and_other_complaints_stages_are_404s(client, personas):
    one = complaint_for(personas, received_on=D(2026, 5, 20))
    other = complaint_for(personas, received_on=D(2026, 5, 21))
    bob = signed_in(client, personas.tm_bob)
    assert bob.get(url("complaint", 999999)).status_code == 404
    assert bob.get(url("respond_to_stage", one.pk, stage_of(other).pk)).status_code == 404


def test_the_work_list_shows_my_complaints_and_turns_them_overdue(client, personas, traveller):
    mine = complaint_for(personas, received_on=D(2026, 5, 18), service_manager=None)  # due 2 Jun
    theirs = complaint_for(personas, received_on=D(2026, 5, 18), manager=personas.sm_sara,
                           service_manager=None)
    page = signed_in(client, personas.tm_bob).get(url("complaints")).text
    assert mine.reference in page and theirs.reference not in page
    assert "Due within 2 working days" in page and "Overdue" not in page.split("<table")[1]
    traveller.move_to(dt.datetime(2026, 6, 3, 9, 0, tzinfo=dt.UTC))
    page = signed_in(client, personas.tm_bob).get(url("complaints")).text  # a new session
    assert '2 Jun 2026 <strong class="govuk-tag govuk-tag--red">Overdue' in page
    # Business support see everyone's by default.
    page = signed_in(client, personas.bs_ben).get(url("complaints")).text
    assert mine.reference in page and theirs.reference in page


def test_the_work_list_filters_by_stage_status_and_team(client, personas):
    first = complaint_for(personas, received_on=D(2026, 4, 1))
    respond(first, personas.tm_bob, on=D(2026, 4, 15), outcome=Outcome.NOT_UPHELD)
    services.complaint_escalate(complaint=first, requested_on=D(2026, 4, 20),
                                responding_manager=personas.tm_bob, actor=personas.bs_ben)
    other_team = complaint_for(personas, received_on=D(2026, 5, 29), team=personas.team_b)
    bob = signed_in(client, personas.tm_bob)
    page = bob.get(url("complaints") + "?stage=2&status=open").text
    assert first.reference in page and other_team.reference not in page
    page = bob.get(url("complaints") + f"?team={personas.team_b.pk}&status=open").text
    assert other_team.reference in page and first.reference not in page
    page = bob.get(url("complaints") + "?status=responded").text
    assert first.reference in page and "Responded 15 Apr 2026" in page
    page = bob.get(url("complaints") + "?status=overdue").text
    assert first.reference in page and other_team.reference not in page  # stage 2 due 27 May


def test_the_work_list_pages_and_sorts(client, personas, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    made = [complaint_for(personas, received_on=D(2026, 5, day)) for day in (11, 12, 13)]
    bob = signed_in(client, personas.tm_bob)
    first_page = bob.get(url("complaints") + "?status=open&sort=due").text
    assert made[0].reference in first_page and made[2].reference not in first_page
    assert "Page 1 of 2" in first_page
    second = bob.get(url("complaints") + "?status=open&sort=due&page=2").text
    assert made[2].reference in second
    latest_first = bob.get(url("complaints") + "?status=open&sort=-due").text
    assert made[2].reference in latest_first and made[0].reference not in latest_first


def test_a_late_response_needs_its_reason_and_keeps_what_was_typed(client, personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 1))  # due 18 May
    stage = stage_of(complaint)
    bob = signed_in(client, personas.tm_bob)
    typed = {**date_fields("responded_on", D(2026, 5, 20)), "outcome": "partly_upheld",
             "response_summary": "Apology given; plan shared."}
    response = bob.post(url("respond_to_stage", complaint.pk, stage.pk), typed)
    assert response.status_code == 200
    assert "The response was due on 18 May 2026: give the reason it was late" in response.text
    assert "Apology given; plan shared." in response.text
    response = bob.post(url("respond_to_stage", complaint.pk, stage.pk),
                        {**typed, "lateness_reason": LATE_REASON})
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.lateness_reason == LATE_REASON and stage.outcome == Outcome.PARTLY_UPHELD


def test_only_the_responding_manager_may_respond(client, personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 20), service_manager=None)
    stage = stage_of(complaint)
    sara = signed_in(client, personas.sm_sara)
    page = sara.get(url("respond_to_stage", complaint.pk, stage.pk)).text
    assert "This complaint is for Bob Baker to answer" in page
    sara.post(url("respond_to_stage", complaint.pk, stage.pk), {
        **date_fields("responded_on", D(2026, 5, 21)), "outcome": "upheld",
        "response_summary": "x"})
    stage.refresh_from_db()
    assert stage.responded_on is None
    assert url("respond_to_stage", complaint.pk, stage.pk) not in sara.get(
        url("complaint", complaint.pk)).text
    assert signed_in(client, personas.bs_ben).get(
        url("respond_to_stage", complaint.pk, stage.pk)).status_code == 403


def test_an_extension_beyond_20_working_days_is_refused(client, personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 1))
    stage = stage_of(complaint)
    ben = signed_in(client, personas.bs_ben)
    # Due 18 May; 20 WD reach 2 June (4 and 25 May are bank holidays), offered by default.
    assert re.search(r'name="new_due_on_day"[^>]* value="2"', ben.get(
        url("extend_stage", complaint.pk, stage.pk)).text)
    response = ben.post(url("extend_stage", complaint.pk, stage.pk), {
        **date_fields("agreed_on", D(2026, 5, 14)), **date_fields("new_due_on", D(2026, 6, 3)),
        "reason": "Complex: three services involved"})
    assert "20 working days at most: 2 June 2026" in response.text
    assert "Complex: three services involved" in response.text
    response = ben.post(url("extend_stage", complaint.pk, stage.pk), {
        **date_fields("agreed_on", D(2026, 5, 14)), **date_fields("new_due_on", D(2026, 6, 2)),
        "reason": "Complex: three services involved"})
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.response_due_on == D(2026, 6, 2)


def test_the_next_stage_and_the_learning_form(client, personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 1), children=[child])
    stage = stage_of(complaint)
    ben = signed_in(client, personas.bs_ben)
    assert "has not been answered yet" in ben.get(url("escalate_complaint", complaint.pk)).text
    respond(complaint, personas.tm_bob, on=D(2026, 5, 15), outcome=Outcome.NOT_UPHELD)
    response = ben.post(url("escalate_complaint", complaint.pk), {
        **date_fields("requested_on", D(2026, 5, 20)),
        "responding_manager": personas.sm_sara.pk})
    assert response.status_code == 302
    assert "Stage 2: investigation was started: the response is due on 25 June 2026" in \
        client.get(response.url).text
    sara = signed_in(client, personas.sm_sara)  # now answering it, and copied in from the start
    response = sara.post(url("record_learning", complaint.pk, stage.pk), {
        "learning": "Share assessments before the meeting", "action": "Team briefing"})
    assert "Enter the date the action is due" in response.text
    assert "Share assessments before the meeting" in response.text
    response = sara.post(url("record_learning", complaint.pk, stage.pk), {
        "learning": "Share assessments before the meeting", "action": "Team briefing",
        **date_fields("action_due_on", D(2026, 6, 30))})
    assert response.status_code == 302
    assert "Team briefing, due 30 Jun 2026" in sara.get(url("complaint", complaint.pk)).text


def test_the_report_counts_timeliness_and_shows_learning_to_the_complaints_team(client,
                                                                               personas):
    on_time = complaint_for(personas, received_on=D(2026, 4, 1))
    respond(on_time, personas.tm_bob, on=D(2026, 4, 17))
    late = complaint_for(personas, received_on=D(2026, 4, 1))
    respond(late, personas.tm_bob, on=D(2026, 4, 20), lateness_reason=LATE_REASON)
    services.learning_record(stage=stage_of(on_time), learning="Out-of-office messages",
                             action="", action_due_on=None, actor=personas.tm_bob)
    page = signed_in(client, personas.bs_ben).get(url("complaint_report") + "?year=2026").text
    assert "Financial year 2026-27" in page and "2 complaints received" in page
    assert "1 (50.0%)" in page and LATE_REASON in page and "Out-of-office messages" in page
    assert AuditEvent.objects.filter(event_code="COMPLAINT_REPORT_VIEWED").exists()
    page = signed_in(client, personas.analyst_dana).get(url("complaint_report")).text
    assert "1 (50.0%)" in page and LATE_REASON not in page and "Out-of-office" not in page
    response = client.get(url("complaint_report") + "?year=1990")
    assert "Choose one of the last six financial years" in response.text


def test_compliments_and_comments_are_recorded_and_listed(client, personas, child):
    ben = signed_in(client, personas.bs_ben)
    response = ben.post(url("record_feedback"), {"kind": "compliment",
                                                 **date_fields("received_on", D(2026, 5, 29)),
                                                 "from_name": "Sam Quillby"})
    assert response.status_code == 200 and "Say what they said" in response.text
    assert 'value="Sam Quillby"' in response.text
    response = ben.post(url("record_feedback"), {
        "kind": "compliment", **date_fields("received_on", D(2026, 5, 29)),
        "from_name": "Sam Quillby", "from_relationship": "carer", "team": personas.team_a.pk,
        "summary": "Alice kept us informed.", "children": "PCMP0001"})
    assert response.status_code == 302 and Feedback.objects.count() == 1
    page = ben.get(url("feedback")).text
    assert "Alice kept us informed." in page and child.full_name in page
    assert AuditEvent.objects.filter(event_code="CHILD_LISTED", child_id=child.pk).exists()
    assert "No compliments or comments match" in ben.get(url("feedback") + "?kind=comment").text


def test_the_childs_record_tab_lists_complaints_and_compliments(client, personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 20), children=[child])
    services.feedback_record(kind="comment", received_on=D(2026, 5, 29), from_name="Sam Quillby",
                             from_relationship="carer", team=personas.team_a,
                             summary="Please send letters by email.", children=[child],
                             actor=personas.bs_ben)
    bob = signed_in(client, personas.tm_bob)
    page = bob.get(url("child_complaints", child.uuid)).text
    assert f'aria-current="page" href="{url("child_complaints", child.uuid)}"' in page
    assert complaint.reference in page and "Please send letters by email." in page
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED", child_id=child.pk,
                                     detail__section="complaints").exists()
    # Recording from the tab fills in the child.
    form = signed_in(client, personas.bs_ben).get(
        url("record_complaint") + f"?child={child.uuid}").text
    assert 'value="PCMP0001"' in form
    assert 'value="PCMP0001"' not in client.get(url("record_complaint") + "?child=nonsense").text
    # Social workers see no tab and may not open it.
    alice = signed_in(client, personas.sw_alice)
    assert url("child_complaints", child.uuid) not in alice.get(
        reverse("people:person", args=[child.uuid])).text
    assert alice.get(url("child_complaints", child.uuid)).status_code == 403


def test_the_work_list_reads_in_a_fixed_number_of_queries(client, personas,
                                                         django_assert_max_num_queries):
    bob = signed_in(client, personas.tm_bob)
    complaint_for(personas, received_on=D(2026, 5, 20))
    with CaptureQueriesContext(connection) as few:
        bob.get(url("complaints"))
    for day in (11, 12, 13, 14, 15, 18):
        complaint_for(personas, received_on=D(2026, 5, day), team=personas.team_b)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = bob.get(url("complaints")).text
    assert page.count("CMP0") == 7


def test_the_complaints_team_sends_a_reason_back_and_the_manager_amends_it(client, personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 1))
    stage = respond(complaint, personas.tm_bob, on=D(2026, 5, 20), lateness_reason=LATE_REASON)
    ben = signed_in(client, personas.bs_ben)
    assert url("check_lateness_reason", complaint.pk, stage.pk) in ben.get(
        url("complaint", complaint.pk)).text
    response = ben.post(url("check_lateness_reason", complaint.pk, stage.pk), {"accepted": "no"})
    assert "Say what the reason is missing, for the manager" in response.text
    response = ben.post(url("check_lateness_reason", complaint.pk, stage.pk),
                        {"accepted": "no", "note": "Who was covering?"})
    assert response.status_code == 302
    assert "Sent back" in ben.get(url("complaint_report")).text
    bob = signed_in(client, personas.tm_bob)
    page = bob.get(url("complaint", complaint.pk)).text
    assert "Who was covering?" in page
    assert url("amend_lateness_reason", complaint.pk, stage.pk) in page
    # Sara (a service manager) may check it too: she did not give the reason.
    assert 'name="accepted"' in signed_in(client, personas.sm_sara).get(
        url("check_lateness_reason", complaint.pk, stage.pk)).text
    response = signed_in(client, personas.tm_bob).post(
        url("amend_lateness_reason", complaint.pk, stage.pk), {"lateness_reason": "Busy"})
    assert "a sentence or more" in response.text and "Busy" in response.text
    response = client.post(url("amend_lateness_reason", complaint.pk, stage.pk), {
        "lateness_reason": "No one covered: the deputy was also on leave that week."})
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.reason_accepted is None
    assert signed_in(client, personas.tm_bob).get(
        url("check_lateness_reason", complaint.pk, stage.pk)).status_code == 403


def test_a_response_due_is_on_the_managers_my_work(client, personas):
    complaint = complaint_for(personas, received_on=dt.date(2026, 5, 18))
    answered = complaint_for(personas, received_on=dt.date(2026, 5, 19))
    respond(answered, personas.tm_bob, on=dt.date(2026, 5, 20))
    page = signed_in(client, personas.tm_bob).get(reverse("work:mine")).text
    assert "Other work (1)" in page
    assert f'href="{reverse("complaints:complaint", args=[complaint.pk])}"' in page
    assert f"{complaint}: Stage 1: local resolution, response due" in page
    # The social worker has no complaints to answer, and no Other work section.
    assert "Other work" not in signed_in(client, personas.sw_alice).get(
        reverse("work:mine")).text
