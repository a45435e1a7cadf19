"""Teams and staff of a synthetic authority, created through the accounts services."""

import random
from dataclasses import dataclass, field

from hearth.accounts import services as accounts
from hearth.accounts.models import Team, User
from hearth.accounts.roles import Role
from hearth.synthetic import names
from hearth.synthetic.profiles import Profile, TeamSpec

S = Team.Service
STAFF_POOLS = {"british": 75, "south_asian": 15, "african_caribbean": 7, "european": 3}
TEAMS_PER_SERVICE_MANAGER = 4
DEMO_ROLES = (
    Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER,
    Role.IRO, Role.BUSINESS_SUPPORT, Role.PERFORMANCE_ANALYST, Role.SYSTEM_ADMINISTRATOR,
)
# The teams that hold nobody's cases: (service, name).
SUPPORT_TEAMS = (
    (S.REVIEW, "Safeguarding and Review Service"),
    (S.BUSINESS_SUPPORT, "Business Support"),
    (S.PERFORMANCE, "Performance and Intelligence"),
    (S.SYSTEMS, "Systems Team"),
)
JOB_TITLES = {
    Role.SOCIAL_WORKER: "Social Worker",
    Role.SENIOR_PRACTITIONER: "Senior Practitioner",
    Role.TEAM_MANAGER: "Team Manager",
    Role.SERVICE_MANAGER: "Service Manager",
    Role.IRO: "Independent Reviewing Officer",
    Role.BUSINESS_SUPPORT: "Business Support Officer",
    Role.PERFORMANCE_ANALYST: "Performance Analyst",
    Role.SYSTEM_ADMINISTRATOR: "Systems Administrator",
}


@dataclass
class Organisation:
    """Who works where, for the generator to allocate children and grant access."""

    teams: list[Team] = field(default_factory=list)
    specs: dict[int, TeamSpec] = field(default_factory=dict)
    workers: dict[int, list[User]] = field(default_factory=dict)
    managers: dict[int, User] = field(default_factory=dict)
    service_managers: dict[int, User] = field(default_factory=dict)
    staff: list[User] = field(default_factory=list)

    def case_teams(self, service: str | None = None) -> list[Team]:
        return [t for t in self.teams if t.pk in self.specs
                and (service is None or t.service == service)]

    def demo_logins(self) -> list[User]:
        """One member of staff per role, from the first family safeguarding team if any."""
        busy = (self.case_teams(S.SAFEGUARDING) or self.case_teams())[0]
        preferred = [*self.workers[busy.pk], self.managers[busy.pk],
                     self.service_managers[busy.pk]]
        chosen: dict[str, User] = {}
        for user in [*preferred, *self.staff]:
            chosen.setdefault(user.role, user)
        return [chosen[role] for role in DEMO_ROLES if role in chosen]


class StaffBuilder:
    def __init__(self, rng: random.Random, *, password_hash: str, system_job: str):
        self.rng = rng
        self.password_hash = password_hash
        self.system_job = system_job
        self.usernames: set[str] = set()

    def build(self, profile: Profile) -> Organisation:
        org = Organisation()
        for spec in profile.case_teams:
            self._case_teams(org, spec, agency_share=profile.agency_share)
        self._support_teams(org, profile)
        return org

    def _case_teams(self, org: Organisation, spec: TeamSpec, *, agency_share: float) -> None:
        manager_of_service: User | None = None
        for number in range(1, spec.count + 1):
            name = spec.name if spec.count == 1 else f"{spec.name} {number}"
            team = accounts.team_create(name=name, service=spec.service,
                                        system_job=self.system_job)
            org.teams.append(team)
            org.specs[team.pk] = spec
            org.managers[team.pk] = self.person(org, Role.TEAM_MANAGER, team)
            if (number - 1) % TEAMS_PER_SERVICE_MANAGER == 0:
                manager_of_service = self.person(org, Role.SERVICE_MANAGER, team)
            org.service_managers[team.pk] = manager_of_service
            org.workers[team.pk] = [
                *(self.person(org, Role.SENIOR_PRACTITIONER, team)
                  for _ in range(spec.senior_practitioners)),
                *(self.person(org, Role.SOCIAL_WORKER, team,
                              is_agency=self.rng.random() < agency_share)
                  for _ in range(spec.social_workers)),
            ]

    def _support_teams(self, org: Organisation, profile: Profile) -> None:
        members = {
            S.REVIEW: [(Role.IRO, "Independent Reviewing Officer")] * profile.iros
            + [(Role.IRO, "Child Protection Chair")] * profile.cp_chairs,
            S.BUSINESS_SUPPORT: [(Role.BUSINESS_SUPPORT, "")] * profile.business_support,
            S.PERFORMANCE: [(Role.PERFORMANCE_ANALYST, "")] * profile.analysts,
            S.SYSTEMS: [(Role.SYSTEM_ADMINISTRATOR, "")] * profile.administrators,
        }
        for service, name in SUPPORT_TEAMS:
            team = accounts.team_create(name=name, service=service, holds_cases=False,
                                        system_job=self.system_job)
            org.teams.append(team)
            for role, title in members[service]:
                self.person(org, role, team, job_title=title)

    def person(self, org: Organisation, role: str, team: Team, *, is_agency: bool = False,
               job_title: str = "") -> User:
        pool = self.rng.choices(list(STAFF_POOLS), weights=list(STAFF_POOLS.values()))[0]
        first = names.given_name(self.rng, self.rng.choice("FM"), pool)
        last = names.surname(self.rng, pool)
        user = accounts.user_create(
            username=self.username(first, last), password=None, password_hash=self.password_hash,
            first_name=first, last_name=last, role=role, team=team,
            job_title=job_title or JOB_TITLES[Role(role)], is_agency=is_agency,
            system_job=self.system_job)
        org.staff.append(user)
        return user

    def username(self, first: str, last: str) -> str:
        base = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        name, number = base, 1
        while name in self.usernames:
            number += 1
            name = f"{base}{number}"
        self.usernames.add(name)
        return name
