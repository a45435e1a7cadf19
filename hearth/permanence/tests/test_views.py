"""The Permanence tab and its forms, the tracker (paging, filters, restricted children counted
not named), the adopters' pages, permissions and 404s."""

import datetime as dt

import pytest
from django.urls import reverse

from hearth.care.tests.factories import period_for
from hearth.core.models import AuditEvent
from hearth.people import services as people_services
from hearth.permanence import services, views
from hearth.permanence.models import AdopterHousehold, PermanencePlan
from hearth.permanence.tests.factories import approved_household

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"permanence:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def test_the_tab_shows_the_plan_and_its_clock(client, personas, child, period):
    page = signed_in(client, personas.sw_alice).get(url("child_permanence", child)).text
    assert "Plan due" in page and "29 December 2025" in page
    assert ">Overdue<" in page
    assert url("record_plan", child) in page
    assert url("record_decision", child) not in page  # the ADM's decision: service managers
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED", child_id=child.pk,
                                     detail__section="permanence").exists()


def test_recording_a_plan_through_the_form(client, personas, child, period):
    response = signed_in(client, personas.sw_alice).post(url("record_plan", child), {
        "plan_type": "adoption", "stage": "agreed", **date_fields("agreed_on", D(2025, 10, 1))})
    assert response.status_code == 302
    assert PermanencePlan.objects.get(period=period).plan_type == "adoption"


def test_a_refused_form_keeps_what_was_typed(client, personas, child, period):
    response = signed_in(client, personas.sw_alice).post(url("record_plan", child), {
        "plan_type": "adoption", "stage": "agreed", "note": "Typed by the worker",
        **date_fields("agreed_on", D(2025, 8, 1))})
    page = response.text
    assert response.status_code == 200
    assert "must be on or after the day the child became looked after" in page
    assert "Typed by the worker" in page
    assert not PermanencePlan.objects.exists()


def test_an_adoption_step_out_of_order_is_shown_on_the_form(client, personas, child, period):
    decision = services.adoption_decision_record(period=period, decided_on=D(2025, 11, 3),
                                                 decision_maker="Synthetic ADM",
                                                 actor=personas.sm_sara)
    response = signed_in(client, personas.sw_alice).post(
        url("adoption_step", child, decision.pk, "placed"), date_fields("on", D(2026, 1, 5)))
    assert response.status_code == 200
    assert "Record the match with the adopters before the child is placed" in response.text
    assert 'id="id_on-error"' in response.text  # shown on the date it is about


def test_permissions(client, personas, child, period):
    signed_in(client, personas.sw_alice)
    assert client.get(url("record_decision", child)).status_code == 403
    assert client.get(reverse("permanence:tracker")).status_code == 403
    signed_in(client, personas.sm_sara)
    assert client.get(url("record_decision", child)).status_code == 200


def test_a_child_the_user_may_not_see_is_a_404(client, personas, child, period):
    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    decision = services.adoption_decision_record(period=period, decided_on=D(2025, 11, 3),
                                                 decision_maker="Synthetic ADM",
                                                 actor=personas.sm_sara)
    signed_in(client, personas.sw_charlie)
    assert client.get(url("child_permanence", child)).status_code == 404
    assert client.get(url("record_plan", child)).status_code == 404
    assert client.get(url("adoption_step", child, decision.pk, "match")).status_code == 404


def test_a_decision_of_another_child_is_a_404(client, personas, child, period):
    other = personas.child_for(personas.sw_alice, date_of_birth=D(2023, 1, 1))
    other_period = period_for(other, personas.sw_alice, started_on=D(2025, 9, 1))
    decision = services.adoption_decision_record(period=other_period, decided_on=D(2025, 11, 3),
                                                 decision_maker="Synthetic ADM",
                                                 actor=personas.sm_sara)
    response = signed_in(client, personas.sw_alice).get(
        url("adoption_step", child, decision.pk, "match"))
    assert response.status_code == 404


def test_the_tracker_pages_filters_and_counts_restricted_children(client, personas,
                                                                  monkeypatch):
    sw = personas.sw_alice
    children = [personas.child_for(sw, date_of_birth=D(2020, 1, 1), last_name=f"Zed{i}")
                for i in range(3)]
    periods = [period_for(c, sw, started_on=D(2025, 9, 1)) for c in children]
    services.plan_record(period=periods[0], plan_type="adoption", agreed_on=D(2025, 10, 1),
                         actor=sw)
    people_services.record_restrict(person=children[2], actor=personas.sm_sara,
                                    reason="Staff relative")
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    signed_in(client, personas.tm_bob)
    page = client.get(reverse("permanence:tracker")).text
    assert 'id="count-in-care">3<' in page
    assert "1 child counted here is not named" in page
    assert "ZED0" in page and "ZED1" not in page  # one a page
    assert "ZED1" in client.get(reverse("permanence:tracker") + "?page=2").text
    filtered = client.get(reverse("permanence:tracker") + "?plan_type=none").text
    assert 'id="count-in-care">2<' in filtered and "ZED1" in filtered
    assert "ZED0" not in filtered
    by_stage = client.get(reverse("permanence:tracker") + "?stage=agreed&sort=days").text
    assert "ZED0" in by_stage and 'id="count-in-care">1<' in by_stage
    assert AuditEvent.objects.filter(event_code="PERMANENCE_TRACKER_VIEWED").count() == 4
    # An analyst sees the counts and no names.
    page = signed_in(client, personas.analyst_dana).get(reverse("permanence:tracker")).text
    assert 'id="count-in-care">3<' in page and "ZED0" not in page


def test_adopters_list_add_and_household_pages(client, personas):
    sw = personas.sw_alice
    approved_household(sw)
    signed_in(client, sw)
    page = client.get(reverse("permanence:households") + "?status=approved").text
    assert "Synthetic Adopter One" in page and "1 household" in page
    response = client.post(reverse("permanence:add_household"), {
        "legal_status": "L0", "fostering_for_adoption": "no", "adopter1_name": "Solo Adopter",
        "adopter1_sex": "F", "adopter1_ethnicity": "WBRI", "adopter1_disabled": "no",
        "adopter2_name": "Second Person", "adopter2_sex": "M",
        **date_fields("enquiry_on", D(2026, 5, 1))})
    assert response.status_code == 200 and "A single adopter has one adopter" in response.text
    assert "Second Person" in response.text  # what was typed is kept
    response = client.post(reverse("permanence:add_household"), {
        "legal_status": "L0", "fostering_for_adoption": "no", "adopter1_name": "Solo Adopter",
        "adopter1_sex": "F", "adopter1_ethnicity": "WBRI", "adopter1_disabled": "no",
        **date_fields("enquiry_on", D(2026, 5, 1))})
    household = AdopterHousehold.objects.get(adopters__name="Solo Adopter")
    assert response.status_code == 302
    detail = reverse("permanence:household", args=[household.pk])
    assert "Solo Adopter" in client.get(detail).text
    step = reverse("permanence:household_step", args=[household.pk, "approved"])
    assert "Record the application first" in client.post(
        step, date_fields("on", D(2026, 5, 2))).text
    assert client.get(reverse("permanence:household", args=[99999])).status_code == 404
    assert AuditEvent.objects.filter(event_code="ADOPTER_HOUSEHOLD_VIEWED").exists()
