"""Reads about care leavers: one young person's record, the leaving care team's list and the
figures. Statuses (overdue, due soon) are derived from the stored due dates and today."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery

from hearth.accounts.models import User
from hearth.accounts.roles import SM, SP, SW, TM
from hearth.cases.rules import TaskStatus, task_status
from hearth.leaving_care import rules
from hearth.leaving_care.codes import IN_EDUCATION_EMPLOYMENT_OR_TRAINING, Category, InTouch
from hearth.leaving_care.models import CareLeaver, CategoryPeriod, Contact, Situation
from hearth.workingdays.rules import WorkingDayCalendar, add_weeks

TAG_COLOURS = {TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange",
               TaskStatus.DUE_SOON: "yellow", TaskStatus.ON_TRACK: "blue"}


@dataclass(frozen=True)
class Due:
    on: dt.date
    status: TaskStatus
    rule: str = ""

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def tag_colour(self) -> str:
        return TAG_COLOURS[self.status]

    @property
    def status_code(self) -> dict:
        return {"code": self.status.value, "label": self.label}


@dataclass(frozen=True)
class CareLeaverSummary:
    care_leaver: CareLeaver
    age: int
    category: CategoryPeriod | None
    categories: list
    plan: object
    reviews: list
    contacts: list
    situations: list
    staying_put: list
    entitlements: list
    allocations: list
    adviser_due: Due | None
    needs_assessment_due: Due | None
    review_due: Due | None
    contact_due: Due | None
    support_ends_on: dt.date

    @property
    def situation(self) -> Situation | None:
        return self.situations[0] if self.situations else None

    @property
    def last_contact(self):
        return self.contacts[0] if self.contacts else None


def personal_advisers() -> QuerySet[User]:
    """Who may be a personal adviser: active practitioners (Hearth has no separate role)."""
    return User.objects.filter(is_active=True, role__in=[SW, SP, TM, SM]).order_by(
        "last_name", "first_name")


def care_leaver_for(child) -> CareLeaver | None:
    return CareLeaver.objects.filter(child=child).select_related("child").first()


def care_leaver_summary(child, *, today: dt.date,
                        calendar: WorkingDayCalendar) -> CareLeaverSummary | None:
    """Everything the Leaving care tab shows, in a fixed number of queries."""
    care_leaver = (CareLeaver.objects.filter(child=child)
                   .select_related("child", "personal_adviser", "pathway_plan")
                   .prefetch_related("categories", "contacts__made_by", "situations",
                                     "staying_put", "entitlements",
                                     "adviser_allocations__adviser",
                                     "pathway_plan__reviews__recorded_by").first())
    if care_leaver is None:
        return None
    dob = care_leaver.child.date_of_birth
    categories = list(care_leaver.categories.all())
    plan = getattr(care_leaver, "pathway_plan", None)
    return CareLeaverSummary(
        care_leaver=care_leaver, age=rules.age_on(dob, today),
        category=next((c for c in categories if c.applies_from <= today), None),
        categories=categories, plan=plan, reviews=list(plan.reviews.all()) if plan else [],
        contacts=list(care_leaver.contacts.all()), situations=list(care_leaver.situations.all()),
        staying_put=list(care_leaver.staying_put.all()),
        entitlements=list(care_leaver.entitlements.all()),
        allocations=list(care_leaver.adviser_allocations.all()),
        adviser_due=None if care_leaver.personal_adviser_id else _due(
            care_leaver.adviser_due_on, care_leaver.adviser_rule, today, calendar),
        needs_assessment_due=None if care_leaver.needs_assessment_done_on else _due(
            care_leaver.needs_assessment_due_on, care_leaver.needs_assessment_rule, today,
            calendar),
        review_due=_due(plan.review_due_on, plan.review_rule, today, calendar) if plan else None,
        contact_due=_due(care_leaver.contact_due_on, care_leaver.contact_rule, today, calendar),
        support_ends_on=rules.support_ends_on(
            date_of_birth=dob, support_to_25=care_leaver.support_to_25_requested_on is not None))


# The care leavers list ------------------------------------------------------------------------

SORTS = {
    "name": ("child__last_name", "child__first_name", "pk"),
    "age": ("-child__date_of_birth", "pk"),
    "last_contact": (F("last_contact_on").asc(nulls_first=True), "pk"),
    "next_review": (F("pathway_plan__review_due_on").asc(nulls_last=True), "pk"),
    "next_contact": (F("contact_due_on").asc(nulls_last=True), "pk"),
}


@dataclass(frozen=True)
class CareLeaverFilters:
    adviser_id: int | None = None
    category: str = ""
    in_touch: str = ""
    overdue: bool = False
    waiting_for_adviser: bool = False
    sort: str = "name"


def care_leaver_list(*, visible_children, filters: CareLeaverFilters,
                     today: dt.date) -> QuerySet[CareLeaver]:
    """Care leavers the user may see, with current category, latest in touch and last contact
    annotated (one query, whatever the page size)."""
    current_category = (CategoryPeriod.objects.filter(care_leaver=OuterRef("pk"),
                                                      applies_from__lte=today)
                        .order_by("-applies_from", "-id").values("category")[:1])
    latest_in_touch = (Situation.objects.filter(care_leaver=OuterRef("pk"))
                       .order_by("-as_at", "-id").values("in_touch")[:1])
    rows = (CareLeaver.objects.filter(child__in=visible_children)
            .select_related("child", "personal_adviser", "pathway_plan")
            .annotate(current_category=Subquery(current_category),
                      latest_in_touch=Subquery(latest_in_touch),
                      last_contact_on=Max("contacts__contact_on")))
    if filters.adviser_id:
        rows = rows.filter(personal_adviser_id=filters.adviser_id)
    if filters.category:
        rows = rows.filter(current_category=filters.category)
    if filters.in_touch:
        rows = rows.filter(latest_in_touch=filters.in_touch)
    if filters.waiting_for_adviser:
        rows = rows.filter(personal_adviser__isnull=True)
    if filters.overdue:
        rows = rows.filter(_overdue(today))
    return rows.order_by(*SORTS.get(filters.sort, SORTS["name"]))


def _overdue(today: dt.date) -> Q:
    return (Q(contact_due_on__lt=today) | Q(pathway_plan__review_due_on__lt=today)
            | Q(personal_adviser__isnull=True, adviser_due_on__lt=today)
            | Q(needs_assessment_done_on__isnull=True, needs_assessment_due_on__lt=today))


@dataclass(frozen=True)
class ListRow:
    care_leaver: CareLeaver
    age: int
    review_due: Due | None
    contact_due: Due | None
    adviser_due: Due | None

    @property
    def category_label(self) -> str:
        code = self.care_leaver.current_category
        return Category(code).label.split(" (")[0] if code else ""

    @property
    def in_touch_label(self) -> str:
        code = self.care_leaver.latest_in_touch
        return InTouch(code).label if code else ""


def list_rows(care_leavers, *, today: dt.date, calendar: WorkingDayCalendar) -> list[ListRow]:
    rows = []
    for care_leaver in care_leavers:
        plan = getattr(care_leaver, "pathway_plan", None)
        rows.append(ListRow(
            care_leaver, rules.age_on(care_leaver.child.date_of_birth, today),
            _due(plan.review_due_on, plan.review_rule, today, calendar) if plan else None,
            _due(care_leaver.contact_due_on, care_leaver.contact_rule, today, calendar),
            None if care_leaver.personal_adviser_id else _due(
                care_leaver.adviser_due_on, care_leaver.adviser_rule, today, calendar)))
    return rows


# Figures --------------------------------------------------------------------------------------

AGE_BANDS = ((17, 18), (19, 21))


@dataclass(frozen=True)
class Measure:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)


@dataclass(frozen=True)
class BandFigures:
    youngest: int
    oldest: int
    care_leavers: int
    in_touch: Measure
    suitable_accommodation: Measure
    in_education_employment_or_training: Measure
    contacted_in_8_weeks: Measure
    waiting_for_adviser: Measure

    @property
    def label(self) -> str:
        return f"Aged {self.youngest} to {self.oldest}"

    @property
    def measures(self) -> tuple[Measure, ...]:
        return (self.in_touch, self.suitable_accommodation,
                self.in_education_employment_or_training, self.contacted_in_8_weeks,
                self.waiting_for_adviser)


def care_leaver_figures(*, today: dt.date) -> list[BandFigures]:
    """For each age band (age on `today`): the share of care leavers whose latest record says
    they are in touch (IN_TOUCH YES), in suitable accommodation, and in education, employment
    or training; reached in the last 8 weeks (H-LC-04); and waiting for a personal adviser
    (H-LC-06). Every care leaver in the band counts in the denominator, including those with
    nothing recorded yet (they count as not known, so not in the numerator). Three queries."""
    latest = {}
    for situation in Situation.objects.order_by("care_leaver_id", "as_at", "id"):
        if situation.as_at <= today:
            latest[situation.care_leaver_id] = situation
    since = add_weeks(today, -rules.CONTACT_EVERY_WEEKS)
    reached = set(Contact.objects.filter(in_touch=True, contact_on__gte=since,
                                         contact_on__lte=today)
                  .values_list("care_leaver_id", flat=True))
    members = list(CareLeaver.objects.values_list("pk", "child__date_of_birth",
                                                  "personal_adviser_id"))
    return [_band(youngest, oldest, members, latest, reached, today)
            for youngest, oldest in AGE_BANDS]


def _band(youngest: int, oldest: int, members, latest: dict, reached: set,
          today: dt.date) -> BandFigures:
    band = [(pk, adviser) for pk, born, adviser in members
            if born is not None and youngest <= rules.age_on(born, today) <= oldest]
    situations = [latest[pk] for pk, _ in band if pk in latest]
    total = len(band)
    return BandFigures(
        youngest, oldest, total,
        Measure(sum(s.in_touch == InTouch.YES for s in situations), total),
        Measure(sum(bool(s.accommodation and s.accommodation_suitable) for s in situations),
                total),
        Measure(sum(s.activity in IN_EDUCATION_EMPLOYMENT_OR_TRAINING for s in situations),
                total),
        Measure(sum(pk in reached for pk, _ in band), total),
        Measure(sum(adviser is None for _, adviser in band), total))


def _due(on: dt.date | None, rule: str, today: dt.date,
         calendar: WorkingDayCalendar) -> Due | None:
    if on is None:
        return None
    return Due(on, task_status(on, today=today, calendar=calendar), rule)
