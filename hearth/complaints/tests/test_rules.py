"""The pure rules: deadlines at each stage on the England and Wales calendar, extensions,
lateness, escalation, reminder points, quarters and the year's figures."""

import datetime as dt

import pytest

from hearth.complaints import rules
from hearth.complaints.codes import Outcome, Stage, Theme
from hearth.complaints.tests.factories import calendar
from hearth.core.errors import DomainError

D = dt.date
CAL = calendar()


@pytest.mark.parametrize(("stage", "requested_on", "due_on"), [
    (1, D(2026, 6, 1), D(2026, 6, 15)),  # Monday + 10 WD: two weeks later
    (1, D(2026, 5, 30), D(2026, 6, 12)),  # a Saturday: counting starts on the Monday
    (1, D(2026, 5, 22), D(2026, 6, 8)),  # across the spring bank holiday (25 May)
    (1, D(2026, 4, 1), D(2026, 4, 17)),  # across Good Friday and Easter Monday
    (1, D(2026, 12, 21), D(2027, 1, 7)),  # Christmas, the substitute 28 Dec and New Year
    (2, D(2026, 6, 1), D(2026, 7, 6)),  # 25 WD
    (3, D(2026, 6, 1), D(2026, 7, 13)),  # the panel within 30 WD
])
def test_it_counts_each_stage_in_working_days(stage, requested_on, due_on):
    assert rules.response_due_on(stage=stage, requested_on=requested_on, calendar=CAL) == due_on


@pytest.mark.parametrize(("stage", "latest"), [
    (1, D(2026, 6, 29)),  # 20 WD
    (2, D(2026, 9, 1)),  # 65 WD, over the summer bank holiday (31 August)
    (3, D(2026, 7, 13)),  # not extendable: the same as the standard
])
def test_the_longest_extension_at_each_stage(stage, latest):
    assert rules.latest_due_on(stage=stage, requested_on=D(2026, 6, 1), calendar=CAL) == latest


def test_only_stages_1_and_2_can_be_extended():
    assert rules.can_extend(1) and rules.can_extend(2) and not rules.can_extend(3)


def test_the_rule_names_its_version():
    assert rules.due_rule(2) == "Complaint stage 2 response 25 WD v1"


def _extend(**overrides):
    values = {"stage": 1, "requested_on": D(2026, 6, 1), "standard_due_on": D(2026, 6, 15),
              "extended_on": None, "responded_on": None, "new_due_on": D(2026, 6, 29),
              "agreed_on": D(2026, 6, 10), "reason": "Complex: three teams involved",
              "today": D(2026, 6, 10), "calendar": CAL}
    values.update(overrides)
    rules.ensure_can_extend(**values)


def test_an_extension_may_reach_the_longest_date_exactly():
    _extend()  # 29 June 2026 is the 20th working day
    _extend(stage=2, standard_due_on=D(2026, 7, 6), new_due_on=D(2026, 9, 1))


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"new_due_on": D(2026, 6, 30)}, "new_due_on", "20 working days at most: 29 June 2026"),
    ({"stage": 2, "standard_due_on": D(2026, 7, 6), "new_due_on": D(2026, 9, 2)}, "new_due_on",
     "65 working days at most: 1 September 2026"),
    ({"new_due_on": D(2026, 6, 15)}, "new_due_on", "must be after 15 June 2026"),
    ({"new_due_on": D(2026, 6, 27)}, "new_due_on", "must be a working day"),  # a Saturday
    ({"reason": "  "}, "reason", "Give the reason"),
    ({"agreed_on": D(2026, 6, 11)}, "agreed_on", "today or in the past"),
    ({"agreed_on": D(2026, 5, 29)}, "agreed_on", "before the stage started"),
])
def test_an_extension_is_refused_outside_the_rules(overrides, field, message):
    with pytest.raises(DomainError, match=message) as error:
        _extend(**overrides)
    assert error.value.field == field


@pytest.mark.parametrize(("overrides", "message"), [
    ({"stage": 3, "standard_due_on": D(2026, 7, 13), "new_due_on": D(2026, 7, 20)},
     "cannot be extended"),
    ({"extended_on": D(2026, 6, 5)}, "already extended on 5 June 2026"),
    ({"responded_on": D(2026, 6, 9)}, "answered on 9 June 2026"),
])
def test_a_stage_is_extended_once_while_open_and_never_at_stage_3(overrides, message):
    with pytest.raises(DomainError, match=message):
        _extend(**overrides)


def _respond(**overrides):
    values = {"requested_on": D(2026, 6, 1), "due_on": D(2026, 6, 15),
              "already_responded_on": None, "responded_on": D(2026, 6, 15),
              "outcome": Outcome.UPHELD, "lateness_reason": "", "today": D(2026, 7, 1)}
    values.update(overrides)
    rules.ensure_can_respond(**values)


def test_a_response_on_the_due_date_is_in_time_and_needs_no_reason():
    _respond()
    assert not rules.is_late(responded_on=D(2026, 6, 15), due_on=D(2026, 6, 15))
    assert rules.is_late(responded_on=D(2026, 6, 16), due_on=D(2026, 6, 15))


def test_a_late_response_needs_a_real_reason():
    with pytest.raises(DomainError, match="due on 15 June 2026: give the reason") as error:
        _respond(responded_on=D(2026, 6, 16))
    assert error.value.field == "lateness_reason"
    with pytest.raises(DomainError, match="a sentence or more"):
        _respond(responded_on=D(2026, 6, 16), lateness_reason="Busy")
    _respond(responded_on=D(2026, 6, 16),
             lateness_reason="The manager was off sick and no cover was arranged")


def test_a_late_withdrawal_needs_no_reason():
    _respond(responded_on=D(2026, 6, 30), outcome=Outcome.WITHDRAWN)


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"already_responded_on": D(2026, 6, 3)}, None, "already has a response, given on 3 June"),
    ({"responded_on": D(2026, 7, 2)}, "responded_on", "today or in the past"),
    ({"responded_on": D(2026, 5, 29)}, "responded_on", "before the stage started"),
])
def test_a_response_is_refused_outside_the_rules(overrides, field, message):
    with pytest.raises(DomainError, match=message) as error:
        _respond(**overrides)
    assert error.value.field == field


def test_the_complainant_may_ask_for_the_next_stage_after_a_response():
    assert rules.ensure_can_escalate(stage=1, responded_on=D(2026, 6, 10),
                                     outcome=Outcome.NOT_UPHELD, requested_on=D(2026, 6, 10),
                                     today=D(2026, 6, 12)) == Stage.INVESTIGATION
    assert rules.next_stage(3) is None


@pytest.mark.parametrize(("overrides", "message"), [
    ({"responded_on": None}, "not been answered yet"),
    ({"outcome": Outcome.WITHDRAWN}, "withdrawn"),
    ({"stage": 3}, "Ombudsman"),
    ({"requested_on": D(2026, 6, 9)}, "before the stage 1: local resolution response"),
    ({"requested_on": D(2026, 6, 13)}, "today or in the past"),
])
def test_the_next_stage_is_refused_outside_the_rules(overrides, message):
    values = {"stage": 1, "responded_on": D(2026, 6, 10), "outcome": Outcome.UPHELD,
              "requested_on": D(2026, 6, 11), "today": D(2026, 6, 12)}
    values.update(overrides)
    with pytest.raises(DomainError, match=message):
        rules.ensure_can_escalate(**values)


def test_the_learning_form_needs_the_response_and_an_action_with_its_date():
    with pytest.raises(DomainError, match="Record the response first"):
        rules.ensure_can_record_learning(responded_on=None, action="", action_due_on=None)
    with pytest.raises(DomainError, match="date the action is due"):
        rules.ensure_can_record_learning(responded_on=D(2026, 6, 1), action="Train the team",
                                         action_due_on=None)
    with pytest.raises(DomainError, match="before the response"):
        rules.ensure_can_record_learning(responded_on=D(2026, 6, 1), action="Train the team",
                                         action_due_on=D(2026, 5, 1))
    rules.ensure_can_record_learning(responded_on=D(2026, 6, 1), action="",
                                     action_due_on=None)


# Due Monday 15 June 2026: 5, 3, 2, 1 WD before are 8, 10, 11, 12 June; 1, 3, 5, 10 after are
# 16, 18, 22 and 29 June.
@pytest.mark.parametrize(("today", "point"), [
    (D(2026, 6, 5), None), (D(2026, 6, 7), None),
    (D(2026, 6, 8), -5), (D(2026, 6, 9), -5), (D(2026, 6, 10), -3), (D(2026, 6, 11), -2),
    (D(2026, 6, 12), -1), (D(2026, 6, 14), -1), (D(2026, 6, 15), -1),  # the due day itself
    (D(2026, 6, 16), 1), (D(2026, 6, 18), 3), (D(2026, 6, 22), 5), (D(2026, 6, 26), 5),
    (D(2026, 6, 29), 10), (D(2026, 8, 3), 10),
])
def test_the_reminder_point_that_has_come(today, point):
    assert rules.reminder_point_due(due_on=D(2026, 6, 15), today=today, calendar=CAL) == point


def test_reminder_points_step_over_bank_holidays():
    # Due Tuesday 26 May 2026, the day after the spring bank holiday.
    sends = [rules.reminder_send_on(due_on=D(2026, 5, 26), point=p, calendar=CAL)
             for p in rules.REMINDER_POINTS]
    assert sends == [D(2026, 5, 18), D(2026, 5, 20), D(2026, 5, 21), D(2026, 5, 22),
                     D(2026, 5, 27), D(2026, 5, 29), D(2026, 6, 2), D(2026, 6, 9)]
    assert len([p for p in rules.REMINDER_POINTS if p < 0]) == 4
    assert len([p for p in rules.REMINDER_POINTS if p > 0]) == 4


def test_reminder_words_before_and_after_the_due_date():
    before = rules.reminder_text(point=-1, reference="CMP00007", stage=1, due_on=D(2026, 6, 15),
                                 link="https://hearth.example/complaints/7/")
    assert before.subject == "Complaint CMP00007: stage 1: local resolution response due in 1 " \
                             "working day"
    assert "due on 15 June 2026" in before.body and "/complaints/7/" in before.body
    after = rules.reminder_text(point=3, reference="CMP00007", stage=2, due_on=D(2026, 6, 15),
                                link="x")
    assert "overdue by 3 working days" in after.subject
    assert "reason for the delay" in after.body


@pytest.mark.parametrize(("value", "year", "number", "start", "end"), [
    (D(2026, 4, 1), 2026, 1, D(2026, 4, 1), D(2026, 6, 30)),
    (D(2026, 9, 30), 2026, 2, D(2026, 7, 1), D(2026, 9, 30)),
    (D(2026, 12, 31), 2026, 3, D(2026, 10, 1), D(2026, 12, 31)),
    (D(2027, 3, 31), 2026, 4, D(2027, 1, 1), D(2027, 3, 31)),
    (D(2026, 3, 31), 2025, 4, D(2026, 1, 1), D(2026, 3, 31)),
])
def test_financial_quarters(value, year, number, start, end):
    quarter = rules.quarter_of(value)
    assert (quarter.year, quarter.number, quarter.start, quarter.end) == (year, number, start,
                                                                          end)
    assert rules.quarter_of(D(2027, 2, 1)).label == "Q4 2026-27"


def _facts(stage, requested_on, responded_on, *, standard, due=None, outcome=Outcome.UPHELD,
           themes=(Theme.COMMUNICATION,)):
    return rules.StageFacts(stage=stage, requested_on=requested_on, standard_due_on=standard,
                            due_on=due or standard, responded_on=responded_on, outcome=outcome,
                            themes=themes)


def test_the_years_figures_by_stage_and_quarter():
    stages = [
        # Q1: in time; late; in time only thanks to an extension; withdrawn (left out).
        _facts(1, D(2026, 4, 1), D(2026, 4, 17), standard=D(2026, 4, 17)),
        _facts(1, D(2026, 4, 1), D(2026, 4, 20), standard=D(2026, 4, 17),
               outcome=Outcome.NOT_UPHELD, themes=(Theme.DELAY,)),
        _facts(1, D(2026, 5, 1), D(2026, 5, 20), standard=D(2026, 5, 15), due=D(2026, 5, 29),
               outcome=Outcome.PARTLY_UPHELD, themes=(Theme.COMMUNICATION, Theme.RECORDS)),
        _facts(1, D(2026, 5, 1), D(2026, 5, 29), standard=D(2026, 5, 15),
               outcome=Outcome.WITHDRAWN),
        # Q2 stage 2, from a complaint received the year before; still open (not counted).
        _facts(2, D(2026, 6, 20), D(2026, 7, 10), standard=D(2026, 7, 24),
               outcome=Outcome.NOT_UPHELD),
        _facts(1, D(2026, 6, 1), None, standard=D(2026, 6, 15), outcome=""),
        # Answered the year before: not in this year's timeliness.
        _facts(1, D(2026, 3, 2), D(2026, 3, 16), standard=D(2026, 3, 16)),
    ]
    figures = rules.year_figures(stages, year=2026)
    q1 = figures.cell(1, 1)
    assert (q1.responded, q1.in_time, q1.within_standard, q1.extended) == (3, 2, 1, 1)
    assert q1.in_time_percent == 66.7 and q1.within_standard_percent == 33.3
    assert figures.cell(2, 2).responded == 1 and figures.cell(2, 2).in_time == 1
    assert figures.cell(1, 2).responded == 0 and figures.cell(1, 2).in_time_percent is None
    assert figures.year_total(1).responded == 3
    assert figures.received == 5  # stage 1 started in the year, whatever happened next
    assert figures.outcomes[1] == {Outcome.UPHELD: 1, Outcome.NOT_UPHELD: 1,
                                   Outcome.PARTLY_UPHELD: 1, Outcome.WITHDRAWN: 1}
    assert figures.themes[Theme.COMMUNICATION] == 4 and figures.themes[Theme.DELAY] == 1
    assert figures.upheld_themes == {Theme.COMMUNICATION: 2, Theme.RECORDS: 1}


def _check(**overrides):
    values = {"lateness_reason": "The manager was on leave and cover was not arranged.",
              "reason_accepted": None, "checker_gave_it": False, "accepted": True, "note": ""}
    values.update(overrides)
    rules.ensure_can_check_reason(**values)


def test_the_complaints_team_checks_a_reason_once_it_is_accepted():
    _check()
    _check(reason_accepted=False, accepted=True)  # sent back, then accepted
    with pytest.raises(DomainError, match="already checked and accepted"):
        _check(reason_accepted=True)
    with pytest.raises(DomainError, match="in time"):
        _check(lateness_reason="")
    with pytest.raises(DomainError, match="someone else"):
        _check(checker_gave_it=True)
    with pytest.raises(DomainError, match="what the reason is missing") as error:
        _check(accepted=False, note=" ")
    assert error.value.field == "note"


def test_only_a_reason_sent_back_is_amended_and_it_must_still_be_real():
    rules.ensure_can_amend_reason(reason_accepted=False,
                                  lateness_reason="Cover was not arranged while the manager "
                                                  "was on leave.")
    for accepted in (None, True):
        with pytest.raises(DomainError, match="sent back"):
            rules.ensure_can_amend_reason(reason_accepted=accepted, lateness_reason="x" * 30)
    with pytest.raises(DomainError, match="a sentence or more"):
        rules.ensure_can_amend_reason(reason_accepted=False, lateness_reason="Leave")
