"""The standard test personas, created through the services, the same every time.

| Persona        | Role                   | Team                     |
|----------------|------------------------|--------------------------|
| `sw_alice`     | social worker          | team A                   |
| `tm_bob`       | team manager           | team A                   |
| `sw_charlie`   | social worker          | team B (must get a 404)  |
| `analyst_dana` | performance analyst    | performance team         |
| `iro_erin`     | IRO / CP chair         | review team              |
| `admin_sam`    | system administrator   | systems team             |
| `bs_ben`       | business support       | business support team    |
| `sm_sara`      | service manager        | team A                   |

`personas.child_for(worker, team, **overrides)` creates a synthetic child allocated to them.
Their NHS numbers and UPNs come from ranges the synthetic authority never uses, so personas and
`tiny_authority` can share a test.
"""

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field

from django.db.models import Q

from hearth.accounts import services as accounts
from hearth.accounts.models import Team, User
from hearth.accounts.roles import Role
from hearth.cases import services as cases
from hearth.core import clock
from hearth.people import services as people
from hearth.people.codes import Disability, Ethnicity, Sex
from hearth.people.models import Person
from hearth.synthetic.families import IdentifierPool
from hearth.synthetic.generator import password_hash

SYSTEM_JOB = "personas"
PERSONA_PASSWORD = "persona-password-2026"
PERSONA_LA_CODE = "900"
S = Team.Service

# username: (first name, last name, role, which team)
PERSONAS: dict[str, tuple[str, str, str, str]] = {
    "sw_alice": ("Alice", "Adams", Role.SOCIAL_WORKER, "team_a"),
    "tm_bob": ("Bob", "Baker", Role.TEAM_MANAGER, "team_a"),
    "sw_charlie": ("Charlie", "Carter", Role.SOCIAL_WORKER, "team_b"),
    "analyst_dana": ("Dana", "Dawson", Role.PERFORMANCE_ANALYST, "performance"),
    "iro_erin": ("Erin", "Ellis", Role.IRO, "review"),
    "admin_sam": ("Sam", "Stone", Role.SYSTEM_ADMINISTRATOR, "systems"),
    "bs_ben": ("Ben", "Bishop", Role.BUSINESS_SUPPORT, "business_support"),
    "sm_sara": ("Sara", "Shaw", Role.SERVICE_MANAGER, "team_a"),
}
SUPPORT_TEAMS = {
    "performance": ("Persona Performance Team", S.PERFORMANCE),
    "review": ("Persona Review Team", S.REVIEW),
    "systems": ("Persona Systems Team", S.SYSTEMS),
    "business_support": ("Persona Business Support", S.BUSINESS_SUPPORT),
}
CHILD_FIRST_NAMES = {
    Sex.FEMALE: ("Poppy", "Ivy", "Maisie", "Freya", "Nia", "Zara", "Evie", "Lily"),
    Sex.MALE: ("Finley", "Reggie", "Arlo", "Zayn", "Kofi", "Jakub", "Teddy", "Alfie"),
}
CHILD_SURNAMES = ("Pennington", "Ashworth", "Hollis", "Marlow", "Quigley", "Thorne",
                  "Fairweather", "Lockett")


class PersonaIdentifiers(IdentifierPool):
    """NHS numbers 999 9xx xxxx and schools 7000-7999: never used by the generator."""

    def __init__(self) -> None:
        super().__init__(la_code=PERSONA_LA_CODE, nhs_range=(900_000, 999_999),
                         establishments=(7000, 7999))

    def is_taken(self, value: str) -> bool:
        return Person.objects.filter(Q(nhs_number=value) | Q(upn=value)).exists()


@dataclass
class Personas:
    team_a: Team
    team_b: Team
    sw_alice: User
    tm_bob: User
    sw_charlie: User
    analyst_dana: User
    iro_erin: User
    admin_sam: User
    bs_ben: User
    sm_sara: User
    support_teams: dict[str, Team]
    seed: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)
    _counter: itertools.count = field(default_factory=itertools.count, repr=False)
    _ids: PersonaIdentifiers = field(default_factory=PersonaIdentifiers, repr=False)

    def __post_init__(self) -> None:
        self._rng.seed(self.seed)

    @property
    def users(self) -> dict[str, User]:
        return {username: getattr(self, username) for username in PERSONAS}

    def child_for(self, worker: User | None = None, team: Team | None = None, *,
                  allocated_on: dt.date | None = None, allocate: bool = True,
                  **overrides) -> Person:
        """A synthetic child allocated to `worker` in `team` (default: sw_alice in team A).

        `overrides` are any of person_create's fields (first_name, date_of_birth, nhs_number...).
        With a team and no worker the child is held by the team, unallocated to a worker.
        """
        if worker is None and team is None:
            worker = self.sw_alice
        child = people.person_create(system_job=SYSTEM_JOB, **self._child_values(overrides))
        if allocate:
            cases.child_allocate(child=child, team=team or worker.team, worker=worker,
                                 start_date=allocated_on or clock.today(),
                                 system_job=SYSTEM_JOB)
        return child

    def _child_values(self, overrides: dict) -> dict:
        n = next(self._counter)
        rng = self._rng
        sex = Sex.FEMALE if n % 2 == 0 else Sex.MALE
        born = overrides.get("date_of_birth") or (
            clock.today() - dt.timedelta(days=365 * (3 + n % 13) + rng.randint(0, 300)))
        values = {
            "is_child": True,
            "first_name": rng.choice(CHILD_FIRST_NAMES[sex]),
            "last_name": rng.choice(CHILD_SURNAMES),
            "sex": sex,
            "date_of_birth": born,
            "ethnicity": Ethnicity.WBRI,
            "disabilities": [Disability.NONE],
            "first_language": "English",
            "religion": "none",
            "nhs_number": self._ids.nhs_number(rng),
        }
        if "upn" not in overrides and "upn_unknown" not in overrides:
            school_age = born.year <= clock.today().year - 5
            values.update(upn=self._ids.upn(rng, year=born.year + 5) if school_age else "",
                          upn_unknown="" if school_age else "UN1")
        if overrides.get("expected_date_of_birth"):
            values.update(date_of_birth=None, sex=Sex.UNKNOWN, nhs_number="", upn="",
                          upn_unknown="UN1")
        values.update(overrides)
        return values


def create_personas(*, team_a: Team | None = None, team_b: Team | None = None,
                    password: str = PERSONA_PASSWORD, seed: int = 0) -> Personas:
    """The eight personas in two case-holding teams (made here unless given) and four others."""
    team_a = team_a or accounts.team_create(name="Persona Team A", service=S.ASSESSMENT,
                                            system_job=SYSTEM_JOB)
    team_b = team_b or accounts.team_create(name="Persona Team B", service=S.SAFEGUARDING,
                                            system_job=SYSTEM_JOB)
    teams = {"team_a": team_a, "team_b": team_b}
    for key, (name, service) in SUPPORT_TEAMS.items():
        teams[key] = accounts.team_create(name=name, service=service, holds_cases=False,
                                          system_job=SYSTEM_JOB)
    hashed = password_hash(password)
    users = {
        username: accounts.user_create(
            username=username, password=None, password_hash=hashed, first_name=first,
            last_name=last, role=role, team=teams[team_key], system_job=SYSTEM_JOB,
            email=f"{username}@example.invalid")
        for username, (first, last, role, team_key) in PERSONAS.items()
    }
    return Personas(team_a=team_a, team_b=team_b, **users,
                    support_teams={k: teams[k] for k in SUPPORT_TEAMS}, seed=seed)
