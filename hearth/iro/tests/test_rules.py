"""The pure rules: response deadlines at their boundaries, stage order, refusals, quarters."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.iro import rules
from hearth.iro.codes import Stage
from hearth.iro.tests.factories import timescales_calendar

D = dt.date


@pytest.mark.parametrize(("stage", "started_on", "due_on"), [
    (Stage.INFORMAL, D(2026, 6, 1), D(2026, 6, 8)),            # Monday: next Monday
    (Stage.INFORMAL, D(2026, 4, 2), D(2026, 4, 13)),           # across Good Friday and Easter
    (Stage.TEAM_MANAGER, D(2026, 12, 22), D(2026, 12, 31)),    # across Christmas and Boxing Day
    (Stage.HEAD_OF_SERVICE, D(2026, 5, 22), D(2026, 6, 1)),    # Friday, across 25 May
    (Stage.DIRECTOR, D(2026, 12, 11), D(2026, 12, 29)),        # 10 WD, over Christmas
])
def test_the_response_is_due_on_the_nth_working_day(stage, started_on, due_on):
    assert rules.response_due_on(stage=stage, started_on=started_on,
                                 calendar=timescales_calendar()) == due_on


def test_the_rule_names_the_stage_and_its_working_days():
    assert rules.response_rule(Stage.DIRECTOR) == "IRO challenge formal_4 response 10 WD v1"


def test_stages_go_up_the_line_and_stop_at_the_director():
    assert rules.next_stage(Stage.INFORMAL) == Stage.TEAM_MANAGER
    assert rules.next_stage(Stage.HEAD_OF_SERVICE) == Stage.DIRECTOR
    assert rules.next_stage(Stage.DIRECTOR) is None


def test_a_challenge_cannot_be_raised_in_the_future():
    rules.ensure_can_raise(raised_on=D(2026, 6, 1), today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="today or in the past") as error:
        rules.ensure_can_raise(raised_on=D(2026, 6, 2), today=D(2026, 6, 1))
    assert error.value.field == "raised_on"


def _respond(**overrides):
    values = dict(resolved_on=None, stage_started_on=D(2026, 5, 4), already_responded_on=None,
                  responded_on=D(2026, 5, 4), today=D(2026, 6, 1),
                  responder_is_addressee=True, addressee="Bob Team-Manager")
    rules.ensure_can_respond(**(values | overrides))


def test_a_response_on_the_day_the_stage_started_is_allowed():
    _respond()


@pytest.mark.parametrize(("overrides", "message"), [
    ({"responded_on": D(2026, 5, 3)}, "cannot be before the challenge reached this stage on "
                                      "4 May 2026"),
    ({"responded_on": D(2026, 6, 2)}, "must be today or in the past"),
    ({"responder_is_addressee": False}, "addressed to Bob Team-Manager: only they"),
    ({"already_responded_on": D(2026, 5, 5)}, "already has a response, given on 5 May 2026"),
    ({"resolved_on": D(2026, 5, 20)}, "resolved on 20 May 2026: it is closed"),
])
def test_a_response_is_refused_when_it_makes_no_sense(overrides, message):
    with pytest.raises(DomainError, match=message):
        _respond(**overrides)


def test_escalation_moves_to_the_next_stage_but_not_beyond_the_last():
    assert rules.ensure_can_escalate(resolved_on=None, stage=Stage.INFORMAL,
                                     last_activity_on=D(2026, 5, 4), escalated_on=D(2026, 5, 4),
                                     today=D(2026, 6, 1)) == Stage.TEAM_MANAGER
    with pytest.raises(DomainError, match="last stage"):
        rules.ensure_can_escalate(resolved_on=None, stage=Stage.DIRECTOR,
                                  last_activity_on=D(2026, 5, 4), escalated_on=D(2026, 5, 5),
                                  today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="cannot be before the current stage's last step"):
        rules.ensure_can_escalate(resolved_on=None, stage=Stage.INFORMAL,
                                  last_activity_on=D(2026, 5, 4), escalated_on=D(2026, 5, 3),
                                  today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="today or in the past"):
        rules.ensure_can_escalate(resolved_on=None, stage=Stage.INFORMAL,
                                  last_activity_on=D(2026, 5, 4), escalated_on=D(2026, 6, 2),
                                  today=D(2026, 6, 1))


def test_resolving_twice_before_the_last_step_or_in_the_future_is_refused():
    rules.ensure_can_resolve(resolved_on=None, last_activity_on=D(2026, 5, 4),
                             resolving_on=D(2026, 5, 4), today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="already resolved on 10 May 2026"):
        rules.ensure_can_resolve(resolved_on=D(2026, 5, 10), last_activity_on=D(2026, 5, 4),
                                 resolving_on=D(2026, 5, 11), today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="before its last step on 4 May 2026"):
        rules.ensure_can_resolve(resolved_on=None, last_activity_on=D(2026, 5, 4),
                                 resolving_on=D(2026, 5, 3), today=D(2026, 6, 1))
    with pytest.raises(DomainError, match="today or in the past"):
        rules.ensure_can_resolve(resolved_on=None, last_activity_on=D(2026, 5, 4),
                                 resolving_on=D(2026, 6, 2), today=D(2026, 6, 1))


def test_quarters_are_financial_year_quarters():
    q4 = rules.quarter_of(D(2026, 3, 31))
    assert (q4.start, q4.end, q4.key) == (D(2026, 1, 1), D(2026, 3, 31), "2026-01")
    assert q4.label == "2025-26 quarter 4: 1 January 2026 to 31 March 2026"
    assert rules.quarter_of(D(2026, 4, 1)).label.startswith("2026-27 quarter 1")
    assert rules.quarter_of(D(2025, 12, 31)).end == D(2025, 12, 31)
    assert q4.previous() == rules.quarter_of(D(2025, 10, 1))
    assert rules.quarter_from_key("2026-04") == rules.quarter_of(D(2026, 5, 5))
    assert rules.quarter_from_key("2026-05") is None
    assert rules.quarter_from_key("nonsense") is None


def _stage(stage, started, due, responded=None):
    return rules.StageFacts(stage=stage, started_on=started, response_due_on=due,
                            responded_on=responded)


def test_quarter_figures_count_at_the_quarters_edges():
    quarter = rules.quarter_of(D(2026, 1, 1))
    on_first_day = rules.ChallengeFacts(
        reason="contact", raised_on=D(2026, 1, 1), resolved_on=D(2026, 3, 31),
        stages=(_stage(Stage.INFORMAL, D(2026, 1, 1), D(2026, 3, 31), D(2026, 3, 31)),))
    day_before = rules.ChallengeFacts(
        reason="contact", raised_on=D(2025, 12, 31), resolved_on=D(2026, 4, 1),
        stages=(_stage(Stage.INFORMAL, D(2025, 12, 31), D(2026, 4, 1)),))

    figures = rules.quarter_figures([on_first_day, day_before], quarter)

    assert (figures.raised, figures.resolved, figures.open_at_end) == (1, 1, 1)
    assert figures.started_by_reason == {"contact": {Stage.INFORMAL: 1}}
    assert (figures.responses_due, figures.responded_in_time) == (1, 1)
    assert figures.resolved_informally_percent == 100.0
    assert figures.average_days_to_resolve == 89.0


def test_an_empty_quarter_has_no_percentages():
    figures = rules.quarter_figures([], rules.quarter_of(D(2026, 1, 1)))
    assert (figures.resolved_informally_percent, figures.responded_in_time_percent,
            figures.average_days_to_resolve) == (None, None, None)


def test_a_challenge_is_about_a_child():
    rules.ensure_child(is_child=True)
    with pytest.raises(DomainError, match="not a child's"):
        rules.ensure_child(is_child=False)
