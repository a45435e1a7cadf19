"""After the care story: the health and education of children in care, missing episodes with
their return home interviews, and care leavers, written as case-history events
(hearth.imports.history) into the children's stories after `casework_care` has written their
periods of care, and recorded through the same runner.

What it aims at (shared/domain/KPIS.md):

- for each period of care, from its start: the initial health assessment (T33, 20 working
  days; the seeds say only "more variable", so about `iha_in_time` of them), review health
  assessments every 6 or 12 months (H-CL-09: 95.6% up to date), dental checks every 12
  months (H-CL-10: 73%), immunisations at each health assessment, SDQs every 12 months for
  children aged 4 to 16 (the 903 OC2 needs them for children looked after 12 months), and a
  PEP within 10 working days then every term for children of school age (H-CL-12: 96%), with
  a contact with the Virtual School now and then;
- missing episodes (H-MX-04: 602 episodes by 220 children a year, about 2.7 each) for about
  `missing_share_in_care` of the children in care aged 11 or more and `missing_share_in_need`
  of the other children aged 11 to 17, since `history_from`; a return home interview offered
  after 84% to 98% of them (H-MX-01), held after about 70% of the offers (H-MX-02: 63% to
  79%), 73% of those within 72 hours (H-MX-03: 71%, 74.6%), the rest declined or still open;
- care leavers (H-LC-05: 129 aged 16 to 18, 231 aged 18 to 25): every young person who left
  care at 16 or more (relevant, former relevant from 18), those still in care at 16 or 17
  (eligible), and the leaving care team's young people over 18 who left care before the
  synthesised years (former relevant from their 18th birthday). Each has a personal adviser,
  a needs assessment and a pathway plan reviewed every 6 months, contacts every 8 weeks (95%
  in touch within 8 weeks, H-LC-04) since `plans_from`, Staying Put for those who stayed with
  their carers at 18 (E17), and the 903 OC3 situation around each birthday from 17 to 21
  (about half in education, employment or training at 19 to 21, H-LC-01; most in suitable
  accommodation).

Nothing is dated after now, nothing in a period of care before it began or after it ended.
The randomness is its own (seeded from the casework's), so the care stories are the same with
or without it.
"""

import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hearth.accounts.models import Team
from hearth.health_education import rules as he
from hearth.imports import history as h
from hearth.leaving_care import rules as lc
from hearth.people.models import Person
from hearth.synthetic.casework_plan import Period
from hearth.synthetic.casework_stories import Story, StoryWriter
from hearth.workingdays.rules import LONDON, add_months, add_weeks

S = Team.Service
DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)
SCHOOLS = ("Brindlemoor Academy", "St Aidan's Primary", "Kiln Lane Primary",
           "Brindlemoor High School", "Orchard Park Academy", "Tanner's Row Primary",
           "Brindlemoor College")
CARRIED_OUT_BY = {"initial": "Looked-after children's doctor",
                  "review": "Looked-after children's nurse", "dental": "Community dental service"}
RISKS = {"cse": 8, "cce": 9, "substance_misuse": 6, "self_harm": 3, "other": 4}
ACTIVITY = {"F1": 5, "P1": 1, "F2": 22, "P2": 4, "F4": 12, "P4": 4, "F5": 3, "P5": 1,
            "G4": 8, "G5": 32, "G6": 8}  # about half EET at 19 to 21 (H-LC-01)
ACCOMMODATION = {"U": 26, "D": 18, "E": 10, "Z": 8, "B": 14, "T": 6, "K": 4, "C": 3, "W": 2,
                 "V": 2, "S": 2, "X": 2, "Y": 3}
IN_TOUCH = {"YES": 90, "NO": 4, "REFU": 3, "NREQ": 2, "RHOM": 1}


@dataclass(frozen=True)
class AftercareRates:
    iha_in_time: float = 0.6
    health_review_in_time: float = 0.95
    health_up_to_date: float = 0.956  # H-CL-09, children looked after today
    dental_up_to_date: float = 0.73  # H-CL-10
    dental_in_time: float = 0.75
    sdq_in_time: float = 0.85
    pep_in_time: float = 0.96
    missing_share_in_care: float = 0.4
    missing_share_in_need: float = 0.08
    episodes_each: float = 3.0
    interview_offered: float = 0.92
    interview_held: float = 0.7
    interview_declined: float = 0.2
    interview_in_72_hours: float = 0.73
    leaver_in_touch: float = 0.95
    pathway_review_in_time: float = 0.85
    support_to_25: float = 0.3


@dataclass
class PeriodFacts:
    ref: str
    start: dt.date
    end: dt.date | None
    end_reason: str
    by: str


class AftercarePlanner:
    """Adds the events to the stories; `counts` says what it planned (children and leavers)."""

    def __init__(self, rng: random.Random, *, writer: StoryWriter,
                 advisers: list[str],
                 rates: AftercareRates | None = None):
        self.rng = rng
        self.w = writer
        self.today = writer.today
        self.now = writer.now
        self.history_from = writer.history_from
        self.plans_from = writer.plans_from
        self.advisers = advisers
        self.rates = rates or AftercareRates()
        self.care_leavers = self.missing_children = 0

    def plan(self, open_children: Iterable[Person], periods: dict[int, list[Period]],
             stories: dict[int, Story], story_for: Callable[[Person], Story]) -> None:
        for story in list(stories.values()):
            child = story.child
            if child.date_of_birth is None:
                continue
            care = periods_of(story)
            if not care:
                continue
            story.next_group()
            for period in care:
                self.health_and_education(story, period)
            self.missing(story, care)
            self.leaver_from_care(story, care, periods.get(child.pk, []))
        for child in open_children:
            rows = periods.get(child.pk)
            if not rows or child.date_of_birth is None or (
                    child.pk in stories and periods_of(stories[child.pk])):
                continue
            if rows[-1].team.service == S.CARE_LEAVERS:
                self.leaver_before_history(child, rows, story_for)
            elif 11 <= _age(child, self.today) <= 17 and \
                    self.rng.random() < self.rates.missing_share_in_need:
                story = story_for(child)
                story.next_group()
                self.episodes(story, max(self.history_from, _birthday(child, 10)), None,
                              by=rows[-1].worker.username if rows[-1].worker else "")

    # ---- Health and education ----------------------------------------------------------------

    def health_and_education(self, story: Story, period: PeriodFacts) -> None:
        last = period.end - DAY if period.end else self.today
        if last < period.start:
            return
        child, rng, r = story.child, self.rng, self.rates
        # the initial health assessment, then reviews on their clock
        due = self.w.wd(period.start, he.IHA_WORKING_DAYS)
        day = self._on_clock(due, r.iha_in_time, early=15, late=40, after=period.start)
        done: list[tuple[dt.date, dt.date]] = []  # (due, done on)
        while day <= last:
            done.append((due, day))
            due = he.review_health_assessment_due_on(date_of_birth=child.date_of_birth,
                                                     last_assessed_on=day)
            day = self._on_clock(due, r.health_review_in_time, early=30, late=60, after=day)
        for number, (_due, day) in enumerate(self._up_to_date(
                done, period, r.health_up_to_date, keep_first=True)):
            self._health(story, period, "initial" if number == 0 else "review", day)
            if rng.random() < 0.6:
                story.add(h.ImmunisationsEvent(period=period.ref, as_at=day,
                                               up_to_date=rng.random() < 0.9, by=period.by))
        # dental checks every 12 months
        due = he.dental_due_on(started_on=period.start, last_checked_on=None)
        day = self._on_clock(due, r.dental_in_time, early=150, late=90, after=period.start)
        done = []
        while day <= last:
            done.append((due, day))
            due = he.dental_due_on(started_on=period.start, last_checked_on=day)
            day = self._on_clock(due, r.dental_in_time, early=60, late=90, after=day)
        for _due, day in self._up_to_date(done, period, r.dental_up_to_date):
            self._health(story, period, "dental", day)
        self.sdqs(story, period, last)
        self.peps(story, period, last)

    def _health(self, story: Story, period: PeriodFacts, kind: str, day: dt.date) -> None:
        story.add(h.HealthCheckEvent(period=period.ref, kind=kind, done_on=day,
                                     carried_out_by=CARRIED_OUT_BY[kind], by=period.by))

    def _yearly_sdqs(self, story: Story, period: PeriodFacts, last: dt.date,
                     done: list[dt.date]) -> None:
        dob, previous = story.child.date_of_birth, None
        while True:
            due = he.sdq_due_on(date_of_birth=dob, started_on=period.start,
                                last_completed_on=previous)
            if due is None:
                return
            day = self._on_clock(due, self.rates.sdq_in_time, early=40, late=60,
                                 after=previous or period.start)
            # Late, but within the collection year it was due in: a year without an SDQ for a
            # child looked after all year is a 903 error (rule 186), not lateness.
            day = min(day, _collection_year_end(due))
            if day > last or not he.sdq_age_applies(date_of_birth=dob, completed_on=day):
                return
            refused = self.rng.random() < 0.05
            score = None if refused else max(0, min(40, round(self.rng.gauss(14, 6))))
            story.add(h.SdqEvent(period=period.ref, completed_on=day, score=score,
                                 reason=self.rng.choice(["SDQ2", "SDQ5"]) if refused else "",
                                 by=period.by))
            done.append(day)
            previous = day

    def sdqs(self, story: Story, period: PeriodFacts, last: dt.date) -> None:
        done: list[dt.date] = []
        self._yearly_sdqs(story, period, last, done)
        self._too_young_or_old(story, period, last, done)

    def _too_young_or_old(self, story: Story, period: PeriodFacts, last: dt.date,
                          done: list[dt.date]) -> None:
        """In the collection year a child looked after all year turns 4 or 17, the 903 asks
        for a score or the reason there is none (rule 197B): where no SDQ fell in that year,
        the worker records SDQ1 (under 4, or over 16, on the day)."""
        for age, step in ((4, -1), (17, 1)):
            birthday = _birthday(story.child, age)
            year_start = dt.date(birthday.year - (birthday.month < 4), 4, 1)
            year_end = dt.date(year_start.year + 1, 3, 31)
            if period.start > year_start or any(year_start <= d <= year_end for d in done):
                continue
            day = birthday + dt.timedelta(days=step * self.rng.randint(1, 20))
            day = min(max(day, year_start, period.start), year_end)
            if day > last or he.sdq_age_applies(date_of_birth=story.child.date_of_birth,
                                                completed_on=day):
                continue
            story.add(h.SdqEvent(period=period.ref, completed_on=day, score=None,
                                 reason="SDQ1", by=period.by))

    def peps(self, story: Story, period: PeriodFacts, last: dt.date) -> None:
        dob, rng, previous = story.child.date_of_birth, self.rng, None
        school = rng.choice(SCHOOLS)
        calendar = self.w.calendar
        while True:
            due = he.pep_due_on(date_of_birth=dob, started_on=period.start,
                                last_held_on=previous, calendar=calendar)
            if due is None:
                return
            if previous is None:
                day = self._on_clock(due, self.rates.pep_in_time, early=7, late=30,
                                     after=period.start)
            else:
                term_start = he.term_end_on_or_after(previous) + DAY
                day = self._on_clock(due, self.rates.pep_in_time,
                                     early=max(1, (due - term_start).days - 5), late=40,
                                     after=previous)
            if day > last:
                return
            story.add(h.PepEvent(period=period.ref, held_on=day, school=school,
                                 chaired_by_child=_age(story.child, day) >= 14
                                 and rng.random() < 0.2,
                                 virtual_school_attended=rng.random() < 0.5, by=period.by))
            if rng.random() < 0.2:
                story.add(h.EducationContactEvent(
                    period=period.ref, kind=rng.choice(["school", "virtual_school"]),
                    contacted_on=day, contact_name="Designated teacher", by=period.by))
            previous = day

    def _up_to_date(self, done: list[tuple[dt.date, dt.date]], period: PeriodFacts,
                    share: float, *, keep_first: bool = False) -> list[tuple[dt.date, dt.date]]:
        """For a child looked after today, `share` of clocks up to date (the seeds' snapshot
        figures): for the rest the checks stop before one that fell due a while ago, so that
        one is overdue now."""
        if period.end is not None or self.rng.random() < share or len(done) < 2:
            return done
        cutoff = self.today - dt.timedelta(days=self.rng.randint(1, 90))
        overdue = [i for i, (due, _day) in enumerate(done) if due <= cutoff]
        if not overdue or (keep_first and overdue[-1] == 0):
            return done
        return done[:overdue[-1]]

    def _on_clock(self, due: dt.date, in_time: float, *, early: int, late: int,
                  after: dt.date) -> dt.date:
        """A day on or before `due` (mostly) or after it, and after `after`."""
        if self.rng.random() < in_time:
            day = due - dt.timedelta(days=self.rng.randint(0, max(0, early)))
        else:
            day = due + dt.timedelta(days=self.rng.randint(1, late))
        return max(day, after + DAY)

    # ---- Missing episodes --------------------------------------------------------------------

    def missing(self, story: Story, care: list[PeriodFacts]) -> None:
        period = care[-1]
        child = story.child
        since = max(period.start, self.history_from, _birthday(child, 11))
        until = period.end - DAY if period.end else self.today
        if until <= since or self.rng.random() >= self.rates.missing_share_in_care:
            return
        self.episodes(story, since, period.end, by=period.by)

    def episodes(self, story: Story, since: dt.date, before: dt.date | None, *,
                 by: str) -> None:
        rng, r = self.rng, self.rates
        end = min(self.now - 4 * HOUR, _moment(before) - HOUR) if before else \
            self.now - 4 * HOUR
        start = _moment(since) + HOUR * rng.randint(8, 20)
        if start >= end:
            return
        count = 1 + int(rng.expovariate(1 / (r.episodes_each - 1)))
        span = (end - start).total_seconds()
        starts = sorted(start + dt.timedelta(seconds=rng.uniform(0, span)) for _ in range(count))
        previous_return = start - HOUR
        self.missing_children += 1
        for began in starts:
            began = max(began, previous_return + 2 * HOUR)
            returned = began + dt.timedelta(hours=max(1.0, rng.lognormvariate(2.3, 1.0)))
            if returned >= end:
                return
            ref = story.ref("mis")
            separate = rng.random() < 0.15
            story.add(h.MissingEpisodeEvent(
                ref=ref, kind="M" if rng.random() < 0.7 else "A", started_at=began,
                reported_to_police=rng.random() < 0.8,
                risks=tuple(sorted({_pick(rng, RISKS)})) if rng.random() < 0.3 else (),
                returned_at=None if separate else returned, by=by))
            if separate:
                story.add(h.MissingReturnEvent(episode=ref, returned_at=returned, by=by))
            self.interview(story, ref, returned, by=by)
            previous_return = returned

    def interview(self, story: Story, ref: str, returned: dt.datetime, *, by: str) -> None:
        rng, r = self.rng, self.rates
        if rng.random() >= r.interview_offered:
            return
        offered = returned + HOUR * rng.uniform(2, 60)
        if offered >= self.now:
            return
        outcome = rng.random()
        accepted = outcome < r.interview_held
        story.add(h.ReturnInterviewOfferEvent(episode=ref, offered_at=offered,
                                              accepted=accepted, by=by))
        if accepted:
            within = rng.random() < r.interview_in_72_hours
            held = (returned + HOUR * rng.uniform(1, 71)) if within else (
                returned + HOUR * rng.uniform(73, 240))
            held = max(held, offered + HOUR)
            if held < self.now:
                story.add(h.ReturnInterviewEvent(
                    episode=ref, held_at=held, conducted_by="Return home interview worker",
                    independent=rng.random() < 0.8, seen_alone=rng.random() < 0.85, by=by))
        elif outcome < r.interview_held + r.interview_declined:
            declined = offered.astimezone(LONDON).date()
            story.add(h.ReturnInterviewDeclinedEvent(episode=ref, declined_on=declined, by=by),
                      day=declined)

    # ---- Care leavers ------------------------------------------------------------------------

    def leaver_from_care(self, story: Story, care: list[PeriodFacts],
                         rows: list[Period]) -> None:
        period, child = care[-1], story.child
        adviser = self.adviser(rows)
        sixteenth, eighteenth = _birthday(child, 16), _birthday(child, 18)
        if period.end is None:
            applies = max(sixteenth, period.start)
            if applies > self.today or _age(child, self.today) >= 18:
                return
            self.leaver(story, "eligible", applies, None, adviser, period)
        elif period.end >= sixteenth:
            category = "former_relevant" if period.end >= eighteenth else "relevant"
            self.leaver(story, category, period.end, period.end, adviser, period)

    def leaver_before_history(self, child: Person, rows: list[Period],
                              story_for: Callable[[Person], Story]) -> None:
        """A young person of the leaving care team who left care before the years the
        casework covers: at 18 (former relevant from then), or at 16 or 17 (relevant)."""
        sixteenth, eighteenth = _birthday(child, 16), _birthday(child, 18)
        adviser = self.adviser(rows)
        age = _age(child, self.today)
        if sixteenth > self.today or age >= 25 or adviser is None:
            return
        story = story_for(child)
        story.next_group()
        if age >= 18:
            self.leaver(story, "former_relevant", eighteenth, eighteenth, adviser, None)
            return
        left = sixteenth + dt.timedelta(days=self.rng.randint(0, (self.today - sixteenth).days))
        self.leaver(story, "relevant", left, left, adviser, None)

    def adviser(self, rows: list[Period]) -> str | None:
        """The young person's worker in the leaving care team, or one of that team's."""
        for row in reversed(rows):
            if row.team.service == S.CARE_LEAVERS and row.worker is not None:
                return row.worker.username
        return self.rng.choice(self.advisers) if self.advisers else None

    def leaver(self, story: Story, category: str, applies: dt.date, left: dt.date | None,
               adviser: str | None, period: PeriodFacts | None) -> None:
        """A care leaver's record and work; with no adviser to allocate (no leaving care team)
        the allocation clock is left running and the child's social worker keeps in touch."""
        rng, today = self.rng, self.today
        self.care_leavers += 1
        at_once = adviser is not None and rng.random() < 0.85
        by = adviser or (period.by if period else "")
        story.add(h.CareLeaverEvent(ref="cl", category=category, applies_from=applies,
                                    left_care_on=left, personal_adviser=adviser if at_once
                                    else "", by=by))
        if adviser is not None and not at_once:
            story.add(h.PersonalAdviserEvent(care_leaver="cl", adviser=adviser, by=by,
                                             allocated_on=min(today, applies + dt.timedelta(
                                                 days=rng.randint(5, 60)))))
        self.leaver_work(story, category, applies, left, by, period)

    def leaver_work(self, story: Story, category: str, applies: dt.date, left: dt.date | None,
                    adviser: str, period: PeriodFacts | None) -> None:
        rng, r, child, today = self.rng, self.rates, story.child, self.today
        eighteenth = _birthday(child, 18)
        if category == "relevant" and eighteenth <= today:
            story.add(h.CareLeaverCategoryEvent(care_leaver="cl", category="former_relevant",
                                                applies_from=eighteenth, left_care_on=left,
                                                by=adviser))
        assessed = min(today, applies + dt.timedelta(days=rng.randint(0, 60)))
        story.add(h.NeedsAssessmentEvent(care_leaver="cl", completed_on=assessed, by=adviser))
        agreed = min(today, assessed + dt.timedelta(days=rng.randint(0, 25)))
        story.add(h.PathwayPlanEvent(care_leaver="cl", agreed_on=agreed, by=adviser))
        to_25 = None
        twenty_first = _birthday(child, 21)
        if twenty_first <= today and left is not None and rng.random() < r.support_to_25:
            to_25 = max(applies, eighteenth, twenty_first - dt.timedelta(
                days=rng.randint(0, 60)))
            story.add(h.SupportTo25Event(care_leaver="cl", requested_on=to_25, by=adviser))
        active_until = min(today, _birthday(child, 25 if to_25 else 21) - DAY)
        self.reviews_and_contacts(story, applies, agreed, active_until, adviser)
        self.situations(story, applies, adviser)
        if (period is not None and period.end_reason == "E17" and left is not None
                and left >= eighteenth):
            ended = left + dt.timedelta(days=rng.randint(180, 1000))
            story.add(h.StayingPutStartEvent(care_leaver="cl", carers="Former foster carers",
                                             started_on=left, by=adviser))
            if ended <= today:
                story.add(h.StayingPutEndEvent(care_leaver="cl", ended_on=ended, by=adviser))
        if left is not None and rng.random() < 0.4:
            offered = min(today, max(applies, eighteenth) + dt.timedelta(
                days=rng.randint(30, 400)))
            if offered >= applies:
                story.add(h.EntitlementOfferEvent(
                    care_leaver="cl", kind=_pick(rng, {"setting_up_home": 60, "travel": 15,
                                                       "council_tax": 15, "leisure_pass": 10}),
                    offered_on=offered, taken_up=rng.random() < 0.85, by=adviser))

    def reviews_and_contacts(self, story: Story, applies: dt.date, agreed: dt.date,
                             active_until: dt.date, adviser: str) -> None:
        rng, r = self.rng, self.rates
        # pathway plan reviews every 6 months
        reviewed = agreed
        while True:
            due = add_months(reviewed, lc.PATHWAY_REVIEW_EVERY_MONTHS)
            day = self._on_clock(due, r.pathway_review_in_time, early=30, late=60,
                                 after=reviewed)
            if day > active_until:
                break
            story.add(h.PathwayPlanReviewEvent(care_leaver="cl", reviewed_on=day, by=adviser))
            reviewed = day
        # contacts every 8 weeks, since plans_from
        day = max(applies, self.plans_from) + dt.timedelta(days=rng.randint(0, 20))
        while day <= active_until:
            reached = rng.random() < 0.9
            story.add(h.CareLeaverContactEvent(
                care_leaver="cl", contact_on=day, kind=_pick(rng, {"visit": 50, "phone": 30,
                                                                   "video": 5, "message": 15}),
                in_touch=reached, made_by=adviser, by=adviser))
            gap = add_weeks(day, lc.CONTACT_EVERY_WEEKS) - day
            day = day + (gap - dt.timedelta(days=rng.randint(0, 14)) if rng.random()
                         < r.leaver_in_touch else gap + dt.timedelta(days=rng.randint(1, 30)))
            day = day if reached else day - dt.timedelta(days=rng.randint(3, 20))
            day = max(day, applies)

    def situations(self, story: Story, applies: dt.date, adviser: str) -> None:
        """The 903 OC3 situation around each birthday from 17 to 21."""
        rng = self.rng
        for age in range(17, 22):
            birthday = _birthday(story.child, age)
            if birthday + dt.timedelta(days=30) < applies:
                continue
            as_at = max(applies, birthday + dt.timedelta(days=rng.randint(-30, 30)))
            if as_at > self.today:
                return
            in_touch = _pick(rng, IN_TOUCH)
            activity = accommodation = ""
            suitable = None
            if in_touch == "YES":
                activity = _pick(rng, ACTIVITY)
                accommodation = _pick(rng, ACCOMMODATION)
                suitable = accommodation not in ("S", "X") and rng.random() < 0.92
            story.add(h.CareLeaverSituationEvent(
                care_leaver="cl", as_at=as_at, in_touch=in_touch, activity=activity,
                accommodation=accommodation, accommodation_suitable=suitable, by=adviser))


# ---- Helpers ------------------------------------------------------------------------------------


def periods_of(story: Story) -> list[PeriodFacts]:
    """The periods of care in the story, from its care events, in order."""
    found: dict[str, PeriodFacts] = {}
    for _key, event in sorted(story.events, key=lambda item: item[0]):
        if isinstance(event, h.CareStartEvent):
            found[event.ref] = PeriodFacts(event.ref, event.started_on, None, "", event.by)
        elif isinstance(event, h.CareEndEvent) and event.period in found:
            found[event.period].end = event.ended_on
            found[event.period].end_reason = event.reason
    return list(found.values())


def _birthday(child: Person, years: int) -> dt.date:
    return lc.birthday(child.date_of_birth, years)


def _age(child: Person, on: dt.date) -> int:
    return lc.age_on(child.date_of_birth, on)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), LONDON)


def _pick(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def _collection_year_end(day: dt.date) -> dt.date:
    """31 March at the end of the DfE collection year (April to March) holding `day`."""
    return dt.date(day.year + (day.month >= 4), 3, 31)
