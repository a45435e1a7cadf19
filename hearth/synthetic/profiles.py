"""The size and shape of a synthetic authority.

`dudley` is the scale of the council in the seeds, with figures from shared/domain/KPIS.md:

- 0-17 population 68,446 (PI.432 and PI.433 denominators, seeds/001_e8ea781e93d1811d.txt
  lines 439-440);
- a social work establishment of 142.5 FTE, 17.7% of it agency (PI.1447, seeds/001 line 438);
- an average caseload of 24.1 against a target of 18 (WF02, seeds/000_4c00c84da207e536.txt
  lines 3507-3512, 5048): the profile draws 17 to 27 a social worker (fewer for senior
  practitioners and some teams), about 20 on average;
- about 560-600 children looked after (PI.432) and IROs with about 70 children each
  (seeds/003_e1469a924c65b786.txt line 519).

The authority itself is fictional (name, town, LA number 900: DfE LA numbers in the 900s run
from 908 to 943, so 900 is not any council's number).
"""

import dataclasses
from dataclasses import dataclass

from hearth.accounts.models import Team

S = Team.Service


@dataclass(frozen=True)
class TeamSpec:
    """`count` teams of one service, each with a manager and its case-holding workers."""

    service: str
    name: str
    count: int
    social_workers: int
    senior_practitioners: int = 1
    caseload: tuple[int, int] = (17, 27)
    ages: tuple[int, int] = (0, 17)
    unborn_share: float = 0.0
    unallocated_share: float = 0.03
    held_since_days: tuple[int, int] = (14, 540)
    transferred_share: float = 0.0


@dataclass(frozen=True)
class Profile:
    name: str
    authority_name: str
    la_code: str
    population_0_17: int
    population_year: int
    case_teams: tuple[TeamSpec, ...]
    iros: int
    cp_chairs: int
    business_support: int
    analysts: int
    administrators: int
    closed_children: int
    agency_share: float = 0.177
    restricted_share: float = 0.002
    warning_share: float = 0.03
    uasc_share_in_care: float = 0.05

    @property
    def case_holding_workers(self) -> int:
        return sum(t.count * (t.social_workers + t.senior_practitioners)
                   for t in self.case_teams)


def _dudley_teams(times: int = 1) -> tuple[TeamSpec, ...]:
    return (
        TeamSpec(S.FRONT_DOOR, "Front Door (MASH)", 1 * times, social_workers=9,
                 caseload=(6, 12), unborn_share=0.03, held_since_days=(0, 10)),
        TeamSpec(S.ASSESSMENT, "Assessment Team", 4 * times, social_workers=8,
                 unborn_share=0.04, held_since_days=(1, 45)),
        TeamSpec(S.SAFEGUARDING, "Family Safeguarding Team", 5 * times, social_workers=8,
                 unborn_share=0.03, held_since_days=(30, 720), transferred_share=0.6),
        TeamSpec(S.CHILDREN_IN_CARE, "Children in Care Team", 3 * times, social_workers=8,
                 caseload=(17, 25), held_since_days=(90, 2200), transferred_share=0.5),
        TeamSpec(S.CARE_LEAVERS, "Care Leavers Team", 1 * times, social_workers=10,
                 caseload=(18, 26), ages=(16, 20), held_since_days=(60, 1500)),
        TeamSpec(S.DISABLED_CHILDREN, "Disabled Children's Team", 1 * times, social_workers=12,
                 caseload=(15, 23), held_since_days=(60, 2000)),
    )


TINY = Profile(
    name="tiny",
    authority_name="Synthetic Borough Council",
    la_code="900",
    population_0_17=6_000,
    population_year=2024,
    case_teams=(
        TeamSpec(S.ASSESSMENT, "Assessment Team", 1, social_workers=2, caseload=(5, 7),
                 unborn_share=0.3, held_since_days=(1, 45)),
        TeamSpec(S.SAFEGUARDING, "Family Safeguarding Team", 1, social_workers=2,
                 caseload=(5, 7), transferred_share=0.5,
                 held_since_days=(30, 400)),
        TeamSpec(S.CHILDREN_IN_CARE, "Children in Care Team", 1, social_workers=2,
                 senior_practitioners=0, caseload=(5, 7), transferred_share=0.5,
                 held_since_days=(90, 1200)),
    ),
    iros=1,
    cp_chairs=0,
    business_support=1,
    analysts=1,
    administrators=1,
    closed_children=12,
    restricted_share=0.03,
    warning_share=0.05,
    uasc_share_in_care=0.1,
)

DUDLEY = Profile(
    name="dudley",
    authority_name="Synthetic Borough Council",
    la_code="900",
    population_0_17=68_446,
    population_year=2023,
    case_teams=_dudley_teams(),
    iros=9,
    cp_chairs=3,
    business_support=14,
    analysts=5,
    administrators=3,
    closed_children=4_500,
)

LARGE = dataclasses.replace(
    DUDLEY,
    name="large",
    authority_name="Synthetic Metropolitan Council",
    population_0_17=3 * DUDLEY.population_0_17,
    case_teams=_dudley_teams(times=3),
    iros=3 * DUDLEY.iros,
    cp_chairs=3 * DUDLEY.cp_chairs,
    business_support=3 * DUDLEY.business_support,
    analysts=3 * DUDLEY.analysts,
    administrators=3 * DUDLEY.administrators,
    closed_children=3 * DUDLEY.closed_children,
)

PROFILES: dict[str, Profile] = {p.name: p for p in (TINY, DUDLEY, LARGE)}
