"""Reads for fostering: the households list, a household's record, the "find a carer" list
of vacancies, the fostering worklist, and the provider register with the children placed."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

from hearth.accounts.roles import Role
from hearth.care.models import CareEpisode
from hearth.cases.rules import TaskStatus, status_date_range, task_status
from hearth.fostering import rules
from hearth.fostering.codes import ApprovedSex, HouseholdStatus
from hearth.fostering.models import (
    FosteringHousehold,
    HouseholdPlacement,
    HouseholdTask,
    Provider,
)
from hearth.workingdays.rules import WorkingDayCalendar

TAG_COLOURS = {TaskStatus.OVERDUE: "red", TaskStatus.DUE_TODAY: "orange",
               TaskStatus.DUE_SOON: "yellow", TaskStatus.ON_TRACK: "blue"}
HOUSEHOLD_SORTS = {"reference": ("reference",), "status": ("status", "reference"),
                   "review": (F("review_due_on").asc(nulls_last=True), "reference"),
                   "enquiry": ("-enquiry_on", "reference")}
PROVIDER_SORTS = {"name": ("name", "id"), "judgement": (F("judgement_on").desc(nulls_last=True),
                                                         "name"),
                  "registration": ("registration", "name"), "placed": ("-placed", "name")}
OPEN_PLACEMENT = Q(placements__episode__ended_on__isnull=True)


@dataclass(frozen=True)
class Due:
    on: dt.date
    status: TaskStatus

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def tag_colour(self) -> str:
        return TAG_COLOURS[self.status]


def due(on: dt.date | None, today: dt.date, calendar: WorkingDayCalendar) -> Due | None:
    return None if on is None else Due(on, task_status(on, today=today, calendar=calendar))


def supervising_social_workers() -> QuerySet:
    return get_user_model().objects.filter(
        is_active=True, role__in=[Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER,
                                  Role.TEAM_MANAGER]).order_by("last_name", "first_name")


def with_capacity(households: QuerySet) -> QuerySet:
    """Annotates `placed` (children placed now) and `free` (vacancies if approved)."""
    placed = Count("placements", filter=OPEN_PLACEMENT, distinct=True)
    return households.annotate(placed=placed).annotate(
        free=Greatest(F("approved_places") - F("placed"), Value(0),
                      output_field=IntegerField()))


@dataclass(frozen=True)
class HouseholdFilters:
    query: str = ""
    status: str = ""
    household_type: str = ""
    worker_id: int | None = None
    sort: str = "reference"


def household_list(filters: HouseholdFilters) -> QuerySet:
    households = FosteringHousehold.objects.all()
    if filters.query:
        q = filters.query.strip()
        households = households.filter(
            Q(reference__icontains=q) | Q(carers__last_name__icontains=q)
            | Q(carers__first_name__icontains=q) | Q(postcode__istartswith=q)).distinct()
    if filters.status:
        households = households.filter(status=filters.status)
    if filters.household_type:
        households = households.filter(household_type=filters.household_type)
    if filters.worker_id:
        households = households.filter(supervising_social_worker_id=filters.worker_id)
    return (with_capacity(households).select_related("supervising_social_worker")
            .prefetch_related("carers")
            .order_by(*HOUSEHOLD_SORTS.get(filters.sort, HOUSEHOLD_SORTS["reference"])))


@dataclass(frozen=True)
class HouseholdRecord:
    household: FosteringHousehold
    carers: list
    panels: list
    reviews: list
    placements: list
    tasks: list
    placed: int
    vacancies: int
    review_due: Due | None
    temporary_approval_due: Due | None
    task_dues: dict = field(default_factory=dict)

    @property
    def pending_panel(self):
        return next((p for p in self.panels if p.decision_due_on and not p.decided_on), None)


def household_record(household: FosteringHousehold, *, today: dt.date,
                     calendar: WorkingDayCalendar) -> HouseholdRecord:
    """Everything the household's page shows, in five queries."""
    household = (FosteringHousehold.objects.select_related(
        "supervising_social_worker", "temporary_approval_child")
        .prefetch_related("carers", "panel_recommendations__decided_by", "reviews")
        .get(pk=household.pk))
    placements = list(HouseholdPlacement.objects.filter(
        household=household, episode__ended_on__isnull=True).select_related("child", "episode"))
    tasks = list(HouseholdTask.objects.filter(household=household, closed_at__isnull=True))
    placed = len(placements)
    temporary = (household.temporary_approval_ends_on
                 if household.status == HouseholdStatus.IN_ASSESSMENT else None)
    return HouseholdRecord(
        household, list(household.carers.all()), list(household.panel_recommendations.all()),
        list(household.reviews.all()), placements, tasks, placed,
        rules.vacancies(status=household.status, places=household.approved_places,
                        placed=placed),
        due(household.review_due_on, today, calendar), due(temporary, today, calendar),
        {t.pk: due(t.due_on, today, calendar) for t in tasks})


@dataclass(frozen=True)
class CarerSearch:
    age: int | None = None
    sex: str = ""
    care_type: str = ""
    household_type: str = ""


def vacancy_list(search: CarerSearch) -> QuerySet:
    """Approved households with at least one vacancy that take a child like this one, the
    most vacancies first."""
    households = with_capacity(FosteringHousehold.objects.filter(
        status=HouseholdStatus.APPROVED)).filter(free__gt=0)
    if search.age is not None:
        households = households.filter(age_from__lte=search.age, age_to__gte=search.age)
    if search.sex:
        households = households.filter(approved_sex__in=[ApprovedSex.ANY, search.sex])
    if search.care_type:
        households = households.filter(care_type=search.care_type)
    if search.household_type:
        households = households.filter(household_type=search.household_type)
    return (households.select_related("supervising_social_worker").prefetch_related("carers")
            .order_by("-free", "reference"))


@dataclass(frozen=True)
class WorkFilters:
    worker_id: int | None = None
    kind: str = ""
    status: str = ""


@dataclass(frozen=True)
class WorkRow:
    task: HouseholdTask
    due: Due


def work_list(filters: WorkFilters, *, today: dt.date, calendar: WorkingDayCalendar) -> QuerySet:
    tasks = HouseholdTask.objects.filter(closed_at__isnull=True)
    if filters.worker_id:
        tasks = tasks.filter(worker_id=filters.worker_id)
    if filters.kind:
        tasks = tasks.filter(kind=filters.kind)
    if filters.status in TaskStatus.__members__.values():
        tasks = tasks.filter(**status_date_range(TaskStatus(filters.status), today=today,
                                                 calendar=calendar))
    return tasks.select_related("household", "worker").order_by("due_on", "id")


def work_rows(tasks, *, today: dt.date, calendar: WorkingDayCalendar) -> list[WorkRow]:
    return [WorkRow(t, due(t.due_on, today, calendar)) for t in tasks]


def work_counts(*, worker_id: int | None, today: dt.date, calendar: WorkingDayCalendar) -> dict:
    """How many open tasks are overdue, due today, due soon and on track (one query)."""
    tasks = HouseholdTask.objects.filter(closed_at__isnull=True)
    if worker_id:
        tasks = tasks.filter(worker_id=worker_id)
    ranges = {s: Q(**status_date_range(s, today=today, calendar=calendar)) for s in TaskStatus}
    counts = tasks.aggregate(**{s.value: Count("id", filter=q) for s, q in ranges.items()})
    return {s: counts[s.value] for s in TaskStatus}


@dataclass(frozen=True)
class ProviderFilters:
    query: str = ""
    kind: str = ""
    registration: str = ""
    sort: str = "name"


def _placed_at_urn() -> Subquery:
    counts = (CareEpisode.objects.filter(urn=OuterRef("urn"), ended_on__isnull=True)
              .order_by().values("urn").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def provider_list(filters: ProviderFilters) -> QuerySet:
    providers = Provider.objects.all()
    if filters.query:
        q = filters.query.strip()
        providers = providers.filter(Q(name__icontains=q) | Q(urn__iexact=q)
                                     | Q(postcode__istartswith=q))
    if filters.kind:
        providers = providers.filter(kind=filters.kind)
    if filters.registration:
        providers = providers.filter(registration=filters.registration)
    providers = providers.annotate(placed=_placed_at_urn())
    return providers.order_by(*PROVIDER_SORTS.get(filters.sort, PROVIDER_SORTS["name"]))


def children_placed_with_provider(provider: Provider, *, visible_children: QuerySet) -> list:
    """The current episodes whose placement's URN is this provider's (none without a URN)."""
    if not provider.urn:
        return []
    return list(CareEpisode.objects.filter(urn=provider.urn, ended_on__isnull=True,
                                           child__in=visible_children)
                .select_related("child").order_by("placement_started_on", "pk"))


def current_episode_for(child) -> CareEpisode | None:
    return (CareEpisode.objects.filter(child=child, ended_on__isnull=True)
            .select_related("fostering_household_link__household").first())


def foster_placements_of(child) -> list[HouseholdPlacement]:
    return list(HouseholdPlacement.objects.filter(child=child)
                .select_related("household", "episode", "linked_by")
                .order_by("-episode__started_on"))


def households_that_can_take(child) -> QuerySet:
    """For linking a placement: approved households with a vacancy, and any household
    temporarily approved for this child."""
    approved = with_capacity(FosteringHousehold.objects.filter(status=HouseholdStatus.APPROVED))
    ids = list(approved.filter(free__gt=0).values_list("pk", flat=True))
    ids += list(FosteringHousehold.objects.filter(
        status=HouseholdStatus.IN_ASSESSMENT, temporary_approval_child=child)
        .values_list("pk", flat=True))
    return FosteringHousehold.objects.filter(pk__in=ids).order_by("reference")
