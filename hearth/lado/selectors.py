"""Reads for the LADO area: the list of allegations, the team, the officers an allegation may
be given to, the work on an officer's My work, and the yearly figures. Callers have already
checked that the user is in the LADO team (access.py)."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import F, Q, QuerySet

from hearth.accounts.roles import PERMISSIONS
from hearth.lado import rules
from hearth.lado.models import Allegation, LadoTeamMember

OVERDUE = "overdue"
STATUS_CHOICES = [("", "Any status"), ("current", "Not closed"),
                  *rules.STATUS_LABELS.items()]
SORTS = {
    "received": ("-received_on", "-id"),
    "-received": ("received_on", "id"),
    "due": ("initial_consideration_due_on", "id"),
    "reference": ("id",),
    "sector": ("subject_sector", "-received_on", "-id"),
    "outcome": (F("outcome_on").desc(nulls_last=True), "-id"),
}
SORT_CHOICES = [("received", "Newest referral first"), ("-received", "Oldest referral first"),
                ("due", "Initial consideration due, earliest first"),
                ("reference", "Reference"), ("sector", "Sector"),
                ("outcome", "Most recent outcome first")]


def current_members() -> QuerySet[LadoTeamMember]:
    return LadoTeamMember.objects.filter(ended_on__isnull=True).select_related(
        "user", "user__team", "added_by")


def past_members() -> QuerySet[LadoTeamMember]:
    return LadoTeamMember.objects.filter(ended_on__isnull=False).select_related(
        "user", "added_by", "ended_by").order_by("-ended_on", "-id")


def _member_ids() -> QuerySet:
    # A subquery, not a join: `lado_memberships__ended_on__isnull=True` would also match
    # staff with no membership at all (the outer join's NULL).
    return LadoTeamMember.objects.filter(ended_on__isnull=True).values("user_id")


def lado_officers() -> QuerySet:
    """Active staff in the LADO team whose role may make the LADO's decisions."""
    roles = PERMISSIONS["lado.record_lado_decision"][0]
    return get_user_model().objects.filter(
        is_active=True, role__in=roles, pk__in=_member_ids()).order_by(
        "last_name", "first_name", "username")


def eligible_staff() -> QuerySet:
    """Who a service manager may add: active staff whose role may see allegations, not in the
    team already."""
    roles = PERMISSIONS["lado.view_allegations"][0]
    return get_user_model().objects.filter(is_active=True, role__in=roles).exclude(
        pk__in=_member_ids()).order_by("last_name", "first_name", "username")


@dataclass(frozen=True)
class Filters:
    status: str = ""
    sector: str = ""
    category: str = ""
    outcome: str = ""
    overdue: bool = False
    officer_id: int | None = None
    sort: str = "received"


def _status_filter(status: str) -> Q:
    return {
        rules.AWAITING: Q(considered_on__isnull=True, closed_on__isnull=True),
        rules.OPEN: Q(considered_on__isnull=False, outcome="", closed_on__isnull=True),
        rules.OUTCOME: ~Q(outcome="") & Q(closed_on__isnull=True),
        rules.CLOSED: Q(closed_on__isnull=False),
        "current": Q(closed_on__isnull=True),
    }.get(status, Q())


def allegation_list(filters: Filters, *, today: dt.date) -> QuerySet[Allegation]:
    allegations = Allegation.objects.filter(_status_filter(filters.status))
    if filters.sector:
        allegations = allegations.filter(subject_sector=filters.sector)
    if filters.category:
        allegations = allegations.filter(category=filters.category)
    if filters.outcome:
        allegations = allegations.filter(outcome=filters.outcome)
    if filters.overdue:
        allegations = allegations.filter(overdue_consideration(today))
    if filters.officer_id:
        allegations = allegations.filter(lado_officer_id=filters.officer_id)
    return (allegations.select_related("lado_officer").prefetch_related("children")
            .order_by(*SORTS.get(filters.sort, SORTS["received"])))


def overdue_consideration(today: dt.date) -> Q:
    """rules.is_consideration_overdue as a filter."""
    return Q(considered_on__isnull=True, closed_on__isnull=True,
             initial_consideration_due_on__lt=today)


def awaiting_consideration(*, officer, limit: int) -> list[Allegation]:
    """The officer's allegations waiting for their initial consideration, earliest due first."""
    return list(Allegation.objects.filter(lado_officer=officer, considered_on__isnull=True,
                                          closed_on__isnull=True)
                .order_by("initial_consideration_due_on", "id")[:limit])


def overdue_count(today: dt.date) -> int:
    return Allegation.objects.filter(overdue_consideration(today)).count()


def facts(*, year: int) -> list[rules.AllegationFacts]:
    """Every allegation that can count in the financial year: referred or concluded in it."""
    first, last = rules.year_range(year)
    rows = Allegation.objects.filter(Q(received_on__range=(first, last))
                                     | Q(outcome_on__range=(first, last)))
    return [rules.AllegationFacts(
        received_on=a.received_on, due_on=a.initial_consideration_due_on,
        considered_on=a.considered_on, sector=a.subject_sector, category=a.category,
        outcome=a.outcome, outcome_on=a.outcome_on, referred_to_dbs=a.referred_to_dbs,
        referred_to_professional_body=a.referred_to_professional_body) for a in rows]


def year_figures(*, year: int) -> rules.YearFigures:
    return rules.year_figures(facts(year=year), year=year)
