"""The MASH queue: order, filters, counts, audit, a fixed number of queries, and the clock."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.frontdoor import selectors, services
from hearth.frontdoor.tests.conftest import london
from hearth.frontdoor.tests.factories import contact_for, decided_contact_for
from hearth.people import services as people_services
from hearth.people.models import Person

pytestmark = pytest.mark.django_db
QUEUE = reverse("frontdoor:mash_queue")


@pytest.fixture
def bob(personas):
    return personas.tm_bob


def rated(child, actor, rag: str, received_at: dt.datetime):
    contact = contact_for(child, actor=actor, received_at=received_at)
    if rag:
        services.contact_rate(contact=contact, actor=actor, rag=rag)
    return contact


def queue_of(user, **filters):
    return list(selectors.mash_queue(visible_children=Person.objects.visible_to(user),
                                     filters=selectors.QueueFilters(**filters),
                                     today=dt.date(2026, 3, 4)))


def test_overdue_first_then_by_rating_then_by_time_left(personas, bob, on_wednesday):
    child = personas.child_for(personas.sw_alice)
    green_late = rated(child, bob, "green", london(2026, 3, 2, 9))  # due Tue 3: overdue
    unrated_late = rated(child, bob, "", london(2026, 3, 2, 8))
    amber_today = rated(child, bob, "amber", london(2026, 3, 3, 9))  # due today
    red_tomorrow = rated(child, bob, "red", london(2026, 3, 4, 9))
    red_today = rated(child, bob, "red", london(2026, 3, 3, 10))
    unrated_tomorrow = rated(child, bob, "", london(2026, 3, 4, 8))
    decided_contact_for(child, actor=bob)  # not in the queue

    assert queue_of(bob) == [green_late, unrated_late, red_today, red_tomorrow, amber_today,
                             unrated_tomorrow]


def test_filters_by_rating_source_and_lateness(personas, bob, on_wednesday):
    child = personas.child_for(personas.sw_alice)
    police_red = rated(child, bob, "red", london(2026, 3, 4, 9))
    contact_for(child, actor=bob, source="2A", received_at=london(2026, 3, 4, 8))
    late = rated(child, bob, "amber", london(2026, 3, 2, 9))

    assert queue_of(bob, rag="red") == [police_red]
    assert len(queue_of(bob, rag="unrated")) == 1
    assert queue_of(bob, source="2A")[0].source == "2A"
    assert queue_of(bob, overdue_only=True) == [late]


def test_a_restricted_child_is_left_out_for_those_not_on_its_list(personas, bob, on_wednesday):
    secret = personas.child_for(personas.sw_alice)
    people_services.record_restrict(person=secret, actor=personas.sm_sara, reason="Staff relative")
    contact_for(secret, actor=personas.sm_sara)

    assert queue_of(bob) == []
    assert len(queue_of(personas.sm_sara)) == 1
    counts = selectors.mash_queue_counts(visible_children=Person.objects.visible_to(bob),
                                         today=dt.date(2026, 3, 4))
    assert counts.open == 0


def test_the_page_counts_and_audits_the_children_listed(client, personas, bob, on_wednesday):
    first, second = personas.child_for(personas.sw_alice), personas.child_for(personas.sw_alice)
    rated(first, bob, "red", london(2026, 3, 2, 9))
    rated(second, bob, "", london(2026, 3, 4, 9))
    client.force_login(bob)

    response = client.get(QUEUE)

    assert response.status_code == 200
    counts = response.context["counts"]
    assert (counts.open, counts.overdue, counts.red, counts.unrated) == (2, 1, 1, 1)
    listed = AuditEvent.objects.filter(event_code="CHILD_LISTED", actor=bob)
    assert sorted(listed.values_list("child_id", flat=True)) == sorted([first.pk, second.pk])
    assert listed.first().detail == {"where": "MASH queue"}
    assert response.content.decode().count("<h1") == 1


def test_the_number_of_queries_does_not_grow_with_the_queue(client, personas, bob,
                                                             on_wednesday):
    client.force_login(bob)
    client.get(QUEUE)  # the first page of a session also writes the session

    def queries_with(contacts: int) -> int:
        for _ in range(contacts):
            child = personas.child_for(personas.sw_alice)
            rated(child, bob, "amber", london(2026, 3, 3, 9))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == 200
        return len(captured)

    few = queries_with(2)
    many = queries_with(25)
    assert many == few
    assert few <= 12


def test_filters_and_paging_keep_their_query(client, personas, bob, on_wednesday):
    child = personas.child_for(personas.sw_alice)
    for hour in range(8, 10):
        rated(child, bob, "red", london(2026, 3, 4, hour))
    client.force_login(bob)

    response = client.get(QUEUE, {"rag": "red", "overdue_only": ""})

    assert response.context["page_obj"].paginator.count == 2
    assert response.context["query_params"] == {"rag": "red", "overdue_only": ""}


def test_the_status_changes_as_the_clock_passes_the_deadline(client, personas, bob,
                                                             time_machine):
    time_machine.move_to(london(2026, 12, 24, 11), tick=False)  # Thursday before Christmas
    child = personas.child_for(personas.sw_alice)
    contact = rated(child, bob, "amber", london(2026, 12, 24, 10, 30))
    client.force_login(bob)

    def status_at(moment: dt.datetime) -> tuple[str, str]:
        time_machine.move_to(moment, tick=False)
        client.force_login(bob)  # days pass: a new session, not a timed-out one
        [(row, clock)] = client.get(QUEUE).context["rows"]
        assert row == contact
        return clock.status.value, clock.time_left

    assert contact.decision_due_on == dt.date(2026, 12, 29)  # 25 and 28 Dec are bank holidays
    assert status_at(london(2026, 12, 24, 17)) == ("on_track", "1 working day left")
    assert status_at(london(2026, 12, 28, 12)) == ("on_track", "1 working day left")
    assert status_at(london(2026, 12, 29, 9)) == ("due_today", "Due today: 15 hours left")
    assert status_at(london(2026, 12, 29, 23, 59)) == ("due_today",
                                                       "Due today: less than an hour left")
    assert status_at(london(2026, 12, 30, 0, 0)) == ("overdue", "Overdue by 1 working day")
    response = client.get(QUEUE)
    assert "Overdue by 1 working day" in response.content.decode()
    assert response.context["counts"].overdue == 1


def test_people_without_the_permission_are_refused(client, personas):
    for user in (personas.analyst_dana, personas.iro_erin, personas.admin_sam):
        client.force_login(user)
        assert client.get(QUEUE).status_code == 403
    client.force_login(personas.bs_ben)
    assert client.get(QUEUE).status_code == 200


def test_a_queue_row_shows_the_clock_rating_child_receipt_and_source(client, personas, bob,
                                                                      on_wednesday):
    child = personas.child_for(personas.sw_alice)
    contact = rated(child, bob, "red", london(2026, 3, 4, 9, 5))
    contact.source_detail = "Head <teacher>"
    contact.save(update_fields=["source_detail"])
    client.force_login(bob)

    page = client.get(QUEUE).content.decode()

    link = reverse("frontdoor:contact", args=[child.uuid, contact.pk])
    assert f'<a class="govuk-link" href="{link}">{child.last_name.upper()}, ' in page
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in page
    assert 'govuk-tag--green">1 working day left</strong>' in page
    assert '<span class="govuk-hint">due Thu 5 Mar</span>' in page
    assert "4 Mar 2026 09:05" in page
    assert "Head &lt;teacher&gt;" in page


def test_an_unrated_contact_due_today_shows_hours_left(client, personas, bob, on_wednesday):
    child = personas.child_for(personas.sw_alice)
    rated(child, bob, "", london(2026, 3, 3, 10))
    client.force_login(bob)

    page = client.get(QUEUE).content.decode()

    assert '<strong class="govuk-tag govuk-tag--grey">Not rated</strong>' in page
    assert 'govuk-tag--orange">Due today: ' in page
