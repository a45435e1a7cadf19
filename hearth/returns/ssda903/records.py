"""Reads the facts an SSDA903 return needs from Hearth's records, for one collection year.

Year-independent: which tables a year's return has and how each fact is coded is the year
module's business (y2025_26.py). This module only answers "who is in the return, and what
happened to them in the year", in one query per record type for a chunk of children however
large the authority.

Who is in the return (its Header): every child with an episode of care open at any time in the
year (1 April to 31 March), and every care leaver whose 17th to 21st birthday falls in the
year (the OC3 cohort), looked after in the year or not.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Q

from hearth.care.models import CareEpisode, CarePeriod, CareReview, DeprivationOfLibertyOrder
from hearth.cases.models import Allocation
from hearth.health_education.codes import HealthCheckKind
from hearth.health_education.models import HealthCheck, ImmunisationStatus, SdqScore
from hearth.leaving_care.models import CareLeaver, Situation
from hearth.missing.models import MissingEpisode
from hearth.people.codes import RelationshipKind
from hearth.people.models import Person, Relationship
from hearth.returns.cin.records import CollectionPeriod
from hearth.workingdays.rules import add_months

CHUNK = 2000
OC3_BIRTHDAYS = (17, 18, 19, 20, 21)

__all__ = ["CollectionPeriod", "ChildFacts", "cohort_ids", "children"]


@dataclass
class Oc2Facts:
    sdq: SdqScore | None = None
    immunisations: ImmunisationStatus | None = None
    health_assessment: bool = False
    dental_check: bool = False


@dataclass
class ChildFacts:
    person: Person
    episodes: list[CareEpisode] = field(default_factory=list)
    reviews: list[CareReview] = field(default_factory=list)
    missing: list[MissingEpisode] = field(default_factory=list)
    dolos: list[DeprivationOfLibertyOrder] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    first_allocation_id: int | None = None  # the child's first allocation to a worker ever
    continuously_looked_after: bool = False  # 12 months at 31 March: the OC2 cohort
    oc2: Oc2Facts | None = None
    oc3: Situation | None = None
    in_oc3_cohort: bool = False
    first_child_born: dt.date | None = None  # a mother's first child
    placed_adoption: list[dict] = field(default_factory=list)
    ad1: dict | None = None
    prev_perm: dict | None = None


def episodes_in(period: CollectionPeriod):
    return CareEpisode.objects.filter(started_on__lte=period.reference_date).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.start))


def _oc3_cohort(period: CollectionPeriod) -> set[int]:
    """Care leavers with a 17th to 21st birthday in the year."""
    oldest = dt.date(period.start.year - max(OC3_BIRTHDAYS) - 1, 1, 1)
    youngest = dt.date(period.reference_date.year - min(OC3_BIRTHDAYS) + 1, 12, 31)
    ids = set()
    for child_id, born in CareLeaver.objects.filter(
            child__date_of_birth__range=(oldest, youngest)).values_list(
            "child_id", "child__date_of_birth"):
        if any(period.contains(add_months(born, 12 * age)) for age in OC3_BIRTHDAYS):
            ids.add(child_id)
    return ids


def cohort_ids(period: CollectionPeriod) -> list[int]:
    """Every child in the return, in LA child ID order."""
    looked_after = set(episodes_in(period).values_list("child_id", flat=True))
    ids = looked_after | _oc3_cohort(period)
    return list(Person.objects.filter(pk__in=ids).order_by("la_child_id", "pk").values_list(
        "pk", flat=True))


def children(period: CollectionPeriod, ids: list[int] | None = None,
             chunk: int = CHUNK) -> Iterator[ChildFacts]:
    ids = cohort_ids(period) if ids is None else ids
    oc3 = _oc3_cohort(period)
    for offset in range(0, len(ids), chunk):
        yield from _children_for(period, ids[offset:offset + chunk], oc3)


def _children_for(period: CollectionPeriod, child_ids: list[int],
                  oc3: set[int]) -> Iterator[ChildFacts]:
    start, end = period.start, period.reference_date
    people = Person.objects.in_bulk(child_ids)
    facts = {pk: ChildFacts(people[pk]) for pk in child_ids}
    for episode in episodes_in(period).filter(child_id__in=child_ids).order_by(
            "started_on", "pk"):
        facts[episode.child_id].episodes.append(episode)
    for review in CareReview.objects.filter(
            period__child_id__in=child_ids, held_on__range=(start, end)).select_related(
            "period").order_by("held_on", "pk"):
        facts[review.period.child_id].reviews.append(review)
    overlapping = Q(started_on__lte=end) & (Q(returned_on__isnull=True)
                                             | Q(returned_on__gte=start))
    for episode in MissingEpisode.objects.filter(overlapping, child_id__in=child_ids).order_by(
            "started_at", "pk"):
        facts[episode.child_id].missing.append(episode)
    for order in DeprivationOfLibertyOrder.objects.filter(
            child_id__in=child_ids, started_on__lte=end).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=start)).order_by("started_on", "pk"):
        facts[order.child_id].dolos.append(order)
    _allocations(facts, child_ids, period)
    _continuously_looked_after(facts, child_ids, period)
    _oc2(facts, period)
    for child_id in oc3 & set(child_ids):
        facts[child_id].in_oc3_cohort = True
    for situation in Situation.objects.filter(
            care_leaver__child_id__in=oc3 & set(child_ids), as_at__lte=end).select_related(
            "care_leaver").order_by("as_at", "pk"):
        facts[situation.care_leaver.child_id].oc3 = situation  # the latest by 31 March
    for mother_id, born in Relationship.objects.filter(
            person_id__in=child_ids, kind=RelationshipKind.PARENT_OF,
            other__date_of_birth__isnull=False).values_list("person_id", "other__date_of_birth"):
        current = facts[mother_id].first_child_born
        facts[mother_id].first_child_born = born if current is None else min(current, born)
    _permanence(facts, child_ids, period)
    for child_id in child_ids:
        yield facts[child_id]


def _allocations(facts: dict[int, ChildFacts], child_ids: list[int],
                 period: CollectionPeriod) -> None:
    """The child's allocations to a worker open at some time in the year."""
    with_worker = Allocation.objects.filter(child_id__in=child_ids, worker__isnull=False)
    for allocation in with_worker.filter(start_date__lte=period.reference_date).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=period.start)).order_by(
            "start_date", "pk"):
        facts[allocation.child_id].allocations.append(allocation)
    firsts = {}
    for child_id, pk in with_worker.order_by("child_id", "-start_date", "-pk").values_list(
            "child_id", "pk"):
        firsts[child_id] = pk  # the last one written is the earliest
    for child_id, pk in firsts.items():
        facts[child_id].first_allocation_id = pk


def _continuously_looked_after(facts, child_ids, period: CollectionPeriod) -> None:
    """Looked after on 1 April and throughout the year to 31 March: the OC2 cohort."""
    for child_id in CarePeriod.objects.filter(
            child_id__in=child_ids, started_on__lte=add_months(period.reference_date, -12)
            + dt.timedelta(days=1)).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=period.reference_date)).values_list(
            "child_id", flat=True):
        facts[child_id].continuously_looked_after = True


def _oc2(facts: dict[int, ChildFacts], period: CollectionPeriod) -> None:
    ids = [pk for pk, f in facts.items() if f.continuously_looked_after]
    if not ids:
        return
    start, end = period.start, period.reference_date
    for pk in ids:
        facts[pk].oc2 = Oc2Facts()
    for sdq in SdqScore.objects.filter(child_id__in=ids, completed_on__range=(start, end)
                                       ).order_by("completed_on", "pk"):
        facts[sdq.child_id].oc2.sdq = sdq
    for status in ImmunisationStatus.objects.filter(child_id__in=ids, as_at__lte=end).order_by(
            "as_at", "pk"):
        facts[status.child_id].oc2.immunisations = status
    for child_id, kind in HealthCheck.objects.filter(
            child_id__in=ids, done_on__range=(start, end)).values_list("child_id", "kind"):
        if kind == HealthCheckKind.DENTAL:
            facts[child_id].oc2.dental_check = True
        else:
            facts[child_id].oc2.health_assessment = True


def _permanence(facts: dict[int, ChildFacts], child_ids: list[int],
                period: CollectionPeriod) -> None:
    """Adoption and previous permanence facts from hearth.permanence, when it is installed
    (its contract: hearth.permanence.returns)."""
    if not apps.is_installed("hearth.permanence"):
        return
    from hearth.permanence import returns as perm

    start, end = period.start, period.reference_date
    for row in perm.ssda903_placed_adoption(child_ids, start, end):
        facts[row["child_id"]].placed_adoption.append(row)
    for child_id, row in perm.ssda903_ad1(child_ids, start, end).items():
        facts[child_id].ad1 = row
    for child_id, row in perm.ssda903_prev_perm(child_ids).items():
        facts[child_id].prev_perm = row
