"""Workforce and supervision pages: permissions, 404s, validation that keeps what was typed,
audited reads of the child's record, and overdue supervision on the team manager's work."""

import datetime as dt
from decimal import Decimal

import pytest

from hearth.core.models import AuditEvent
from hearth.workforce import services
from hearth.workforce.models import CaseSupervision, Post, PostHolding, StaffSupervision
from hearth.workforce.tests import factories

pytestmark = pytest.mark.django_db
D = dt.date


def day(name: str, value: dt.date) -> dict:
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def post(personas):
    made, _holding = factories.held(personas.team_a, fte="0.8", contract="agency",
                                    name="Robin Agencyworker", start=D(2026, 1, 5))
    return made


def test_the_workforce_page_shows_pi_1447_and_is_audited(client, personas, post):
    factories.held(personas.team_a, fte="1", contract="permanent", start=D(2026, 1, 5))
    factories.held(personas.team_a, fte="0.2", start=D(2026, 1, 5))
    page = signed_in(client, personas.analyst_dana).get("/workforce/")
    assert page.status_code == 200
    # 0.8 agency of 2.0 FTE in post = 40.00%
    assert "40.00%" in page.text and "0.80 of 2.00 FTE" in page.text
    assert AuditEvent.objects.filter(event_code="WORKFORCE_VIEWED",
                                     actor=personas.analyst_dana).exists()


def test_figures_on_an_earlier_date(client, personas, post):
    # The post existed at the end of 2025 but its holder started in January: a vacancy then.
    page = signed_in(client, personas.tm_bob).get("/workforce/", day("on", D(2025, 12, 31)))
    assert page.status_code == 200 and "0.80 FTE in 1 post" in page.text
    assert "0 FTE: 0 permanent, 0 agency" in page.text
    assert "(100.0% of the establishment)" in page.text


def test_a_bad_date_filter_is_an_error_not_a_crash(client, personas):
    page = signed_in(client, personas.tm_bob).get("/workforce/", {
        "on_day": "31", "on_month": "2", "on_year": "2026"})
    assert page.status_code == 200 and "Enter a real date" in page.text


def test_who_may_see_the_workforce(client, personas, post):
    for user in (personas.sw_alice, personas.iro_erin, personas.bs_ben, personas.admin_sam):
        client.force_login(user)
        assert client.get("/workforce/").status_code == 403
        assert client.get(f"/workforce/posts/{post.pk}/").status_code == 403
    for user in (personas.tm_bob, personas.sm_sara, personas.analyst_dana):
        client.force_login(user)
        assert client.get(f"/workforce/teams/{personas.team_a.pk}/").status_code == 200


def test_posts_and_teams_that_do_not_exist_are_404s(client, personas):
    signed_in(client, personas.sm_sara)
    for url in ("/workforce/posts/999999/", "/workforce/teams/999999/",
                "/workforce/posts/999999/holder/", "/workforce/posts/999999/leaver/",
                "/workforce/asye/999999/outcome/", "/workforce/staff/999999/supervision/"):
        assert client.get(url).status_code == 404, url


def test_the_team_page_lists_filters_and_sorts_posts(client, personas, post):
    factories.post(personas.team_a, title="Vacant Social Worker")
    signed_in(client, personas.tm_bob)
    page = client.get(f"/workforce/teams/{personas.team_a.pk}/")
    assert "Robin Agencyworker" in page.text and "Vacant" in page.text
    vacant = client.get(f"/workforce/teams/{personas.team_a.pk}/", {"vacant": "on"})
    assert "1 post" in vacant.text and "Robin Agencyworker" not in vacant.text
    agency = client.get(f"/workforce/teams/{personas.team_a.pk}/",
                        {"contract": "agency", "sort": "-fte"})
    assert "Robin Agencyworker" in agency.text and "Vacant Social Worker" not in agency.text


def test_only_managers_and_business_support_add_posts(client, personas):
    assert signed_in(client, personas.tm_bob).get("/workforce/posts/add/").status_code == 403
    assert signed_in(client, personas.bs_ben).get("/workforce/posts/add/").status_code == 200


def test_a_post_form_with_errors_keeps_what_was_typed(client, personas):
    page = signed_in(client, personas.sm_sara).post("/workforce/posts/add/", {
        "team": personas.team_a.pk, "reference": "SW-77", "title": "Social Worker",
        "grade": "social_worker", "fte": "1.5"})
    assert page.status_code == 200
    assert "The full-time equivalent must be at most 1" in page.text
    assert "Enter the date the post was established" in page.text
    assert 'value="SW-77"' in page.text and 'value="1.5"' in page.text
    assert not Post.objects.exists()


def test_a_post_is_added_then_a_starter_and_a_leaver(client, personas):
    signed_in(client, personas.sm_sara)
    page = client.post("/workforce/posts/add/", {
        "team": personas.team_a.pk, "reference": "SW-77", "title": "Social Worker",
        "grade": "social_worker", "fte": "0.8", **day("established_on", D(2026, 1, 5))})
    post = Post.objects.get()
    assert page.status_code == 302 and page.url == f"/workforce/posts/{post.pk}/"
    assert post.fte == Decimal("0.80")
    page = client.post(f"/workforce/posts/{post.pk}/holder/", {
        "user": personas.sw_alice.pk, "contract": "permanent",
        **day("start_date", D(2026, 2, 2))})
    assert page.status_code == 302
    assert "Alice Adams" in client.get(f"/workforce/posts/{post.pk}/").text
    full = client.get(f"/workforce/posts/{post.pk}/holder/")
    assert "record them leaving first" in full.text
    page = client.post(f"/workforce/posts/{post.pk}/leaver/", {
        "leaving_reason": "resigned", **day("end_date", D(2026, 5, 29))})
    assert page.status_code == 302
    assert PostHolding.objects.get().end_date == D(2026, 5, 29)


def test_a_starter_form_needs_someone_and_keeps_the_name(client, personas):
    post = factories.post(personas.team_a)
    page = signed_in(client, personas.bs_ben).post(f"/workforce/posts/{post.pk}/holder/", {
        "user": personas.sw_alice.pk, "worker_name": "Sam Agency", "contract": "",
        **day("start_date", D(2026, 2, 2))})
    assert page.status_code == 200
    assert "not both" in page.text and "Choose permanent or agency" in page.text
    assert 'value="Sam Agency"' in page.text
    page = signed_in(client, personas.bs_ben).post(f"/workforce/posts/{post.pk}/holder/", {
        "contract": "agency", **day("start_date", D(2019, 2, 2))})
    assert "Choose the member of staff, or enter the name" in page.text
    assert not PostHolding.objects.exists()


def test_a_rule_refused_by_the_service_comes_back_on_its_field(client, personas):
    post = factories.post(personas.team_a, established_on=D(2026, 1, 5))
    page = signed_in(client, personas.bs_ben).post(f"/workforce/posts/{post.pk}/holder/", {
        "worker_name": "Sam Agency", "contract": "agency", **day("start_date", D(2025, 2, 2))})
    assert page.status_code == 200 and "cannot be before it" in page.text


def test_asye_start_and_outcome(client, personas):
    post, holding = factories.held(personas.team_a, user=personas.sw_alice, start=D(2025, 9, 1))
    signed_in(client, personas.sm_sara)
    page = client.post(f"/workforce/posts/{post.pk}/asye/", {
        **day("started_on", D(2025, 9, 1))})
    assert page.status_code == 302
    text = client.get(f"/workforce/posts/{post.pk}/").text
    assert "1 December 2025" in text and "1 September 2026" in text
    team = client.get(f"/workforce/teams/{personas.team_a.pk}/").text
    assert "Final assessment (12 months), 1 Sep 2026" in team
    page = client.post(f"/workforce/asye/{holding.asye.pk}/outcome/", {"outcome": ""})
    assert "Choose the outcome" in page.text


def test_starters_and_leavers_list(client, personas, post):
    services.post_holder_leave(post=post, end_date=D(2026, 5, 1),
                               leaving_reason="end_of_contract", system_job="tests")
    signed_in(client, personas.tm_bob)
    page = client.get("/workforce/starters-and-leavers/")
    assert page.status_code == 200 and page.text.count("Robin Agencyworker") == 2
    oldest = client.get("/workforce/starters-and-leavers/", {"sort": "oldest"}).text
    assert oldest.index("Started") < oldest.index("Left")
    leavers = client.get("/workforce/starters-and-leavers/", {"kind": "leaver"})
    assert "End of contract" in leavers.text and "Started" not in leavers.text
    backwards = client.get("/workforce/starters-and-leavers/", {
        **day("start", D(2026, 5, 1)), **day("end", D(2026, 1, 1))})
    assert "The end date must be on or after the start date" in backwards.text


def test_staff_supervision_form(client, personas):
    signed_in(client, personas.tm_bob)
    url = f"/workforce/staff/{personas.sw_alice.pk}/supervision/"
    page = client.post(url, {"supervisor": personas.tm_bob.pk})
    assert page.status_code == 200 and "Enter the date of the supervision" in page.text
    page = client.post(url, {"supervisor": personas.tm_bob.pk,
                             **day("supervised_on", D(2026, 5, 27))})
    assert page.status_code == 302
    assert StaffSupervision.objects.get().next_due_on == D(2026, 6, 27)
    assert "next due 27 June 2026" in client.get(url).text
    assert signed_in(client, personas.sw_alice).get(url).status_code == 403


def test_the_child_supervision_tab_is_audited_and_shows_what_is_due(client, personas):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 3, 2))
    page = signed_in(client, personas.sw_alice).get(f"/workforce/child/{child.uuid}/supervision/")
    assert page.status_code == 200
    assert "next due 30 March 2026" in page.text and "Overdue" in page.text
    assert "Record case supervision" not in page.text  # a social worker does not record it
    assert AuditEvent.objects.filter(child_id=child.pk, event_code="CHILD_RECORD_VIEWED",
                                     actor=personas.sw_alice).exists()
    assert AuditEvent.objects.filter(child_id=child.pk, event_code="CASE_SUPERVISION_VIEWED",
                                     actor=personas.sw_alice).exists()


def test_recording_case_supervision_keeps_what_was_typed_and_then_saves(client, personas):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 3, 2))
    url = f"/workforce/child/{child.uuid}/supervision/add/"
    assert signed_in(client, personas.sw_alice).get(url).status_code == 403
    signed_in(client, personas.tm_bob)
    page = client.post(url, {"supervisor": personas.tm_bob.pk,
                             "decisions": "Visit the school this week"})
    assert page.status_code == 200 and "Enter the date of the supervision" in page.text
    assert "Visit the school this week" in page.text
    page = client.post(url, {"supervisor": personas.tm_bob.pk, "decisions": "Visit the school",
                             **day("supervised_on", D(2026, 2, 2))})
    assert "No team held the child on that date" in page.text
    page = client.post(url, {"supervisor": personas.tm_bob.pk, "decisions": "Visit the school",
                             **day("supervised_on", D(2026, 5, 29))})
    assert page.status_code == 302
    assert CaseSupervision.objects.get().decisions == "Visit the school"
    assert AuditEvent.objects.filter(child_id=child.pk,
                                     event_code="CASE_SUPERVISION_RECORDED").exists()


def test_a_restricted_or_unknown_child_is_a_404(client, personas):
    signed_in(client, personas.tm_bob)
    for url in ("/workforce/child/00000000-0000-0000-0000-000000000000/supervision/",
                "/workforce/child/00000000-0000-0000-0000-000000000000/supervision/add/"):
        assert client.get(url).status_code == 404


def test_overdue_case_supervision_is_on_the_team_managers_work(client, personas, traveller):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 4, 6))
    services.case_supervision_record(child=child, supervised_on=D(2026, 5, 4),
                                     supervisor=personas.tm_bob, decisions="Agreed",
                                     actor=personas.tm_bob)
    signed_in(client, personas.tm_bob)
    # Due 4 weeks after 4 May: today, 1 June; the next day it is overdue.
    listed = {"kind": "supervise_case", "status": "due_today"}
    assert child.last_name.upper() in client.get("/work/", listed).text.upper()
    traveller.move_to(dt.datetime(2026, 6, 2, 9, 0, tzinfo=dt.UTC))
    signed_in(client, personas.tm_bob)  # a new day, a new session
    assert child.last_name.upper() not in client.get("/work/", listed).text.upper()
    page = client.get("/work/", {"kind": "supervise_case", "status": "overdue"})
    assert child.last_name.upper() in page.text.upper()


def test_the_timeliness_report_is_figures_only_and_audited(client, personas):
    child = personas.child_for(personas.sw_alice, allocated_on=D(2026, 1, 5))
    signed_in(client, personas.analyst_dana)
    page = client.get("/workforce/supervision/")
    assert page.status_code == 200 and "0.0%" in page.text
    assert child.last_name not in page.text
    assert AuditEvent.objects.filter(event_code="SUPERVISION_REPORT_VIEWED").exists()
    assert signed_in(client, personas.sw_alice).get("/workforce/supervision/").status_code == 403


def test_the_frequencies_form(client, personas):
    assert signed_in(client, personas.tm_bob).get(
        "/workforce/supervision/frequencies/").status_code == 403
    signed_in(client, personas.sm_sara)
    values = {"child_protection": "4", "looked_after": "4", "child_in_need": "40",
              "care_leaver": "8", "other": "4"}
    page = client.post("/workforce/supervision/frequencies/", values)
    assert page.status_code == 200 and "from 1 to 26" in page.text and 'value="40"' in page.text
    page = client.post("/workforce/supervision/frequencies/", values | {"child_in_need": "3"})
    assert page.status_code == 302
    report = client.get("/workforce/supervision/")
    assert "Child in need plan: every 3 weeks" in report.text


def test_the_team_page_pages_and_its_queries_do_not_grow_with_the_list(client, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        factories.held(personas.team_a, contract="agency")
    signed_in(client, personas.tm_bob)
    url = f"/workforce/teams/{personas.team_a.pk}/"
    client.get(url)  # the first request of a session does some once-only work
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(50):
        factories.held(personas.team_a)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert "53 posts" in page.text and "Page 1 of 2" in page.text
    second = client.get(url, {"page": "2"})
    assert "Page 2 of 2" in second.text


def test_staff_supervision_is_for_a_managers_own_team_or_a_service_manager(client, personas):
    other_team = f"/workforce/staff/{personas.sw_charlie.pk}/supervision/"
    assert signed_in(client, personas.tm_bob).get(other_team).status_code == 404
    assert signed_in(client, personas.tm_bob).get(
        f"/workforce/staff/{personas.tm_bob.pk}/supervision/").status_code == 404  # themselves
    assert signed_in(client, personas.sm_sara).get(other_team).status_code == 200
