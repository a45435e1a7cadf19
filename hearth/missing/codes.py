"""Code lists for missing episodes. The 903 `MISSING` codes are the DfE's (RETURNS.md, 1006);
the others are Hearth's own, in social workers' words."""

from django.db import models


class MissingKind(models.TextChoices):
    """SSDA903 Missing table, MISSING column."""

    MISSING = "M", "Missing"
    AWAY = "A", "Away from placement without authorisation"


class EpisodeSource(models.TextChoices):
    WORKER = "worker", "Recorded by a worker"
    POLICE = "police", "Police notification"


class Risk(models.TextChoices):
    """Risks identified during an episode or found at the return home interview."""

    CSE = "cse", "Child sexual exploitation"
    CCE = "cce", "Child criminal exploitation or county lines"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse"
    SELF_HARM = "self_harm", "Self-harm"
    TRAFFICKING = "trafficking", "Trafficking or modern slavery"
    OTHER = "other", "Other (say what in the note)"


class InterviewOutcome(models.TextChoices):
    HELD = "held", "Interview held"
    DECLINED = "declined", "Declined"
    DECLINED_AFTER_OFFERS = "declined_after_offers", "Declined after 3 offers"


def risk_labels(codes: list[str]) -> list[str]:
    labels = dict(Risk.choices)
    return [str(labels.get(code, code)) for code in codes]
