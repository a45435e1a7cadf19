"""The services: each write with its audit event; minute numbers across a municipal year; the
tracker action raised by a request, updated, chased and closed; improvement actions; the
self-evaluation pre-filled with the figures for its date."""

import datetime as dt
from decimal import Decimal

import pytest

from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.governance import services
from hearth.governance.codes import ActionStatus, JudgementArea, ResolutionKind, UpdateKind
from hearth.governance.models import Minute, TrackerAction
from hearth.governance.tests import factories as make
from hearth.performance.models import Snapshot

pytestmark = pytest.mark.django_db
D = dt.date


def events(code: str):
    return AuditEvent.objects.filter(event_code=code)


def test_meetings_and_their_parts_are_audited(personas):
    committee = make.committee(personas)
    meeting = make.meeting(personas, committee, D(2026, 5, 14))
    services.agenda_item_add(meeting=meeting, title="Apologies for absence", actor=personas.bs_ben)
    item = services.agenda_item_add(meeting=meeting, title="Corporate Quarterly Performance "
                                    "Report", report_url="https://example.org/q4",
                                    actor=personas.bs_ben)
    services.attendance_record(meeting=meeting, kind="member", name="Councillor A Penhallow",
                               position="Chair", actor=personas.bs_ben)
    services.interest_declare(meeting=meeting, member_name="Councillor A Penhallow",
                              kind="pecuniary", reason="Engaged as a foster carer",
                              actor=personas.bs_ben)
    assert item.number == 2
    for code in ("COMMITTEE_ADDED", "MEETING_RECORDED", "AGENDA_ITEM_ADDED",
                 "ATTENDANCE_RECORDED", "INTEREST_DECLARED"):
        event = events(code).latest("id")
        assert event.actor == personas.bs_ben and event.child_id is None
    with pytest.raises(DomainError, match="already recorded"):
        services.attendance_record(meeting=meeting, kind="apology",
                                   name="councillor a penhallow", actor=personas.bs_ben)
    with pytest.raises(DomainError, match="already meets"):
        make.meeting(personas, committee, D(2026, 5, 14))


def test_minute_numbers_continue_through_the_municipal_year_and_restart_in_may(personas):
    committee = make.committee(personas)
    other = make.committee(personas, "Corporate Parenting Board")
    september = make.meeting(personas, committee, D(2025, 9, 11))
    january = make.meeting(personas, committee, D(2026, 1, 15))
    may = make.meeting(personas, committee, D(2026, 5, 21))
    numbers = [make.minute(personas, september, f"Item {n}").number for n in range(3)]
    numbers += [make.minute(personas, january, f"Item {n}").number for n in range(2)]
    assert numbers == [1, 2, 3, 4, 5]
    assert make.minute(personas, may).number == 1  # a new municipal year
    assert make.minute(personas, make.meeting(personas, other, D(2026, 1, 20))).number == 1
    with pytest.raises(DomainError, match="already has minutes"):
        make.minute(personas, september, "Late addition")
    january_minute = Minute.objects.get(meeting=january, number=5)
    assert january_minute.municipal_year == 2025
    event = events("MINUTE_RECORDED").filter(target_id=str(january_minute.pk)).get()
    assert event.detail == {"meeting": january.pk, "municipal_year": 2025, "number": 5}


def test_a_meeting_in_the_future_cannot_be_minuted(personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 6, 30))
    with pytest.raises(DomainError, match="taken place"):
        make.minute(personas, meeting)


def test_a_request_raises_a_tracker_action_with_its_history(personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 3, 12))
    minute = make.minute(personas, meeting)
    noted = services.resolution_record(minute=minute, kind=ResolutionKind.NOTED,
                                       text="That the information be noted.",
                                       actor=personas.bs_ben)
    request = make.request(personas, minute, due_on=D(2026, 4, 30))
    assert (noted.number, request.number) == (1, 2)
    assert not hasattr(noted, "tracker_action") or noted.tracker_action is None
    action = request.tracker_action
    assert action.owner == personas.sm_sara and action.due_on == D(2026, 4, 30)
    assert [(u.kind, u.on) for u in action.updates.all()] == [("raised", D(2026, 3, 12))]
    event = events("TRACKER_ACTION_RAISED").get()
    assert event.detail["reference"] == "Minute No. 1 Resolution (2)"


def test_a_request_needs_an_owner_who_sees_governance_and_a_due_date(personas):
    minute = make.minute(personas, make.meeting(personas, make.committee(personas),
                                                D(2026, 3, 12)))
    with pytest.raises(DomainError, match="follow this up"):
        make.request(personas, minute, due_on=D(2026, 4, 30), owner=personas.sw_alice)
    with pytest.raises(DomainError, match="on or after the meeting"):
        make.request(personas, minute, due_on=D(2026, 3, 1))
    with pytest.raises(DomainError, match="responsible officer"):
        services.resolution_record(minute=minute, kind=ResolutionKind.REQUEST, text="x",
                                   owner=personas.sm_sara, due_on=D(2026, 4, 1),
                                   actor=personas.bs_ben)
    assert not TrackerAction.objects.exists()
    assert not events("RESOLUTION_RECORDED").exists()  # refused writes leave nothing


def test_tracker_actions_are_updated_chased_and_closed(personas):
    minute = make.minute(personas, make.meeting(personas, make.committee(personas),
                                                D(2026, 3, 12)))
    action = make.request(personas, minute, due_on=D(2026, 4, 30)).tracker_action
    services.tracker_action_update(action=action, kind=UpdateKind.CHASED, status="awaiting",
                                   on=D(2026, 5, 5), note="Director contacted for a response",
                                   actor=personas.bs_ben)
    action.refresh_from_db()
    assert (action.status, action.last_chased_on) == ("awaiting", D(2026, 5, 5))
    assert action.notes == "Director contacted for a response"
    services.tracker_action_update(action=action, kind=UpdateKind.CLOSED, status="open",
                                   on=D(2026, 5, 20), note="Briefing note circulated",
                                   actor=personas.bs_ben)
    action.refresh_from_db()
    assert (action.status, action.closed_on) == ("closed", D(2026, 5, 20))
    assert [u.kind for u in action.updates.all()] == ["raised", "chased", "closed"]
    assert events("TRACKER_ACTION_UPDATED").count() == 2
    assert events("TRACKER_ACTION_UPDATED").latest("id").detail["changes"] == {
        "status": ["awaiting", "closed"]}
    with pytest.raises(DomainError, match="closed"):
        services.tracker_action_update(action=action, kind=UpdateKind.UPDATE, status="open",
                                       on=D(2026, 5, 21), note="", actor=personas.bs_ben)


def test_improvement_actions_keep_their_status_history(personas):
    priority = make.priority(personas, make.plan(personas))
    action = make.action(personas, priority, due_on=D(2026, 9, 30))
    with pytest.raises(DomainError, match="evidence of impact"):
        services.improvement_action_update(action=action, status=ActionStatus.COMPLETE,
                                           evidence="", note="", completed_on=D(2026, 5, 30),
                                           actor=personas.sm_sara)
    services.improvement_action_update(
        action=action, status=ActionStatus.COMPLETE, evidence="Audit: 19 of 20 contacts "
        "decided in a day", note="Signed off at the board", completed_on=D(2026, 5, 30),
        actor=personas.sm_sara)
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE and action.completed_on == D(2026, 5, 30)
    assert [h.status for h in action.history.all()] == ["on_track", "complete"]
    event = events("IMPROVEMENT_ACTION_UPDATED").get()
    assert event.detail == {"changes": {"status": ["on_track", "complete"]},
                            "evidence_changed": True}
    with pytest.raises(DomainError, match="before it"):
        make.action(personas, priority, due_on=D(2025, 12, 1))


def test_a_measure_links_an_indicator_and_its_target_profile(personas):
    priority = make.priority(personas, make.plan(personas))
    measure = services.measure_add(
        priority=priority, description="Contacts decided within one working day",
        indicator_code="H-FD-01", steps=[(D(2026, 9, 1), Decimal(90)),
                                         (D(2026, 7, 1), Decimal(80))],
        actor=personas.sm_sara)
    assert [s.value for s in measure.steps.all()] == [80, 90]
    assert events("IMPROVEMENT_MEASURE_ADDED").get().detail["steps"] == [
        ["2026-07-01", "80"], ["2026-09-01", "90"]]
    with pytest.raises(DomainError, match="Hearth's indicators"):
        services.measure_add(priority=priority, description="x", indicator_code="NOPE",
                             steps=[(D(2026, 7, 1), Decimal(1))], actor=personas.sm_sara)


def _snapshot(code, start, kind, numerator, denominator, *, frozen=False):
    return Snapshot.objects.create(indicator=code, period_kind=kind, period_start=start,
                                   frozen=frozen, numerator=numerator, denominator=denominator,
                                   source="computed", worked_out_at=clock.now())


def test_a_self_evaluation_is_pre_filled_with_the_figures_for_its_date(personas):
    _snapshot("H-FD-01", D(2026, 3, 1), "month", 45, 50)  # March: 90%
    _snapshot("H-FD-01", D(2026, 4, 1), "month", 40, 50)  # April: not over by 15 April
    _snapshot("PI.1447", D(2026, 1, 1), "quarter", "25.27", "142.5", frozen=True)
    _snapshot("PI.1447", D(2026, 1, 1), "quarter", "20", "142.5")  # the working figure
    evaluation = services.self_evaluation_start(title="Self-evaluation 2026",
                                                as_at=D(2026, 4, 15), actor=personas.sm_sara)
    sections = {s.area: s for s in evaluation.sections.all()}
    assert list(sections) == list(JudgementArea.values)
    help_ = {h["code"]: h for h in sections[JudgementArea.HELP_AND_PROTECTION].headlines}
    assert help_["H-FD-01"] == {"code": "H-FD-01", "figure": "90.0%", "period": "March 2026",
                                "title": "Contacts decided within one working day"}
    assert help_["H-CP-04"]["figure"] == "no figure"
    leaders = {h["code"]: h for h in sections[JudgementArea.LEADERS].headlines}
    assert leaders["PI.1447"]["figure"] == "17.7%"  # the frozen figure the committee saw
    assert "90.0% / Contacts decided within one working day (H-FD-01, March 2026)" in \
        sections[JudgementArea.HELP_AND_PROTECTION].how_we_know
    assert events("SELF_EVALUATION_STARTED").get().detail == {"as_at": "2026-04-15",
                                                               "figures": 2}
    with pytest.raises(DomainError, match="today or an earlier date"):
        services.self_evaluation_start(title="x", as_at=D(2026, 6, 2), actor=personas.sm_sara)


def test_a_section_is_saved_and_audited(personas):
    evaluation = services.self_evaluation_start(title="Self-evaluation 2026",
                                                as_at=D(2026, 5, 31), actor=personas.sm_sara)
    section = evaluation.sections.get(area=JudgementArea.IN_CARE)
    services.self_evaluation_section_save(section=section, what_we_know="Stability improved.",
                                          how_we_know=section.how_we_know, what_next="More "
                                          "foster carers.", actor=personas.analyst_dana)
    section.refresh_from_db()
    assert section.what_we_know == "Stability improved."
    assert section.updated_by == personas.analyst_dana
    assert events("SELF_EVALUATION_SAVED").get().detail == {
        "evaluation": evaluation.pk, "area": "in_care", "changed": ["what_next",
                                                                    "what_we_know"]}
