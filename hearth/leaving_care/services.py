"""Every write about a care leaver: checked, saved, audited and its clocks kept, in one
transaction.

Recording a young person as a care leaver opens ALLOCATE_PERSONAL_ADVISER (T65: by 16 years
5 months, or at once if older; not opened when the adviser is named at once) and
CONTACT_CARE_LEAVER (T64: 8 weeks). Agreeing the pathway plan opens REVIEW_PATHWAY_PLAN (T62:
6 months). A contact in which the young person was reached, and a review, close their task and
open the next. Every task's source is the CareLeaver record.

At 21, unless the young person asked for support to 25, support_limits_apply (run daily by
`manage.py apply_care_leaver_support_limits`) closes the review and adviser tasks as no longer
needed and turns the contact clock into a yearly keep-in-touch (T67); at 25 every clock stops.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max

from hearth.cases.models import StatutoryTask, TaskKind
from hearth.cases.tasks import task_close, task_open, tasks_assign, tasks_close_all_for
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.leaving_care import rules
from hearth.leaving_care.codes import Entitlement
from hearth.leaving_care.models import (
    AdviserAllocation,
    CareLeaver,
    CategoryPeriod,
    Contact,
    EntitlementOffer,
    PathwayPlan,
    PathwayPlanReview,
    Situation,
    StayingPut,
)
from hearth.people.models import Person

SUPPORT_LIMITS_JOB = "care_leaver_support_limits"


@transaction.atomic
def care_leaver_record(*, child: Person, category: str, applies_from: dt.date,
                       left_care_on: dt.date | None = None, personal_adviser=None, actor=None,
                       system_job: str = "") -> CareLeaver:
    child = Person.objects.select_for_update().get(pk=child.pk)
    existing = CareLeaver.objects.filter(child=child).first()
    if existing is not None:
        raise DomainError(f"This young person has been a care leaver since "
                          f"{rules.day(existing.became_care_leaver_on)}: change their category "
                          "instead")
    today, dob = clock.today(), child.date_of_birth
    rules.ensure_category_fits(category=category, applies_from=applies_from, date_of_birth=dob,
                               left_care_on=left_care_on, today=today)
    rules.ensure_left_care_fits(left_care_on=left_care_on, date_of_birth=dob, today=today)
    care_leaver = CareLeaver(
        child=child, became_care_leaver_on=applies_from, left_care_on=left_care_on,
        adviser_due_on=rules.adviser_due_on(date_of_birth=dob,
                                            became_care_leaver_on=applies_from),
        adviser_rule=rules.adviser_rule(),
        needs_assessment_due_on=rules.needs_assessment_due_on(
            date_of_birth=dob, became_care_leaver_on=applies_from),
        needs_assessment_rule=rules.needs_assessment_rule(),
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    _set_contact_due(care_leaver, last_on=applies_from)
    care_leaver.save()
    CategoryPeriod.objects.create(care_leaver=care_leaver, category=category,
                                  applies_from=applies_from, recorded_by=care_leaver.recorded_by,
                                  recorded_at=care_leaver.recorded_at)
    if personal_adviser is not None:
        _allocate(care_leaver, personal_adviser, allocated_on=applies_from, actor=actor)
    else:
        task_open(kind=TaskKind.ALLOCATE_PERSONAL_ADVISER, child=child, source=care_leaver,
                  due_on=care_leaver.adviser_due_on, rule=care_leaver.adviser_rule)
    _open_contact_clock(care_leaver)
    Auditor(actor, system_job=system_job).record(
        "CARE_LEAVER_RECORDED", care_leaver, child_id=child.pk,
        detail={"category": category, "applies_from": str(applies_from),
                "left_care_on": str(left_care_on) if left_care_on else None,
                "adviser_due_on": str(care_leaver.adviser_due_on),
                "needs_assessment_due_on": str(care_leaver.needs_assessment_due_on)})
    return care_leaver


@transaction.atomic
def care_leaver_category_change(*, care_leaver: CareLeaver, category: str,
                                applies_from: dt.date, left_care_on: dt.date | None = None,
                                actor=None, system_job: str = "") -> CategoryPeriod:
    """A new category from a date; `left_care_on`, when given, records when they left care."""
    care_leaver = _locked(care_leaver)
    dob, today = care_leaver.child.date_of_birth, clock.today()
    left = left_care_on or care_leaver.left_care_on
    if applies_from < care_leaver.became_care_leaver_on:
        raise DomainError(f"The new category cannot apply before the young person became a care "
                          f"leaver on {rules.day(care_leaver.became_care_leaver_on)}",
                          field="applies_from")
    rules.ensure_category_fits(category=category, applies_from=applies_from, date_of_birth=dob,
                               left_care_on=left, today=today)
    rules.ensure_left_care_fits(left_care_on=left, date_of_birth=dob, today=today)
    try:
        with transaction.atomic():
            period = CategoryPeriod.objects.create(
                care_leaver=care_leaver, category=category, applies_from=applies_from,
                recorded_by=actor or _system_user(), recorded_at=clock.now())
    except IntegrityError:
        raise DomainError(f"A category already applies from {rules.day(applies_from)}: choose "
                          "another date", field="applies_from") from None
    if left != care_leaver.left_care_on:
        care_leaver.left_care_on = left
        care_leaver.save(update_fields=["left_care_on"])
    Auditor(actor, system_job=system_job).record(
        "CARE_LEAVER_CATEGORY_CHANGED", period, child_id=care_leaver.child_id,
        detail={"category": category, "applies_from": str(applies_from),
                "left_care_on": str(left) if left else None})
    return period


@transaction.atomic
def personal_adviser_allocate(*, care_leaver: CareLeaver, adviser, allocated_on: dt.date,
                              actor=None, system_job: str = "") -> AdviserAllocation:
    care_leaver = _locked(care_leaver)
    if not adviser.is_active:
        raise DomainError(f"{adviser} no longer works here: choose someone else",
                          field="adviser")
    if care_leaver.personal_adviser_id == adviser.pk:
        raise DomainError(f"{adviser} is already this young person's personal adviser",
                          field="adviser")
    rules.ensure_event_fits(on=allocated_on, became_care_leaver_on=care_leaver
                            .became_care_leaver_on, today=clock.today(), field="allocated_on",
                            what="allocation")
    allocation = _allocate(care_leaver, adviser, allocated_on=allocated_on, actor=actor)
    Auditor(actor, system_job=system_job).record(
        "PERSONAL_ADVISER_ALLOCATED", allocation, child_id=care_leaver.child_id,
        detail={"adviser": adviser.username, "allocated_on": str(allocated_on)})
    return allocation


@transaction.atomic
def needs_assessment_record(*, care_leaver: CareLeaver, completed_on: dt.date, actor=None,
                            system_job: str = "") -> CareLeaver:
    """The pathway needs assessment was completed (T60). It may be started before the young
    person becomes a care leaver (T61, at 15 years 9 months), so only the future is refused."""
    care_leaver = _locked(care_leaver)
    rules.not_in_future(completed_on, clock.today(), "completed_on", "The date it was completed")
    care_leaver.needs_assessment_done_on = completed_on
    care_leaver.save(update_fields=["needs_assessment_done_on"])
    Auditor(actor, system_job=system_job).record(
        "PATHWAY_NEEDS_ASSESSMENT_RECORDED", care_leaver, child_id=care_leaver.child_id,
        detail={"completed_on": str(completed_on),
                "due_on": str(care_leaver.needs_assessment_due_on)})
    return care_leaver


@transaction.atomic
def pathway_plan_agree(*, care_leaver: CareLeaver, agreed_on: dt.date, actor=None,
                       system_job: str = "") -> PathwayPlan:
    care_leaver = _locked(care_leaver)
    existing = PathwayPlan.objects.filter(care_leaver=care_leaver).first()
    if existing is not None:
        raise DomainError(f"The pathway plan was agreed on {rules.day(existing.agreed_on)}: "
                          "record a review of it instead")
    done_on = care_leaver.needs_assessment_done_on
    if done_on is None:
        raise DomainError("Record the pathway needs assessment before the pathway plan: the "
                          "plan is made from it")
    rules.not_in_future(agreed_on, clock.today(), "agreed_on", "The date the plan was agreed")
    if agreed_on < done_on:
        raise DomainError(f"The plan cannot be agreed before the needs assessment was completed "
                          f"on {rules.day(done_on)}", field="agreed_on")
    plan = PathwayPlan(care_leaver=care_leaver, agreed_on=agreed_on,
                       recorded_by=actor or _system_user(), recorded_at=clock.now())
    _set_review_due(plan, care_leaver, last_on=agreed_on)
    plan.save()
    _open_review_clock(plan, care_leaver)
    Auditor(actor, system_job=system_job).record(
        "PATHWAY_PLAN_AGREED", plan, child_id=care_leaver.child_id,
        detail={"agreed_on": str(agreed_on), "review_due_on": _text(plan.review_due_on)})
    return plan


@transaction.atomic
def pathway_plan_review(*, plan: PathwayPlan, reviewed_on: dt.date, note: str = "",
                        actor=None, system_job: str = "") -> PathwayPlanReview:
    care_leaver = _locked(plan.care_leaver)
    plan = PathwayPlan.objects.get(pk=plan.pk)
    rules.not_in_future(reviewed_on, clock.today(), "reviewed_on", "The date of the review")
    if reviewed_on < plan.agreed_on:
        raise DomainError(f"The review cannot be before the plan was agreed on "
                          f"{rules.day(plan.agreed_on)}", field="reviewed_on")
    latest = plan.reviews.aggregate(latest=Max("reviewed_on"))["latest"]
    review = PathwayPlanReview.objects.create(plan=plan, reviewed_on=reviewed_on, note=note,
                                              recorded_by=actor or _system_user(),
                                              recorded_at=clock.now())
    if latest is None or reviewed_on >= latest:  # a review entered late does not move the clock
        task_close(kind=TaskKind.REVIEW_PATHWAY_PLAN, source=care_leaver, done_on=reviewed_on,
                   actor=actor)
        _set_review_due(plan, care_leaver, last_on=reviewed_on)
        plan.save(update_fields=["review_due_on", "review_rule"])
        _open_review_clock(plan, care_leaver)
    Auditor(actor, system_job=system_job).record(
        "PATHWAY_PLAN_REVIEWED", review, child_id=care_leaver.child_id,
        detail={"reviewed_on": str(reviewed_on), "review_due_on": _text(plan.review_due_on)})
    return review


@transaction.atomic
def contact_record(*, care_leaver: CareLeaver, contact_on: dt.date, kind: str, in_touch: bool,
                   made_by=None, note: str = "", actor=None, system_job: str = "") -> Contact:
    """Only a contact in which the young person was reached restarts the contact clock."""
    care_leaver = _locked(care_leaver)
    rules.ensure_event_fits(on=contact_on, became_care_leaver_on=care_leaver
                            .became_care_leaver_on, today=clock.today(), field="contact_on",
                            what="contact")
    last = _last_in_touch_on(care_leaver)
    recorder = actor or _system_user()
    contact = Contact.objects.create(care_leaver=care_leaver, contact_on=contact_on, kind=kind,
                                     made_by=made_by or recorder, in_touch=in_touch, note=note,
                                     recorded_by=recorder, recorded_at=clock.now())
    if in_touch and (last is None or contact_on >= last):
        task_close(kind=TaskKind.CONTACT_CARE_LEAVER, source=care_leaver, done_on=contact_on,
                   actor=actor)
        _set_contact_due(care_leaver, last_on=contact_on)
        care_leaver.save(update_fields=["contact_due_on", "contact_rule"])
        _open_contact_clock(care_leaver)
    Auditor(actor, system_job=system_job).record(
        "CARE_LEAVER_CONTACT_RECORDED", contact, child_id=care_leaver.child_id,
        detail={"contact_on": str(contact_on), "kind": kind, "in_touch": in_touch,
                "contact_due_on": _text(care_leaver.contact_due_on)})
    return contact


@transaction.atomic
def situation_record(*, care_leaver: CareLeaver, as_at: dt.date, in_touch: str,
                     activity: str = "", accommodation: str = "",
                     accommodation_suitable: bool | None = None, actor=None,
                     system_job: str = "") -> Situation:
    care_leaver = _locked(care_leaver)
    rules.ensure_event_fits(on=as_at, became_care_leaver_on=care_leaver.became_care_leaver_on,
                            today=clock.today(), field="as_at", what="update")
    rules.ensure_situation_complete(in_touch=in_touch, activity=activity,
                                    accommodation=accommodation,
                                    suitable=accommodation_suitable)
    situation = Situation.objects.create(
        care_leaver=care_leaver, as_at=as_at, in_touch=in_touch, activity=activity,
        accommodation=accommodation,
        accommodation_suitable=accommodation_suitable if accommodation else None,
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    Auditor(actor, system_job=system_job).record(
        "CARE_LEAVER_SITUATION_RECORDED", situation, child_id=care_leaver.child_id,
        detail={"as_at": str(as_at), "in_touch": in_touch, "activity": activity,
                "accommodation": situation.accom_903})
    return situation


@transaction.atomic
def staying_put_start(*, care_leaver: CareLeaver, carers: str, started_on: dt.date,
                      ended_on: dt.date | None = None, actor=None,
                      system_job: str = "") -> StayingPut:
    care_leaver = _locked(care_leaver)
    open_one = care_leaver.staying_put.filter(ended_on__isnull=True).first()
    if open_one is not None:
        raise DomainError(f"The young person has been Staying Put with {open_one.carers} since "
                          f"{rules.day(open_one.started_on)}: end that first")
    rules.ensure_staying_put_fits(started_on=started_on, ended_on=ended_on,
                                  date_of_birth=care_leaver.child.date_of_birth,
                                  today=clock.today())
    arrangement = StayingPut.objects.create(
        care_leaver=care_leaver, carers=carers, started_on=started_on, ended_on=ended_on,
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    Auditor(actor, system_job=system_job).record(
        "STAYING_PUT_STARTED", arrangement, child_id=care_leaver.child_id,
        detail={"started_on": str(started_on), "ended_on": _text(ended_on)})
    return arrangement


@transaction.atomic
def staying_put_end(*, care_leaver: CareLeaver, ended_on: dt.date, actor=None,
                    system_job: str = "") -> StayingPut:
    care_leaver = _locked(care_leaver)
    arrangement = care_leaver.staying_put.filter(ended_on__isnull=True).first()
    if arrangement is None:
        raise DomainError("The young person is not Staying Put: there is nothing to end")
    rules.ensure_staying_put_fits(started_on=arrangement.started_on, ended_on=ended_on,
                                  date_of_birth=care_leaver.child.date_of_birth,
                                  today=clock.today())
    arrangement.ended_on = ended_on
    arrangement.save(update_fields=["ended_on"])
    Auditor(actor, system_job=system_job).record(
        "STAYING_PUT_ENDED", arrangement, child_id=care_leaver.child_id,
        detail={"ended_on": str(ended_on)})
    return arrangement


@transaction.atomic
def entitlement_offer(*, care_leaver: CareLeaver, kind: str, offered_on: dt.date,
                      detail: str = "", taken_up: bool | None = None, actor=None,
                      system_job: str = "") -> EntitlementOffer:
    care_leaver = _locked(care_leaver)
    if kind == Entitlement.OTHER and not detail.strip():
        raise DomainError("Say what was offered", field="detail")
    rules.ensure_event_fits(on=offered_on, became_care_leaver_on=care_leaver
                            .became_care_leaver_on, today=clock.today(), field="offered_on",
                            what="offer")
    offer = EntitlementOffer.objects.create(
        care_leaver=care_leaver, kind=kind, detail=detail, offered_on=offered_on,
        taken_up=taken_up, recorded_by=actor or _system_user(), recorded_at=clock.now())
    Auditor(actor, system_job=system_job).record(
        "ENTITLEMENT_OFFERED", offer, child_id=care_leaver.child_id,
        detail={"kind": kind, "offered_on": str(offered_on), "taken_up": taken_up})
    return offer


@transaction.atomic
def entitlement_take_up_record(*, offer: EntitlementOffer, taken_up: bool, actor=None,
                               system_job: str = "") -> EntitlementOffer:
    offer = EntitlementOffer.objects.select_for_update().get(pk=offer.pk)
    offer.taken_up = taken_up
    offer.save(update_fields=["taken_up"])
    Auditor(actor, system_job=system_job).record(
        "ENTITLEMENT_TAKE_UP_RECORDED", offer, child_id=offer.care_leaver.child_id,
        detail={"taken_up": taken_up})
    return offer


@transaction.atomic
def support_to_25_request(*, care_leaver: CareLeaver, requested_on: dt.date, actor=None,
                          system_job: str = "") -> CareLeaver:
    """T68: support to 25. The contact and review clocks restart from the request."""
    care_leaver = _locked(care_leaver)
    if care_leaver.support_to_25_requested_on is not None:
        raise DomainError(f"Support to 25 was asked for on "
                          f"{rules.day(care_leaver.support_to_25_requested_on)}")
    rules.ensure_support_to_25_request_fits(requested_on=requested_on,
                                            date_of_birth=care_leaver.child.date_of_birth,
                                            today=clock.today())
    care_leaver.support_to_25_requested_on = requested_on
    _set_contact_due(care_leaver, last_on=requested_on)
    care_leaver.save(update_fields=["support_to_25_requested_on", "contact_due_on",
                                    "contact_rule"])
    _open_contact_clock(care_leaver)
    plan = PathwayPlan.objects.filter(care_leaver=care_leaver).first()
    if plan is not None:
        _set_review_due(plan, care_leaver, last_on=requested_on)
        plan.save(update_fields=["review_due_on", "review_rule"])
        _open_review_clock(plan, care_leaver)
    Auditor(actor, system_job=system_job).record(
        "SUPPORT_TO_25_REQUESTED", care_leaver, child_id=care_leaver.child_id,
        detail={"requested_on": str(requested_on)})
    return care_leaver


def support_limits_apply(*, today: dt.date, system_job: str = SUPPORT_LIMITS_JOB) -> int:
    """At 21 (no request for support to 25) and at 25, the clocks change; idempotent. Gives
    how many care leavers changed."""
    changed = 0
    for care_leaver_id in _reaching_limits(today):
        changed += _apply_limits(care_leaver_id, today=today, system_job=system_job)
    return changed


def _reaching_limits(today: dt.date) -> list[int]:
    """Care leavers aged 21 or more with a clock still running."""
    born_by = rules.birthday(today, -rules.SUPPORT_ENDS_AT)
    return list(CareLeaver.objects.filter(child__date_of_birth__lte=born_by)
                .values_list("pk", flat=True))


@transaction.atomic
def _apply_limits(care_leaver_id: int, *, today: dt.date, system_job: str) -> int:
    care_leaver = _locked(CareLeaver(pk=care_leaver_id))
    dob = care_leaver.child.date_of_birth
    age = rules.age_on(dob, today)
    to_25 = care_leaver.support_to_25_requested_on is not None
    if age < rules.SUPPORT_ENDS_AT or (to_25 and age < rules.SUPPORT_ON_REQUEST_TO):
        return 0
    plan = PathwayPlan.objects.filter(care_leaver=care_leaver).first()
    due, rule = (None, "")
    if age < rules.SUPPORT_ON_REQUEST_TO and not to_25:
        due = rules.add_months(_last_in_touch_on(care_leaver) or care_leaver
                               .became_care_leaver_on, rules.KEEP_IN_TOUCH_EVERY_MONTHS)
        rule = rules.keep_in_touch_rule()
    open_kinds = set(StatutoryTask.objects.open().filter(
        source_type=CareLeaver._meta.label, source_id=care_leaver.pk)
        .values_list("kind", flat=True))
    settled = (open_kinds <= {TaskKind.CONTACT_CARE_LEAVER}
               and (care_leaver.contact_due_on, care_leaver.contact_rule) == (due, rule)
               and (plan is None or plan.review_due_on is None))
    if settled:
        return 0
    tasks_close_all_for(source=care_leaver, done_on=today)
    if plan is not None and plan.review_due_on is not None:
        plan.review_due_on, plan.review_rule = None, ""
        plan.save(update_fields=["review_due_on", "review_rule"])
    care_leaver.contact_due_on, care_leaver.contact_rule = due, rule
    care_leaver.save(update_fields=["contact_due_on", "contact_rule"])
    _open_contact_clock(care_leaver)
    Auditor(None, system_job=system_job).record(
        "CARE_LEAVER_SUPPORT_ENDED", care_leaver, child_id=care_leaver.child_id,
        detail={"age": age, "keep_in_touch_due_on": _text(due)})
    return 1


def _allocate(care_leaver: CareLeaver, adviser, *, allocated_on: dt.date,
              actor) -> AdviserAllocation:
    allocation = AdviserAllocation.objects.create(
        care_leaver=care_leaver, adviser=adviser, allocated_on=allocated_on,
        allocated_by=actor or _system_user(), recorded_at=clock.now())
    care_leaver.personal_adviser = adviser
    care_leaver.save(update_fields=["personal_adviser"])
    tasks_assign(source=care_leaver, assignee=adviser)  # contact and pathway plan reviews
    task_close(kind=TaskKind.ALLOCATE_PERSONAL_ADVISER, source=care_leaver,
               done_on=allocated_on, actor=actor)
    return allocation


def _support_to_25(care_leaver: CareLeaver) -> bool:
    return care_leaver.support_to_25_requested_on is not None


def _set_contact_due(care_leaver: CareLeaver, *, last_on: dt.date) -> None:
    care_leaver.contact_due_on, care_leaver.contact_rule = rules.contact_due_on(
        last_on=last_on, date_of_birth=care_leaver.child.date_of_birth,
        support_to_25=_support_to_25(care_leaver))


def _set_review_due(plan: PathwayPlan, care_leaver: CareLeaver, *, last_on: dt.date) -> None:
    plan.review_due_on = rules.pathway_review_due_on(
        last_on=last_on, date_of_birth=care_leaver.child.date_of_birth,
        support_to_25=_support_to_25(care_leaver))
    plan.review_rule = rules.pathway_review_rule() if plan.review_due_on else ""


def _open_contact_clock(care_leaver: CareLeaver) -> None:
    if care_leaver.contact_due_on is not None:
        task_open(kind=TaskKind.CONTACT_CARE_LEAVER, child=care_leaver.child, source=care_leaver,
                  due_on=care_leaver.contact_due_on, rule=care_leaver.contact_rule,
                  assignee=care_leaver.personal_adviser)


def _open_review_clock(plan: PathwayPlan, care_leaver: CareLeaver) -> None:
    if plan.review_due_on is not None:
        task_open(kind=TaskKind.REVIEW_PATHWAY_PLAN, child=care_leaver.child,
                  source=care_leaver, due_on=plan.review_due_on, rule=plan.review_rule,
                  assignee=care_leaver.personal_adviser)


def _last_in_touch_on(care_leaver: CareLeaver) -> dt.date | None:
    return care_leaver.contacts.filter(in_touch=True).aggregate(
        latest=Max("contact_on"))["latest"]


def _locked(care_leaver: CareLeaver) -> CareLeaver:
    return CareLeaver.objects.select_for_update(of=("self",)).select_related("child").get(
        pk=care_leaver.pk)


def _text(value) -> str | None:
    return str(value) if value is not None else None


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()
