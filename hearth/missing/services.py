"""Every write to a missing episode and its return home interview: checked, saved, audited and
the interview clock kept, in one transaction.

Recording the return opens OFFER_RETURN_INTERVIEW, due 72 hours later (T39, `due_at`, with
`due_on` its London date). Holding the interview, or recording that it was declined, closes it.
The child's row is locked first, so two workers recording episodes for the same child at the
same moment are checked one after the other.
"""

import datetime as dt

from django.db import IntegrityError, transaction

from hearth.cases.models import TaskKind
from hearth.cases.tasks import task_close, task_open
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.missing import rules
from hearth.missing.codes import EpisodeSource, InterviewOutcome, MissingKind
from hearth.missing.models import (
    MissingEpisode,
    PoliceNotification,
    ReturnInterview,
    ReturnInterviewOffer,
)
from hearth.people.models import Person

ALREADY_OPEN = "The child already has an open missing episode: record their return first"


@transaction.atomic
def missing_episode_record(*, child: Person, kind: str, started_at: dt.datetime,
                           reported_to_police: bool = False, police_reference: str = "",
                           risks: list[str] | None = None, risk_note: str = "",
                           returned_at: dt.datetime | None = None, found_at_place: str = "",
                           source: str = EpisodeSource.WORKER, actor=None,
                           system_job: str = "") -> MissingEpisode:
    """A new episode; with a return time it is recorded as ended, and the interview clock
    starts."""
    child = _locked_child(child)
    if kind not in MissingKind.values:
        raise DomainError("Say whether the child was missing (M) or away from their placement "
                          "without authorisation (A)", field="kind")
    rules.ensure_episode_fits(started_at=started_at, returned_at=returned_at, now=clock.now(),
                              others=_spans(child))
    episode = MissingEpisode(
        child=child, kind=kind, source=source, started_at=started_at,
        started_on=rules.london_date(started_at), reported_to_police=reported_to_police,
        police_reference=police_reference.strip(),
        risks=rules.ensure_known_risks(risks or [], field="risks"),
        risk_note=risk_note, recorded_by=actor or _system_user(), recorded_at=clock.now())
    try:
        with transaction.atomic():
            episode.save()
    except IntegrityError:  # the database's own guard: one open episode per child
        raise DomainError(ALREADY_OPEN) from None
    Auditor(actor, system_job=system_job).record(
        "MISSING_EPISODE_RECORDED", episode, child_id=child.pk,
        detail={"kind": episode.kind, "source": source, "started_at": started_at.isoformat()})
    if returned_at is not None:
        _record_return(episode, returned_at=returned_at, found_at_place=found_at_place,
                       actor=actor, system_job=system_job)
    return episode


@transaction.atomic
def missing_episode_record_return(*, episode: MissingEpisode, returned_at: dt.datetime,
                                  found_at_place: str = "", actor=None,
                                  system_job: str = "") -> MissingEpisode:
    _locked_child(episode.child)
    episode = MissingEpisode.objects.select_for_update(of=("self",)).get(pk=episode.pk)
    if not episode.is_open:
        raise DomainError(f"The child's return was already recorded: "
                          f"{rules.moment(episode.returned_at)}")
    rules.ensure_episode_fits(started_at=episode.started_at, returned_at=returned_at,
                              now=clock.now(), others=_spans(episode.child, but=episode))
    return _record_return(episode, returned_at=returned_at, found_at_place=found_at_place,
                          actor=actor, system_job=system_job)


def _record_return(episode: MissingEpisode, *, returned_at: dt.datetime, found_at_place: str,
                   actor, system_job: str) -> MissingEpisode:
    episode.returned_at, episode.returned_on = returned_at, rules.london_date(returned_at)
    episode.found_at_place = found_at_place
    episode.interview_due_at = rules.interview_due_at(returned_at)
    episode.interview_rule = rules.interview_rule()
    episode.return_recorded_by = actor or _system_user()
    episode.save(update_fields=["returned_at", "returned_on", "found_at_place",
                                "interview_due_at", "interview_rule", "return_recorded_by"])
    task_open(kind=TaskKind.OFFER_RETURN_INTERVIEW, child=episode.child, source=episode,
              due_on=rules.london_date(episode.interview_due_at), due_at=episode.interview_due_at,
              rule=episode.interview_rule)
    Auditor(actor, system_job=system_job).record(
        "MISSING_EPISODE_RETURN_RECORDED", episode, child_id=episode.child_id,
        detail={"returned_at": returned_at.isoformat(),
                "interview_due_at": episode.interview_due_at.isoformat()})
    return episode


@transaction.atomic
def missing_episode_from_police_notification(
        *, child: Person, police_reference: str, force: str, reported_at: dt.datetime,
        kind: str = MissingKind.MISSING, note: str = "", actor=None,
        system_job: str = "") -> PoliceNotification:
    """Records the police's notification. It is linked to the child's episode covering the
    time they were reported missing (or their open one), or else creates an episode from it."""
    child = _locked_child(child)
    if not police_reference.strip():
        raise DomainError("Enter the police reference", field="police_reference")
    if reported_at > clock.now():
        raise DomainError("The time they were reported missing must be now or in the past",
                          field="reported_at")
    match = rules.episode_for_police_notification(reported_at=reported_at,
                                                  episodes=_spans(child))
    if match is None:
        episode = missing_episode_record(
            child=child, kind=kind, started_at=reported_at, reported_to_police=True,
            police_reference=police_reference, source=EpisodeSource.POLICE, actor=actor,
            system_job=system_job)
    else:
        episode = _link_to_police(match.id, police_reference)
    notification = PoliceNotification.objects.create(
        episode=episode, police_reference=police_reference.strip(), force=force.strip(),
        reported_at=reported_at, created_episode=match is None, note=note,
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    Auditor(actor, system_job=system_job).record(
        "POLICE_NOTIFICATION_RECORDED", notification, child_id=child.pk,
        detail={"episode": episode.pk, "created_episode": match is None,
                "police_reference": notification.police_reference})
    return notification


def _link_to_police(episode_id: int, police_reference: str) -> MissingEpisode:
    episode = MissingEpisode.objects.select_for_update(of=("self",)).get(pk=episode_id)
    episode.reported_to_police = True
    episode.police_reference = episode.police_reference or police_reference.strip()
    episode.save(update_fields=["reported_to_police", "police_reference"])
    return episode


@transaction.atomic
def return_interview_offer(*, episode: MissingEpisode, offered_at: dt.datetime,
                           accepted: bool, note: str = "", actor=None,
                           system_job: str = "") -> ReturnInterviewOffer:
    episode = _locked(episode)
    rules.ensure_offer_fits(returned_at=episode.returned_at, offered_at=offered_at,
                            now=clock.now(), offers_made=episode.interview_offers.count(),
                            outcome=_outcome(episode))
    offer = ReturnInterviewOffer.objects.create(
        episode=episode, offered_at=offered_at, accepted=accepted, note=note,
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    Auditor(actor, system_job=system_job).record(
        "RETURN_INTERVIEW_OFFERED", offer, child_id=episode.child_id,
        detail={"episode": episode.pk, "offered_at": offered_at.isoformat(),
                "accepted": accepted})
    return offer


@transaction.atomic
def return_interview_hold(*, episode: MissingEpisode, held_at: dt.datetime, conducted_by: str,
                          independent: bool, seen_alone: bool | None = None,
                          risks_found: list[str] | None = None, note: str = "", actor=None,
                          system_job: str = "") -> ReturnInterview:
    episode = _locked(episode)
    rules.ensure_interview_held_fits(returned_at=episode.returned_at, held_at=held_at,
                                     now=clock.now(), outcome=_outcome(episode))
    if not conducted_by.strip():
        raise DomainError("Say who carried out the interview", field="conducted_by")
    interview = ReturnInterview.objects.create(
        episode=episode, outcome=InterviewOutcome.HELD, held_at=held_at,
        conducted_by=conducted_by.strip(), independent=independent, seen_alone=seen_alone,
        risks_found=rules.ensure_known_risks(risks_found or [], field="risks_found"), note=note,
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    return _interview_recorded(interview, done_on=rules.london_date(held_at), actor=actor,
                               system_job=system_job)


@transaction.atomic
def return_interview_decline(*, episode: MissingEpisode, declined_on: dt.date, note: str = "",
                             actor=None, system_job: str = "") -> ReturnInterview:
    """Declined, only after an offer; after the third, "declined after 3 offers" (T40)."""
    episode = _locked(episode)
    outcome = rules.decline_outcome(
        returned_at=episode.returned_at, declined_on=declined_on, today=clock.today(),
        offers_made=episode.interview_offers.count(), outcome=_outcome(episode))
    interview = ReturnInterview.objects.create(
        episode=episode, outcome=outcome, declined_on=declined_on, note=note,
        recorded_by=actor or _system_user(), recorded_at=clock.now())
    return _interview_recorded(interview, done_on=declined_on, actor=actor,
                               system_job=system_job)


def _interview_recorded(interview: ReturnInterview, *, done_on: dt.date, actor,
                        system_job: str) -> ReturnInterview:
    episode = interview.episode
    task_close(kind=TaskKind.OFFER_RETURN_INTERVIEW, source=episode, done_on=done_on,
               actor=actor)
    Auditor(actor, system_job=system_job).record(
        "RETURN_INTERVIEW_RECORDED", interview, child_id=episode.child_id,
        detail={"episode": episode.pk, "outcome": interview.outcome,
                "within_72_hours": interview.within_72_hours})
    return interview


def _spans(child: Person, *, but: MissingEpisode | None = None) -> list[rules.Span]:
    episodes = MissingEpisode.objects.filter(child=child)
    if but is not None:
        episodes = episodes.exclude(pk=but.pk)
    return [rules.Span(started_at=s, returned_at=r, id=pk)
            for pk, s, r in episodes.values_list("pk", "started_at", "returned_at")]


def _outcome(episode: MissingEpisode) -> str | None:
    return (ReturnInterview.objects.filter(episode=episode)
            .values_list("outcome", flat=True).first())


def _locked_child(child: Person) -> Person:
    child = Person.objects.select_for_update().get(pk=child.pk)
    if not child.is_child:
        raise DomainError("Only a child's record can have missing episodes")
    return child


def _locked(episode: MissingEpisode) -> MissingEpisode:
    return MissingEpisode.objects.select_for_update(of=("self",)).select_related("child").get(
        pk=episode.pk)


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()
