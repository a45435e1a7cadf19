"""The services: every write audited, the statutory tasks opened, moved and closed, and what
makes no sense refused."""

import datetime as dt

import pytest
from django.test import override_settings

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.court import selectors, services
from hearth.court.codes import PanelDecision, Stage
from hearth.court.tests.factories import (
    final_order,
    hearing,
    panel,
    pre_proceedings,
    proceedings,
    to_issue,
)

pytestmark = pytest.mark.django_db
D = dt.date


def open_tasks(kind):
    return list(StatutoryTask.objects.open().filter(kind=kind))


def codes():
    return list(AuditEvent.objects.filter(event_code__in=[
        "LEGAL_GATEWAY_PANEL_RECORDED", "PRE_PROCEEDINGS_LETTER_SENT",
        "PRE_PROCEEDINGS_MEETING_RECORDED", "PRE_PROCEEDINGS_OUTCOME_RECORDED",
        "CARE_PROCEEDINGS_ISSUED", "COURT_HEARING_RECORDED", "INTERIM_ORDER_RECORDED",
        "PROCEEDINGS_EXTENDED", "FINAL_ORDER_RECORDED"]).order_by("id")
        .values_list("event_code", flat=True))


def test_a_panel_deciding_on_pre_proceedings_opens_one_case_for_the_sibling_group(
        personas, child):
    brother = personas.child_for(personas.sw_alice)
    recorded = panel(child, personas, on=D(2026, 5, 4), siblings=[brother])

    legal_case = recorded.legal_case
    assert legal_case.stage == Stage.PRE_PROCEEDINGS
    assert set(selectors.children_of(legal_case)) == {child, brother}
    assert (legal_case.pp_started_on, legal_case.pp_due_on) == (D(2026, 5, 4), D(2026, 8, 24))
    [task] = open_tasks(TaskKind.DECIDE_PRE_PROCEEDINGS)
    assert (task.child, task.due_on, task.worker) == (child, D(2026, 8, 24), personas.sw_alice)
    event = AuditEvent.objects.get(event_code="LEGAL_GATEWAY_PANEL_RECORDED")
    assert (event.child_id, event.detail["decision"]) == (child.pk, "pre_proceedings")


@override_settings(HEARTH_PRE_PROCEEDINGS_WEEKS=12)
def test_the_pre_proceedings_timescale_is_a_local_setting(personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 5, 4))
    assert legal_case.pp_due_on == D(2026, 7, 27)
    assert legal_case.pp_rule == "PLO pre-proceedings 12 weeks (local) v1"


def test_no_further_action_records_the_decision_without_a_case(personas, child):
    recorded = panel(child, personas, on=D(2026, 5, 4), decision=PanelDecision.NO_FURTHER_ACTION)
    assert recorded.legal_case is None
    assert selectors.cases_for_child(child, today=D(2026, 6, 1)) == []
    assert selectors.panels_for_child(child) == [recorded]


def test_a_child_already_in_an_open_case_is_refused_a_second(personas, child):
    pre_proceedings(child, personas, on=D(2026, 5, 4))
    with pytest.raises(DomainError, match="already in an open case"):
        panel(personas.child_for(personas.sw_alice), personas, on=D(2026, 5, 5),
              decision=PanelDecision.ISSUE, siblings=[child])


def test_a_panel_chaired_by_someone_who_cannot_chair_it_is_refused(personas, child):
    with pytest.raises(DomainError, match="Choose a manager who chairs"):
        services.panel_record(lead_child=child, held_on=D(2026, 5, 4), decision="nfa",
                              chair=personas.sw_alice, reasons="x", actor=personas.tm_bob)


def test_a_panel_in_the_future_or_about_an_adult_is_refused(personas, child):
    with pytest.raises(DomainError, match="today or in the past"):
        panel(child, personas, on=D(2026, 6, 2))
    adult = personas.child_for(personas.sw_alice)
    adult.is_child = False
    adult.save(update_fields=["is_child"])
    with pytest.raises(DomainError, match="not a child's"):
        panel(adult, personas, on=D(2026, 5, 4))


def test_pre_proceedings_run_to_an_outcome_that_closes_the_task(personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 4, 6))
    services.letter_before_proceedings_send(legal_case=legal_case, sent_on=D(2026, 4, 8),
                                            fgdm_offered=True, actor=personas.sw_alice)
    services.pre_proceedings_meeting_record(legal_case=legal_case, kind="initial",
                                            held_on=D(2026, 4, 20), attended="Parents, SW",
                                            actor=personas.sw_alice)
    services.pre_proceedings_meeting_record(legal_case=legal_case, kind="review",
                                            held_on=D(2026, 5, 18), attended="Parents, SW",
                                            actor=personas.sw_alice)
    ended = services.pre_proceedings_outcome_record(legal_case=legal_case, outcome="step_down",
                                                    decided_on=D(2026, 5, 29),
                                                    actor=personas.tm_bob)

    assert (ended.stage, ended.ended_on, ended.clock_due_on) == (Stage.ENDED, D(2026, 5, 29),
                                                                  None)
    task = StatutoryTask.objects.get(kind=TaskKind.DECIDE_PRE_PROCEEDINGS)
    assert (task.closed_on, task.cancelled) == (D(2026, 5, 29), False)
    assert codes() == ["LEGAL_GATEWAY_PANEL_RECORDED", "PRE_PROCEEDINGS_LETTER_SENT",
                       "PRE_PROCEEDINGS_MEETING_RECORDED", "PRE_PROCEEDINGS_MEETING_RECORDED",
                       "PRE_PROCEEDINGS_OUTCOME_RECORDED"]
    with pytest.raises(DomainError, match="ended on 29 May 2026"):
        services.pre_proceedings_meeting_record(legal_case=legal_case, kind="review",
                                                held_on=D(2026, 5, 30), attended="SW",
                                                actor=personas.sw_alice)


def test_the_letter_is_sent_once_and_not_before_pre_proceedings_started(personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 5, 4))
    with pytest.raises(DomainError, match="on or after the decision to start"):
        services.letter_before_proceedings_send(legal_case=legal_case, sent_on=D(2026, 5, 1),
                                                fgdm_offered=False, actor=personas.sw_alice)
    services.letter_before_proceedings_send(legal_case=legal_case, sent_on=D(2026, 5, 5),
                                            fgdm_offered=False, actor=personas.sw_alice)
    with pytest.raises(DomainError, match="already sent on 5 May 2026"):
        services.letter_before_proceedings_send(legal_case=legal_case, sent_on=D(2026, 5, 6),
                                                fgdm_offered=False, actor=personas.sw_alice)


def test_issuing_starts_the_26_weeks_and_extensions_move_the_task(personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2025, 12, 1),
                             issued_on=D(2025, 12, 8))
    [task] = open_tasks(TaskKind.CONCLUDE_CARE_PROCEEDINGS)
    assert task.due_on == D(2026, 6, 8) == legal_case.proceedings_due_on

    services.extension_record(legal_case=legal_case, granted_on=D(2026, 5, 20), weeks=8,
                              reason="Expert assessment of the father", actor=personas.sw_alice)
    services.extension_record(legal_case=legal_case, granted_on=D(2026, 5, 27), weeks=2,
                              reason="Court availability", actor=personas.sw_alice)

    task.refresh_from_db()
    legal_case.refresh_from_db()
    assert task.due_on == D(2026, 8, 17) == legal_case.proceedings_due_on
    assert legal_case.clock_due_on == D(2026, 8, 17)  # the tracker's order follows it
    assert task.rule == "CA 1989 s32(1)(a) 26 weeks + 2 extensions v1"
    with pytest.raises(DomainError, match="1 to 8 weeks"):
        services.extension_record(legal_case=legal_case, granted_on=D(2026, 5, 28), weeks=9,
                                  reason="Too long", actor=personas.sw_alice)


def test_an_application_needs_the_decision_to_issue(personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 4, 6))
    with pytest.raises(DomainError, match="decision to issue care proceedings"):
        services.application_record(legal_case=legal_case, issued_on=D(2026, 5, 1),
                                    court="Family Court", application_type="care_order",
                                    actor=personas.sw_alice)
    services.pre_proceedings_outcome_record(legal_case=legal_case, outcome="issue",
                                            decided_on=D(2026, 5, 11), actor=personas.tm_bob)
    with pytest.raises(DomainError, match=r"on or after the decision to issue \(11 May 2026\)"):
        services.application_record(legal_case=legal_case, issued_on=D(2026, 5, 8),
                                    court="Family Court", application_type="care_order",
                                    actor=personas.sw_alice)
    issued = services.application_record(legal_case=legal_case, issued_on=D(2026, 5, 12),
                                          court="Family Court", application_type="care_order",
                                          parents_letter_on=D(2026, 5, 13),
                                          actor=personas.sw_alice)
    assert issued.stage == Stage.PROCEEDINGS


def test_a_hearing_before_the_application_or_with_a_next_hearing_before_it_is_refused(
        personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 4, 1), issued_on=D(2026, 4, 7))
    with pytest.raises(DomainError, match=r"on or after the application was issued"):
        hearing(legal_case, personas, on=D(2026, 4, 6))
    with pytest.raises(DomainError, match="next hearing must be after this one"):
        hearing(legal_case, personas, on=D(2026, 4, 20), next_on=D(2026, 4, 20))
    with pytest.raises(DomainError, match="today or in the past"):
        hearing(legal_case, personas, on=D(2026, 6, 2))


def test_the_latest_hearing_sets_the_next_hearing(personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 4, 1), issued_on=D(2026, 4, 7))
    hearing(legal_case, personas, on=D(2026, 5, 1), next_on=D(2026, 7, 1))
    hearing(legal_case, personas, on=D(2026, 4, 10), next_on=D(2026, 5, 1), next_kind="cmh")
    legal_case.refresh_from_db()
    assert (legal_case.next_hearing_on, legal_case.next_hearing_kind) == (D(2026, 7, 1), "irh")


def test_the_final_order_ends_the_case_closes_the_task_and_refuses_a_second(personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 1, 1), issued_on=D(2026, 1, 5))
    services.interim_order_record(legal_case=legal_case, kind="ico", made_on=D(2026, 1, 6),
                                  actor=personas.sw_alice)
    ended = final_order(legal_case, personas, on=D(2026, 5, 29))

    assert (ended.stage, ended.final_order_on, ended.ended_on) == (
        Stage.ENDED, D(2026, 5, 29), D(2026, 5, 29))
    task = StatutoryTask.objects.get(kind=TaskKind.CONCLUDE_CARE_PROCEEDINGS)
    assert (task.closed_on, task.cancelled) == (D(2026, 5, 29), False)
    assert AuditEvent.objects.get(event_code="FINAL_ORDER_RECORDED").detail["weeks"] == 20.6
    with pytest.raises(DomainError, match="ended on 29 May 2026"):
        final_order(legal_case, personas, on=D(2026, 5, 30))


def test_the_tab_prompts_a_legal_status_change_without_touching_care(personas, child):
    from hearth.care import services as care
    from hearth.care.models import CareEpisode

    care.care_period_start(child=child, started_on=D(2026, 1, 2), legal_status="V2",
                           category_of_need="N1", placement=care.Placement(
                               placement_type="U6", provision="registered",
                               placement_postcode="ZZ1 1AA", provider_type="PR1",
                               urn="XXXXXXX", home_postcode="ZZ9 9ZZ"),
                           actor=personas.sw_alice)
    legal_case = proceedings(child, personas, decided_on=D(2026, 1, 1), issued_on=D(2026, 1, 5))
    services.interim_order_record(legal_case=legal_case, kind="ico", made_on=D(2026, 1, 6),
                                  actor=personas.sw_alice)

    [summary] = selectors.cases_for_child(child, today=D(2026, 6, 1))
    [(prompted, prompt)] = summary.prompts
    assert (prompted, prompt.expected, prompt.current) == (child, "C1", "V2")
    assert CareEpisode.objects.get(child=child).legal_status == "V2"


def test_concluded_figures_read_the_period(personas, child):
    within = proceedings(child, personas, decided_on=D(2025, 9, 1), issued_on=D(2025, 9, 1))
    final_order(within, personas, on=D(2026, 3, 2))  # exactly 26 weeks
    other = personas.child_for(personas.sw_alice)
    late = proceedings(other, personas, decided_on=D(2025, 4, 1), issued_on=D(2025, 4, 7))
    final_order(late, personas, on=D(2026, 5, 4))  # 56 weeks
    figures = selectors.concluded_figures(start=D(2026, 1, 1), end=D(2026, 5, 31))
    assert (figures.concluded, figures.within_26_weeks, figures.average_weeks) == (2, 1, 41.0)
    assert selectors.concluded_figures(start=D(2026, 4, 1), end=D(2026, 5, 31)).concluded == 1


def test_the_census_module_gives_pre_proceedings_started_in_the_year(personas, child):
    last_year = pre_proceedings(child, personas, on=D(2026, 3, 2))
    services.pre_proceedings_outcome_record(legal_case=last_year, outcome="step_down",
                                            decided_on=D(2026, 3, 30), actor=personas.tm_bob)
    this_year = pre_proceedings(child, personas, on=D(2026, 4, 1))
    services.letter_before_proceedings_send(legal_case=this_year, sent_on=D(2026, 4, 2),
                                            fgdm_offered=True, actor=personas.sw_alice)

    [module] = selectors.census_pre_proceedings(child, year=2026)
    assert (module["PPStartDate"], module["LBPSentDate"], module["FGDMMeetingOffer"]) == (
        D(2026, 4, 1), D(2026, 4, 2), 1)
    assert module["FGDMMeetingFac"] == 0
    [earlier] = selectors.census_pre_proceedings(child, year=2025)
    assert (earlier["PPOutcome"], earlier["StepDecisionDate"]) == ("A", D(2026, 3, 30))


def test_the_tracker_filters_by_stage_team_and_over(personas, child):
    over = proceedings(child, personas, decided_on=D(2025, 10, 1), issued_on=D(2025, 10, 1))
    charlie_child = personas.child_for(personas.sw_charlie)
    fresh = pre_proceedings(charlie_child, personas, on=D(2026, 5, 20))
    to_issue(personas.child_for(personas.sw_alice), personas, on=D(2026, 5, 1))  # not listed

    today = D(2026, 6, 1)
    assert list(selectors.tracker_cases(today=today)) == [over, fresh]  # soonest due first
    assert list(selectors.tracker_cases(today=today, sort="opened")) == [fresh, over]
    assert list(selectors.tracker_cases(today=today, over_only=True)) == [over]
    assert list(selectors.tracker_cases(today=today, stage=Stage.PRE_PROCEEDINGS)) == [fresh]
    assert list(selectors.tracker_cases(today=today, team=personas.team_b)) == [fresh]
    counts = selectors.tracker_counts(today=today)
    assert (counts.pre_proceedings, counts.proceedings, counts.over) == (1, 1, 1)
