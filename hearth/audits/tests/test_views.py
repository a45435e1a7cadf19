"""The pages: who may open them, 404 for an audit of a child the user may not see, forms that
keep what was typed, the lists' filters and paging, the child's tab and the report."""

import datetime as dt

import pytest
from django.urls import reverse

from hearth.audits import views
from hearth.audits.codes import AuditStatus, Grade
from hearth.audits.models import AuditAction, AuditProgramme, CaseAudit, DeepDive
from hearth.audits.tests.factories import action_for, audit_for, complete, programme_for
from hearth.core.models import AuditEvent
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, *args) -> str:
    return reverse(f"audits:{name}", args=args)


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


@pytest.mark.parametrize(("persona", "page", "status"), [
    ("sw_alice", "audits", 403), ("iro_erin", "audits", 403), ("analyst_dana", "audits", 403),
    ("bs_ben", "audits", 403), ("tm_bob", "audits", 200), ("sm_sara", "audits", 200),
    ("sw_alice", "actions", 200), ("analyst_dana", "actions", 403),
    ("tm_bob", "start_audit", 200), ("sw_alice", "start_audit", 403),
    ("tm_bob", "add_programme", 403), ("sm_sara", "add_programme", 200),
    ("analyst_dana", "report", 200), ("sw_alice", "report", 403),
    ("analyst_dana", "deep_dives", 200), ("tm_bob", "add_deep_dive", 403),
    ("sm_sara", "add_tool_version", 200), ("tm_bob", "tools", 200),
])
def test_who_may_open_the_pages(client, personas, persona, page, status):
    assert signed_in(client, getattr(personas, persona)).get(url(page)).status_code == status


def test_an_audit_of_a_hidden_child_is_a_404_everywhere(client, personas, child):
    audit = audit_for(personas, child)
    complete(audit)
    action = action_for(audit, personas.sw_alice)
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    signed_in(client, personas.tm_bob)
    for page in (url("audit", audit.pk), url("record_audit", audit.pk),
                 url("add_action", audit.pk), url("close_audit", audit.pk),
                 url("cancel_action", audit.pk, action.pk), url("finish_action", action.pk),
                 url("child_audits", child.uuid)):
        assert client.get(page).status_code == 404, page
    assert "AUD" not in client.get(url("audits")).text
    assert "Update the plan" not in client.get(url("actions")).text
    assert client.get(url("audit", 999999)).status_code == 404
    # On the access list: the service manager sees it.
    assert signed_in(client, personas.sm_sara).get(url("audit", audit.pk)).status_code == 200


def test_starting_an_audit_from_the_childs_record(client, personas, child):
    programme = programme_for(personas)
    signed_in(client, personas.tm_bob)
    page = client.get(url("start_audit") + f"?child={child.uuid}&programme={programme.pk}")
    assert 'value="PAUD0001"' in page.text
    response = client.post(url("start_audit"), {
        "programme": programme.pk, "child": "PAUD0001", **date_fields("audited_on",
                                                                     D(2026, 5, 20))})
    audit = CaseAudit.objects.get()
    assert response.status_code == 302 and response.url == url("record_audit", audit.pk)
    assert audit.auditor == personas.tm_bob and audit.worker == personas.sw_alice


def test_the_start_form_keeps_what_was_typed_and_says_what_is_wrong(client, personas, child):
    programme = programme_for(personas)
    signed_in(client, personas.sw_alice)  # cannot audit at all
    assert client.post(url("start_audit"), {}).status_code == 403
    signed_in(client, personas.tm_bob)
    page = client.post(url("start_audit"), {"programme": programme.pk, "child": "NOPE999",
                                            **date_fields("audited_on", D(2026, 6, 2))}).text
    assert "No child&#x27;s record with the LA child ID NOPE999" in page
    assert 'value="NOPE999"' in page
    page = client.post(url("start_audit"), {"programme": programme.pk, "child": "PAUD0001",
                                            **date_fields("audited_on", D(2026, 6, 2))}).text
    assert "cannot be in the future" in page and 'value="PAUD0001"' in page
    assert not CaseAudit.objects.exists()
    # The child's own worker may not audit them (Alice is a social worker; use a senior
    # practitioner's case: Bob is allocated one here).
    own = personas.child_for(personas.tm_bob, la_child_id="PAUD0002",
                             allocated_on=D(2026, 1, 5))
    page = client.post(url("start_audit"), {"programme": programme.pk, "child": own.la_child_id,
                                            **date_fields("audited_on", D(2026, 5, 20))}).text
    assert "someone independent of the case should audit it" in page


def grade_post(audit, grade=Grade.GOOD, **extra) -> dict:
    data = {f"q{a.question_id}_grade": grade for a in audit.answers.all()}
    data |= {f"q{a.question_id}_comment": "Seen in the record" for a in audit.answers.all()}
    return data | {"overall_grade": grade, "findings": "A clear, SMART plan.",
                   "worker_took_part": "on"} | extra


def test_grading_saves_a_draft_then_completes(client, personas, child):
    audit = audit_for(personas, child)
    signed_in(client, personas.tm_bob)
    page = client.get(url("record_audit", audit.pk)).text
    assert "Voice of the child" in page and "Management oversight" in page
    first = audit.answers.order_by("pk").first().question_id
    draft = {f"q{first}_grade": Grade.GOOD, f"q{first}_comment": "Seen alone twice",
             "draft": "1"}
    assert client.post(url("record_audit", audit.pk), draft).status_code == 302
    audit.refresh_from_db()
    assert audit.status == AuditStatus.DRAFT
    assert audit.answers.get(question_id=first).comment == "Seen alone twice"
    # Completing with gaps: errors on each missing grade, everything typed kept.
    page = client.post(url("record_audit", audit.pk), {**draft, "complete": "1",
                                                       "findings": "Half done"}).text
    assert page.count("Grade this question, or save the audit as a draft") >= 10
    assert "Choose the overall grade" in page and "Half done" in page
    assert "Seen alone twice" in page
    response = client.post(url("record_audit", audit.pk), {**grade_post(audit), "complete": "1"})
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.status == AuditStatus.COMPLETED and audit.overall_grade == Grade.GOOD
    assert audit.worker_took_part
    # Fixed now: the form is not offered.
    page = client.get(url("record_audit", audit.pk)).text
    assert "its grades are fixed" in page and "Complete the audit</button>" not in page


def test_only_the_auditor_grades(client, personas, child):
    audit = audit_for(personas, child)
    signed_in(client, personas.sm_sara)
    assert "This audit is Bob Baker&#x27;s to record" in client.get(
        url("record_audit", audit.pk)).text
    client.post(url("record_audit", audit.pk), {**grade_post(audit), "complete": "1"})
    audit.refresh_from_db()
    assert audit.status == AuditStatus.DRAFT


def test_actions_close_the_loop_through_the_pages(client, personas, child):
    audit = audit_for(personas, child)
    complete(audit)
    signed_in(client, personas.tm_bob)
    page = client.post(url("add_action", audit.pk), {
        "description": "Update the plan", "owner": personas.sw_alice.pk,
        **date_fields("due_on", D(2026, 6, 6))}).text  # a Saturday
    assert "6 June 2026 is not a working day: choose 8 June 2026" in page
    assert "Update the plan" in page
    assert client.post(url("add_action", audit.pk), {
        "description": "Update the plan", "owner": personas.sw_alice.pk,
        **date_fields("due_on", D(2026, 6, 8))}).status_code == 302
    action = AuditAction.objects.get()
    assert "1 action still open" in client.get(url("close_audit", audit.pk)).text
    # Alice records her own action as done; Charlie may not.
    assert "This action is for Alice Adams" in signed_in(client, personas.sw_charlie).get(
        url("finish_action", action.pk)).text
    signed_in(client, personas.sw_alice)
    page = client.post(url("finish_action", action.pk), {**date_fields("done_on",
                                                                       D(2026, 6, 1)),
                                                         "evidence": "done"}).text
    assert "Say what was done and where the evidence is" in page
    response = client.post(url("finish_action", action.pk), {
        **date_fields("done_on", D(2026, 6, 1)), "evidence": "Plan updated: case note 1 June"})
    assert response.status_code == 302 and response.url == url("actions")
    signed_in(client, personas.tm_bob)
    assert client.post(url("close_audit", audit.pk)).status_code == 302
    audit.refresh_from_db()
    assert audit.status == AuditStatus.CLOSED
    assert "Loop closed" in client.get(url("audit", audit.pk)).text


def test_cancelling_an_action_needs_a_reason(client, personas, child):
    audit = audit_for(personas, child)
    action = action_for(audit, personas.sw_alice)
    signed_in(client, personas.tm_bob)
    page = client.post(url("cancel_action", audit.pk, action.pk), {"reason": ""}).text
    assert "Give the reason the action is cancelled" in page
    client.post(url("cancel_action", audit.pk, action.pk), {"reason": "The child moved away"})
    action.refresh_from_db()
    assert action.status == "cancelled"


def test_opening_an_audit_and_the_lists_audit_the_reads(client, personas, child):
    audit = audit_for(personas, child)
    signed_in(client, personas.sm_sara)
    client.get(url("audit", audit.pk))
    assert AuditEvent.objects.filter(event_code="CASE_AUDIT_VIEWED", child_id=child.pk).exists()
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED", child_id=child.pk,
                                     actor=personas.sm_sara).exists()
    client.get(url("audits"))
    assert AuditEvent.objects.filter(event_code="CHILD_LISTED", child_id=child.pk,
                                     detail__where="case audits: audits list").exists()


def test_the_audit_list_filters_sorts_and_pages(client, personas, child, monkeypatch):
    may = programme_for(personas)
    june = programme_for(personas, title="Themed: pre-birth", kind="themed")
    good = audit_for(personas, child, programme=may)
    complete(good)
    other = personas.child_for(personas.sw_charlie, allocated_on=D(2026, 1, 5))
    audit_for(personas, other, programme=june)
    signed_in(client, personas.sm_sara)
    page = client.get(url("audits") + f"?programme={may.pk}").text
    assert good.reference in page and "1 audit<" in page
    page = client.get(url("audits") + f"?team={personas.team_b.pk}&status=draft").text
    assert good.reference not in page and "1 audit<" in page
    assert "No audits match" in client.get(url("audits") + "?grade=inadequate").text
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    page = client.get(url("audits") + "?sort=child").text
    assert "Page 1 of 2" in page and "sort=child" in page


def test_the_childs_tab_lists_their_audits(client, personas, child):
    audit = audit_for(personas, child)
    signed_in(client, personas.tm_bob)
    page = client.get(url("child_audits", child.uuid)).text
    assert audit.reference in page and "Case audits" in page
    assert signed_in(client, personas.sw_alice).get(
        url("child_audits", child.uuid)).status_code == 403


def test_planning_a_programme_keeps_what_was_typed(client, personas):
    signed_in(client, personas.sm_sara)
    page = client.post(url("add_programme"), {
        "kind": "themed", "title": "Pre-birth audit", **date_fields("starts_on", D(2026, 6, 1)),
        **date_fields("ends_on", D(2026, 5, 1)), "tool_version": "", "status": "planned"}).text
    assert "Pre-birth audit" in page and "The period must end on or after" not in page
    assert "Choose the audit tool" in page
    assert "Choose the services or teams the programme covers" in page
    version = AuditProgramme._meta.get_field("tool_version").related_model.objects.first()
    page = client.post(url("add_programme"), {
        "kind": "themed", "title": "Pre-birth audit", **date_fields("starts_on", D(2026, 6, 1)),
        **date_fields("ends_on", D(2026, 5, 1)), "tool_version": version.pk,
        "services": ["assessment"], "status": "planned"}).text
    assert "The period must end on or after the day it starts" in page
    response = client.post(url("add_programme"), {
        "kind": "themed", "title": "Pre-birth audit", "theme": "Unborn children",
        **date_fields("starts_on", D(2026, 6, 1)), **date_fields("ends_on", D(2026, 8, 31)),
        "tool_version": version.pk, "teams": [personas.team_a.pk], "status": "planned"})
    programme = AuditProgramme.objects.get()
    assert response.status_code == 302 and list(programme.teams.all()) == [personas.team_a]
    assert "Pre-birth audit" in client.get(url("programmes") + "?kind=themed").text
    assert "No programmes match" in client.get(url("programmes") + "?kind=monthly").text


def test_a_new_tool_version_from_the_page(client, personas):
    version = AuditProgramme._meta.get_field("tool_version").related_model.objects.first()
    signed_in(client, personas.sm_sara)
    page = client.get(url("add_tool_version") + f"?from={version.pk}").text
    assert "# Voice of the child" in page
    page = client.post(url("add_tool_version"), {"tool_name": "Case file audit",
                                                 "questions": "A question with no section"}).text
    assert "Start with a section title" in page and "A question with no section" in page
    response = client.post(url("add_tool_version"), {
        "tool_name": "Case file audit", "note": "Shorter",
        "questions": "# Voice of the child\nSeen alone?\n# Planning\nIs the plan SMART?"})
    assert response.status_code == 302
    page = client.get(response.url).text
    assert "version 2" in page and "Is the plan SMART?" in page


def test_the_report_and_schedule_show_figures_to_analysts(client, personas, child):
    audit = audit_for(personas, child)
    complete(audit, weak_section="Planning", overall=Grade.REQUIRES_IMPROVEMENT)
    DeepDive.objects.create(service="safeguarding", held_on=D(2026, 3, 2),
                            lead=personas.sm_sara, findings="Strong work",
                            recorded_by=personas.sm_sara, recorded_at=audit.recorded_at)
    signed_in(client, personas.analyst_dana)
    page = client.get(url("report")).text
    assert "1 completed audit." in page and "Planning" in page
    assert child.last_name not in page
    assert AuditEvent.objects.filter(event_code="AUDIT_REPORT_VIEWED").exists()
    page = client.get(url("report") + "?date_from_day=2&date_from_month=6&date_from_year=2026"
                      "&date_to_day=1&date_to_month=6&date_to_year=2026").text
    assert "The end date must be on or after the start date" in page
    page = client.get(url("deep_dives")).text
    assert "2 Mar 2027" in page and "Covered" in page


def test_recording_a_deep_dive(client, personas):
    signed_in(client, personas.sm_sara)
    page = client.post(url("add_deep_dive"), {"service": "", "findings": "ok"}).text
    assert "Choose the service" in page and "Enter the date of the deep dive" in page
    response = client.post(url("add_deep_dive"), {
        "service": "safeguarding", **date_fields("held_on", D(2026, 5, 28)),
        "lead": personas.sm_sara.pk, "findings": "Participation strategy embedded"})
    assert response.status_code == 302 and DeepDive.objects.get().service == "safeguarding"
