"""The indicator library: every indicator Hearth reports, defined once (KPIS.md).

An indicator with a `calculation` is computed from the records; one without is entered by hand
for each period (figures another service holds, such as 16 to 18 year olds not in education,
employment or training). Targets are time-bounded so a stepped profile ("75% by April, 80% by
June, 85% by August") is a list of dated targets; benchmarks carry their source and year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from hearth.performance import calculations as calc
from hearth.performance import scorecard as sc
from hearth.performance.periods import MONTH, QUARTER

OPPORTUNITY = "Borough of opportunity"
SAFE_AND_HEALTHY = "Safe & healthy"


@dataclass(frozen=True)
class Target:
    value: Decimal
    applies_from: dt.date = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class Benchmark:
    value: Decimal | None
    source: str
    year: str = ""

    def shown(self, unit: str) -> str:
        """'70 Top Quartile LAIT Annual Figure', '2.2% West Midlands regional data'."""
        if self.value is None:
            return self.source
        places = 0 if self.value == self.value.to_integral_value() else 1
        return f"{sc.shown(self.value, unit, places)} {self.source}"


@dataclass(frozen=True)
class Indicator:
    code: str
    title: str
    area: str
    unit: str
    polarity: str
    numerator: str
    denominator: str
    priority: str = SAFE_AND_HEALTHY
    corporate: bool = False  # on the corporate scorecard the committee receives
    frequency: str = QUARTER
    targets: tuple[Target, ...] = ()
    tolerance: Decimal = Decimal(0)
    concern_below: Decimal | None = None  # a band's floor: lower than this is questioned too
    benchmarks: tuple[Benchmark, ...] = ()
    small_number: int = 20  # a denominator below this gets a warning
    places: int = 1
    calculation: object | None = None
    source: str = ""  # where the definition comes from

    @property
    def is_computed(self) -> bool:
        return self.calculation is not None

    @property
    def by_team(self) -> bool:
        """Whether the figure splits by the team that held each child (rates on the whole
        population and workforce figures do not)."""
        return hasattr(self.calculation, "by_group")

    def target_on(self, day: dt.date) -> Decimal | None:
        applying = [t for t in self.targets if t.applies_from <= day]
        return max(applying, key=lambda t: t.applies_from).value if applying else None

    def benchmark(self) -> str:
        return ("; ".join(b.shown(self.unit) for b in self.benchmarks)
                or "No benchmark recorded")


# --- The rows each computed indicator counts -------------------------------------------------

def _local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def contacts_decided(start, end):
    """Contacts decided in the span (the London day of the decision, worked out by the
    database), and whether by their due day: the next working day."""
    from django.db.models.functions import TruncDate

    from hearth.frontdoor.models import Contact
    rows = (Contact.objects.filter(decided_at__isnull=False)
            .annotate(decided_on=TruncDate("decided_at"))
            .filter(decided_on__range=(start, end))
            .values_list("child_id", "decided_on", "decision_due_on"))
    for child_id, day, due_on in rows.iterator(chunk_size=5000):
        yield child_id, day, day <= due_on


def referrals(start, end):
    from hearth.frontdoor.models import Referral
    yield from (Referral.objects.filter(referral_date__range=(start, end))
                .values_list("child_id", "referral_date").iterator(chunk_size=5000))


def referrals_repeat(start, end):
    from hearth.frontdoor.models import Referral
    rows = (Referral.objects.filter(referral_date__range=(start, end))
            .values_list("child_id", "referral_date", "previous_referral__referral_date"))
    for child_id, day, previous in rows.iterator(chunk_size=5000):
        within = previous is not None and previous > _year_before(day)
        yield child_id, day, within


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _on_time(model: str, *, day_field: str, child_field: str = "child_id", **filters):
    """Records of `model` whose `day_field` falls in the span (held, authorised, done), and
    whether that day was on or before their `due_on`."""
    def rows(start, end):
        from django.apps import apps
        records = (apps.get_model(model).objects
                   .filter(**filters, **{f"{day_field}__range": (start, end)})
                   .values_list(child_field, day_field, "due_on"))
        for child_id, day, due_on in records.iterator(chunk_size=5000):
            yield child_id, day, day <= due_on
    return rows


def _open_between(model: str, *, start_field: str, end_field: str):
    """Records of `model` open at some time in the span: (child, start, end or None)."""
    def intervals(start, end):
        from django.apps import apps
        yield from (apps.get_model(model).objects
                    .filter(**{f"{start_field}__lte": end})
                    .filter(Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__gte": start}))
                    .values_list("child_id", start_field, end_field).iterator(chunk_size=5000))
    return intervals


assessments_authorised = _on_time("assessments.Assessment", day_field="authorised_on",
                                  kind="new")
core_groups = _on_time("protection.CoreGroup", day_field="held_on")
cla_reviews = _on_time("care.CareReview", day_field="held_on", child_field="period__child_id")
cp_plans_open = _open_between("protection.ChildProtectionPlan", start_field="start_date",
                              end_field="end_date")
looked_after = _open_between("care.CarePeriod", start_field="started_on",
                             end_field="ended_on")


def conferences(kind: str):
    return _on_time("protection.Conference", day_field="held_on", kind=kind)


def tasks_done(kind: str):
    """Statutory tasks of `kind` done in the span (not cancelled): a visit or review held in
    time is its task closed on or before the day it was due."""
    return _on_time("cases.StatutoryTask", day_field="closed_on", kind=kind, cancelled=False)


def assessment_working_days(start, end):
    from hearth.assessments.models import Assessment
    from hearth.workingdays.selectors import calendar_for
    rows = list(Assessment.objects.filter(authorised_on__range=(start, end))
                .values_list("child_id", "authorised_on", "started_on"))
    if not rows:
        return
    calendar = calendar_for(min(r[2] for r in rows).year - 1, end.year + 1)
    for child_id, day, started_on in rows:
        yield child_id, day, Decimal(calendar.working_days_between(started_on, day))


def cp_plans_started(start, end):
    """Plans starting in the span, and whether the child had a plan before (a second or
    subsequent plan, at any time)."""
    from hearth.protection.models import ChildProtectionPlan
    started = list(ChildProtectionPlan.objects.filter(start_date__range=(start, end))
                   .values_list("child_id", "start_date"))
    children = {child_id for child_id, _ in started}
    first_plan = {}
    for child_id, day in (ChildProtectionPlan.objects.filter(child_id__in=children)
                          .values_list("child_id", "start_date")):
        first_plan[child_id] = min(day, first_plan.get(child_id, day))
    for child_id, day in started:
        yield child_id, day, first_plan[child_id] < day


def cla_review_participation(start, end):
    """Reviews of children aged 4 or over (PN0 is 'under 4'), and whether the child took part:
    attended, or conveyed their views (PN1 to PN6)."""
    from hearth.care.codes import Participation
    from hearth.care.models import CareReview
    held = (CareReview.objects.filter(held_on__range=(start, end))
            .exclude(participation=Participation.PN0)
            .values_list("period__child_id", "held_on", "participation"))
    for child_id, day, code in held.iterator(chunk_size=5000):
        yield child_id, day, code != Participation.PN7


def iro_allocations(start, end):
    from hearth.care.models import CarePeriod
    started = (CarePeriod.objects.filter(started_on__range=(start, end))
               .values_list("child_id", "started_on", "iro_allocated_on", "iro_due_at"))
    for child_id, day, allocated_on, due_at in started.iterator(chunk_size=5000):
        yield child_id, day, allocated_on is not None and allocated_on <= _local_date(due_at)


def return_interviews(start, end):
    """Returns in the span, and whether the return home interview was held within 72 hours."""
    from hearth.missing.codes import InterviewOutcome
    from hearth.missing.models import MissingEpisode
    returned = (MissingEpisode.objects.filter(returned_on__range=(start, end))
                .values_list("child_id", "returned_on", "interview_due_at",
                             "interview__outcome", "interview__held_at"))
    for child_id, day, due_at, outcome, held_at in returned.iterator(chunk_size=5000):
        held_in_time = (outcome == InterviewOutcome.HELD and held_at is not None
                        and due_at is not None and held_at <= due_at)
        yield child_id, day, held_in_time


@dataclass(frozen=True)
class LeaverFacts:
    born: dt.date | None
    became_on: dt.date
    left_care_on: dt.date | None
    support_to_25: bool
    contacts: tuple[dt.date, ...]  # days they were reached
    situations: tuple[tuple[dt.date, str, str, bool | None], ...]  # as at, in touch, activity,
    #                                                                 accommodation suitable
    plan_updates: tuple[dt.date, ...]  # pathway plan agreed and reviewed


def care_leavers(start, end):
    """Every care leaver record begun by the span's end, with the facts the care leaver
    indicators read (one query per table)."""
    from hearth.leaving_care.models import CareLeaver, Contact, PathwayPlan, Situation

    leavers = list(CareLeaver.objects.filter(became_care_leaver_on__lte=end).values_list(
        "pk", "child_id", "child__date_of_birth", "became_care_leaver_on", "left_care_on",
        "support_to_25_requested_on"))
    ids = [row[0] for row in leavers]
    contacts, situations, plans = {}, {}, {}
    for leaver, day in (Contact.objects.filter(care_leaver__in=ids, in_touch=True,
                                               contact_on__lte=end)
                        .values_list("care_leaver_id", "contact_on")):
        contacts.setdefault(leaver, []).append(day)
    for leaver, *facts in (Situation.objects.filter(care_leaver__in=ids, as_at__lte=end)
                           .order_by("as_at", "id")
                           .values_list("care_leaver_id", "as_at", "in_touch", "activity",
                                        "accommodation_suitable")):
        situations.setdefault(leaver, []).append(tuple(facts))
    for leaver, agreed, reviewed in (PathwayPlan.objects.filter(care_leaver__in=ids)
                                     .values_list("care_leaver_id", "agreed_on",
                                                  "reviews__reviewed_on")):
        plans.setdefault(leaver, set()).update(d for d in (agreed, reviewed) if d)
    for pk, child_id, born, became_on, left_on, to_25 in leavers:
        yield child_id, LeaverFacts(born, became_on, left_on, to_25 is not None,
                                    tuple(sorted(contacts.get(pk, ()))),
                                    tuple(situations.get(pk, ())),
                                    tuple(sorted(plans.get(pk, ()))))


def _age_on(born: dt.date | None, day: dt.date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _supported_leaver(facts: LeaverFacts, day: dt.date) -> bool:
    """Had left care by `day` and is still owed support: under 21, or under 25 on request."""
    age = _age_on(facts.born, day)
    return (facts.left_care_on is not None and facts.left_care_on <= day and age is not None
            and age < (25 if facts.support_to_25 else 21))


def _latest_situation(facts: LeaverFacts, day: dt.date):
    known = [s for s in facts.situations if s[0] <= day]
    return known[-1] if known else None


def contacted_in_8_weeks(facts: LeaverFacts, day: dt.date) -> bool | None:
    if not _supported_leaver(facts, day):
        return None
    return any(day - dt.timedelta(weeks=8) < contact <= day for contact in facts.contacts)


def in_suitable_accommodation(facts: LeaverFacts, day: dt.date) -> bool | None:
    if not _supported_leaver(facts, day):
        return None
    situation = _latest_situation(facts, day)
    return bool(situation and situation[3] is True)


def in_eet_aged_19_to_21(facts: LeaverFacts, day: dt.date) -> bool | None:
    from hearth.leaving_care.codes import IN_EDUCATION_EMPLOYMENT_OR_TRAINING

    age = _age_on(facts.born, day)
    if not _supported_leaver(facts, day) or age is None or not 19 <= age <= 21:
        return None
    situation = _latest_situation(facts, day)
    return bool(situation and situation[2] in IN_EDUCATION_EMPLOYMENT_OR_TRAINING)


def pathway_plan_in_6_months(facts: LeaverFacts, day: dt.date) -> bool | None:
    """CLA20: looked-after young people 16 and over (a care leaver record begun, not yet left
    care), with a pathway plan agreed or reviewed in the last 6 months."""
    if facts.became_on > day or (facts.left_care_on is not None and facts.left_care_on <= day):
        return None
    return any(_months_before(day, 6) <= update <= day for update in facts.plan_updates)


def _months_before(day: dt.date, months: int) -> dt.date:
    from hearth.workingdays.rules import add_months

    return add_months(day, -months)


def _workforce(name: str):
    def figure(day):
        from hearth.workforce import indicators as workforce
        return getattr(workforce, name)(day)
    figure.__name__ = name
    return figure


@dataclass(frozen=True)
class CareFacts:
    started_on: dt.date
    ended_on: dt.date | None
    placement_starts: tuple[dt.date, ...]  # each placement's first day in the period of care


def care_periods_with_placements(start, end):
    """Periods of care open in the span, with the first day of each placement (an episode
    that changes only the legal status, reason L, is the same placement)."""
    from hearth.care.models import CareEpisode, CarePeriod

    periods = list(CarePeriod.objects.filter(started_on__lte=end)
                   .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
                   .values_list("pk", "child_id", "started_on", "ended_on"))
    starts: dict[int, list[dt.date]] = {}
    for period_id, day in (CareEpisode.objects.filter(period__in=[row[0] for row in periods])
                           .exclude(reason_new_episode="L")
                           .values_list("period_id", "started_on")):
        starts.setdefault(period_id, []).append(day)
    for pk, child_id, started_on, ended_on in periods:
        yield child_id, CareFacts(started_on, ended_on, tuple(sorted(starts.get(pk, ()))))


def three_or_more_placements(facts: CareFacts, day: dt.date) -> bool | None:
    """Looked after on `day`, and in 3 or more placements in the 12 months to it (the one
    they were in when the year began, or came into care with, and each move since)."""
    if facts.started_on > day or (facts.ended_on is not None and facts.ended_on < day):
        return None
    year_ago = _year_before(day)
    placements = [start for start in facts.placement_starts if start <= day]
    moves = sum(1 for start in placements if start > year_ago)
    return moves + (1 if any(start <= year_ago for start in placements) else 0) >= 3


def proceedings_weeks(start, end):
    """Care proceedings concluded in the span, with their length in weeks from issue."""
    from hearth.court.models import LegalCase
    rows = (LegalCase.objects.filter(issued_on__isnull=False,
                                     final_order_on__range=(start, end))
            .values_list("lead_child_id", "final_order_on", "issued_on"))
    for child_id, day, issued_on in rows.iterator(chunk_size=5000):
        yield child_id, day, Decimal((day - issued_on).days) / 7


def return_interview_offers(start, end):
    """Returns in the span, and whether a return home interview was offered within 72 hours."""
    from django.db.models import Min

    from hearth.missing.models import MissingEpisode
    returned = (MissingEpisode.objects.filter(returned_on__range=(start, end))
                .annotate(first_offer=Min("interview_offers__offered_at"))
                .values_list("child_id", "returned_on", "interview_due_at", "first_offer"))
    for child_id, day, due_at, first_offer in returned.iterator(chunk_size=5000):
        yield child_id, day, (first_offer is not None and due_at is not None
                              and first_offer <= due_at)


def _open_two_years(start: dt.date, day: dt.date) -> bool:
    return start <= _year_before(_year_before(day))


def proceedings_concluded(start, end):
    """Care proceedings concluded in the span, and whether within 26 weeks of issue."""
    from hearth.court.models import LegalCase
    rows = (LegalCase.objects.filter(issued_on__isnull=False,
                                     final_order_on__range=(start, end))
            .values_list("lead_child_id", "final_order_on", "issued_on"))
    for child_id, day, issued_on in rows.iterator(chunk_size=5000):
        yield child_id, day, (day - issued_on).days <= 26 * 7


def _t(value, applies_from=None) -> Target:
    return Target(Decimal(value), applies_from or dt.date(2000, 1, 1))


LIBRARY: dict[str, Indicator] = {i.code: i for i in [
    Indicator(
        "PI.120", "16- to 18-year-olds who are not in education, employment or training (NEET)",
        "Education", sc.PERCENT, sc.LOWER, "16 to 18 year olds NEET (from the careers service)",
        "16 to 18 year olds known to the authority", priority=OPPORTUNITY, corporate=True,
        targets=(_t("2.8"),), tolerance=Decimal("0.5"),
        benchmarks=(Benchmark(Decimal("2.2"), "West Midlands regional data", "2023"),),
        source="seeds/001_e8ea781e93d1811d.txt line 437"),
    Indicator(
        "PI.1447", "% of agency social workers (children's)", "Workforce", sc.PERCENT, sc.LOWER,
        "Agency social worker FTE in post", "Social worker FTE in post", corporate=True,
        targets=(_t("15"),), tolerance=Decimal("5"),
        benchmarks=(Benchmark(Decimal("17.6"), "Top Quartile LAIT Annual Figure", "2023"),),
        calculation=calc.AtDate(_workforce("agency_share")),
        source="seeds/001_e8ea781e93d1811d.txt line 438"),
    Indicator(
        "PI.432", "Number of children looked after per 10,000 of the child population",
        "Children in care", sc.RATE_10K, sc.LOWER, "Children looked after at the period's end",
        "Child population aged 0 to 17", corporate=True, targets=(_t("83"),),
        tolerance=Decimal("3"),
        benchmarks=(Benchmark(Decimal("70"), "Top Quartile LAIT Annual Figure", "2023"),),
        calculation=calc.OpenRate(looked_after),
        source="seeds/001_e8ea781e93d1811d.txt line 439"),
    Indicator(
        "PI.433", "Number of children subject to a child protection plan per 10,000 of the "
        "child population", "Child protection", sc.RATE_10K, sc.BAND,
        "Children on a child protection plan at the period's end",
        "Child population aged 0 to 17", corporate=True, targets=(_t("43"),),
        tolerance=Decimal("3"), concern_below=Decimal("20"),
        benchmarks=(Benchmark(Decimal("42.1"), "Top Quartile LAIT Annual Figure", "2023"),),
        calculation=calc.OpenRate(cp_plans_open),
        source="seeds/001_e8ea781e93d1811d.txt line 440"),
    Indicator(
        "PI.2250", "% of closed Early Help Cases that were not open to Level 4 Services less "
        "than 6 months after closure", "Early help", sc.PERCENT, sc.HIGHER,
        "Closed early help cases not open to level 4 within 6 months",
        "Early help cases closed", corporate=True, targets=(_t("90"),), tolerance=Decimal("3"),
        benchmarks=(Benchmark(None, "Local measure, no external benchmarking available."),),
        source="seeds/001_e8ea781e93d1811d.txt line 441"),
    Indicator(
        "H-FD-01", "Contacts decided within one working day", "Front door", sc.PERCENT,
        sc.HIGHER, "Contacts decided by the next working day", "Contacts decided",
        frequency=MONTH, tolerance=Decimal("5"),
        targets=(_t("80", dt.date(2021, 2, 1)), _t("90", dt.date(2021, 3, 1)),
                 _t("95", dt.date(2021, 4, 30))),
        calculation=calc.Events(contacts_decided),
        source="seeds/000_4c00c84da207e536.txt lines 4039-4043"),
    Indicator(
        "H-FD-04", "Referrals per 10,000 children", "Front door", sc.RATE_10K, sc.CONTEXT,
        "Referrals in the period", "Child population aged 0 to 17", frequency=MONTH,
        calculation=calc.EventRate(referrals),
        source="seeds/000_4c00c84da207e536.txt lines 1129-1132"),
    Indicator(
        "H-FD-05", "Re-referrals within 12 months", "Front door", sc.PERCENT, sc.LOWER,
        "Referrals within 12 months of the child's previous referral", "Referrals",
        frequency=MONTH, targets=(_t("20"),), tolerance=Decimal("2"),
        benchmarks=(Benchmark(Decimal("22"), "England", "2024"),),
        calculation=calc.Events(referrals_repeat),
        source="seeds/004_46ad6842801cbab3.txt line 156"),
    Indicator(
        "H-AS-01", "New assessments authorised within 45 working days", "Assessment",
        sc.PERCENT, sc.HIGHER, "New assessments authorised within 45 working days",
        "New assessments authorised", frequency=MONTH, tolerance=Decimal("5"),
        targets=(_t("75", dt.date(2021, 4, 1)), _t("80", dt.date(2021, 6, 1)),
                 _t("85", dt.date(2021, 8, 1))),
        benchmarks=(Benchmark(Decimal("85"), "Statistical neighbours"),),
        calculation=calc.Events(assessments_authorised),
        source="seeds/000_4c00c84da207e536.txt lines 3125-3129"),
    Indicator(
        "H-AS-02", "Average working days to complete an assessment", "Assessment",
        sc.AVERAGE, sc.LOWER, "Working days from start to authorisation, summed",
        "Assessments authorised", frequency=MONTH, targets=(_t("45"),),
        calculation=calc.EventAverage(assessment_working_days),
        source="seeds/004_46ad6842801cbab3.txt line 171"),
    Indicator(
        "H-CP-04", "Initial child protection conferences within 15 working days",
        "Child protection", sc.PERCENT, sc.HIGHER,
        "Initial conferences held by their due date (15 working days from the strategy "
        "discussion)", "Initial conferences held", frequency=MONTH, targets=(_t("90"),),
        tolerance=Decimal("5"), calculation=calc.Events(conferences("initial")),
        source="seeds/003_e1469a924c65b786.txt lines 633-641"),
    Indicator(
        "H-CP-05", "Review child protection conferences held in time", "Child protection",
        sc.PERCENT, sc.HIGHER, "Review conferences held by their due date",
        "Review conferences held", frequency=MONTH, targets=(_t("95"),),
        tolerance=Decimal("5"), calculation=calc.Events(conferences("review")),
        source="seeds/003_e1469a924c65b786.txt lines 648-656"),
    Indicator(
        "H-CP-06", "Core group meetings held within timescales", "Child protection",
        sc.PERCENT, sc.HIGHER, "Core groups held by their due date", "Core groups held",
        frequency=MONTH, targets=(_t("95"),), tolerance=Decimal("5"),
        calculation=calc.Events(core_groups),
        source="seeds/000_4c00c84da207e536.txt lines 4368-4375"),
    Indicator(
        "H-CP-11", "Child protection plans open two years or more", "Child protection",
        sc.PERCENT, sc.LOWER, "Plans open two years or more at the period's end",
        "Plans open at the period's end", targets=(_t("5"),), tolerance=Decimal("1"),
        calculation=calc.OpenShare(cp_plans_open, _open_two_years),
        source="seeds/004_46ad6842801cbab3.txt line 206"),
    Indicator(
        "H-CP-14", "Second or subsequent child protection plans", "Child protection",
        sc.PERCENT, sc.LOWER, "Plans started for a child who had a plan before",
        "Plans started", targets=(_t("23"),), tolerance=Decimal("3"),
        benchmarks=(Benchmark(Decimal("23.8"), "England", "2023"),),
        calculation=calc.Events(cp_plans_started), source="issue 6"),
    Indicator(
        "H-CP-08", "Child protection visits in timescale", "Child protection", sc.PERCENT,
        sc.HIGHER, "Visits to children on a plan made by the day they were due",
        "Visits to children on a plan made", frequency=MONTH, targets=(_t("95"),),
        tolerance=Decimal("5"), calculation=calc.Events(tasks_done("visit_cp")),
        source="seeds/004_46ad6842801cbab3.txt line 209"),
    Indicator(
        "H-CN-07", "Child in need visits in timescale", "Children in need", sc.PERCENT,
        sc.HIGHER, "Visits to children on a child in need plan made by the day they were due",
        "Visits to children on a child in need plan made", frequency=MONTH,
        targets=(_t("90"),), tolerance=Decimal("5"),
        calculation=calc.Events(tasks_done("visit_cin")), source="issue 6"),
    Indicator(
        "H-CL-20", "Looked-after children visited in timescale", "Children in care",
        sc.PERCENT, sc.HIGHER, "Statutory visits to looked-after children made by the day "
        "they were due", "Statutory visits to looked-after children made", frequency=MONTH,
        targets=(_t("95"),), tolerance=Decimal("5"),
        calculation=calc.Events(tasks_done("visit_cla")), source="issue 6"),
    Indicator(
        "H-CL-11", "Initial health assessments on time", "Children in care", sc.PERCENT,
        sc.HIGHER, "Initial health assessments held within 20 working days of care starting",
        "Initial health assessments held", targets=(_t("90"),), tolerance=Decimal("5"),
        calculation=calc.Events(tasks_done("initial_health_assessment")),
        source="seeds/004_46ad6842801cbab3.txt line 333"),
    Indicator(
        "H-CL-09", "Review health assessments on time", "Children in care", sc.PERCENT,
        sc.HIGHER, "Review health assessments held by their due date",
        "Review health assessments held", targets=(_t("95"),), tolerance=Decimal("5"),
        calculation=calc.Events(tasks_done("review_health_assessment")),
        source="seeds/004_46ad6842801cbab3.txt lines 284-286"),
    Indicator(
        "H-CL-10", "Dental checks on time", "Children in care", sc.PERCENT, sc.HIGHER,
        "Dental checks made by their due date", "Dental checks made", targets=(_t("90"),),
        tolerance=Decimal("10"), calculation=calc.Events(tasks_done("dental_check")),
        source="seeds/004_46ad6842801cbab3.txt line 333"),
    Indicator(
        "H-CL-12", "Personal education plans on time", "Children in care", sc.PERCENT,
        sc.HIGHER, "PEP meetings held by their due date (each term)", "PEP meetings held",
        targets=(_t("95"),), tolerance=Decimal("5"),
        calculation=calc.Events(tasks_done("personal_education_plan")),
        source="seeds/004_46ad6842801cbab3.txt lines 294, 339"),
    Indicator(
        "H-CL-21", "Children looked after with 3 or more placements in the last 12 months",
        "Children in care", sc.PERCENT, sc.LOWER,
        "Children looked after with 3 or more placements in the 12 months to the period's end",
        "Children looked after at the period's end", targets=(_t("10"),),
        tolerance=Decimal("2"), benchmarks=(Benchmark(Decimal("10"), "England", "2024"),),
        calculation=calc.AsAt(care_periods_with_placements, three_or_more_placements),
        source="issue 6 (placement stability)"),
    Indicator(
        "H-CL-04", "Looked-after reviews held in time", "Children in care", sc.PERCENT,
        sc.HIGHER, "Reviews held by their due date", "Reviews held", frequency=MONTH,
        targets=(_t("95"), _t("100", dt.date(2019, 12, 1))), tolerance=Decimal("5"),
        calculation=calc.Events(cla_reviews),
        source="seeds/003_e1469a924c65b786.txt lines 616-624"),
    Indicator(
        "H-CL-05", "Children taking part in their looked-after reviews", "Children in care",
        sc.PERCENT, sc.HIGHER, "Reviews the child attended or conveyed their views to (PN1 to "
        "PN6)", "Reviews of children aged 4 or over", targets=(_t("90"),),
        tolerance=Decimal("3"), calculation=calc.Events(cla_review_participation),
        source="seeds/004_46ad6842801cbab3.txt lines 288-290"),
    Indicator(
        "H-CL-19", "IROs allocated within 48 hours of a child becoming looked after",
        "Children in care", sc.PERCENT, sc.HIGHER, "Children with an IRO allocated in time",
        "Children who became looked after", targets=(_t("100"),), tolerance=Decimal("10"),
        calculation=calc.Events(iro_allocations),
        source="seeds/003_e1469a924c65b786.txt (a local standard)"),
    Indicator(
        "H-MI-02", "Return home interviews held within 72 hours", "Missing", sc.PERCENT,
        sc.HIGHER, "Returns followed by an interview held within 72 hours", "Returns",
        frequency=MONTH, targets=(_t("80"),), tolerance=Decimal("10"),
        calculation=calc.Events(return_interviews), source="issue 6"),
    Indicator(
        "H-PM-02", "Care proceedings concluded within 26 weeks", "Court", sc.PERCENT,
        sc.HIGHER, "Proceedings concluded within 26 weeks of issue", "Proceedings concluded",
        targets=(_t("50"),), tolerance=Decimal("10"), small_number=10,
        calculation=calc.Events(proceedings_concluded),
        source="seeds/004_46ad6842801cbab3.txt line 348"),
    Indicator(
        "H-LC-04", "Care leavers contacted in the last 8 weeks", "Care leavers", sc.PERCENT,
        sc.HIGHER, "Care leavers reached in the 8 weeks to the period's end",
        "Care leavers owed support (under 21, or 25 on request)", targets=(_t("95"),),
        tolerance=Decimal("5"), calculation=calc.AsAt(care_leavers, contacted_in_8_weeks),
        source="seeds/004_46ad6842801cbab3.txt line 337"),
    Indicator(
        "H-LC-11", "Care leavers in suitable accommodation", "Care leavers", sc.PERCENT,
        sc.HIGHER, "Care leavers whose latest recorded accommodation is suitable",
        "Care leavers owed support", targets=(_t("90"),), tolerance=Decimal("5"),
        benchmarks=(Benchmark(Decimal("88"), "England", "2024"),),
        calculation=calc.AsAt(care_leavers, in_suitable_accommodation), source="issue 6"),
    Indicator(
        "H-LC-01", "Care leavers aged 19 to 21 in education, employment or training",
        "Care leavers", sc.PERCENT, sc.HIGHER,
        "Care leavers aged 19 to 21 in education, employment or training",
        "Care leavers aged 19 to 21 owed support", targets=(_t("55"),), tolerance=Decimal("5"),
        benchmarks=(Benchmark(Decimal("56"), "England", "2024"),),
        calculation=calc.AsAt(care_leavers, in_eet_aged_19_to_21),
        source="seeds/000_4c00c84da207e536.txt lines 3308-3310"),
    Indicator(
        "CLA20", "% CLA aged 16 and over whose pathway plan has been updated in the last 6 "
        "months", "Care leavers", sc.PERCENT, sc.HIGHER,
        "Looked-after young people 16 and over with a pathway plan agreed or reviewed in the "
        "last 6 months", "Looked-after young people 16 and over", targets=(_t("95"),),
        tolerance=Decimal("5"), calculation=calc.AsAt(care_leavers, pathway_plan_in_6_months),
        source="seeds/004_46ad6842801cbab3.txt line 370"),
    Indicator(
        "H-PM-03", "Average duration of care proceedings", "Court", sc.AVERAGE, sc.LOWER,
        "Weeks from issue to final order, summed", "Proceedings concluded",
        targets=(_t("26"),), tolerance=Decimal("4"), small_number=10,
        calculation=calc.EventAverage(proceedings_weeks),
        source="seeds/004_46ad6842801cbab3.txt line 348"),
    Indicator(
        "H-MI-01", "Return home interviews offered within 72 hours", "Missing", sc.PERCENT,
        sc.HIGHER, "Returns followed by an offer of an interview within 72 hours", "Returns",
        frequency=MONTH, targets=(_t("95"),), tolerance=Decimal("5"),
        calculation=calc.Events(return_interview_offers), source="issue 6"),
    Indicator(
        "WF02", "Average caseload per social worker", "Workforce", sc.AVERAGE, sc.LOWER,
        "Children allocated to holders of case-holding posts at the period's end",
        "Those posts' FTE", targets=(_t("18"),), tolerance=Decimal("3"),
        calculation=calc.AtDate(_workforce("average_caseload")),
        source="seeds/004_46ad6842801cbab3.txt line 431"),
    Indicator(
        "H-WF-03", "Social work vacancy rate", "Workforce", sc.PERCENT, sc.LOWER,
        "Vacant social work FTE at the period's end", "Established social work FTE",
        targets=(_t("10"),), tolerance=Decimal("3"),
        calculation=calc.AtDate(_workforce("vacancy_rate")), source="issue 7"),
    Indicator(
        "H-WF-04", "Social worker turnover over 12 months", "Workforce", sc.PERCENT, sc.LOWER,
        "Permanent leavers in the 12 months to the period's end",
        "Average permanent headcount", targets=(_t("12"),), tolerance=Decimal("3"),
        calculation=calc.AtDate(_workforce("turnover")),
        source="seeds/001_e8ea781e93d1811d.txt line 321"),
    Indicator(
        "H-WF-06", "Case supervision within its frequency", "Workforce", sc.PERCENT,
        sc.HIGHER, "Open cases supervised within the frequency for their level of need",
        "Open cases", targets=(_t("95"),), tolerance=Decimal("5"),
        calculation=calc.AtDate(_workforce("case_supervision_in_time")),
        source="seeds/004_46ad6842801cbab3.txt (supervision within a month)"),
]}


def indicator(code: str) -> Indicator:
    try:
        return LIBRARY[code]
    except KeyError:
        raise LookupError(f"No indicator {code!r}") from None


def corporate() -> list[Indicator]:
    return [i for i in LIBRARY.values() if i.corporate]
