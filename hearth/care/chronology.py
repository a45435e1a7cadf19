"""The child's chronology gets becoming looked after, placement changes, reviews and leaving
care."""

from collections.abc import Iterable

from hearth.care.models import CarePeriod
from hearth.cases.chronology import ChronologyItem


def care_events(child) -> Iterable[ChronologyItem]:
    periods = (CarePeriod.objects.filter(child=child).select_related("started_by", "ended_by")
               .prefetch_related("episodes__recorded_by", "reviews__recorded_by"))
    for period in periods:
        episodes = sorted(period.episodes.all(), key=lambda e: (e.started_on, e.pk))
        for before, episode in zip([None, *episodes], episodes, strict=False):
            yield _episode_item(episode, before)
        for review in period.reviews.all():
            yield ChronologyItem(review.held_on, f"Looked-after review {review.number} held",
                                 review.note, str(review.recorded_by), kind="care")
        if period.ended_on:
            yield ChronologyItem(period.ended_on, "Ceased to be looked after",
                                 period.get_end_reason_display(), str(period.ended_by),
                                 kind="care")


def _episode_item(episode, before) -> ChronologyItem:
    placement = f"{episode.get_placement_type_display()} ({episode.placement_type})"
    status = f"{episode.get_legal_status_display()} ({episode.legal_status})"
    if episode.reason_new_episode == "S":
        title, detail = "Became looked after", f"{status}; placed: {placement}"
    elif episode.reason_new_episode == "L":
        title, detail = "Legal status changed", status
    else:
        title, detail = "Placement changed", f"{placement}; {status}"
        if before is not None and before.reason_place_change:
            detail += f". Why: {before.get_reason_place_change_display()}"
    return ChronologyItem(episode.started_on, title, detail, str(episode.recorded_by),
                          kind="care")
