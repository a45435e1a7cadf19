"""Helpers that record missing episodes with the real services (synthetic data only)."""

import datetime as dt

from hearth.missing import services
from hearth.missing.models import MissingEpisode
from hearth.workingdays.rules import LONDON


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A wall-clock moment in London (not in a gap the clocks skipped)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def episode_for(child, actor, *, started_at: dt.datetime, returned_at: dt.datetime | None = None,
                kind: str = "M", **extra) -> MissingEpisode:
    return services.missing_episode_record(child=child, kind=kind, started_at=started_at,
                                           returned_at=returned_at, actor=actor, **extra)


def offer(episode, actor, *, at: dt.datetime, accepted: bool = True):
    return services.return_interview_offer(episode=episode, offered_at=at, accepted=accepted,
                                           actor=actor)


def held(episode, actor, *, at: dt.datetime, independent: bool = True):
    return services.return_interview_hold(episode=episode, held_at=at,
                                          conducted_by="Missing Service worker",
                                          independent=independent, actor=actor)
