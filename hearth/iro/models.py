from django.conf import settings
from django.db import models

from hearth.iro.codes import Reason, Stage
from hearth.people.models import Person


class Challenge(models.Model):
    """A challenge an IRO raises about a child's plan under the dispute resolution protocol.

    It moves through stages (ChallengeStage: informal, then formal stages up the line of
    management) until the IRO resolves it, "closing the loop" with the outcome.
    """

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="iro_challenges")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    raised_on = models.DateField()
    reason = models.CharField("Reason", max_length=30, choices=Reason.choices)
    asked_for = models.TextField("What the IRO asked for")
    resolved_on = models.DateField(null=True, blank=True)
    outcome = models.TextField("Outcome", blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-raised_on", "-id"]
        indexes = [models.Index(fields=["child", "raised_on"]),
                   models.Index(fields=["raised_on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(resolved_on__isnull=True)
                                   | models.Q(resolved_on__gte=models.F("raised_on")),
                                   name="iro_challenge_resolved_after_raised"),
        ]

    def __str__(self) -> str:
        return f"IRO challenge about {self.child} raised {self.raised_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None


class ChallengeStage(models.Model):
    """One stage of a challenge: to whom it was addressed, when the response is due (working
    days, rules.RESPONSE_WORKING_DAYS) and the response. Escalating starts the next stage."""

    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="stages")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    started_on = models.DateField()
    addressed_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    response_due_on = models.DateField()
    response_rule = models.CharField(max_length=60)
    why_escalated = models.TextField("Why the IRO escalated it", blank=True)
    responded_on = models.DateField(null=True, blank=True)
    response = models.TextField("Response", blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "stage"],
                                    name="iro_challenge_stage_once"),
            models.CheckConstraint(condition=models.Q(responded_on__isnull=True)
                                   | models.Q(responded_on__gte=models.F("started_on")),
                                   name="iro_stage_response_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} from {self.started_on:%d %b %Y}"

    @property
    def responded_in_time(self) -> bool | None:
        if self.responded_on is None:
            return None
        return self.responded_on <= self.response_due_on
