import pytest

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.protection import services
from hearth.protection.codes import Section47Outcome, StrategyDecision
from hearth.protection.models import Section47Enquiry
from hearth.protection.tests.factories import (
    HEALTH,
    POLICE,
    D,
    discussion,
    enquiry_needing_icpc,
    referral_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(personas):
    return personas.child_for(personas.sw_alice)


@pytest.fixture
def referral(child, personas):
    return referral_for(child, on=D(2026, 3, 2), actor=personas.sw_alice)


def codes_for(child) -> list[str]:
    return list(AuditEvent.objects.filter(child_id=child.pk, event_code__regex=r"^(STRATEGY|SECT)")
                .order_by("id").values_list("event_code", flat=True))


def test_it_starts_a_section47_enquiry_on_the_discussions_date(personas, child, referral):
    held = discussion(referral, personas.sw_alice, on=D(2026, 3, 3))

    enquiry = held.section47
    assert (enquiry.started_on, enquiry.strategy_discussion) == (D(2026, 3, 3), held)
    assert (enquiry.icpc_due_on, enquiry.icpc_rule) == (D(2026, 3, 24), "T05 v1")
    assert {(p.agency, p.name) for p in held.participants.all()} == {
        ("police", POLICE["name"]), ("health", HEALTH["name"])}
    assert codes_for(child) == ["STRATEGY_DISCUSSION_RECORDED", "SECTION47_STARTED"]


def test_a_discussion_deciding_against_an_enquiry_starts_nothing(personas, child, referral):
    held = discussion(referral, personas.sw_alice, on=D(2026, 3, 3),
                      decision=StrategyDecision.NO_SECTION_47)
    assert held.section47 is None
    assert not Section47Enquiry.objects.filter(child=child).exists()


def test_the_last_strategy_discussion_starts_the_enquiry(personas, child, referral):
    first = discussion(referral, personas.sw_alice, on=D(2026, 3, 3))
    second = discussion(referral, personas.sw_alice, on=D(2026, 3, 6))

    enquiry = Section47Enquiry.objects.get(child=child)
    assert second.section47 == first.section47 == enquiry
    assert (enquiry.started_on, enquiry.strategy_discussion) == (D(2026, 3, 6), second)
    assert enquiry.icpc_due_on == D(2026, 3, 27)
    assert codes_for(child)[-1] == "SECTION47_START_MOVED"


def test_a_discussion_recorded_late_about_an_earlier_date_does_not_move_the_start(
        personas, child, referral):
    discussion(referral, personas.sw_alice, on=D(2026, 3, 6))
    discussion(referral, personas.sw_alice, on=D(2026, 3, 4))
    assert Section47Enquiry.objects.get(child=child).started_on == D(2026, 3, 6)


@pytest.mark.parametrize(("held_on", "message"), [
    (D(2026, 3, 1), "cannot be before the referral on 2 March 2026"),
    (D(2026, 6, 16), "today or in the past"),
])
def test_it_refuses_a_discussion_outside_the_referral(personas, referral, held_on, message):
    with pytest.raises(DomainError, match=message):
        discussion(referral, personas.sw_alice, on=held_on)


def test_it_refuses_a_discussion_on_a_closed_referral(personas, referral):
    referral.closed_on, referral.closure_reason = D(2026, 4, 1), "RC7"
    referral.save()
    with pytest.raises(DomainError, match="closed on 1 April 2026"):
        discussion(referral, personas.sw_alice, on=D(2026, 3, 3))


def test_it_refuses_a_person_without_a_name(personas, referral):
    with pytest.raises(DomainError, match="Give the name"):
        discussion(referral, personas.sw_alice, on=D(2026, 3, 3),
                   participants=[{"agency": "police", "name": " "}])


def test_it_refuses_a_new_enquiry_while_an_initial_conference_is_awaited(personas, child):
    enquiry = enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2026, 3, 2),
                                   discussed_on=D(2026, 3, 3), completed_on=D(2026, 3, 10))
    with pytest.raises(DomainError, match="initial conference for the enquiry started on 3 March"):
        discussion(enquiry.referral, personas.sw_alice, on=D(2026, 3, 11))


def test_needing_an_initial_conference_opens_its_task_15_working_days_on(personas, child):
    enquiry = enquiry_needing_icpc(child, personas.sw_alice, referred_on=D(2025, 12, 18),
                                   discussed_on=D(2025, 12, 19), completed_on=D(2026, 1, 5))

    task = StatutoryTask.objects.open().get(child=child)
    assert (task.kind, task.due_on, task.rule) == (TaskKind.HOLD_ICPC, D(2026, 1, 14), "T05 v1")
    assert (task.source_type, task.source_id) == ("protection.Section47Enquiry", enquiry.pk)
    assert codes_for(child)[-1] == "SECTION47_CONCLUDED"


def test_an_enquiry_without_a_conference_opens_no_task_and_ends_once(personas, child, referral):
    enquiry = discussion(referral, personas.sw_alice, on=D(2026, 3, 3)).section47
    services.section47_conclude(enquiry=enquiry, actor=personas.sw_alice,
                                outcome=Section47Outcome.NOT_SUBSTANTIATED,
                                completed_on=D(2026, 3, 12), icpc_required=False)
    enquiry.refresh_from_db()
    assert (enquiry.outcome, enquiry.icpc_required) == ("not_substantiated", False)
    assert not StatutoryTask.objects.filter(child=child).exists()
    with pytest.raises(DomainError, match="already ended"):
        services.section47_conclude(enquiry=enquiry, actor=personas.sw_alice,
                                    outcome=Section47Outcome.CONTINUING_RISK,
                                    completed_on=D(2026, 3, 13), icpc_required=True)


def test_an_ended_enquiry_lets_a_new_one_start(personas, child, referral):
    enquiry = discussion(referral, personas.sw_alice, on=D(2026, 3, 3)).section47
    services.section47_conclude(enquiry=enquiry, actor=personas.sw_alice,
                                outcome=Section47Outcome.NOT_AT_RISK,
                                completed_on=D(2026, 3, 12), icpc_required=False)
    second = discussion(referral, personas.sw_alice, on=D(2026, 5, 4)).section47
    assert second != enquiry and second.started_on == D(2026, 5, 4)


def test_correcting_a_discussion_keeps_its_date_and_decision(personas, child, referral):
    held = discussion(referral, personas.sw_alice, on=D(2026, 3, 3))
    services.strategy_discussion_update(discussion=held, actor=personas.tm_bob, held_at=None,
                                        reason="Bruising seen at school", participants=[POLICE])
    held.refresh_from_db()
    assert (held.held_on, held.reason, held.participants.count()) == (
        D(2026, 3, 3), "Bruising seen at school", 1)
    assert codes_for(child)[-1] == "STRATEGY_DISCUSSION_UPDATED"


@pytest.mark.parametrize("reason", ["RC8", "RC9"])
def test_an_episode_with_an_enquiry_cannot_close_as_after_assessment_only(personas, child,
                                                                          referral, reason):
    from hearth.frontdoor import services as frontdoor

    enquiry = discussion(referral, personas.sw_alice, on=D(2026, 3, 3)).section47
    services.section47_conclude(enquiry=enquiry, actor=personas.sw_alice,
                                outcome=Section47Outcome.NOT_SUBSTANTIATED,
                                completed_on=D(2026, 3, 10), icpc_required=False)
    with pytest.raises(DomainError, match="had a section 47 enquiry") as refused:
        frontdoor.referral_close(referral=referral, closed_on=D(2026, 3, 20),
                                 closure_reason=reason, has_assessment=True,
                                 actor=personas.tm_bob)
    assert refused.value.field == "closure_reason"
    closed = frontdoor.referral_close(referral=referral, closed_on=D(2026, 3, 20),
                                      closure_reason="RC7", actor=personas.tm_bob)
    assert closed.closure_reason == "RC7"
