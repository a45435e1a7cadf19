"""Reads: posts and their holders on a date, the figures by team (FTE, agency, vacancies),
turnover, ASYE, caseloads per worker (from the case spine's allocations) and case supervision
timeliness by team."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery

from hearth.accounts.models import Team, User
from hearth.cases.models import Allocation
from hearth.workforce import rules
from hearth.workforce.codes import (
    CASE_HOLDING_GRADES,
    SOCIAL_WORK_GRADES,
    Contract,
    LevelOfNeed,
)
from hearth.workforce.models import (
    Asye,
    CaseSupervision,
    Post,
    PostHolding,
    StaffSupervision,
    SupervisionStandard,
)
from hearth.workforce.needs import levels_of_need

ZERO = Decimal("0")


def posts_on(day: dt.date, *, team: Team | None = None, grades=None) -> QuerySet:
    """Posts established on `day`, each annotated with the holding in force that day
    (`holding_id`, `holding_contract`: None when vacant)."""
    held = PostHolding.objects.on(day).filter(post=OuterRef("pk")).order_by("-start_date")
    posts = (Post.objects.established_on(day)
             .annotate(holding_id=Subquery(held.values("pk")[:1]),
                       holding_contract=Subquery(held.values("contract")[:1])))
    if team is not None:
        posts = posts.filter(team=team)
    if grades is not None:
        posts = posts.filter(grade__in=list(grades))
    return posts


@dataclass(frozen=True)
class PostFigures:
    established_fte: Decimal
    in_post_fte: Decimal
    agency_fte: Decimal
    vacant_fte: Decimal
    posts: int
    vacant_posts: int

    @property
    def permanent_fte(self) -> Decimal:
        return self.in_post_fte - self.agency_fte

    @property
    def agency_share(self) -> Decimal | None:
        return rules.agency_share(self.agency_fte, self.in_post_fte)

    @property
    def vacancy_rate(self) -> Decimal | None:
        return rules.vacancy_rate(self.vacant_fte, self.established_fte)


def _figures(rows) -> PostFigures:
    on_date = [rules.PostOnDate(fte=r["fte"], contract=r["holding_contract"]) for r in rows]
    return PostFigures(
        established_fte=sum((p.fte for p in on_date), ZERO),
        in_post_fte=rules.fte_in_post(on_date), agency_fte=rules.agency_fte(on_date),
        vacant_fte=rules.vacant_fte(on_date), posts=len(on_date),
        vacant_posts=sum(1 for p in on_date if p.vacant))


def post_figures(day: dt.date, *, team: Team | None = None,
                 grades=SOCIAL_WORK_GRADES) -> PostFigures:
    """FTE established, in post, agency and vacant on `day` (social work posts by default)."""
    return _figures(posts_on(day, team=team, grades=grades).values("fte", "holding_contract"))


@dataclass(frozen=True)
class TeamWorkforce:
    team: Team
    figures: PostFigures
    asye: int


def team_workforce_list(day: dt.date) -> list[TeamWorkforce]:
    """Every team with posts on `day`, its figures over all its posts, and its ASYE count."""
    by_team = defaultdict(list)
    for row in posts_on(day).values("team_id", "fte", "holding_contract"):
        by_team[row["team_id"]].append(row)
    asye = dict(asye_current(day).values_list("holding__post__team_id")
                .annotate(n=Count("id")).values_list("holding__post__team_id", "n"))
    teams = Team.objects.filter(pk__in=by_team).order_by("name")
    return [TeamWorkforce(team=t, figures=_figures(by_team[t.pk]), asye=asye.get(t.pk, 0))
            for t in teams]


POST_SORTS = {
    "reference": ("reference",),
    "title": ("title", "reference"),
    "grade": ("grade", "reference"),
    "-fte": ("-fte", "reference"),
    "holder": (F("holder_last_name").asc(nulls_first=True), "reference"),
}


def team_posts(*, team: Team, day: dt.date, grade: str = "", contract: str = "",
               vacant_only: bool = False, sort: str = "reference") -> QuerySet:
    """A team's posts on `day` with their holder, filtered and sorted, ready for paging."""
    held = PostHolding.objects.on(day).filter(post=OuterRef("pk")).order_by("-start_date")
    posts = posts_on(day, team=team).annotate(
        holder_last_name=Subquery(held.values("user__last_name")[:1]))
    if grade:
        posts = posts.filter(grade=grade)
    if contract:
        posts = posts.filter(holding_contract=contract)
    if vacant_only:
        posts = posts.filter(holding_id__isnull=True)
    return posts.order_by(*POST_SORTS.get(sort, POST_SORTS["reference"]))


def holdings_by_id(ids) -> dict[int, PostHolding]:
    return {h.pk: h for h in PostHolding.objects.filter(pk__in=[i for i in ids if i])
            .select_related("user")}


def post_history(post: Post) -> QuerySet:
    return post.holdings.select_related("user", "asye").order_by("-start_date", "-id")


def current_holding(post: Post, *, day: dt.date) -> PostHolding | None:
    return PostHolding.objects.on(day).filter(post=post).select_related("user").first()


def open_holding(post: Post) -> PostHolding | None:
    return post.holdings.filter(end_date__isnull=True).select_related("user").first()


# Starters, leavers and turnover

def social_work_holdings() -> QuerySet:
    return PostHolding.objects.filter(post__grade__in=list(SOCIAL_WORK_GRADES))


def _headcount(day: dt.date) -> int:
    """Permanent staff in social work posts on `day`, each person once."""
    rows = social_work_holdings().on(day).filter(contract=Contract.PERMANENT)
    return len(set(rows.values_list("user_id", "worker_name")))


@dataclass(frozen=True)
class Turnover:
    start: dt.date
    end: dt.date
    leavers: int
    headcount_at_start: int
    headcount_at_end: int

    @property
    def rate(self) -> Decimal | None:
        return rules.turnover_rate(leavers=self.leavers, at_start=self.headcount_at_start,
                                   at_end=self.headcount_at_end)


def leavers_between(start: dt.date, end: dt.date) -> QuerySet:
    return (social_work_holdings().filter(contract=Contract.PERMANENT, end_date__gte=start,
                                          end_date__lte=end)
            .exclude(leaving_reason__in=["internal_move"]))


def turnover(day: dt.date) -> Turnover:
    """H-WF-04 over the 12 months to `day` (definition in rules.py)."""
    start, end = rules.twelve_months_to(day)
    return Turnover(start=start, end=end, leavers=leavers_between(start, end).count(),
                    headcount_at_start=_headcount(start - dt.timedelta(days=1)),
                    headcount_at_end=_headcount(end))


def starters_and_leavers(*, start: dt.date, end: dt.date, kind: str = "", team=None,
                         contract: str = "", sort: str = "newest"
                         ) -> list[tuple[str, PostHolding]]:
    """Holdings that started or ended in the period: ("starter" | "leaver", holding), newest
    first, oldest first, or by team (then newest)."""
    rows = PostHolding.objects.select_related("post__team", "user")
    if team is not None:
        rows = rows.filter(post__team=team)
    if contract:
        rows = rows.filter(contract=contract)
    found = []
    if kind in ("", "starter"):
        found += [("starter", h.start_date, h) for h in
                  rows.filter(start_date__gte=start, start_date__lte=end)]
    if kind in ("", "leaver"):
        found += [("leaver", h.end_date, h) for h in
                  rows.filter(end_date__gte=start, end_date__lte=end)]
    found.sort(key=lambda row: (row[1], row[2].pk), reverse=sort != "oldest")
    if sort == "team":
        found.sort(key=lambda row: row[2].post.team.name)  # stable: newest first in a team
    return [(what, holding) for what, _on, holding in found]


# ASYE

def asye_current(day: dt.date) -> QuerySet:
    """ASYE programmes under way on `day`."""
    return (Asye.objects.filter(started_on__lte=day, expected_end_on__gte=day)
            .filter(Q(completed_on__isnull=True) | Q(completed_on__gte=day))
            .filter(Q(holding__end_date__isnull=True) | Q(holding__end_date__gte=day)))


def asye_for_team(team: Team, day: dt.date) -> QuerySet:
    return (asye_current(day).filter(holding__post__team=team)
            .select_related("holding__user", "holding__post", "assessor"))


# Caseloads (from the case spine's dated allocations)

def caseloads_on(day: dt.date, *, worker_ids=None) -> dict[int, int]:
    """{worker id: children allocated to them on `day`}. Today's figures are the same as the
    Teams and caseloads page (hearth.cases.selectors.worker_caseloads); this reads the dated
    allocation rows so any past date works."""
    rows = (Allocation.objects.filter(start_date__lte=day, worker__isnull=False)
            .filter(Q(end_date__isnull=True) | Q(end_date__gt=day)))
    if worker_ids is not None:
        rows = rows.filter(worker_id__in=list(worker_ids))
    return dict(rows.values_list("worker_id").annotate(n=Count("id"))
                .values_list("worker_id", "n"))


@dataclass(frozen=True)
class AverageCaseload:
    children: int
    fte: Decimal
    workers: int

    @property
    def value(self) -> Decimal | None:
        return rules.average_caseload(self.children, self.fte)


def average_caseload(day: dt.date, *, team: Team | None = None) -> AverageCaseload:
    """WF02 on `day`: children allocated to holders of case-holding social work posts (with a
    Hearth account) / those posts' FTE."""
    posts = posts_on(day, team=team, grades=CASE_HOLDING_GRADES).filter(
        holding_id__isnull=False)
    holdings = holdings_by_id(posts.values_list("holding_id", flat=True))
    fte_by_user: dict[int, Decimal] = defaultdict(lambda: ZERO)
    fte = ZERO
    for post in posts.only("fte"):
        holding = holdings[post.holding_id]
        fte += post.fte
        if holding.user_id:
            fte_by_user[holding.user_id] += post.fte
    loads = caseloads_on(day, worker_ids=fte_by_user)
    return AverageCaseload(children=sum(loads.values()), fte=fte, workers=len(holdings))


# Staff supervision

def staff_supervisions_for(worker: User) -> QuerySet:
    return worker.supervisions.select_related("supervisor")


def last_staff_supervisions(user_ids) -> dict[int, StaffSupervision]:
    latest = {}
    for row in (StaffSupervision.objects.filter(worker_id__in=list(user_ids))
                .order_by("worker_id", "supervised_on", "id")):
        latest[row.worker_id] = row
    return latest


# Case supervision

def supervision_standards() -> dict[str, int]:
    return dict(SupervisionStandard.objects.values_list("level_of_need", "interval_weeks"))


def case_supervisions_for(child) -> QuerySet:
    return child.case_supervisions.select_related("supervisor", "worker", "team")


def last_case_supervision(child) -> CaseSupervision | None:
    return child.case_supervisions.order_by("-supervised_on", "-id").first()


@dataclass(frozen=True)
class CaseSupervisionDue:
    level_of_need: str
    weeks: int
    last_on: dt.date | None
    since: dt.date
    due_on: dt.date

    @property
    def rule(self) -> str:
        return rules.case_supervision_rule(self.level_of_need, self.weeks)

    @property
    def level_label(self) -> str:
        return LevelOfNeed(self.level_of_need).label


def case_supervision_due(child, *, on: dt.date, last_on: dt.date | None = None,
                         level: str | None = None) -> CaseSupervisionDue | None:
    """When the child's next case supervision is due, or None when no team holds them."""
    allocation = (Allocation.objects.filter(child=child, start_date__lte=on)
                  .filter(Q(end_date__isnull=True) | Q(end_date__gt=on)).first())
    if allocation is None:
        return None
    if last_on is None:
        last = last_case_supervision(child)
        last_on = last.supervised_on if last else None
    level = level or levels_of_need([child.pk], on=on)[child.pk]
    weeks = rules.interval_weeks_for(level, supervision_standards())
    start = last_on or allocation.start_date
    return CaseSupervisionDue(level, weeks, last_on, allocation.start_date,
                              rules.case_supervision_due_on(start, weeks=weeks))


@dataclass(frozen=True)
class TeamTimeliness:
    team: Team
    open_cases: int
    in_time: int
    never_supervised: int

    @property
    def overdue(self) -> int:
        return self.open_cases - self.in_time

    @property
    def percent(self) -> Decimal | None:
        return rules.percent(self.in_time, self.open_cases, rules.ONE_PLACE)

    @property
    def meets_target(self) -> bool | None:
        value = self.percent
        return None if value is None else value >= rules.SUPERVISION_TARGET_PERCENT


def supervision_timeliness(day: dt.date, *, team: Team | None = None) -> list[TeamTimeliness]:
    """For each team holding cases on `day`: its open cases and how many were within their
    required frequency that day. A fixed number of queries however many children."""
    allocations = (Allocation.objects.filter(start_date__lte=day)
                   .filter(Q(end_date__isnull=True) | Q(end_date__gt=day)))
    if team is not None:
        allocations = allocations.filter(team=team)
    rows = list(allocations.values_list("child_id", "team_id", "start_date"))
    last = dict(CaseSupervision.objects.filter(
        child_id__in=allocations.values("child_id"), supervised_on__lte=day)
        .values_list("child_id").annotate(last=Max("supervised_on"))
        .values_list("child_id", "last"))
    levels = levels_of_need(allocations.values_list("child_id", flat=True), on=day)
    standards = supervision_standards()
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for child_id, team_id, since in rows:
        weeks = rules.interval_weeks_for(levels.get(child_id, "other"), standards)
        last_on = last.get(child_id)
        tally = counts[team_id]
        tally[0] += 1
        tally[1] += rules.supervised_in_time(last_on, since=since, on=day, weeks=weeks)
        tally[2] += last_on is None
    teams = Team.objects.filter(pk__in=counts).order_by("name")
    return [TeamTimeliness(t, *counts[t.pk]) for t in teams]


def timeliness_total(rows: list[TeamTimeliness]) -> TeamTimeliness | None:
    if not rows:
        return None
    return TeamTimeliness(team=None, open_cases=sum(r.open_cases for r in rows),
                          in_time=sum(r.in_time for r in rows),
                          never_supervised=sum(r.never_supervised for r in rows))


def team_manager_of(team_id: int | None) -> User | None:
    """Whom a team's case supervision tasks are for: its (first) active team manager."""
    if team_id is None:
        return None
    return (User.objects.filter(team_id=team_id, role="team_manager", is_active=True)
            .order_by("last_name", "first_name", "pk").first())
