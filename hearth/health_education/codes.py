from django.db import models


class HealthCheckKind(models.TextChoices):
    INITIAL = "initial", "Initial health assessment"
    REVIEW = "review", "Review health assessment"
    DENTAL = "dental", "Dental check"


class SdqReason(models.TextChoices):
    """Why there is no SDQ score (903 OC2 SDQ_REASON, rule 196; labels: verify)."""

    SDQ1 = "SDQ1", "Child under 4 or over 16 at the assessment date"
    SDQ2 = "SDQ2", "Carer refused to complete the questionnaire"
    SDQ3 = "SDQ3", "Not possible because of the child's disability"
    SDQ4 = "SDQ4", "Other reason"
    SDQ5 = "SDQ5", "Young person refused"


class ContactKind(models.TextChoices):
    SCHOOL = "school", "School (designated teacher)"
    VIRTUAL_SCHOOL = "virtual_school", "Virtual School"
