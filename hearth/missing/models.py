from django.conf import settings
from django.db import models

from hearth.missing.codes import EpisodeSource, InterviewOutcome, MissingKind
from hearth.missing.rules import in_time
from hearth.people.models import Person


class MissingEpisode(models.Model):
    """A time a child was missing, or away from their placement without authorisation: an
    SSDA903 `Missing` row (MISSING, MIS_START, MIS_END).

    `started_on` and `returned_on` are the London dates of the two moments, kept for the 903
    and for reports by date. `interview_due_at` (72 hours after the return, T39) is stored when
    the return is recorded, as on the statutory task it mirrors.
    """

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="missing_episodes")
    kind = models.CharField("Missing or away", max_length=1, choices=MissingKind.choices)
    source = models.CharField(max_length=10, choices=EpisodeSource.choices,
                              default=EpisodeSource.WORKER)
    started_at = models.DateTimeField("Went missing")
    started_on = models.DateField()
    reported_to_police = models.BooleanField(default=False)
    police_reference = models.CharField(max_length=60, blank=True)
    risks = models.JSONField("Risks identified", default=list, blank=True,
                             help_text="Codes from hearth.missing.codes.Risk")
    risk_note = models.TextField(blank=True)
    returned_at = models.DateTimeField("Returned", null=True, blank=True)
    returned_on = models.DateField(null=True, blank=True)
    found_at_place = models.CharField("Where they were found or returned to", max_length=300,
                                      blank=True)
    interview_due_at = models.DateTimeField(null=True, blank=True)
    interview_rule = models.CharField(max_length=60, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()
    return_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["child", "started_at"]),
                   models.Index(fields=["started_on"])]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(returned_at__isnull=True),
                                    name="one_open_missing_episode_per_child"),
            models.CheckConstraint(condition=models.Q(returned_at__isnull=True)
                                   | models.Q(returned_at__gte=models.F("started_at")),
                                   name="missing_episode_returns_after_it_starts"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} episode of {self.child} from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.returned_at is None


class PoliceNotification(models.Model):
    """A police missing-person notification (West Midlands Police's "compact"): every child the
    police record as missing is referred automatically. It creates an episode, or is linked to
    the child's episode already covering that time."""

    episode = models.ForeignKey(MissingEpisode, on_delete=models.PROTECT,
                                related_name="police_notifications")
    police_reference = models.CharField(max_length=60)
    force = models.CharField("Police force", max_length=100)
    reported_at = models.DateTimeField("Reported missing to the police")
    created_episode = models.BooleanField(
        help_text="False when it was linked to an episode already recorded")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return f"Police notification {self.police_reference} ({self.force})"


class ReturnInterviewOffer(models.Model):
    """An appointment offered for the return home interview (up to three, T40)."""

    episode = models.ForeignKey(MissingEpisode, on_delete=models.PROTECT,
                                related_name="interview_offers")
    offered_at = models.DateTimeField()
    accepted = models.BooleanField()
    note = models.CharField(max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["offered_at", "id"]

    def __str__(self) -> str:
        return f"Return interview offered {self.offered_at:%d %b %Y %H:%M}"


class ReturnInterview(models.Model):
    """The return home interview after an episode: held, or recorded as declined (only after
    an offer). Whether it was held within 72 hours is derived from the episode's due time."""

    episode = models.OneToOneField(MissingEpisode, on_delete=models.PROTECT,
                                   related_name="interview")
    outcome = models.CharField(max_length=30, choices=InterviewOutcome.choices)
    held_at = models.DateTimeField(null=True, blank=True)
    declined_on = models.DateField(null=True, blank=True)
    conducted_by = models.CharField("Who carried it out", max_length=200, blank=True)
    independent = models.BooleanField(
        null=True, help_text="Whether they were independent of the child's social worker")
    seen_alone = models.BooleanField(null=True)
    risks_found = models.JSONField(default=list, blank=True,
                                   help_text="Codes from hearth.missing.codes.Risk")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(outcome=InterviewOutcome.HELD, held_at__isnull=False)
                           | (~models.Q(outcome=InterviewOutcome.HELD)
                              & models.Q(declined_on__isnull=False))),
                name="return_interview_held_has_a_time_declined_has_a_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} after {self.episode}"

    @property
    def was_held(self) -> bool:
        return self.outcome == InterviewOutcome.HELD

    @property
    def within_72_hours(self) -> bool | None:
        """Held at or before the due time; None when it was not held."""
        return in_time(self.held_at, self.episode.interview_due_at) if self.was_held else None
