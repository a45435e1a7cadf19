"""The child in need plan services: review and visit clocks, audit, and clear refusals."""

import datetime as dt

import pytest

from hearth.cases.chronology import chronology_for
from hearth.cases.models import StatutoryTask, TaskKind, Visit
from hearth.cin import selectors, services
from hearth.cin.models import CinPlan
from hearth.cin.tests.factories import plan_for, referral_for
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent, LocalAuthority
from hearth.frontdoor.services import referral_close

pytestmark = pytest.mark.django_db
D = dt.date


def tasks_of(plan, *, kind: str) -> list[StatutoryTask]:
    return list(StatutoryTask.objects.filter(kind=kind, source_type="cin.CinPlan",
                                             source_id=plan.pk).order_by("opened_at", "id"))


def open_task(plan, kind: str) -> StatutoryTask:
    return StatutoryTask.objects.open().get(kind=kind, source_type="cin.CinPlan",
                                            source_id=plan.pk)


def events(child, code: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(child_id=child.pk, event_code=code))


def visit(plan, actor, on: dt.date, *, seen: bool = True):
    return services.cin_plan_visit(plan=plan, actor=actor, visited_on=on, child_seen=seen,
                                   seen_alone=seen)


# ---- Starting ---------------------------------------------------------------------------------


def test_starting_opens_the_review_and_visit_clocks(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 23),
                    started_on=D(2026, 3, 26))

    # 12 weeks (calendar) and 20 working days (Good Friday and Easter Monday skipped).
    assert (plan.review_due_on, plan.visit_due_on) == (D(2026, 6, 18), D(2026, 4, 27))
    review, visit_task = (open_task(plan, TaskKind.REVIEW_CIN_PLAN),
                          open_task(plan, TaskKind.VISIT_CIN))
    assert (review.due_on, review.rule) == (D(2026, 6, 18), "CIN review every 12 weeks v1")
    assert (visit_task.due_on, visit_task.rule) == (D(2026, 4, 27), "CIN visit every 20 WD v1")
    assert visit_task.worker == personas.sw_alice
    [event] = events(child, "CIN_PLAN_STARTED")
    assert event.detail["visit_due_on"] == "2026-04-27"


def test_the_authoritys_own_intervals_set_the_clocks(personas, child):
    LocalAuthority.objects.create(name="Test Borough", la_code="999", population_0_17=1000,
                                  population_year=2025, cin_review_interval_weeks=6,
                                  cin_visit_interval_working_days=10)

    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 4, 24))

    assert (plan.review_due_on, plan.visit_due_on) == (D(2026, 6, 5), D(2026, 5, 11))
    assert plan.visit_rule == "CIN visit every 10 WD v1"


def test_a_child_has_one_open_plan_at_a_time(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    with pytest.raises(DomainError) as refused:
        services.cin_plan_start(referral=plan.referral, started_on=D(2026, 4, 1),
                                actor=personas.sw_alice)

    assert refused.value.message == ("The child already has a child in need plan, started "
                                     "2 March 2026: end it before starting another")
    assert CinPlan.objects.count() == 1


def test_a_plan_cannot_start_before_the_referral(personas, child):
    referral = referral_for(child, on=D(2026, 3, 2))

    with pytest.raises(DomainError, match="cannot start before the referral on 2 March 2026"):
        services.cin_plan_start(referral=referral, started_on=D(2026, 3, 1),
                                actor=personas.sw_alice)
    assert not StatutoryTask.objects.exists()


def test_a_closed_episode_cannot_get_a_plan(personas, child):
    referral = referral_for(child, on=D(2026, 3, 2))
    referral_close(referral=referral, actor=personas.tm_bob, closed_on=D(2026, 3, 6),
                   closure_reason="RC7")

    with pytest.raises(DomainError, match="closed on 6 March 2026: a closed episode"):
        services.cin_plan_start(referral=referral, started_on=D(2026, 3, 6),
                                actor=personas.sw_alice)


# ---- Reviews ----------------------------------------------------------------------------------


def test_a_review_closes_the_review_task_and_opens_the_next_from_its_date(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 2, 2))  # review due 27 Apr

    services.cin_plan_review(plan=plan, actor=personas.sw_alice, reviewed_on=D(2026, 4, 28),
                             note="Parenting course going well")

    done, following = tasks_of(plan, kind=TaskKind.REVIEW_CIN_PLAN)
    assert (done.due_on, done.closed_on, done.was_late) == (D(2026, 4, 27), D(2026, 4, 28), True)
    assert (following.due_on, following.closed_at) == (D(2026, 7, 21), None)
    plan.refresh_from_db()
    assert plan.review_due_on == D(2026, 7, 21)
    assert events(child, "CIN_PLAN_REVIEWED")[0].detail["review_due_on"] == "2026-07-21"


def test_a_review_entered_late_does_not_move_the_clock(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 2, 2))
    services.cin_plan_review(plan=plan, actor=personas.sw_alice, reviewed_on=D(2026, 4, 20))

    services.cin_plan_review(plan=plan, actor=personas.sw_alice, reviewed_on=D(2026, 3, 16))

    assert open_task(plan, TaskKind.REVIEW_CIN_PLAN).due_on == D(2026, 7, 13)
    assert plan.reviews.count() == 2


# ---- Visits -----------------------------------------------------------------------------------


def test_a_visit_that_saw_the_child_restarts_the_visit_clock(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2025, 12, 12))

    saved = visit(plan, personas.sw_alice, D(2026, 1, 9))

    assert (saved.plan, saved.plan_id, saved.child_seen, saved.seen_alone) == (
        Visit.Plan.CHILD_IN_NEED, plan.pk, True, True)
    done, following = tasks_of(plan, kind=TaskKind.VISIT_CIN)
    assert (done.due_on, done.closed_on, done.was_late) == (D(2026, 1, 14), D(2026, 1, 9), False)
    assert following.due_on == D(2026, 2, 6)
    assert events(child, "VISIT_RECORDED")[0].detail == {"plan": "cin", "seen": True}


def test_a_visit_that_did_not_see_the_child_leaves_the_clock_running(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2025, 12, 12))

    visit(plan, personas.sw_alice, D(2026, 1, 9), seen=False)

    assert open_task(plan, TaskKind.VISIT_CIN).due_on == D(2026, 1, 14)
    assert plan.child.visits.count() == 1


def test_seen_alone_means_seen(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    with pytest.raises(DomainError, match="A child seen alone must have been seen"):
        services.cin_plan_visit(plan=plan, actor=personas.sw_alice, visited_on=D(2026, 3, 5),
                                child_seen=False, seen_alone=True)


def test_a_visit_cannot_be_before_the_plan_or_in_the_future(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2), started_on=D(2026, 3, 9))

    with pytest.raises(DomainError, match="cannot be before the plan started on 9 March 2026"):
        visit(plan, personas.sw_alice, D(2026, 3, 6))
    with pytest.raises(DomainError, match="must be today or in the past"):
        visit(plan, personas.sw_alice, D(2026, 6, 2))
    assert not Visit.objects.exists()


# ---- Ending -----------------------------------------------------------------------------------


def test_ending_closes_the_open_tasks_and_refuses_more_visits(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))
    visit(plan, personas.sw_alice, D(2026, 3, 20))

    services.cin_plan_end(plan=plan, actor=personas.tm_bob, ended_on=D(2026, 4, 1),
                          end_reason="Needs met")

    assert not StatutoryTask.objects.open().filter(source_type="cin.CinPlan").exists()
    plan.refresh_from_db()
    assert (plan.ended_on, plan.ended_by, plan.review_due_on, plan.visit_due_on) == (
        D(2026, 4, 1), personas.tm_bob, None, None)
    assert events(child, "CIN_PLAN_ENDED")[0].detail == {"ended_on": "2026-04-01",
                                                          "reason": "Needs met"}
    with pytest.raises(DomainError) as refused:
        visit(plan, personas.sw_alice, D(2026, 4, 2))
    assert refused.value.message == ("A closed plan cannot get a visit: this plan ended on "
                                     "1 April 2026")
    with pytest.raises(DomainError, match="A closed plan cannot get a review"):
        services.cin_plan_review(plan=plan, actor=personas.sw_alice, reviewed_on=D(2026, 4, 2))
    with pytest.raises(DomainError, match="This plan already ended on 1 April 2026"):
        services.cin_plan_end(plan=plan, actor=personas.tm_bob, ended_on=D(2026, 4, 2))


def test_a_plan_cannot_end_before_its_start_or_its_last_visit(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2), started_on=D(2026, 3, 9))
    visit(plan, personas.sw_alice, D(2026, 3, 20))

    with pytest.raises(DomainError, match="cannot end before it started on 9 March 2026"):
        services.cin_plan_end(plan=plan, actor=personas.sw_alice, ended_on=D(2026, 3, 6))
    with pytest.raises(DomainError, match="before its last review or visit on 20 March 2026"):
        services.cin_plan_end(plan=plan, actor=personas.sw_alice, ended_on=D(2026, 3, 19))
    assert CinPlan.objects.get().ended_on is None


def test_after_ending_a_new_plan_can_start(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))
    services.cin_plan_end(plan=plan, actor=personas.sw_alice, ended_on=D(2026, 3, 31))

    again = services.cin_plan_start(referral=plan.referral, started_on=D(2026, 4, 14),
                                    actor=personas.sw_alice)

    assert selectors.cin_plan_open_for(child) == again


# ---- What other apps see ----------------------------------------------------------------------


def test_an_episode_closes_only_once_its_plan_has_ended(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))
    with pytest.raises(DomainError, match="is still open: end it before closing the episode"):
        referral_close(referral=plan.referral, actor=personas.tm_bob, closed_on=D(2026, 4, 1),
                       closure_reason="RC7")

    services.cin_plan_end(plan=plan, actor=personas.sw_alice, ended_on=D(2026, 4, 1))
    assert referral_close(referral=plan.referral, actor=personas.tm_bob,
                          closed_on=D(2026, 4, 1), closure_reason="RC7").closed_on


def test_the_chronology_shows_start_reviews_and_end(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))
    services.cin_plan_review(plan=plan, actor=personas.sw_alice, reviewed_on=D(2026, 4, 20),
                             note="Stepped down to monthly visits")
    services.cin_plan_end(plan=plan, actor=personas.sw_alice, ended_on=D(2026, 5, 1))

    items = [(i.occurred_on, i.title, i.detail) for i in chronology_for(child)
             if i.kind == "cin_plan"]

    assert items == [(D(2026, 5, 1), "Child in need plan ended", ""),
                     (D(2026, 4, 20), "Child in need plan reviewed",
                      "Stepped down to monthly visits"),
                     (D(2026, 3, 2), "Child in need plan started", "")]
