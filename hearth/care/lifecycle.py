"""What the apps built on children in care do when a period of care starts, changes or ends.

`care` owns the period, its episodes and its reviews, but not the work hung on them (health
assessments, personal education plans, permanence plans), so it cannot import the apps that
own that work. They register listeners here from their AppConfig.ready():

    from hearth.care.lifecycle import on_care_started

    on_care_started(open_initial_health_assessment)  # (period, actor) -> None

The care services call each listener inside their own transaction, after the care record is
saved and before its audit event, so a listener that raises DomainError refuses the whole
change and nothing is half-written. Listeners open and close their own statutory tasks and
audit their own records.
"""

from collections.abc import Callable

PeriodListener = Callable[..., None]  # (period, *, actor) -> None
EpisodeListener = Callable[..., None]  # (episode, *, actor) -> None
ReviewListener = Callable[..., None]  # (review, *, actor) -> None

_STARTED: list[PeriodListener] = []
_EPISODE_STARTED: list[EpisodeListener] = []
_REVIEW_HELD: list[ReviewListener] = []
_ENDED: list[PeriodListener] = []


def _add(listeners: list, listener) -> None:
    if listener not in listeners:
        listeners.append(listener)


def on_care_started(listener: PeriodListener) -> None:
    """`listener(period, actor=...)` when a child becomes looked after."""
    _add(_STARTED, listener)


def on_episode_started(listener: EpisodeListener) -> None:
    """`listener(episode, actor=...)` when a new legal status or placement opens an episode
    (not the period's first episode: that is `on_care_started`)."""
    _add(_EPISODE_STARTED, listener)


def on_review_held(listener: ReviewListener) -> None:
    """`listener(review, actor=...)` when a looked-after review is recorded."""
    _add(_REVIEW_HELD, listener)


def on_care_ended(listener: PeriodListener) -> None:
    """`listener(period, actor=...)` when the child ceases to be looked after."""
    _add(_ENDED, listener)


def care_started(period, *, actor) -> None:
    for listener in _STARTED:
        listener(period, actor=actor)


def episode_started(episode, *, actor) -> None:
    for listener in _EPISODE_STARTED:
        listener(episode, actor=actor)


def review_held(review, *, actor) -> None:
    for listener in _REVIEW_HELD:
        listener(review, actor=actor)


def care_ended(period, *, actor) -> None:
    for listener in _ENDED:
        listener(period, actor=actor)
