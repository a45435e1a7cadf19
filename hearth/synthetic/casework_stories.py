"""One child's casework written as dated case-history events (hearth.imports.history).

A `StoryWriter` writes the phases of an episode of need: a contact and its decision, an
assessment, a strategy discussion and section 47 enquiry with its conference, a child protection
plan, a child in need plan, the closure. Each phase keeps the local timescales as often as the
seeds say it did (`CaseworkSettings`) and stops at today: work not finished today is left open,
with its statutory task due or overdue. Nothing is dated after now.
"""

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

from hearth.assessments.codes import AssessmentFactor as F
from hearth.assessments.codes import AssessmentOutcome, PartnerAgency
from hearth.frontdoor.codes import Consent, ContactDecision, Rag
from hearth.imports import history as h
from hearth.people.models import Person
from hearth.people.rules import age_on
from hearth.protection.codes import Agency, CategoryOfAbuse, ConferenceOutcome, Section47Outcome
from hearth.protection.codes import StrategyDecision as SD
from hearth.synthetic import casework_text as text
from hearth.workingdays.rules import LONDON, WorkingDayCalendar, add_months, add_weeks

DAY = dt.timedelta(days=1)
D = ContactDecision
OPENS_EPISODE = (D.REFERRAL, D.STRATEGY_DISCUSSION)
FACTORS = {F.DOMESTIC_ABUSE_PARENT: 30, F.MENTAL_HEALTH_PARENT: 22, F.NEGLECT: 16,
           F.EMOTIONAL_ABUSE: 14, F.DRUGS_PARENT: 10, F.ALCOHOL_PARENT: 8,
           F.PHYSICAL_ABUSE_ADULT_ON_CHILD: 5, F.MISSING: 4, F.CRIMINAL_EXPLOITATION: 3,
           F.SELF_HARM: 3, F.SEXUAL_ABUSE_ADULT_ON_CHILD: 2}
CATEGORIES = {CategoryOfAbuse.NEG: 45, CategoryOfAbuse.EMO: 35, CategoryOfAbuse.PHY: 10,
              CategoryOfAbuse.SAB: 5, CategoryOfAbuse.MUL: 5}
AGENCIES = (Agency.POLICE, Agency.HEALTH, Agency.EDUCATION)
CP_VISIT_DAYS, CIN_VISIT_DAYS = 10, 20  # the local standards' defaults (core.LocalAuthority)
CORE_GROUP_WEEKS, CIN_REVIEW_WEEKS = 6, 12


@dataclass(frozen=True)
class Rates:
    """How often each clock is met (the seeds' figures, KPIS.md §1-§4). For work still open
    today, the same share of plans has each clock running in time; the rest are overdue, as the
    seeds' snapshot figures count them (H-CP-06 core groups up to date, H-CP-08 visits)."""

    contact_decided_in_time: float = 0.76
    assessment_in_time: float = 0.70  # about 68% once the late starts are counted too
    icpc_in_time: float = 0.80
    first_core_group_in_time: float = 0.85
    core_group_in_time: float = 0.85
    review_in_time: float = 0.92
    cp_visit_in_time: float = 0.82
    cin_visit_in_time: float = 0.80
    cin_review_in_time: float = 0.80
    cla_review_in_time: float = 0.93  # H-CL-04: 81.5% to 98.6% a month in 2019/20
    cla_visit_in_time: float = 0.90


@dataclass(frozen=True)
class Crew:
    """Who works the case, by date: (from, worker's username, manager's username), in order."""

    periods: tuple[tuple[dt.date, str, str], ...]

    def _on(self, day: dt.date) -> tuple[dt.date, str, str]:
        current = self.periods[0]
        for period in self.periods:
            if period[0] <= day:
                current = period
        return current

    def worker(self, day: dt.date) -> str:
        return self._on(day)[1]

    def manager(self, day: dt.date) -> str:
        return self._on(day)[2]


@dataclass(frozen=True)
class PlanStart:
    ref: str
    start: dt.date


@dataclass
class Story:
    """A child's events, each with a sort key (day, group, order written)."""

    child: Person
    events: list[tuple[tuple, h.Event]] = field(default_factory=list)
    referrals: list[list] = field(default_factory=list)  # [referral date, closed on or None]
    cp_plan_open: bool = False
    group: int = 0
    _numbers: Counter = field(default_factory=Counter)

    def ref(self, prefix: str) -> str:
        self._numbers[prefix] += 1
        return f"{prefix}{self._numbers[prefix]}"

    def add(self, event: h.Event, *, day: dt.date | None = None) -> None:
        self.events.append(((day or event.day, self.group, len(self.events)), event))

    def next_group(self) -> None:
        self.group += 1

    def in_order(self) -> list[h.Event]:
        return [event for _key, event in sorted(self.events, key=lambda item: item[0])]


class StoryWriter:
    def __init__(self, rng: random.Random, *, calendar: WorkingDayCalendar, now: dt.datetime,
                 history_from: dt.date, rates: Rates, desk: "Desk",
                 plans_from: dt.date | None = None):
        self.rng = rng
        self.calendar = calendar
        self.now = now
        self.today = now.astimezone(LONDON).date()
        self.history_from = history_from
        self.plans_from = plans_from or history_from
        self.rates = rates
        self.desk = desk

    # ---- Days and times ----------------------------------------------------------------------

    def wd(self, day: dt.date, count: int) -> dt.date:
        return self.calendar.add_working_days(day, count)

    def on_or_after(self, day: dt.date) -> dt.date:
        return self.calendar.working_day_on_or_after(day)

    def on_or_before(self, day: dt.date) -> dt.date:
        return day if self.calendar.is_working_day(day) else self.wd(day, -1)

    def at(self, day: dt.date, *, after: dt.datetime | None = None) -> dt.datetime:
        """A time in office hours on `day`, later than `after` (callers keep it before now)."""
        earliest = 8 * 60 + 30
        if after is not None and after.astimezone(LONDON).date() == day:
            local = after.astimezone(LONDON)
            earliest = max(earliest, local.hour * 60 + local.minute + 20)
        minute = self.rng.randint(min(earliest, 18 * 60), max(earliest, 17 * 60 + 30))
        return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), LONDON)

    def late_by(self, mean_working_days: float) -> int:
        return 1 + int(self.rng.expovariate(1 / mean_working_days))

    def chance(self, share: float) -> bool:
        return self.rng.random() < share

    # ---- Contacts ------------------------------------------------------------------------------

    def contact(self, story: Story, *, on: dt.date, decision: str, need: str = "",
                referral: str = "", decide: bool = True) -> dt.date | None:
        """A contact received about `on` and, unless it is still in the queue, its decision.
        Returns the decision's date (the referral date when it opens an episode)."""
        received = self.received_at(on)
        ref = story.ref("c")
        source = self.source(decision)
        consent, note = self.consent(decision)
        story.add(h.ContactEvent(ref=ref, received_at=received, source=source,
                                 concern=text.concern(self.rng, source), consent=consent,
                                 consent_note=note, by=self.desk.recorder(self.rng)))
        rag = self.rag(decision)
        decided_at = self.decision_time(received)
        rated_first = self.chance(0.6)
        if not decide or decided_at > self.now:
            if rated_first:
                story.add(h.RatingEvent(contact=ref, rag=rag, by=self.desk.decider(self.rng)),
                          day=received.astimezone(LONDON).date())
            return None
        opens = decision in OPENS_EPISODE
        story.add(h.DecisionEvent(
            contact=ref, decided_at=decided_at, decision=decision,
            reason=self.rng.choice(text.DECISION_REASONS[decision]), rag=rag,
            primary_need=need if opens else "", referral=referral if opens else "",
            by=self.desk.decider(self.rng)))
        return decided_at.astimezone(LONDON).date()

    def received_at(self, on: dt.date) -> dt.datetime:
        if self.chance(0.12):  # out of hours: police notifications, the emergency duty team
            minute = self.rng.choice((self.rng.randint(18 * 60, 23 * 60 + 59),
                                      self.rng.randint(0, 8 * 60)))
            moment = dt.datetime.combine(on, dt.time(minute // 60, minute % 60), LONDON)
        else:
            moment = self.at(self.on_or_after(on))
        latest = self.now - dt.timedelta(minutes=self.rng.randint(20, 300))
        return min(moment, latest)

    def decision_time(self, received: dt.datetime) -> dt.datetime:
        received_on = received.astimezone(LONDON).date()
        due = self.wd(received_on, 1)
        if self.chance(self.rates.contact_decided_in_time):
            same_day = (self.calendar.is_working_day(received_on)
                        and received.astimezone(LONDON).hour < 15 and self.chance(0.55))
            day = received_on if same_day else due
        else:
            day = self.wd(due, self.late_by(1.5))
        return self.at(day, after=received)

    def source(self, decision: str) -> str:
        if decision == D.STRATEGY_DISCUSSION:
            return self.rng.choice(("6", "6", "2A", "3E", "3B"))
        return text.pick(self.rng, text.SOURCES)

    def consent(self, decision: str) -> tuple[str, str]:
        if decision == D.STRATEGY_DISCUSSION or self.chance(0.08):
            return Consent.NOT_SOUGHT, "Seeking consent could put the child at risk."
        if self.chance(0.06):
            return Consent.REFUSED, "Parent refused; shared without consent to protect the child."
        return Consent.GIVEN, ""

    def rag(self, decision: str) -> str:
        if decision == D.STRATEGY_DISCUSSION:
            return Rag.RED
        if decision == D.REFERRAL:
            return Rag.RED if self.chance(0.3) else Rag.AMBER
        return Rag.GREEN if self.chance(0.7) else Rag.AMBER

    def nfa_referral(self, story: Story, *, on: dt.date) -> None:
        """A referral that ended in no further action: no episode, assessment or closure."""
        story.add(h.ReferralEvent(ref=story.ref("r"), referral_date=on,
                                  source=text.pick(self.rng, text.SOURCES),
                                  no_further_action=True, by=self.desk.recorder(self.rng)))

    def referral(self, story: Story, *, on: dt.date, need: str) -> tuple[str, dt.date]:
        """A referral recorded directly: from another authority, or a court."""
        ref, day = story.ref("r"), self.on_or_after(on)
        day = min(day, self.today)
        story.add(h.ReferralEvent(ref=ref, referral_date=day, source=self.rng.choice(("5C", "7")),
                                  primary_need=need, by=self.desk.recorder(self.rng)))
        return ref, day

    # ---- Assessments ---------------------------------------------------------------------------

    def assessment(self, story: Story, *, referral: str, referral_date: dt.date, crew: Crew,
                   outcome: str, start_on: dt.date | None = None,
                   finish_by: dt.date | None = None, keep_open: bool = False) -> dt.date | None:
        """Started, completed and authorised; returns the authorisation date, or None while it
        is still in progress today."""
        started = max(referral_date, self.on_or_after(
            start_on or self.wd(referral_date, self.rng.randint(0, 3))))
        if finish_by is not None:
            started = min(started, finish_by)
        if started > self.today:
            return None
        ref = story.ref("a")
        story.add(h.AssessmentStartEvent(ref=ref, referral=referral, started_on=started,
                                         by=crew.worker(started)))
        due = self.wd(referral_date, 45)
        authorised = self.authorised_on(started, due, finish_by)
        completed = max(started, self.wd(authorised, -self.rng.randint(0, 3)))
        seen = min(completed, self.wd(started, self.rng.randint(0, 6)))
        if self.chance(0.1):
            self.contribution(story, ref, started, min(completed, self.today), crew)
        if keep_open or authorised > self.today:
            return None
        born = story.child.date_of_birth
        seen_on = seen if born and born <= seen else None
        story.add(h.AssessmentCompleteEvent(
            assessment=ref, completed_on=completed, child_seen_on=seen_on,
            seen_alone=self.seen_alone(story, seen) and seen_on is not None,
            factors=self.factors(outcome), by=crew.worker(completed)))
        story.add(h.AssessmentAuthoriseEvent(
            assessment=ref, authorised_on=authorised, outcome=outcome,
            lateness_reason=self.rng.choice(text.LATENESS_REASONS) if authorised > due else "",
            by=crew.manager(authorised)))
        return authorised

    def authorised_on(self, started: dt.date, due: dt.date, finish_by: dt.date | None) -> dt.date:
        earliest = self.wd(started, 5)
        if earliest <= due and self.chance(self.rates.assessment_in_time):
            day = max(earliest, self.wd(due, -self.rng.randint(0, 22)))
        else:
            day = self.wd(max(due, started), self.late_by(12))
        if finish_by is not None:
            day = min(day, finish_by)
        return max(day, started)

    def contribution(self, story: Story, assessment: str, started: dt.date, last: dt.date,
                     crew: Crew) -> None:
        received = started + dt.timedelta(days=self.rng.randint(0, max(0, (last - started).days)))
        story.add(h.AssessmentContributionEvent(
            assessment=assessment, agency=self.rng.choice(PartnerAgency.values),
            received_on=received, summary=self.rng.choice(text.CONTRIBUTIONS),
            by=crew.worker(received)))

    def factors(self, outcome: str) -> tuple[str, ...]:
        if outcome == AssessmentOutcome.NO_FURTHER_ACTION and self.chance(0.35):
            return (F.NO_FACTORS,)
        chosen = self.rng.choices(list(FACTORS), weights=list(FACTORS.values()),
                                  k=self.rng.randint(1, 3))
        return tuple(dict.fromkeys(chosen))

    # ---- Strategy discussions, section 47 enquiries and initial conferences --------------------

    def enquiry(self, story: Story, *, referral: str, on: dt.date, crew: Crew, conference: bool,
                plan: bool, finish_by: dt.date | None = None) -> PlanStart | None:
        """A strategy discussion starting a section 47 enquiry; with `conference`, an initial
        conference (a plan with `plan`). Returns the plan it started, if it started one today."""
        held = self.on_or_after(on)
        if held > self.today or (finish_by is not None and held > finish_by):
            return None
        discussion = story.ref("sd")
        story.add(h.StrategyDiscussionEvent(
            ref=discussion, referral=referral, held_on=held, decision=SD.SECTION_47,
            held_at=dt.time(self.rng.randint(9, 16), self.rng.choice((0, 30))),
            reason="Reasonable cause to suspect significant harm.",
            participants=text.participants(self.rng, AGENCIES), by=crew.worker(held)))
        due = self.wd(held, 15)
        in_time = self.chance(self.rates.icpc_in_time)
        conference_on = self.wd(held, self.rng.randint(9, 15)) if in_time else self.wd(
            due, self.late_by(4))
        if finish_by is not None and conference_on > finish_by:  # the case closes first
            conference = plan = False
        completed = self.wd(held, self.rng.randint(3, 8) if conference else self.rng.randint(5, 20))
        if finish_by is not None:
            completed = max(held, min(completed, finish_by))
        if completed > self.today:
            return None
        outcome = Section47Outcome.CONTINUING_RISK if conference else self.rng.choice(
            (Section47Outcome.NOT_SUBSTANTIATED, Section47Outcome.NOT_AT_RISK))
        story.add(h.Section47OutcomeEvent(strategy_discussion=discussion, completed_on=completed,
                                          outcome=outcome, icpc_required=conference,
                                          by=crew.worker(completed)))
        if not conference or conference_on > self.today:
            return None
        return self.initial_conference(story, discussion, conference_on, due, crew, plan=plan)

    def initial_conference(self, story: Story, discussion: str, held: dt.date, due: dt.date,
                           crew: Crew, *, plan: bool) -> PlanStart | None:
        plan_ref = story.ref("cpp") if plan else ""
        story.add(h.InitialConferenceEvent(
            ref=story.ref("icpc"), strategy_discussion=discussion, held_on=held,
            chair=self.desk.chair(self.rng),
            outcome=ConferenceOutcome.PLAN if plan else ConferenceOutcome.NO_PLAN,
            plan_ref=plan_ref, category=text.pick(self.rng, CATEGORIES) if plan else "",
            conference_format=self.rng.choice(("in_person", "virtual", "hybrid")),
            delay_reason=self.rng.choice(text.ICPC_DELAY_REASONS) if held > due else "",
            participants=text.participants(self.rng, AGENCIES), by=crew.worker(held)))
        return PlanStart(plan_ref, held) if plan else None

    # ---- Child protection plans ----------------------------------------------------------------

    def cp_plan(self, story: Story, plan: PlanStart, *, crew: Crew, ends_at_review: int = 0,
                end_on: dt.date | None = None, end_reason: str = "") -> dt.date | None:
        """The plan's visits, core groups and reviews until it ends (at review conference
        number `ends_at_review` if that is before `end_on`, else on `end_on` for `end_reason`)
        or, if it has not ended by today, until today. Returns the day it ended."""
        reviews = self.review_dates(plan.start)
        at_review = bool(ends_at_review) and (end_on is None
                                               or reviews[ends_at_review - 1] < end_on)
        end = reviews[ends_at_review - 1] if at_review else end_on
        if end is not None and end > self.today:
            end = None
        visits_to, core_to, reviews_to = (end - DAY,) * 3 if end else self.cp_plan_open_until()
        for day, what in sorted([*((d, "visit") for d in self.visits(plan.start, visits_to)),
                                 *((d, "core") for d in self.core_groups(plan.start, core_to)),
                                 *((d, "review") for d in reviews if d <= reviews_to)]):
            self.plan_meeting(story, plan.ref, day, what, crew)
        if end is None:
            story.cp_plan_open = True
            return None
        if at_review:
            story.add(h.ReviewConferenceEvent(
                plan=plan.ref, held_on=end, chair=self.desk.chair(self.rng),
                outcome=ConferenceOutcome.END_PLAN, by=crew.worker(end)))
        else:
            story.add(h.CpPlanEndEvent(plan=plan.ref, end_date=end, reason=end_reason,
                                       by=crew.worker(end)))
        return end

    def cp_plan_open_until(self) -> tuple[dt.date, dt.date, dt.date]:
        """How far each of an open plan's clocks has run: to today, or, when it is overdue,
        to a day long enough ago that the next visit, core group or review is late today."""
        rates, rng = self.rates, self.rng
        return (
            self.open_until(rates.cp_visit_in_time,
                            self.wd(self.today, -CP_VISIT_DAYS - self.late_by(3))),
            self.open_until(rates.core_group_in_time, self.today - dt.timedelta(
                weeks=CORE_GROUP_WEEKS, days=rng.randint(1, 21))),
            self.open_until(rates.review_in_time,
                            add_months(self.today, -6) - dt.timedelta(days=rng.randint(1, 21))),
        )

    def open_until(self, in_time: float, overdue_from: dt.date) -> dt.date:
        return self.today if self.chance(in_time) else overdue_from

    def plan_meeting(self, story: Story, plan: str, day: dt.date, what: str, crew: Crew) -> None:
        if what == "visit":
            seen, alone, bedroom = self.chance(0.96), self.seen_alone(story, day), self.chance(0.3)
            story.add(h.CpVisitEvent(plan=plan, visited_on=day, child_seen=seen,
                                     seen_alone=seen and alone, bedroom_seen=seen and bedroom,
                                     by=crew.worker(day)))
        elif what == "core":
            story.add(h.CoreGroupEvent(plan=plan, held_on=day, by=crew.worker(day),
                                       participants=text.participants(self.rng, AGENCIES[1:])))
        else:
            story.add(h.ReviewConferenceEvent(
                plan=plan, held_on=day, chair=self.desk.chair(self.rng),
                outcome=ConferenceOutcome.CONTINUE_PLAN, category=text.pick(self.rng, CATEGORIES),
                by=crew.worker(day)))

    def seen_alone(self, story: Story, day: dt.date) -> bool:
        """Two in three children old enough (4 or more) are seen alone. The random draw comes
        first, whatever the age, so that brothers and sisters keep the same dates."""
        alone = self.chance(0.65)
        born = story.child.date_of_birth
        return alone and born is not None and born <= day and (age_on(born, day) or 0) >= 4

    def review_dates(self, start: dt.date, *, count: int = 12) -> list[dt.date]:
        """Review conferences: the first within 3 months, then every 6 (mostly in time)."""
        dates, due = [], add_months(start, 3)
        for _ in range(count):
            if self.chance(self.rates.review_in_time):
                day = self.on_or_before(due - dt.timedelta(days=self.rng.randint(0, 12)))
            else:
                day = self.on_or_after(due + dt.timedelta(days=self.rng.randint(1, 25)))
            day = max(day, self.wd(dates[-1] if dates else start, 1))
            dates.append(day)
            due = add_months(day, 6)
        return dates

    def core_groups(self, start: dt.date, last: dt.date) -> list[dt.date]:
        first_in_time = self.chance(self.rates.first_core_group_in_time)
        day = self.wd(start, self.rng.randint(5, 10) if first_in_time else
                      self.rng.randint(11, 18))
        dates = []
        while day <= last:
            dates.append(day)
            due = add_weeks(day, CORE_GROUP_WEEKS)
            if self.chance(self.rates.core_group_in_time):
                following = self.on_or_before(due - dt.timedelta(days=self.rng.randint(0, 10)))
            else:
                following = self.on_or_after(due + dt.timedelta(days=self.rng.randint(1, 20)))
            day = max(following, self.wd(day, 1))
        return dates

    def visits(self, start: dt.date, last: dt.date, *, every: int = CP_VISIT_DAYS,
               in_time: float | None = None) -> list[dt.date]:
        """Visit dates, each within `every` working days of the last one most of the time."""
        share = self.rates.cp_visit_in_time if in_time is None else in_time
        dates, previous = [], start
        while True:
            gap = (self.rng.randint(max(2, every - 3), every) if self.chance(share)
                   else every + self.late_by(3))
            day = self.wd(previous, gap)
            if day > last:
                return dates
            dates.append(day)
            previous = day

    # ---- Child in need plans -------------------------------------------------------------------

    def cin_plan(self, story: Story, *, referral: str, start: dt.date, crew: Crew,
                 end_on: dt.date | None = None, end_reason: str = "",
                 ended_by_protection: bool = False) -> dt.date | None:
        """A child in need plan with its reviews and visits until `end_on` or today. A plan
        running since before `plans_from` is ended and agreed afresh on that day, so that its
        clocks start there rather than years of visits being made. A plan `ended_by_protection`
        gets no end event: the child protection plan starting on `end_on` ends it."""
        start = self.on_or_after(start)
        if start > self.today or (end_on is not None and start >= end_on):
            return None
        plan = story.ref("cin")
        story.add(h.CinPlanStartEvent(ref=plan, referral=referral, started_on=start,
                                      by=crew.worker(start)))
        end = end_on if end_on is not None and end_on <= self.today else None
        if start < self.plans_from:
            renewed = self.on_or_after(self.plans_from + dt.timedelta(days=self.rng.randint(0, 28)))
            if end is not None and end <= renewed:  # ended before its visits are synthesised
                return end if ended_by_protection else self.cin_plan_end(
                    story, plan, end, end_reason, crew)
            story.add(h.CinPlanEndEvent(plan=plan, ended_on=renewed,
                                        reason="Reviewed: a new plan was agreed",
                                        by=crew.worker(renewed)))
            plan, start = story.ref("cin"), renewed
            story.add(h.CinPlanStartEvent(ref=plan, referral=referral, started_on=start,
                                          by=crew.worker(start)))
        if end:
            visits_to = reviews_to = end - DAY
        else:
            visits_to = self.open_until(self.rates.cin_visit_in_time, self.wd(
                self.today, -CIN_VISIT_DAYS - self.late_by(4)))
            reviews_to = self.open_until(self.rates.cin_review_in_time, self.today - dt.timedelta(
                weeks=CIN_REVIEW_WEEKS, days=self.rng.randint(1, 30)))
        self.cin_activity(story, plan, start, visits_to, reviews_to, crew)
        if end is None or ended_by_protection:
            return end
        return self.cin_plan_end(story, plan, end, end_reason, crew)

    def cin_plan_end(self, story: Story, plan: str, end: dt.date, reason: str,
                     crew: Crew) -> dt.date:
        story.add(h.CinPlanEndEvent(plan=plan, ended_on=end,
                                    reason=reason or self.rng.choice(text.CIN_END_REASONS[:3]),
                                    by=crew.worker(end)))
        return end

    def cin_activity(self, story: Story, plan: str, start: dt.date, visits_to: dt.date,
                     reviews_to: dt.date, crew: Crew) -> None:
        visits = self.visits(start, visits_to, every=CIN_VISIT_DAYS,
                             in_time=self.rates.cin_visit_in_time)
        for day, what in sorted([*((d, "visit") for d in visits),
                                 *((d, "review") for d in self.cin_reviews(start, reviews_to))]):
            if what == "visit":
                seen, alone = self.chance(0.95), self.seen_alone(story, day)
                story.add(h.CinPlanVisitEvent(plan=plan, visited_on=day, child_seen=seen,
                                              seen_alone=seen and alone, by=crew.worker(day)))
            else:
                story.add(h.CinPlanReviewEvent(plan=plan, reviewed_on=day, by=crew.worker(day)))

    def cin_reviews(self, start: dt.date, last: dt.date) -> list[dt.date]:
        dates, previous = [], start
        while True:
            due = add_weeks(previous, CIN_REVIEW_WEEKS)
            if self.chance(self.rates.cin_review_in_time):
                day = self.on_or_before(due - dt.timedelta(days=self.rng.randint(0, 14)))
            else:
                day = self.on_or_after(due + dt.timedelta(days=self.rng.randint(1, 30)))
            day = max(day, self.wd(previous, 1))
            if day > last:
                return dates
            dates.append(day)
            previous = day

    # ---- Closing the episode and the allocation ------------------------------------------------

    def closure(self, story: Story, *, referral: str, on: dt.date, reason: str, crew: Crew) -> None:
        story.add(h.ClosureEvent(referral=referral, closed_on=on, reason=reason,
                                 by=crew.manager(on)))
        if story.referrals:
            story.referrals[-1][1] = on

    def allocate(self, story: Story, *, on: dt.date, team: str, worker: str = "",
                 reason: str = "") -> None:
        story.add(h.AllocationEvent(start_date=on, team=team, worker=worker, reason=reason))

    def deallocate(self, story: Story, *, on: dt.date, by: str) -> None:
        story.add(h.AllocationEndEvent(end_date=on, by=by))


class Desk:
    """The front door's staff and the conference chairs, for the writer to choose from."""

    def __init__(self, *, recorders: list[str], deciders: list[str], chairs: list[str]):
        self.recorders = recorders
        self.deciders = deciders
        self.chairs = chairs

    def recorder(self, rng: random.Random) -> str:
        return rng.choice(self.recorders)

    def decider(self, rng: random.Random) -> str:
        return rng.choice(self.deciders)

    def chair(self, rng: random.Random) -> str:
        return rng.choice(self.chairs)
