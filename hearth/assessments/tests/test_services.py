"""The assessment services: clocks opened and closed, audit, and refusals with clear messages."""

import datetime as dt

import pytest

from hearth.assessments import selectors, services
from hearth.assessments.codes import AssessmentKind, ClockStart
from hearth.assessments.models import Assessment
from hearth.assessments.tests.factories import assessment_for, completed, referral_for
from hearth.cases.chronology import chronology_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.frontdoor.services import referral_close

pytestmark = pytest.mark.django_db
D = dt.date


def task_of(assessment) -> StatutoryTask:
    return StatutoryTask.objects.get(kind=TaskKind.AUTHORISE_ASSESSMENT,
                                     source_type="assessments.Assessment",
                                     source_id=assessment.pk)


def events(child, code: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(child_id=child.pk, event_code=code))


# ---- Starting ---------------------------------------------------------------------------------


def test_starting_opens_the_authorisation_task_45_working_days_after_the_referral(
        personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2),
                                started_on=D(2026, 3, 4))

    assert assessment.kind == AssessmentKind.NEW
    assert (assessment.due_on, assessment.clock_start, assessment.due_rule) == (
        D(2026, 5, 7), ClockStart.REFERRAL, "T02 v1")
    task = task_of(assessment)
    assert (task.due_on, task.rule, task.child, task.worker) == (
        D(2026, 5, 7), "T02 v1", child, personas.sw_alice)
    [event] = events(child, "ASSESSMENT_STARTED")
    assert event.actor == personas.sw_alice
    assert event.detail["due_on"] == "2026-05-07"


def test_the_clock_can_start_from_the_assessment_instead(personas, child):
    from hearth.core.services import local_authority_set

    authority = local_authority_set(name="Synthetic Borough", la_code="900",
                                    population_0_17=10_000, population_year=2025,
                                    system_job="test")
    authority.assessment_clock_start = ClockStart.ASSESSMENT_START
    authority.save(update_fields=["assessment_clock_start"])
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2),
                                started_on=D(2026, 3, 4))

    assert (assessment.due_on, assessment.clock_start) == (D(2026, 5, 11),
                                                          ClockStart.ASSESSMENT_START)
    services.assessment_update(assessment=assessment, actor=personas.sw_alice,
                               started_on=D(2026, 3, 2))
    assert task_of(assessment).due_on == D(2026, 5, 7)


def test_a_second_assessment_on_the_referral_waits_for_the_first(personas, child):
    first = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    with pytest.raises(DomainError, match="already has an assessment in progress"):
        services.assessment_start(referral=first.referral, started_on=D(2026, 3, 9),
                                  actor=personas.sw_alice)


def test_after_authorisation_the_next_one_is_an_updated_assessment(personas, child):
    first = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                      personas.sw_alice, on=D(2026, 4, 1))
    services.assessment_authorise(assessment=first, actor=personas.tm_bob,
                                  authorised_on=D(2026, 4, 2), outcome="cin_plan")

    with pytest.raises(DomainError, match="record this one as an updated assessment"):
        services.assessment_start(referral=first.referral, started_on=D(2026, 5, 1),
                                  kind=AssessmentKind.NEW, actor=personas.sw_alice)
    second = services.assessment_start(referral=first.referral, started_on=D(2026, 5, 1),
                                       actor=personas.sw_alice)
    assert second.kind == AssessmentKind.UPDATED


def test_an_assessment_cannot_start_before_the_referral_or_in_the_future(personas, child):
    referral = referral_for(child, on=D(2026, 3, 2))

    with pytest.raises(DomainError) as before:
        services.assessment_start(referral=referral, started_on=D(2026, 2, 27),
                                  actor=personas.sw_alice)
    with pytest.raises(DomainError) as future:
        services.assessment_start(referral=referral, started_on=D(2026, 6, 2),
                                  actor=personas.sw_alice)
    assert before.value.message == ("The assessment cannot start before the referral on "
                                     "2 March 2026")
    assert future.value.field == "started_on"
    assert not Assessment.objects.exists() and not StatutoryTask.objects.exists()


def test_a_closed_episode_cannot_get_a_new_assessment(personas, child):
    referral = referral_for(child, on=D(2026, 3, 2))
    referral_close(referral=referral, actor=personas.tm_bob, closed_on=D(2026, 3, 20),
                   closure_reason="RC7")
    referral.refresh_from_db()

    with pytest.raises(DomainError) as refused:
        services.assessment_start(referral=referral, started_on=D(2026, 3, 20),
                                  actor=personas.sw_alice)
    assert refused.value.message == ("This episode of need was closed on 20 March 2026: a "
                                     "closed episode cannot get a new assessment")


# ---- Recording --------------------------------------------------------------------------------


def test_updating_records_what_changed(personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    services.assessment_update(assessment=assessment, actor=personas.sw_alice,
                               child_seen_on=D(2026, 3, 3), seen_alone=True,
                               factors=["3B", "4B"])

    assessment.refresh_from_db()
    assert (assessment.child_seen_on, assessment.seen_alone, assessment.factors) == (
        D(2026, 3, 3), True, ["3B", "4B"])
    [event] = events(child, "ASSESSMENT_UPDATED")
    assert event.detail["changes"] == {"child_seen_on": [None, "2026-03-03"],
                                       "seen_alone": [False, True],
                                       "factors": [[], ["3B", "4B"]]}


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"child_seen_on": D(2026, 3, 1)}, "child_seen_on",
     "The child cannot be seen for this assessment before it started on 2 March 2026"),
    ({"factors": ["21", "1B"]}, "factors",
     "'No factors identified' cannot be chosen with other factors"),
    ({"seen_alone": True}, "child_seen_on",
     "Enter the date the child was seen, if they were seen alone"),
])
def test_an_update_that_breaks_a_rule_changes_nothing(personas, child, change, field, message):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    with pytest.raises(DomainError) as refused:
        services.assessment_update(assessment=assessment, actor=personas.sw_alice, **change)

    assert (refused.value.field, refused.value.message) == (field, message)
    assessment.refresh_from_db()
    assert (assessment.child_seen_on, assessment.factors) == (None, [])


def test_it_adds_a_partner_agencys_contribution(personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    contribution = services.assessment_contribution_add(
        assessment=assessment, actor=personas.sw_alice, agency="police",
        received_on=D(2026, 3, 5), summary="Two domestic abuse callouts this year")

    assert list(assessment.contributions.all()) == [contribution]
    assert events(child, "ASSESSMENT_CONTRIBUTION_ADDED")[0].detail == {
        "assessment": assessment.pk, "agency": "police"}


# ---- Authorising ------------------------------------------------------------------------------


def test_a_manager_authorises_and_the_task_closes_in_time(personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                           personas.sw_alice, on=D(2026, 5, 6))

    services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                  authorised_on=D(2026, 5, 7), outcome="cin_plan")

    assessment.refresh_from_db()
    assert (assessment.authorised_on, assessment.authorised_by, assessment.outcome) == (
        D(2026, 5, 7), personas.tm_bob, "cin_plan")
    task = task_of(assessment)
    assert (task.closed_on, task.closed_by, task.was_late) == (D(2026, 5, 7), personas.tm_bob,
                                                               False)
    [event] = events(child, "ASSESSMENT_AUTHORISED")
    assert event.detail == {"authorised_on": "2026-05-07", "outcome": "cin_plan",
                            "due_on": "2026-05-07", "late": False}


def test_a_late_authorisation_needs_a_reason_and_keeps_it(personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                           personas.sw_alice, on=D(2026, 5, 6))

    with pytest.raises(DomainError) as refused:
        services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                      authorised_on=D(2026, 5, 8), outcome="nfa")
    assert refused.value.message == ("The assessment was due to be authorised by 7 May 2026: "
                                     "give the reason it is late")
    assert task_of(assessment).closed_at is None

    services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                  authorised_on=D(2026, 5, 8), outcome="nfa",
                                  lateness_reason="Waiting for the police check")
    assert task_of(assessment).was_late
    assert Assessment.objects.get().lateness_reason == "Waiting for the police check"


def test_a_social_worker_cannot_authorise(personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                           personas.sw_alice, on=D(2026, 4, 1))

    with pytest.raises(DomainError, match="Only a team manager or service manager"):
        services.assessment_authorise(assessment=assessment, actor=personas.sw_alice,
                                      authorised_on=D(2026, 4, 2), outcome="nfa")


def test_an_incomplete_assessment_cannot_be_authorised(personas, child):
    assessment = assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))

    with pytest.raises(DomainError, match="Record the date the assessment was completed"):
        services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                      authorised_on=D(2026, 4, 2), outcome="nfa")


def test_an_authorised_assessment_is_read_only(personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                           personas.sw_alice, on=D(2026, 4, 1))
    services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                  authorised_on=D(2026, 4, 2), outcome="early_help")
    read_only = "This assessment was authorised on 2 April 2026: it can no longer be changed"

    with pytest.raises(DomainError, match=read_only):
        services.assessment_update(assessment=assessment, actor=personas.sw_alice,
                                   factors=["21"])
    with pytest.raises(DomainError, match=read_only):
        services.assessment_contribution_add(assessment=assessment, actor=personas.sw_alice,
                                             agency="health", received_on=D(2026, 4, 3),
                                             summary="Late GP letter")
    with pytest.raises(DomainError, match=read_only):
        services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                      authorised_on=D(2026, 4, 3), outcome="nfa")


# ---- What other apps see ----------------------------------------------------------------------


def test_the_front_door_can_ask_whether_an_episode_had_an_assessment(personas, child):
    referral = referral_for(child, on=D(2026, 3, 2))
    assert not selectors.referral_has_assessment(referral)

    services.assessment_start(referral=referral, started_on=D(2026, 3, 2),
                              actor=personas.sw_alice)

    assert selectors.referral_has_assessment(referral)


def test_an_episode_closes_only_once_its_assessment_is_authorised(personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                           personas.sw_alice, on=D(2026, 4, 1), factors=["21"])
    with pytest.raises(DomainError, match="is not authorised yet"):
        referral_close(referral=assessment.referral, actor=personas.tm_bob,
                       closed_on=D(2026, 4, 10), closure_reason="RC8")

    services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                  authorised_on=D(2026, 4, 2), outcome="nfa")
    closed = referral_close(referral=assessment.referral, actor=personas.tm_bob,
                            closed_on=D(2026, 4, 10), closure_reason="RC8")
    assert closed.closure_reason == "RC8"


def test_the_chronology_shows_the_start_and_the_authorised_outcome(personas, child):
    assessment = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                           personas.sw_alice, on=D(2026, 4, 1))
    services.assessment_authorise(assessment=assessment, actor=personas.tm_bob,
                                  authorised_on=D(2026, 4, 2), outcome="strategy_discussion")

    titles = {(i.occurred_on, i.title) for i in chronology_for(child) if i.kind == "assessment"}

    assert titles == {(D(2026, 3, 2), "New assessment started"),
                      (D(2026, 4, 2), "Assessment authorised: outcome Strategy discussion")}
