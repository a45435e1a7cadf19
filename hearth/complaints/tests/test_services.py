"""The services: each write saved and audited in one transaction, once per child named, and
the rules enforced again behind the forms."""

import datetime as dt

import pytest

from hearth.complaints import services
from hearth.complaints.codes import FeedbackKind, Outcome, Relationship, Stage
from hearth.complaints.models import LearningForm
from hearth.complaints.tests.factories import LATE_REASON, complaint_for, respond, stage_of
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db
D = dt.date


def events(code):
    return list(AuditEvent.objects.filter(event_code=code).order_by("id"))


def test_recording_a_complaint_starts_stage_1_on_the_working_day_calendar(personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 22), children=[child])
    stage = stage_of(complaint)
    # Friday 22 May + 10 WD, over the spring bank holiday on 25 May.
    assert (stage.stage, stage.requested_on, stage.response_due_on) == (1, D(2026, 5, 22),
                                                                        D(2026, 6, 8))
    assert stage.standard_due_on == stage.response_due_on
    assert stage.due_rule == "Complaint stage 1 response 10 WD v1"
    assert complaint.reference == f"CMP{complaint.pk:05d}"
    [event] = events("COMPLAINT_RECORDED")
    assert event.actor == personas.bs_ben and event.child_id == child.pk
    assert event.target_id == str(complaint.pk)
    assert event.detail["response_due_on"] == "2026-06-08"
    assert event.detail["children"] == [child.pk]


def test_a_complaint_naming_two_children_is_audited_for_each(personas, child):
    sibling = personas.child_for(personas.sw_alice)
    complaint_for(personas, received_on=D(2026, 5, 22), children=[child, sibling])
    assert {e.child_id for e in events("COMPLAINT_RECORDED")} == {child.pk, sibling.pk}


def test_a_complaint_about_no_child_is_audited_once(personas):
    complaint_for(personas, received_on=D(2026, 5, 22))
    [event] = events("COMPLAINT_RECORDED")
    assert event.child_id is None


@pytest.mark.parametrize(("overrides", "field"), [
    ({"received_on": D(2026, 6, 2)}, "received_on"),
    ({"manager": "sw_alice"}, "responding_manager"),
    ({"service_manager": "tm_bob"}, "service_manager"),
])
def test_recording_refuses_what_the_rules_do_not_allow(personas, overrides, field):
    values = {"received_on": D(2026, 6, 1)}
    for key in ("manager", "service_manager"):
        if key in overrides:
            values[key] = getattr(personas, overrides.pop(key))
    values.update(overrides)
    with pytest.raises(DomainError) as error:
        complaint_for(personas, **values)
    assert error.value.field == field
    assert AuditEvent.objects.filter(event_code="COMPLAINT_RECORDED").count() == 0


def test_an_adult_cannot_be_linked_as_the_child(personas):
    adult = personas.child_for(personas.sw_alice, is_child=False, allocate=False)
    with pytest.raises(DomainError, match="only children"):
        complaint_for(personas, received_on=D(2026, 6, 1), children=[adult])


def test_extending_stage_1_moves_the_due_date_and_keeps_the_standard(personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 22), children=[child])
    stage = services.complaint_stage_extend(
        stage=stage_of(complaint), new_due_on=D(2026, 6, 19), agreed_on=D(2026, 6, 1),
        reason="Complainant agreed: three services to ask", actor=personas.bs_ben)
    stage.refresh_from_db()
    assert (stage.standard_due_on, stage.response_due_on) == (D(2026, 6, 8), D(2026, 6, 19))
    assert stage.extended_by == personas.bs_ben and stage.extended_on == D(2026, 6, 1)
    [event] = events("COMPLAINT_STAGE_EXTENDED")
    assert event.child_id == child.pk
    assert event.detail == {"stage": 1, "from": "2026-06-08", "to": "2026-06-19",
                            "agreed_on": "2026-06-01"}
    with pytest.raises(DomainError, match="already extended"):
        services.complaint_stage_extend(stage=stage, new_due_on=D(2026, 6, 22),
                                        agreed_on=D(2026, 6, 1), reason="Again",
                                        actor=personas.bs_ben)


def test_the_responding_manager_records_an_in_time_response(personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 18), children=[child])
    stage = respond(complaint, personas.tm_bob, on=D(2026, 6, 1))  # due 2 June
    assert (stage.responded_on, stage.outcome, stage.responded_by) == (
        D(2026, 6, 1), Outcome.UPHELD, personas.tm_bob)
    assert stage.is_late is False and stage.lateness_reason == ""
    [event] = events("COMPLAINT_RESPONDED")
    assert event.detail["late"] is False and event.child_id == child.pk


def test_a_late_response_keeps_the_managers_reason(personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 1))  # due 18 May
    with pytest.raises(DomainError, match="give the reason it was late"):
        respond(complaint, personas.tm_bob, on=D(2026, 5, 19))
    assert AuditEvent.objects.filter(event_code="COMPLAINT_RESPONDED").count() == 0
    stage = respond(complaint, personas.sm_sara, on=D(2026, 5, 19), lateness_reason=LATE_REASON)
    assert stage.is_late and stage.lateness_reason == LATE_REASON
    assert events("COMPLAINT_RESPONDED")[0].detail["late"] is True


def test_only_the_responding_or_copied_manager_may_respond(personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 20), service_manager=None)
    with pytest.raises(DomainError, match="for Bob Baker to answer"):
        respond(complaint, personas.sm_sara, on=D(2026, 5, 21))


def test_a_response_is_recorded_once(personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 20))
    respond(complaint, personas.tm_bob, on=D(2026, 5, 21))
    with pytest.raises(DomainError, match="already has a response"):
        respond(complaint, personas.tm_bob, on=D(2026, 5, 22))


def test_the_complainant_asks_for_stage_2_then_stage_3(personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 4, 1), children=[child])
    respond(complaint, personas.tm_bob, on=D(2026, 4, 15), outcome=Outcome.NOT_UPHELD)
    with pytest.raises(DomainError, match="before the stage 1"):
        services.complaint_escalate(complaint=complaint, requested_on=D(2026, 4, 14),
                                    responding_manager=personas.sm_sara, actor=personas.bs_ben)
    second = services.complaint_escalate(complaint=complaint, requested_on=D(2026, 4, 20),
                                         responding_manager=personas.sm_sara,
                                         actor=personas.bs_ben)
    assert second.stage == Stage.INVESTIGATION
    assert second.response_due_on == D(2026, 5, 27)  # 25 WD, over 4 and 25 May
    complaint.refresh_from_db()
    assert complaint.responding_manager == personas.sm_sara
    [event] = events("COMPLAINT_ESCALATED")
    assert event.detail["stage"] == 2 and event.child_id == child.pk
    with pytest.raises(DomainError, match="not been answered yet"):
        services.complaint_escalate(complaint=complaint, requested_on=D(2026, 4, 21),
                                    responding_manager=personas.sm_sara, actor=personas.bs_ben)
    respond(complaint, personas.sm_sara, stage=2, on=D(2026, 5, 20), outcome=Outcome.NOT_UPHELD)
    third = services.complaint_escalate(complaint=complaint, requested_on=D(2026, 5, 22),
                                        responding_manager=personas.sm_sara,
                                        actor=personas.bs_ben)
    assert third.response_due_on == D(2026, 7, 6)  # the panel within 30 WD


def test_a_withdrawn_complaint_goes_no_further(personas):
    complaint = complaint_for(personas, received_on=D(2026, 5, 1))
    respond(complaint, personas.tm_bob, on=D(2026, 5, 29), outcome=Outcome.WITHDRAWN)
    with pytest.raises(DomainError, match="withdrawn"):
        services.complaint_escalate(complaint=complaint, requested_on=D(2026, 6, 1),
                                    responding_manager=personas.tm_bob, actor=personas.bs_ben)


def test_the_learning_form_is_recorded_then_changed(personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 20), children=[child])
    with pytest.raises(DomainError, match="Record the response first"):
        services.learning_record(stage=stage_of(complaint), learning="x", action="",
                                 action_due_on=None, actor=personas.tm_bob)
    respond(complaint, personas.tm_bob, on=D(2026, 5, 27))
    services.learning_record(stage=stage_of(complaint), learning="Tell families about absence",
                             action="Out-of-office guidance to the team",
                             action_due_on=D(2026, 6, 30), actor=personas.tm_bob)
    services.learning_record(stage=stage_of(complaint), learning="Tell families about absence",
                             action="Out-of-office guidance to the team",
                             action_due_on=D(2026, 7, 15), actor=personas.sm_sara)
    form = LearningForm.objects.get()
    assert (form.action_due_on, form.completed_by) == (D(2026, 7, 15), personas.sm_sara)
    first, second = events("COMPLAINT_LEARNING_RECORDED")
    assert first.detail["new"] is True and first.child_id == child.pk
    assert second.detail["changes"] == {"action_due_on": ["2026-06-30", "2026-07-15"]}


def test_opening_a_complaint_is_a_read_of_each_childs_record(personas, child):
    sibling = personas.child_for(personas.sw_alice)
    complaint = complaint_for(personas, received_on=D(2026, 5, 20), children=[child, sibling])
    services.complaint_viewed(actor=personas.tm_bob, complaint=complaint)
    assert len(events("COMPLAINT_VIEWED")) == 1
    reads = events("CHILD_RECORD_VIEWED")
    assert {e.child_id for e in reads} == {child.pk, sibling.pk}
    assert {e.detail["section"] for e in reads} == {"complaint"}


def test_a_compliment_is_recorded_and_audited(personas, child):
    feedback = services.feedback_record(
        kind=FeedbackKind.COMPLIMENT, received_on=D(2026, 5, 29), from_name="Sam Quillby",
        from_relationship=Relationship.CARER, team=personas.team_a,
        summary="Alice kept us informed all the way through.", children=[child],
        actor=personas.bs_ben)
    assert list(feedback.children.all()) == [child]
    [event] = events("FEEDBACK_RECORDED")
    assert event.child_id == child.pk and event.detail["kind"] == "compliment"
    with pytest.raises(DomainError, match="today or in the past"):
        services.feedback_record(kind=FeedbackKind.COMMENT, received_on=D(2026, 6, 2),
                                 from_name="Sam", from_relationship=Relationship.CARER,
                                 team=personas.team_a, summary="x", actor=personas.bs_ben)


def test_a_reason_for_lateness_is_sent_back_amended_and_accepted(personas, child):
    complaint = complaint_for(personas, received_on=D(2026, 5, 1), children=[child])
    respond(complaint, personas.tm_bob, on=D(2026, 5, 20), lateness_reason=LATE_REASON)
    with pytest.raises(DomainError, match="someone else"):
        services.lateness_reason_check(stage=stage_of(complaint), accepted=True, note="",
                                       actor=personas.tm_bob)
    stage = services.lateness_reason_check(stage=stage_of(complaint), accepted=False,
                                           note="Who was covering?", actor=personas.bs_ben)
    assert (stage.reason_accepted, stage.reason_checked_by) == (False, personas.bs_ben)
    with pytest.raises(DomainError, match="for Bob Baker to answer"):
        services.lateness_reason_amend(stage=stage, lateness_reason=LATE_REASON + " Again.",
                                       actor=personas.sw_alice)
    stage = services.lateness_reason_amend(
        stage=stage, lateness_reason="No one covered: the deputy was also on leave that week.",
        actor=personas.tm_bob)
    assert stage.reason_accepted is None and stage.lateness_reason.startswith("No one covered")
    stage = services.lateness_reason_check(stage=stage, accepted=True, note="",
                                           actor=personas.sm_sara)
    assert stage.reason_accepted is True
    checked = events("COMPLAINT_LATENESS_REASON_CHECKED")
    assert [e.detail["accepted"] for e in checked] == [False, True]
    assert {e.child_id for e in checked} == {child.pk}
    assert len(events("COMPLAINT_LATENESS_REASON_AMENDED")) == 1
