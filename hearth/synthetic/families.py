"""A family of synthetic children and the adults around them, created through the services.

Every person, address, link, warning and allocation goes through hearth.people.services and
hearth.cases.services, so it passes the rules a user's entry would and is audited the same way.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from hearth.accounts.models import Team, User
from hearth.cases import services as cases
from hearth.people import services as people
from hearth.people.codes import RelationshipKind as K
from hearth.people.codes import Sex
from hearth.people.models import Person
from hearth.people.rules import age_on
from hearth.synthetic import demographics as demo
from hearth.synthetic import names

DAY = dt.timedelta(days=1)


# Synthetic UPNs carry the DfE's pseudo LA code 001 in characters 2 to 4, not the synthetic
# authority's own fictional LA number (900): the census validator refuses a UPN whose LA code
# it does not recognise (CIN rule 1530), and no real authority's code is borrowed.
UPN_LA_CODE = "001"


class IdentifierPool:
    """Hands out NHS numbers and UPNs that are valid, synthetic and never repeated."""

    def __init__(self, *, la_code: str, nhs_range: tuple[int, int] = (0, 899_999),
                 establishments: tuple[int, int] = (2000, 5999)):
        self.la_code = la_code
        self.nhs_range = nhs_range
        self.establishments = establishments
        self.used: set[str] = set()

    def nhs_number(self, rng: random.Random) -> str:
        return self._fresh(lambda: names.nhs_number(rng, low=self.nhs_range[0],
                                                    high=self.nhs_range[1]))

    def upn(self, rng: random.Random, *, year: int) -> str:
        low, high = self.establishments
        return self._fresh(lambda: names.upn(rng, la_code=UPN_LA_CODE, year=year,
                                             establishment_low=low, establishment_high=high))

    def _fresh(self, make) -> str:
        while (value := make()) in self.used or self.is_taken(value):
            pass
        self.used.add(value)
        return value

    def is_taken(self, value: str) -> bool:
        """Whether the database holds it already; the generator starts from an empty one."""
        return False


@dataclass(frozen=True)
class FamilySpec:
    """What the generator decided about a family before any record is made."""

    team: Team
    worker: User | None
    size: int
    eldest_age: int
    start: dt.date
    end: dt.date | None = None
    previous: tuple[Team, User | None] | None = None
    unborn: bool = False
    uasc: bool = False
    in_care: bool = False
    disabled: bool = False
    allocated: bool = True


@dataclass(frozen=True)
class Move:
    line_1: str
    line_2: str
    postcode: str
    start: dt.date


@dataclass
class Household:
    ethnicity: str
    pool: str
    surname: str
    religion: str
    language: str
    moves: list[Move] = field(default_factory=list)


@dataclass
class FamilyResult:
    children: list[Person]
    adults: list[Person]
    allocations: int = 0


class FamilyBuilder:
    def __init__(self, rng: random.Random, *, today: dt.date, ids: IdentifierPool,
                 system_job: str, warning_share: float):
        self.rng = rng
        self.today = today
        self.ids = ids
        self.job = system_job
        self.warning_share = warning_share

    # ---- The family -------------------------------------------------------------------------

    def build(self, spec: FamilySpec) -> FamilyResult:
        household = self.household(spec)
        children = self.children(spec, household)
        adults = [] if spec.uasc else self.parents(spec, household, children)
        result = FamilyResult(children=children, adults=adults)
        for child in children:
            self.child_addresses(spec, household, child)
            result.allocations += self.allocate(spec, child)
        self.warnings(spec, children, adults)
        return result

    def household(self, spec: FamilySpec) -> Household:
        if spec.uasc:
            ethnicity, language, religion = self.rng.choice(demo.UASC_ORIGINS)
            return Household(ethnicity, "asylum", names.surname(self.rng, "asylum"), religion,
                             language)
        ethnicity = demo.ethnicity(self.rng)
        pool = demo.name_pool(ethnicity)
        return Household(ethnicity, pool, names.surname(self.rng, pool),
                         demo.religion(self.rng, ethnicity), demo.first_language(self.rng,
                                                                                 ethnicity))

    def birth_dates(self, spec: FamilySpec) -> list[dt.date]:
        """Eldest first; brothers and sisters one to four years apart (twins now and then)."""
        anchor = spec.start if spec.end else self.today
        ages: list[int] = []
        for _ in range(spec.size - int(spec.unborn)):
            ages.append(max(0, ages[-1] - self.rng.randint(1, 4)) if ages else spec.eldest_age)
        dates: list[dt.date] = []
        for age in ages:
            twin = dates and age == 0 and ages[len(dates) - 1] == 0
            dates.append(dates[-1] if twin else demo.birth_date(self.rng, age=age, on=anchor))
        return dates

    # ---- Children ---------------------------------------------------------------------------

    def children(self, spec: FamilySpec, household: Household) -> list[Person]:
        born = [self.child(spec, household, date_of_birth=d) for d in self.birth_dates(spec)]
        if spec.unborn:
            due = self.today + dt.timedelta(days=self.rng.randint(10, 200))
            born.append(self.child(spec, household, expected_date_of_birth=due))
        return born

    def child(self, spec: FamilySpec, household: Household, *,
              date_of_birth: dt.date | None = None,
              expected_date_of_birth: dt.date | None = None) -> Person:
        rng = self.rng
        sex = self.child_sex(spec, unborn=date_of_birth is None)
        first = ("Baby" if date_of_birth is None
                 else names.given_name(rng, sex, household.pool))
        age = age_on(date_of_birth, self.today)
        upn, upn_unknown = demo.upn_fields(rng, age=age, new_upn=lambda: self.ids.upn(
            rng, year=min(date_of_birth.year + 5, self.today.year)))
        has_nhs = date_of_birth is not None and rng.random() < (0.6 if spec.uasc else 0.9)
        return people.person_create(
            system_job=self.job, is_child=True, first_name=first,
            middle_names="" if date_of_birth is None else demo.middle_name(rng, sex),
            last_name=household.surname, known_as=demo.known_as(rng, first), sex=sex,
            date_of_birth=date_of_birth, expected_date_of_birth=expected_date_of_birth,
            ethnicity=household.ethnicity if date_of_birth else demo.E.NOBT,
            disabilities=self.child_disabilities(spec, born=date_of_birth is not None),
            is_uasc=spec.uasc, first_language=household.language if date_of_birth else "",
            needs_interpreter=spec.uasc or (household.language != "English"
                                            and rng.random() < 0.05),
            religion=household.religion if date_of_birth else "",
            nhs_number=self.ids.nhs_number(rng) if has_nhs else "",
            upn=upn or "", upn_unknown=upn_unknown,
        )

    def child_sex(self, spec: FamilySpec, *, unborn: bool) -> str:
        if unborn and self.rng.random() < 0.7:
            return Sex.UNKNOWN
        if spec.uasc:
            return Sex.MALE if self.rng.random() < 0.9 else Sex.FEMALE
        return Sex.MALE if self.rng.random() < 0.51 else Sex.FEMALE

    def child_disabilities(self, spec: FamilySpec, *, born: bool) -> list[str]:
        if not born:
            return []
        disabled = spec.disabled or self.rng.random() < 0.05
        return demo.disabilities(self.rng, disabled=disabled)

    # ---- Adults -----------------------------------------------------------------------------

    def adult(self, household: Household, *, sex: str, ethnicity: str, date_of_birth: dt.date,
              surname: str | None = None) -> Person:
        rng = self.rng
        pool = demo.name_pool(ethnicity) if ethnicity != household.ethnicity else household.pool
        language = household.language if pool == household.pool else "English"
        return people.person_create(
            system_job=self.job, is_child=False, first_name=names.given_name(rng, sex, pool),
            middle_names=demo.middle_name(rng, sex),
            last_name=surname or household.surname, sex=sex, date_of_birth=date_of_birth,
            ethnicity=ethnicity, disabilities=[], is_uasc=False, first_language=language,
            needs_interpreter=language != "English" and rng.random() < 0.4,
            religion=household.religion,
            nhs_number=self.ids.nhs_number(rng) if rng.random() < 0.55 else "",
        )

    def parent_birth_date(self, eldest: dt.date, *, older_by: int = 0) -> dt.date:
        age_at_birth = int(self.rng.triangular(16, 40, 25)) + older_by
        return demo.birth_date(self.rng, age=max(16, age_at_birth), on=eldest)

    def parents(self, spec: FamilySpec, household: Household,
                children: list[Person]) -> list[Person]:
        rng = self.rng
        eldest = children[0].date_of_birth or self.today
        mother_ethnicity, father_ethnicity = demo.parent_ethnicities(rng, household.ethnicity)
        mother_dob = self.parent_birth_date(eldest)
        mother = self.adult(household, sex=Sex.FEMALE, ethnicity=mother_ethnicity,
                            date_of_birth=mother_dob)
        at_home = not spec.in_care and rng.random() < 0.92
        self.link_parent(mother, children, responsibility=True, lives_with=at_home)
        self.adult_addresses(mother, household, lives_with=at_home)
        adults = [mother]
        half = len(children) >= 2 and rng.random() < 0.2
        if rng.random() < 0.78:
            adults += self.father(spec, household, children[int(half):], mother,
                                  ethnicity=father_ethnicity, mother_at_home=at_home)
        if half and rng.random() < 0.5:
            adults += self.father(spec, household, children[:1], None,
                                  ethnicity=father_ethnicity, mother_at_home=False)
        self.link_siblings(children, half_first=half, at_home=not spec.in_care)
        if rng.random() < 0.1:
            adults.append(self.grandparent(household, children, mother_dob, mother_ethnicity))
        return adults

    def father(self, spec: FamilySpec, household: Household, children: list[Person],
               mother: Person | None, *, ethnicity: str, mother_at_home: bool) -> list[Person]:
        rng = self.rng
        eldest = children[0].date_of_birth or self.today
        father = self.adult(household, sex=Sex.MALE, ethnicity=ethnicity,
                            date_of_birth=self.parent_birth_date(eldest, older_by=2),
                            surname=None if mother else names.surname(rng, household.pool))
        with_them = mother is not None and mother_at_home and rng.random() < 0.45
        self.link_parent(father, children, responsibility=rng.random() < 0.8,
                         lives_with=with_them)
        self.adult_addresses(father, household, lives_with=with_them)
        if with_them:
            people.relationship_add(person=mother, other=father, kind=K.PARTNER_OF,
                                    lives_with=True, system_job=self.job)
            return [father]
        if mother is not None and mother_at_home and not spec.in_care and rng.random() < 0.15:
            return [father, self.step_parent(household, children, mother)]
        return [father]

    def step_parent(self, household: Household, children: list[Person],
                    mother: Person) -> Person:
        age = age_on(mother.date_of_birth, self.today) + self.rng.randint(-3, 6)
        step = self.adult(household, sex=Sex.MALE, ethnicity=household.ethnicity,
                          date_of_birth=demo.birth_date(self.rng, age=max(18, age),
                                                        on=self.today),
                          surname=names.surname(self.rng, household.pool))
        people.relationship_add(person=mother, other=step, kind=K.PARTNER_OF, lives_with=True,
                                system_job=self.job)
        for child in children:
            people.relationship_add(person=step, other=child, kind=K.STEP_PARENT_OF,
                                    lives_with=True, system_job=self.job)
        self.adult_addresses(step, household, lives_with=True, latest_only=True)
        return step

    def grandparent(self, household: Household, children: list[Person], mother_dob: dt.date,
                    ethnicity: str) -> Person:
        grandmother = self.adult(household, sex=Sex.FEMALE, ethnicity=ethnicity,
                                 date_of_birth=self.parent_birth_date(mother_dob),
                                 surname=names.surname(self.rng, household.pool))
        for child in children:
            people.relationship_add(person=grandmother, other=child, kind=K.GRANDPARENT_OF,
                                    system_job=self.job)
        self.adult_addresses(grandmother, household, lives_with=False)
        return grandmother

    def link_parent(self, parent: Person, children: list[Person], *, responsibility: bool,
                    lives_with: bool) -> None:
        for child in children:
            people.relationship_add(
                person=parent, other=child, kind=K.PARENT_OF,
                has_parental_responsibility=responsibility, lives_with=lives_with,
                start_date=child.date_of_birth, system_job=self.job)

    def link_siblings(self, children: list[Person], *, half_first: bool, at_home: bool) -> None:
        for i, elder in enumerate(children):
            for younger in children[i + 1:]:
                kind = K.HALF_SIBLING_OF if half_first and i == 0 else K.SIBLING_OF
                people.relationship_add(person=elder, other=younger, kind=kind,
                                        lives_with=at_home, system_job=self.job)

    # ---- Addresses --------------------------------------------------------------------------

    def moves(self, *, earliest: dt.date, latest: dt.date, count: int) -> list[Move]:
        first = min(earliest, latest)
        span = (latest - first).days
        starts = sorted({first, *(first + dt.timedelta(days=self.rng.randint(1, span))
                                  for _ in range(count - 1) if span > 1)})
        return [Move(*names.street_address(self.rng), names.postcode(self.rng), start)
                for start in starts]

    def household_moves(self, spec: FamilySpec, household: Household,
                        eldest: dt.date | None) -> list[Move]:
        if not household.moves:
            latest = (spec.start - DAY) if spec.in_care else self.today - dt.timedelta(days=30)
            earliest = (eldest or self.today) - dt.timedelta(days=self.rng.randint(0, 1000))
            count = self.rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
            household.moves = self.moves(earliest=earliest, latest=latest, count=count)
        return household.moves

    def child_addresses(self, spec: FamilySpec, household: Household, child: Person) -> None:
        moves = self.household_moves(spec, household, child.date_of_birth)
        born = child.date_of_birth
        if born is None:
            self.add_address(child, moves[-1], moves[-1].start)
            return
        for move, following in zip(moves, [*moves[1:], None], strict=True):
            if following is None or following.start > born:
                self.add_address(child, move, max(move.start, born))
        placed = max(spec.start, moves[-1].start + DAY, born + DAY)
        if spec.in_care and placed <= self.today:
            placement = Move(*names.street_address(self.rng), names.postcode(self.rng), placed)
            self.add_address(child, placement, placed)

    def adult_addresses(self, adult: Person, household: Household, *, lives_with: bool,
                        latest_only: bool = False) -> None:
        if lives_with and household.moves:
            moves = household.moves[-1:] if latest_only else household.moves
        else:
            earliest = self.today - dt.timedelta(days=self.rng.randint(60, 3000))
            moves = self.moves(earliest=earliest, latest=self.today - DAY,
                               count=self.rng.choice((1, 2)))
        for move in moves:
            self.add_address(adult, move, move.start)

    def add_address(self, person: Person, move: Move, start: dt.date) -> None:
        people.address_add(person=person, line_1=move.line_1, line_2=move.line_2,
                           town=names.TOWN, postcode=move.postcode, start_date=start,
                           is_verified=self.rng.random() < 0.7, system_job=self.job)

    # ---- Allocation and warnings -----------------------------------------------------------

    def allocate(self, spec: FamilySpec, child: Person) -> int:
        if not spec.allocated:
            return 0
        start = max(spec.start, child.date_of_birth or spec.start)
        count = 0
        if spec.previous:
            earlier = start - dt.timedelta(days=self.rng.randint(20, 90))
            if child.date_of_birth is None or earlier > child.date_of_birth:
                team, worker = spec.previous
                cases.child_allocate(child=child, team=team, worker=worker, start_date=earlier,
                                     system_job=self.job)
                count += 1
        cases.child_allocate(child=child, team=spec.team, worker=spec.worker, start_date=start,
                             system_job=self.job,
                             reason="Transferred from another team" if count else "")
        if spec.end:
            cases.child_deallocate(child=child, end_date=max(spec.end, start),
                                   system_job=self.job)
        return count + 1

    def warnings(self, spec: FamilySpec, children: list[Person], adults: list[Person]) -> None:
        for child in children:
            if child.date_of_birth and self.rng.random() < self.warning_share * 0.5:
                options = demo.CHILD_WARNINGS if spec.in_care else demo.CHILD_WARNINGS[:2]
                self.warn(child, self.rng.choice(options), since=child.date_of_birth)
        for adult in adults:
            if self.rng.random() < self.warning_share * 1.5:
                self.warn(adult, self.rng.choice(demo.ADULT_WARNINGS), since=adult.date_of_birth)

    def warn(self, person: Person, warning: tuple[str, str], *, since: dt.date) -> None:
        start = max(since, self.today - dt.timedelta(days=self.rng.randint(0, 700)))
        people.warning_add(person=person, kind=warning[0], detail=warning[1], start_date=start,
                           system_job=self.job)
