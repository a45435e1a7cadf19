"""Code lists for child protection: the CIN census's where one exists (RETURNS.md §2.2)."""

from django.db import models


class Agency(models.TextChoices):
    """The partner agencies the seeds count attendance for (KPIS.md H-CP-07)."""

    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    SOCIAL_CARE = "social_care", "Children's social care"
    OTHER = "other", "Other"


class StrategyDecision(models.TextChoices):
    SECTION_47 = "section_47", "Start a section 47 enquiry"
    NO_SECTION_47 = "no_section_47", "No section 47 enquiry"


class Section47Outcome(models.TextChoices):
    NOT_SUBSTANTIATED = "not_substantiated", "Concerns not substantiated"
    NOT_AT_RISK = "not_at_risk", (
        "Concerns substantiated, but the child is not judged to be at continuing risk of "
        "significant harm")
    CONTINUING_RISK = "continuing_risk", (
        "Concerns substantiated and the child is judged to be at continuing risk of "
        "significant harm")


class CategoryOfAbuse(models.TextChoices):
    """InitialCategoryOfAbuse and LatestCategoryOfAbuse (CIN census rules 8905 and 8910)."""

    NEG = "NEG", "Neglect"
    PHY = "PHY", "Physical abuse"
    SAB = "SAB", "Sexual abuse"
    EMO = "EMO", "Emotional abuse"
    MUL = "MUL", "Multiple"


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"


class ConferenceOutcome(models.TextChoices):
    PLAN = "plan", "A child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"
    CONTINUE_PLAN = "continue_plan", "Continue the child protection plan"
    END_PLAN = "end_plan", "End the child protection plan"


INITIAL_OUTCOMES = (ConferenceOutcome.PLAN, ConferenceOutcome.NO_PLAN)
REVIEW_OUTCOMES = (ConferenceOutcome.CONTINUE_PLAN, ConferenceOutcome.END_PLAN)


class ConferenceFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIRTUAL = "virtual", "Virtual"
    HYBRID = "hybrid", "Hybrid"


class PlanEndReason(models.TextChoices):
    REVIEW_DECISION = "review_decision", (
        "A review conference decided the child no longer needs a plan")
    LOOKED_AFTER = "looked_after", "The child became looked after"
    MOVED_AWAY = "moved_away", "The child moved to another local authority"
    TURNED_18 = "turned_18", "The child turned 18"
    DIED = "died", "The child died"
    OTHER = "other", "Another reason"
