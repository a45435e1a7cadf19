"""The data-quality pages: who opens them, what each user sees (their team's children; analysts
child IDs only; a child they may not see is a 404), filters and paging, the explanation form,
running now, and open issues on the worker's My work."""

import pytest
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.dataquality import services, views
from hearth.dataquality.models import DataQualityIssue, DataQualityRun
from hearth.people import services as people_services

from .factories import failure, whole_return

pytestmark = pytest.mark.django_db
WORKLIST = reverse("dataquality:worklist")


@pytest.fixture
def children(personas, fake_check):
    """A child of team A (sw_alice's) and one of team B (sw_charlie's), with issues."""
    a = personas.child_for(personas.sw_alice)
    b = personas.child_for(personas.sw_charlie)
    fake_check.failures = [failure("1530", a.la_child_id), failure("2887Q", a.la_child_id),
                           failure("1540", b.la_child_id), whole_return("8898")]
    services.refresh("fake", system_job="nightly")
    return a, b


def body(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("persona", ["iro_erin", "admin_sam"])
def test_those_without_the_permission_are_refused(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(WORKLIST).status_code == 403
    assert client.get(reverse("dataquality:runs")).status_code == 403
    assert client.get(reverse("dataquality:run")).status_code == 403


def test_a_worker_sees_their_own_teams_children_and_the_list_is_audited(
        client, personas, children):
    a, b = children
    client.force_login(personas.sw_alice)
    page = body(client.get(WORKLIST))
    assert a.full_name in page and "1530" in page and "2887Q" in page
    assert b.full_name not in page and "1540" not in page
    assert "The whole return" not in page
    assert 'name="team"' not in page  # a worker cannot choose another team
    assert "Explain the query" in page
    listed = AuditEvent.objects.filter(event_code="CHILD_LISTED", actor=personas.sw_alice,
                                       detail__where="data-quality worklist")
    assert set(listed.values_list("child_id", flat=True)) == {a.pk}
    client.force_login(personas.sw_charlie)
    page = body(client.get(WORKLIST, {"team": personas.team_a.pk}))
    assert "1540" in page and "1530" not in page


def test_an_analyst_sees_every_team_and_the_whole_return_by_child_id_without_names(
        client, personas, children):
    a, b = children
    client.force_login(personas.analyst_dana)
    page = body(client.get(WORKLIST))
    assert a.la_child_id in page and b.la_child_id in page and "The whole return" in page
    assert a.full_name not in page and a.get_absolute_url() not in page
    page = body(client.get(WORKLIST, {"team": personas.team_b.pk}))
    assert b.la_child_id in page and a.la_child_id not in page


def test_filters_by_rule_kind_check_and_status(client, personas, children, fake_check):
    a, _ = children
    client.force_login(personas.sm_sara)
    assert "1530" not in body(client.get(WORKLIST, {"kind": "query"}))
    assert "2887Q" in body(client.get(WORKLIST, {"kind": "query"}))
    page = body(client.get(WORKLIST, {"rule": "1530"}))
    assert "1 issue" in page and "2887Q" not in page
    assert "No issues match." in body(client.get(WORKLIST, {"check_code": "cin"}))
    assert "1530" in body(client.get(WORKLIST, {"check_code": "fake"}))
    fake_check.failures = [failure("2887Q", a.la_child_id)]
    services.refresh("fake", system_job="nightly")
    assert "1530" not in body(client.get(WORKLIST))
    resolved = body(client.get(WORKLIST, {"status": "resolved"}))
    assert "1530" in resolved and "Resolved" in resolved and "2887Q" not in resolved
    page = body(client.get(WORKLIST, {"status": "all", "sort": "rule"}))
    assert page.index("1530") < page.index("2887Q")


def test_the_worklist_is_paged(client, personas, fake_check, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    child = personas.child_for(personas.sw_alice)
    fake_check.failures = [failure(f"{1500 + n}", child.la_child_id) for n in range(5)]
    services.refresh("fake", system_job="nightly")
    client.force_login(personas.sw_alice)
    first = body(client.get(WORKLIST, {"sort": "rule"}))
    # The rule as the table shows it: a bare "1500" can also turn up in the child's random UUID.
    rule = "</strong> {}<br>".format
    assert "Page 1 of 3" in first and rule(1500) in first and rule(1502) not in first
    assert "sort=rule&amp;page=2" in first
    last = body(client.get(WORKLIST, {"sort": "rule", "page": 3}))
    assert rule(1504) in last and rule(1500) not in last


def test_the_childs_record_section_shows_their_issues(client, personas, children):
    a, b = children
    client.force_login(personas.sw_alice)
    page = body(client.get(reverse("dataquality:child_issues", args=[a.uuid])))
    assert "1530" in page and "2887Q" in page and "Data quality" in page
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED", child_id=a.pk,
                                     actor=personas.sw_alice).exists()
    page = body(client.get(reverse("dataquality:child_issues", args=[b.uuid])))
    assert "No data-quality issues" not in page and "1540" in page
    empty = personas.child_for(personas.sw_alice)
    page = body(client.get(reverse("dataquality:child_issues", args=[empty.uuid])))
    assert "No data-quality issues have been found" in page


def test_a_child_the_user_may_not_see_is_not_found(client, personas, children):
    a, _ = children
    people_services.record_restrict(person=a, actor=personas.sm_sara, reason="Staff relative")
    client.force_login(personas.sw_alice)
    assert client.get(reverse("dataquality:child_issues", args=[a.uuid])).status_code == 404
    issue = DataQualityIssue.objects.get(rule_code="2887Q")
    assert client.get(reverse("dataquality:explain_query", args=[issue.pk])).status_code == 404
    assert "1530" not in body(client.get(WORKLIST))
    client.force_login(personas.analyst_dana)
    assert a.la_child_id not in body(client.get(WORKLIST))
    client.force_login(personas.sm_sara)  # on the access list
    assert "1530" in body(client.get(reverse("dataquality:child_issues", args=[a.uuid])))


def test_another_teams_issue_cannot_be_explained_by_a_worker(client, personas, children):
    issue = DataQualityIssue.objects.get(rule_code="2887Q")
    client.force_login(personas.sw_charlie)
    assert client.get(reverse("dataquality:explain_query", args=[issue.pk])).status_code == 404


def test_explaining_a_query_shows_errors_keeps_what_was_typed_and_saves(
        client, personas, children):
    a, _ = children
    issue = DataQualityIssue.objects.get(rule_code="2887Q")
    url = reverse("dataquality:explain_query", args=[issue.pk])
    client.force_login(personas.sw_alice)
    assert "Why does the query stand?" in body(client.get(url))
    page = body(client.post(url, {"text": ""}))
    assert "There is a problem" in page and "Enter why the query stands" in page
    page = body(client.post(url, {"text": "x" * 5001}))
    assert "5,000 characters or fewer" in page and "x" * 5001 in page
    response = client.post(url, {"text": "The family's codes are few"})
    assert response.status_code == 302
    assert response.url == reverse("dataquality:child_issues", args=[a.uuid])
    page = body(client.get(response.url))
    assert "The family&#x27;s codes are few" in page
    assert issue.explanations.get().explained_by == personas.sw_alice


def test_an_error_cannot_be_explained(client, personas, children):
    issue = DataQualityIssue.objects.get(rule_code="1530")
    client.force_login(personas.sw_alice)
    url = reverse("dataquality:explain_query", args=[issue.pk])
    assert "is an error, not a query" in body(client.get(url))
    assert "is an error, not a query" in body(client.post(url, {"text": "because"}))
    assert not issue.explanations.exists()


def test_run_now_asks_first_then_runs_and_shows_the_runs(client, personas, fake_check):
    child = personas.child_for(personas.sw_alice)
    fake_check.failures = [failure("1530", child.la_child_id)]
    client.force_login(personas.tm_bob)
    page = body(client.get(reverse("dataquality:run")))
    assert "Run the data-quality checks" in page and "Every return" in page
    assert not DataQualityRun.objects.exists()
    response = client.post(reverse("dataquality:run"), {"check_code": "fake"})
    assert response.status_code == 302 and response.url == reverse("dataquality:runs")
    run = DataQualityRun.objects.get()
    assert run.started_by == personas.tm_bob and run.opened == 1
    page = body(client.get(response.url))
    assert "Fake return" in page and "1 new" in page
    # Every check: the census cannot run without a local authority, and says so.
    page = body(client.post(reverse("dataquality:run"), {"check_code": "all"}, follow=True))
    assert "Set up the local authority" in page
    page = body(client.post(reverse("dataquality:run"), {"check_code": "nope"}))
    assert "Choose which checks to run" in page


def test_a_worker_may_not_run_the_checks(client, personas):
    client.force_login(personas.sw_alice)
    assert client.post(reverse("dataquality:run"), {"check_code": "all"}).status_code == 403


def test_open_issues_are_on_the_allocated_workers_my_work(client, personas, children):
    a, b = children
    client.force_login(personas.sw_alice)
    page = body(client.get(reverse("work:mine")))
    assert f"{a.full_name}: 1530" in page and "Data quality error" in page
    assert reverse("dataquality:child_issues", args=[a.uuid]) in page
    assert b.full_name not in page


def test_an_analyst_explains_a_query_by_child_id_and_returns_to_the_worklist(
        client, personas, children):
    a, _ = children
    issue = DataQualityIssue.objects.get(rule_code="2887Q")
    url = reverse("dataquality:explain_query", args=[issue.pk])
    client.force_login(personas.analyst_dana)
    page = body(client.get(url))
    assert f"child {a.la_child_id}" in page and a.full_name not in page
    response = client.post(url, {"text": "Few codes in a small return"})
    assert response.status_code == 302 and response.url == WORKLIST


def test_the_section_is_on_the_childs_record(client, personas, children):
    a, _ = children
    client.force_login(personas.sw_alice)
    page = body(client.get(a.get_absolute_url()))
    assert reverse("dataquality:child_issues", args=[a.uuid]) in page
