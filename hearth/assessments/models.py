from django.conf import settings
from django.db import models

from hearth.assessments.codes import (
    AssessmentFactor,
    AssessmentKind,
    AssessmentOutcome,
    ClockStart,
    PartnerAgency,
)
from hearth.frontdoor.models import Referral
from hearth.people.models import Person


class Assessment(models.Model):
    """A child and family (single) assessment on a referral: a CIN census `Assessments` row.

    Due (authorised) within 45 working days (TIMESCALES.md T02). The due date, the date the
    clock started from and the rule's version are stored, so the timeliness of an old
    assessment can be reproduced after the rule changes. Authorised assessments are read-only.
    """

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="assessments")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices)
    started_on = models.DateField()
    child_seen_on = models.DateField("Date the child was seen", null=True, blank=True)
    seen_alone = models.BooleanField("The child was seen alone", default=False)
    factors = models.JSONField(default=list, blank=True,
                               help_text="DfE AssessmentFactors codes")
    completed_on = models.DateField(null=True, blank=True)
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)
    lateness_reason = models.TextField("Reason it was authorised late", blank=True)
    due_on = models.DateField(help_text="Authorisation due by (45 working days)")
    clock_start = models.CharField(max_length=20, choices=ClockStart.choices)
    due_rule = models.CharField(max_length=60, help_text="The rule and version that set due_on")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["child", "started_on"]),
                   models.Index(fields=["authorised_on", "due_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["referral"], condition=models.Q(authorised_on__isnull=True),
                name="one_assessment_in_progress_per_referral",
            ),
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True)
                | models.Q(completed_on__gte=models.F("started_on")),
                name="assessment_completed_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(authorised_on__isnull=True)
                | models.Q(completed_on__isnull=False,
                           authorised_on__gte=models.F("completed_on"))
                & ~models.Q(outcome=""),
                name="assessment_authorised_when_complete_with_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.child} started {self.started_on:%d %b %Y}"

    @property
    def is_authorised(self) -> bool:
        return self.authorised_on is not None

    @property
    def was_late(self) -> bool | None:
        if self.authorised_on is None:
            return None
        return self.authorised_on > self.due_on

    @property
    def factor_labels(self) -> list[str]:
        labels = dict(AssessmentFactor.choices)
        return [f"{labels.get(code, code)} ({code})" for code in self.factors]


class PartnerContribution(models.Model):
    """What a partner agency contributed to an assessment, and when it arrived."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT,
                                   related_name="contributions")
    agency = models.CharField(max_length=10, choices=PartnerAgency.choices)
    agency_name = models.CharField("Which agency", max_length=150, blank=True)
    received_on = models.DateField()
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_agency_display()} contribution received {self.received_on:%d %b %Y}"
