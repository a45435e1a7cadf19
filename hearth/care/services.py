"""Every write to a child's time in care: checked, saved, audited and its clocks kept, in one
transaction.

Becoming looked after opens ALLOCATE_IRO (48 hours), HOLD_CLA_REVIEW (20 working days) and
VISIT_CLA (1 week from the placement's start). Allocating the IRO closes the first; a review
or a visit where the child was seen closes its task and opens the next one. A placement that
needs the head of service's sign-off opens SIGN_OFF_PLACEMENT on its episode, closed by
`placement_sign_off`. Ending care closes them all.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max

from hearth.accounts.roles import Role
from hearth.care import codes, lifecycle, rules
from hearth.care.models import CareEpisode, CarePeriod, CareReview, DeprivationOfLibertyOrder
from hearth.cases.models import TaskKind, Visit
from hearth.cases.services import visit_record
from hearth.cases.tasks import task_close, task_open, tasks_close_all_for
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.people.rules import age_on
from hearth.workingdays.selectors import current_calendar

ALREADY_LOOKED_AFTER = "The child is already looked after: end that period before starting another"
PLACEMENT_FIELDS = ("placement_type", "provider_type", "provision", "placement_postcode", "urn")


@dataclass(frozen=True)
class Placement:
    """Where the child lives during an episode, as the forms and the API give it."""

    placement_type: str
    provision: str
    placement_postcode: str
    provider_type: str = ""
    urn: str = ""
    home_postcode: str = ""
    intended_until_18: bool = False
    head_of_service_agreed: bool = False

    def cleaned(self) -> "Placement":
        return Placement(
            placement_type=self.placement_type, provision=self.provision,
            placement_postcode=rules.normalise_postcode(self.placement_postcode),
            provider_type=self.provider_type, urn=self.urn.strip().upper(),
            home_postcode=rules.normalise_postcode(self.home_postcode),
            intended_until_18=self.intended_until_18,
            head_of_service_agreed=self.head_of_service_agreed)


@transaction.atomic
def care_period_start(*, child, started_on: dt.date, legal_status: str, category_of_need: str,
                      placement: Placement, actor=None, system_job: str = "",
                      reason_new_episode: str = "S") -> CarePeriod:
    """The child becomes looked after: the period and its first episode (RNE S). An import of
    a period that began before the records it holds (a previous return) gives that episode's
    own RNE instead: the period is held from that episode on."""
    if reason_new_episode not in codes.ReasonNewEpisode.values:
        raise DomainError("Choose the reason for the new episode", field="reason_new_episode")
    periods = CarePeriod.objects.select_for_update().filter(child=child)
    open_period = periods.filter(ended_on__isnull=True).first()
    rules.ensure_period_can_start(
        started_on=started_on, today=clock.today(),
        open_period_started_on=getattr(open_period, "started_on", None),
        last_period_ended_on=periods.aggregate(last=Max("ended_on"))["last"],
        date_of_birth=child.date_of_birth)
    placement = _checked(placement, child=child, legal_status=legal_status, on=started_on)
    now = clock.now()
    period = CarePeriod(child=child, started_on=started_on, started_by=actor or _system_user(),
                        recorded_at=now,
                        iro_due_at=rules.iro_due_at(started_on=started_on, recorded_at=now))
    _set_review_due(period, reviews_held=0, last_review_on=None)
    try:
        with transaction.atomic():
            period.save()
    except IntegrityError:  # another period was started for the child at the same moment
        raise DomainError(ALREADY_LOOKED_AFTER) from None
    episode = _episode_create(period, started_on=started_on, reason=reason_new_episode,
                              legal_status=legal_status, category_of_need=category_of_need,
                              placement=placement, placement_started_on=started_on, actor=actor)
    task_open(kind=TaskKind.ALLOCATE_IRO, child=child, source=period,
              due_on=period.iro_due_at.astimezone(rules.LONDON).date(),
              due_at=period.iro_due_at, rule=rules.iro_rule())
    _open_review_clock(period)
    _refresh_visit_clock(period, episode)
    lifecycle.care_started(period, actor=actor)
    Auditor(actor, system_job=system_job).record(
        "CARE_PERIOD_STARTED", period, child_id=child.pk,
        detail={"started_on": str(started_on), "legal_status": legal_status,
                "placement_type": placement.placement_type,
                "review_due_on": str(period.review_due_on),
                "needs_sign_off": episode.needs_sign_off})
    return period


@transaction.atomic
def episode_change(*, period: CarePeriod, changed_on: dt.date, legal_status: str,
                   category_of_need: str, placement: Placement, same_carers: bool = False,
                   reason_place_change: str = "", actor=None,
                   system_job: str = "") -> CareEpisode:
    """A new legal status or placement: the current episode ends that day (REC X1, with the
    reason for the placement change when the placement changed) and the next one opens."""
    period = _locked(period)
    if period.ended_on is not None:
        raise DomainError(f"This period of care ended on {rules.day(period.ended_on)}: a new "
                          "episode cannot start after it")
    current = _open_episode(period)
    placement = placement.cleaned()
    placement_changed = any(getattr(placement, f) != getattr(current, f)
                            for f in PLACEMENT_FIELDS)
    legal_status_changed = legal_status != current.legal_status
    rules.ensure_episode_change(
        changed_on=changed_on, today=clock.today(), period_ended_on=period.ended_on,
        episode_started_on=current.started_on, legal_status_changed=legal_status_changed,
        placement_changed=placement_changed, reason_place_change=reason_place_change)
    placement = _checked(placement, child=period.child, legal_status=legal_status, on=changed_on)
    current.ended_on, current.reason_ceased = changed_on, "X1"
    current.reason_place_change = reason_place_change
    current.save(update_fields=["ended_on", "reason_ceased", "reason_place_change"])
    tasks_close_all_for(source=current, done_on=changed_on, actor=actor)
    reason = rules.reason_new_episode(legal_status_changed=legal_status_changed,
                                      placement_changed=placement_changed,
                                      same_carers=same_carers)
    episode = _episode_create(
        period, started_on=changed_on, reason=reason, legal_status=legal_status,
        category_of_need=category_of_need, placement=placement, actor=actor,
        placement_started_on=changed_on if placement_changed else current.placement_started_on,
        signed_off_from=None if placement_changed else current)
    _refresh_visit_clock(period, episode)
    lifecycle.episode_started(episode, actor=actor)
    Auditor(actor, system_job=system_job).record(
        "CARE_EPISODE_STARTED", episode, child_id=period.child_id,
        detail={"started_on": str(changed_on), "reason_new_episode": reason,
                "legal_status": legal_status, "placement_type": placement.placement_type,
                "reason_place_change": reason_place_change,
                "needs_sign_off": episode.needs_sign_off})
    return episode


@transaction.atomic
def care_end(*, period: CarePeriod, ended_on: dt.date, reason: str, actor=None,
             system_job: str = "") -> CarePeriod:
    """The child ceases to be looked after: the last episode ends with the DfE reason (REC)
    and every open task of the period and its episode is closed."""
    period = _locked(period)
    current = _open_episode(period) if period.ended_on is None else None
    rules.ensure_care_can_end(
        ended_on=ended_on, today=clock.today(), period_ended_on=period.ended_on,
        episode_started_on=current.started_on if current else period.started_on,
        last_activity_on=_last_activity_on(period), reason=reason,
        placement_type=current.placement_type if current else "")
    current.ended_on, current.reason_ceased = ended_on, reason
    current.save(update_fields=["ended_on", "reason_ceased"])
    period.ended_on, period.end_reason, period.ended_by = ended_on, reason, actor or _system_user()
    period.review_due_on = period.visit_due_on = None
    period.save(update_fields=["ended_on", "end_reason", "ended_by", "review_due_on",
                               "visit_due_on"])
    tasks_close_all_for(source=current, done_on=ended_on, actor=actor)
    tasks_close_all_for(source=period, done_on=ended_on, actor=actor)
    lifecycle.care_ended(period, actor=actor)
    Auditor(actor, system_job=system_job).record(
        "CARE_PERIOD_ENDED", period, child_id=period.child_id,
        detail={"ended_on": str(ended_on), "reason": reason})
    return period


@transaction.atomic
def iro_allocate(*, period: CarePeriod, iro, allocated_on: dt.date, actor=None,
                 system_job: str = "") -> CarePeriod:
    """Allocates (or changes) the period's IRO; the first allocation closes ALLOCATE_IRO."""
    period = _locked(period)
    rules.ensure_iro_allocation(
        allocated_on=allocated_on, today=clock.today(), period_started_on=period.started_on,
        period_ended_on=period.ended_on,
        is_iro=iro is not None and iro.is_active and iro.role == Role.IRO)
    previous = period.iro_id
    period.iro, period.iro_allocated_on = iro, allocated_on
    period.save(update_fields=["iro", "iro_allocated_on"])
    task_close(kind=TaskKind.ALLOCATE_IRO, source=period, done_on=allocated_on, actor=actor)
    Auditor(actor, system_job=system_job).record(
        "IRO_ALLOCATED", period, child_id=period.child_id,
        detail={"iro": iro.pk, "previous_iro": previous, "allocated_on": str(allocated_on)})
    return period


@transaction.atomic
def cla_review_record(*, period: CarePeriod, held_on: dt.date, chair, participation: str,
                      note: str = "", actor=None, system_job: str = "") -> CareReview:
    """Records the next review: whether it was in time is kept (its due date is stored with
    it), and HOLD_CLA_REVIEW moves to the next one's due date."""
    period = _locked(period)
    held = period.reviews.aggregate(count=Max("number"), last=Max("held_on"))
    rules.ensure_review_fits(held_on=held_on, today=clock.today(),
                             period_started_on=period.started_on,
                             period_ended_on=period.ended_on, last_review_on=held["last"])
    if chair is None or chair.role != Role.IRO:
        raise DomainError("The review is chaired by an independent reviewing officer: choose "
                          "one", field="chair")
    rules.ensure_participation_fits(participation=participation,
                                    age=age_on(period.child.date_of_birth, held_on))
    number = (held["count"] or 0) + 1
    review = CareReview.objects.create(
        period=period, number=number, held_on=held_on, due_on=period.review_due_on,
        chair=chair, participation=participation, note=note,
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    task_close(kind=TaskKind.HOLD_CLA_REVIEW, source=period, done_on=held_on, actor=actor)
    _set_review_due(period, reviews_held=number, last_review_on=held_on)
    period.save(update_fields=["review_due_on", "review_rule"])
    _open_review_clock(period)
    lifecycle.review_held(review, actor=actor)
    Auditor(actor, system_job=system_job).record(
        "CLA_REVIEW_RECORDED", review, child_id=period.child_id,
        detail={"period": period.pk, "number": number, "held_on": str(held_on),
                "in_time": review.in_time, "participation": participation,
                "next_review_due_on": str(period.review_due_on)})
    return review


@transaction.atomic
def cla_visit_record(*, period: CarePeriod, visited_on: dt.date, child_seen: bool,
                     seen_alone: bool, bedroom_seen: bool = False, note: str = "", actor=None,
                     system_job: str = "") -> Visit:
    """A visit to the looked-after child. Only a visit where the child was seen moves the
    visit clock (rules.visit_due_on says to when)."""
    period = _locked(period)
    rules.ensure_visit_fits(visited_on=visited_on, today=clock.today(),
                            period_started_on=period.started_on,
                            period_ended_on=period.ended_on)
    visit = visit_record(child=period.child, plan=Visit.Plan.LOOKED_AFTER, plan_id=period.pk,
                         visited_on=visited_on, child_seen=child_seen, seen_alone=seen_alone,
                         bedroom_seen=bedroom_seen, note=note, actor=actor,
                         system_job=system_job)
    episode = _open_episode(period)
    before = period.visit_due_on
    _set_visit_due(period, episode)
    if child_seen and period.visit_due_on != before:  # a visit entered late moves nothing
        task_close(kind=TaskKind.VISIT_CLA, source=period, done_on=visited_on, actor=actor)
    _open_visit_clock(period)
    return visit


@transaction.atomic
def placement_sign_off(*, episode: CareEpisode, note: str = "", actor,
                       system_job: str = "") -> CareEpisode:
    """The head of service signs off a placement in unregistered or unregulated provision, or
    of an under-16 in supported accommodation; SIGN_OFF_PLACEMENT closes."""
    if not actor.has_perm("care.sign_off_placement"):
        raise DomainError("Only a service manager or head of service can sign off a placement")
    episode = CareEpisode.objects.select_for_update().get(pk=episode.pk)
    rules.ensure_sign_off(needs_sign_off=episode.needs_sign_off,
                          signed_off_at=episode.signed_off_at, episode_ended_on=episode.ended_on)
    episode.signed_off_by, episode.signed_off_at, episode.sign_off_note = actor, clock.now(), note
    episode.save(update_fields=["signed_off_by", "signed_off_at", "sign_off_note"])
    task_close(kind=TaskKind.SIGN_OFF_PLACEMENT, source=episode, done_on=clock.today(),
               actor=actor)
    Auditor(actor, system_job=system_job).record(
        "PLACEMENT_SIGNED_OFF", episode, child_id=episode.child_id,
        detail={"placement_type": episode.placement_type, "provision": episode.provision})
    return episode


# --- helpers --------------------------------------------------------------------------------

def _checked(placement: Placement, *, child, legal_status: str, on: dt.date) -> Placement:
    placement = placement.cleaned()
    rules.ensure_placement(
        placement_type=placement.placement_type, provider_type=placement.provider_type,
        provision=placement.provision, placement_postcode=placement.placement_postcode,
        home_postcode=placement.home_postcode, urn=placement.urn, legal_status=legal_status,
        age=age_on(child.date_of_birth, on),
        head_of_service_agreed=placement.head_of_service_agreed)
    return placement


def _episode_create(period: CarePeriod, *, started_on: dt.date, reason: str, legal_status: str,
                    category_of_need: str, placement: Placement, placement_started_on: dt.date,
                    actor, signed_off_from: CareEpisode | None = None) -> CareEpisode:
    """Saves the episode; one needing sign-off opens SIGN_OFF_PLACEMENT, unless the placement
    (unchanged, a new legal status only) was already signed off."""
    age = age_on(period.child.date_of_birth, started_on)
    episode = CareEpisode(
        period=period, child=period.child, started_on=started_on, reason_new_episode=reason,
        legal_status=legal_status, category_of_need=category_of_need,
        placement_type=placement.placement_type, provider_type=placement.provider_type,
        provision=placement.provision, placement_postcode=placement.placement_postcode,
        home_postcode=placement.home_postcode, urn=placement.urn,
        placement_started_on=placement_started_on,
        intended_until_18=placement.intended_until_18,
        head_of_service_agreed=placement.head_of_service_agreed,
        needs_sign_off=rules.needs_sign_off(provision=placement.provision, age=age),
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    if episode.needs_sign_off and signed_off_from is not None:
        episode.signed_off_by = signed_off_from.signed_off_by
        episode.signed_off_at = signed_off_from.signed_off_at
        episode.sign_off_note = signed_off_from.sign_off_note
    episode.save()
    if episode.needs_sign_off and not episode.is_signed_off:
        task_open(kind=TaskKind.SIGN_OFF_PLACEMENT, child=period.child, source=episode,
                  due_on=started_on, rule="Head of service sign-off at placement v1")
    return episode


def _set_review_due(period: CarePeriod, *, reviews_held: int,
                    last_review_on: dt.date | None) -> None:
    period.review_due_on = rules.review_due_on(
        period_started_on=period.started_on, reviews_held=reviews_held,
        last_review_on=last_review_on, calendar=current_calendar())
    period.review_rule = rules.review_rule(reviews_held)


def _open_review_clock(period: CarePeriod) -> None:
    task_open(kind=TaskKind.HOLD_CLA_REVIEW, child=period.child, source=period,
              due_on=period.review_due_on, rule=period.review_rule)


def _refresh_visit_clock(period: CarePeriod, episode: CareEpisode) -> None:
    """Sets the next visit and moves the open VISIT_CLA task there (or opens it)."""
    _set_visit_due(period, episode)
    _open_visit_clock(period)


def _set_visit_due(period: CarePeriod, episode: CareEpisode) -> None:
    """The next visit, from the current placement and the last time the child was seen in
    it."""
    last_seen = _visits(period).filter(
        child_seen=True, visited_on__gte=episode.placement_started_on).aggregate(
            last=Max("visited_on"))["last"]
    facts = {"placement_started_on": episode.placement_started_on, "last_seen_on": last_seen,
             "intended_until_18": episode.intended_until_18}
    period.visit_due_on = rules.visit_due_on(**facts)
    period.visit_rule = rules.visit_rule(**facts)
    period.save(update_fields=["visit_due_on", "visit_rule"])


def _open_visit_clock(period: CarePeriod) -> None:
    task_open(kind=TaskKind.VISIT_CLA, child=period.child, source=period,
              due_on=period.visit_due_on, rule=period.visit_rule)


def _visits(period: CarePeriod):
    return Visit.objects.filter(plan=Visit.Plan.LOOKED_AFTER, plan_id=period.pk)


def _last_activity_on(period: CarePeriod) -> dt.date | None:
    dates = [period.reviews.aggregate(last=Max("held_on"))["last"],
             _visits(period).aggregate(last=Max("visited_on"))["last"]]
    return max((d for d in dates if d is not None), default=None)


def _open_episode(period: CarePeriod) -> CareEpisode:
    return CareEpisode.objects.select_for_update().get(period=period, ended_on__isnull=True)


def _locked(period: CarePeriod) -> CarePeriod:
    return CarePeriod.objects.select_for_update(of=("self",)).select_related("child").get(
        pk=period.pk)


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()


@transaction.atomic
def dolo_record(*, child, started_on: dt.date, ended_on: dt.date | None = None, actor=None,
                system_job: str = "", order: DeprivationOfLibertyOrder | None = None
                ) -> DeprivationOfLibertyOrder:
    """Records a deprivation of liberty order (903 DoLo from 2026 to 2027), or with `order`
    corrects its dates (for example to record its end). Dates are checked at entry."""
    others = DeprivationOfLibertyOrder.objects.select_for_update().filter(child=child)
    if order is not None:
        others = others.exclude(pk=order.pk)
    rules.ensure_dolo_dates(started_on=started_on, ended_on=ended_on, today=clock.today(),
                            date_of_birth=child.date_of_birth,
                            other_orders=list(others.values_list("started_on", "ended_on")))
    if order is None:
        order = DeprivationOfLibertyOrder(child=child, recorded_by=actor or _system_user(),
                      recorded_at=clock.now())
    order.started_on, order.ended_on = started_on, ended_on
    order.save()
    Auditor(actor, system_job=system_job).record(
        "DOLO_RECORDED", order, child_id=child.pk,
        detail={"started_on": str(started_on),
                "ended_on": str(ended_on) if ended_on else None})
    return order
