"""The fixed lists of the governance records (GOVERNANCE.md sections 1, 3 and 7)."""

from django.db import models


class AttendanceKind(models.TextChoices):
    MEMBER = "member", "Member present"
    CO_OPTED = "co_opted", "Co-opted member present"
    SUBSTITUTE = "substitute", "Substitute member"
    APOLOGY = "apology", "Apologies for absence"
    OFFICER = "officer", "Officer"


class InterestKind(models.TextChoices):
    PECUNIARY = "pecuniary", "Pecuniary"
    NON_PECUNIARY = "non_pecuniary", "Non-pecuniary"


class ResolutionKind(models.TextChoices):
    """A resolution notes, endorses, or asks a named officer or role for something: the last
    becomes a Progress Tracker action (seeds/001_e8ea781e93d1811d.txt lines 157-161)."""

    NOTED = "noted", "Noted"
    ENDORSED = "endorsed", "Endorsed"
    DECIDED = "decided", "Decided (other)"
    REQUEST = "request", "Request to an officer (a tracker action)"


class TrackerStatus(models.TextChoices):
    OPEN = "open", "Open"
    AWAITING = "awaiting", "Awaiting a response"
    CLOSED = "closed", "Closed"


class UpdateKind(models.TextChoices):
    RAISED = "raised", "Raised"
    UPDATE = "update", "Update"
    CHASED = "chased", "Chased"
    CLOSED = "closed", "Closed"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETE = "complete", "Complete"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    COMPLETE = "complete", "Complete"


RAG_TAG_COLOURS = {Rag.RED: "red", Rag.AMBER: "yellow", Rag.GREEN: "green",
                   Rag.COMPLETE: "blue"}


class FocusArea(models.TextChoices):
    """The plan's three areas of focus for every priority (seeds/000_4c00c84da207e536.txt
    lines 3729-3731)."""

    PEOPLE = "people", "People"
    PRACTICE = "practice", "Practice"
    PARTNERS = "partners", "Partners"


class JudgementArea(models.TextChoices):
    """The ILACS judgement areas, one self-evaluation section each
    (seeds/004_46ad6842801cbab3.txt lines 145-452)."""

    HELP_AND_PROTECTION = "help_and_protection", (
        "The experiences and progress of children who need help and protection")
    IN_CARE = "in_care", "The experiences and progress of children in care and care leavers"
    LEADERS = "leaders", "The impact of leaders on social work practice with children and families"


# Which judgement area each indicator library area's headline figures go under.
AREA_OF_INDICATOR_AREA = {
    "Early help": JudgementArea.HELP_AND_PROTECTION,
    "Front door": JudgementArea.HELP_AND_PROTECTION,
    "Assessment": JudgementArea.HELP_AND_PROTECTION,
    "Child protection": JudgementArea.HELP_AND_PROTECTION,
    "Missing": JudgementArea.HELP_AND_PROTECTION,
    "Children in care": JudgementArea.IN_CARE,
    "Court": JudgementArea.IN_CARE,
    "Education": JudgementArea.IN_CARE,
    "Workforce": JudgementArea.LEADERS,
}

# The seed's three prompts, verbatim (seeds/004_46ad6842801cbab3.txt lines 149, 164, 263).
PROMPT_KNOW = "What do we know about the quality and impact of practice?"
PROMPT_HOW = "How do we know it?"
PROMPT_NEXT = ("What are we going to do over the next 6 months to maintain and improve "
               "practice?")
