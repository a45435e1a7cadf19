"""The services: each write with its audit event, the allocation at the audit date, versioned
tools, closing the loop and the report's figures from real records."""

import datetime as dt

import pytest

from hearth.audits import selectors, services
from hearth.audits.codes import ActionStatus, AuditStatus, Grade
from hearth.audits.default_tool import NAME, SECTIONS
from hearth.audits.models import AuditAnswer, AuditToolVersion, CaseAudit
from hearth.audits.tests.factories import action_for, audit_for, complete, programme_for
from hearth.cases import services as cases
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db
D = dt.date


def events(code):
    return AuditEvent.objects.filter(event_code=code)


def test_the_default_tool_comes_with_the_database():
    version = selectors.current_tool_version()
    assert version.tool.name == NAME and version.number == 1
    sections = selectors.sections_of(version)
    assert [s.title for s in sections] == [title for title, _q in SECTIONS]
    assert [s.title for s in sections][:4] == ["Voice of the child", "Assessment", "Planning",
                                               "Management oversight"]
    assert sum(s.questions.count() for s in sections) == sum(len(q) for _t, q in SECTIONS)


def test_starting_an_audit_takes_the_worker_and_team_from_the_allocation_that_day(
        personas, child):
    # Allocated to Alice in team A since 5 January; to Charlie in team B from 25 May.
    cases.child_allocate(child=child, team=personas.team_b, worker=personas.sw_charlie,
                         start_date=D(2026, 5, 25), system_job="test")
    audit = audit_for(personas, child, on=D(2026, 5, 20))
    assert (audit.worker, audit.team, audit.manager) == (personas.sw_alice, personas.team_a,
                                                         personas.tm_bob)
    assert audit.status == AuditStatus.DRAFT and audit.tool_version.number == 1
    assert audit.answers.count() == sum(len(q) for _t, q in SECTIONS)
    assert audit.programme.status == "in_progress"
    event = events("CASE_AUDIT_STARTED").get()
    assert event.child_id == child.pk and event.actor == personas.tm_bob
    assert event.detail["worker"] == personas.sw_alice.pk
    later = audit_for(personas, child, programme=programme_for(personas, title="June"),
                      on=D(2026, 5, 29))
    assert (later.worker, later.team) == (personas.sw_charlie, personas.team_b)


def test_no_one_audits_their_own_case_or_a_child_twice_in_a_programme(personas, child):
    programme = programme_for(personas)
    with pytest.raises(DomainError, match="independent"):
        audit_for(personas, child, programme=programme, auditor=personas.sw_alice)
    audit_for(personas, child, programme=programme)
    with pytest.raises(DomainError, match="already in this programme"):
        audit_for(personas, child, programme=programme, auditor=personas.sm_sara)
    assert not events("CASE_AUDIT_STARTED").filter(actor=personas.sw_alice).exists()


def test_a_draft_keeps_gaps_and_completing_fixes_the_grades(personas, child):
    audit = audit_for(personas, child)
    first = audit.answers.order_by("pk").first()
    answers = {a.question_id: ("", "") for a in audit.answers.all()}
    answers[first.question_id] = (Grade.GOOD, "Seen alone at the last two visits")
    services.audit_record(audit=audit, answers=answers, overall_grade="", findings="",
                          child_family_views="", worker_took_part=False,
                          manager_took_part=False, complete=False, actor=personas.tm_bob)
    assert AuditAnswer.objects.get(pk=first.pk).grade == Grade.GOOD
    assert events("CASE_AUDIT_RECORDED").get().detail["graded"] == 1
    with pytest.raises(DomainError, match="still to grade"):
        services.audit_record(audit=audit, answers=answers, overall_grade=Grade.GOOD,
                              findings="x", child_family_views="", worker_took_part=False,
                              manager_took_part=False, complete=True, actor=personas.tm_bob)
    with pytest.raises(DomainError, match="Bob Baker's to record"):
        complete(audit, actor=personas.sm_sara)
    complete(audit, weak_section="Planning", overall=Grade.REQUIRES_IMPROVEMENT)
    audit.refresh_from_db()
    assert audit.status == AuditStatus.COMPLETED and audit.completed_on == D(2026, 6, 1)
    assert audit.worker_took_part and not audit.manager_took_part
    assert events("CASE_AUDIT_COMPLETED").get().child_id == child.pk
    with pytest.raises(DomainError, match="fixed"):
        complete(audit)


def test_a_new_tool_version_leaves_completed_audits_with_their_questions(personas, child):
    audit = audit_for(personas, child)
    complete(audit)
    before = list(audit.answers.values_list("question__text", flat=True))
    version = services.tool_version_create(
        tool_name=NAME, sections=[("Voice of the child", ["A brand new question"])],
        note="Shorter", actor=personas.sm_sara)
    assert version.number == 2 and AuditToolVersion.objects.filter(tool=version.tool).count() == 2
    assert list(CaseAudit.objects.get(pk=audit.pk).answers.values_list(
        "question__text", flat=True)) == before
    assert audit.tool_version.number == 1
    new_programme = programme_for(personas, title="June", tool_version=version)
    other = audit_for(personas, personas.child_for(personas.sw_alice), programme=new_programme)
    assert list(other.answers.values_list("question__text", flat=True)) == [
        "A brand new question"]
    assert events("AUDIT_TOOL_VERSION_CREATED").get().detail["number"] == 2
    with pytest.raises(DomainError, match="at least one question"):
        services.tool_version_create(tool_name=NAME, sections=[("Empty", [])],
                                     actor=personas.sm_sara)


def test_the_loop_closes_when_every_action_is_done_or_cancelled(personas, child):
    audit = audit_for(personas, child)
    complete(audit)
    done = action_for(audit, personas.sw_alice, due_on=D(2026, 6, 3))
    dropped = action_for(audit, personas.tm_bob, due_on=D(2026, 6, 10))
    assert events("AUDIT_ACTION_ADDED").filter(child_id=child.pk).count() == 2
    with pytest.raises(DomainError, match="2 actions still open"):
        services.audit_close(audit=audit, actor=personas.tm_bob)
    with pytest.raises(DomainError, match="Alice Adams to record"):
        services.action_done(action=done, done_on=D(2026, 6, 1), evidence="Plan updated today",
                             actor=personas.sw_charlie)
    services.action_done(action=done, done_on=D(2026, 6, 1),
                         evidence="The plan was updated: case note of 1 June",
                         actor=personas.sw_alice)
    assert events("AUDIT_ACTION_DONE").get().detail["in_time"] is True
    with pytest.raises(DomainError, match="1 action still open"):
        services.audit_close(audit=audit, actor=personas.tm_bob)
    services.action_cancel(action=dropped, reason="The child moved to another authority",
                           actor=personas.tm_bob)
    closed = services.audit_close(audit=audit, actor=personas.tm_bob)
    assert closed.status == AuditStatus.CLOSED and closed.closed_on == D(2026, 6, 1)
    assert events("CASE_AUDIT_CLOSED").get().detail["actions"] == 2
    with pytest.raises(DomainError, match="loop is closed"):
        action_for(audit, personas.sw_alice)
    dropped.refresh_from_db()
    assert dropped.status == ActionStatus.CANCELLED and dropped.finished_by == personas.tm_bob


def test_an_action_needs_a_working_due_date_and_an_owner_who_can_act(personas, child):
    audit = audit_for(personas, child)
    with pytest.raises(DomainError, match="not a working day") as raised:
        action_for(audit, personas.sw_alice, due_on=D(2026, 6, 6))
    assert raised.value.field == "due_on"
    with pytest.raises(DomainError, match="worker or manager"):
        action_for(audit, personas.analyst_dana)
    assert not events("AUDIT_ACTION_ADDED").exists()


def test_the_report_counts_completed_audits_by_programme_team_and_section(personas, child):
    may = programme_for(personas)
    complete(audit_for(personas, child, programme=may), overall=Grade.GOOD)
    other = personas.child_for(personas.sw_charlie, allocated_on=D(2026, 1, 5))
    weak = audit_for(personas, other, programme=may, auditor=personas.sm_sara)
    complete(weak, overall=Grade.INADEQUATE, weak_section="Planning")
    late = action_for(weak, personas.sw_charlie, due_on=D(2026, 6, 1))
    services.action_done(action=late, done_on=D(2026, 6, 1), evidence="Plan rewritten with "
                         "the family", actor=personas.sw_charlie)
    action_for(weak, personas.sw_charlie, due_on=D(2026, 6, 2))
    audit_for(personas, personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5)),
              programme=may)  # a draft
    report = selectors.report(selectors.ReportFilters(), today=D(2026, 6, 1))
    assert report.audits == 2
    assert report.by_programme[may.title].counts[Grade.GOOD] == 1
    assert report.by_programme[may.title].counts[Grade.INADEQUATE] == 1
    assert report.by_team[personas.team_b.name].counts[Grade.INADEQUATE] == 1
    planning = report.by_section["Planning"]
    assert planning.counts[Grade.REQUIRES_IMPROVEMENT] == 4 and planning.counts[Grade.GOOD] == 4
    assert [t.section for t in report.themes] == ["Planning"]
    assert (report.actions.done_in_time, report.actions.open_on_track) == (1, 1)
    assert report.took_part == {"worker": 2, "manager": 0}
    only_a = selectors.report(selectors.ReportFilters(team_id=personas.team_a.pk),
                              today=D(2026, 6, 1))
    assert only_a.audits == 1 and only_a.themes == []


def test_deep_dives_fill_in_the_schedule(personas):
    services.deep_dive_record(service="safeguarding", held_on=D(2026, 3, 2),
                              lead=personas.sm_sara, findings="Strong direct work with "
                              "children", actor=personas.sm_sara)
    schedule = {r.service: r for r in selectors.deep_dive_schedule(today=D(2026, 6, 1))}
    assert schedule["safeguarding"].next_due_on == D(2027, 3, 2)
    assert schedule["safeguarding"].status == "covered"
    assert events("DEEP_DIVE_RECORDED").get().detail["service"] == "safeguarding"
    with pytest.raises(DomainError, match="Choose the service"):
        services.deep_dive_record(service="nonsense", held_on=D(2026, 3, 2),
                                  lead=personas.sm_sara, findings="Something useful",
                                  actor=personas.sm_sara)


def test_opening_an_audit_is_a_read_of_the_childs_record(personas, child):
    audit = audit_for(personas, child)
    services.audit_viewed(actor=personas.sm_sara, audit=audit)
    assert events("CASE_AUDIT_VIEWED").get().child_id == child.pk
    read = events("CHILD_RECORD_VIEWED").get(actor=personas.sm_sara)
    assert read.child_id == child.pk and read.detail == {"section": "case audit"}


def test_changing_a_programme_records_what_changed(personas, child):
    programme = programme_for(personas)
    services.programme_change(
        programme=programme, actor=personas.sm_sara, teams=[personas.team_a, personas.team_b],
        kind=programme.kind, title="May audit", theme="SMART plans",
        starts_on=programme.starts_on, ends_on=programme.ends_on, services=[],
        tool_version=programme.tool_version, status="complete")
    changes = events("AUDIT_PROGRAMME_CHANGED").get().detail["changes"]
    assert changes["title"] == ["Practice learning audit: May 2026", "May audit"]
    assert changes["status"] == ["planned", "complete"] and "teams" in changes
    with pytest.raises(DomainError, match="complete"):
        audit_for(personas, child, programme=programme)
