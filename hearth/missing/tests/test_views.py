"""The child's Missing tab, its forms, permissions and the report page."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.cases.models import StatutoryTask
from hearth.missing.models import MissingEpisode, PoliceNotification, ReturnInterview
from hearth.missing.tests.factories import episode_for, held, london, offer
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


def url(name: str, child, *args) -> str:
    return reverse(f"missing:{name}", args=[child.uuid, *args])


def signed_in(client, user):
    client.force_login(user)
    return client


def moment_fields(name: str, value: dt.datetime) -> dict:
    return {f"{name}_on_day": value.day, f"{name}_on_month": value.month,
            f"{name}_on_year": value.year, f"{name}_time": f"{value:%H:%M}"}


def kept(page, name: str, value) -> bool:
    return re.search(rf'name="{name}"[^>]*value="{value}"', page.text) is not None


def test_the_tab_lists_episodes_newest_first_with_their_interview(client, personas, child):
    first = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 2, 20),
                        returned_at=london(2026, 5, 3, 10), risks=["cce"])
    held(first, personas.sw_alice, at=london(2026, 5, 5, 15))
    episode_for(child, personas.sw_alice, started_at=london(2026, 5, 29, 22),
                returned_at=london(2026, 5, 30, 6, 15))

    page = signed_in(client, personas.sw_alice).get(url("child_missing", child)).text

    assert f'aria-current="page" href="{url("child_missing", child)}"' in page
    assert page.index("29 May 2026 at 22:00") < page.index("2 May 2026 at 20:00")
    assert "Held within 72 hours" in page and "county lines" in page
    assert "Due</strong> by 2 June 2026 at 06:15" in page


def test_the_interview_turns_overdue_after_72_hours(client, personas, child, traveller):
    episode_for(child, personas.sw_alice, started_at=london(2026, 5, 31, 22),
                returned_at=london(2026, 6, 1, 6, 0))
    traveller.move_to(london(2026, 6, 4, 6, 1))
    page = signed_in(client, personas.sw_alice).get(url("child_missing", child)).text

    assert 'govuk-tag--red">Overdue</strong> was due by 4 June 2026 at 06:00' in page


def test_a_worker_records_an_episode_already_ended(client, personas, child):
    response = signed_in(client, personas.sw_alice).post(url("record_missing_episode", child), {
        "kind": "M", **moment_fields("started", london(2026, 5, 30, 21, 0)),
        "reported_to_police": "yes", "police_reference": "WMP-77", "risks": ["cse", "other"],
        "risk_note": "Unknown car seen", **moment_fields("returned", london(2026, 5, 31, 7)),
        "found_at_place": "Town centre"})

    assert response.status_code == 302
    episode = MissingEpisode.objects.get()
    assert (episode.risks, episode.found_at_place) == (["cse", "other"], "Town centre")
    assert StatutoryTask.objects.get().due_at == london(2026, 6, 3, 7, 0)


def test_a_rejected_episode_keeps_what_was_typed(client, personas, child):
    page = signed_in(client, personas.sw_alice).post(url("record_missing_episode", child), {
        "kind": "A", **moment_fields("started", london(2026, 5, 30, 21, 0)),
        "reported_to_police": "no", "risks": ["self_harm"], "risk_note": "Low mood",
        **moment_fields("returned", london(2026, 5, 30, 20, 0))})

    assert page.status_code == 200
    assert "The return cannot be before the start on 30 May 2026 at 21:00" in page.text
    assert 'class="govuk-error-summary"' in page.text
    assert kept(page, "started_time", "21:00") and kept(page, "returned_time", "20:00")
    assert 'value="self_harm" checked' in page.text and "Low mood" in page.text
    assert not MissingEpisode.objects.exists()


def test_a_time_the_clocks_skipped_is_an_error_on_the_form(client, personas, child):
    page = signed_in(client, personas.sw_alice).post(url("record_missing_episode", child), {
        "kind": "M", "started_on_day": 29, "started_on_month": 3, "started_on_year": 2026,
        "started_time": "01:30", "reported_to_police": "no"})

    assert "01:30 did not happen on 29 March 2026" in page.text


def test_an_open_episode_is_returned_then_offered_and_interviewed(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21))
    client = signed_in(client, personas.sw_alice)

    client.post(url("record_return", child, episode.pk), {
        **moment_fields("returned", london(2026, 5, 31, 8)), "found_at_place": "Home"})
    client.post(url("record_interview_offer", child, episode.pk), {
        **moment_fields("offered", london(2026, 5, 31, 10)), "accepted": "yes"})
    page = client.post(url("record_return_interview", child, episode.pk), {
        "outcome": "held", **moment_fields("held", london(2026, 6, 1, 9, 30)),
        "conducted_by": "Missing Service", "independent": "yes", "seen_alone": "yes",
        "risks_found": ["substance_misuse"], "note": "Talked about friends"}, follow=True)

    interview = ReturnInterview.objects.get()
    assert (interview.independent, interview.seen_alone, interview.within_72_hours) == (
        True, True, True)
    assert "The return home interview was recorded" in page.text
    assert "Held within 72 hours" in page.text and "Substance misuse" in page.text


def test_the_interview_form_asks_for_what_a_held_interview_needs(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21),
                          returned_at=london(2026, 5, 31, 8))

    page = signed_in(client, personas.sw_alice).post(
        url("record_return_interview", child, episode.pk), {"outcome": "held",
                                                           "note": "Kept note"})

    assert "Enter the date it was held" in page.text
    assert "Say who carried out the interview" in page.text
    assert "Say whether they were independent" in page.text
    assert "Kept note" in page.text


def test_declining_before_an_offer_is_refused_on_the_form(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21),
                          returned_at=london(2026, 5, 31, 8))

    page = signed_in(client, personas.sw_alice).post(
        url("record_return_interview", child, episode.pk), {
            "outcome": "declined", "declined_on_day": 31, "declined_on_month": 5,
            "declined_on_year": 2026})

    assert "record the offer first" in page.text
    assert kept(page, "declined_on_day", 31)


def test_the_forms_explain_why_they_cannot_be_used(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21))
    client = signed_in(client, personas.sw_alice)

    offer_page = client.get(url("record_interview_offer", child, episode.pk)).text
    new_page = client.get(url("record_missing_episode", child)).text

    assert "The child has not returned yet: record their return first." in offer_page
    assert "has an open episode, from 30 May 2026 at 21:00" in new_page


def test_the_fourth_offer_is_not_offered(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 28, 21),
                          returned_at=london(2026, 5, 29, 8))
    for hour in (9, 10, 11):
        offer(episode, personas.sw_alice, at=london(2026, 5, 29, hour), accepted=False)
    client = signed_in(client, personas.sw_alice)

    assert "Record an offer" not in client.get(url("child_missing", child)).text
    page = client.post(url("record_interview_offer", child, episode.pk), {
        **moment_fields("offered", london(2026, 5, 30, 9)), "accepted": "no"})
    assert "3 offers have been made" in page.text
    assert episode.interview_offers.count() == 3


def test_business_support_records_a_police_notification(client, personas, child):
    existing = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 31, 20))

    page = signed_in(client, personas.bs_ben).post(url("record_police_notification", child), {
        "police_reference": "WMP-5", "force": "West Midlands Police", "kind": "M",
        **moment_fields("reported", london(2026, 5, 31, 23))}, follow=True)

    assert "was linked to the episode from 31 May 2026 at 20:00" in page.text
    assert PoliceNotification.objects.get().episode == existing


def test_who_may_do_what(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21),
                          returned_at=london(2026, 5, 31, 8))

    client.force_login(personas.iro_erin)
    assert client.get(url("child_missing", child)).status_code == 200
    assert client.get(url("record_missing_episode", child)).status_code == 403
    client.force_login(personas.bs_ben)
    assert client.get(url("record_missing_episode", child)).status_code == 200
    assert client.get(url("record_return_interview", child, episode.pk)).status_code == 403
    client.force_login(personas.sw_alice)
    assert client.get(url("record_police_notification", child)).status_code == 403
    client.force_login(personas.analyst_dana)
    assert client.get(url("child_missing", child)).status_code == 403


def test_a_restricted_child_and_another_childs_episode_are_not_found(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 30, 21))
    other = personas.child_for(personas.sw_alice)
    client.force_login(personas.sw_alice)
    assert client.get(url("record_return", other, episode.pk)).status_code == 404

    people_services.record_restrict(person=child, actor=personas.sm_sara, reason="Staff relative")
    client.force_login(personas.sw_charlie)
    assert client.get(url("child_missing", child)).status_code == 404
    assert client.get(url("record_return", child, episode.pk)).status_code == 404


def test_the_chronology_tells_the_story(client, personas, child):
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 28, 21),
                          returned_at=london(2026, 5, 29, 8))
    held(episode, personas.sw_alice, at=london(2026, 5, 31, 9))

    page = signed_in(client, personas.sw_alice).get(
        reverse("people:person_chronology", args=[child.uuid])).text

    assert "Went missing" in page and "Returned from a missing episode" in page
    assert "Return home interview held" in page and "within 72 hours" in page


# ---- The report -----------------------------------------------------------------------------


def report(client, user, **params):
    client.force_login(user)
    return client.get(reverse("missing:missing_report"), params)


def test_managers_see_the_figures_and_the_children(client, personas, child):
    episode_for(child, personas.sw_alice, started_at=london(2026, 5, 28, 21),
                returned_at=london(2026, 5, 29, 8))

    page = report(client, personas.tm_bob, start_day=1, start_month=5, start_year=2026)

    assert page.status_code == 200
    assert "Persona Team A" in page.text and child.last_name.upper() in page.text
    assert "1 episode of children you may see" in page.text


def test_analysts_see_figures_only(client, personas, child):
    episode_for(child, personas.sw_alice, started_at=london(2026, 5, 28, 21),
                returned_at=london(2026, 5, 29, 8))

    page = report(client, personas.analyst_dana).text

    assert "Persona Team A" in page
    assert child.last_name.upper() not in page and child.first_name not in page


def test_the_report_is_refused_to_workers_and_checks_its_period(client, personas):
    assert report(client, personas.sw_alice).status_code == 403
    page = report(client, personas.tm_bob, start_day=10, start_month=5, start_year=2026,
                  end_day=1, end_month=5, end_year=2026)
    assert "The end of the period must be on or after its start" in page.text


@pytest.mark.parametrize(("now", "status"), [
    (dt.datetime(2026, 10, 26, 11, 0, tzinfo=dt.UTC), 'blue">Due</strong> by'),
    (dt.datetime(2026, 10, 26, 11, 1, tzinfo=dt.UTC), 'red">Overdue</strong> was due by'),
])
def test_the_tab_turns_overdue_72_real_hours_after_a_return_before_the_clocks_go_back(
        client, personas, child, traveller, now, status):
    traveller.move_to(dt.datetime(2026, 10, 24, 9, 0, tzinfo=dt.UTC))
    episode_for(child, personas.sw_alice, started_at=london(2026, 10, 22, 20),
                returned_at=london(2026, 10, 23, 12, 0))  # 11:00 UTC, British Summer Time
    traveller.move_to(now)

    page = signed_in(client, personas.sw_alice).get(url("child_missing", child)).text

    assert f"{status} 26 October 2026 at 11:00" in page  # 11am GMT, not noon


def test_the_tab_reads_in_a_fixed_number_of_queries(client, personas, child):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hearth.core import clock
    from hearth.missing import selectors

    for day in (2, 9, 16):
        episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, day, 20),
                              returned_at=london(2026, 5, day + 1, 8))
        offer(episode, personas.sw_alice, at=london(2026, 5, day + 1, 9))
    with CaptureQueriesContext(connection) as queries:
        summaries = selectors.missing_episode_list_for_child(child, now=clock.now())
        [len(s.offers) for s in summaries]

    assert len(summaries) == 3 and len(queries) == 3
