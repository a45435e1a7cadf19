"""The services: episodes, returns, police notifications, offers and interviews, with their
task, audit and refusals."""

import datetime as dt

import pytest

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.missing import services
from hearth.missing.models import MissingEpisode, PoliceNotification
from hearth.missing.tests.factories import episode_for, held, london, offer

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def rhi_tasks(episode):
    return StatutoryTask.objects.filter(kind=TaskKind.OFFER_RETURN_INTERVIEW,
                                        source_type="missing.MissingEpisode",
                                        source_id=episode.pk)


def audited(code: str, child) -> int:
    return AuditEvent.objects.filter(event_code=code, child_id=child.pk).count()


def test_recording_an_episode_keeps_its_facts_and_is_audited(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 23, 30),
                          kind="A", reported_to_police=True, police_reference="PR/123",
                          risks=["cse", "self_harm"], risk_note="Seen with older males")

    episode.refresh_from_db()
    assert (episode.kind, episode.started_on, episode.is_open) == ("A", dt.date(2026, 5, 30),
                                                                  True)
    assert episode.risks == ["cse", "self_harm"]
    assert episode.recorded_by == personas.sw_alice
    assert not rhi_tasks(episode).exists()
    assert audited("MISSING_EPISODE_RECORDED", child) == 1


def test_the_return_opens_the_interview_task_due_72_hours_later(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 28, 20, 0))

    services.missing_episode_record_return(episode=episode, returned_at=london(2026, 5, 29, 23, 30),
                                           found_at_place="A friend's house",
                                           actor=personas.sw_alice)

    episode.refresh_from_db()
    task = rhi_tasks(episode).get()
    assert episode.interview_due_at == london(2026, 6, 1, 23, 30)
    assert task.due_at == london(2026, 6, 1, 23, 30)
    assert task.due_on == dt.date(2026, 6, 1)  # the London date, not 1 June 22:30 UTC's
    assert (task.team, task.worker, task.rule) == (personas.team_a, personas.sw_alice,
                                                   "RHI within 72 hours v1")
    assert episode.returned_on == dt.date(2026, 5, 29)
    assert audited("MISSING_EPISODE_RETURN_RECORDED", child) == 1


def test_the_task_due_across_the_march_clock_change(personas, child, traveller):
    traveller.move_to(dt.datetime(2026, 4, 2, 9, 0, tzinfo=UTC))
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 3, 26, 22, 0),
                          returned_at=london(2026, 3, 27, 12, 0))

    task = rhi_tasks(episode).get()
    assert task.due_at == dt.datetime(2026, 3, 30, 12, 0, tzinfo=UTC)  # 1pm BST
    assert task.due_on == dt.date(2026, 3, 30)


def test_the_task_due_across_the_october_clock_change(personas, child, traveller):
    traveller.move_to(dt.datetime(2026, 10, 30, 9, 0, tzinfo=UTC))
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 10, 23, 1, 0),
                          returned_at=london(2026, 10, 23, 23, 30))  # 22:30 UTC

    task = rhi_tasks(episode).get()
    assert task.due_at == dt.datetime(2026, 10, 26, 22, 30, tzinfo=UTC)  # 10:30pm GMT
    assert task.due_on == dt.date(2026, 10, 26)


def test_holding_the_interview_closes_the_task(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 27, 20),
                          returned_at=london(2026, 5, 28, 9))
    offer(episode, personas.sw_alice, at=london(2026, 5, 28, 10))

    interview = held(episode, personas.sw_alice, at=london(2026, 5, 31, 9, 0))

    task = rhi_tasks(episode).get()
    assert (task.closed_on, task.closed_by, task.was_late) == (dt.date(2026, 5, 31),
                                                               personas.sw_alice, False)
    assert interview.within_72_hours is True
    assert audited("RETURN_INTERVIEW_OFFERED", child) == 1
    assert AuditEvent.objects.get(event_code="RETURN_INTERVIEW_RECORDED").detail == {
        "episode": episode.pk, "outcome": "held", "within_72_hours": True}


def test_an_interview_a_minute_late_is_not_within_72_hours(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 27, 20),
                          returned_at=london(2026, 5, 28, 9))

    interview = held(episode, personas.sw_alice, at=london(2026, 5, 31, 9, 1))

    assert interview.within_72_hours is False


def test_declined_after_three_offers_closes_the_task(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 25, 20),
                          returned_at=london(2026, 5, 26, 9))
    for hour in (10, 11, 12):
        offer(episode, personas.sw_alice, at=london(2026, 5, 27, hour), accepted=False)

    with pytest.raises(DomainError, match="3 offers have been made"):
        offer(episode, personas.sw_alice, at=london(2026, 5, 28, 9))
    interview = services.return_interview_decline(episode=episode, declined_on=dt.date(2026, 5, 28),
                                                  actor=personas.tm_bob)

    assert interview.get_outcome_display() == "Declined after 3 offers"
    assert rhi_tasks(episode).get().closed_on == dt.date(2026, 5, 28)
    with pytest.raises(DomainError, match="already recorded"):
        held(episode, personas.sw_alice, at=london(2026, 5, 29, 9))


def test_declined_needs_an_offer_first(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 25, 20),
                          returned_at=london(2026, 5, 26, 9))

    with pytest.raises(DomainError, match="record the offer first"):
        services.return_interview_decline(episode=episode, declined_on=dt.date(2026, 5, 27),
                                          actor=personas.sw_alice)
    assert rhi_tasks(episode).get().closed_at is None


def test_one_open_episode_per_child(personas, child):
    episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 22))

    with pytest.raises(DomainError, match="already has an open missing episode, from 30 May "
                                          "2026 at 22:00"):
        episode_for(child, personas.sw_alice, started_at=london(2026, 5, 31, 22))
    assert MissingEpisode.objects.count() == 1


def test_overlapping_episodes_are_refused(personas, child):
    episode_for(child, personas.sw_alice, started_at=london(2026, 5, 20, 22),
                returned_at=london(2026, 5, 22, 8))

    with pytest.raises(DomainError, match="overlaps the one from 20 May 2026 at 22:00 to 22 May "
                                          "2026 at 08:00"):
        episode_for(child, personas.sw_alice, started_at=london(2026, 5, 21, 22),
                    returned_at=london(2026, 5, 23, 8))


def test_a_return_cannot_be_recorded_twice_nor_before_the_start(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 20, 22))

    with pytest.raises(DomainError, match="cannot be before the start on 20 May 2026 at 22:00"):
        services.missing_episode_record_return(episode=episode, returned_at=london(2026, 5, 20, 21),
                                               actor=personas.sw_alice)
    services.missing_episode_record_return(episode=episode, returned_at=london(2026, 5, 21, 9),
                                           actor=personas.sw_alice)
    with pytest.raises(DomainError, match="already recorded: 21 May 2026 at 09:00"):
        services.missing_episode_record_return(episode=episode, returned_at=london(2026, 5, 22),
                                               actor=personas.sw_alice)


def test_a_police_notification_creates_an_episode(personas, child):
    notification = services.missing_episode_from_police_notification(
        child=child, police_reference="WMP-0001", force="West Midlands Police",
        reported_at=london(2026, 5, 31, 21, 15), actor=personas.bs_ben)

    episode = notification.episode
    assert notification.created_episode is True
    assert (episode.source, episode.kind, episode.started_at) == ("police", "M",
                                                                  london(2026, 5, 31, 21, 15))
    assert (episode.reported_to_police, episode.police_reference) == (True, "WMP-0001")
    assert audited("POLICE_NOTIFICATION_RECORDED", child) == 1


def test_a_police_notification_is_linked_to_the_open_episode(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 31, 19, 0))

    notification = services.missing_episode_from_police_notification(
        child=child, police_reference="WMP-0002", force="West Midlands Police",
        reported_at=london(2026, 5, 31, 21, 0), actor=personas.bs_ben)

    episode.refresh_from_db()
    assert notification.created_episode is False and notification.episode == episode
    assert (episode.reported_to_police, episode.police_reference) == (True, "WMP-0002")
    assert MissingEpisode.objects.count() == 1


def test_a_police_notification_during_a_closed_episode_is_linked(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 20, 19),
                          returned_at=london(2026, 5, 21, 9))

    notification = services.missing_episode_from_police_notification(
        child=child, police_reference="WMP-0003", force="West Midlands Police",
        reported_at=london(2026, 5, 20, 23), actor=personas.bs_ben)

    assert notification.episode == episode
    assert PoliceNotification.objects.count() == 1 and MissingEpisode.objects.count() == 1


def test_a_police_notification_needs_a_reference_and_a_past_time(personas, child):
    with pytest.raises(DomainError, match="Enter the police reference"):
        services.missing_episode_from_police_notification(
            child=child, police_reference=" ", force="West Midlands Police",
            reported_at=london(2026, 5, 31, 21), actor=personas.bs_ben)
    with pytest.raises(DomainError, match="must be now or in the past"):
        services.missing_episode_from_police_notification(
            child=child, police_reference="WMP-4", force="West Midlands Police",
            reported_at=london(2026, 6, 1, 11), actor=personas.bs_ben)
    assert not MissingEpisode.objects.exists()


def test_an_interview_needs_someone_to_have_held_it(personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 25, 20),
                          returned_at=london(2026, 5, 26, 9))

    with pytest.raises(DomainError, match="Say who carried out the interview"):
        services.return_interview_hold(episode=episode, held_at=london(2026, 5, 27, 9),
                                       conducted_by="  ", independent=True,
                                       actor=personas.sw_alice)


def test_an_episode_is_missing_or_away(personas, child):
    with pytest.raises(DomainError, match=r"missing \(M\) or away") as error:
        episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21), kind="X")
    assert error.value.field == "kind"


def test_an_adult_cannot_have_a_missing_episode(personas):
    from hearth.people import services as people_services

    adult = people_services.person_create(is_child=False, first_name="Avery", last_name="Lockett",
                                          sex="F", system_job="test")

    with pytest.raises(DomainError, match="Only a child's record"):
        episode_for(adult, personas.sw_alice, started_at=london(2026, 5, 30, 21))
