"""Builds a whole synthetic authority through the services, as its staff would have entered it.

The same profile and seed give the same authority on the same day: every random choice comes
from one `random.Random(seed)`, in a fixed order, and every date is counted back from
`clock.today()`. (Record UUIDs and timestamps differ from run to run; names, dates, identifiers,
teams, usernames and allocations do not.)
"""

import dataclasses
import datetime as dt
import functools
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from hearth.accounts.models import Team, User
from hearth.accounts.roles import Role
from hearth.core import clock
from hearth.core.models import LocalAuthority
from hearth.core.services import local_authority_set
from hearth.people import services as people
from hearth.people.models import Person
from hearth.synthetic import demographics as demo
from hearth.synthetic.audits import AuditsResult, build_audits
from hearth.synthetic.casework import CASEWORK, CaseworkResult, CaseworkSettings, build_casework
from hearth.synthetic.complaints import ComplaintsResult, build_complaints
from hearth.synthetic.families import FamilyBuilder, FamilyResult, FamilySpec, IdentifierPool
from hearth.synthetic.governance import GovernanceResult, build_governance
from hearth.synthetic.lado import LadoResult, build_lado
from hearth.synthetic.legal import build_legal
from hearth.synthetic.performance import build_figures
from hearth.synthetic.permanence import build_permanence
from hearth.synthetic.profiles import Profile, TeamSpec
from hearth.synthetic.staff import Organisation, StaffBuilder
from hearth.synthetic.workforce import build_workforce

SYSTEM_JOB = "synthesise"
DEFAULT_DEMO_PASSWORD = "hearth-demo-2026"
BATCH_CHILDREN = 500
S = Team.Service
IN_CARE_SERVICES = (S.CHILDREN_IN_CARE, S.CARE_LEAVERS)
# Where a service's children usually came from before they were transferred in.
FEEDER_SERVICE = {
    S.SAFEGUARDING: S.ASSESSMENT,
    S.CHILDREN_IN_CARE: S.SAFEGUARDING,
    S.CARE_LEAVERS: S.CHILDREN_IN_CARE,
    S.DISABLED_CHILDREN: S.ASSESSMENT,
}
CLOSED_SHARE_EVER_ALLOCATED = 0.8

Progress = Callable[[str, int, int], None]


@dataclass
class Authority:
    """What was built, for the command's summary, the tests and the benchmark."""

    profile: Profile
    seed: int
    local_authority: LocalAuthority
    organisation: Organisation
    open_children: list[Person] = field(default_factory=list)
    closed_children: list[Person] = field(default_factory=list)
    adults: list[Person] = field(default_factory=list)
    restricted: list[Person] = field(default_factory=list)
    allocations: int = 0
    casework: CaseworkResult | None = None
    complaints: ComplaintsResult | None = None
    audits: AuditsResult | None = None
    governance: GovernanceResult | None = None
    lado: LadoResult | None = None
    seconds: float = 0.0

    @property
    def teams(self) -> list[Team]:
        return self.organisation.teams

    @property
    def staff(self) -> list[User]:
        return self.organisation.staff

    @property
    def demo_logins(self) -> list[User]:
        return self.organisation.demo_logins()

    def counts(self) -> dict[str, int]:
        return {
            "teams": len(self.teams),
            "staff": len(self.staff),
            "open children": len(self.open_children),
            "closed children": len(self.closed_children),
            "adults": len(self.adults),
            "allocations": self.allocations,
            "restricted records": len(self.restricted),
            **({f"casework {kind}": n for kind, n in sorted(self.casework.counts.items())}
               if self.casework else {}),
            **({"complaints": self.complaints.complaints,
                "compliments and comments": self.complaints.feedback}
               if self.complaints else {}),
            **({"case file audits": self.audits.audits,
                "audit actions": self.audits.actions,
                "deep dives": self.audits.deep_dives} if self.audits else {}),
            **({"committee meetings": self.governance.meetings,
                "tracker actions": self.governance.tracker_actions,
                "improvement actions": self.governance.improvement_actions}
               if self.governance else {}),
            **({"LADO allegations": self.lado.allegations} if self.lado else {}),
        }


def password_hash(password: str) -> str:
    """Hashed once for every account: argon2 is slow on purpose."""
    return _hash_with(password, settings.PASSWORD_HASHERS[0])


@functools.lru_cache(maxsize=4)
def _hash_with(password: str, hasher: str) -> str:  # the hasher is part of the cache key
    return make_password(password)


def build_authority(profile: Profile, *, seed: int, password: str = DEFAULT_DEMO_PASSWORD,
                    progress: Progress | None = None, casework: bool = True,
                    casework_scale: float | None = None) -> Authority:
    """Staff, children and families, allocations and restricted records; then, unless
    `casework` is False (tests that need only the caseload), the years of casework that explain
    where each child is (hearth.synthetic.casework), from a random stream of its own so that the
    base authority is the same either way. `casework_scale` overrides the profile's share of the
    seeds' referral volume (1.0: the seeds' full rate)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    today = clock.today()
    report = progress or (lambda label, done, total: None)
    with transaction.atomic():
        local_authority = local_authority_set(
            name=profile.authority_name, la_code=profile.la_code,
            population_0_17=profile.population_0_17, population_year=profile.population_year,
            system_job=SYSTEM_JOB)
        organisation = StaffBuilder(rng, password_hash=password_hash(password),
                                    system_job=SYSTEM_JOB).build(profile)
        # Posts from a random stream of their own, so the rest of the authority is unchanged.
        build_workforce(organisation, random.Random(f"workforce-{seed}"), today=today,
                        system_job=SYSTEM_JOB)
    report("staff", len(organisation.staff), len(organisation.staff))
    authority = Authority(profile, seed, local_authority, organisation)
    planner = FamilyPlanner(rng, today=today, profile=profile, organisation=organisation)
    builder = FamilyBuilder(rng, today=today, ids=IdentifierPool(la_code=profile.la_code),
                            system_job=SYSTEM_JOB, warning_share=profile.warning_share)
    open_built = build_families(builder, planner.open_families(), "open children", report)
    closed_built = build_families(builder, planner.closed_families(), "closed children", report)
    for spec, result in [*open_built, *closed_built]:
        target = authority.closed_children if spec.end or not spec.allocated else (
            authority.open_children)
        target.extend(result.children)
        authority.adults.extend(result.adults)
        authority.allocations += result.allocations
    with transaction.atomic():
        authority.restricted = restrict_some(rng, organisation, open_built,
                                             share=profile.restricted_share)
    if casework:
        settings = CASEWORK.get(profile.name, CaseworkSettings())
        if casework_scale is not None:
            settings = dataclasses.replace(settings, scale=casework_scale)
        authority.casework = build_casework(authority, profile, random.Random(f"casework-{seed}"),
                                            progress=report, settings=settings)
        figures = build_figures(random.Random(f"performance-{seed}"),
                                population=profile.population_0_17, today=today,
                                system_job=SYSTEM_JOB)
        report("performance figures", figures, figures)
        with transaction.atomic():
            authority.complaints = build_complaints(authority,
                                                    random.Random(f"complaints-{seed}"))
        with transaction.atomic():
            authority.audits = build_audits(authority, random.Random(f"audits-{seed}"))
            authority.governance = build_governance(authority,
                                                    random.Random(f"governance-{seed}"))
            authority.lado = build_lado(authority, random.Random(f"lado-{seed}"))
            build_legal(authority, random.Random(f"legal-{seed}"))
            build_permanence(authority, random.Random(f"permanence-{seed}"))
    authority.seconds = time.perf_counter() - started
    return authority


def batches(specs: list[FamilySpec], size: int) -> Iterator[list[FamilySpec]]:
    batch: list[FamilySpec] = []
    children = 0
    for spec in specs:
        batch.append(spec)
        children += spec.size
        if children >= size:
            yield batch
            batch, children = [], 0
    if batch:
        yield batch


def build_families(builder: FamilyBuilder, specs: list[FamilySpec], label: str,
                   report: Progress) -> list[tuple[FamilySpec, FamilyResult]]:
    """Creates the families a batch at a time, one transaction a batch."""
    total = sum(s.size for s in specs)
    done = 0
    built: list[tuple[FamilySpec, FamilyResult]] = []
    for batch in batches(specs, BATCH_CHILDREN):
        with transaction.atomic():
            built.extend((spec, builder.build(spec)) for spec in batch)
        done += sum(s.size for s in batch)
        report(label, done, total)
    return built


class FamilyPlanner:
    """Decides, before any record exists, which families each team and worker holds."""

    def __init__(self, rng: random.Random, *, today: dt.date, profile: Profile,
                 organisation: Organisation):
        self.rng = rng
        self.today = today
        self.profile = profile
        self.org = organisation

    # ---- Children the service holds now --------------------------------------------------

    def open_families(self) -> list[FamilySpec]:
        families: list[FamilySpec] = []
        for team in self.org.case_teams():
            spec = self.org.specs[team.pk]
            held = 0
            for worker in self.org.workers[team.pk]:
                caseload = self.caseload(spec, worker)
                families += self.families_for(team, spec, worker, caseload)
                held += caseload
            families += self.families_for(team, spec, None, round(held * spec.unallocated_share))
        return families

    def caseload(self, spec: TeamSpec, worker: User) -> int:
        children = self.rng.randint(*spec.caseload)
        if worker.role == Role.SENIOR_PRACTITIONER:
            return max(1, round(children * 0.6))
        return children

    def families_for(self, team: Team, spec: TeamSpec, worker: User | None,
                     children: int) -> list[FamilySpec]:
        families: list[FamilySpec] = []
        while children > 0:
            family = self.open_family(team, spec, worker, at_most=children)
            families.append(family)
            children -= family.size
        return families

    def open_family(self, team: Team, spec: TeamSpec, worker: User | None, *,
                    at_most: int) -> FamilySpec:
        rng = self.rng
        in_care = team.service in IN_CARE_SERVICES
        uasc = in_care and rng.random() < self.profile.uasc_share_in_care
        size = 1 if uasc else demo.family_size(
            rng, at_most=at_most, mostly_single=team.service == S.CARE_LEAVERS)
        unborn = not uasc and not in_care and rng.random() < spec.unborn_share
        return FamilySpec(
            team=team, worker=worker, size=size,
            eldest_age=self.eldest_age(spec, size=size, uasc=uasc),
            start=self.today - dt.timedelta(days=rng.randint(*spec.held_since_days)),
            previous=self.previous(team, spec), unborn=unborn, uasc=uasc, in_care=in_care,
            disabled=team.service == S.DISABLED_CHILDREN,
        )

    def eldest_age(self, spec: TeamSpec, *, size: int, uasc: bool) -> int:
        low, high = spec.ages
        if uasc:
            low = max(low, 14)
        return demo.age_in(self.rng, max(low, min(high, size - 1)), high)

    def previous(self, team: Team, spec: TeamSpec) -> tuple[Team, User | None] | None:
        feeders = self.org.case_teams(FEEDER_SERVICE.get(team.service, ""))
        if not feeders or self.rng.random() >= spec.transferred_share:
            return None
        feeder = self.rng.choice(feeders)
        return feeder, self.rng.choice(self.org.workers[feeder.pk])

    # ---- Children known before, now closed -------------------------------------------------

    def closed_families(self) -> list[FamilySpec]:
        teams = self.org.case_teams()
        weights = [len(self.org.workers[t.pk]) for t in teams]
        families: list[FamilySpec] = []
        left = self.profile.closed_children
        while left > 0:
            team = self.rng.choices(teams, weights=weights)[0]
            families.append(self.closed_family(team, at_most=left))
            left -= families[-1].size
        return families

    def closed_family(self, team: Team, *, at_most: int) -> FamilySpec:
        rng = self.rng
        spec = self.org.specs[team.pk]
        start = self.today - dt.timedelta(days=rng.randint(120, 2500))
        end = min(start + dt.timedelta(days=rng.randint(14, 400)),
                  self.today - dt.timedelta(days=7))
        size = demo.family_size(rng, at_most=at_most,
                                mostly_single=team.service == S.CARE_LEAVERS)
        workers = self.org.workers[team.pk]
        return FamilySpec(
            team=team, worker=rng.choice(workers) if rng.random() < 0.95 else None, size=size,
            eldest_age=self.eldest_age(spec, size=size, uasc=False), start=start, end=end,
            in_care=team.service in IN_CARE_SERVICES,
            disabled=team.service == S.DISABLED_CHILDREN,
            allocated=rng.random() < CLOSED_SHARE_EVER_ALLOCATED,
        )


# ---- Restricted records ------------------------------------------------------------------


def restrict_some(rng: random.Random, org: Organisation,
                  built: list[tuple[FamilySpec, FamilyResult]], *, share: float) -> list[Person]:
    """Restricts a few open children's records, each with an access list."""
    candidates = [(child, spec) for spec, result in built for child in result.children]
    if not candidates or share <= 0:
        return []
    chosen = rng.sample(candidates, max(1, round(share * len(candidates))))
    for child, spec in chosen:
        people.record_restrict(person=child, actor=None, system_job=SYSTEM_JOB,
                               reason=rng.choice(demo.RESTRICTION_REASONS))
        for user, why in access_list(org, spec):
            people.record_access_grant(person=child, user=user, reason=why,
                                       system_job=SYSTEM_JOB)
        child.is_restricted = True
    return [child for child, _spec in chosen]


def access_list(org: Organisation, spec: FamilySpec) -> list[tuple[User, str]]:
    entries = [
        (spec.worker, "Allocated worker"),
        (org.managers.get(spec.team.pk), "Manager of the allocated team"),
        (org.service_managers.get(spec.team.pk), "Service manager for the allocated team"),
    ]
    return [(user, why) for user, why in entries if user is not None]
