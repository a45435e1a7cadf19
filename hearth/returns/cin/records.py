"""Reads the facts a children in need census needs from Hearth's records, for one collection year.

Year-independent: which elements a year's census has, and how each fact is coded, is the year
module's business (y2025_26.py). This module only answers "which episodes of need, and what
happened on them up to the reference date", in a handful of queries whatever the size of the
authority (one per record type, each filtered by a subquery on the cohort's referrals).

The census's cohort: every child with an episode of need (a `frontdoor.Referral`) open at any
time in the collection year, that is referred on or before the reference date and not closed
before the first day of the year (an unclosed referral with no further action counts as over
on the day it was made). Only those episodes are returned; a child's earlier, closed
episodes belong to earlier returns.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from hearth.assessments.models import Assessment
from hearth.cin.models import CinPlan
from hearth.court.models import LegalCaseChild, PreProceedingsMeeting
from hearth.court.rules import PreProceedingsFacts
from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.protection.codes import ConferenceKind
from hearth.protection.models import ChildProtectionPlan, Conference, Section47Enquiry

CHUNK = 2000  # children read and built at a time: memory stays flat on a large authority


@dataclass(frozen=True)
class CollectionPeriod:
    """1 April of `start_year` to 31 March the year after (the reference date)."""

    start_year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.start_year, 4, 1)

    @property
    def reference_date(self) -> dt.date:
        return dt.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year} to {self.start_year + 1}"

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.reference_date


@dataclass
class Section47Facts:
    enquiry: Section47Enquiry
    initial_conference: Conference | None


@dataclass
class PlanFacts:
    plan: ChildProtectionPlan
    reviews: list[tuple[dt.date, str]]  # (held on, category) of each review conference


@dataclass
class EpisodeFacts:
    referral: Referral
    assessments: list[Assessment] = field(default_factory=list)
    cin_plans: list[CinPlan] = field(default_factory=list)
    section47s: list[Section47Facts] = field(default_factory=list)
    cp_plans: list[PlanFacts] = field(default_factory=list)
    # From 2026 to 2027 (module 5): hearth.court's pre-proceedings started in the year.
    pre_proceedings: list[PreProceedingsFacts] = field(default_factory=list)


@dataclass
class ChildFacts:
    person: Person
    episodes: list[EpisodeFacts]


def cohort_referrals(period: CollectionPeriod) -> QuerySet[Referral]:
    """The episodes of need open at some time in the collection year.

    A referral with no further action is over the day it is made: the front door records no
    closure for it, so without a closure date it belongs to the year it was made in only
    (rule 8569Q queries one from before the year).
    """
    still_open = Q(closed_on__isnull=True) & (
        Q(no_further_action=False) | Q(referral_date__gte=period.start))
    return Referral.objects.filter(referral_date__lte=period.reference_date).filter(
        still_open | Q(closed_on__gte=period.start))


def cohort_children(period: CollectionPeriod) -> QuerySet[Person]:
    return Person.objects.filter(
        is_child=True, pk__in=cohort_referrals(period).values("child_id")).order_by("pk")


def cohort_size(period: CollectionPeriod) -> int:
    return cohort_children(period).count()


def children(period: CollectionPeriod, chunk: int = CHUNK, *,
             pre_proceedings: bool = False) -> Iterator[ChildFacts]:
    """Every child in the census, in LA child ID order, with their episodes in the year; with
    `pre_proceedings` (the 2026 to 2027 census on), also each child's pre-proceedings."""
    ids = list(cohort_children(period).order_by("la_child_id", "pk").values_list("pk", flat=True))
    for offset in range(0, len(ids), chunk):
        yield from _children_for(period, ids[offset:offset + chunk],
                                 pre_proceedings=pre_proceedings)


def _children_for(period: CollectionPeriod, child_ids: list[int], *,
                  pre_proceedings: bool = False) -> Iterator[ChildFacts]:
    end = period.reference_date
    referrals = cohort_referrals(period).filter(child_id__in=child_ids)
    episodes = {r.pk: EpisodeFacts(r) for r in referrals.order_by("referral_date", "pk")}
    in_cohort = referrals.values("pk")
    for assessment in Assessment.objects.filter(
            referral__in=in_cohort, started_on__lte=end).order_by("started_on", "pk"):
        episodes[assessment.referral_id].assessments.append(assessment)
    for plan in CinPlan.objects.filter(
            referral__in=in_cohort, started_on__lte=end).order_by("started_on", "pk"):
        episodes[plan.referral_id].cin_plans.append(plan)
    initial = {c.section47_id: c for c in Conference.objects.filter(
        referral__in=in_cohort, kind=ConferenceKind.INITIAL, held_on__lte=end)}
    for enquiry in Section47Enquiry.objects.filter(
            referral__in=in_cohort, started_on__lte=end).order_by("started_on", "pk"):
        episodes[enquiry.referral_id].section47s.append(
            Section47Facts(enquiry, initial.get(enquiry.pk)))
    reviews = defaultdict(list)
    for plan_id, held_on, category in Conference.objects.filter(
            referral__in=in_cohort, kind=ConferenceKind.REVIEW, held_on__lte=end).order_by(
            "held_on", "pk").values_list("plan_id", "held_on", "category"):
        reviews[plan_id].append((held_on, category))
    for plan in ChildProtectionPlan.objects.filter(
            referral__in=in_cohort, start_date__lte=end).order_by("start_date", "pk"):
        episodes[plan.referral_id].cp_plans.append(PlanFacts(plan, reviews[plan.pk]))
    by_child = defaultdict(list)
    for episode in episodes.values():
        by_child[episode.referral.child_id].append(episode)
    if pre_proceedings:
        _add_pre_proceedings(period, child_ids, by_child)
    people = Person.objects.in_bulk(child_ids)
    for child_id in child_ids:
        yield ChildFacts(people[child_id], by_child[child_id])


def _add_pre_proceedings(period: CollectionPeriod, child_ids: list[int],
                         by_child: dict[int, list[EpisodeFacts]]) -> None:
    """Each pre-proceedings started in the year, on each of its children (a sibling group's
    case is one per child in the census), in the episode of need open on the day it started:
    else the last one referred before it, else the child's first in the year. Two queries."""
    memberships = list(LegalCaseChild.objects.filter(
        child_id__in=child_ids,
        legal_case__pp_started_on__range=(period.start, period.reference_date))
        .select_related("legal_case").order_by("legal_case__pp_started_on", "legal_case_id"))
    meetings = defaultdict(list)
    for case_id, kind, held_on in PreProceedingsMeeting.objects.filter(
            legal_case_id__in={m.legal_case_id for m in memberships}).order_by(
            "held_on", "pk").values_list("legal_case_id", "kind", "held_on"):
        meetings[case_id].append((kind, held_on))
    for membership in memberships:
        episodes = by_child.get(membership.child_id)
        if not episodes:
            continue
        case = membership.legal_case
        _episode_on(episodes, case.pp_started_on).pre_proceedings.append(PreProceedingsFacts(
            started_on=case.pp_started_on, letter_sent_on=case.letter_sent_on,
            fgdm_offered=case.fgdm_offered, meetings=tuple(meetings[case.pk]),
            outcome=case.pp_outcome, outcome_on=case.pp_outcome_on,
            issued_on=case.issued_on if case.pp_outcome == "issue" else None,
            parents_letter_on=case.parents_letter_on if case.pp_outcome == "issue" else None,
            applied_on=case.applied_on if case.pp_outcome == "issue" else None))


def _episode_on(episodes: list[EpisodeFacts], day: dt.date) -> EpisodeFacts:
    """The episode open on `day`, else the last referred before it, else the first."""
    before = [e for e in episodes if e.referral.referral_date <= day]
    open_then = [e for e in before if e.referral.closed_on is None or e.referral.closed_on >= day]
    return (open_then or before or episodes)[-1 if open_then or before else 0]
