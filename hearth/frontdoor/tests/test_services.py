"""Services: contacts, decisions, referrals and closure, with their tasks and audit events."""

import datetime as dt

import pytest

from hearth.cases.chronology import chronology_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.cases.tasks import task_open
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.frontdoor import episodes, selectors, services
from hearth.frontdoor.models import Contact, Referral
from hearth.frontdoor.tests.conftest import london
from hearth.frontdoor.tests.factories import contact_for, decided_contact_for, referral_for
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def audit_codes(child) -> list[str]:
    return list(AuditEvent.objects.filter(child_id=child.pk)
                .exclude(event_code__in=["PERSON_CREATED", "CHILD_ALLOCATED"])
                .order_by("id").values_list("event_code", flat=True))


def decide_task(contact) -> StatutoryTask:
    return StatutoryTask.objects.get(kind=TaskKind.DECIDE_CONTACT, source_id=contact.pk,
                                     source_type="frontdoor.Contact")


@pytest.fixture
def child(personas, on_wednesday):
    return personas.child_for(personas.sw_alice)


@pytest.fixture
def bob(personas):
    return personas.tm_bob


# ---- Recording a contact ----------------------------------------------------------------------


def test_recording_a_contact_opens_the_decision_task(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 3, 4, 9, 15))

    task = decide_task(contact)
    assert contact.decision_due_on == D(2026, 3, 5)
    assert (task.due_on, task.rule, task.child, task.closed_at) == (
        D(2026, 3, 5), "T01 v1", child, None)
    assert task.team == child.allocations.get().team
    assert audit_codes(child) == ["CONTACT_RECORDED"]


def test_the_clock_starts_on_the_london_date_of_receipt(child, bob, time_machine):
    time_machine.move_to(london(2026, 6, 3, 10), tick=False)
    # 00:30 on Wednesday 3 June in London is still Tuesday in UTC.
    contact = contact_for(child, actor=bob, received_at=dt.datetime(2026, 6, 2, 23, 30,
                                                                    tzinfo=dt.UTC))
    assert contact.decision_due_on == D(2026, 6, 4)


def test_a_friday_contact_is_due_on_monday(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 2, 27, 16, 45))

    assert contact.decision_due_on == D(2026, 3, 2)


def test_a_contact_from_the_future_is_refused(child, bob):
    with pytest.raises(DomainError, match="cannot be in the future"):
        contact_for(child, actor=bob, received_at=london(2026, 3, 4, 10, 1))
    assert not Contact.objects.exists()
    assert not StatutoryTask.objects.exists()


def test_consent_not_given_needs_a_note(child, bob):
    with pytest.raises(DomainError, match="why consent was not given"):
        contact_for(child, actor=bob, consent="refused")
    contact = contact_for(child, actor=bob, consent="not_sought",
                          consent_note="Seeking consent would put the child at risk")
    assert contact.consent_note == "Seeking consent would put the child at risk"


def test_others_involved_come_from_the_childs_network(child, bob, personas):
    mother = people_services.person_create(system_job="test", is_child=False, first_name="Jo",
                                           last_name="Testparent", sex="F")
    stranger = people_services.person_create(system_job="test", is_child=False,
                                             first_name="Sam", last_name="Teststranger", sex="M")
    people_services.relationship_add(person=mother, other=child, kind="parent_of",
                                     system_job="test")

    contact = contact_for(child, actor=bob, others_involved=[mother])
    assert list(contact.others_involved.all()) == [mother]
    with pytest.raises(DomainError, match="Sam Teststranger is not in the child's family"):
        contact_for(child, actor=bob, others_involved=[stranger])


def test_a_contact_is_about_a_child_not_an_adult(bob, on_wednesday):
    adult = people_services.person_create(system_job="test", is_child=False, first_name="Al",
                                          last_name="Testadult", sex="M")
    with pytest.raises(DomainError, match="adult's record"):
        contact_for(adult, actor=bob)


# ---- Rating -----------------------------------------------------------------------------------


def test_rating_a_contact_is_audited_with_the_change(child, bob):
    contact = contact_for(child, actor=bob)
    services.contact_rate(contact=contact, actor=bob, rag="amber")
    services.contact_rate(contact=contact, actor=bob, rag="red")

    contact.refresh_from_db()
    assert (contact.rag, contact.rated_by) == ("red", bob)
    rated = AuditEvent.objects.filter(event_code="CONTACT_RATED").order_by("id")
    assert [e.detail["rag"] for e in rated] == [["", "amber"], ["amber", "red"]]


def test_a_decided_contact_cannot_be_re_rated(child, bob):
    contact = decided_contact_for(child, actor=bob)
    with pytest.raises(DomainError, match="its rating can no longer change"):
        services.contact_rate(contact=contact, actor=bob, rag="red")


# ---- Deciding ---------------------------------------------------------------------------------


def decide(contact, actor, **values):
    values.setdefault("decision", "advice")
    values.setdefault("decision_reason", "Parents accept advice; school will monitor.")
    values.setdefault("decided_at", london(2026, 3, 4, 9, 50))
    return services.contact_decide(contact=contact, actor=actor, **values)


def test_a_decision_closes_the_task_and_is_audited(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 3, 3, 14))
    decide(contact, bob, rag="green")

    task = decide_task(contact)
    contact.refresh_from_db()
    assert (contact.decision, contact.decided_by, contact.rag) == ("advice", bob, "green")
    assert (task.closed_on, task.closed_by, task.was_late) == (D(2026, 3, 4), bob, False)
    assert audit_codes(child) == ["CONTACT_RECORDED", "CONTACT_RATED", "CONTACT_DECIDED"]
    decided = AuditEvent.objects.get(event_code="CONTACT_DECIDED")
    assert decided.detail["in_time"] is True
    assert decided.detail["episode"] is None


def test_a_late_decision_is_recorded_as_late(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 2, 26, 11))  # due 27 Feb
    decide(contact, bob, rag="amber")

    assert decide_task(contact).was_late is True
    assert AuditEvent.objects.get(event_code="CONTACT_DECIDED").detail["in_time"] is False


def test_a_contact_cannot_be_decided_twice(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 3, 4, 8))
    decide(contact, bob, rag="green")
    with pytest.raises(DomainError, match=r"already decided \(information and advice\) on "
                                          r"4 March 2026 at 09:50 by Bob Baker"):
        decide(contact, bob, decision="nfa")


def test_an_unrated_contact_cannot_be_decided(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 3, 4, 8))
    with pytest.raises(DomainError, match="RAG rating before deciding"):
        decide(contact, bob)
    assert decide_task(contact).closed_at is None


def test_a_decision_before_receipt_or_in_the_future_is_refused(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 3, 4, 8))
    with pytest.raises(DomainError, match="before the contact was received"):
        decide(contact, bob, rag="red", decided_at=london(2026, 3, 4, 7, 59))
    with pytest.raises(DomainError, match="cannot be in the future"):
        decide(contact, bob, rag="red", decided_at=london(2026, 3, 4, 10, 1))
    contact.refresh_from_db()
    assert contact.rag == ""  # the rating given with the refused decision was not kept


def test_a_referral_decision_opens_an_episode_in_the_same_step(child, bob):
    contact = contact_for(child, actor=bob, source="6", received_at=london(2026, 3, 3, 22))
    contact = decide(contact, bob, decision="referral", rag="red", primary_need="N1")

    referral = Referral.objects.get(child=child)
    assert (referral.referral_date, referral.source, referral.primary_need) == (
        D(2026, 3, 4), "6", "N1")
    assert (referral.contact, contact.episode) == (contact, referral)
    assert audit_codes(child) == ["CONTACT_RECORDED", "CONTACT_RATED", "REFERRAL_RECORDED",
                                  "CONTACT_DECIDED"]
    assert selectors.open_referral_for(child) == referral
    assert selectors.referral_for_contact(contact) == referral


def test_a_strategy_decision_opens_an_episode_too(child, bob):
    contact = decide(contact_for(child, actor=bob, received_at=london(2026, 3, 4, 8)), bob,
                     decision="strategy", rag="red", primary_need="N1")

    assert contact.episode.contact == contact


def test_a_referral_decision_without_a_primary_need_changes_nothing(child, bob):
    contact = contact_for(child, actor=bob, received_at=london(2026, 3, 4, 8))
    with pytest.raises(DomainError, match="primary need") as error:
        decide(contact, bob, decision="referral", rag="red")

    assert error.value.field == "primary_need"
    contact.refresh_from_db()
    assert (contact.decided_at, contact.episode) == (None, None)
    assert not Referral.objects.exists()
    assert decide_task(contact).closed_at is None


def test_a_child_with_an_open_episode_joins_it_instead_of_a_second_referral(child, bob):
    open_referral = referral_for(child, actor=bob, referral_date=D(2026, 2, 2))
    contact = contact_for(child, actor=bob, received_at=london(2026, 3, 4, 8))

    contact = decide(contact, bob, decision="strategy", rag="red")

    assert contact.episode == open_referral
    assert Referral.objects.count() == 1
    assert AuditEvent.objects.get(event_code="CONTACT_DECIDED").detail[
        "joined_open_episode"] is True


def test_a_system_job_can_record_history(child):
    contact = contact_for(child, actor=None, system_job="migration from the old system",
                          received_at=london(2025, 11, 3, 9))
    services.contact_decide(contact=contact, system_job="migration from the old system",
                            decision="referral", decision_reason="Imported",
                            decided_at=london(2025, 11, 3, 15), rag="amber", primary_need="N5")

    contact.refresh_from_db()
    assert contact.decided_by.username == contact.recorded_by.username
    assert contact.episode.referral_date == D(2025, 11, 3)
    assert set(AuditEvent.objects.filter(child_id=child.pk, actor=None)
               .values_list("system_job", flat=True)) >= {"migration from the old system"}


def test_an_nfa_decision_opens_no_episode(child, bob):
    contact = decided_contact_for(child, actor=bob, decision="nfa")

    assert contact.episode is None
    assert not Referral.objects.exists()


# ---- Referrals --------------------------------------------------------------------------------


def test_a_referral_within_twelve_months_of_the_last_is_a_re_referral(child, bob):
    first = referral_for(child, actor=bob, referral_date=D(2025, 3, 4))
    services.referral_close(referral=first, actor=bob, closed_on=D(2025, 5, 1),
                            closure_reason="RC7")
    second = referral_for(child, actor=bob, referral_date=D(2026, 3, 4))

    assert second.previous_referral == first
    assert second.is_re_referral
    recorded = AuditEvent.objects.filter(event_code="REFERRAL_RECORDED").order_by("id").last()
    assert recorded.detail["re_referral_of"] == first.pk


def test_a_referral_a_year_and_a_day_later_is_not(child, bob):
    first = referral_for(child, actor=bob, referral_date=D(2025, 3, 3),
                         no_further_action=True, primary_need="")
    second = referral_for(child, actor=bob, referral_date=D(2026, 3, 4))

    assert first.previous_referral is None
    assert second.previous_referral is None


def test_a_referral_needs_a_primary_need_unless_nfa(child, bob):
    with pytest.raises(DomainError, match="primary need"):
        referral_for(child, actor=bob, referral_date=D(2026, 3, 4), primary_need="")
    nfa = referral_for(child, actor=bob, referral_date=D(2026, 3, 4), primary_need="",
                       no_further_action=True)
    assert nfa.no_further_action


def test_a_second_open_episode_is_refused(child, bob):
    referral_for(child, actor=bob, referral_date=D(2026, 1, 5))
    with pytest.raises(DomainError, match="overlaps the child's episode of need from "
                                          "5 January 2026 \\(still open\\)"):
        referral_for(child, actor=bob, referral_date=D(2026, 3, 4))


def test_a_referral_cannot_be_in_the_future(child, bob):
    with pytest.raises(DomainError, match="today or in the past"):
        referral_for(child, actor=bob, referral_date=D(2026, 3, 5))


def test_changing_a_referral_date_relinks_re_referrals(child, bob):
    first = referral_for(child, actor=bob, referral_date=D(2024, 6, 3), primary_need="",
                         no_further_action=True)
    second = referral_for(child, actor=bob, referral_date=D(2025, 9, 1))
    assert second.previous_referral is None

    first = services.referral_update(referral=first, actor=bob, referral_date=D(2024, 9, 2))

    second.refresh_from_db()
    assert second.previous_referral == first
    changed = AuditEvent.objects.get(event_code="REFERRAL_CHANGED")
    assert changed.detail["changed"] == {"referral_date": ["2024-06-03", "2024-09-02"]}
    assert changed.detail["relinked"] == {str(second.pk): first.pk}


def test_a_change_that_changes_nothing_is_not_audited(child, bob):
    referral = referral_for(child, actor=bob, referral_date=D(2026, 3, 2))
    services.referral_update(referral=referral, actor=bob, primary_need="N1")

    assert not AuditEvent.objects.filter(event_code="REFERRAL_CHANGED").exists()


def test_a_referral_from_a_contact_cannot_move_before_it(child, bob):
    contact = decided_contact_for(child, actor=bob, decision="referral")
    with pytest.raises(DomainError, match="before the contact that led to it"):
        services.referral_update(referral=contact.episode, actor=bob,
                                 referral_date=D(2026, 3, 3))


# ---- Closing an episode -----------------------------------------------------------------------


def test_closing_an_episode_closes_the_referrals_own_tasks_only(child, bob):
    referral = referral_for(child, actor=bob, referral_date=D(2026, 2, 2))
    own = task_open(kind=TaskKind.AUTHORISE_ASSESSMENT, child=child, source=referral,
                    due_on=D(2026, 4, 7), rule="test")
    contact = contact_for(child, actor=bob)

    services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 4),
                            closure_reason="RC7")

    own.refresh_from_db()
    referral.refresh_from_db()
    assert (referral.closed_on, referral.closure_reason, referral.is_open) == (
        D(2026, 3, 4), "RC7", False)
    assert (own.closed_on, own.closed_by) == (D(2026, 3, 4), bob)
    assert decide_task(contact).closed_at is None
    closed = AuditEvent.objects.get(event_code="REFERRAL_CLOSED")
    assert closed.detail == {"closed_on": "2026-03-04", "closure_reason": "RC7",
                             "tasks_closed": 1}


def test_an_episode_cannot_close_before_its_referral_or_twice(child, bob):
    referral = referral_for(child, actor=bob, referral_date=D(2026, 2, 2))
    with pytest.raises(DomainError, match="before the referral date"):
        services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 2, 1),
                                closure_reason="RC7")
    with pytest.raises(DomainError, match="today or in the past"):
        services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 5),
                                closure_reason="RC7")
    services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 2),
                            closure_reason="RC7")
    with pytest.raises(DomainError, match="already closed on 2 March 2026"):
        services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 3),
                                closure_reason="RC7")


def test_rc8_needs_an_assessment_which_the_assessments_app_reports(child, bob, monkeypatch):
    referral = referral_for(child, actor=bob, referral_date=D(2026, 2, 2))
    with pytest.raises(DomainError, match="RC8 is for a case closed after an assessment"):
        services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 2),
                                closure_reason="RC8")

    monkeypatch.setattr(episodes, "_ASSESSMENT_CHECKS", [])
    episodes.register_assessment_check(lambda r: r.pk == referral.pk)
    services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 2),
                            closure_reason="RC8")
    referral.refresh_from_db()
    assert referral.closure_reason == "RC8"


def test_a_caller_can_say_there_was_an_assessment(child, bob):
    referral = referral_for(child, actor=bob, referral_date=D(2026, 2, 2))
    services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 2),
                            closure_reason="RC9", has_assessment=True)
    referral.refresh_from_db()
    assert referral.closure_reason == "RC9"


def test_another_app_can_refuse_a_closure(child, bob, monkeypatch):
    referral = referral_for(child, actor=bob, referral_date=D(2026, 2, 2))
    monkeypatch.setattr(episodes, "_CLOSURE_CHECKS", [])
    episodes.register_closure_check(lambda r, on: "End the child in need plan first")

    with pytest.raises(DomainError, match="End the child in need plan first"):
        services.referral_close(referral=referral, actor=bob, closed_on=D(2026, 3, 2),
                                closure_reason="RC7")
    referral.refresh_from_db()
    assert referral.is_open


def test_a_closed_episode_lets_a_new_one_start_the_same_day(child, bob):
    first = referral_for(child, actor=bob, referral_date=D(2026, 1, 5))
    services.referral_close(referral=first, actor=bob, closed_on=D(2026, 2, 2),
                            closure_reason="RC7")

    second = referral_for(child, actor=bob, referral_date=D(2026, 2, 2))
    assert second.previous_referral == first


# ---- The chronology ---------------------------------------------------------------------------


def test_the_chronology_shows_contacts_decisions_referrals_and_closures(child, bob):
    first = referral_for(child, actor=bob, referral_date=D(2025, 9, 1))
    services.referral_close(referral=first, actor=bob, closed_on=D(2025, 11, 3),
                            closure_reason="RC7")
    decided_contact_for(child, actor=bob, decision="referral", source="2A")

    titles = [item.title for item in chronology_for(child)]
    assert "Contact received from Schools" in titles
    assert "Contact decision: Referral to children's social care" in titles
    assert "Re-referral (previous referral on 1 September 2025)" in titles
    assert "Referral to children's social care" in titles
    assert "Episode of need closed" in titles
