"""The care services: episodes as the 903 counts them, the statutory tasks they open, move and
close, the audit trail, and clear refusals."""

import datetime as dt

import pytest

from hearth.care import services
from hearth.care.models import CareEpisode, CarePeriod
from hearth.care.tests.factories import foster_placement, period_for, supported_placement
from hearth.cases.chronology import chronology_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.workingdays.rules import LONDON

pytestmark = pytest.mark.django_db
D = dt.date


def open_task(source, kind: str) -> StatutoryTask:
    return StatutoryTask.objects.open().get(kind=kind, source_type=source._meta.label,
                                            source_id=source.pk)


def tasks_of(source, kind: str) -> list[StatutoryTask]:
    return list(StatutoryTask.objects.filter(kind=kind, source_type=source._meta.label,
                                             source_id=source.pk).order_by("opened_at", "id"))


def events(child, code: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(child_id=child.pk, event_code=code))


def current(period) -> CareEpisode:
    return period.episodes.get(ended_on__isnull=True)


def move(period, actor, on: dt.date, **overrides) -> CareEpisode:
    values = {"legal_status": "C1", "category_of_need": "N1",
              "placement": foster_placement(placement_postcode="ZZ3 3CC"),
              "reason_place_change": "CARPL"}
    return services.episode_change(period=period, changed_on=on, actor=actor,
                                   **(values | overrides))


# ---- Becoming looked after ----------------------------------------------------------------


def test_becoming_looked_after_opens_the_first_episode_and_three_clocks(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))

    episode = current(period)
    assert (episode.reason_new_episode, episode.legal_status, episode.placement_type) == (
        "S", "C1", "U6")
    assert episode.placement_postcode == "ZZ1 1AA" and episode.home_postcode == "ZZ9 9ZZ"
    # Backdated: 48 hours from the start of 1 April; 20 working days across Easter.
    iro = open_task(period, TaskKind.ALLOCATE_IRO)
    assert iro.due_at == dt.datetime(2026, 4, 3, 0, 0, tzinfo=LONDON)
    assert (iro.due_on, iro.rule) == (D(2026, 4, 3), "IRO within 48 hours v1")
    review = open_task(period, TaskKind.HOLD_CLA_REVIEW)
    assert (review.due_on, review.rule) == (D(2026, 5, 1), "First CLA review within 20 WD v1")
    visit = open_task(period, TaskKind.VISIT_CLA)
    assert (visit.due_on, visit.worker) == (D(2026, 4, 8), personas.sw_alice)
    [event] = events(child, "CARE_PERIOD_STARTED")
    assert event.detail["review_due_on"] == "2026-05-01"
    assert event.actor == personas.sw_alice


def test_the_iro_clock_counts_48_hours_from_recording_on_the_day(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 6, 1))
    assert open_task(period, TaskKind.ALLOCATE_IRO).due_at == dt.datetime(
        2026, 6, 3, 9, 0, tzinfo=dt.UTC)


def test_first_review_due_across_christmas(personas, child, traveller):
    traveller.move_to(dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC))
    period = period_for(child, personas.sw_alice, started_on=D(2026, 12, 4))
    assert period.review_due_on == D(2027, 1, 6)
    assert open_task(period, TaskKind.ALLOCATE_IRO).due_at == dt.datetime(
        2026, 12, 6, 10, 0, tzinfo=dt.UTC)


def test_two_open_periods_are_refused(personas, child):
    period_for(child, personas.sw_alice, started_on=D(2026, 5, 4))
    with pytest.raises(DomainError, match="looked after since 4 May 2026"):
        period_for(child, personas.sw_alice, started_on=D(2026, 6, 1))
    assert CarePeriod.objects.filter(child=child).count() == 1


def test_a_period_starting_in_the_future_is_refused(personas, child):
    with pytest.raises(DomainError, match="today or in the past") as error:
        period_for(child, personas.sw_alice, started_on=D(2026, 6, 2))
    assert error.value.field == "started_on"
    assert not CarePeriod.objects.exists()


def test_a_bad_postcode_is_refused_with_the_field(personas, child):
    with pytest.raises(DomainError, match="UK postcode") as error:
        period_for(child, personas.sw_alice, started_on=D(2026, 6, 1),
                   placement=foster_placement(placement_postcode="NOWHERE"))
    assert error.value.field == "placement_postcode"


# ---- Episodes --------------------------------------------------------------------------------


def test_a_placement_move_ends_the_episode_with_x1_and_the_reason(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    first = current(period)

    second = move(period, personas.sw_alice, D(2026, 5, 11), reason_place_change="CREQB")

    first.refresh_from_db()
    assert (first.ended_on, first.reason_ceased, first.reason_place_change) == (
        D(2026, 5, 11), "X1", "CREQB")
    assert (second.reason_new_episode, second.placement_started_on) == ("P", D(2026, 5, 11))
    # A new placement restarts the visit clock: within a week of it.
    assert open_task(period, TaskKind.VISIT_CLA).due_on == D(2026, 5, 18)
    assert len(tasks_of(period, TaskKind.VISIT_CLA)) == 1  # moved, not duplicated
    assert events(child, "CARE_EPISODE_STARTED")[0].detail["reason_new_episode"] == "P"


def test_a_new_legal_status_only_keeps_the_placement_and_its_visit_clock(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    services.cla_visit_record(period=period, visited_on=D(2026, 4, 7), child_seen=True,
                              seen_alone=True, actor=personas.sw_alice)

    second = move(period, personas.sw_alice, D(2026, 5, 11), legal_status="C2",
                  placement=foster_placement(), reason_place_change="")

    assert (second.reason_new_episode, second.placement_started_on) == ("L", D(2026, 4, 1))
    assert CareEpisode.objects.get(pk=current(period).pk - 1).reason_place_change == ""
    assert open_task(period, TaskKind.VISIT_CLA).due_on == D(2026, 5, 19)  # 7 Apr + 6 weeks


def test_same_carers_and_a_new_status_is_u(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    episode = move(period, personas.sw_alice, D(2026, 5, 11), legal_status="C2",
                   placement=foster_placement(placement_type="U4"), same_carers=True)
    assert episode.reason_new_episode == "U"


def test_a_change_before_the_current_episode_began_is_refused(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    move(period, personas.sw_alice, D(2026, 5, 11))
    with pytest.raises(DomainError, match="before the current episode began on 11 May 2026"):
        move(period, personas.sw_alice, D(2026, 5, 10),
             placement=foster_placement(placement_postcode="ZZ4 4DD"))
    assert period.episodes.count() == 2


def test_an_episode_after_the_period_ended_is_refused(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    services.care_end(period=period, ended_on=D(2026, 5, 20), reason="E4A",
                      actor=personas.sw_alice)
    with pytest.raises(DomainError, match="ended on 20 May 2026: a new episode cannot"):
        move(period, personas.sw_alice, D(2026, 5, 25))


def test_nothing_changed_is_refused(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    with pytest.raises(DomainError, match="Nothing has changed"):
        move(period, personas.sw_alice, D(2026, 5, 11), placement=foster_placement(),
             reason_place_change="")


# ---- Sign-off --------------------------------------------------------------------------------


def test_an_under_16_in_supported_accommodation_is_refused_without_the_head_of_service(
        personas, teenager):
    with pytest.raises(DomainError, match="under 16 cannot be placed in supported"):
        period_for(teenager, personas.sw_alice, started_on=D(2026, 6, 1),
                   placement=supported_placement())
    assert not CarePeriod.objects.exists()


def test_an_agreed_emergency_placement_waits_for_sign_off(personas, teenager):
    period = period_for(teenager, personas.sw_alice, started_on=D(2026, 6, 1),
                        placement=supported_placement(head_of_service_agreed=True))
    episode = current(period)
    assert episode.needs_sign_off and not episode.is_signed_off
    task = open_task(episode, TaskKind.SIGN_OFF_PLACEMENT)
    assert task.due_on == D(2026, 6, 1)

    with pytest.raises(DomainError, match="Only a service manager"):
        services.placement_sign_off(episode=episode, actor=personas.tm_bob)
    services.placement_sign_off(episode=episode, note="Until a foster placement is found",
                                actor=personas.sm_sara)

    episode.refresh_from_db()
    assert (episode.signed_off_by, episode.sign_off_note) == (
        personas.sm_sara, "Until a foster placement is found")
    assert StatutoryTask.objects.get(pk=task.pk).closed_on == D(2026, 6, 1)
    assert events(teenager, "PLACEMENT_SIGNED_OFF")[0].actor == personas.sm_sara
    with pytest.raises(DomainError, match="already signed off on 1 June 2026"):
        services.placement_sign_off(episode=episode, actor=personas.sm_sara)


def test_sign_off_carries_over_a_change_of_legal_status_only(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1),
                        placement=foster_placement(provision="unregistered"))
    services.placement_sign_off(episode=current(period), actor=personas.sm_sara)
    episode = move(period, personas.sw_alice, D(2026, 5, 11), legal_status="C2",
                   placement=foster_placement(provision="unregistered"), reason_place_change="")
    assert episode.is_signed_off and episode.signed_off_by == personas.sm_sara
    assert not StatutoryTask.objects.open().filter(kind=TaskKind.SIGN_OFF_PLACEMENT).exists()


def test_moving_out_of_a_placement_cancels_its_sign_off_task(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1),
                        placement=foster_placement(provision="unregulated"))
    waiting = current(period)
    move(period, personas.sw_alice, D(2026, 5, 11))
    [task] = tasks_of(waiting, TaskKind.SIGN_OFF_PLACEMENT)
    assert task.cancelled and task.closed_on == D(2026, 5, 11)


def test_a_placement_not_needing_sign_off_cannot_be_signed_off(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    with pytest.raises(DomainError, match="does not need"):
        services.placement_sign_off(episode=current(period), actor=personas.sm_sara)


# ---- IRO and reviews --------------------------------------------------------------------------


def test_allocating_the_iro_closes_its_task(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 28))
    task = open_task(period, TaskKind.ALLOCATE_IRO)

    services.iro_allocate(period=period, iro=personas.iro_erin, allocated_on=D(2026, 5, 29),
                          actor=personas.tm_bob)

    task.refresh_from_db()
    assert task.closed_on == D(2026, 5, 29) and not task.cancelled
    period.refresh_from_db()
    assert (period.iro, period.iro_allocated_on) == (personas.iro_erin, D(2026, 5, 29))
    assert events(child, "IRO_ALLOCATED")[0].detail["iro"] == personas.iro_erin.pk


def test_only_an_iro_can_be_allocated(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 5, 28))
    with pytest.raises(DomainError, match="Choose an independent reviewing officer") as error:
        services.iro_allocate(period=period, iro=personas.sw_charlie,
                              allocated_on=D(2026, 5, 29), actor=personas.tm_bob)
    assert error.value.field == "iro"


def review(period, personas, on, participation="PN1"):
    return services.cla_review_record(period=period, held_on=on, chair=personas.iro_erin,
                                      participation=participation, actor=personas.iro_erin)


def test_reviews_move_the_review_clock_first_second_and_later(personas, child, traveller):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 1, 5))
    first = review(period, personas, D(2026, 2, 2))  # due 2 Feb (20 WD): in time
    assert (first.number, first.due_on, first.in_time) == (1, D(2026, 2, 2), True)
    assert open_task(period, TaskKind.HOLD_CLA_REVIEW).due_on == D(2026, 5, 2)

    second = review(period, personas, D(2026, 5, 5))  # 3 days late
    assert (second.number, second.in_time) == (2, False)
    task = open_task(period, TaskKind.HOLD_CLA_REVIEW)
    assert (task.due_on, task.rule) == (D(2026, 11, 5), "CLA review within 6 months v1")
    [done_first, done_second, _] = tasks_of(period, TaskKind.HOLD_CLA_REVIEW)
    assert (done_first.closed_on, done_second.closed_on) == (D(2026, 2, 2), D(2026, 5, 5))
    assert events(child, "CLA_REVIEW_RECORDED")[0].detail["in_time"] in (True, False)


def test_a_review_needs_an_iro_chair_and_the_right_participation(personas):
    toddler = personas.child_for(personas.sw_alice, date_of_birth=D(2023, 1, 1))
    period = period_for(toddler, personas.sw_alice, started_on=D(2026, 5, 4))
    with pytest.raises(DomainError, match="chaired by an independent reviewing officer"):
        services.cla_review_record(period=period, held_on=D(2026, 5, 20),
                                   chair=personas.sw_alice, participation="PN0",
                                   actor=personas.sw_alice)
    with pytest.raises(DomainError, match="under 4 at the review"):
        review(period, personas, D(2026, 5, 20), participation="PN1")
    assert review(period, personas, D(2026, 5, 20), participation="PN0").number == 1


# ---- Visits ----------------------------------------------------------------------------------


def test_visits_move_the_visit_clock(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    first_task = open_task(period, TaskKind.VISIT_CLA)

    visit = services.cla_visit_record(period=period, visited_on=D(2026, 4, 7), child_seen=True,
                                      seen_alone=True, actor=personas.sw_alice)

    assert (visit.plan, visit.plan_id) == ("cla", period.pk)
    first_task.refresh_from_db()
    assert first_task.closed_on == D(2026, 4, 7) and first_task.due_on == D(2026, 4, 8)
    task = open_task(period, TaskKind.VISIT_CLA)
    assert (task.due_on, task.rule) == (D(2026, 5, 19), "CLA visit every 6 weeks v1")
    assert events(child, "VISIT_RECORDED")


def test_a_visit_where_the_child_was_not_seen_moves_nothing(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    services.cla_visit_record(period=period, visited_on=D(2026, 4, 7), child_seen=False,
                              seen_alone=False, actor=personas.sw_alice)
    assert open_task(period, TaskKind.VISIT_CLA).due_on == D(2026, 4, 8)


def test_a_visit_before_care_began_is_refused(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    with pytest.raises(DomainError, match="before the child became looked after"):
        services.cla_visit_record(period=period, visited_on=D(2026, 3, 31), child_seen=True,
                                  seen_alone=False, actor=personas.sw_alice)


# ---- Leaving care ----------------------------------------------------------------------------


def test_ending_care_ends_the_last_episode_and_closes_every_task(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1),
                        placement=foster_placement(provision="unregistered"))
    episode = current(period)

    services.care_end(period=period, ended_on=D(2026, 5, 29), reason="E4A",
                      actor=personas.sw_alice)

    episode.refresh_from_db()
    period.refresh_from_db()
    assert (episode.ended_on, episode.reason_ceased) == (D(2026, 5, 29), "E4A")
    assert (period.ended_on, period.end_reason, period.review_due_on) == (
        D(2026, 5, 29), "E4A", None)
    assert not StatutoryTask.objects.open().filter(child=child,
                                                   source_type__startswith="care.").exists()
    assert events(child, "CARE_PERIOD_ENDED")[0].detail["reason"] == "E4A"
    # A new period may start the day the last one ended.
    assert period_for(child, personas.sw_alice, started_on=D(2026, 5, 29)).is_open


def test_care_cannot_end_before_the_last_visit(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 4, 1))
    services.cla_visit_record(period=period, visited_on=D(2026, 4, 7), child_seen=True,
                              seen_alone=True, actor=personas.sw_alice)
    with pytest.raises(DomainError, match="before the last review or visit on 7 April 2026"):
        services.care_end(period=period, ended_on=D(2026, 4, 6), reason="E4A",
                          actor=personas.sw_alice)


def test_the_chronology_shows_care_moves_reviews_and_leaving(personas, child):
    period = period_for(child, personas.sw_alice, started_on=D(2026, 1, 5))
    move(period, personas.sw_alice, D(2026, 2, 9))
    review(period, personas, D(2026, 2, 2))
    services.care_end(period=period, ended_on=D(2026, 5, 29), reason="E13",
                      actor=personas.sw_alice)
    items = [item for item in chronology_for(child) if item.kind == "care"]
    assert "Why: Change to or implementing the care plan" in items[1].detail
    titles = [item.title for item in items]
    assert titles == ["Ceased to be looked after", "Placement changed",
                      "Looked-after review 1 held", "Became looked after"]
