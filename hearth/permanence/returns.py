"""The permanence facts the statutory returns need: the 903 PlacedAdoption, AD1 and PrevPerm
tables and Annex A lists 8 (the permanence plan), 10 (adoption) and 11 (adopters).

Other apps (hearth.returns) code against these functions: keep their names, arguments and keys.
Dates are `datetime.date` or None; the caller formats them.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q

from hearth.permanence import codes, rules
from hearth.permanence.models import (
    AdopterHousehold,
    AdoptionDecision,
    PermanencePlan,
    PreviousPermanence,
)

LIST_10_COLUMNS = (
    "Family identifier", "Does the Child have a Disability", "Date the Child Entered Care",
    "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
    "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption",
    "Date of Adoption Order", "Date of Decision that Child Should No Longer be Placed for "
    "Adoption", "Reason Why Child No Longer Placed for Adoption",
    "Date the child was placed for fostering in FFA or concurrent planning placement",
)
LIST_11_COLUMNS = (
    "Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability",
    "Is the (prospective) adopter fostering for adoption?", "Date enquiry received",
    "Date Stage 1 started", "Date Stage 1 ended", "Date Stage 2 started", "Date Stage 2 ended",
    "Date application submitted", "Date application approved",
    "Date adopter matched with child(ren)", "Date child/children placed with adopter(s)",
    "No. of children placed", "Date of Adoption Order", "Date of leaving adoption process",
    "Reason for leaving adoption process",
)


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def _open_in(decisions, start: dt.date, end: dt.date):
    """Decisions in force at some time from `start` to `end`: made by the end, not reversed
    and no adoption order before the start."""
    return decisions.filter(decided_on__lte=end).exclude(reversed_on__lt=start).exclude(
        adoption_order_on__lt=start)


def ssda903_placed_adoption(child_ids: Iterable[int], year_start: dt.date,
                            year_end: dt.date) -> list[dict]:
    """One row per "should be placed for adoption" decision open at any time in the year;
    its reversal (and reason) when that was in or before the year's end."""
    decisions = _open_in(AdoptionDecision.objects.filter(child_id__in=list(child_ids)),
                         year_start, year_end).order_by("child_id", "decided_on", "id")
    rows = []
    for decision in decisions:
        ceased = decision.reversed_on if (decision.reversed_on
                                          and decision.reversed_on <= year_end) else None
        rows.append({"child_id": decision.child_id, "DATE_PLACED": decision.decided_on,
                     "DATE_PLACED_CEASED": ceased,
                     "REASON_PLACED_CEASED": decision.reversed_reason if ceased else ""})
    return rows


def ssda903_ad1(child_ids: Iterable[int], year_start: dt.date,
                year_end: dt.date) -> dict[int, dict]:
    """Children adopted (adoption order) in the year: the decision and match dates, whether
    the adopters fostered the child first (a fostering for adoption placement: FOSTER_CARE 1),
    and the adopters' number, sexes and legal status."""
    decisions = (AdoptionDecision.objects.filter(
        child_id__in=list(child_ids), adoption_order_on__gte=year_start,
        adoption_order_on__lte=year_end).select_related("household")
        .prefetch_related("household__adopters").order_by("adoption_order_on", "id"))
    found: dict[int, dict] = {}
    for decision in decisions:
        household = decision.household
        adopters = list(household.adopters.all()) if household else []
        found[decision.child_id] = {
            "DATE_INT": decision.decided_on, "DATE_MATCH": decision.matched_on,
            "FOSTER_CARE": 1 if decision.ffa_placed_on else 0,
            "NB_ADOPTR": len(adopters) or None,
            "SEX_ADOPTR": rules.sex_of_adopters([a.sex for a in adopters]) if adopters else "",
            "LS_ADOPTR": household.legal_status if household else "",
        }
    return found


def ssda903_prev_perm(child_ids: Iterable[int]) -> dict[int, dict]:
    """The previous permanence order recorded on each child's latest period of care."""
    records = PreviousPermanence.objects.filter(child_id__in=list(child_ids)).order_by(
        "child_id", "-period__started_on", "-id")
    found: dict[int, dict] = {}
    for record in records:
        found.setdefault(record.child_id, {"PREV_PERM": record.order,
                                           "LA_PERM": record.la_code,
                                           "DATE_PERM": record.order_on})
    return found


def annex_a_list_10(start: dt.date, end: dt.date) -> list[dict]:
    """Children with an adoption decision in force at some time in the window (Ofsted looks
    back 12 months): one row per decision, with the list 10 columns after the common ones."""
    decisions = _open_in(AdoptionDecision.objects.all(), start, end).select_related(
        "child", "period", "household").order_by("child_id", "decided_on", "id")
    rows = []
    for d in decisions:
        rows.append(dict(zip(("child_id", *LIST_10_COLUMNS), (
            d.child_id, d.household.reference if d.household else "",
            _yes_no(bool(d.child.disabilities)), d.period.started_on, d.decided_on,
            d.placement_order_on, d.matched_on, d.placed_on, d.adoption_order_on,
            d.reversed_on, d.get_reversed_reason_display() if d.reversed_reason else "",
            d.ffa_placed_on), strict=True)))
    return rows


def annex_a_list_11(start: dt.date, end: dt.date) -> list[dict]:
    """Prospective adopters in the process at some time in the window: one row per adopter."""
    households = (AdopterHousehold.objects.filter(enquiry_on__lte=end)
                  .exclude(left_on__lt=start).prefetch_related("adopters", "decisions")
                  .order_by("reference"))
    rows = []
    for household in households:
        decisions = list(household.decisions.all())
        matched = min((d.matched_on for d in decisions if d.matched_on), default=None)
        placed = [d.placed_on for d in decisions if d.placed_on]
        orders = [d.adoption_order_on for d in decisions if d.adoption_order_on]
        for adopter in household.adopters.all():
            rows.append(dict(zip(LIST_11_COLUMNS, (
                f"{household.reference}-{adopter.number}", household.reference,
                adopter.get_sex_display(), adopter.ethnicity, _yes_no(adopter.disabled),
                _yes_no(household.fostering_for_adoption), household.enquiry_on,
                household.stage1_started_on, household.stage1_ended_on,
                household.stage2_started_on, household.stage2_ended_on,
                household.application_on, household.approved_on, matched,
                min(placed, default=None), len(placed), max(orders, default=None),
                household.left_on,
                codes.LeavingReason(household.left_reason).label if household.left_reason
                else ""), strict=True)))
    return rows


def permanence_plans(child_ids: Iterable[int], as_at: dt.date) -> dict[int, str]:
    """The label of each child's permanence plan on `as_at` (Annex A list 8), for children who
    had one then."""
    plans = PermanencePlan.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=as_at), child_id__in=list(child_ids),
        stage_since__lte=as_at).order_by("child_id", "-stage_since", "-id")
    found: dict[int, str] = {}
    for plan in plans:
        found.setdefault(plan.child_id, codes.PlanType(plan.plan_type).label)
    return found
