"""Reads for the child's Missing tab: episodes, newest first, with their interview status."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch

from hearth.missing import rules
from hearth.missing.codes import risk_labels
from hearth.missing.models import MissingEpisode, ReturnInterview, ReturnInterviewOffer


@dataclass(frozen=True)
class EpisodeSummary:
    episode: MissingEpisode
    offers: list[ReturnInterviewOffer]
    interview: ReturnInterview | None
    status: rules.InterviewStatus

    @property
    def risks(self) -> list[str]:
        return risk_labels(self.episode.risks)

    @property
    def risks_found(self) -> list[str]:
        return risk_labels(self.interview.risks_found) if self.interview else []

    @property
    def can_offer(self) -> bool:
        return (self.episode.returned_at is not None and self.interview is None
                and len(self.offers) < rules.MAX_INTERVIEW_OFFERS)

    @property
    def status_code(self) -> dict:
        return {"code": self.status.value, "label": self.status.label}

    @property
    def awaiting_interview(self) -> bool:
        return self.episode.returned_at is not None and self.interview is None


def missing_episode_list_for_child(child, *, now: dt.datetime) -> list[EpisodeSummary]:
    """Every episode of the child, newest first, with offers, interview and police
    notifications (three queries, however many episodes)."""
    episodes = (MissingEpisode.objects.filter(child=child)
                .select_related("recorded_by", "return_recorded_by", "interview__recorded_by")
                .prefetch_related(Prefetch("interview_offers",
                                           queryset=ReturnInterviewOffer.objects.select_related(
                                               "recorded_by")),
                                  "police_notifications")
                .order_by("-started_at", "-id"))
    return [summarise(episode, now=now) for episode in episodes]


def summarise(episode: MissingEpisode, *, now: dt.datetime) -> EpisodeSummary:
    interview = episode.interview if has_interview(episode) else None
    return EpisodeSummary(
        episode=episode, offers=list(episode.interview_offers.all()), interview=interview,
        status=rules.interview_status(
            due_at=episode.interview_due_at, outcome=getattr(interview, "outcome", None),
            held_at=getattr(interview, "held_at", None), now=now))


def missing_episode_summary(episode: MissingEpisode, *, now: dt.datetime) -> EpisodeSummary:
    fresh = (MissingEpisode.objects.select_related("interview")
             .prefetch_related("interview_offers", "police_notifications").get(pk=episode.pk))
    return summarise(fresh, now=now)


def open_episode_for(child) -> MissingEpisode | None:
    return MissingEpisode.objects.filter(child=child, returned_at__isnull=True).first()


def has_interview(episode: MissingEpisode) -> bool:
    try:
        episode.interview  # noqa: B018 (a reverse one-to-one raises when there is none)
    except ReturnInterview.DoesNotExist:
        return False
    return True
