"""The health and education of a child while looked after: each record belongs to a period of
care, so ending care leaves them as history and a new period starts its clocks afresh."""

from django.conf import settings
from django.db import models

from hearth.care.models import CarePeriod
from hearth.health_education import codes
from hearth.people.models import Person

USER = settings.AUTH_USER_MODEL


class _Record(models.Model):
    period = models.ForeignKey(CarePeriod, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        abstract = True


class HealthCheck(_Record):
    """An initial or review health assessment, or a dental check."""

    kind = models.CharField(max_length=10, choices=codes.HealthCheckKind.choices)
    done_on = models.DateField("Date of the assessment or check")
    carried_out_by = models.CharField("Who carried it out", max_length=200,
                                      help_text="A role, for example paediatrician or dentist")

    class Meta:
        ordering = ["-done_on", "-id"]
        indexes = [models.Index(fields=["child", "kind", "done_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.done_on:%d %b %Y}"


class ImmunisationStatus(_Record):
    """Whether the child's immunisations were up to date on a day (903 OC2 IMMUNISATIONS)."""

    as_at = models.DateField("Up to date as at")
    up_to_date = models.BooleanField("Immunisations up to date")

    class Meta:
        ordering = ["-as_at", "-id"]
        indexes = [models.Index(fields=["child", "as_at"])]

    def __str__(self) -> str:
        return f"Immunisations {'up to date' if self.up_to_date else 'not up to date'}"


class SdqScore(_Record):
    """A strengths and difficulties questionnaire: the total difficulties score (0 to 40) or
    the reason there is none (903 OC2 SDQ_SCORE, SDQ_REASON)."""

    completed_on = models.DateField("Date of the questionnaire")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.CharField("Reason there is no score", max_length=4, blank=True,
                              choices=codes.SdqReason.choices)

    class Meta:
        ordering = ["-completed_on", "-id"]
        indexes = [models.Index(fields=["child", "completed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(score__isnull=False, score__lte=40, reason="")
                           | models.Q(score__isnull=True) & ~models.Q(reason="")),
                name="sdq_score_or_reason"),
        ]

    def __str__(self) -> str:
        return f"SDQ {self.completed_on:%d %b %Y}"


class PersonalEducationPlan(_Record):
    """A PEP meeting, with the school and the Virtual School."""

    held_on = models.DateField("Date of the PEP meeting")
    school = models.CharField("School or setting", max_length=200)
    chaired_by_child = models.BooleanField("The child or young person chaired it",
                                           default=False)
    virtual_school_attended = models.BooleanField("The Virtual School attended", default=False)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["child", "held_on"])]

    def __str__(self) -> str:
        return f"PEP {self.held_on:%d %b %Y}"


class EducationContact(_Record):
    """Contact with the child's school (designated teacher) or the Virtual School."""

    kind = models.CharField("Who with", max_length=20, choices=codes.ContactKind.choices)
    contacted_on = models.DateField("Date of the contact")
    contact_name = models.CharField("Name or role of the person contacted", max_length=200)

    class Meta:
        ordering = ["-contacted_on", "-id"]
        indexes = [models.Index(fields=["child", "contacted_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.contacted_on:%d %b %Y}"
