"""Synthetic permanence for the synthetic authority's children in care, recorded through the
permanence services after the casework (so every period of care, episode and review exists).

- Children who left care adopted (E11/E12) get the whole adoption: the agency decision maker's
  decision, the placement order (the E1 episode's start when there is one), fostering for
  adoption (a U5 placement), the match with approved adopters, the placement (the A5/A6
  episode's start) and the adoption order on the day care ended. Each has its own household of
  prospective adopters, approved before the match.
- Children who left on a special guardianship order (E45–E48) get the assessment and the order
  on the day care ended, the guardians as the end reason says; some who returned home (E4A)
  get the return home and the discharge of the care order.
- Children in care now: about `PLAN_BY_SECOND_REVIEW` of those who have had their second
  review had a permanence plan agreed by it (the seeds' 90% target); half of the others have
  one since; a child placed for adoption now has the adoption steps to date; some plans moved
  on a stage; long-term fostering plans in a placement meant to last until 18 are matched.
- A few more prospective adopters at each stage of their assessment, and some who left.
- Each period that began in the last year records the previous permanence order (mostly none).
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction

from hearth.accounts.models import User
from hearth.accounts.roles import Role
from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.permanence import services
from hearth.permanence.codes import SGO_END_REASON, Stage
from hearth.synthetic import names

SYSTEM_JOB = "synthesise"
PLAN_BY_SECOND_REVIEW = 0.9
DAY = dt.timedelta(days=1)
PLANS = {"long_term_fostering": 40, "reunification": 20, "special_guardianship": 15,
         "adoption": 12, "child_arrangements": 6, "other": 7}
RELATIONSHIP_FOR_END = {code: rel for rel, code in SGO_END_REASON.items()}
ETHNICITIES = {"WBRI": 70, "MWBC": 6, "AIND": 5, "APKN": 5, "BCRB": 4, "WOTH": 5, "NOBT": 5}


@dataclass
class PermanenceResult:
    plans: int = 0
    adoptions: int = 0
    sgos: int = 0
    households: int = 0


def _placement_order_or_placed(episodes: list[CareEpisode]) -> dt.date | None:
    """The day of the child's first placement order (E1) or adoptive placement (A*), if any."""
    return min((e.started_on for e in episodes
                if e.legal_status == "E1" or e.placement_type.startswith("A")), default=None)


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


class PermanenceBuilder:
    def __init__(self, rng: random.Random, *, today: dt.date):
        self.rng = rng
        self.today = today
        self.result = PermanenceResult()
        self.worker = User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True).order_by(
            "pk").first()
        self.adm = User.objects.filter(role=Role.SERVICE_MANAGER, is_active=True).order_by(
            "pk").first() or self.worker

    def build(self) -> PermanenceResult:
        if self.worker is None:
            return self.result
        periods = CarePeriod.objects.select_related("child").prefetch_related(
            "episodes").order_by("pk")
        for period in periods:
            episodes = sorted(period.episodes.all(), key=lambda e: (e.started_on, e.pk))
            try:
                with transaction.atomic():  # a story the rules refuse leaves nothing behind
                    self.period(period, episodes)
            except DomainError:
                continue
        self.more_adopters()
        return self.result

    def period(self, period: CarePeriod, episodes: list[CareEpisode]) -> None:
        if period.ended_on is None:
            self.in_care(period, episodes)
        elif period.end_reason in ("E11", "E12"):
            self.adopted(period, episodes)
        elif period.end_reason in RELATIONSHIP_FOR_END:
            self.special_guardianship(period)
        elif period.end_reason == "E4A" and self.rng.random() < 0.5:
            self.returned_home(period)
        self.previous_permanence(period)

    # ---- children who left care --------------------------------------------------------------

    def adopted(self, period: CarePeriod, episodes: list[CareEpisode]) -> None:
        rng = self.rng
        placed = next((e.started_on for e in episodes if e.placement_type.startswith("A")),
                      period.ended_on)
        order = next((e.started_on for e in episodes if e.legal_status == "E1"), None)
        ffa = next((e.started_on for e in episodes if e.placement_type in ("U2", "U5")), None)
        decided = max(period.started_on, min(order or placed, placed) - rng.randint(20, 90) * DAY)
        matched = max(decided, placed - rng.randint(7, 35) * DAY)
        self.plan(period, "adoption", _between(rng, period.started_on, decided))
        household = self.household(approved_by=matched, fostering=ffa is not None)
        decision = services.adoption_decision_record(
            period=period, decided_on=decided, decision_maker="Agency decision maker",
            actor=self.adm, system_job=SYSTEM_JOB)
        steps = [("placement_order_on", order if order and order >= decided else
                  _between(rng, decided, matched))]
        if ffa and ffa <= placed:
            steps.append(("ffa_placed_on", ffa))
        steps += [("matched_on", matched), ("placed_on", placed),
                  ("adoption_order_on", period.ended_on)]
        for step, on in steps:
            services.adoption_step_record(
                decision=decision, step=step, on=on, actor=self.worker, system_job=SYSTEM_JOB,
                household=household if step == "matched_on" else None)
        self.result.adoptions += 1

    def special_guardianship(self, period: CarePeriod) -> None:
        rng, end = self.rng, period.ended_on
        started = max(period.started_on, end - rng.randint(100, 220) * DAY)
        self.plan(period, "special_guardianship", _between(rng, period.started_on, started))
        relationship = RELATIONSHIP_FOR_END[period.end_reason]
        guardians = {"foster_relative": "The child's grandparents (their foster carers)",
                     "foster_other": "The child's foster carers",
                     "relative": "The child's aunt and uncle",
                     "other": "A family friend"}[relationship]
        sgo = services.sgo_assessment_start(
            period=period, guardians=guardians, relationship=relationship, started_on=started,
            actor=self.worker, system_job=SYSTEM_JOB)
        services.sgo_step_record(sgo=sgo, step="assessment_completed_on",
                                 on=_between(rng, started, end - 14 * DAY), actor=self.worker,
                                 system_job=SYSTEM_JOB)
        services.sgo_step_record(sgo=sgo, step="order_on", on=end, actor=self.worker,
                                 system_job=SYSTEM_JOB)
        self.result.sgos += 1

    def returned_home(self, period: CarePeriod) -> None:
        home = max(period.started_on, period.ended_on - self.rng.randint(0, 90) * DAY)
        self.plan(period, "reunification", _between(self.rng, period.started_on, home))
        reunification = services.reunification_record(
            period=period, returned_home_on=home, actor=self.worker, system_job=SYSTEM_JOB)
        services.discharge_record(reunification=reunification, discharged_on=period.ended_on,
                                  actor=self.worker, system_job=SYSTEM_JOB)

    # ---- children in care now ------------------------------------------------------------------

    def in_care(self, period: CarePeriod, episodes: list[CareEpisode]) -> None:
        rng = self.rng
        current = episodes[-1]
        reviews = {r.number: r.held_on for r in CareReview.objects.filter(period=period)}
        if current.placement_type.startswith("A") or current.legal_status == "E1":
            kind = "adoption"
        else:
            kind = _pick(rng, PLANS)
            age = ((self.today - period.child.date_of_birth).days // 365
                   if period.child.date_of_birth else 10)
            if kind == "adoption" and age >= 5:
                kind = "long_term_fostering"
        agreed = self.agreed_on(period, episodes, reviews)
        if agreed is None:
            return
        self.plan(period, kind, agreed)
        if kind == "adoption":
            self.adoption_in_progress(period, episodes, agreed)
        elif kind == "long_term_fostering" and current.intended_until_18:
            on = max(agreed, current.placement_started_on)
            services.long_term_match_record(period=period, carers="The child's foster carers",
                                            matched_on=on, actor=self.worker,
                                            system_job=SYSTEM_JOB)
            self.stage(period, Stage.MATCHED, on)
        elif rng.random() < 0.4:
            self.stage(period, Stage.FAMILY_FINDING, _between(rng, agreed, self.today))

    def agreed_on(self, period: CarePeriod, episodes: list[CareEpisode],
                  reviews: dict[int, dt.date]) -> dt.date | None:
        """When the permanence plan was agreed: mostly by the second review, sometimes later,
        for some children not yet (None)."""
        rng = self.rng
        agreed = None
        if 2 in reviews:
            if rng.random() < PLAN_BY_SECOND_REVIEW:
                agreed = _between(rng, reviews.get(1, period.started_on), reviews[2])
            elif rng.random() < 0.5:
                agreed = _between(rng, min(reviews[2] + DAY, self.today), self.today)
        elif rng.random() < 0.5:
            agreed = _between(rng, period.started_on, self.today)
        committed = _placement_order_or_placed(episodes)
        if committed is not None:
            # A placement order or an adoptive placement follows the agency decision maker's
            # decision, so the plan was agreed by then (the 903's rule 553 asks for it).
            agreed = min(agreed or committed, committed)
            agreed = _between(rng, period.started_on, agreed) if agreed > period.started_on \
                else period.started_on
        return agreed

    def adoption_in_progress(self, period: CarePeriod, episodes: list[CareEpisode],
                             agreed: dt.date) -> None:
        rng = self.rng
        placed = next((e.started_on for e in episodes if e.placement_type.startswith("A")), None)
        order = next((e.started_on for e in episodes if e.legal_status == "E1"), None)
        latest = min(x for x in (placed, order, self.today) if x is not None)
        decided = max(agreed, latest - rng.randint(10, 60) * DAY, period.started_on)
        if decided > latest:
            return
        decision = services.adoption_decision_record(
            period=period, decided_on=decided, decision_maker="Agency decision maker",
            actor=self.adm, system_job=SYSTEM_JOB)
        steps = []
        if order and order >= decided:
            steps.append(("placement_order_on", order))
        if placed:
            matched = max(decided, placed - rng.randint(7, 35) * DAY)
            steps += [("matched_on", matched), ("placed_on", placed)]
        else:
            self.stage(period, Stage.FAMILY_FINDING, decided)
        for step, on in sorted(steps, key=lambda s: s[1]):
            services.adoption_step_record(
                decision=decision, step=step, on=on, actor=self.worker, system_job=SYSTEM_JOB,
                household=self.household(approved_by=on) if step == "matched_on" else None)

    # ---- helpers ---------------------------------------------------------------------------------

    def plan(self, period: CarePeriod, kind: str, agreed: dt.date) -> None:
        services.plan_record(period=period, plan_type=kind, agreed_on=agreed, actor=self.worker,
                             system_job=SYSTEM_JOB)
        self.result.plans += 1

    def stage(self, period: CarePeriod, stage: str, since: dt.date) -> None:
        try:
            services.stage_change(period=period, stage=stage, since=since, actor=self.worker,
                                  system_job=SYSTEM_JOB)
        except DomainError:
            pass

    def household(self, *, approved_by: dt.date | None = None, fostering: bool = False,
                  stages: int = 6, left: bool = False):
        """Prospective adopters; approved by `approved_by` when given, else at `stages` of the
        assessment counted back from today."""
        rng = self.rng
        couple = rng.random() < 0.75
        sexes = rng.choice([["M", "F"], ["M", "F"], ["M", "F"], ["F", "F"], ["M", "M"]]) \
            if couple else [rng.choice("MFF")]
        legal = (_pick(rng, {"L11": 60, "L3": 25, "L2": 15}) if sexes == ["M", "F"]
                 else _pick(rng, {"L12": 50, "L4": 30, "L2": 20})) if couple else "L0"
        end = approved_by or self.today - rng.randint(0, 60) * DAY
        days = sorted(rng.sample(range(10, 300), 6), reverse=True)
        dates = [end - d * DAY for d in days]  # enquiry, 1 start, 1 end, 2 start, 2 end, appl.
        surname = names.surname(rng, "british")
        adopters = [{"name": f"{names.given_name(rng, sex, 'british')} {surname}", "sex": sex,
                     "ethnicity": _pick(rng, ETHNICITIES), "disabled": rng.random() < 0.05}
                    for sex in sexes]
        household = services.household_add(
            legal_status=legal, enquiry_on=dates[0], adopters=adopters,
            fostering_for_adoption=fostering or rng.random() < 0.2, actor=self.worker,
            system_job=SYSTEM_JOB)
        order = [("stage1_started_on", dates[1]), ("stage1_ended_on", dates[2]),
                 ("stage2_started_on", dates[3]), ("application_on", dates[3]),
                 ("stage2_ended_on", dates[4]), ("approved_on", dates[5] if approved_by is None
                                                 else end)]
        for step, on in order[:stages]:
            household = services.household_stage_record(household=household, step=step, on=on,
                                                         actor=self.worker,
                                                         system_job=SYSTEM_JOB)
        if left:
            services.household_leave(household=household, left_on=self.today,
                                     reason=_pick(self.rng, {"withdrew": 4, "circumstances": 3,
                                                             "not_suitable": 2}),
                                     actor=self.worker, system_job=SYSTEM_JOB)
        self.result.households += 1
        return household

    def more_adopters(self) -> None:
        for stages in (0, 1, 3, 4, 6, 6):
            self.household(stages=stages)
        self.household(stages=2, left=True)

    def previous_permanence(self, period: CarePeriod) -> None:
        if period.started_on < self.today - 365 * DAY:
            return
        order = _pick(self.rng, {"Z1": 85, "P2": 7, "P3": 5, "P1": 3})
        if order == "Z1":
            services.previous_permanence_record(period=period, order="Z1", actor=self.worker,
                                                system_job=SYSTEM_JOB)
            return
        services.previous_permanence_record(
            period=period, order=order, la_code=self.rng.choice(["332", "333", "WAL"]),
            order_on=period.started_on - self.rng.randint(200, 2000) * DAY, actor=self.worker,
            system_job=SYSTEM_JOB)


def build_permanence(authority, rng: random.Random) -> PermanenceResult:
    """Permanence for the authority's periods of care (after the casework)."""
    return PermanenceBuilder(rng, today=clock.today()).build()
