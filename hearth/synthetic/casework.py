"""Years of synthetic casework for a synthetic authority, recorded through the services.

`build_casework` plans every child's contacts, referrals, assessments, strategy discussions,
section 47 enquiries, conferences, plans, core groups, visits, closures and transfers between
teams (`casework_plan`, `casework_stories`) as case-history events, and records them through the
runner that `manage.py import_cases` uses (hearth.imports.runner): one service call an event, so
each passes the services' rules and is audited as the job `synthesise` with the member of staff
who did the work.

Dates run from `years` before `clock.today()` to now; nothing is dated in the future, so the
work still open today is left open, with its statutory tasks due, due soon or overdue. The same
seed, profile and clock time give the same casework.

What it aims at (shared/domain/KPIS.md):

- referrals: `scale` × 750 a year per 10,000 children (H-FD-04: 749.3 in 2019), about 20% of
  them re-referrals within 12 months (H-FD-05); contacts 3 times the referrals;
- contact decisions within 1 working day 76% (H-FD-01); assessments authorised within 45
  working days 68% (H-AS-01); initial conferences within 15 working days 80% (H-CP-04); 80% of
  children on a plan visited within the 10-day standard (H-CP-08);
- children on a child protection plan at the end: 44 per 10,000 (H-CP-01, target 43), at most
  `cp_share_cap` of the family safeguarding teams' children;
- children looked after (`casework_care`): every child the children in care teams hold and
  about half the leaving care team's 16- and 17-year-olds (dudley: about 600, 88 per 10,000;
  the seeds count 562-597, H-CL-01 and H-CL-02), CLA reviews in time 93% (H-CL-04), about 10%
  of them with 3 or more placements in the last year, and the children who left care in the
  synthesised years with the DfE reason.

What it costs: every event is a service call, about 5 to 7 ms of CPU on SQLite. The children
the authority holds today all get the casework that explains where they are (the caseload is
the base generator's); the rest is cut down by the profile's settings. `dudley` synthesises
2 years of contacts and referrals at a quarter of the seeds' referral rate (`scale`), visits and
reviews for the last 5 months of plans running longer (`plan_years`), and the episodes of a
tenth of the children whose cases closed in those years (`closed_share`): about 43,000 events in
about 5 minutes; the care of about 600 children looked after and 380 who left care adds about
11,000 events (5,300 of them reviews, kept from each period's start) and about 100 seconds.
`tiny`, built by tests, has a year of it: about 450 events in 3 seconds.
"""

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Q

from hearth.accounts.models import Team
from hearth.accounts.roles import Role
from hearth.accounts.services import system_user
from hearth.assessments.codes import AssessmentKind
from hearth.assessments.models import Assessment
from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.cases.models import StatutoryTask, TaskKind
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.frontdoor.models import Contact, Referral
from hearth.imports.history import Event
from hearth.imports.runner import CaseRunner, Directory
from hearth.people.models import Person
from hearth.protection.codes import ConferenceKind
from hearth.protection.models import ChildProtectionPlan, Conference
from hearth.synthetic.casework_care import CarePlanner
from hearth.synthetic.casework_health import build_sdqs
from hearth.synthetic.casework_plan import CaseworkPlanner, Period
from hearth.synthetic.casework_stories import Crew, Desk, Rates, Story, StoryWriter
from hearth.synthetic.staff import Organisation
from hearth.workingdays.selectors import current_calendar

SYSTEM_JOB = "synthesise"
BATCH_EVENTS = 2_000
S = Team.Service

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class CaseworkSettings:
    """`years` of contacts and referrals; `plan_years` of visits and reviews on plans running
    longer (a plan older than that is renewed then); `closed_share` of the children whose
    allocation ended in those years get that episode synthesised; `scale` × the seeds' yearly
    referral rate is the volume aimed at: short episodes (front door, assessment team, closed)
    are added up to it, and at least `short_episodes_at_least` of them."""

    years: int = 2
    plan_years: float = 2
    closed_share: float = 1.0
    scale: float = 1.0
    referrals_per_10k: float = 750.0
    contacts_per_referral: float = 3.0
    re_referral_share: float = 0.20
    cp_plans_per_10k: float = 44.0
    cp_share_cap: float = 0.4
    contacts_waiting_today: int = 3
    short_episodes_at_least: int = 3
    rates: Rates = field(default_factory=Rates)


CASEWORK: dict[str, CaseworkSettings] = {
    "tiny": CaseworkSettings(years=1, plan_years=0.5, scale=0.04, cp_share_cap=0.25),
    "dudley": CaseworkSettings(scale=0.25, closed_share=0.1, plan_years=0.4,
                               contacts_waiting_today=20, short_episodes_at_least=150),
    "large": CaseworkSettings(scale=0.25, closed_share=0.1, plan_years=0.4,
                              contacts_waiting_today=60, short_episodes_at_least=450),
}


@dataclass
class CaseworkResult:
    counts: Counter
    years: int = 1
    children: int = 0
    short_episodes: int = 0
    looked_after: int = 0
    left_care: int = 0
    care_seconds: float = 0.0  # recording the care events (their planning is not counted)
    seconds: float = 0.0


class CaseworkError(RuntimeError):
    """A planned event the services refused: a bug in the plan, so the build stops."""

    def __init__(self, child: Person, event: Event, error: DomainError):
        super().__init__(f"{event.TYPE} for child {child.pk} ({child}) was refused: "
                         f"{error.message} [{event}]")


def build_casework(authority, profile, rng: random.Random, *, progress: Progress | None = None,
                   settings: CaseworkSettings | None = None) -> CaseworkResult:
    """Plans and records the casework of `authority` (a generator.Authority)."""
    started = time.perf_counter()
    settings = settings or CASEWORK.get(profile.name, CaseworkSettings())
    now = clock.now()
    today = clock.today()
    writer = StoryWriter(rng, calendar=current_calendar(), now=now,
                         history_from=today - dt.timedelta(days=365 * settings.years),
                         plans_from=today - dt.timedelta(days=round(365 * settings.plan_years)),
                         rates=settings.rates, desk=desk_for(authority.organisation))
    planner = CaseworkPlanner(rng, writer=writer, org=authority.organisation, settings=settings,
                              population=authority.local_authority.population_0_17)
    planner.plan(authority.open_children, authority.closed_children)
    care = CarePlanner(random.Random(rng.getrandbits(64)), writer=writer,
                       iros=review_iros(authority.organisation),
                       crew_for=crew_maker(authority.organisation), story_for=planner.story,
                       review_in_time=settings.rates.cla_review_in_time,
                       visit_in_time=settings.rates.cla_visit_in_time)
    care.plan(authority.open_children, authority.closed_children, planner.periods,
              planner.stories)
    stories = [s for s in planner.stories.values() if s.events]
    seconds: Counter = Counter()
    counts = record(stories, progress or (lambda label, done, total: None), seconds)
    with transaction.atomic():
        counts["sdq"] = build_sdqs(random.Random(rng.getrandbits(64)), today=today,
                                   actor=system_user())
    return CaseworkResult(counts=counts, years=settings.years, children=len(stories),
                          short_episodes=planner.short_episodes,
                          looked_after=care.looked_after, left_care=care.left,
                          care_seconds=sum(v for k, v in seconds.items() if k in CARE_EVENTS),
                          seconds=time.perf_counter() - started)


def desk_for(org: Organisation) -> Desk:
    desks = org.case_teams(S.FRONT_DOOR) or org.case_teams(S.ASSESSMENT) or org.case_teams()
    support = [u.username for u in org.staff if u.role == Role.BUSINESS_SUPPORT]
    iros = [u for u in org.staff if u.role == Role.IRO]
    return Desk(recorders=[u.username for t in desks for u in org.workers[t.pk]] + support,
                deciders=[org.managers[t.pk].username for t in desks],
                chairs=[u.username for u in iros if "Chair" in u.job_title]
                or [u.username for u in iros])


def review_iros(org: Organisation) -> list[str]:
    """The independent reviewing officers who review looked-after children: those who do not
    chair child protection conferences, when there are any."""
    iros = [u for u in org.staff if u.role == Role.IRO]
    return [u.username for u in iros if "Chair" not in u.job_title] or [
        u.username for u in iros]


def crew_maker(org: Organisation) -> Callable[[list[Period], random.Random], Crew]:
    """Who worked the child's case at each allocation (a worker of the team when it had none)."""
    def crew(rows: list[Period], rng: random.Random) -> Crew:
        return Crew(tuple(
            (p.start, p.worker.username if p.worker else rng.choice(org.workers[p.team.pk])
             .username, org.managers[p.team.pk].username) for p in rows))
    return crew


CARE_EVENTS = frozenset({"care_start", "care_episode", "iro_allocation", "cla_review",
                         "cla_visit", "placement_sign_off", "care_end"})


def record(stories: list[Story], progress: Progress,
           seconds: Counter | None = None) -> Counter:
    """Records every story through the runner, a transaction every BATCH_EVENTS events; the
    time each kind of event took is added up in `seconds`."""
    directory, counts = Directory(), Counter()
    seconds = seconds if seconds is not None else Counter()
    total, done = sum(len(s.events) for s in stories), 0
    for batch in _batches(stories):
        with transaction.atomic():
            for story in batch:
                _record_story(story, directory, counts, seconds)
        done += sum(len(s.events) for s in batch)
        progress("casework events", done, total)
    return counts


def _record_story(story: Story, directory: Directory, counts: Counter,
                  seconds: Counter) -> None:
    runner = CaseRunner(child=story.child, directory=directory, system_job=SYSTEM_JOB,
                        counts=counts)
    for event in story.in_order():
        started = time.perf_counter()
        try:
            runner.run(event)
        except DomainError as error:
            raise CaseworkError(story.child, event, error) from error
        seconds[event.TYPE] += time.perf_counter() - started


def _batches(stories: list[Story]) -> Iterator[list[Story]]:
    batch: list[Story] = []
    size = 0
    for story in stories:
        batch.append(story)
        size += len(story.events)
        if size >= BATCH_EVENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# ---- What was made, in the seeds' terms -------------------------------------------------------


def casework_figures(*, years: int, population: int) -> dict[str, float]:
    """The indicators the casework aims at, over the last `years` (KPIS.md §1-§4)."""
    since = clock.today() - dt.timedelta(days=365 * years)
    referrals = Referral.objects.filter(referral_date__gte=since)
    contacts = Contact.objects.filter(received_at__date__gte=since)
    decided = contacts.filter(decided_at__isnull=False)
    assessments = Assessment.objects.filter(authorised_on__gte=since, kind=AssessmentKind.NEW)
    initial = Conference.objects.filter(held_on__gte=since, kind=ConferenceKind.INITIAL)
    visits = StatutoryTask.objects.filter(kind=TaskKind.VISIT_CP, closed_on__gte=since,
                                          cancelled=False)
    on_plans = ChildProtectionPlan.objects.open().count()
    return {
        "contacts": contacts.count(),
        "referrals": referrals.count(),
        "referrals per 10,000 a year": _rate(referrals.count() / years, population),
        "re-referrals %": _share(referrals.filter(previous_referral__isnull=False), referrals),
        "contacts per referral": round(contacts.count() / max(1, referrals.count()), 2),
        "contact decisions within 1 WD %": _share(
            decided.filter(decided_at__date__lte=F("decision_due_on")), decided),
        "assessments within 45 WD %": _share(assessments.filter(authorised_on__lte=F("due_on")),
                                             assessments),
        "ICPCs within 15 WD %": _share(initial.filter(held_on__lte=F("due_on")), initial),
        "CP visits in time %": _share(visits.filter(closed_on__lte=F("due_on")), visits),
        "children on CP plans": on_plans,
        "CP plans per 10,000": _rate(on_plans, population),
        "open tasks overdue": StatutoryTask.objects.open().filter(
            due_on__lt=clock.today()).count(),
        "open tasks": StatutoryTask.objects.open().count(),
        "open contacts": Contact.objects.filter(Q(decided_at__isnull=True)).count(),
        **care_figures(since=since, population=population),
    }


def care_figures(*, since: dt.date, population: int) -> dict[str, float]:
    """Children in care now (H-CL-01, H-CL-02), reviews in time since `since` (H-CL-04), the
    children who left care since then, and placement stability: the children looked after now
    who had 3 or more placements in the last year."""
    looked_after = CarePeriod.objects.filter(ended_on__isnull=True)
    reviews = CareReview.objects.filter(held_on__gte=since)
    return {
        "children looked after": looked_after.count(),
        "looked after per 10,000": _rate(looked_after.count(), population),
        "CLA reviews in time %": _share(reviews.filter(held_on__lte=F("due_on")), reviews),
        "left care": CarePeriod.objects.filter(ended_on__gte=since).count(),
        "looked after with 3+ placements in a year %": three_or_more_placements(),
    }


def three_or_more_placements() -> float:
    """The share of the children looked after now with 3 or more placements in the last 365
    days: the one they were in when the year began (or came into care with) and the moves."""
    year_ago = clock.today() - dt.timedelta(days=365)
    rows = CareEpisode.objects.filter(period__ended_on__isnull=True).exclude(
        reason_new_episode="L").values_list("period_id", "started_on")
    placements: dict[int, list[dt.date]] = {}
    for period_id, started_on in rows:
        placements.setdefault(period_id, []).append(started_on)
    if not placements:
        return 0.0
    unsettled = sum(
        1 for starts in placements.values()
        if sum(1 for day in starts if day > year_ago) + any(d <= year_ago for d in starts) >= 3)
    return round(100 * unsettled / len(placements), 1)


def _share(part, whole) -> float:
    total = whole.count()
    return round(100 * part.count() / total, 1) if total else 0.0


def _rate(count: float, population: int) -> float:
    return round(count * 10_000 / population, 1)
