"""The child's chronology gets each missing episode: going missing, the return, the police's
notification and the return home interview (held or declined)."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.missing import rules
from hearth.missing.codes import InterviewOutcome, risk_labels
from hearth.missing.models import MissingEpisode
from hearth.missing.selectors import has_interview

KIND = "missing"


def missing_episode_events(child) -> Iterable[ChronologyItem]:
    episodes = (MissingEpisode.objects.filter(child=child)
                .select_related("recorded_by", "return_recorded_by", "interview__recorded_by")
                .prefetch_related("police_notifications__recorded_by"))
    for episode in episodes:
        yield from _episode_events(episode)


def _episode_events(episode: MissingEpisode) -> Iterable[ChronologyItem]:
    title = "Went missing" if episode.kind == "M" else "Away from placement without permission"
    yield ChronologyItem(episode.started_on, title, _started_detail(episode),
                         str(episode.recorded_by), kind=KIND)
    for notice in episode.police_notifications.all():
        yield ChronologyItem(rules.london_date(notice.reported_at),
                             "Police missing-person notification received",
                             f"{notice.force}, reference {notice.police_reference}",
                             str(notice.recorded_by), kind=KIND)
    if episode.returned_at is not None:
        where = f", found at or returned to {episode.found_at_place}" if (
            episode.found_at_place) else ""
        yield ChronologyItem(episode.returned_on, "Returned from a missing episode",
                             f"Returned {rules.moment(episode.returned_at)}{where}",
                             str(episode.return_recorded_by), kind=KIND)
    interview = episode.interview if has_interview(episode) else None
    if interview is not None:
        yield _interview_event(episode, interview)


def _started_detail(episode: MissingEpisode) -> str:
    parts = [f"From {rules.moment(episode.started_at)}"]
    if episode.reported_to_police:
        parts.append(f"reported to the police ({episode.police_reference or 'no reference'})")
    if episode.risks:
        parts.append("risks: " + ", ".join(risk_labels(episode.risks)).lower())
    return "; ".join(parts)


def _interview_event(episode, interview) -> ChronologyItem:
    if interview.outcome == InterviewOutcome.HELD:
        timing = "within" if interview.within_72_hours else "after"
        detail = (f"By {interview.conducted_by}, {timing} {rules.INTERVIEW_WITHIN_HOURS} hours"
                  f" of the return. {interview.note}").strip()
        return ChronologyItem(rules.london_date(interview.held_at), "Return home interview held",
                              detail, str(interview.recorded_by), kind=KIND)
    return ChronologyItem(interview.declined_on,
                          f"Return home interview {interview.get_outcome_display().lower()}",
                          interview.note, str(interview.recorded_by), kind=KIND)
