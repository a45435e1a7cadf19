"""Builds run as background jobs: queued, run once, their progress written as they go, the
outcome and file kept; failures recorded; and the pages that start, watch and serve them."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.returns import jobs
from hearth.returns.models import ReturnJob
from hearth.returns.tests.factories import build_records, with_a_wrong_upn

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(personas, authority):
    return with_a_wrong_upn(build_records(personas))


@pytest.fixture
def stages(monkeypatch):
    """Every progress report the build writes, as (stage, done, total, unit)."""
    seen = []
    writer = jobs.progress_writer

    def recording(job_id, stage, unit=""):
        write = writer(job_id, stage, unit)

        def progress(done, total):
            write(done, total)
            job = ReturnJob.objects.get(pk=job_id)
            seen.append((job.stage, job.done, job.total, job.unit))

        return progress

    monkeypatch.setattr(jobs, "progress_writer", recording)
    return seen


def test_a_job_waits_in_the_queue_then_runs_once_recording_its_progress(
        personas, made, stages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        job = jobs.return_job_request(actor=personas.analyst_dana, return_name="cin",
                                      year=2025)
    assert len(queued) == 1  # enqueued once the request's work commits
    job.refresh_from_db()
    assert job.status == "queued" and job.progress_text == "Waiting to start"
    assert AuditEvent.objects.filter(event_code="RETURN_BUILD_REQUESTED",
                                     actor=personas.analyst_dana).count() == 1

    job = jobs.return_job_run(job_id=job.pk)
    assert job.status == "finished"
    assert job.started_at is not None and job.finished_at is not None
    assert ("Building the census", 4, 4, "children") in stages
    validating = [s for s in stages if s[0] == "Validating"]
    rules = validating[-1][2]
    assert rules > 100 and validating[0][1] == 0 and validating[-1][1] == rules
    assert job.children == 4 and job.errors >= 1 and job.queries >= 1
    assert job.outcome["rules_run"] == rules
    assert bytes(job.file).startswith(b"<?xml") and job.file_name == "cin-census-2025-26.xml"
    assert jobs.outcome_of(job).errors  # the failures come back as the validator's Failures
    # Exported and validated in the requester's name, as the page did.
    assert AuditEvent.objects.get(event_code="CIN_CENSUS_EXPORTED").actor == personas.analyst_dana
    assert AuditEvent.objects.get(event_code="CIN_CENSUS_VALIDATED").actor == personas.analyst_dana
    # A second worker that picks up the same job leaves it alone.
    again = jobs.return_job_run(job_id=job.pk)
    assert again.finished_at == job.finished_at
    assert AuditEvent.objects.filter(event_code="CIN_CENSUS_VALIDATED").count() == 1


def test_a_job_that_cannot_be_built_is_failed_with_the_reason(personas, db):
    job = ReturnJob.objects.create(return_name="cin", year=2025,
                                   requested_by=personas.analyst_dana,
                                   requested_at=dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC))
    job = jobs.return_job_run(job_id=job.pk)  # no local authority set up
    assert job.status == "failed" and job.finished_at is not None
    assert job.message == "Set up the local authority and its DfE LA number first."
    assert not job.file


def test_an_unexpected_error_is_failed_without_showing_its_insides(personas, authority,
                                                                   monkeypatch):
    def broken(job):
        raise RuntimeError("internal detail")

    monkeypatch.setitem(jobs.BUILDERS, "903", broken)
    job = ReturnJob.objects.create(return_name="903", year=2025,
                                   requested_by=personas.analyst_dana,
                                   requested_at=dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC))
    job = jobs.return_job_run(job_id=job.pk)
    assert job.status == "failed"
    assert "Something went wrong" in job.message and "internal detail" not in job.message


def test_annex_a_is_built_as_a_job_with_each_lists_rows(client, personas, authority,
                                                       build_return):
    client.force_login(personas.analyst_dana)
    job = build_return(client, "annex_a", as_at_day=1, as_at_month=6, as_at_year=2026)
    assert job.status == "finished" and job.as_at == dt.date(2026, 6, 1)
    assert job.file_name == "ofsted-annex-a-2026-06-01.xlsx"
    assert bytes(job.file)[:2] == b"PK" and "total" in job.figures
    assert AuditEvent.objects.filter(event_code="ANNEX_A_EXPORTED").count() == 1
    body = client.get(reverse("returns:annex_a")).content.decode()
    assert reverse("returns:return_job", args=[job.pk]) in body  # in the recent builds


# ---- The pages --------------------------------------------------------------------------------


def _job(personas, status="running", **fields) -> ReturnJob:
    return ReturnJob.objects.create(
        return_name="cin", year=2025, requested_by=personas.analyst_dana, status=status,
        requested_at=dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC), **fields)


def test_a_get_of_the_build_address_asks_before_building(client, personas, authority):
    client.force_login(personas.analyst_dana)
    response = client.get(reverse("returns:cin_census_build"), {"year": "2025"})
    body = response.content.decode()
    assert response.status_code == 200 and body.count("<h1") == 1
    assert '<form method="post"' in body and "Start the build" in body
    assert "<title>Build the children in need census" in body
    assert not ReturnJob.objects.exists()


@pytest.mark.parametrize("route", ["returns:cin_census_build", "returns:ssda903_build"])
def test_a_year_without_a_return_is_refused_and_nothing_is_queued(client, personas, authority,
                                                                  route):
    client.force_login(personas.analyst_dana)
    response = client.post(reverse(route), {"year": "1999"})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "<title>Error: " in body and 'href="#id_year"' in body
    assert not ReturnJob.objects.exists()


def test_the_job_page_shows_progress_without_javascript_or_meta_refresh(client, personas):
    job = _job(personas, stage="Validating", unit="rules", done=120, total=380)
    client.force_login(personas.analyst_dana)
    body = client.get(reverse("returns:return_job", args=[job.pk])).content.decode()
    assert body.count("<h1") == 1 and "<title>Error: " not in body
    assert "Validating: 120 of 380 rules" in body
    assert ('<progress class="hearth-progress" id="return-job-progress" max="380" '
            'value="120"') in body
    assert '<label class="govuk-label" for="return-job-progress">' in body
    assert 'aria-live="polite"' in body and "Refresh to see the latest progress" in body
    assert 'http-equiv="refresh"' not in body
    assert "return-job.mjs" in body and "<script>" not in body  # no inline script (CSP)


def test_the_json_status_follows_the_job(client, personas):
    job = _job(personas, stage="Building the census", unit="children", done=250, total=1000)
    client.force_login(personas.sm_sara)  # another user with the returns permission
    response = client.get(reverse("returns:return_job_status", args=[job.pk]))
    status = json.loads(response.content)
    assert response["Cache-Control"] == "no-store"
    assert status["status"] == "running" and status["finished"] is False
    assert status["text"] == "Building the census: 250 of 1,000 children"


@pytest.mark.parametrize("persona", ["sw_alice", "tm_bob", "iro_erin", "bs_ben", "admin_sam"])
def test_a_job_is_not_found_for_anyone_without_the_returns_permission(client, personas,
                                                                      persona):
    job = _job(personas, status="finished", file=b"<x/>", file_name="x.xml",
               content_type="application/xml")
    client.force_login(getattr(personas, persona))
    for name in ("returns:return_job", "returns:return_job_status",
                 "returns:return_job_download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert not AuditEvent.objects.filter(event_code="RETURN_FILE_DOWNLOADED").exists()


def test_an_unfinished_or_failed_job_has_no_download_and_a_failure_says_why(client, personas):
    running = _job(personas)
    failed = _job(personas, status="failed", message="Set up the local authority first.")
    client.force_login(personas.analyst_dana)
    assert client.get(reverse("returns:return_job_download", args=[running.pk])
                      ).status_code == 404
    body = client.get(reverse("returns:return_job", args=[failed.pk])).content.decode()
    assert "The build failed" in body and "Set up the local authority first." in body
    assert "<progress" not in body


def test_a_finished_job_links_to_its_results_and_its_download(client, personas, made,
                                                             build_return):
    client.force_login(personas.analyst_dana)
    job = build_return(client, "cin", year=2025)
    body = client.get(reverse("returns:return_job", args=[job.pk])).content.decode()
    assert f"?year=2025&job={job.pk}" in body.replace("&amp;", "&")
    assert reverse("returns:return_job_download", args=[job.pk]) in body
    results = client.get(reverse("returns:cin_census"), {"year": "2025", "job": str(job.pk)})
    assert "Failures by rule" in results.content.decode()
    # A job of another return or year is not this page's.
    assert client.get(reverse("returns:ssda903"), {"year": "2025", "job": str(job.pk)}
                      ).status_code == 404
    response = client.get(reverse("returns:return_job_download", args=[job.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="cin-census-2025-26.xml"'
    assert AuditEvent.objects.filter(event_code="RETURN_FILE_DOWNLOADED",
                                     actor=personas.analyst_dana).count() == 1


def test_the_page_lists_recent_builds_in_pages(client, personas, authority):
    for _ in range(12):
        _job(personas, status="finished")
    client.force_login(personas.analyst_dana)
    body = client.get(reverse("returns:cin_census")).content.decode()
    assert "Recent builds" in body and "Page 1 of 2" in body
    assert "Page 2 of 2" in client.get(reverse("returns:cin_census"),
                                       {"jobs_page": 2}).content.decode()
