"""Building a return in the background (ADR 0029): queue a job, run it, record its progress.

`return_job_request` records what was asked for and queues it; a worker (`manage.py db_worker`)
calls `return_job_run`, which builds the return with the same services the commands use,
writing each stage's progress to the job as it goes ("Building the census: 250 of 1,200
children", "Validating: 120 of 380 rules"), then keeps the figures, the validator's failures and
the file on the job. The exports are audited as before, with the person who asked as the actor;
each download of the file is audited too (`return_job_downloaded`).
"""

import io
import logging
import zipfile
from dataclasses import asdict

from django.db import transaction

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.returns import services
from hearth.returns.annex_a import build as annex_a_build
from hearth.returns.models import ReturnJob

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def return_job_request(*, actor, return_name: str, year: int | None = None,
                       as_at=None) -> ReturnJob:
    """Records the request and queues it; the job runs once this transaction has committed."""
    from hearth.returns.tasks import run_return_job

    job = ReturnJob(return_name=return_name, year=year, as_at=as_at, requested_by=actor,
                    requested_at=clock.now())
    job.full_clean()
    job.save()
    Auditor(actor).record("RETURN_BUILD_REQUESTED", detail={
        "job": str(job.pk), "return": return_name, "year": year,
        "as_at": as_at.isoformat() if as_at else None})

    def enqueue():
        result = run_return_job.enqueue(str(job.pk))
        ReturnJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(enqueue)
    return job


def progress_writer(job_id, stage: str, unit: str = ""):
    """A services-style progress callback, `(done, total)`, that writes to the job."""

    def progress(done: int, total: int) -> None:
        ReturnJob.objects.filter(pk=job_id).update(stage=stage, unit=unit, done=done,
                                                   total=total)

    return progress


def return_job_run(*, job_id) -> ReturnJob:
    """Runs a queued job once: a job already started (by another worker) is left alone."""
    claimed = ReturnJob.objects.filter(pk=job_id, status=ReturnJob.Status.QUEUED).update(
        status=ReturnJob.Status.RUNNING, started_at=clock.now(), stage="Starting")
    job = ReturnJob.objects.get(pk=job_id)
    if claimed != 1:
        return job
    try:
        done = BUILDERS[job.return_name](job)
    except (services.ReturnNotReady, annex_a_build.AnnexANotReady) as error:
        return _failed(job, str(error))
    except Exception:
        logger.exception("The build of return job %s failed", job.pk)
        return _failed(job, "Something went wrong inside the build. Try again; if it fails "
                            "again, tell the system administrator (the error is in the log).")
    for name, value in done.items():
        setattr(job, name, value)
    job.status, job.finished_at = ReturnJob.Status.FINISHED, clock.now()
    job.stage, job.unit, job.done, job.total = "Finished", "", 0, 0
    job.save()
    return job


def _failed(job: ReturnJob, message: str) -> ReturnJob:
    job.status, job.finished_at, job.message = ReturnJob.Status.FAILED, clock.now(), message
    job.save(update_fields=["status", "finished_at", "message"])
    return job


def outcome_json(outcome) -> dict:
    return {"failures": [asdict(f) for f in outcome.failures], "rules_run": outcome.rules_run,
            "crashed": outcome.crashed}


def outcome_of(job: ReturnJob):
    """The validator's Outcome the job kept (cin.validation's classes, used for both returns)."""
    from hearth.returns.cin.validation import Failure, Outcome

    kept = job.outcome or {"failures": [], "rules_run": 0, "crashed": {}}
    failures = [Failure(**{**f, "columns": tuple(f["columns"]), "values": tuple(f["values"])})
                for f in kept["failures"]]
    return Outcome(failures=failures, rules_run=kept["rules_run"], crashed=kept["crashed"])


def _checked(outcome) -> dict:
    return {"outcome": outcome_json(outcome), "errors": len(outcome.errors),
            "queries": len(outcome.queries)}


def _year_label(year: int) -> str:
    return f"{year}-{str(year + 1)[2:]}"


def annex_a_file_name(as_at) -> str:
    return f"ofsted-annex-a-{as_at.isoformat()}.xlsx"


def _build_cin(job: ReturnJob) -> dict:
    validate = services.validator_installed("cin")
    out = io.BytesIO()
    build, tables = services.cin_census_export(
        start_year=job.year, out=out, actor=job.requested_by, with_tables=validate,
        progress=progress_writer(job.pk, "Building the census", "children"))
    done = {"children": build.children, "file": out.getvalue(), "content_type":
            "application/xml", "file_name": f"cin-census-{_year_label(job.year)}.xml"}
    if validate:
        build, outcome = services.cin_census_validate(
            start_year=job.year, actor=job.requested_by, tables=tables, build=build,
            rule_progress=progress_writer(job.pk, "Validating", "rules"))
        done.update(_checked(outcome))
    done["figures"] = {"seconds": build.seconds}
    return done


def _build_903(job: ReturnJob) -> dict:
    validate = services.validator_installed("903")
    if validate:
        services.ssda903_la_code()  # before the export, so a missing code fails first
    build, files = services.ssda903_export(
        start_year=job.year, actor=job.requested_by,
        progress=progress_writer(job.pk, "Building the return", "children"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    done = {"children": build.children, "file": out.getvalue(),
            "content_type": "application/zip",
            "file_name": f"ssda903-{_year_label(job.year)}.zip"}
    if validate:
        build, outcome = services.ssda903_validate(
            start_year=job.year, actor=job.requested_by, build=build,
            rule_progress=progress_writer(job.pk, "Validating", "rules"))
        done.update(_checked(outcome))
    done["figures"] = {"seconds": build.seconds, "previous_children": build.previous_children,
                       "rows": {name: len(rows) for name, rows in build.this_year.rows.items()}}
    return done


def _build_annex_a(job: ReturnJob) -> dict:
    out = io.BytesIO()
    build = annex_a_build.annex_a_export(
        as_at=job.as_at, out=out, actor=job.requested_by,
        progress=progress_writer(job.pk, "Building the lists", "lists"))
    return {"file": out.getvalue(), "content_type": XLSX,
            "file_name": annex_a_file_name(job.as_at),
            "figures": {"rows": {str(n): c for n, c in build.counts.items()},
                        "total": sum(build.counts.values())}}


BUILDERS = {"cin": _build_cin, "903": _build_903, "annex_a": _build_annex_a}


def return_job_downloaded(*, job: ReturnJob, actor) -> None:
    """The built file leaves Hearth again: audited each time, naming the job and the return."""
    Auditor(actor).record("RETURN_FILE_DOWNLOADED", detail={
        "job": str(job.pk), "return": job.return_name, "year": job.year,
        "as_at": job.as_at.isoformat() if job.as_at else None, "file": job.file_name,
        "children": job.children})
