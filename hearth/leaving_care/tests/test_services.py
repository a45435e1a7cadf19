"""The care leaver services: tasks opened and closed, audit, refusals, and the limits at 21
and 25 with time travel."""

import datetime as dt

import pytest
from django.core.management import call_command

from hearth.cases.chronology import chronology_for
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.leaving_care import rules, services
from hearth.leaving_care.codes import Category, ContactKind, Entitlement, InTouch
from hearth.leaving_care.models import CareLeaver, CategoryPeriod
from hearth.leaving_care.tests.factories import former_relevant, relevant_care_leaver

pytestmark = pytest.mark.django_db
D = dt.date
SOURCE = "leaving_care.CareLeaver"


def open_task(care_leaver, kind) -> StatutoryTask | None:
    return StatutoryTask.objects.open().filter(kind=kind, source_type=SOURCE,
                                               source_id=care_leaver.pk).first()


def codes(child) -> list[str]:
    return list(AuditEvent.objects.filter(child_id=child.pk).order_by("id")
                .values_list("event_code", flat=True))


def test_recording_a_care_leaver_opens_the_adviser_and_contact_clocks(personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)

    adviser_task = open_task(care_leaver, TaskKind.ALLOCATE_PERSONAL_ADVISER)
    contact_task = open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER)
    # 17 already (born 10 January 2009): the adviser is due at once.
    assert adviser_task.due_on == D(2026, 5, 1)
    assert contact_task.due_on == D(2026, 6, 26)  # 8 weeks after 1 May
    assert contact_task.worker == personas.sw_alice  # the tasks follow the allocation
    assert care_leaver.needs_assessment_due_on == D(2026, 8, 1)
    assert "CARE_LEAVER_RECORDED" in codes(young_person)


def test_a_16_year_old_gets_an_adviser_by_16_years_5_months(personas):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2010, 3, 31))
    care_leaver = relevant_care_leaver(child, personas.sw_alice, left_care_on=D(2026, 5, 1))

    assert open_task(care_leaver, TaskKind.ALLOCATE_PERSONAL_ADVISER).due_on == D(2026, 8, 31)


def test_naming_the_adviser_at_once_opens_no_adviser_task(personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.tm_bob, adviser=personas.sw_alice)

    assert open_task(care_leaver, TaskKind.ALLOCATE_PERSONAL_ADVISER) is None
    assert care_leaver.adviser_allocations.get().adviser == personas.sw_alice


def test_a_category_that_does_not_fit_the_age_is_refused(personas, young_person):
    with pytest.raises(DomainError, match="former relevant only from their 18th birthday"):
        services.care_leaver_record(child=young_person, category=Category.FORMER_RELEVANT,
                                    applies_from=D(2026, 5, 1), left_care_on=D(2026, 5, 1),
                                    actor=personas.sw_alice)
    assert not CareLeaver.objects.exists()


def test_a_young_person_is_recorded_as_a_care_leaver_once(personas, young_person):
    relevant_care_leaver(young_person, personas.sw_alice)
    with pytest.raises(DomainError, match="care leaver since 1 May 2026"):
        relevant_care_leaver(young_person, personas.sw_alice)


def test_allocating_the_adviser_closes_the_task_in_time(personas):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2010, 3, 31))
    care_leaver = relevant_care_leaver(child, personas.sw_alice, left_care_on=D(2026, 5, 1))

    services.personal_adviser_allocate(care_leaver=care_leaver, adviser=personas.sw_alice,
                                       allocated_on=D(2026, 6, 1), actor=personas.tm_bob)

    task = StatutoryTask.objects.get(kind=TaskKind.ALLOCATE_PERSONAL_ADVISER)
    assert task.closed_on == D(2026, 6, 1) and task.was_late is False
    assert "PERSONAL_ADVISER_ALLOCATED" in codes(child)
    assert any(item.title == "Personal adviser allocated" for item in chronology_for(child))
    with pytest.raises(DomainError, match="already this young person's personal adviser"):
        services.personal_adviser_allocate(care_leaver=care_leaver, adviser=personas.sw_alice,
                                           allocated_on=D(2026, 6, 1), actor=personas.tm_bob)


def test_the_pathway_plan_waits_for_the_needs_assessment(personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)
    with pytest.raises(DomainError, match="needs assessment before the pathway plan"):
        services.pathway_plan_agree(care_leaver=care_leaver, agreed_on=D(2026, 5, 20),
                                    actor=personas.sw_alice)

    services.needs_assessment_record(care_leaver=care_leaver, completed_on=D(2026, 5, 10),
                                     actor=personas.sw_alice)
    with pytest.raises(DomainError) as early:
        services.pathway_plan_agree(care_leaver=care_leaver, agreed_on=D(2026, 5, 9),
                                    actor=personas.sw_alice)
    assert early.value.field == "agreed_on"


def test_reviews_keep_the_6_month_clock(personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)
    services.needs_assessment_record(care_leaver=care_leaver, completed_on=D(2026, 5, 10),
                                     actor=personas.sw_alice)
    plan = services.pathway_plan_agree(care_leaver=care_leaver, agreed_on=D(2026, 5, 20),
                                       actor=personas.sw_alice)
    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN).due_on == D(2026, 11, 20)

    services.pathway_plan_review(plan=plan, reviewed_on=D(2026, 5, 29), note="Going well",
                                 actor=personas.sw_alice)
    services.pathway_plan_review(plan=plan, reviewed_on=D(2026, 5, 25),
                                 actor=personas.sw_alice)  # entered late: no change

    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN).due_on == D(2026, 11, 29)
    titles = [item.title for item in chronology_for(young_person)]
    assert titles.count("Pathway plan reviewed") == 2 and "Became a care leaver" in titles


def test_only_a_contact_that_reaches_the_young_person_restarts_the_clock(personas,
                                                                         young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)

    services.contact_record(care_leaver=care_leaver, contact_on=D(2026, 5, 20),
                            kind=ContactKind.PHONE, in_touch=False, actor=personas.sw_alice)
    assert open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER).due_on == D(2026, 6, 26)

    contact = services.contact_record(care_leaver=care_leaver, contact_on=D(2026, 5, 28),
                                      kind=ContactKind.VISIT, in_touch=True,
                                      made_by=personas.tm_bob, actor=personas.sw_alice)
    assert contact.made_by == personas.tm_bob
    assert open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER).due_on == D(2026, 7, 23)
    done = StatutoryTask.objects.get(kind=TaskKind.CONTACT_CARE_LEAVER, closed_at__isnull=False)
    assert done.closed_on == D(2026, 5, 28)


def test_a_contact_cannot_be_before_becoming_a_care_leaver(personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)
    with pytest.raises(DomainError) as refused:
        services.contact_record(care_leaver=care_leaver, contact_on=D(2026, 4, 30),
                                kind=ContactKind.PHONE, in_touch=True, actor=personas.sw_alice)
    assert refused.value.field == "contact_on"


def test_leaving_care_turns_an_eligible_young_person_relevant(personas, young_person):
    care_leaver = services.care_leaver_record(child=young_person, category=Category.ELIGIBLE,
                                              applies_from=D(2026, 3, 1),
                                              actor=personas.sw_alice)
    with pytest.raises(DomainError) as refused:
        services.care_leaver_category_change(care_leaver=care_leaver, category=Category.RELEVANT,
                                             applies_from=D(2026, 5, 1), actor=personas.sw_alice)
    assert refused.value.field == "left_care_on"

    services.care_leaver_category_change(care_leaver=care_leaver, category=Category.RELEVANT,
                                         applies_from=D(2026, 5, 1), left_care_on=D(2026, 5, 1),
                                         actor=personas.sw_alice)

    care_leaver.refresh_from_db()
    assert care_leaver.left_care_on == D(2026, 5, 1)
    assert CategoryPeriod.objects.count() == 2
    with pytest.raises(DomainError, match="already applies from 1 May 2026"):
        services.care_leaver_category_change(care_leaver=care_leaver, category=Category.RELEVANT,
                                             applies_from=D(2026, 5, 1), actor=personas.sw_alice)


def test_situations_keep_the_903_codes(personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)
    situation = services.situation_record(care_leaver=care_leaver, as_at=D(2026, 5, 30),
                                          in_touch=InTouch.YES, activity="F2", accommodation="E",
                                          accommodation_suitable=False, actor=personas.sw_alice)
    assert situation.accom_903 == "E2"
    assert "CARE_LEAVER_SITUATION_RECORDED" in codes(young_person)


def test_staying_put_one_at_a_time_from_18(personas):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2008, 4, 1))
    care_leaver = former_relevant(child, personas.sw_alice, on=D(2026, 4, 1),
                                  left_care_on=D(2026, 4, 1))
    services.staying_put_start(care_leaver=care_leaver, carers="Mr and Mrs Example",
                               started_on=D(2026, 4, 1), actor=personas.sw_alice)
    with pytest.raises(DomainError, match="end that first"):
        services.staying_put_start(care_leaver=care_leaver, carers="Other carers",
                                   started_on=D(2026, 5, 1), actor=personas.sw_alice)
    ended = services.staying_put_end(care_leaver=care_leaver, ended_on=D(2026, 5, 31),
                                     actor=personas.sw_alice)
    assert ended.ended_on == D(2026, 5, 31)
    with pytest.raises(DomainError, match="nothing to end"):
        services.staying_put_end(care_leaver=care_leaver, ended_on=D(2026, 6, 1),
                                 actor=personas.sw_alice)


def test_entitlements_are_offered_and_taken_up(personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.sw_alice)
    with pytest.raises(DomainError) as refused:
        services.entitlement_offer(care_leaver=care_leaver, kind=Entitlement.OTHER,
                                   offered_on=D(2026, 5, 2), actor=personas.sw_alice)
    assert refused.value.field == "detail"

    offer = services.entitlement_offer(care_leaver=care_leaver, kind=Entitlement.LEISURE_PASS,
                                       offered_on=D(2026, 5, 2), actor=personas.sw_alice)
    assert offer.taken_up is None
    services.entitlement_take_up_record(offer=offer, taken_up=True, actor=personas.sw_alice)
    offer.refresh_from_db()
    assert offer.taken_up is True
    assert codes(young_person)[-2:] == ["ENTITLEMENT_OFFERED", "ENTITLEMENT_TAKE_UP_RECORDED"]


def _twenty_year_old(personas):
    """21 on 15 August 2026, with a plan and a contact on 1 June, waiting for an adviser."""
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2005, 8, 15))
    care_leaver = former_relevant(child, personas.tm_bob, on=D(2026, 1, 5),
                                  left_care_on=D(2023, 8, 15))
    services.needs_assessment_record(care_leaver=care_leaver, completed_on=D(2026, 1, 5),
                                     actor=personas.sw_alice)
    services.pathway_plan_agree(care_leaver=care_leaver, agreed_on=D(2026, 1, 6),
                                actor=personas.sw_alice)
    services.contact_record(care_leaver=care_leaver, contact_on=D(2026, 6, 1),
                            kind=ContactKind.MESSAGE, in_touch=True, actor=personas.sw_alice)
    return care_leaver


def test_at_21_the_review_and_adviser_tasks_close_and_contact_becomes_yearly(personas,
                                                                             traveller):
    care_leaver = _twenty_year_old(personas)
    assert open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER).due_on == D(2026, 7, 27)
    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN).due_on == D(2026, 7, 6)

    traveller.move_to(dt.datetime(2026, 8, 14, 9, 0, tzinfo=dt.UTC))
    assert services.support_limits_apply(today=D(2026, 8, 14)) == 0
    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN) is not None

    traveller.move_to(dt.datetime(2026, 8, 15, 9, 0, tzinfo=dt.UTC))
    call_command("apply_care_leaver_support_limits", stdout=open("/dev/null", "w"))

    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN) is None
    assert open_task(care_leaver, TaskKind.ALLOCATE_PERSONAL_ADVISER) is None
    cancelled = StatutoryTask.objects.get(kind=TaskKind.REVIEW_PATHWAY_PLAN)
    assert cancelled.cancelled and cancelled.was_late is None
    contact = open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER)
    assert (contact.due_on, contact.rule) == (D(2027, 6, 1), rules.keep_in_touch_rule())
    assert AuditEvent.objects.filter(event_code="CARE_LEAVER_SUPPORT_ENDED").count() == 1
    assert services.support_limits_apply(today=D(2026, 8, 15)) == 0  # idempotent


def test_support_to_25_keeps_the_clocks_at_21(personas, traveller):
    care_leaver = _twenty_year_old(personas)
    services.support_to_25_request(care_leaver=care_leaver, requested_on=D(2026, 6, 1),
                                   actor=personas.sw_alice)
    assert open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER).due_on == D(2026, 7, 27)
    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN).due_on == D(2026, 12, 1)

    traveller.move_to(dt.datetime(2026, 8, 16, 9, 0, tzinfo=dt.UTC))
    assert services.support_limits_apply(today=D(2026, 8, 16)) == 0
    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN) is not None
    with pytest.raises(DomainError, match="was asked for on 1 June 2026"):
        services.support_to_25_request(care_leaver=care_leaver, requested_on=D(2026, 6, 1),
                                       actor=personas.sw_alice)


def test_at_25_every_clock_stops(personas, traveller):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2001, 6, 15))
    care_leaver = former_relevant(child, personas.tm_bob, on=D(2026, 1, 5),
                                  left_care_on=D(2019, 6, 15), adviser=personas.sw_alice)
    services.support_to_25_request(care_leaver=care_leaver, requested_on=D(2026, 1, 5),
                                   actor=personas.sw_alice)
    services.contact_record(care_leaver=care_leaver, contact_on=D(2026, 4, 1),
                            kind=ContactKind.VISIT, in_touch=True, actor=personas.sw_alice)
    assert open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER).due_on == D(2026, 5, 27)

    traveller.move_to(dt.datetime(2026, 6, 15, 9, 0, tzinfo=dt.UTC))
    assert services.support_limits_apply(today=D(2026, 6, 15)) == 1

    assert not StatutoryTask.objects.open().filter(source_id=care_leaver.pk,
                                                   source_type=SOURCE).exists()
    care_leaver.refresh_from_db()
    assert care_leaver.contact_due_on is None


def test_a_leapling_reaches_21_on_1_march(personas, traveller):
    traveller.move_to(dt.datetime(2028, 6, 1, 9, 0, tzinfo=dt.UTC))
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2008, 2, 29))
    care_leaver = former_relevant(child, personas.tm_bob, on=D(2028, 3, 1),
                                  left_care_on=D(2026, 3, 1), adviser=personas.sw_alice)
    services.needs_assessment_record(care_leaver=care_leaver, completed_on=D(2028, 3, 1),
                                     actor=personas.sw_alice)
    services.pathway_plan_agree(care_leaver=care_leaver, agreed_on=D(2028, 5, 31),
                                actor=personas.sw_alice)  # review due 30 November 2028

    traveller.move_to(dt.datetime(2029, 2, 28, 9, 0, tzinfo=dt.UTC))
    assert services.support_limits_apply(today=D(2029, 2, 28)) == 0
    traveller.move_to(dt.datetime(2029, 3, 1, 9, 0, tzinfo=dt.UTC))
    assert services.support_limits_apply(today=D(2029, 3, 1)) == 1
    assert open_task(care_leaver, TaskKind.REVIEW_PATHWAY_PLAN) is None


def test_the_advisers_tasks_are_on_their_own_work_and_follow_a_new_adviser(
        client, personas, young_person):
    care_leaver = relevant_care_leaver(young_person, personas.tm_bob, adviser=personas.sw_charlie)
    contact = open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER)
    assert contact.assignee == personas.sw_charlie  # not the allocated worker
    client.force_login(personas.sw_charlie)
    assert [t.kind for t, _ in client.get("/work/").context["rows"]] == [
        TaskKind.CONTACT_CARE_LEAVER]

    services.personal_adviser_allocate(care_leaver=care_leaver, adviser=personas.sw_alice,
                                       allocated_on=D(2026, 6, 1), actor=personas.tm_bob)
    assert open_task(care_leaver, TaskKind.CONTACT_CARE_LEAVER).assignee == personas.sw_alice
    assert not client.get("/work/").context["rows"]
