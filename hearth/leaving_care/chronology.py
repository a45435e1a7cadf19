"""The child's chronology gets becoming a care leaver, category changes, personal advisers,
the needs assessment, the pathway plan and its reviews, support to 25 and Staying Put."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.leaving_care.models import CareLeaver

KIND = "leaving_care"


def care_leaver_events(child) -> Iterable[ChronologyItem]:
    care_leaver = (CareLeaver.objects.filter(child=child).select_related("recorded_by")
                   .prefetch_related("categories__recorded_by", "adviser_allocations__adviser",
                                     "adviser_allocations__allocated_by",
                                     "pathway_plan__reviews__recorded_by",
                                     "pathway_plan__recorded_by", "staying_put__recorded_by")
                   .first())
    if care_leaver is None:
        return
    yield from _categories(care_leaver)
    for allocation in care_leaver.adviser_allocations.all():
        yield ChronologyItem(allocation.allocated_on, "Personal adviser allocated",
                             str(allocation.adviser), str(allocation.allocated_by), KIND)
    if care_leaver.needs_assessment_done_on:
        yield ChronologyItem(care_leaver.needs_assessment_done_on,
                             "Pathway needs assessment completed", kind=KIND)
    yield from _plan(care_leaver)
    if care_leaver.support_to_25_requested_on:
        yield ChronologyItem(care_leaver.support_to_25_requested_on,
                             "Asked for support to 25", kind=KIND)
    for stay in care_leaver.staying_put.all():
        yield ChronologyItem(stay.started_on, "Staying Put started", stay.carers,
                             str(stay.recorded_by), KIND)
        if stay.ended_on:
            yield ChronologyItem(stay.ended_on, "Staying Put ended", stay.carers, kind=KIND)


def _categories(care_leaver: CareLeaver) -> Iterable[ChronologyItem]:
    periods = sorted(care_leaver.categories.all(), key=lambda p: (p.applies_from, p.pk))
    for index, period in enumerate(periods):
        title = "Became a care leaver" if index == 0 else "Care leaver category changed"
        yield ChronologyItem(period.applies_from, title, period.get_category_display(),
                             str(period.recorded_by), KIND)


def _plan(care_leaver: CareLeaver) -> Iterable[ChronologyItem]:
    plan = getattr(care_leaver, "pathway_plan", None)
    if plan is None:
        return
    yield ChronologyItem(plan.agreed_on, "Pathway plan agreed", recorded_by=str(plan.recorded_by),
                         kind=KIND)
    for review in plan.reviews.all():
        yield ChronologyItem(review.reviewed_on, "Pathway plan reviewed", review.note,
                             str(review.recorded_by), KIND)
