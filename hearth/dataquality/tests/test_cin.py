"""The children in need census as a check: a child whose record breaks a DfE rule gets an
issue on their record after a run, and correcting the record resolves it."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from hearth.dataquality import services
from hearth.dataquality.models import DataQualityIssue, DataQualityRun
from hearth.people.models import Person
from hearth.returns.tests.factories import build_records, with_a_wrong_upn

pytestmark = pytest.mark.django_db
# The factories' records are in the 2025/26 census year; a day in it chooses that census.
IN_2025_26 = dt.date(2026, 3, 31)


@pytest.fixture
def made(personas, authority):
    records = build_records(personas)
    records.right_upn = records.protected.upn
    return with_a_wrong_upn(records)


def test_a_wrong_upn_shows_as_an_issue_on_that_child_and_resolves_when_corrected(
        client, personas, made):
    run = services.refresh("cin", as_at=IN_2025_26, system_job="nightly")
    assert run.collection_year == "2025 to 2026"
    (issue,) = DataQualityIssue.objects.filter(rule_code="1530")
    assert issue.child == made.protected and issue.kind == "error" and issue.is_open
    assert issue.table == "ChildIdentifiers" and "UPN" in issue.columns
    assert issue.values == made.protected.upn
    assert DataQualityIssue.objects.filter(rule_code="2887Q", child__isnull=True).exists()

    client.force_login(personas.sw_alice)
    page = client.get(reverse("dataquality:child_issues", args=[made.protected.uuid]))
    assert page.status_code == 200
    assert "1530" in page.content.decode()

    # The worker corrects the UPN (a valid one, as the generator makes): resolved next run.
    Person.objects.filter(pk=made.protected.pk).update(upn=made.right_upn)
    run = services.refresh("cin", as_at=IN_2025_26, system_job="nightly")
    issue.refresh_from_db()
    assert issue.resolved_at is not None
    assert run.resolved == 1 and run.opened == 0


def test_the_command_runs_every_check_and_reports_the_counts(made):
    out = io.StringIO()
    call_command("run_data_quality", "--check", "cin", "--as-at", "2026-03-31", stdout=out)
    assert "cin 2025 to 2026:" in out.getvalue()
    run = DataQualityRun.objects.get()
    assert run.system_job == "nightly" and run.started_by is None and run.errors >= 1
    out = io.StringIO()
    call_command("run_data_quality", "--check", "all", "--as-at", "2026-03-31", stdout=out)
    assert "0 new" in out.getvalue()
    assert DataQualityRun.objects.count() == 3  # cin, then cin and 903


def test_the_command_refuses_an_unknown_check(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No data-quality check 'nope'"):
        call_command("run_data_quality", "--check", "nope", stdout=io.StringIO())


def test_the_command_fails_when_a_check_cannot_run(db):
    from django.core.management.base import CommandError

    err = io.StringIO()
    with pytest.raises(CommandError, match="Could not run: cin"):
        call_command("run_data_quality", stdout=io.StringIO(), stderr=err)
    assert "Set up the local authority" in err.getvalue()
