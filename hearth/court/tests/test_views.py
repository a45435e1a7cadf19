"""The child's Court tab, its forms, permissions and refusals, the PLO tracker and the
chronology."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.court import services
from hearth.court.models import LegalCase
from hearth.court.tests.factories import final_order, hearing, pre_proceedings, proceedings
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"court:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def date_fields(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def test_the_tab_shows_the_case_its_clock_and_the_panels(client, personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 1, 1), issued_on=D(2026, 1, 5))
    hearing(legal_case, personas, on=D(2026, 2, 2), next_on=D(2026, 6, 15))

    page = signed_in(client, personas.sw_alice).get(url("child_court", child)).text

    assert f'aria-current="page" href="{url("child_court", child)}"' in page
    assert "Week 21 of 26, due 6 Jul 2026" in page
    assert "govuk-tag--orange\">Nearing" not in page and "On track" in page
    assert "Issues resolution hearing, 15 Jun 2026" in page
    assert "Issue care proceedings" in page  # the panel's decision
    assert url("record_final_order", child, legal_case.pk) in page


def test_the_clock_turns_nearing_and_over_as_time_passes(client, personas, child, traveller):
    proceedings(child, personas, decided_on=D(2026, 1, 1), issued_on=D(2026, 1, 5))
    traveller.move_to(dt.datetime(2026, 6, 9, 9, 0, tzinfo=dt.UTC))
    assert ">Nearing<" in signed_in(client, personas.sw_alice).get(url("child_court", child)).text
    traveller.move_to(dt.datetime(2026, 7, 7, 9, 0, tzinfo=dt.UTC))
    page = signed_in(client, personas.sw_alice).get(url("child_court", child)).text
    assert "Week 26 of 26, due 6 Jul 2026" in page and ">Over<" in page


def test_the_tab_reads_in_a_fixed_number_of_queries(client, personas, child):
    def ended_case(year: int):
        legal_case = proceedings(child, personas, decided_on=D(year, 1, 1),
                                 issued_on=D(year, 1, 6))
        hearing(legal_case, personas, on=D(year, 2, 3))
        services.interim_order_record(legal_case=legal_case, kind="ico", made_on=D(year, 2, 3),
                                      actor=personas.sw_alice)
        final_order(legal_case, personas, on=D(year, 6, 2))

    signed_in(client, personas.sw_alice)
    ended_case(2022)
    client.get(url("child_court", child))  # the first request saves the session
    with CaptureQueriesContext(connection) as one:
        client.get(url("child_court", child))
    for year in (2023, 2024, 2025):
        ended_case(year)
    with CaptureQueriesContext(connection) as four:
        client.get(url("child_court", child))
    assert len(four) == len(one)


def test_a_manager_records_a_panel_for_a_sibling_group(client, personas, child):
    sister = personas.child_for(personas.sw_alice)
    people_services.relationship_add(person=child, other=sister, kind="sibling_of",
                                     system_job="test")
    form_page = signed_in(client, personas.tm_bob).get(url("record_panel", child)).text
    assert sister.full_name in form_page

    response = client.post(url("record_panel", child), {
        **date_fields("held_on", D(2026, 5, 28)), "siblings": [sister.pk],
        "decision": "pre_proceedings", "chair": personas.sm_sara.pk,
        "reasons": "Neglect persists after nine months of a child protection plan"})

    assert response.status_code == 302
    legal_case = LegalCase.objects.get()
    assert set(legal_case.memberships.values_list("child", flat=True)) == {child.pk, sister.pk}


def test_a_rejected_form_keeps_what_was_typed(client, personas, child):
    page = signed_in(client, personas.tm_bob).post(url("record_panel", child), {
        **date_fields("held_on", D(2026, 6, 2)), "decision": "pre_proceedings",
        "chair": personas.sm_sara.pk, "reasons": "Neglect persists"})

    assert page.status_code == 200
    assert "govuk-error-summary" in page.text
    assert "The date of the panel must be today or in the past" in page.text
    assert "Neglect persists" in page.text
    assert re.search(r'name="held_on_year"[^>]*value="2026"', page.content.decode())


def test_an_empty_form_says_what_is_missing(client, personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 1, 1), issued_on=D(2026, 1, 5))
    page = signed_in(client, personas.sw_alice).post(
        url("record_hearing", child, legal_case.pk), {"kind": ""}).text
    for message in ("Choose the kind of hearing", "Enter the date of the hearing",
                    "Enter what the court decided or directed"):
        assert message in page


def test_the_steps_are_recorded_through_the_forms(client, personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 4, 6))
    sw = signed_in(client, personas.sw_alice)
    posts = [
        ("send_letter", {**date_fields("sent_on", D(2026, 4, 8)), "fgdm_offered": "yes"}),
        ("record_meeting", {"kind": "initial", **date_fields("held_on", D(2026, 4, 20)),
                            "attended": "Mother, father, their solicitors, SW, TM"}),
        ("record_outcome", {"outcome": "issue", **date_fields("decided_on", D(2026, 5, 4))}),
        ("record_application", {**date_fields("issued_on", D(2026, 5, 6)),
                                "court": "Family Court (synthetic)",
                                "application_type": "care_order"}),
        ("record_hearing", {"kind": "cmh", **date_fields("held_on", D(2026, 5, 20)),
                            "outcome": "Timetable set", "next_hearing_kind": "irh",
                            **date_fields("next_hearing_on", D(2026, 9, 1))}),
        ("record_interim_order", {"kind": "ico", **date_fields("made_on", D(2026, 5, 20))}),
        ("record_extension", {**date_fields("granted_on", D(2026, 5, 27)), "weeks": "4",
                              "reason": "Sibling assessment"}),
        ("record_final_order", {"order": "care_order", **date_fields("made_on", D(2026, 6, 1))}),
    ]
    for name, data in posts:
        response = sw.post(url(name, child, legal_case.pk), data)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
    legal_case.refresh_from_db()
    assert (legal_case.stage, legal_case.final_order) == ("ended", "care_order")
    assert legal_case.extensions.get().due_on == D(2026, 12, 2)


def test_a_step_at_the_wrong_stage_is_refused_with_the_reason(client, personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 4, 6))
    page = signed_in(client, personas.sw_alice).get(
        url("record_hearing", child, legal_case.pk)).text
    assert "Hearings are recorded once the application is issued" in page
    assert 'method="post" novalidate' not in page
    response = client.post(url("record_hearing", child, legal_case.pk), {
        "kind": "cmh", **date_fields("held_on", D(2026, 5, 1)), "outcome": "x"})
    assert response.status_code == 200 and not legal_case.hearings.exists()


def test_a_broken_rule_shows_on_the_field(client, personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 4, 1), issued_on=D(2026, 4, 7))
    page = signed_in(client, personas.sw_alice).post(
        url("record_final_order", child, legal_case.pk),
        {"order": "care_order", **date_fields("made_on", D(2026, 4, 6))}).text
    assert "The date of the final order must be on or after the application was issued" in page


def test_wrong_roles_are_refused(client, personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 4, 1), issued_on=D(2026, 4, 7))
    assert signed_in(client, personas.sw_alice).get(
        url("record_panel", child)).status_code == 403
    assert signed_in(client, personas.iro_erin).get(
        url("record_hearing", child, legal_case.pk)).status_code == 403
    assert signed_in(client, personas.analyst_dana).get(
        url("child_court", child)).status_code == 403
    assert signed_in(client, personas.sw_alice).get(
        reverse("court:plo_tracker")).status_code == 403


def test_a_restricted_child_and_another_childs_case_are_not_found(client, personas, child):
    other = personas.child_for(personas.sw_alice)
    legal_case = proceedings(other, personas, decided_on=D(2026, 4, 1), issued_on=D(2026, 4, 7))
    signed_in(client, personas.sw_alice)
    assert client.get(url("record_hearing", child, legal_case.pk)).status_code == 404
    people_services.record_restrict(person=other, actor=personas.sm_sara, reason="Staff relative")
    assert client.get(url("child_court", other)).status_code == 404


def test_the_tracker_lists_counts_and_figures(client, personas, child):
    over = proceedings(child, personas, decided_on=D(2025, 10, 1), issued_on=D(2025, 10, 6))
    hearing(over, personas, on=D(2026, 1, 5), next_on=D(2026, 6, 10), next_kind="final")
    pre_proceedings(personas.child_for(personas.sw_charlie), personas, on=D(2026, 5, 20))
    ended = proceedings(personas.child_for(personas.sw_alice), personas,
                        decided_on=D(2025, 4, 1), issued_on=D(2025, 4, 7))
    final_order(ended, personas, on=D(2026, 4, 20))

    page = signed_in(client, personas.tm_bob).get(reverse("court:plo_tracker")).text

    assert re.search(r'id="count-pre">1<', page) and re.search(r'id="count-over">1<', page)
    assert re.search(r'id="concluded">1<', page)
    assert "Final hearing, 10 Jun 2026" in page
    assert "Week 34 of 26" in page and ">Over<" in page
    assert child.last_name.upper() in page
    over_only = client.get(reverse("court:plo_tracker"), {"over": "on"}).text
    assert "2 cases" not in over_only and "1 case" in over_only


def test_the_analyst_sees_figures_but_no_names(client, personas, child):
    proceedings(child, personas, decided_on=D(2025, 10, 1), issued_on=D(2025, 10, 6))
    page = signed_in(client, personas.analyst_dana).get(reverse("court:plo_tracker")).text
    assert child.last_name.upper() not in page and "1 child" in page


def test_the_tracker_reads_in_a_fixed_number_of_queries(client, personas, child):
    signed_in(client, personas.tm_bob)
    proceedings(child, personas, decided_on=D(2025, 10, 1), issued_on=D(2025, 10, 6))
    client.get(reverse("court:plo_tracker"))  # the first request saves the session
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("court:plo_tracker"))
    for _ in range(4):
        kid = personas.child_for(personas.sw_alice)
        services.panel_record(lead_child=kid, siblings=[personas.child_for(personas.sw_alice)],
                              held_on=D(2026, 5, 1), decision="pre_proceedings",
                              chair=personas.sm_sara, reasons="x", actor=personas.tm_bob)
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("court:plo_tracker"))
    assert len(five) == len(one)


def test_the_tracker_refuses_a_period_that_ends_before_it_starts(client, personas):
    page = signed_in(client, personas.tm_bob).get(reverse("court:plo_tracker"), {
        **date_fields("start", D(2026, 5, 2)), **date_fields("end", D(2026, 5, 1))}).text
    assert "The end of the period must be on or after its start" in page


def test_the_chronology_tells_the_story(client, personas, child):
    legal_case = proceedings(child, personas, decided_on=D(2026, 1, 1), issued_on=D(2026, 1, 5))
    services.interim_order_record(legal_case=legal_case, kind="ico", made_on=D(2026, 1, 6),
                                  actor=personas.sw_alice)
    page = signed_in(client, personas.sw_alice).get(
        reverse("people:person_chronology", args=[child.uuid])).text
    for title in ("Legal Gateway Panel: Issue care proceedings", "Care proceedings issued",
                  "Interim care order (s38)"):
        assert title in page


