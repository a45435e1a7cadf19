"""Children in care: the periods of care that explain the children the authority looks after,
written as case-history events (hearth.imports.history) into their stories.

- Every child held today by a children in care team is looked after (and about half the
  leaving care team's 16- and 17-year-olds): a period of care that
  began when they came to the team (or when their child protection plan ended because they
  came into care), with its episodes: the legal status (mostly a care order, C1 while the
  proceedings last, then C2; V2 for accommodation by agreement and for unaccompanied children;
  now and then an emergency order first, a placement order for a young child on the way to
  adoption, a remand for an older one) and the placements (mostly foster care, in-house,
  connected persons or an agency; residential homes for some teenagers, supported
  accommodation for some 16- and 17-year-olds, placed with parents, placed for adoption).
  About one in ten children has had 3 or more placements in the last year.
- An IRO (an independent reviewing officer who does not chair child protection conferences,
  when there are any) is allocated within 48 hours, mostly, and chairs every review: the first
  within 20 working days, the second within 3 months, then every 6 months, about
  `review_in_time` of them in time, with how the child took part.
- Visits every 6 weeks (a week after each move, every 3 months in a long-term placement after
  its first year), only since `plans_from` so that the event count stays bounded: a placement
  older than that has its first visit then. Reviews are kept from the start, because each
  review's due date follows from the one before (they cost two events a year).
- Children who left care in the synthesised years: those whose children in care allocation
  closed then, and the care leavers who turned 18 then, each with the DfE reason (returned
  home, special guardianship, adoption, independent living, staying put...).

Nothing is dated after today; the reviews and visits due are left open, some overdue.
"""

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from hearth.accounts.models import Team
from hearth.care.codes import ReasonPlaceChange as RPC
from hearth.imports import history as h
from hearth.people.models import Address, Person
from hearth.people.rules import age_on
from hearth.protection.codes import PlanEndReason
from hearth.synthetic import names
from hearth.synthetic.casework_plan import Period
from hearth.synthetic.casework_stories import Crew, Story, StoryWriter
from hearth.workingdays.rules import add_months, add_weeks

S = Team.Service
DAY = dt.timedelta(days=1)
YEAR = dt.timedelta(days=365)
NO_URN = "XXXXXXX"
PROCEEDINGS_WEEKS = (26, 45)  # interim care order to the full order
MOVES_A_YEAR = 0.3  # most children
STILL_LOOKED_AFTER_AT_16 = 0.5  # of the leaving care team's 16- and 17-year-olds
UNSETTLED_SHARE, UNSETTLED_MOVES_A_YEAR = 0.08, 3.0  # placements breaking down, recently
MOVE_REASONS = {RPC.CARPL: 38, RPC.CREQB: 16, RPC.CREQO: 9, RPC.CHILD: 8, RPC.CLOSE: 7,
                RPC.LAREQ: 4, RPC.STAND: 3, RPC.ALLEG: 3, RPC.OTHER: 12}
PARTICIPATION = {"PN1": 46, "PN2": 7, "PN3": 5, "PN4": 6, "PN5": 10, "PN6": 18, "PN7": 8}
# kind of placement: (placement type, or long-term and other foster types; provider; URN)
PLACEMENTS = {
    "in_house": (("U4", "U6"), "PR1", NO_URN), "connected": (("U1", "U3"), "PR1", NO_URN),
    "agency": (("U4", "U6"), "PR4", "SC"), "fostering_for_adoption": ("U5", "PR1", NO_URN),
    "parents": ("P1", "PR0", ""), "residential": ("K2", "PR4", "SC"),
    "residential_in_house": ("K2", "PR1", "SC"), "supported": ("K3", "PR4", "SC"),
    "secure": ("K1", "PR2", "SC"), "custody": ("R5", "PR3", ""),
}
NEEDS = {"N1": 64, "N4": 8, "N5": 9, "N8": 7, "N2": 4, "N3": 4, "N6": 3, "N7": 1}


@dataclass(frozen=True)
class Placement:
    """One placement: where, from when, and the legal status it began with."""

    type: str
    provider: str
    urn: str
    postcode: str
    until_18: bool = False
    provision: str = "registered"


@dataclass
class Step:
    """A change on `day`: a new legal status, a new placement, or both."""

    day: dt.date
    legal_status: str
    placement: Placement
    placement_changed: bool
    reason: str = ""
    same_carers: bool = False


@dataclass
class CareStory:
    child: Person
    start: dt.date
    home: str = ""  # the postcode the child lived at before
    steps: list[Step] = field(default_factory=list)
    end: dt.date | None = None
    end_reason: str = ""


class CarePlanner:
    """Adds the care events to the children's stories (`story_for`, the casework planner's)."""

    def __init__(self, rng: random.Random, *, writer: StoryWriter, iros: list[str],
                 crew_for: Callable[[list[Period], random.Random], Crew],
                 story_for: Callable[[Person], Story], review_in_time: float = 0.93,
                 visit_in_time: float = 0.9):
        self.rng = rng
        self.w = writer
        self.today = writer.today
        self.history_from = writer.history_from
        self.plans_from = writer.plans_from
        self.iros = iros
        self.crew_for = crew_for
        self.story_for = story_for
        self.review_in_time = review_in_time
        self.visit_in_time = visit_in_time
        self.looked_after = self.left = 0

    # ---- Who is or was looked after -----------------------------------------------------------

    def plan(self, open_children: list[Person], closed_children: list[Person],
             periods: dict[int, list[Period]], stories: dict[int, Story]) -> None:
        homes = addresses_of([*open_children, *closed_children])
        self.w.rng = self.rng
        for child in open_children:
            rows = periods.get(child.pk)
            if not rows or child.date_of_birth is None:
                continue
            service = rows[-1].team.service
            if service == S.CHILDREN_IN_CARE:
                start = came_into_care(stories.get(child.pk), rows[-1].start)
                self.in_care(child, rows, max(start, child.date_of_birth), homes.get(child.pk))
            elif service == S.CARE_LEAVERS:
                self.care_leaver(child, rows, homes.get(child.pk))
        for child in closed_children:
            rows = periods.get(child.pk)
            if (rows and child.date_of_birth and rows[-1].team.service == S.CHILDREN_IN_CARE
                    and rows[-1].end is not None and rows[-1].end >= self.history_from):
                self.left_care(child, rows, homes.get(child.pk))

    def in_care(self, child: Person, rows: list[Period], start: dt.date, home) -> None:
        if start > self.today:
            return
        care = self.care_story(child, start, self.today, home)
        self.write(care, rows)
        self.looked_after += 1

    def left_care(self, child: Person, rows: list[Period], home) -> None:
        start, end = max(rows[-1].start, child.date_of_birth), rows[-1].end
        if end < start:
            return
        care = self.care_story(child, start, end, home, leaving=True)
        care.end = end
        care.end_reason = self.leaving_reason(care)
        self.write(care, rows)
        self.left += 1

    def care_leaver(self, child: Person, rows: list[Period], home) -> None:
        """The leaving care team's young people: those under 18 are mostly still looked after
        (`STILL_LOOKED_AFTER_AT_16`), the others left care after their 16th birthday; those
        over 18 left care then (`turned_18`). Only a leaving in the synthesised years is
        written."""
        born = child.date_of_birth
        if add_months(born, 12 * 18) <= self.today:
            self.turned_18(child, rows, home)
            return
        start = max(born + dt.timedelta(days=365 * 8),
                    self.today - dt.timedelta(days=self.rng.randint(200, 365 * 6)))
        if self.rng.random() < STILL_LOOKED_AFTER_AT_16:
            self.in_care(child, rows, start, home)
            return
        sixteenth = add_months(born, 12 * 16)
        left_on = sixteenth + dt.timedelta(days=self.rng.randint(1, max(1, (
            self.today - sixteenth).days - 1)))
        if left_on < self.history_from or left_on >= self.today or left_on <= start:
            return
        care = self.care_story(child, start, left_on, home, leaving=True)
        care.end = left_on
        care.end_reason = self.leaving_reason(care)
        self.write(care, rows)
        self.left += 1

    def turned_18(self, child: Person, rows: list[Period], home) -> None:
        """A care leaver who turned 18 in the synthesised years left care that day."""
        born = child.date_of_birth
        eighteenth = add_months(born, 12 * 18)
        if not self.history_from <= eighteenth < self.today:
            return
        start = max(born + dt.timedelta(days=365 * 8),
                    eighteenth - dt.timedelta(days=self.rng.randint(200, 365 * 6)))
        care = self.care_story(child, start, eighteenth, home, leaving=True)
        last = care.steps[-1].placement
        care.end = eighteenth
        care.end_reason = _pick(self.rng, {"E17": 30, "E8": 10, "E4A": 8} if last.type in (
            "U1", "U3", "U4", "U6") else {"E5": 45, "E6": 20, "E8": 15, "E4A": 10, "E7": 2})
        self.write(care, rows)
        self.left += 1

    # ---- A period's legal statuses and placements ---------------------------------------------

    def care_story(self, child: Person, start: dt.date, last: dt.date, home, *,
                   leaving: bool = False) -> CareStory:
        rng = self.rng
        age = age_on(child.date_of_birth, start) or 0
        # The 903's postcodes must be real (names.HOME_POSTCODES): the child's address postcodes
        # are invented ones, so the home and first placement are the same real one instead.
        # An unaccompanied child's home is abroad: no home postcode (903 rule 406).
        care = CareStory(child, start, home="" if child.is_uasc else names.home_postcode(rng))
        first = self.placement(age, home=care.home)
        status = self.first_status(child, age, start)
        care.steps.append(Step(start, status, first, True))
        adoption = age < 3 and rng.random() < 0.35 and not child.is_uasc
        self.legal_changes(care, status, last, adoption=adoption)
        self.moves(care, last, unsettled=rng.random() < UNSETTLED_SHARE and not leaving)
        care.steps.sort(key=lambda s: s.day)
        care.steps = self.not_accommodated_at_home(merged(care.steps), age, care.home)
        return care

    def not_accommodated_at_home(self, steps: list[Step], age: int, home: str) -> list[Step]:
        """A child accommodated under section 20 (V2) is not placed with their parents (care
        rules refuse it): such a placement becomes foster care. A move is to somewhere else
        (the real postcodes are few, so a draw can repeat the last placement), and away from
        home unless with parents (903 rule 392d)."""
        status, out = "", []
        for step in steps:
            status = step.legal_status or status
            if out and not step.placement_changed:
                step = dataclasses.replace(step, placement=out[-1].placement)
            elif status == "V2" and step.placement.type == "P1":
                foster = self.placement(age)
                while foster.type == "P1":
                    foster = self.placement(age)
                step = dataclasses.replace(step, placement=foster)
            while step.placement_changed and (
                    (out and step.placement == out[-1].placement)
                    or (step.placement.type != "P1" and step.placement.postcode == home)):
                step = dataclasses.replace(step, placement=dataclasses.replace(
                    step.placement, postcode=names.placement_postcode(self.rng)))
            out.append(step)
        return out

    def first_status(self, child: Person, age: int, start: dt.date) -> str:
        if child.is_uasc:
            return "V2"
        weights = {"C1": 55, "V2": 28, "C2": 9, "L2": 3, "L1": 2}
        if age >= 10 and (self.today - start).days < 120:
            weights["J1"] = 2
        return _pick(self.rng, weights)

    def legal_changes(self, care: CareStory, status: str, last: dt.date, *,
                      adoption: bool) -> None:
        """Emergency orders become interim orders; interim orders become care orders, or for a
        child on the way to adoption a placement order, then a placement for adoption."""
        rng, day = self.rng, care.start
        if status in ("L1", "L2"):
            # Police protection lasts at most 72 hours, an emergency protection order 8 days
            # (903 rule 361 and its EPO twin).
            day = day + dt.timedelta(days=rng.randint(1, 2) if status == "L1"
                                     else rng.randint(2, 8))
            status = self.add_status(care, day, "C1", last) or status
        if status == "V2" and not care.child.is_uasc and rng.random() < 0.15:
            day = day + dt.timedelta(days=rng.randint(40, 240))
            status = self.add_status(care, day, "C1", last) or status
        if status == "J1":
            return
        if status == "C1":
            day = day + dt.timedelta(weeks=rng.randint(*PROCEEDINGS_WEEKS))
            status = self.add_status(care, day, "E1" if adoption else "C2", last) or status
        if status == "E1":
            day = day + dt.timedelta(days=rng.randint(40, 150))
            if day < last:
                with_carers = rng.random() < 0.3
                care.steps.append(Step(day, "E1", self.adoptive(with_carers), True,
                                       reason=RPC.CARPL, same_carers=with_carers))

    def add_status(self, care: CareStory, day: dt.date, status: str, last: dt.date) -> str:
        if day >= last:
            return ""
        care.steps.append(Step(day, status, care.steps[0].placement, False))
        return status

    def moves(self, care: CareStory, last: dt.date, *, unsettled: bool) -> None:
        """Placement moves: a few a year for an unsettled child, recently; rare otherwise."""
        rng = self.rng
        rate = UNSETTLED_MOVES_A_YEAR if unsettled else MOVES_A_YEAR
        day = max(care.start, last - dt.timedelta(days=rng.randint(200, 420))) if unsettled \
            else care.start
        while True:
            day = day + dt.timedelta(days=max(7, round(rng.expovariate(rate) * 365)))
            if day >= last:
                return
            if any(s.placement_changed and abs((s.day - day).days) < 7 for s in care.steps):
                continue
            age = age_on(care.child.date_of_birth, day) or 0
            care.steps.append(Step(day, "", self.placement(age), True,
                                   reason=_pick(rng, MOVE_REASONS)))

    def placement(self, age: int, *, home: str = "") -> Placement:
        """A placement for a child of `age`: the mix of H-CL-15 (KPIS.md), by age."""
        rng = self.rng
        kind = _pick(rng, placement_weights(age))
        long_term = rng.random() < (0.45 if age >= 5 else 0.2)
        type_, provider, urn = PLACEMENTS[kind]
        if kind in ("in_house", "connected", "agency"):
            type_ = type_[0] if long_term else type_[1]
        if kind == "agency":
            provider = _pick(rng, {"PR4": 75, "PR5": 25})
        return Placement(type_, provider, self.urn() if urn == "SC" else urn,
                         (home if type_ == "P1" else "") or names.placement_postcode(rng),
                         until_18=long_term and type_ in ("U1", "U4"),
                         provision="supported" if kind == "supported" else "registered")

    def adoptive(self, with_carers: bool) -> Placement:
        return Placement("A5" if with_carers else "A6", _pick(self.rng, {"PR1": 70, "PR5": 30}),
                         NO_URN, names.placement_postcode(self.rng))

    def urn(self) -> str:
        return f"SC{self.rng.randint(900_000, 999_999)}"

    def leaving_reason(self, care: CareStory) -> str:
        """Why a child left care, by their age and last placement (E45/E46 from foster care
        only, adoption from a placement for adoption)."""
        last = care.steps[-1].placement.type
        age = age_on(care.child.date_of_birth, care.end) or 0
        if last.startswith("A"):
            return _pick(self.rng, {"E11": 70, "E12": 30})
        if age >= 16:
            weights = {"E4A": 30, "E5": 22, "E6": 8, "E8": 10, "E13": 10, "E7": 2, "E9": 4}
        else:
            weights = {"E4A": 45, "E4B": 6, "E47": 12, "E48": 5, "E41": 5, "E13": 7, "E3": 5,
                       "E8": 4, "E16": 2}
            if last in ("U1", "U3"):
                weights["E45"] = 14
            elif last in ("U4", "U6"):
                weights["E46"] = 6
        return _pick(self.rng, weights)

    # ---- Writing it as events -----------------------------------------------------------------

    def write(self, care: CareStory, rows: list[Period]) -> None:
        story = self.story_for(care.child)
        story.next_group()
        crew = self.crew_for(rows, self.rng)
        w, rng = self.w, self.rng
        period = story.ref("cla")
        first, home = care.steps[0], care.home
        need = "N8" if care.child.is_uasc else _pick(rng, NEEDS)
        story.add(_start(period, care, first, home, need=need, by=crew.worker(care.start)))
        iro = rng.choice(self.iros)
        late = rng.random() > 0.9
        allocated = min(w.wd(care.start, rng.randint(3, 10) if late else rng.randint(0, 1)),
                        care.end or self.today, self.today)
        story.add(h.IroAllocationEvent(period=period, allocated_on=allocated, iro=iro,
                                       by=crew.manager(allocated)))
        status = first.legal_status
        for step in care.steps[1:]:
            status = step.legal_status or status
            story.add(_change(period, step, status, need, home, by=crew.worker(step.day)))
        self.reviews(story, period, care, iro)
        self.visits(story, period, care, crew)
        if care.end is not None:
            story.add(h.CareEndEvent(period=period, ended_on=care.end, reason=care.end_reason,
                                     by=crew.manager(care.end)))

    def reviews(self, story: Story, period: str, care: CareStory, chair: str) -> None:
        rng, w = self.rng, self.w
        last = care.end - DAY if care.end else self.overdue_or_today(self.review_in_time, 180)
        due, held = w.wd(care.start, 20), None
        while True:
            if rng.random() < self.review_in_time:
                day = w.on_or_before(due - dt.timedelta(days=rng.randint(0, 12)))
            else:
                day = w.on_or_after(due + dt.timedelta(days=rng.randint(1, 30)))
            day = max(day, care.start, held + DAY if held else care.start)
            if day > last:
                return
            age = age_on(care.child.date_of_birth, day) or 0
            story.add(h.ClaReviewEvent(period=period, held_on=day, chair=chair,
                                       participation="PN0" if age < 4 else _pick(
                                           rng, PARTICIPATION), by=chair))
            due = add_months(day, 3 if held is None else 6)
            held = day

    def visits(self, story: Story, period: str, care: CareStory, crew: Crew) -> None:
        """From `plans_from` (or the period's start): a week after each move, then every six
        weeks (three months after the first year of a placement meant to last until 18)."""
        rng = self.rng
        last = care.end - DAY if care.end else self.overdue_or_today(self.visit_in_time, 42)
        moves = [s for s in care.steps if s.placement_changed]
        for move, following in zip(moves, [*moves[1:], None], strict=True):
            until = min(last, following.day - DAY) if following else last
            day = move.day + dt.timedelta(days=rng.randint(1, 7) if rng.random() < 0.9
                                          else rng.randint(8, 20))
            while day <= until:
                if day >= self.plans_from:
                    seen = rng.random() < 0.97
                    story.add(h.ClaVisitEvent(period=period, visited_on=day, child_seen=seen,
                                              seen_alone=seen and self.w.seen_alone(story, day),
                                              bedroom_seen=seen and rng.random() < 0.4,
                                              by=crew.worker(day)))
                settled = day >= add_months(move.day, 12) and move.placement.until_18
                due = add_months(day, 3) if settled else add_weeks(day, 6)
                day = (due - dt.timedelta(days=rng.randint(0, 10)) if rng.random()
                       < self.visit_in_time else due + dt.timedelta(days=rng.randint(1, 20)))

    def overdue_or_today(self, in_time: float, every_days: int) -> dt.date:
        """Today, or for the rest a day far enough back that the next one is overdue."""
        if self.rng.random() < in_time:
            return self.today
        return self.today - dt.timedelta(days=every_days + self.rng.randint(1, 20))


# ---- Helpers ------------------------------------------------------------------------------------


def placement_weights(age: int) -> dict[str, float]:
    """In-house and agency foster care, connected persons, placed with parents; residential
    homes for some over-11s, supported accommodation for some 16- and 17-year-olds."""
    weights = {"in_house": 29, "connected": 19, "agency": 31, "parents": 7}
    if age < 2:
        weights["fostering_for_adoption"] = 3
    if age >= 11:
        weights.update(residential=10 if age >= 13 else 3, residential_in_house=1)
    if age >= 16:
        weights["supported"] = 9
    if age >= 12:
        weights.update(secure=0.3, custody=0.3 if age >= 15 else 0)
    return weights


def came_into_care(story: Story | None, allocated_on: dt.date) -> dt.date:
    """The day the child's plan ended because they came into care, else the allocation's."""
    for _key, event in (story.events if story else []):
        if isinstance(event, h.CpPlanEndEvent) and event.reason == PlanEndReason.LOOKED_AFTER:
            return event.end_date
    return allocated_on


def addresses_of(children: list[Person]) -> dict[int, tuple[str, str]]:
    """{child: (the postcode they lived at before, the latest postcode)} in one query."""
    wanted = {c.pk for c in children}
    found: dict[int, list[str]] = {}
    for person_id, postcode in Address.objects.filter(person_id__in=wanted).order_by(
            "person_id", "start_date", "id").values_list("person_id", "postcode"):
        found.setdefault(person_id, []).append(postcode)
    return {pk: (codes[-2] if len(codes) > 1 else "", codes[-1]) for pk, codes in found.items()}


def merged(steps: list[Step]) -> list[Step]:
    """Steps on the same day become one; a legal status change keeps the placement before it,
    a move keeps the legal status before it."""
    out: list[Step] = []
    for step in steps:
        if out and step.day <= out[-1].day:
            previous = out[-1]
            out[-1] = Step(previous.day, step.legal_status or previous.legal_status,
                           step.placement if step.placement_changed else previous.placement,
                           previous.placement_changed or step.placement_changed,
                           reason=step.reason or previous.reason,
                           same_carers=step.same_carers or previous.same_carers)
            continue
        if not step.placement_changed and out:
            step = Step(step.day, step.legal_status, out[-1].placement, False)
        out.append(step)
    return out


def _start(period: str, care: CareStory, step: Step, home: str, *, need: str,
           by: str) -> h.CareStartEvent:
    p = step.placement
    return h.CareStartEvent(
        ref=period, started_on=care.start, legal_status=step.legal_status,
        category_of_need=need, placement_type=p.type,
        provider_type=p.provider, provision=p.provision, placement_postcode=p.postcode,
        urn=p.urn, home_postcode=home, intended_until_18=p.until_18, by=by)


def _change(period: str, step: Step, status: str, need: str, home: str, *,
            by: str) -> h.CareEpisodeEvent:
    p = step.placement
    return h.CareEpisodeEvent(
        period=period, changed_on=step.day, legal_status=status, category_of_need=need,
        placement_type=p.type, provider_type=p.provider, provision=p.provision,
        placement_postcode=p.postcode, urn=p.urn, home_postcode=home,
        intended_until_18=p.until_18,
        reason_place_change=(step.reason or RPC.CARPL) if step.placement_changed else "",
        same_carers=step.same_carers, by=by)


def _pick(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]
