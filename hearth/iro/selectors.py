"""Reads for IRO challenges, each in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from hearth.accounts.roles import PERMISSIONS
from hearth.iro import rules
from hearth.iro.models import Challenge, ChallengeStage

STAGES = ChallengeStage.objects.select_related("addressed_to", "responded_by")


def challenges_for_child(child) -> list[Challenge]:
    """The child's challenges, open ones first, each with its stages (oldest first)."""
    challenges = (Challenge.objects.filter(child=child)
                  .select_related("raised_by", "resolved_by")
                  .prefetch_related(Prefetch("stages", queryset=STAGES)))
    return sorted(challenges, key=lambda c: (not c.is_open, -c.raised_on.toordinal(), -c.pk))


def current_stage(challenge: Challenge) -> ChallengeStage:
    return list(challenge.stages.all())[-1]


@dataclass(frozen=True)
class ResponseDue:
    on: dt.date
    overdue: bool


def response_due(stage: ChallengeStage, *, today: dt.date) -> ResponseDue | None:
    if stage.responded_on is not None:
        return None
    return ResponseDue(on=stage.response_due_on, overdue=stage.response_due_on < today)


def responders() -> QuerySet:
    """Staff who may be asked to respond: active users whose role holds the permission."""
    roles = PERMISSIONS["iro.respond_to_challenge"][0]
    return get_user_model().objects.filter(is_active=True, role__in=roles).order_by(
        "last_name", "first_name", "username")


def challenges_touching(quarter: rules.Quarter) -> QuerySet[Challenge]:
    """Every challenge that can count in the quarter: raised by its end and not resolved before
    its start (stages are fetched with them: two queries)."""
    return (Challenge.objects.filter(raised_on__lte=quarter.end)
            .filter(Q(resolved_on__isnull=True) | Q(resolved_on__gte=quarter.start))
            .prefetch_related("stages"))


def facts(challenges) -> list[rules.ChallengeFacts]:
    return [rules.ChallengeFacts(
        reason=c.reason, raised_on=c.raised_on, resolved_on=c.resolved_on,
        stages=tuple(rules.StageFacts(stage=s.stage, started_on=s.started_on,
                                      response_due_on=s.response_due_on,
                                      responded_on=s.responded_on) for s in c.stages.all()))
        for c in challenges]


def quarter_figures(quarter: rules.Quarter) -> rules.QuarterFigures:
    return rules.quarter_figures(facts(challenges_touching(quarter)), quarter)


def challenges_raised_in(quarter: rules.Quarter, *, visible_children) -> QuerySet[Challenge]:
    """The quarter's challenges about children the user may see, for the named list (paged)."""
    return (Challenge.objects.filter(raised_on__range=(quarter.start, quarter.end),
                                     child__in=visible_children)
            .select_related("child", "raised_by")
            .prefetch_related(Prefetch("stages", queryset=STAGES))
            .order_by("-raised_on", "-id"))
