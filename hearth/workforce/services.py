"""Every write to the workforce and supervision records: checked, saved and audited in one
transaction.

Recording case supervision closes the child's open SUPERVISE_CASE task and opens the next one
(due by the child's level of need), for the team manager of the team holding the child, so
overdue case supervision shows in their work list (ADR 9). The source of the task is the
child's record: one open supervision task per child. `case_supervision_tasks_sync` opens the
first task for children allocated before any supervision, and cancels those of children no
team holds (run it from the scheduler: manage.py sync_case_supervision_tasks).
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max, Q

from hearth.cases.models import Allocation, StatutoryTask, TaskKind
from hearth.cases.tasks import task_close, task_open
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.people.models import Person
from hearth.workforce import rules, selectors
from hearth.workforce.codes import AsyeOutcome, Contract, Grade, LeavingReason, LevelOfNeed
from hearth.workforce.models import (
    Asye,
    CaseSupervision,
    Post,
    PostHolding,
    StaffSupervision,
    SupervisionStandard,
)
from hearth.workforce.needs import level_of_need_for, levels_of_need

TASK = TaskKind.SUPERVISE_CASE


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()


def _who(actor, system_job: str):
    return Auditor(actor, system_job=system_job), actor or _system_user()


def _not_future(day: dt.date, *, field: str, what: str) -> None:
    if day is None:
        raise DomainError(f"Enter {what}", field=field)
    if not rules.ensure_not_future(day, today=clock.today()):
        raise DomainError(f"{what[0].upper()}{what[1:]} must be today or in the past",
                          field=field)


def _fte(value) -> Decimal:
    try:
        fte = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise DomainError("Enter the full-time equivalent as a number, like 0.8",
                          field="fte") from None
    if not Decimal("0") < fte <= Decimal("1"):
        raise DomainError("The full-time equivalent must be more than 0 and at most 1",
                          field="fte")
    return fte


@transaction.atomic
def post_add(*, team, reference: str, title: str, grade: str, fte, established_on: dt.date,
             actor=None, system_job: str = "") -> Post:
    auditor, recorder = _who(actor, system_job)
    reference, title = reference.strip().upper(), title.strip()
    if not reference:
        raise DomainError("Enter the post number", field="reference")
    if Post.objects.filter(reference=reference).exists():
        raise DomainError(f"There is already a post {reference}", field="reference")
    if not title:
        raise DomainError("Enter the post's title", field="title")
    if grade not in Grade.values:
        raise DomainError("Choose the grade", field="grade")
    post = Post(team=team, reference=reference, title=title, grade=grade, fte=_fte(fte),
                established_on=established_on, recorded_by=recorder, recorded_at=clock.now())
    post.full_clean()
    post.save()
    auditor.record("WORKFORCE_POST_ADDED", post, detail={
        "team": team.name, "reference": reference, "grade": grade, "fte": str(post.fte),
        "established_on": str(established_on)})
    return post


@transaction.atomic
def post_holder_start(*, post: Post, start_date: dt.date, contract: str, user=None,
                      worker_name: str = "", actor=None, system_job: str = "") -> PostHolding:
    """A starter: someone begins in a vacant post."""
    auditor, recorder = _who(actor, system_job)
    post = Post.objects.select_for_update().get(pk=post.pk)
    worker_name = worker_name.strip()
    if user is None and not worker_name:
        raise DomainError("Choose the member of staff, or enter the name of a worker without "
                          "a Hearth account", field="user")
    if user is not None and worker_name:
        raise DomainError("Choose a member of staff or enter a name, not both",
                          field="worker_name")
    if contract not in Contract.values:
        raise DomainError("Choose permanent or agency", field="contract")
    if start_date is None:
        raise DomainError("Enter the start date", field="start_date")
    if start_date < post.established_on:
        raise DomainError(f"The post was established on {post.established_on:%-d %B %Y}: "
                          "the start date cannot be before it", field="start_date")
    if post.disestablished_on and start_date >= post.disestablished_on:
        raise DomainError("The post was deleted before that date", field="start_date")
    if (current := post.holdings.filter(end_date__isnull=True).first()) is not None:
        raise DomainError(f"{current.holder_name} is in this post: record them leaving first",
                          field="start_date")
    if post.holdings.filter(end_date__gte=start_date).exists():
        raise DomainError("Someone held the post on that date: choose a date after the last "
                          "holder left", field="start_date")
    if user is not None and PostHolding.objects.filter(user=user).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=start_date)).exists():
        raise DomainError(f"{user} is in another post on that date: record them leaving it "
                          "first", field="user")
    holding = PostHolding(post=post, user=user, worker_name=worker_name, contract=contract,
                          start_date=start_date, recorded_by=recorder, recorded_at=clock.now())
    holding.full_clean()
    holding.save()
    auditor.record("WORKFORCE_POST_HOLDER_STARTED", holding, detail={
        "post": post.reference, "contract": contract, "start_date": str(start_date),
        "user": getattr(user, "username", None), "named": bool(worker_name)})
    return holding


@transaction.atomic
def post_holder_leave(*, post: Post, end_date: dt.date, leaving_reason: str, note: str = "",
                      actor=None, system_job: str = "") -> PostHolding:
    """A leaver: the holder's last day in the post, with the reason."""
    auditor, _recorder = _who(actor, system_job)
    holding = (PostHolding.objects.select_for_update()
               .filter(post=post, end_date__isnull=True).first())
    if holding is None:
        raise DomainError("Nobody is in this post", field="end_date")
    if end_date is None:
        raise DomainError("Enter their last day in the post", field="end_date")
    if end_date < holding.start_date:
        raise DomainError(f"They started on {holding.start_date:%-d %B %Y}: the last day "
                          "cannot be before it", field="end_date")
    if leaving_reason not in LeavingReason.values:
        raise DomainError("Choose why they left", field="leaving_reason")
    holding.end_date, holding.leaving_reason = end_date, leaving_reason
    holding.leaving_note = note.strip()
    holding.save(update_fields=["end_date", "leaving_reason", "leaving_note"])
    auditor.record("WORKFORCE_POST_HOLDER_LEFT", holding, detail={
        "post": post.reference, "end_date": str(end_date), "reason": leaving_reason})
    return holding


@transaction.atomic
def asye_start(*, holding: PostHolding, started_on: dt.date, assessor=None, actor=None,
               system_job: str = "") -> Asye:
    auditor, recorder = _who(actor, system_job)
    if Asye.objects.filter(holding=holding).exists():
        raise DomainError("An ASYE is already recorded for them in this post",
                          field="started_on")
    if holding.post.grade not in (Grade.SOCIAL_WORKER,):
        raise DomainError("An ASYE is for a newly qualified social worker in a social worker "
                          "post", field="started_on")
    if started_on is None:
        raise DomainError("Enter the date the ASYE started", field="started_on")
    if started_on < holding.start_date:
        raise DomainError("The ASYE cannot start before they started in the post",
                          field="started_on")
    asye = Asye.objects.create(holding=holding, started_on=started_on,
                               expected_end_on=rules.asye_expected_end_on(started_on),
                               assessor=assessor, recorded_by=recorder,
                               recorded_at=clock.now())
    auditor.record("WORKFORCE_ASYE_STARTED", asye, detail={
        "post": holding.post.reference, "started_on": str(started_on),
        "expected_end_on": str(asye.expected_end_on)})
    return asye


@transaction.atomic
def asye_complete(*, asye: Asye, completed_on: dt.date, outcome: str, actor) -> Asye:
    asye = Asye.objects.select_for_update().get(pk=asye.pk)
    if asye.completed_on is not None:
        raise DomainError("The outcome of this ASYE is already recorded", field="outcome")
    if outcome not in AsyeOutcome.values:
        raise DomainError("Choose the outcome", field="outcome")
    _not_future(completed_on, field="completed_on", what="the date of the outcome")
    if completed_on < asye.started_on:
        raise DomainError("The outcome cannot be before the ASYE started", field="completed_on")
    asye.completed_on, asye.outcome = completed_on, outcome
    asye.save(update_fields=["completed_on", "outcome"])
    Auditor(actor).record("WORKFORCE_ASYE_COMPLETED", asye,
                          detail={"outcome": outcome, "completed_on": str(completed_on)})
    return asye


def workforce_viewed(*, actor, what: str, detail: dict | None = None) -> None:
    Auditor(actor).record("WORKFORCE_VIEWED", detail={"what": what, **(detail or {})})


# Staff supervision

@transaction.atomic
def staff_supervision_record(*, worker, supervised_on: dt.date, supervisor,
                             next_due_on: dt.date | None = None, actor=None,
                             system_job: str = "") -> StaffSupervision:
    auditor, recorder = _who(actor, system_job)
    _not_future(supervised_on, field="supervised_on", what="the date of the supervision")
    if supervisor is None:
        raise DomainError("Choose who gave the supervision", field="supervisor")
    if supervisor.pk == worker.pk:
        raise DomainError("Someone cannot supervise themselves", field="supervisor")
    next_due_on = next_due_on or rules.staff_supervision_next_due_on(supervised_on)
    if next_due_on <= supervised_on:
        raise DomainError("The next supervision must be due after this one",
                          field="next_due_on")
    row = StaffSupervision.objects.create(
        worker=worker, supervised_on=supervised_on, supervisor=supervisor,
        next_due_on=next_due_on, recorded_by=recorder, recorded_at=clock.now())
    auditor.record("STAFF_SUPERVISION_RECORDED", row, detail={
        "worker": worker.username, "supervisor": supervisor.username,
        "supervised_on": str(supervised_on), "next_due_on": str(next_due_on)})
    return row


# Case supervision

def _open_supervision_task(child, due: selectors.CaseSupervisionDue, team_id):
    return task_open(kind=TASK, child=child, source=child, due_on=due.due_on, rule=due.rule,
                     assignee=selectors.team_manager_of(team_id))


@transaction.atomic
def case_supervision_record(*, child: Person, supervised_on: dt.date, supervisor,
                            decisions: str, actor=None, system_job: str = "") -> CaseSupervision:
    auditor, recorder = _who(actor, system_job)
    Person.objects.select_for_update().filter(pk=child.pk).exists()
    if not child.is_child:
        raise DomainError("Case supervision is recorded on a child's record")
    _not_future(supervised_on, field="supervised_on", what="the date of the supervision")
    if supervisor is None or not supervisor.has_perm("workforce.record_case_supervision"):
        raise DomainError("Choose a senior practitioner or manager who supervised the case",
                          field="supervisor")
    if not decisions.strip():
        raise DomainError("Enter the decisions and actions agreed", field="decisions")
    allocation = (Allocation.objects.filter(child=child, start_date__lte=supervised_on)
                  .filter(Q(end_date__isnull=True) | Q(end_date__gt=supervised_on)).first())
    if allocation is None:
        raise DomainError("No team held the child on that date: case supervision is for a "
                          "child whose case is open", field="supervised_on")
    level = level_of_need_for(child, on=supervised_on)
    weeks = rules.interval_weeks_for(level, selectors.supervision_standards())
    row = CaseSupervision.objects.create(
        child=child, supervised_on=supervised_on, supervisor=supervisor,
        worker_id=allocation.worker_id, team_id=allocation.team_id, level_of_need=level,
        decisions=decisions.strip(),
        next_due_on=rules.case_supervision_due_on(supervised_on, weeks=weeks),
        rule=rules.case_supervision_rule(level, weeks), recorded_by=recorder,
        recorded_at=clock.now())
    latest = selectors.last_case_supervision(child)
    current = Allocation.objects.current().filter(child=child).first()
    if latest.pk == row.pk and current is not None:
        # The clock restarts from the latest supervision: close the task (done on this date)
        # and open the next, for the team holding the child now.
        task_close(kind=TASK, source=child, done_on=supervised_on, actor=recorder)
        due = selectors.case_supervision_due(child, on=clock.today(), last_on=supervised_on)
        if due is not None:
            _open_supervision_task(child, due, current.team_id)
    auditor.record("CASE_SUPERVISION_RECORDED", row, child_id=child.pk, detail={
        "supervised_on": str(supervised_on), "supervisor": supervisor.username,
        "level_of_need": level, "next_due_on": str(row.next_due_on)})
    return row


def case_supervision_viewed(*, actor, child) -> None:
    Auditor(actor).record("CASE_SUPERVISION_VIEWED", child, child_id=child.pk)


@transaction.atomic
def supervision_standard_set(*, level_of_need: str, interval_weeks: int,
                             actor) -> SupervisionStandard:
    if level_of_need not in LevelOfNeed.values:
        raise DomainError("Choose the level of need", field="level_of_need")
    if not 1 <= int(interval_weeks) <= 26:
        raise DomainError("Enter a number of weeks from 1 to 26", field="interval_weeks")
    standard, _created = SupervisionStandard.objects.update_or_create(
        level_of_need=level_of_need,
        defaults={"interval_weeks": int(interval_weeks), "changed_by": actor,
                  "changed_at": clock.now()})
    Auditor(actor).record("SUPERVISION_STANDARD_SET", standard, detail={
        "level_of_need": level_of_need, "interval_weeks": int(interval_weeks)})
    return standard


@transaction.atomic
def case_supervision_tasks_sync(*, actor=None, system_job: str = "") -> dict[str, int]:
    """Makes the open SUPERVISE_CASE tasks match the allocations, idempotently: every child a
    team holds has one, due by their latest supervision (or allocation) and level of need, for
    their team's manager; a child no team holds has none (cancelled, as no longer needed).
    Changing a frequency moves the open tasks the next time this runs (ADR 9: an explicit,
    audited job)."""
    auditor, recorder = _who(actor, system_job)
    today = clock.today()
    allocations = list(Allocation.objects.current().select_related("child"))
    levels = levels_of_need(Allocation.objects.current().values_list("child_id", flat=True),
                            on=today)
    last = dict(CaseSupervision.objects.values_list("child_id").annotate(
        last=Max("supervised_on")).values_list("child_id", "last"))
    standards = selectors.supervision_standards()
    managers: dict = {}
    opened = moved = 0
    existing = {t.source_id: t for t in StatutoryTask.objects.open().filter(
        kind=TASK, source_type=Person._meta.label)}
    for allocation in allocations:
        child = allocation.child
        level = levels.get(child.pk, LevelOfNeed.OTHER)
        weeks = rules.interval_weeks_for(level, standards)
        start = last.get(child.pk) or allocation.start_date
        due_on = rules.case_supervision_due_on(start, weeks=weeks)
        rule = rules.case_supervision_rule(level, weeks)
        if allocation.team_id not in managers:
            managers[allocation.team_id] = selectors.team_manager_of(allocation.team_id)
        manager = managers[allocation.team_id]
        task = existing.get(child.pk)
        wanted = (due_on, rule, getattr(manager, "pk", None))
        if task is not None and (task.due_on, task.rule, task.assignee_id) == wanted:
            continue
        task_open(kind=TASK, child=child, source=child, due_on=due_on, rule=rule,
                  assignee=manager)
        if task is None:
            opened += 1
        else:
            moved += 1
    held = {a.child_id for a in allocations}
    stale = [pk for pk in existing if pk not in held]
    cancelled = StatutoryTask.objects.open().filter(
        kind=TASK, source_type=Person._meta.label, source_id__in=stale).update(
        closed_at=clock.now(), closed_on=today, closed_by=recorder, cancelled=True)
    counts = {"opened": opened, "moved": moved, "cancelled": cancelled}
    auditor.record("CASE_SUPERVISION_TASKS_SYNCED", detail=counts)
    return counts
