"""Which casework each synthetic child has, decided before anything is recorded.

1. Children the authority holds now get the episode that explains their team: a contact waiting
   at the front door; an assessment (sometimes an enquiry) in the assessment team; a child
   protection or child in need plan in family safeguarding (about `cp_plans_per_10k` children
   on a plan); the start of the episode, and the plan that ended when they came into care, for
   children in care; a child in need plan in the disabled children's team.
2. Children known before get the episode of their closed allocation, if it ended in the
   synthesised years (`closed_share` of them).
3. Re-referrals: some children held now were referred in the 12 months before their current
   referral, and that referral ended in no further action, until about `re_referral_share` of
   the referrals are re-referrals.
4. Short episodes (contact, referral, allocation at the front door and transfer to an
   assessment team, assessment, closure) are added on free dates of children known before,
   until there are `scale` × `referrals_per_10k` a year, and at least `short_episodes_at_least`.
5. Contacts that end at the front door (no further action, advice, early help) make the
   contacts about `contacts_per_referral` times the referrals.

Brothers and sisters share their story's dates: they are planned with the same random seed.
"""

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hearth.accounts.models import Team, User
from hearth.assessments.codes import AssessmentOutcome as Outcome
from hearth.cases.models import Allocation
from hearth.frontdoor.codes import ContactDecision as D
from hearth.frontdoor.codes import PrimaryNeed as N
from hearth.frontdoor.codes import ReasonForClosure as RC
from hearth.frontdoor.rules import is_re_referral
from hearth.people.models import Person
from hearth.people.rules import age_on
from hearth.protection.codes import PlanEndReason
from hearth.synthetic.casework_stories import Crew, Story, StoryWriter
from hearth.synthetic.staff import Organisation

if TYPE_CHECKING:
    from hearth.synthetic.casework import CaseworkSettings

S = Team.Service
DAY = dt.timedelta(days=1)
STEPPED_DOWN_PER_PLAN = 0.8  # in family safeguarding, children whose plan ended, per plan open
SHORT_EPISODE_AT_MOST = dt.timedelta(days=130)  # referral to closure, a late assessment included
SETTLING = dt.timedelta(days=14)  # room after a short episode, for a late contact decision
NEEDS = {N.N1: 55, N.N4: 14, N.N5: 12, N.N3: 5, N.N6: 5, N.N8: 4, N.N2: 3, N.N7: 2}
SKIPPED_SERVICES = (S.CARE_LEAVERS,)  # young adults: no casework synthesised


@dataclass(frozen=True)
class Period:
    team: Team
    worker: User | None
    start: dt.date
    end: dt.date | None


@dataclass
class Timeline:
    """A child's busy spans (allocations, episodes) and referral dates, to place more work."""

    busy: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    referrals: list[dt.date] = field(default_factory=list)

    def free(self, start: dt.date, end: dt.date) -> bool:
        return all(end < s - DAY or start > e + DAY for s, e in self.busy)


class CaseworkPlanner:
    def __init__(self, rng: random.Random, *, writer: StoryWriter, org: Organisation,
                 settings: "CaseworkSettings", population: int):
        self.rng = rng
        self.writer = writer
        self.org = org
        self.settings = settings
        self.population = population
        self.today = writer.today
        self.history_from = writer.history_from
        self.stories: dict[int, Story] = {}
        self.timelines: dict[int, Timeline] = defaultdict(Timeline)
        self.users = {u.pk: u for u in org.staff}
        self.assessment_teams = org.case_teams(S.ASSESSMENT) or org.case_teams()
        self.front_door = org.case_teams(S.FRONT_DOOR)

    # ---- Everything -----------------------------------------------------------------------------

    def plan(self, open_children: list[Person], closed_children: list[Person]) -> list[Story]:
        periods = self.periods_of([*open_children, *closed_children])
        self.periods = periods
        open_families = self.families(open_children, periods)
        self.cp_wanted = self.cp_plans_wanted(open_families, periods)
        for children in open_families:
            self.open_family(children, periods)
        for children in self.families(closed_children, periods):
            if self.rng.random() < self.settings.closed_share:
                self.closed_family(children, periods)
        self.add_earlier_nfa_referrals(open_children)
        self.add_short_episodes([c for c in closed_children if c.date_of_birth])
        self.add_front_door_contacts([c for c in [*open_children, *closed_children]
                                      if c.date_of_birth])
        return [s for s in self.stories.values() if s.events]

    def story(self, child: Person) -> Story:
        if child.pk not in self.stories:
            self.stories[child.pk] = Story(child)
        return self.stories[child.pk]

    def periods_of(self, children: list[Person]) -> dict[int, list[Period]]:
        """Each child's allocations, oldest first (read in one query, kept for the authority's
        own children)."""
        teams, wanted = {t.pk: t for t in self.org.teams}, {c.pk for c in children}
        rows = (Allocation.objects.order_by("child_id", "start_date", "id")
                .values_list("child_id", "team_id", "worker_id", "start_date", "end_date"))
        periods: dict[int, list[Period]] = defaultdict(list)
        for child_id, team_id, worker_id, start, end in rows:
            if child_id not in wanted:
                continue
            periods[child_id].append(Period(teams[team_id], self.users.get(worker_id), start,
                                            end))
            self.timelines[child_id].busy.append((start, end or self.today))
        return periods

    def families(self, children: list[Person],
                 periods: dict[int, list[Period]]) -> list[list[Person]]:
        """Children who share a surname and their allocations, in the order they were made."""
        grouped: dict[tuple, list[Person]] = {}
        for child in children:
            rows = periods.get(child.pk)
            if not rows or rows[-1].team.service in SKIPPED_SERVICES:
                continue
            key = (child.last_name, rows[-1].team.pk, getattr(rows[-1].worker, "pk", None),
                   rows[-1].end)
            grouped.setdefault(key, []).append(child)
        return list(grouped.values())

    def crew(self, periods: list[Period]) -> Crew:
        return Crew(tuple((p.start, self.worker_of(p), self.manager_of(p.team))
                          for p in periods))

    def worker_of(self, period: Period) -> str:
        if period.worker is not None:
            return period.worker.username
        return self.rng.choice(self.org.workers[period.team.pk]).username

    def manager_of(self, team: Team) -> str:
        return self.org.managers[team.pk].username

    def family_writer(self) -> StoryWriter:
        """The writer with a fresh random seed: call once per family, then `same_again`."""
        self.family_seed = self.rng.getrandbits(64)
        return self.same_again()

    def same_again(self) -> StoryWriter:
        self.writer.rng = random.Random(self.family_seed)
        return self.writer

    # ---- Starting an episode ------------------------------------------------------------------

    def start_episode(self, story: Story, first_day: dt.date, *, decision: str = D.REFERRAL,
                      need: str = "", lag: tuple[int, int] = (0, 3),
                      decide: bool = True) -> tuple[str, dt.date | None]:
        """A contact (now and then a direct referral) opening the episode about `first_day`."""
        w = self.writer
        born = story.child.date_of_birth
        target = first_day - dt.timedelta(days=w.rng.randint(*lag))
        if born is not None:
            target = max(target, born)
        need = need or _pick(w.rng, NEEDS)
        if decide and decision == D.REFERRAL and w.chance(0.04):
            ref, day = w.referral(story, on=target, need=need)
        else:
            ref = story.ref("r")
            day = w.contact(story, on=target, decision=decision, need=need, referral=ref,
                            decide=decide)
        if day is not None:
            story.referrals.append([day, None])
            self.timelines[story.child.pk].referrals.append(day)
        return ref, day

    # ---- Children the authority holds now -----------------------------------------------------

    def cp_plans_wanted(self, families: list[list[Person]],
                        periods: dict[int, list[Period]]) -> int:
        wanted = round(self.settings.cp_plans_per_10k * self.population / 10_000)
        safeguarding = sum(len(f) for f in families
                           if periods[f[0].pk][-1].team.service == S.SAFEGUARDING)
        self.safeguarding_left = safeguarding
        wanted = min(wanted, round(self.settings.cp_share_cap * safeguarding))
        self.stepped_down_wanted = round(STEPPED_DOWN_PER_PLAN * wanted)
        return wanted

    def open_family(self, children: list[Person], periods: dict[int, list[Period]]) -> None:
        service = periods[children[0].pk][-1].team.service
        role = self.safeguarding_role(children) if service == S.SAFEGUARDING else ""
        self.family_writer()
        for child in children:
            self.same_again()
            rows = periods[child.pk]
            story, crew = self.story(child), self.crew(rows)
            if child.date_of_birth is None:
                self.unborn_case(story, rows, crew)
            else:
                self.open_case(story, rows, crew, service, role=role)
            if story.cp_plan_open:
                self.cp_wanted -= 1

    def safeguarding_role(self, children: list[Person]) -> str:
        """On a plan now (`cp`), on a child in need plan after one (`stepped_down`), or on a
        child in need plan (`cin`), to make about the number of plans wanted."""
        left = max(1, self.safeguarding_left)
        self.safeguarding_left -= len(children)
        if not any(c.date_of_birth for c in children):
            return "cin"
        if self.rng.random() < self.cp_wanted / left:
            return "cp"
        if self.rng.random() < self.stepped_down_wanted / left:
            self.stepped_down_wanted -= len(children)
            return "stepped_down"
        return "cin"

    def open_case(self, story: Story, rows: list[Period], crew: Crew, service: str, *,
                  role: str) -> None:
        if service == S.FRONT_DOOR:
            self.front_door_case(story, rows)
        elif service == S.ASSESSMENT:
            self.assessment_case(story, rows, crew)
        elif service == S.SAFEGUARDING:
            self.safeguarding_case(story, rows, crew, role=role)
        elif service == S.CHILDREN_IN_CARE:
            self.in_care_case(story, rows, crew)
        elif service == S.DISABLED_CHILDREN:
            self.disabled_case(story, rows, crew)

    def unborn_case(self, story: Story, rows: list[Period], crew: Crew) -> None:
        """A pre-birth referral, within 40 weeks of the expected birth (CIN rule 8606): the
        assessment is under way."""
        expected = story.child.expected_date_of_birth
        first_day = rows[0].start
        if expected is not None:
            first_day = min(max(first_day, expected - dt.timedelta(weeks=38)), self.today)
        ref, day = self.start_episode(story, first_day, need=N.N1)
        if day is not None:
            self.writer.assessment(story, referral=ref, referral_date=day, crew=crew,
                                   outcome=Outcome.CIN_PLAN, keep_open=True)

    def front_door_case(self, story: Story, rows: list[Period]) -> None:
        w = self.writer
        recent = rows[0].start >= w.wd(self.today, -1)
        self.start_episode(story, rows[0].start, lag=(0, 1),
                           decide=not recent and not w.chance(0.08),
                           decision=D.STRATEGY_DISCUSSION if w.chance(0.1) else D.REFERRAL)

    def assessment_case(self, story: Story, rows: list[Period], crew: Crew) -> None:
        w = self.writer
        lag = (20, 60) if w.chance(0.2) else (0, 3)  # some waited at the front door
        strategy = w.chance(0.12)
        ref, day = self.start_episode(story, rows[0].start, lag=lag,
                                      decision=D.STRATEGY_DISCUSSION if strategy else D.REFERRAL)
        if day is None:
            return
        authorised = w.assessment(
            story, referral=ref, referral_date=day, crew=crew, keep_open=w.chance(0.75),
            outcome=Outcome.STRATEGY_DISCUSSION if strategy else Outcome.CIN_PLAN)
        if strategy:
            plan = w.enquiry(story, referral=ref, on=w.wd(day, w.rng.randint(0, 1)), crew=crew,
                             conference=w.chance(0.5), plan=w.chance(0.85))
            if plan:
                w.cp_plan(story, plan, crew=crew)
        elif authorised is not None:
            w.cin_plan(story, referral=ref, start=w.wd(authorised, w.rng.randint(1, 5)),
                       crew=crew)

    def safeguarding_case(self, story: Story, rows: list[Period], crew: Crew, *,
                          role: str) -> None:
        w = self.writer
        ref, day = self.start_episode(story, rows[0].start)
        if day is None:
            return
        if role == "cp":
            self.protected_case(story, ref, day, crew)
        elif role == "stepped_down" and (self.today - day).days > 150:
            self.stepped_down_case(story, ref, day, crew)
        else:
            authorised = w.assessment(story, referral=ref, referral_date=day, crew=crew,
                                      outcome=Outcome.CIN_PLAN)
            if authorised is not None:
                w.cin_plan(story, referral=ref, start=w.wd(authorised, w.rng.randint(1, 8)),
                           crew=crew)

    def plan_started_on(self, day: dt.date) -> dt.date:
        """When the child's current plan started: most within 9 months, a few over 2 years."""
        w = self.writer
        roll = w.rng.random()
        months = (w.rng.uniform(0.2, 9) if roll < 0.74 else w.rng.uniform(9, 24) if roll < 0.96
                  else w.rng.uniform(24, 30))
        return max(self.today - dt.timedelta(days=round(months * 30.4)), w.wd(day, 12))

    def protected_case(self, story: Story, ref: str, day: dt.date, crew: Crew) -> None:
        """On a child protection plan now; an escalation from a child in need plan when the
        plan started long after the referral."""
        w = self.writer
        discussion_on = w.wd(self.plan_started_on(day), -12)
        escalated = (discussion_on - day).days > 120
        authorised = w.assessment(
            story, referral=ref, referral_date=day, crew=crew,
            outcome=Outcome.CIN_PLAN if escalated else Outcome.STRATEGY_DISCUSSION)
        plan = w.enquiry(story, referral=ref, on=max(discussion_on, w.wd(day, 1)), crew=crew,
                         conference=True, plan=True)
        if escalated and authorised is not None:
            w.cin_plan(story, referral=ref, start=w.wd(authorised, w.rng.randint(1, 8)),
                       crew=crew, end_on=plan.start if plan else None,
                       ended_by_protection=plan is not None)
        if plan:
            w.cp_plan(story, plan, crew=crew)

    def stepped_down_case(self, story: Story, ref: str, day: dt.date, crew: Crew) -> None:
        """A child protection plan ended at a review, then a child in need plan (open now)."""
        w = self.writer
        plan = w.enquiry(story, referral=ref, on=w.wd(day, w.rng.randint(1, 6)), crew=crew,
                         conference=True, plan=True)
        w.assessment(story, referral=ref, referral_date=day, crew=crew,
                     outcome=Outcome.STRATEGY_DISCUSSION)
        if plan is None:
            return
        ended = w.cp_plan(story, plan, crew=crew, ends_at_review=w.rng.choice((1, 1, 2)))
        if ended is not None:
            w.cin_plan(story, referral=ref, start=ended, crew=crew)

    def in_care_case(self, story: Story, rows: list[Period], crew: Crew) -> None:
        """The episode began when the family was first known; a child transferred from family
        safeguarding in the synthesised years had a plan that ended when they came into care."""
        w = self.writer
        ref, day = self.start_episode(story, rows[0].start)
        if day is None:
            return
        in_care_from = rows[-1].start
        transferred = (len(rows) > 1 and in_care_from >= self.history_from
                       and (in_care_from - day).days >= 45)
        w.assessment(story, referral=ref, referral_date=day, crew=crew,
                     outcome=Outcome.STRATEGY_DISCUSSION if transferred else Outcome.CIN_PLAN)
        if not transferred:
            return
        plan = w.enquiry(story, referral=ref, on=w.wd(day, w.rng.randint(0, 2)), crew=crew,
                         conference=True, plan=True)
        if plan:
            w.cp_plan(story, plan, crew=crew, end_on=max(in_care_from, plan.start + DAY),
                      end_reason=PlanEndReason.LOOKED_AFTER)

    def disabled_case(self, story: Story, rows: list[Period], crew: Crew) -> None:
        w = self.writer
        ref, day = self.start_episode(story, rows[0].start, need=N.N2)
        if day is None:
            return
        authorised = w.assessment(story, referral=ref, referral_date=day, crew=crew,
                                  outcome=Outcome.CIN_PLAN)
        if authorised is not None:
            w.cin_plan(story, referral=ref, start=w.wd(authorised, w.rng.randint(1, 10)),
                       crew=crew)

    # ---- Children known before -----------------------------------------------------------------

    def closed_family(self, children: list[Person], periods: dict[int, list[Period]]) -> None:
        self.family_writer()
        for child in children:
            self.same_again()
            rows = periods[child.pk]
            last = rows[-1]
            if child.date_of_birth is None or last.end is None or last.end < self.history_from:
                continue
            story = self.story(child)
            self.closed_case(story, last, self.crew(rows))

    def closed_case(self, story: Story, period: Period, crew: Crew) -> None:
        w = self.writer
        ref, day = self.start_episode(story, period.start)
        if day is None:
            return
        closing = max(period.end, day)
        service = period.team.service
        if service == S.CHILDREN_IN_CARE:
            self.left_care(story, ref, day, closing, crew)
        elif service in (S.SAFEGUARDING, S.DISABLED_CHILDREN) and (closing - day).days >= 75:
            self.supported_then_closed(story, ref, day, closing, crew,
                                       protected=service == S.SAFEGUARDING and w.chance(0.5))
        else:
            self.assessed_and_closed(story, ref, day, closing, crew)

    def assessed_and_closed(self, story: Story, ref: str, day: dt.date, closing: dt.date,
                            crew: Crew, *, strategy: bool = False,
                            settle: bool = False) -> dt.date:
        """Assessed (after an enquiry with `strategy`) and closed on `closing`, or with
        `settle` a few days after the authorisation (and no later than `closing`)."""
        w = self.writer
        early_help = w.chance(0.35)
        authorised = w.assessment(
            story, referral=ref, referral_date=day, crew=crew, finish_by=closing,
            outcome=Outcome.EARLY_HELP if early_help else Outcome.NO_FURTHER_ACTION) or closing
        if strategy:  # an enquiry alongside the assessment, over by its authorisation
            w.enquiry(story, referral=ref, on=w.wd(day, w.rng.randint(0, 1)), crew=crew,
                      conference=False, plan=False, finish_by=authorised)
        if settle:
            closing = min(closing, w.wd(authorised, w.rng.randint(0, 5)))
        closing = max(closing, authorised)
        # RC8 and RC9 say only an assessment happened (CIN rule 2990): after an enquiry too,
        # the episode ended for another reason.
        reason = RC.RC7 if strategy else RC.RC9 if early_help else RC.RC8
        w.closure(story, referral=ref, on=closing, reason=reason, crew=crew)
        return closing

    def supported_then_closed(self, story: Story, ref: str, day: dt.date, closing: dt.date,
                              crew: Crew, *, protected: bool) -> None:
        w = self.writer
        authorised = w.assessment(story, referral=ref, referral_date=day, crew=crew,
                                  finish_by=closing, outcome=Outcome.CIN_PLAN) or closing
        cin_from = w.wd(authorised, w.rng.randint(1, 8))
        reason = RC.RC7
        if protected and (closing - day).days >= 150:
            plan = w.enquiry(story, referral=ref, on=w.wd(day, w.rng.randint(1, 6)), crew=crew,
                             conference=True, plan=True, finish_by=closing)
            if plan is not None:
                ended = w.cp_plan(story, plan, crew=crew, ends_at_review=1, end_on=closing,
                                  end_reason=PlanEndReason.MOVED_AWAY) or closing
                reason = RC.RC5 if ended >= closing else RC.RC7
                cin_from = ended
        w.cin_plan(story, referral=ref, start=cin_from, crew=crew, end_on=closing)
        w.closure(story, referral=ref, on=closing, reason=reason, crew=crew)

    def left_care(self, story: Story, ref: str, day: dt.date, closing: dt.date,
                  crew: Crew) -> None:
        w = self.writer
        w.assessment(story, referral=ref, referral_date=day, crew=crew, finish_by=closing,
                     outcome=Outcome.OTHER_SERVICES)
        reason = w.rng.choices((RC.RC1, RC.RC3, RC.RC4, RC.RC7, RC.RC5),
                               weights=(15, 15, 20, 40, 10))[0]
        w.closure(story, referral=ref, on=closing, reason=reason, crew=crew)

    # ---- Re-referrals: a referral that ended in no further action, months before -----------

    def add_earlier_nfa_referrals(self, open_children: list[Person]) -> None:
        """Makes about `re_referral_share` of the referrals re-referrals, cheaply: some children
        held now were referred within the 12 months before, and that referral ended in no
        further action (it holds no episode open, so needs no assessment or closure)."""
        share = self.settings.re_referral_share
        wanted = round(len(self.referrals_in_window()) * share / (1 - share))
        hosts = [c for c in open_children if self.first_referral_in_window(c) is not None]
        self.rng.shuffle(hosts)
        self.nfa_referrals = 0
        for child in hosts:
            if self.nfa_referrals >= wanted:
                return
            current = self.first_referral_in_window(child)
            day = self.writer.on_or_after(current - dt.timedelta(days=self.rng.randint(30, 330)))
            timeline = self.timelines[child.pk]
            if day < current and self.born_and_under_17(child, day) and timeline.free(day, day):
                story = self.story(child)
                story.next_group()
                self.writer.rng = self.rng
                self.writer.nfa_referral(story, on=day)
                story.referrals.append([day, day])
                timeline.referrals.append(day)
                self.nfa_referrals += 1

    def first_referral_in_window(self, child: Person) -> dt.date | None:
        story = self.stories.get(child.pk)
        if story is None or not story.referrals or child.date_of_birth is None:
            return None
        first = min(r[0] for r in story.referrals)
        return first if first >= self.history_from else None

    def born_and_under_17(self, child: Person, day: dt.date) -> bool:
        age = age_on(child.date_of_birth, day)
        return (age is not None and child.date_of_birth <= day - dt.timedelta(days=30)
                and age < 17)

    # ---- More short episodes, to the seeds' referral rate ------------------------------------

    def referrals_in_window(self) -> list[tuple[int, dt.date]]:
        return [(pk, r[0]) for pk, s in self.stories.items() for r in s.referrals
                if r[0] >= self.history_from]

    def add_short_episodes(self, candidates: list[Person]) -> None:
        years = self.settings.years
        wanted = round(self.settings.scale * self.settings.referrals_per_10k * self.population
                       / 10_000 * years)
        have = len(self.referrals_in_window())
        share = self.settings.re_referral_share
        re_wanted = max(0, round((share * have - self.nfa_referrals) / (1 - share)))
        extra = max(wanted - have, re_wanted, self.settings.short_episodes_at_least)
        referred = [c for c in candidates if self.timelines[c.pk].referrals]
        made = re_made = 0
        for _ in range(extra * 3):
            if made == extra or not candidates:
                break
            want_re = self.rng.random() < (re_wanted - re_made) / max(1, extra - made)
            placed = self.place_short_episode(referred if want_re and referred else candidates,
                                              re_referral=want_re)
            if placed is not None:
                child, new_re_referrals = placed
                made += 1
                re_made += new_re_referrals
                if not new_re_referrals:
                    referred.append(child)
        self.short_episodes, self.short_re_referrals = made, re_made

    def place_short_episode(self, candidates: list[Person], *,
                            re_referral: bool) -> tuple[Person, int] | None:
        """A short episode for one of `candidates` that fits their timeline, if one is found:
        with `re_referral`, one that makes a re-referral (of it, or of a later referral that
        it comes less than 12 months before); otherwise one that makes none. Returns the child
        and how many re-referrals it made."""
        rng = self.rng
        for _ in range(30):
            child = rng.choice(candidates)
            timeline = self.timelines[child.pk]
            start = self.short_start(timeline, re_referral=re_referral)
            if start is None:
                continue
            end = min(start + SHORT_EPISODE_AT_MOST, self.today - DAY)
            made = self.re_referrals_made(timeline, start)
            if self.fits(child, timeline, start, end) and (made > 0) == re_referral:
                timeline.busy.append((start - dt.timedelta(days=3), end + SETTLING))
                self.short_episode(child, start, end)
                return child, made
        return None

    def short_start(self, timeline: Timeline, *, re_referral: bool) -> dt.date | None:
        span = (self.today - self.history_from).days - 40
        if not re_referral:
            return self.history_from + dt.timedelta(days=self.rng.randint(0, span))
        if not timeline.referrals:
            return None
        days = self.rng.randint(60, 360)
        return self.rng.choice(timeline.referrals) + dt.timedelta(
            days=days if self.rng.random() < 0.6 else -days)

    def fits(self, child: Person, timeline: Timeline, start: dt.date, end: dt.date) -> bool:
        if not self.born_and_under_17(child, start):
            return False
        if end <= start or start > self.today - dt.timedelta(days=30) or (
                start < self.history_from):
            return False
        return timeline.free(start - dt.timedelta(days=3), end + SETTLING)

    @staticmethod
    def re_referrals_made(timeline: Timeline, start: dt.date) -> int:
        return re_referrals([*timeline.referrals, start]) - re_referrals(timeline.referrals)

    def short_episode(self, child: Person, start: dt.date, latest: dt.date) -> None:
        """Contact, referral, allocation to an assessment team, assessment, closure (within a
        few days of the assessment's authorisation, and by `latest`)."""
        w = self.writer
        w.rng = self.rng
        story = self.story(child)
        story.next_group()
        strategy = w.chance(0.12)
        ref, day = self.start_episode(story, start, lag=(0, 0),
                                      decision=D.STRATEGY_DISCUSSION if strategy else D.REFERRAL)
        if day is None:
            return
        latest = max(latest, day)
        crew = self.short_crew(story, day, latest)
        closed = self.assessed_and_closed(story, ref, day, latest, crew, strategy=strategy,
                                          settle=True)
        w.deallocate(story, on=closed, by=crew.manager(closed))

    def short_crew(self, story: Story, day: dt.date, closing: dt.date) -> Crew:
        w = self.writer
        team = self.rng.choice(self.assessment_teams)
        worker = self.rng.choice(self.org.workers[team.pk]).username
        moved = min(w.wd(day, self.rng.randint(1, 3)), closing)
        if self.front_door and moved > day:
            desk = self.rng.choice(self.front_door)
            w.allocate(story, on=day, team=desk.name, reason="Referred at the front door")
            w.allocate(story, on=moved, team=team.name, worker=worker,
                       reason="Transferred for assessment")
            return Crew(((day, worker, self.manager_of(desk)),
                         (moved, worker, self.manager_of(team))))
        w.allocate(story, on=day, team=team.name, worker=worker, reason="Allocated for assessment")
        return Crew(((day, worker, self.manager_of(team)),))

    # ---- Contacts that end at the front door ----------------------------------------------------

    def add_front_door_contacts(self, children: list[Person]) -> None:
        referrals = len(self.referrals_in_window())
        episode_contacts = sum(1 for s in self.stories.values() for _k, e in s.events
                               if e.TYPE == "contact" and e.day >= self.history_from)
        wanted = round(self.settings.contacts_per_referral * referrals) - episode_contacts
        days = (self.today - self.history_from).days
        self.writer.rng = self.rng
        for _ in range(max(0, wanted)):
            self.front_door_contact(children, self.history_from + dt.timedelta(
                days=self.rng.randint(0, days)))
        for _ in range(self.settings.contacts_waiting_today):
            self.front_door_contact(children, self.writer.wd(self.today, -self.rng.randint(0, 2)),
                                    decide=False)

    def front_door_contact(self, children: list[Person], on: dt.date, *,
                           decide: bool = True) -> None:
        for _ in range(10):
            child = self.rng.choice(children)
            age = age_on(child.date_of_birth, on)
            if child.date_of_birth <= on and age is not None and age < 18:
                break
        else:
            return
        story = self.story(child)
        story.next_group()
        decision = self.rng.choices((D.NO_FURTHER_ACTION, D.INFORMATION_AND_ADVICE,
                                     D.EARLY_HELP), weights=(30, 35, 35))[0]
        self.writer.contact(story, on=on, decision=decision, decide=decide)


def re_referrals(dates: list[dt.date]) -> int:
    """How many of these referrals are re-referrals (the front door's rule, TIMESCALES.md T03)."""
    ordered = sorted(dates)
    return sum(is_re_referral(referral_date=later, previous_referral_date=earlier)
               for earlier, later in zip(ordered, ordered[1:], strict=False))


def _pick(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]
