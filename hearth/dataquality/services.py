"""Running the data-quality checks and keeping their issues; explaining queries.

`refresh` runs one check (hearth.dataquality.checks) and reconciles what it found with the
issues kept from earlier runs of the same check and collection year, in one transaction: a
failure seen before updates its issue (and reopens it if it had been resolved), a new one opens
an issue on the child, and an open issue not found any more is resolved, with when. The run is
recorded (DataQualityRun) before the check starts, so the runs page shows it running, and a
second run of the same check while one is running is refused.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.dataquality import checks, rules
from hearth.dataquality.models import DataQualityIssue, DataQualityRun, QueryExplanation

NIGHTLY = "nightly"
# A run still "running" after this long crashed without finishing: it no longer blocks others.
STALE_AFTER = dt.timedelta(hours=2)
MAX_EXPLANATION = 5000


class RunInProgress(DomainError):
    pass


@dataclass
class Found:
    """One failure as an issue would hold it."""

    fingerprint: str
    rule_code: str
    kind: str
    message: str
    la_child_id: str
    table: str
    columns: str
    values: str


def _found(check_code: str, collection_year: str, outcome) -> dict[str, Found]:
    found: dict[str, Found] = {}
    for f in outcome.failures:
        columns, values = tuple(f.columns), tuple(f.values)
        key = rules.fingerprint(check_code=check_code, collection_year=collection_year,
                                rule_code=f.rule_code, la_child_id=f.child_id, table=f.table,
                                columns=columns, values=values)
        found.setdefault(key, Found(
            key, f.rule_code,
            DataQualityIssue.Kind.QUERY if f.is_query else DataQualityIssue.Kind.ERROR,
            f.message, f.child_id, f.table, ", ".join(columns), " / ".join(values)))
    return found


def _claim(check_code: str, as_at: dt.date, auditor: Auditor) -> DataQualityRun:
    """Records the run as running. A run left running too long (its process died) is marked
    failed first; a run still running makes this one's insert fail the unique constraint."""
    now = clock.now()
    DataQualityRun.objects.filter(
        check_code=check_code, status=DataQualityRun.Status.RUNNING,
        started_at__lte=now - STALE_AFTER).update(
            status=DataQualityRun.Status.FAILED, finished_at=now,
            message="Stopped without finishing (the process ended)")
    try:
        with transaction.atomic():
            return DataQualityRun.objects.create(
                check_code=check_code, as_at=as_at, started_at=now, started_by=auditor.actor,
                system_job="" if auditor.actor else auditor.system_job)
    except IntegrityError:
        raise RunInProgress(f"The {checks.label_of(check_code)} check is already running. "
                            "Wait for it to finish.") from None


def refresh(check_code: str, as_at: dt.date | None = None, actor=None, *,
            system_job: str = "") -> DataQualityRun:
    """Runs the check for `as_at` (default today) and brings its issues up to date."""
    check = checks.get(check_code)
    as_at = as_at or clock.today()
    auditor = Auditor(actor, system_job=system_job)
    run = _claim(check.code, as_at, auditor)
    started = time.perf_counter()
    try:
        collection_year, outcome = check.run(as_at)
    except checks.CheckUnavailable as error:
        _failed(run, str(error), started)
        raise
    except Exception as error:
        _failed(run, f"The check stopped: {error.__class__.__name__}: {error}", started)
        raise
    with transaction.atomic():
        _reconcile(run, collection_year, _found(check.code, collection_year, outcome), auditor)
        run.failures = len(outcome.failures)
        run.errors = len(outcome.errors)
        run.queries = len(outcome.queries)
        if getattr(outcome, "crashed", None):
            run.message = "Rules that crashed inside the validator: " + ", ".join(
                sorted(outcome.crashed))
        run.collection_year = collection_year
        run.status = DataQualityRun.Status.FINISHED
        run.finished_at = clock.now()
        run.seconds = time.perf_counter() - started
        run.save()
        auditor.record("DATA_QUALITY_RUN", run, detail={
            "check": check.code, "collection_year": collection_year, "as_at": str(as_at),
            "opened": run.opened, "reopened": run.reopened, "still_open": run.still_open,
            "resolved": run.resolved, "errors": run.errors, "queries": run.queries})
    return run


def _failed(run: DataQualityRun, message: str, started: float) -> None:
    run.status = DataQualityRun.Status.FAILED
    run.message = message
    run.finished_at = clock.now()
    run.seconds = time.perf_counter() - started
    run.save(update_fields=["status", "message", "finished_at", "seconds"])


def _children_by_la_id(ids) -> dict:
    from hearth.returns.selectors import children_by_la_id

    return children_by_la_id(ids)


def _reconcile(run: DataQualityRun, collection_year: str, found: dict[str, Found],
               auditor: Auditor) -> None:
    now = clock.now()
    kept = {i.fingerprint: i for i in DataQualityIssue.objects.filter(
        check_code=run.check_code, collection_year=collection_year)}
    children = _children_by_la_id(f.la_child_id for f in found.values())
    new, changed, reopened = [], [], []
    for key, f in found.items():
        child = children.get(f.la_child_id)
        issue = kept.get(key)
        if issue is None:
            new.append(DataQualityIssue(
                fingerprint=key, check_code=run.check_code, collection_year=collection_year,
                rule_code=f.rule_code, kind=f.kind, message=f.message,
                la_child_id=f.la_child_id, child=child, table=f.table, columns=f.columns,
                values=f.values, first_seen=now, last_seen=now, first_run=run, last_run=run))
            continue
        if issue.resolved_at is not None:
            issue.resolved_at = None
            reopened.append(issue)
        issue.message, issue.child, issue.kind = f.message, child, f.kind
        issue.last_seen, issue.last_run = now, run
        changed.append(issue)
    gone = [i for key, i in kept.items() if key not in found and i.resolved_at is None]
    for issue in gone:
        issue.resolved_at = now
    DataQualityIssue.objects.bulk_create(new, batch_size=500)
    DataQualityIssue.objects.bulk_update(
        changed, ["message", "child", "kind", "last_seen", "last_run", "resolved_at"],
        batch_size=500)
    DataQualityIssue.objects.bulk_update(gone, ["resolved_at"], batch_size=500)
    run.opened, run.reopened = len(new), len(reopened)
    run.still_open, run.resolved = len(changed) - len(reopened), len(gone)
    detail = {"check": run.check_code, "collection_year": collection_year}
    auditor.record_many("DATA_QUALITY_ISSUE_OPENED", [*new, *reopened],
                        child_id_of=lambda i: i.child_id, detail=detail)
    auditor.record_many("DATA_QUALITY_ISSUE_RESOLVED", gone,
                        child_id_of=lambda i: i.child_id, detail=detail)


def refresh_all(as_at: dt.date | None = None, actor=None, *,
                system_job: str = "") -> list[tuple[str, DataQualityRun | Exception]]:
    """Every registered check in turn; one that cannot run does not stop the others."""
    results = []
    for check in checks.all_checks():
        try:
            results.append((check.code, refresh(check.code, as_at, actor,
                                                system_job=system_job)))
        except (checks.CheckUnavailable, RunInProgress) as error:
            results.append((check.code, error))
    return results


def explain_query(*, issue: DataQualityIssue, text: str, actor) -> QueryExplanation:
    text = (text or "").strip()
    if not issue.is_query:
        raise DomainError(f"Rule {issue.rule_code} is an error, not a query: correct the "
                          "record instead of explaining it.")
    if not text:
        raise DomainError("Enter why the query stands", field="text")
    if len(text) > MAX_EXPLANATION:
        raise DomainError(f"Explanation must be {MAX_EXPLANATION:,} characters or fewer",
                          field="text")
    with transaction.atomic():
        explanation = QueryExplanation.objects.create(issue=issue, text=text,
                                                      explained_by=actor,
                                                      explained_at=clock.now())
        Auditor(actor).record("DATA_QUALITY_QUERY_EXPLAINED", explanation,
                              child_id=issue.child_id,
                              detail={"issue": issue.pk, "rule": issue.rule_code})
    return explanation


def issues_listed(*, actor, issues, where: str) -> int:
    """A list of issues names children: one CHILD_LISTED event per child shown."""
    from hearth.people.services import people_listed

    people = {i.child_id: i.child for i in issues if i.child_id}
    return people_listed(actor=actor, people=people.values(), where=where)
