"""The services: each write checked, saved and audited in one transaction; events naming a
child carry its id; the LADO team is changed only by a service manager, never for themself."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.lado import access, services
from hearth.lado.models import Allegation, LadoTeamMember
from hearth.lado.tests.factories import SUBJECT, allegation_for, concluded, considered
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def events(code: str):
    return AuditEvent.objects.filter(event_code=code)


# ---- The LADO team ----------------------------------------------------------------------


def test_a_service_manager_adds_and_ends_a_membership_with_audit(personas, officer):
    member = LadoTeamMember.objects.get(user=officer)
    assert access.is_lado_member(officer)
    added = events("LADO_MEMBER_ADDED").get()
    assert added.actor == personas.sm_sara and added.detail == {"user": officer.pk}
    services.member_end(member=member, actor=personas.sm_sara)
    access.forget_membership(officer)
    assert not access.is_lado_member(officer)
    assert events("LADO_MEMBER_ENDED").get().detail["user"] == officer.pk
    member.refresh_from_db()
    assert member.ended_on == D(2026, 6, 1) and member.ended_by == personas.sm_sara


def test_no_one_adds_themself_and_only_eligible_roles_join(personas):
    with pytest.raises(DomainError, match="cannot add yourself"):
        services.member_add(user=personas.sm_sara, reason="LADO", actor=personas.sm_sara)
    for ineligible in (personas.admin_sam, personas.analyst_dana):
        with pytest.raises(DomainError, match="may not see allegations"):
            services.member_add(user=ineligible, reason="LADO", actor=personas.sm_sara)
    with pytest.raises(DomainError, match="Only a service manager"):
        services.member_add(user=personas.sw_alice, reason="LADO", actor=personas.tm_bob)
    assert not LadoTeamMember.objects.exists()
    assert not events("LADO_MEMBER_ADDED").exists()


def test_one_open_membership_each(personas, officer):
    with pytest.raises(DomainError, match="already in the LADO team"):
        services.member_add(user=officer, reason="Again", actor=personas.sm_sara)


# ---- Allegations -------------------------------------------------------------------------


def test_recording_an_allegation_sets_the_due_date_and_audits_against_each_child(
        personas, officer, child):
    other = personas.child_for(personas.sw_alice)
    allegation = allegation_for(officer, received_on=D(2026, 5, 22), children=[child, other])
    assert allegation.initial_consideration_due_on == D(2026, 5, 26)  # over the bank holiday
    recorded = events("LADO_ALLEGATION_RECORDED")
    assert sorted(recorded.values_list("child_id", flat=True)) == sorted([child.pk, other.pk])
    event = recorded.first()
    assert event.actor == officer and event.target_id == str(allegation.pk)
    assert event.detail["sector"] == "education" and event.detail["category"] == "physical"
    assert SUBJECT not in str(event.detail)  # codes and dates, never the names


def test_an_allegation_naming_no_child_has_one_event(officer):
    allegation_for(officer)
    assert events("LADO_ALLEGATION_RECORDED").get().child_id is None


def test_only_the_lado_team_may_record(personas, officer):
    for outsider in (personas.sm_sara, personas.sw_alice, personas.admin_sam):
        with pytest.raises(DomainError, match="Only the LADO team"):
            allegation_for(officer, actor=outsider)
    assert not Allegation.objects.exists()


def test_the_officer_must_be_in_the_lado_team(personas, officer):
    with pytest.raises(DomainError, match="LADO officer") as error:
        allegation_for(personas.sw_alice, actor=officer)
    assert error.value.field == "lado_officer"


def test_the_allegation_goes_from_consideration_to_meeting_to_outcome_to_closed(
        officer, child):
    allegation = allegation_for(officer, children=[child])
    assert allegation.initial_consideration_due_on == D(2026, 5, 29)
    considered(allegation, officer, on=D(2026, 5, 29))
    event = events("LADO_INITIAL_CONSIDERATION_RECORDED").get()
    assert event.child_id == child.pk and event.detail["in_time"] is True
    meeting = services.meeting_record(allegation=allegation, kind="strategy",
                                      held_on=D(2026, 5, 29), attendees="LADO; police; head",
                                      decisions="Police to interview; assistant suspended",
                                      actor=officer)
    assert events("LADO_MEETING_RECORDED").get().target_id == str(meeting.pk)
    concluded(allegation, officer, on=D(2026, 6, 1), dbs=True)
    outcome = events("LADO_OUTCOME_RECORDED").get()
    assert outcome.detail["days_from_referral"] == 4 and outcome.detail["referred_to_dbs"]
    services.allegation_close(allegation=allegation, closed_on=D(2026, 6, 1), actor=officer)
    allegation.refresh_from_db()
    assert allegation.status == "closed" and allegation.closed_by == officer
    assert events("LADO_ALLEGATION_CLOSED").get().child_id == child.pk
    with pytest.raises(DomainError, match="closed on 1 June 2026"):
        services.meeting_record(allegation=allegation, kind="review", held_on=D(2026, 6, 1),
                                attendees="LADO", decisions="None", actor=officer)


def test_a_late_initial_consideration_is_marked_late(officer):
    allegation = allegation_for(officer, received_on=D(2026, 5, 26))
    considered(allegation, officer, on=D(2026, 5, 28))
    assert events("LADO_INITIAL_CONSIDERATION_RECORDED").get().detail["in_time"] is False


def test_changing_the_referral_moves_the_due_date_and_keeps_hidden_children(
        personas, officer, child):
    hidden = personas.child_for(personas.sw_alice)
    people_services.record_restrict(person=hidden, actor=personas.sm_sara, reason="Staff child")
    allegation = allegation_for(officer, children=[child, hidden])
    values = {name: getattr(allegation, name) for name in (
        "received_time", "referrer_name", "referrer_agency", "subject_name", "subject_role",
        "subject_employer", "subject_sector", "category", "summary", "children_text")}
    services.allegation_change(allegation=allegation, actor=officer, children=[],
                               **{**values, "received_on": D(2026, 5, 29),
                                  "subject_role": "Lunchtime supervisor",
                                  "lado_officer": officer})
    allegation.refresh_from_db()
    assert allegation.initial_consideration_due_on == D(2026, 6, 1)
    assert allegation.subject_role == "Lunchtime supervisor"
    # The officer is not on the restricted record's list: it stays linked.
    assert list(allegation.children.all()) == [hidden]
    changed = events("LADO_ALLEGATION_CHANGED")
    assert sorted(changed.values_list("child_id", flat=True)) == sorted([child.pk, hidden.pk])
    assert changed.first().detail["text_changed"] == ["subject_role"]


def test_reads_and_lists_are_audited_against_the_children(officer, child):
    allegation = allegation_for(officer, children=[child])
    services.allegation_viewed(actor=officer, allegation=allegation)
    assert events("LADO_ALLEGATION_VIEWED").get().child_id == child.pk
    services.allegations_listed(actor=officer, allegations=[allegation], filters={})
    listed = events("LADO_ALLEGATIONS_LISTED")
    assert sorted(listed.values_list("child_id", flat=True), key=str) == sorted(
        [None, child.pk], key=str)


def test_only_members_are_offered_as_officers_and_only_eligible_staff_to_add(personas, officer):
    from hearth.lado import selectors

    assert list(selectors.lado_officers()) == [officer]  # not staff with no membership
    eligible = set(selectors.eligible_staff())
    assert personas.sw_alice in eligible and personas.bs_ben in eligible
    assert officer not in eligible and personas.admin_sam not in eligible
    assert personas.analyst_dana not in eligible
