"""The pure rules: starting and completing an audit, action due dates on the working-day
calendar, closing the loop, the grade summaries and themes, and the deep-dive schedule."""

import datetime as dt

import pytest

from hearth.audits import rules
from hearth.audits.codes import ActionStatus, Grade
from hearth.complaints.tests.factories import calendar
from hearth.core.errors import DomainError

D = dt.date
G, RI, INAD, OUT = Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE, Grade.OUTSTANDING


def start(**changes):
    values = {"audited_on": D(2026, 5, 20), "today": D(2026, 6, 1), "starts_on": D(2026, 5, 1),
              "auditor_id": 1, "worker_id": 2, "programme_open": True} | changes
    rules.ensure_can_start(**values)


def test_an_audit_starts_in_the_programme_period_by_someone_independent():
    start()
    with pytest.raises(DomainError, match="future"):
        start(audited_on=D(2026, 6, 2))
    with pytest.raises(DomainError, match="programme starts on 1 May 2026"):
        start(audited_on=D(2026, 4, 30))
    with pytest.raises(DomainError, match="complete"):
        start(programme_open=False)
    with pytest.raises(DomainError, match="independent") as raised:
        start(worker_id=1)
    assert raised.value.field == "child"
    start(worker_id=None)  # an unallocated child can be audited


def test_completing_needs_every_question_and_the_overall_grade_and_findings():
    rules.ensure_can_complete(grades={1: G, 2: RI}, overall_grade=G, findings="Clear plan")
    with pytest.raises(DomainError, match="1 still to grade"):
        rules.ensure_can_complete(grades={1: G, 2: ""}, overall_grade=G, findings="x")
    with pytest.raises(DomainError, match="overall grade"):
        rules.ensure_can_complete(grades={1: G}, overall_grade="", findings="x")
    with pytest.raises(DomainError, match="Summarise"):
        rules.ensure_can_complete(grades={1: G}, overall_grade=G, findings="  ")
    assert rules.missing_grades({1: G, 2: "", 3: "nonsense"}) == [2, 3]


def test_the_default_action_date_is_20_working_days_on_and_skips_bank_holidays():
    cal = calendar()
    # Wednesday 20 May 2026: 20 working days on, past the spring bank holiday (25 May).
    assert rules.default_action_due_on(D(2026, 5, 20), cal) == D(2026, 6, 18)


MAY_20 = D(2026, 5, 20)


def due(due_on, audited_on=MAY_20):
    rules.ensure_action_due(due_on=due_on, audited_on=audited_on, calendar=calendar())


def test_an_action_is_due_on_a_working_day_after_the_audit_within_six_months():
    rules.ensure_date_between(D(2026, 5, 20), first=D(2026, 5, 20), today=D(2026, 6, 1),
                              what="x", field="x")
    with pytest.raises(DomainError, match="before 20 May 2026"):
        rules.ensure_date_between(D(2026, 5, 19), first=D(2026, 5, 20), today=D(2026, 6, 1),
                                  what="x", field="x")
    due(D(2026, 5, 21))
    due(D(2026, 11, 20))  # the last Friday within six months
    with pytest.raises(DomainError, match="after the audit"):
        due(D(2026, 5, 20))
    with pytest.raises(DomainError, match="within 6 months"):
        due(D(2026, 11, 23))
    with pytest.raises(DomainError, match="not a working day: choose 26 May 2026"):
        due(D(2026, 5, 25))  # the spring bank holiday
    with pytest.raises(DomainError, match="6 June 2026 is not a working day"):
        due(D(2026, 6, 6))  # a Saturday


def test_an_action_is_finished_with_evidence_or_cancelled_with_a_reason():
    ok = {"status": ActionStatus.OPEN, "done_on": D(2026, 5, 28), "audited_on": D(2026, 5, 20),
          "today": D(2026, 6, 1), "evidence": "Plan updated, see case note of 28 May"}
    rules.ensure_can_finish_action(**ok)
    for change, message in [({"status": ActionStatus.DONE}, "already finished"),
                            ({"done_on": D(2026, 6, 2)}, "future"),
                            ({"done_on": D(2026, 5, 19)}, "before the audit"),
                            ({"evidence": "done"}, "evidence")]:
        with pytest.raises(DomainError, match=message):
            rules.ensure_can_finish_action(**ok | change)
    rules.ensure_can_cancel_action(status=ActionStatus.OPEN, reason="The child moved away")
    with pytest.raises(DomainError, match="reason"):
        rules.ensure_can_cancel_action(status=ActionStatus.OPEN, reason="no")
    with pytest.raises(DomainError, match="already finished"):
        rules.ensure_can_cancel_action(status=ActionStatus.CANCELLED, reason="x" * 20)


def test_the_loop_closes_only_on_a_completed_audit_with_no_open_actions():
    rules.ensure_can_close(audit_status="completed", action_statuses=[])
    rules.ensure_can_close(audit_status="completed", action_statuses=["done", "cancelled"])
    with pytest.raises(DomainError, match="2 actions still open"):
        rules.ensure_can_close(audit_status="completed",
                               action_statuses=["open", "done", "open"])
    with pytest.raises(DomainError, match="1 action still open"):
        rules.ensure_can_close(audit_status="completed", action_statuses=["open"])
    with pytest.raises(DomainError, match="Complete the audit"):
        rules.ensure_can_close(audit_status="draft", action_statuses=[])
    with pytest.raises(DomainError, match="already closed"):
        rules.ensure_can_close(audit_status="closed", action_statuses=[])


def test_actions_reach_my_work_when_overdue_or_due_within_two_working_days():
    cal = calendar()
    friday = D(2026, 5, 22)  # the next Monday is a bank holiday
    assert rules.action_on_my_work(due_on=D(2026, 5, 21), today=friday, calendar=cal)
    assert rules.action_on_my_work(due_on=D(2026, 5, 27), today=friday, calendar=cal)
    assert not rules.action_on_my_work(due_on=D(2026, 5, 28), today=friday, calendar=cal)


def test_a_distribution_counts_each_grade_with_its_share():
    found = rules.distributions([("Team A", G), ("Team A", RI), ("Team B", INAD),
                                 ("Team A", G), ("Team A", "")])
    team_a = found["Team A"]
    assert list(found) == ["Team A", "Team B"]
    assert team_a.counts == {OUT: 0, G: 2, RI: 1, INAD: 0}
    assert team_a.total == 3 and team_a.percent(G) == 67 and team_a.weak_percent == 33
    assert team_a.cells() == [(0, 0), (2, 67), (1, 33), (0, 0)]
    assert rules.Distribution().percent(G) is None


def test_themes_rank_the_sections_most_often_graded_weak():
    pairs = [("Planning", RI), ("Planning", INAD), ("Planning", G),
             ("Voice of the child", RI), ("Voice of the child", G),
             ("Assessment", RI), ("Assessment", RI), ("Assessment", RI), ("Assessment", G),
             ("Management oversight", OUT), ("Recording", "")]
    themes = rules.themes(pairs)
    assert [(t.section, t.weak, t.graded, t.percent) for t in themes] == [
        ("Assessment", 3, 4, 75), ("Planning", 2, 3, 67), ("Voice of the child", 1, 2, 50)]


def test_action_figures_split_open_overdue_in_time_late_and_cancelled():
    today = D(2026, 6, 1)
    facts = [rules.ActionFacts("open", D(2026, 6, 1), None),
             rules.ActionFacts("open", D(2026, 5, 29), None),
             rules.ActionFacts("done", D(2026, 5, 29), D(2026, 5, 29)),
             rules.ActionFacts("done", D(2026, 5, 20), D(2026, 5, 21)),
             rules.ActionFacts("done", D(2026, 5, 20), D(2026, 5, 19)),
             rules.ActionFacts("cancelled", D(2026, 5, 1), None)]
    figures = rules.action_figures(facts, today=today)
    assert (figures.open_on_track, figures.overdue, figures.done_in_time, figures.done_late,
            figures.cancelled) == (1, 1, 2, 1, 1)
    assert figures.in_time_percent == 67 and figures.total == 6


def test_the_schedule_shows_every_service_with_its_next_deep_dive_12_months_on():
    today = D(2026, 6, 1)
    services = [("assessment", "Assessment"), ("safeguarding", "Safeguarding"),
                ("children_in_care", "Children in care"), ("care_leavers", "Care leavers")]
    last = {"assessment": D(2025, 5, 31), "safeguarding": D(2025, 8, 1),
            "children_in_care": D(2026, 3, 2)}
    rows = rules.deep_dive_schedule(services, last, today=today)
    assert [(r.service, r.next_due_on, r.status) for r in rows] == [
        ("care_leavers", None, "never"),
        ("assessment", D(2026, 5, 31), "overdue"),
        ("safeguarding", D(2026, 8, 1), "due_soon"),
        ("children_in_care", D(2027, 3, 2), "covered")]
    assert [r.covered for r in rows] == [False, False, True, True]


def test_a_programme_period_is_in_order_and_at_most_12_months():
    rules.ensure_programme_period(starts_on=D(2026, 4, 1), ends_on=D(2027, 4, 1))
    with pytest.raises(DomainError, match="end on or after"):
        rules.ensure_programme_period(starts_on=D(2026, 4, 2), ends_on=D(2026, 4, 1))
    with pytest.raises(DomainError, match="12 months"):
        rules.ensure_programme_period(starts_on=D(2026, 4, 1), ends_on=D(2027, 4, 2))


def test_a_deep_dive_is_in_the_past_and_says_what_it_found():
    rules.ensure_can_record_deep_dive(held_on=D(2026, 6, 1), today=D(2026, 6, 1),
                                      findings="Strong participation work")
    with pytest.raises(DomainError, match="future"):
        rules.ensure_can_record_deep_dive(held_on=D(2026, 6, 2), today=D(2026, 6, 1),
                                          findings="Strong participation work")
    with pytest.raises(DomainError, match="found"):
        rules.ensure_can_record_deep_dive(held_on=D(2026, 6, 1), today=D(2026, 6, 1),
                                          findings="ok")
