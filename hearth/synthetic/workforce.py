"""The synthetic authority's establishment: a post for each member of staff in the case-holding
teams (their role's grade; agency staff on agency contracts), a few vacancies, previous holders
who left in the last few years (turnover), agency workers without accounts covering some posts
so the agency share is near the seed's 17.7%, newly qualified social workers in their ASYE, and
each worker's last staff supervision. Recorded through the workforce services."""

import datetime as dt
import random
from decimal import Decimal

from hearth.accounts.roles import Role
from hearth.synthetic import names
from hearth.synthetic.staff import STAFF_POOLS, Organisation
from hearth.workforce import services
from hearth.workforce.codes import Grade

GRADES = {Role.SOCIAL_WORKER: (Grade.SOCIAL_WORKER, "Social Worker"),
          Role.SENIOR_PRACTITIONER: (Grade.SENIOR_PRACTITIONER, "Senior Practitioner"),
          Role.TEAM_MANAGER: (Grade.TEAM_MANAGER, "Team Manager")}
PART_TIME = (Decimal("0.8"), Decimal("0.6"), Decimal("0.5"))
AGENCY_TARGET = Decimal("0.177")  # seeds/001 line 438: 17.73% at Q3 2023/24
VACANCY_SHARE = 0.07  # "under 10%" (seeds/001 lines 322, 458)
LEFT_BEFORE_SHARE = 0.25  # a previous holder who left: about 18% a year (seeds/001 line 326)
REASONS = ("resigned", "resigned", "resigned", "retired", "internal_move", "end_of_contract")


def build_workforce(org: Organisation, rng: random.Random, *, today: dt.date,
                    system_job: str) -> dict[str, int]:
    builder = _Builder(rng, today=today, system_job=system_job)
    for team in org.case_teams():
        staff = [org.managers[team.pk], *org.workers[team.pk]]
        for user in staff:
            builder.staff_post(team, user, manager=org.managers[team.pk])
        for _ in range(max(1, round(len(staff) * VACANCY_SHARE))):
            builder.vacancy(team)
    builder.agency_cover(org.case_teams())
    return builder.counts


class _Builder:
    def __init__(self, rng: random.Random, *, today: dt.date, system_job: str):
        self.rng, self.today, self.system_job = rng, today, system_job
        self.counter = iter(range(1, 100_000))
        self.counts = {"posts": 0, "vacant": 0, "asye": 0}
        self.in_post = self.agency = Decimal("0")

    def days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def new_post(self, team, grade, title, fte, established_on):
        self.counts["posts"] += 1
        return services.post_add(team=team, reference=f"CSC{next(self.counter):05d}",
                                 title=title, grade=grade, fte=fte,
                                 established_on=established_on, system_job=self.system_job)

    def named(self) -> str:
        rng = self.rng
        pool = rng.choices(list(STAFF_POOLS), weights=list(STAFF_POOLS.values()))[0]
        return f"{names.given_name(rng, rng.choice('FM'), pool)} {names.surname(rng, pool)}"

    def previous_holder(self, post, before: dt.date) -> None:
        """Someone who held the post and left before `before` (sometimes in the last year)."""
        left = before - dt.timedelta(days=self.rng.randint(1, 30))
        started = max(post.established_on, left - dt.timedelta(days=self.rng.randint(200, 1500)))
        if started > left:
            return
        services.post_holder_start(post=post, start_date=started, contract="permanent",
                                   worker_name=self.named(), system_job=self.system_job)
        services.post_holder_leave(post=post, end_date=left,
                                   leaving_reason=self.rng.choice(REASONS),
                                   system_job=self.system_job)

    def _started(self, user, established: dt.date) -> dt.date:
        if user.is_agency:
            started = self.days_ago(30, 540)
        elif user.role == Role.SOCIAL_WORKER and self.rng.random() < 0.15:
            started = self.days_ago(20, 330)  # newly qualified
        else:
            started = self.days_ago(60, 3000)
        return max(started, established)

    def staff_post(self, team, user, *, manager) -> None:
        grade, title = GRADES[user.role]
        fte = self.rng.choice(PART_TIME) if self.rng.random() < 0.15 else Decimal("1")
        established = self.days_ago(1500, 4000)
        started = self._started(user, established)
        post = self.new_post(team, grade, title, fte, established)
        if self.rng.random() < LEFT_BEFORE_SHARE:
            self.previous_holder(post, started)
        holding = services.post_holder_start(
            post=post, start_date=started, user=user,
            contract="agency" if user.is_agency else "permanent", system_job=self.system_job)
        self.in_post += fte
        self.agency += fte if user.is_agency else 0
        days_in_post = (self.today - started).days
        newly_qualified = days_in_post < 335
        if not user.is_agency and user.role == Role.SOCIAL_WORKER and newly_qualified:
            services.asye_start(holding=holding, started_on=started, assessor=manager,
                                system_job=self.system_job)
            self.counts["asye"] += 1
        if user.role != Role.TEAM_MANAGER and days_in_post > 3:
            services.staff_supervision_record(
                worker=user, supervised_on=self.days_ago(3, min(45, days_in_post)),
                supervisor=manager, system_job=self.system_job)

    def vacancy(self, team) -> None:
        post = self.new_post(team, Grade.SOCIAL_WORKER, "Social Worker", Decimal("1"),
                             self.days_ago(1500, 4000))
        self.previous_holder(post, self.days_ago(10, 200))
        self.counts["vacant"] += 1

    def agency_cover(self, teams) -> None:
        """Agency workers without Hearth accounts cover posts until the share is the seed's;
        the last one part time, to land near it."""
        while teams and self.agency / (self.in_post or 1) < AGENCY_TARGET:
            needed = (AGENCY_TARGET * self.in_post - self.agency) / (1 - AGENCY_TARGET)
            fte = min(Decimal("1"), max(Decimal("0.5"), needed.quantize(Decimal("0.1"))))
            post = self.new_post(self.rng.choice(teams), Grade.SOCIAL_WORKER,
                                 "Social Worker (agency cover)", fte, self.days_ago(400, 2000))
            services.post_holder_start(post=post, start_date=self.days_ago(14, 300),
                                       contract="agency", worker_name=self.named(),
                                       system_job=self.system_job)
            self.in_post += fte
            self.agency += fte
