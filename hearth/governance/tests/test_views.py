"""The pages: who may open them, forms that keep what was typed, the lists' filters, sorting
and paging, and the My work entries for overdue tracker actions."""

import datetime as dt

import pytest
from django.urls import reverse

from hearth.cases.work_sources import other_work_for
from hearth.core.models import AuditEvent
from hearth.governance import views
from hearth.governance.models import Meeting, Minute, Resolution, TrackerAction
from hearth.governance.tests import factories as make

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, *args) -> str:
    return reverse(f"governance:{name}", args=args)


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


@pytest.mark.parametrize(("persona", "page", "status"), [
    ("sw_alice", "meetings", 403), ("iro_erin", "tracker", 403), ("admin_sam", "plans", 403),
    ("tm_bob", "meetings", 200), ("bs_ben", "tracker", 200), ("analyst_dana", "plans", 200),
    ("sm_sara", "self_evaluations", 200),
    ("tm_bob", "record_meeting", 403), ("analyst_dana", "record_meeting", 403),
    ("bs_ben", "record_meeting", 200), ("sm_sara", "add_committee", 200),
    ("bs_ben", "add_plan", 403), ("tm_bob", "add_plan", 403), ("analyst_dana", "add_plan", 200),
    ("tm_bob", "start_self_evaluation", 403), ("bs_ben", "start_self_evaluation", 403),
    ("analyst_dana", "start_self_evaluation", 200),
])
def test_who_may_open_the_pages(client, personas, persona, page, status):
    assert signed_in(client, getattr(personas, persona)).get(url(page)).status_code == status


def test_recording_a_meeting_keeps_what_was_typed_when_it_is_wrong(client, personas):
    committee = make.committee(personas)
    response = signed_in(client, personas.bs_ben).post(url("record_meeting"), {
        "committee": committee.pk, "held_on_day": "31", "held_on_month": "2",
        "held_on_year": "2026", "venue": "Committee Room 2", "starts_at": "18:00",
        "ended_at": "17:00"})
    page = response.text
    assert response.status_code == 200 and "Error:" in page
    assert "Enter a real date" in page and "The meeting must end after it starts" in page
    assert 'value="Committee Room 2"' in page and 'value="31"' in page
    assert not Meeting.objects.exists()
    response = client.post(url("record_meeting"), {
        "committee": committee.pk, **date_fields("held_on", D(2026, 5, 14)),
        "venue": "Committee Room 2", "starts_at": "18:00"})
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == url("meeting", meeting.pk)
    # The same day again: the service's rule becomes a message on the date.
    response = client.post(url("record_meeting"), {
        "committee": committee.pk, **date_fields("held_on", D(2026, 5, 14)),
        "venue": "Council House"})
    assert "already meets on 14 May 2026" in response.text
    assert 'value="Council House"' in response.text


def test_minutes_and_a_request_on_the_meeting_page(client, personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 3, 12))
    client = signed_in(client, personas.bs_ben)
    assert client.post(url("add_minute", meeting.pk), {"title": "Progress Tracker"}).status_code \
        == 302
    minute = Minute.objects.get()
    # A request without its owner and due date: errors, and the text stays.
    response = client.post(url("add_resolution", meeting.pk, minute.pk), {
        "kind": "request", "text": "That the Director be requested to report back."})
    assert "Choose who follows it up" in response.text
    assert "Enter the date a response is due" in response.text
    assert "That the Director be requested to report back." in response.text
    assert not Resolution.objects.exists()
    response = client.post(url("add_resolution", meeting.pk, minute.pk), {
        "kind": "request", "text": "That the Director be requested to report back.",
        "responsible": "Director of Children's Services", "owner": personas.sm_sara.pk,
        **date_fields("due_on", D(2026, 4, 30))})
    assert response.status_code == 302
    page = client.get(url("meeting", meeting.pk)).text
    assert "1. Progress Tracker" in page and "Minute No. 1 Resolution (1)" in page
    assert "overdue" in page


def test_the_tracker_filters_sorts_and_pages(client, personas, monkeypatch):
    committee = make.committee(personas)
    for month in (1, 2, 3):
        meeting = make.meeting(personas, committee, D(2026, month, 12))
        make.request(personas, make.minute(personas, meeting), due_on=D(2026, month + 3, 1),
                     owner=personas.tm_bob if month == 3 else None)
    client = signed_in(client, personas.tm_bob)
    page = client.get(url("tracker")).text
    assert page.count("Minute No.") == 3 and page.count('govuk-tag--red">Overdue') == 2
    assert "Assistant Director People and Inclusion" in page
    overdue = client.get(url("tracker") + "?status=overdue").text
    assert overdue.count("Minute No.") == 2
    mine = client.get(url("tracker") + f"?owner={personas.tm_bob.pk}").text
    assert mine.count("Minute No.") == 1
    newest = client.get(url("tracker") + "?sort=newest").text
    assert newest.index("12th March 2026") < newest.index("12th January 2026")
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    first = client.get(url("tracker")).text
    assert first.count("Minute No.") == 2 and "Page 1 of 2" in first
    assert client.get(url("tracker") + "?page=2").text.count("Minute No.") == 1


def test_updating_a_tracker_action_keeps_what_was_typed(client, personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 3, 12))
    action = make.request(personas, make.minute(personas, meeting),
                          due_on=D(2026, 4, 30)).tracker_action
    client = signed_in(client, personas.bs_ben)
    response = client.post(url("update_tracker_action", action.pk), {
        "kind": "closed", **date_fields("on", D(2026, 5, 1)), "note": ""})
    assert "Say how the action was answered before closing it" in response.text
    response = client.post(url("update_tracker_action", action.pk), {
        "kind": "closed", **date_fields("on", D(2026, 5, 1)), "note": "Briefing note sent"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "closed"
    assert "Closed on 1 May 2026 after 50 days" in client.get(url("tracker_action",
                                                                  action.pk)).text
    assert signed_in(client, personas.tm_bob).get(
        url("update_tracker_action", action.pk)).status_code == 403


def test_a_record_that_does_not_exist_is_a_404(client, personas):
    client = signed_in(client, personas.sm_sara)
    assert client.get(url("meeting", 999)).status_code == 404
    assert client.get(url("tracker_action", 999)).status_code == 404
    assert client.get(url("plan", 999)).status_code == 404
    plan = make.plan(personas)
    other = make.priority(personas, make.plan(personas))
    assert client.get(url("priority", plan.pk, other.pk)).status_code == 404


def test_overdue_tracker_actions_are_on_the_owners_my_work(client, personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 3, 12))
    minute = make.minute(personas, meeting)
    overdue = make.request(personas, minute, due_on=D(2026, 5, 29), owner=personas.tm_bob)
    make.request(personas, minute, due_on=D(2026, 6, 1), owner=personas.tm_bob)  # due today
    make.request(personas, minute, due_on=D(2026, 4, 1), owner=personas.sm_sara)
    items = other_work_for(personas.tm_bob, today=D(2026, 6, 1))
    assert [(i.source, i.due_on) for i in items] == [("Progress Tracker", D(2026, 5, 29))]
    assert items[0].what == ("Children's Services Select Committee: Minute No. 1 Resolution "
                             "(1), response overdue")
    assert items[0].url == url("tracker_action", overdue.tracker_action.pk)
    page = signed_in(client, personas.tm_bob).get(reverse("work:mine")).text
    assert "Minute No. 1 Resolution (1)" in page and "Resolution (2)" not in page
    # Closed: gone from My work.
    from hearth.governance import services
    services.tracker_action_update(action=TrackerAction.objects.get(pk=overdue.tracker_action.pk),
                                   kind="closed", status="closed", on=D(2026, 6, 1),
                                   note="Answered", actor=personas.bs_ben)
    assert other_work_for(personas.tm_bob, today=D(2026, 6, 1)) == []
    assert other_work_for(personas.sw_alice, today=D(2026, 6, 1)) == []


def test_the_plan_filters_actions_by_rag_and_the_board_report_counts_them(client, personas):
    plan = make.plan(personas)
    mash = make.priority(personas, plan)
    plans_ = make.priority(personas, plan, "Quality of Assessment and Plans")
    make.action(personas, mash, due_on=D(2026, 5, 1))  # red: overdue
    make.action(personas, mash, due_on=D(2026, 12, 1), status="at_risk")  # amber
    make.action(personas, plans_, due_on=D(2026, 12, 1))  # green
    client = signed_in(client, personas.analyst_dana)
    red = client.get(url("plan", plan.pk) + "?rag=red").text
    assert red.count('tag--red">Red') == 1 and 'tag--yellow">Amber' not in red
    by_priority = client.get(url("plan", plan.pk) + f"?priority={plans_.pk}").text
    assert "1 action<" in by_priority
    report = client.get(url("progress_report", plan.pk))
    assert report.context["totals"] == [1, 1, 1, 0]
    assert [counts for _line, counts in report.context["lines"]] == [[1, 1, 0, 0], [0, 0, 1, 0]]
    assert len(report.context["report"].overdue) == 1
    assert AuditEvent.objects.filter(event_code="IMPROVEMENT_REPORT_VIEWED").count() == 1


def test_adding_an_action_keeps_what_was_typed(client, personas):
    plan = make.plan(personas)
    priority = make.priority(personas, plan)
    client = signed_in(client, personas.sm_sara)
    response = client.post(url("add_action", plan.pk, priority.pk), {
        "focus": "people", "text": "Recruit two MASH social workers",
        "owner": personas.tm_bob.pk, **date_fields("due_on", D(2025, 6, 1)),
        "status": "not_started"})
    assert "cannot be due before it" in response.text
    assert "Recruit two MASH social workers" in response.text
    response = client.post(url("add_measure", plan.pk, priority.pk), {
        "description": "Contacts decided in a day", "indicator_code": "H-FD-01",
        **date_fields("step_1_on", D(2026, 7, 1)), "step_1_value": "80",
        **date_fields("step_2_on", D(2026, 9, 1))})
    assert "Give both the date and the value of this target" in response.text
    response = client.post(url("add_measure", plan.pk, priority.pk), {
        "description": "Contacts decided in a day", "indicator_code": "H-FD-01",
        **date_fields("step_1_on", D(2026, 7, 1)), "step_1_value": "80"})
    assert response.status_code == 302
    page = client.get(url("priority", plan.pk, priority.pk)).text
    assert "80.0%" not in page and "80% by July 2026" in page and "no figure" in page


def test_self_evaluation_is_started_edited_and_viewed(client, personas):
    client = signed_in(client, personas.analyst_dana)
    response = client.post(url("start_self_evaluation"), {
        "title": "Self-evaluation 2026", **date_fields("as_at", D(2026, 7, 1))})
    assert "today or an earlier date" in response.text
    assert 'value="Self-evaluation 2026"' in response.text
    response = client.post(url("start_self_evaluation"), {
        "title": "Self-evaluation 2026", **date_fields("as_at", D(2026, 5, 31))})
    assert response.status_code == 302
    evaluation_url = response.url
    edit = evaluation_url + "sections/leaders/"
    assert client.get(edit).status_code == 200
    assert client.get(evaluation_url + "sections/nonsense/").status_code == 404
    assert client.post(edit, {"what_we_know": "Leaders know their services well.",
                              "how_we_know": "Audits", "what_next": "Stocktake"}
                       ).status_code == 302
    page = client.get(evaluation_url).text
    assert "Leaders know their services well." in page
    assert "What do we know about the quality and impact of practice?" in page
    assert signed_in(client, personas.tm_bob).get(edit).status_code == 403


def test_the_clerk_records_the_agenda_attendance_and_declarations(client, personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 5, 14))
    client = signed_in(client, personas.bs_ben)
    response = client.post(url("add_agenda_item", meeting.pk), {
        "title": "Corporate Quarterly Performance Report", "report_url": "not a link",
        "report_author": "Director of Children's Services"})
    assert "Enter a web address" in response.text
    assert 'value="Corporate Quarterly Performance Report"' in response.text
    assert client.post(url("add_agenda_item", meeting.pk), {
        "title": "Corporate Quarterly Performance Report",
        "report_url": "https://example.org/q4"}).status_code == 302
    assert client.post(url("add_attendance", meeting.pk), {
        "kind": "member", "name": "Councillor J Tamsworth", "position": "Chair"}
    ).status_code == 302
    assert client.post(url("add_attendance", meeting.pk), {
        "kind": "officer", "name": "Morgan Ellery", "position": "Democratic Services Officer"}
    ).status_code == 302
    response = client.post(url("add_attendance", meeting.pk), {
        "kind": "apology", "name": "Councillor J Tamsworth"})
    assert "already recorded for this meeting" in response.text
    assert client.post(url("add_declaration", meeting.pk), {
        "member_name": "Councillor J Tamsworth", "kind": "pecuniary",
        "reason": "Engaged as a foster carer"}).status_code == 302
    response = client.post(url("change_meeting", meeting.pk), {
        **date_fields("held_on", D(2026, 5, 15)), "venue": "On Microsoft Teams"})
    assert response.status_code == 302
    page = client.get(url("meeting", meeting.pk)).text
    assert "Friday 15th May 2026" in page and "On Microsoft Teams" in page
    assert 'href="https://example.org/q4"' in page
    assert "Councillor J Tamsworth (Chair)" in page
    assert "Morgan Ellery (Democratic Services Officer)" in page
    assert "Councillor J Tamsworth declared a pecuniary interest: Engaged as a foster carer" \
        in page
    assert set(AuditEvent.objects.values_list("event_code", flat=True)) >= {
        "AGENDA_ITEM_ADDED", "ATTENDANCE_RECORDED", "INTEREST_DECLARED", "MEETING_CHANGED"}


def test_the_clerk_sees_which_actions_are_due_a_chase(client, personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 3, 12))
    minute = make.minute(personas, meeting)
    fresh = make.request(personas, minute, due_on=D(2026, 5, 29)).tracker_action  # chase 1 Jun
    chased = make.request(personas, minute, due_on=D(2026, 5, 1)).tracker_action
    from hearth.governance import services
    services.tracker_action_update(action=chased, kind="chased", status="awaiting",
                                   on=D(2026, 5, 28), note="Chased by email",
                                   actor=personas.bs_ben)  # next chase 4 June
    page = signed_in(client, personas.bs_ben).get(url("tracker") + "?status=chase").text
    assert "Minute No. 1 Resolution (1)" in page and "Resolution (2)" not in page
    assert "chase now" in page
    assert fresh.pk != chased.pk


def test_a_minuted_meeting_cannot_move_to_another_municipal_year(client, personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 4, 20))
    make.minute(personas, meeting)
    response = signed_in(client, personas.bs_ben).post(url("change_meeting", meeting.pk), {
        **date_fields("held_on", D(2026, 5, 20)), "venue": "Committee Room 2"})
    assert "cannot move to another year" in response.text
    meeting.refresh_from_db()
    assert meeting.held_on == D(2026, 4, 20)


def test_a_priority_is_changed_and_shown_in_the_plan_layout(client, personas):
    plan = make.plan(personas)
    priority = make.priority(personas, plan)
    make.action(personas, priority, due_on=D(2026, 9, 1))
    client = signed_in(client, personas.sm_sara)
    response = client.post(url("change_priority", plan.pk, priority.pk), {
        "name": "Multi-Agency Safeguarding Hub", "responsible": "Head of Early Help",
        "to_improve": "Decisions within a working day.", "inspectorate_said": ""})
    assert response.status_code == 302
    page = client.get(url("priority", plan.pk, priority.pk)).text
    assert "(Responsible officer – Head of Early Help)" in page
    assert "Our areas of focus" in page and "Daily MASH huddle" in page
    event = AuditEvent.objects.get(event_code="IMPROVEMENT_PRIORITY_CHANGED")
    assert event.detail == {"changed": ["inspectorate_said", "responsible", "to_improve"]}
