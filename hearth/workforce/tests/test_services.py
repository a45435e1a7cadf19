"""Workforce and supervision services: each write audited in its transaction, the rules they
refuse, and the case supervision task opened, closed and moved for the team manager."""

import datetime as dt
from decimal import Decimal

import pytest

from hearth.care.tests.factories import period_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.cases.services import child_deallocate
from hearth.cin.tests.factories import plan_for
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.workforce import needs, selectors, services
from hearth.workforce.codes import LevelOfNeed
from hearth.workforce.models import CaseSupervision, Post, PostHolding
from hearth.workforce.tests import factories

pytestmark = pytest.mark.django_db
D = dt.date
TASK = TaskKind.SUPERVISE_CASE


def events(code: str):
    return AuditEvent.objects.filter(event_code=code)


def test_adding_a_post_is_audited_and_the_fte_checked(personas):
    post = services.post_add(team=personas.team_a, reference="sw-101", title="Social Worker",
                             grade="social_worker", fte=Decimal("0.8"),
                             established_on=D(2026, 1, 5), actor=personas.sm_sara)
    assert post.reference == "SW-101" and post.fte == Decimal("0.80")
    event = events("WORKFORCE_POST_ADDED").get()
    assert event.actor == personas.sm_sara and event.detail["fte"] == "0.80"
    for fte in ("0", "1.2", "abc"):
        with pytest.raises(DomainError) as error:
            services.post_add(team=personas.team_a, reference=f"X{fte}", title="Social Worker",
                              grade="social_worker", fte=fte, established_on=D(2026, 1, 5),
                              actor=personas.sm_sara)
        assert error.value.field == "fte"
    with pytest.raises(DomainError, match="already a post SW-101"):
        services.post_add(team=personas.team_a, reference="SW-101", title="Social Worker",
                          grade="social_worker", fte="1", established_on=D(2026, 1, 5),
                          actor=personas.sm_sara)
    assert Post.objects.count() == 1


def test_a_starter_and_a_leaver_are_audited_and_overlaps_refused(personas):
    post = factories.post(personas.team_a, actor=personas.bs_ben)
    holding = services.post_holder_start(post=post, start_date=D(2026, 2, 2),
                                         contract="permanent", user=personas.sw_alice,
                                         actor=personas.bs_ben)
    assert events("WORKFORCE_POST_HOLDER_STARTED").get().target_id == str(holding.pk)
    with pytest.raises(DomainError, match="record them leaving first"):
        services.post_holder_start(post=post, start_date=D(2026, 3, 2), contract="agency",
                                   worker_name="Agency Person", actor=personas.bs_ben)
    other = factories.post(personas.team_a)
    with pytest.raises(DomainError, match="in another post"):
        services.post_holder_start(post=other, start_date=D(2026, 3, 2), contract="permanent",
                                   user=personas.sw_alice, actor=personas.bs_ben)
    with pytest.raises(DomainError) as error:
        services.post_holder_leave(post=post, end_date=D(2026, 1, 30), leaving_reason="resigned",
                                   actor=personas.bs_ben)
    assert error.value.field == "end_date"
    services.post_holder_leave(post=post, end_date=D(2026, 4, 30), leaving_reason="resigned",
                               note="Moving away", actor=personas.bs_ben)
    holding.refresh_from_db()
    assert holding.end_date == D(2026, 4, 30) and holding.is_leaver
    assert events("WORKFORCE_POST_HOLDER_LEFT").get().detail["reason"] == "resigned"
    with pytest.raises(DomainError, match="after the last holder left"):
        services.post_holder_start(post=post, start_date=D(2026, 4, 30), contract="agency",
                                   worker_name="Agency Person", actor=personas.bs_ben)
    services.post_holder_start(post=post, start_date=D(2026, 5, 1), contract="agency",
                               worker_name="Agency Person", actor=personas.bs_ben)
    assert PostHolding.objects.filter(post=post).count() == 2


def test_a_holder_must_be_someone(personas):
    post = factories.post(personas.team_a)
    with pytest.raises(DomainError) as error:
        services.post_holder_start(post=post, start_date=D(2026, 2, 2), contract="agency",
                                   actor=personas.bs_ben)
    assert error.value.field == "user"


def test_asye_dates_and_outcome(personas):
    _post, holding = factories.held(personas.team_a, user=personas.sw_alice,
                                    start=D(2025, 9, 1))
    asye = services.asye_start(holding=holding, started_on=D(2025, 9, 1),
                               actor=personas.sm_sara)
    assert asye.expected_end_on == D(2026, 9, 1)
    assert events("WORKFORCE_ASYE_STARTED").get().detail["expected_end_on"] == "2026-09-01"
    assert list(selectors.asye_current(D(2026, 6, 1))) == [asye]
    with pytest.raises(DomainError, match="already recorded"):
        services.asye_start(holding=holding, started_on=D(2025, 9, 1), actor=personas.sm_sara)
    with pytest.raises(DomainError, match="today or in the past"):
        services.asye_complete(asye=asye, completed_on=D(2026, 9, 1), outcome="passed",
                               actor=personas.sm_sara)
    services.asye_complete(asye=asye, completed_on=D(2026, 5, 29), outcome="passed",
                           actor=personas.sm_sara)
    assert list(selectors.asye_current(D(2026, 6, 1))) == []


def test_asye_is_for_a_social_worker_post(personas):
    _post, holding = factories.held(personas.team_a, user=personas.tm_bob,
                                    grade="team_manager")
    with pytest.raises(DomainError, match="newly qualified"):
        services.asye_start(holding=holding, started_on=D(2025, 9, 1), actor=personas.sm_sara)


def test_staff_supervision_defaults_to_a_month_and_is_audited(personas):
    row = services.staff_supervision_record(worker=personas.sw_alice,
                                            supervised_on=D(2026, 5, 29),
                                            supervisor=personas.tm_bob, actor=personas.tm_bob)
    assert row.next_due_on == D(2026, 6, 29)
    assert events("STAFF_SUPERVISION_RECORDED").get().detail["supervisor"] == "tm_bob"
    with pytest.raises(DomainError, match="themselves"):
        services.staff_supervision_record(worker=personas.tm_bob, supervised_on=D(2026, 5, 29),
                                          supervisor=personas.tm_bob, actor=personas.tm_bob)
    with pytest.raises(DomainError) as error:
        services.staff_supervision_record(worker=personas.sw_alice,
                                          supervised_on=D(2026, 6, 2),
                                          supervisor=personas.tm_bob, actor=personas.tm_bob)
    assert error.value.field == "supervised_on"


def test_case_supervision_is_audited_and_opens_the_next_task_for_the_team_manager(personas):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 3, 2))
    plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))
    row = services.case_supervision_record(child=child, supervised_on=D(2026, 5, 20),
                                           supervisor=personas.tm_bob,
                                           decisions="Visit weekly; review in 6 weeks",
                                           actor=personas.tm_bob)
    assert row.level_of_need == LevelOfNeed.CHILD_IN_NEED
    assert row.next_due_on == D(2026, 7, 1)  # 6 weeks for a child in need plan
    assert (row.worker, row.team) == (personas.sw_alice, personas.team_a)
    event = events("CASE_SUPERVISION_RECORDED").get()
    assert event.child_id == child.pk and event.detail["level_of_need"] == "child_in_need"
    task = StatutoryTask.objects.open().get(kind=TASK, child=child)
    assert (task.due_on, task.assignee, task.team) == (D(2026, 7, 1), personas.tm_bob,
                                                      personas.team_a)
    # The next supervision closes that task (done, in time) and opens the following one.
    services.case_supervision_record(child=child, supervised_on=D(2026, 6, 1),
                                     supervisor=personas.sm_sara, decisions="Step down agreed",
                                     actor=personas.sm_sara)
    done = StatutoryTask.objects.get(pk=task.pk)
    assert done.closed_on == D(2026, 6, 1) and done.was_late is False
    assert StatutoryTask.objects.open().get(kind=TASK, child=child).due_on == D(2026, 7, 13)


def test_an_earlier_supervision_entered_late_does_not_move_the_clock(personas):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    services.case_supervision_record(child=child, supervised_on=D(2026, 5, 20),
                                     supervisor=personas.tm_bob, decisions="Agreed plan",
                                     actor=personas.tm_bob)
    services.case_supervision_record(child=child, supervised_on=D(2026, 4, 20),
                                     supervisor=personas.tm_bob, decisions="Earlier one",
                                     actor=personas.tm_bob)
    assert StatutoryTask.objects.open().get(kind=TASK, child=child).due_on == D(2026, 6, 17)


def test_case_supervision_needs_a_supervisor_decisions_and_an_open_case(personas):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 3, 2))
    for kwargs, field in (({"supervisor": personas.sw_alice}, "supervisor"),
                          ({"decisions": "  "}, "decisions"),
                          ({"supervised_on": D(2026, 2, 27)}, "supervised_on"),
                          ({"supervised_on": D(2026, 6, 2)}, "supervised_on")):
        values = {"supervised_on": D(2026, 5, 20), "supervisor": personas.tm_bob,
                  "decisions": "Agreed", **kwargs}
        with pytest.raises(DomainError) as error:
            services.case_supervision_record(child=child, actor=personas.tm_bob, **values)
        assert error.value.field == field
    assert not CaseSupervision.objects.exists() and not events("CASE_SUPERVISION_RECORDED")


def test_levels_of_need_come_from_the_casework_records(personas):
    in_care = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    period_for(in_care, personas.sw_alice, started_on=D(2026, 4, 1))
    in_need = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    plan_for(in_need, personas.sw_alice, referred_on=D(2026, 4, 1))
    other = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    found = needs.levels_of_need([in_care.pk, in_need.pk, other.pk], on=D(2026, 5, 1))
    assert found == {in_care.pk: LevelOfNeed.LOOKED_AFTER, in_need.pk: LevelOfNeed.CHILD_IN_NEED,
                     other.pk: LevelOfNeed.OTHER}
    assert needs.level_of_need_for(in_care, on=D(2026, 3, 31)) == LevelOfNeed.OTHER


def test_a_local_frequency_changes_the_due_date(personas):
    services.supervision_standard_set(level_of_need="other", interval_weeks=2,
                                      actor=personas.sm_sara)
    assert events("SUPERVISION_STANDARD_SET").get().detail == {"level_of_need": "other",
                                                               "interval_weeks": 2}
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 3, 2))
    row = services.case_supervision_record(child=child, supervised_on=D(2026, 5, 20),
                                           supervisor=personas.tm_bob, decisions="Agreed",
                                           actor=personas.tm_bob)
    assert row.next_due_on == D(2026, 6, 3)
    with pytest.raises(DomainError):
        services.supervision_standard_set(level_of_need="other", interval_weeks=0,
                                          actor=personas.sm_sara)


def test_the_sync_job_opens_moves_and_cancels_supervision_tasks_idempotently(personas):
    never = personas.child_for(personas.sw_alice, allocated_on=D(2026, 4, 6))
    closing = personas.child_for(personas.sw_alice, allocated_on=D(2026, 4, 6))
    first = services.case_supervision_tasks_sync(system_job="tests")
    assert first == {"opened": 2, "moved": 0, "cancelled": 0}
    task = StatutoryTask.objects.open().get(kind=TASK, child=never)
    assert (task.due_on, task.assignee) == (D(2026, 5, 4), personas.tm_bob)  # 4 weeks, overdue
    assert services.case_supervision_tasks_sync(system_job="tests") == {
        "opened": 0, "moved": 0, "cancelled": 0}
    child_deallocate(child=closing, end_date=D(2026, 6, 1), system_job="tests")
    services.supervision_standard_set(level_of_need="other", interval_weeks=6,
                                      actor=personas.sm_sara)
    assert services.case_supervision_tasks_sync(system_job="tests") == {
        "opened": 0, "moved": 1, "cancelled": 1}
    assert StatutoryTask.objects.open().get(kind=TASK, child=never).due_on == D(2026, 5, 18)
    assert events("CASE_SUPERVISION_TASKS_SYNCED").count() == 3


def test_timeliness_by_team(personas):
    team = personas.team_a
    late = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    on_time = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    personas.child_for(personas.sw_alice, allocated_on=D(2026, 5, 25))  # new: not yet due
    personas.child_for(personas.sw_charlie, allocated_on=D(2026, 1, 5))  # team B, never
    for child, day in ((late, D(2026, 4, 1)), (on_time, D(2026, 5, 11))):
        services.case_supervision_record(child=child, supervised_on=day,
                                         supervisor=personas.tm_bob, decisions="Agreed",
                                         actor=personas.tm_bob)
    rows = {r.team: r for r in selectors.supervision_timeliness(D(2026, 6, 1))}
    a, b = rows[team], rows[personas.team_b]
    assert (a.open_cases, a.in_time, a.overdue, a.never_supervised) == (3, 2, 1, 1)
    assert a.percent == Decimal("66.7") and a.meets_target is False
    assert (b.open_cases, b.in_time, b.percent) == (1, 0, Decimal("0.0"))
    total = selectors.timeliness_total(list(rows.values()))
    assert (total.open_cases, total.in_time) == (4, 2)
