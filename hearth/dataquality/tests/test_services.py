"""Reconciling a run's failures with the kept issues: created, updated, resolved, reopened;
explanations kept across runs; runs recorded and audited."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.dataquality import checks, services
from hearth.dataquality.models import DataQualityIssue, DataQualityRun

from .factories import failure, whole_return

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(personas):
    return personas.child_for(personas.sw_alice)


def test_a_first_run_opens_an_issue_per_failure_on_the_child(fake_check, child, personas):
    fake_check.failures = [failure("1530", child.la_child_id), failure("2887Q", child.la_child_id,
                                                                       column="Ethnicity"),
                           whole_return("8898")]
    run = services.refresh("fake", actor=personas.tm_bob)
    assert (run.status, run.opened, run.errors, run.queries) == ("finished", 3, 2, 1)
    assert run.started_by == personas.tm_bob and run.collection_year == "2025 to 2026"
    issues = {i.rule_code: i for i in DataQualityIssue.objects.all()}
    assert issues["1530"].child == child and issues["1530"].kind == "error"
    assert issues["1530"].where == "ChildIdentifiers: UPN = x"
    assert issues["2887Q"].kind == "query"
    assert issues["8898"].child is None and issues["8898"].la_child_id == ""
    opened = AuditEvent.objects.filter(event_code="DATA_QUALITY_ISSUE_OPENED")
    assert sorted(opened.values_list("child_id", flat=True), key=str) == sorted(
        [child.pk, child.pk, None], key=str)
    assert AuditEvent.objects.get(event_code="DATA_QUALITY_RUN").actor == personas.tm_bob


def test_a_rerun_updates_the_same_issue_and_resolves_one_no_longer_found(
        fake_check, child, traveller):
    fake_check.failures = [failure("1530", child.la_child_id), failure("1540", child.la_child_id)]
    services.refresh("fake", system_job="nightly")
    first = DataQualityIssue.objects.get(rule_code="1530")
    traveller.shift(dt.timedelta(days=1))
    fake_check.failures = [failure("1530", child.la_child_id, row=7)]  # its row moved: the same
    run = services.refresh("fake", system_job="nightly")
    assert (run.opened, run.still_open, run.resolved) == (0, 1, 1)
    assert DataQualityIssue.objects.count() == 2
    again = DataQualityIssue.objects.get(rule_code="1530")
    assert again.pk == first.pk and again.first_seen == first.first_seen
    assert again.last_seen > first.last_seen and again.resolved_at is None
    gone = DataQualityIssue.objects.get(rule_code="1540")
    assert gone.resolved_at is not None and not gone.is_open
    assert AuditEvent.objects.filter(event_code="DATA_QUALITY_ISSUE_RESOLVED",
                                     child_id=child.pk).count() == 1
    # Broken again: the resolved issue reopens rather than a second one appearing.
    fake_check.failures = [failure("1530", child.la_child_id), failure("1540", child.la_child_id)]
    run = services.refresh("fake", system_job="nightly")
    assert (run.opened, run.reopened, run.still_open) == (0, 1, 1)
    assert DataQualityIssue.objects.get(rule_code="1540").resolved_at is None


def test_a_changed_value_is_a_new_issue_and_the_old_one_resolves(fake_check, child):
    fake_check.failures = [failure("1530", child.la_child_id, value="A")]
    services.refresh("fake", system_job="nightly")
    fake_check.failures = [failure("1530", child.la_child_id, value="B")]
    run = services.refresh("fake", system_job="nightly")
    assert (run.opened, run.resolved) == (1, 1)


def test_an_explanation_is_kept_across_reruns(fake_check, child, personas):
    fake_check.failures = [failure("2887Q", child.la_child_id)]
    services.refresh("fake", system_job="nightly")
    issue = DataQualityIssue.objects.get()
    services.explain_query(issue=issue, text="  Only a few codes in so small a return ",
                           actor=personas.sw_alice)
    services.refresh("fake", system_job="nightly")
    services.refresh("fake", system_job="nightly")
    issue = DataQualityIssue.objects.get()
    (explanation,) = issue.explanations.all()
    assert explanation.text == "Only a few codes in so small a return"
    assert explanation.explained_by == personas.sw_alice
    assert AuditEvent.objects.get(event_code="DATA_QUALITY_QUERY_EXPLAINED").child_id == child.pk


def test_only_a_query_may_be_explained_and_not_with_nothing(fake_check, child, personas):
    fake_check.failures = [failure("1530", child.la_child_id), failure("2887Q", child.la_child_id)]
    services.refresh("fake", system_job="nightly")
    with pytest.raises(DomainError, match="is an error, not a query"):
        services.explain_query(issue=DataQualityIssue.objects.get(rule_code="1530"), text="x",
                               actor=personas.sw_alice)
    with pytest.raises(DomainError, match="Enter why the query stands"):
        services.explain_query(issue=DataQualityIssue.objects.get(rule_code="2887Q"),
                               text="  ", actor=personas.sw_alice)


def test_a_failure_for_a_child_id_hearth_does_not_hold_is_kept_without_a_child(fake_check):
    fake_check.failures = [failure("1530", "NOT-IN-HEARTH")]
    services.refresh("fake", system_job="nightly")
    issue = DataQualityIssue.objects.get()
    assert issue.child is None and issue.la_child_id == "NOT-IN-HEARTH"


def test_a_check_that_cannot_run_records_a_failed_run(fake_check, monkeypatch):
    def unavailable(as_at):
        raise checks.CheckUnavailable("Set up the local authority first.")

    checks.register("fake", "Fake return", unavailable)
    with pytest.raises(checks.CheckUnavailable):
        services.refresh("fake", system_job="nightly")
    run = DataQualityRun.objects.get()
    assert run.status == "failed" and run.message == "Set up the local authority first."
    assert run.finished_at is not None


def test_a_second_run_while_one_is_running_is_refused(fake_check, traveller):
    services.refresh("fake", system_job="nightly")
    DataQualityRun.objects.update(status="running")
    with pytest.raises(services.RunInProgress):
        services.refresh("fake", system_job="nightly")
    traveller.shift(services.STALE_AFTER + dt.timedelta(minutes=1))
    assert services.refresh("fake", system_job="nightly").status == "finished"
    stale = DataQualityRun.objects.order_by("id").first()
    assert stale.status == "failed" and "without finishing" in stale.message


def test_an_unknown_check_is_refused():
    with pytest.raises(checks.UnknownCheck, match="Known checks: .*cin"):
        checks.get("nope")


def test_refresh_all_runs_every_check_and_one_that_cannot_does_not_stop_the_others(
        fake_check, child):
    fake_check.failures = [failure("1530", child.la_child_id)]
    results = dict(services.refresh_all(system_job="nightly"))
    assert isinstance(results["cin"], checks.CheckUnavailable)  # no local authority set up
    assert results["fake"].opened == 1
