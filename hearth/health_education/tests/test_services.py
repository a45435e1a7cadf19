"""Tasks opened when care starts, closed and reopened as each record is made, closed when care
ends; every record audited; the rules refused inside the services too."""

import datetime as dt

import pytest

from hearth.care import services as care
from hearth.care.tests.factories import period_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.health_education import selectors, services
from hearth.health_education.models import HealthCheck

pytestmark = pytest.mark.django_db
D = dt.date


def open_tasks(period) -> dict[str, StatutoryTask]:
    return {t.kind: t for t in StatutoryTask.objects.open().filter(
        source_type="care.CarePeriod", source_id=period.pk,
        kind__in=services.KINDS)}


def test_becoming_looked_after_opens_the_health_and_education_tasks(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 2))
    tasks = open_tasks(period)
    assert {k: t.due_on for k, t in tasks.items()} == {
        TaskKind.INITIAL_HEALTH_ASSESSMENT: D(2026, 5, 5),  # 20 WD over Easter
        TaskKind.DENTAL_CHECK: D(2027, 4, 2),
        TaskKind.SDQ: D(2027, 4, 2),
        TaskKind.PERSONAL_EDUCATION_PLAN: D(2026, 4, 20),  # 10 WD
    }
    assert (tasks[TaskKind.INITIAL_HEALTH_ASSESSMENT].rule
            == "Initial health assessment within 20 WD v1")
    assert tasks[TaskKind.PERSONAL_EDUCATION_PLAN].worker == personas.sw_alice


def test_a_baby_has_no_pep_or_sdq_yet_due_but_their_clocks_wait_for_the_birthday(personas):
    baby = personas.child_for(personas.sw_alice, date_of_birth=D(2026, 1, 10))
    period = period_for(baby, personas.sw_alice, started_on=D(2026, 5, 1))
    tasks = open_tasks(period)
    assert tasks[TaskKind.SDQ].due_on == D(2030, 1, 10)  # the 4th birthday
    assert tasks[TaskKind.PERSONAL_EDUCATION_PLAN].due_on == D(2030, 9, 13)


def test_a_17_year_old_has_no_sdq_or_pep(personas):
    teen = personas.child_for(personas.sw_alice, date_of_birth=D(2009, 3, 1))
    period = period_for(teen, personas.sw_alice, started_on=D(2026, 5, 1))
    assert set(open_tasks(period)) == {TaskKind.INITIAL_HEALTH_ASSESSMENT,
                                       TaskKind.DENTAL_CHECK}


def test_the_initial_assessment_closes_its_task_and_opens_the_review(personas, child):
    sw = personas.sw_alice
    period = period_for(child, sw, started_on=D(2026, 4, 2))
    services.health_check_record(period=period, kind="initial", done_on=D(2026, 4, 28),
                                 carried_out_by="Paediatrician", actor=sw)
    done = StatutoryTask.objects.get(kind=TaskKind.INITIAL_HEALTH_ASSESSMENT)
    assert done.closed_on == D(2026, 4, 28) and done.closed_by == sw and not done.cancelled
    review = open_tasks(period)[TaskKind.REVIEW_HEALTH_ASSESSMENT]
    assert review.due_on == D(2027, 4, 28)  # aged 9: 12 months
    event = AuditEvent.objects.get(event_code="HEALTH_CHECK_RECORDED")
    assert event.child_id == child.pk and event.actor == sw
    assert event.detail == {"period": period.pk, "kind": "initial", "done_on": "2026-04-28"}

    services.health_check_record(period=period, kind="review", done_on=D(2026, 5, 20),
                                 carried_out_by="LAC nurse", actor=sw)
    assert open_tasks(period)[TaskKind.REVIEW_HEALTH_ASSESSMENT].due_on == D(2027, 5, 20)
    assert StatutoryTask.objects.filter(kind=TaskKind.REVIEW_HEALTH_ASSESSMENT).count() == 2


def test_an_under_5_is_reviewed_at_6_months(personas):
    toddler = personas.child_for(personas.sw_alice, date_of_birth=D(2023, 1, 1))
    period = period_for(toddler, personas.sw_alice, started_on=D(2026, 3, 2))
    services.health_check_record(period=period, kind="initial", done_on=D(2026, 3, 20),
                                 carried_out_by="Paediatrician", actor=personas.sw_alice)
    task = open_tasks(period)[TaskKind.REVIEW_HEALTH_ASSESSMENT]
    assert (task.due_on, task.rule) == (D(2026, 9, 20),
                                        "Review health assessment within 6 months v1")


def test_a_back_dated_dental_check_does_not_move_the_clock_back(personas, child):
    sw = personas.sw_alice
    period = period_for(child, sw, started_on=D(2026, 1, 5))
    services.health_check_record(period=period, kind="dental", done_on=D(2026, 5, 1),
                                 carried_out_by="Dentist", actor=sw)
    services.health_check_record(period=period, kind="dental", done_on=D(2026, 2, 1),
                                 carried_out_by="Dentist", actor=sw)
    assert open_tasks(period)[TaskKind.DENTAL_CHECK].due_on == D(2027, 5, 1)


def test_sdq_and_pep_close_their_tasks_and_open_the_next(personas, child):
    sw = personas.sw_alice
    period = period_for(child, sw, started_on=D(2026, 1, 5))
    services.sdq_record(period=period, completed_on=D(2026, 3, 1), score=14, actor=sw)
    assert open_tasks(period)[TaskKind.SDQ].due_on == D(2027, 3, 1)
    services.pep_record(period=period, held_on=D(2026, 1, 15), school="Synthetic Primary",
                        chaired_by_child=False, actor=sw)
    task = open_tasks(period)[TaskKind.PERSONAL_EDUCATION_PLAN]
    assert (task.due_on, task.rule) == (D(2026, 8, 31), "PEP each term v1")
    assert AuditEvent.objects.filter(event_code__in=["SDQ_RECORDED", "PEP_RECORDED"],
                                     child_id=child.pk).count() == 2


def test_ending_care_closes_the_open_tasks_and_refuses_new_records(personas, child):
    sw = personas.sw_alice
    period = period_for(child, sw, started_on=D(2026, 1, 5))
    care.care_end(period=period, ended_on=D(2026, 5, 1), reason="E4A", actor=sw)
    assert open_tasks(period) == {}
    closed = StatutoryTask.objects.filter(kind__in=services.KINDS)
    assert closed.count() == 4 and all(t.cancelled and t.closed_on == D(2026, 5, 1)
                                       for t in closed)
    period.refresh_from_db()
    with pytest.raises(DomainError, match="ended on 1 May 2026"):
        services.immunisations_record(period=period, as_at=D(2026, 5, 1), up_to_date=True,
                                      actor=sw)


def test_the_close_listener_closes_only_this_apps_tasks(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 1, 5))
    period.ended_on = D(2026, 5, 1)
    assert services.close_clocks(period, actor=personas.sw_alice) == 4
    assert StatutoryTask.objects.open().filter(kind=TaskKind.HOLD_CLA_REVIEW).exists()


@pytest.mark.parametrize(("values", "field", "message"), [
    ({"kind": "initial", "done_on": D(2026, 6, 2)}, "done_on", "today or in the past"),
    ({"kind": "initial", "done_on": D(2026, 1, 4)}, "done_on", "became looked after"),
    ({"kind": "review", "done_on": D(2026, 2, 1)}, "kind", "initial health assessment first"),
    ({"kind": "initial", "done_on": D(2026, 2, 1), "carried_out_by": " "}, "carried_out_by",
     "who carried it out"),
])
def test_health_checks_are_refused_when_they_break_a_rule(personas, child, values, field,
                                                          message):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 1, 5))
    with pytest.raises(DomainError, match=message) as error:
        services.health_check_record(period=period, actor=personas.sw_alice,
                                     **{"carried_out_by": "Nurse", **values})
    assert error.value.field == field
    assert not HealthCheck.objects.exists()


def test_one_initial_assessment_per_period(personas, child):
    sw = personas.sw_alice
    period = period_for(child, sw, started_on=D(2026, 1, 5))
    services.health_check_record(period=period, kind="initial", done_on=D(2026, 2, 1),
                                 carried_out_by="Paediatrician", actor=sw)
    with pytest.raises(DomainError, match="record a review"):
        services.health_check_record(period=period, kind="initial", done_on=D(2026, 2, 2),
                                     carried_out_by="Paediatrician", actor=sw)


def test_the_oc2_facts_come_from_the_records(personas):
    sw = personas.sw_alice
    child = personas.child_for(sw, date_of_birth=D(2014, 6, 1))
    period = period_for(child, sw, started_on=D(2025, 3, 3))
    services.health_check_record(period=period, kind="initial", done_on=D(2025, 3, 20),
                                 carried_out_by="Paediatrician", actor=sw)
    services.health_check_record(period=period, kind="dental", done_on=D(2025, 11, 1),
                                 carried_out_by="Dentist", actor=sw)
    services.immunisations_record(period=period, as_at=D(2026, 3, 1), up_to_date=False,
                                  actor=sw)
    services.sdq_record(period=period, completed_on=D(2026, 2, 1), score=None, reason="SDQ2",
                        actor=sw)
    facts = selectors.oc2_facts(child, year_end=D(2026, 3, 31))
    assert facts.continuously_looked_after
    assert (facts.health_assessment, facts.teeth_check, facts.immunisations) == (0, 1, 0)
    assert (facts.sdq_score, facts.sdq_reason) == (None, "SDQ2")
    assert selectors.oc2_facts(child, year_end=D(2025, 3, 31)).health_assessment == 1
    assert not selectors.oc2_facts(child, year_end=D(2025, 3, 31)).continuously_looked_after
