"""The child's chronology gets each child in need plan's start, reviews and end."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.cin.models import CinPlan


def cin_plan_events(child) -> Iterable[ChronologyItem]:
    plans = (CinPlan.objects.filter(child=child).select_related("started_by", "ended_by")
             .prefetch_related("reviews__recorded_by"))
    for plan in plans:
        yield ChronologyItem(plan.started_on, "Child in need plan started",
                             recorded_by=str(plan.started_by), kind="cin_plan")
        for review in plan.reviews.all():
            yield ChronologyItem(review.reviewed_on, "Child in need plan reviewed", review.note,
                                 str(review.recorded_by), kind="cin_plan")
        if plan.ended_on:
            yield ChronologyItem(plan.ended_on, "Child in need plan ended", plan.end_reason,
                                 str(plan.ended_by), kind="cin_plan")
