from django.conf import settings
from django.db import models

from hearth.care import codes
from hearth.people.models import Person

USER = settings.AUTH_USER_MODEL


class CarePeriod(models.Model):
    """A period of being looked after: from the day the child became looked after to the day
    they ceased to be. Its episodes are the 903 Episodes rows.

    The IRO's allocation deadline and the next review and visit due dates are stored, with the
    rules that set them, as on the statutory tasks they mirror.
    """

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="care_periods")
    started_on = models.DateField("Date the child became looked after")
    ended_on = models.DateField("Date the child ceased to be looked after", null=True,
                                blank=True)
    end_reason = models.CharField("Reason the child ceased to be looked after", max_length=3,
                                  choices=codes.ReasonEpisodeCeased.choices, blank=True)
    iro = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                            related_name="iro_periods", verbose_name="IRO")
    iro_allocated_on = models.DateField(null=True, blank=True)
    iro_due_at = models.DateTimeField()
    review_due_on = models.DateField(null=True, blank=True)
    review_rule = models.CharField(max_length=60)
    visit_due_on = models.DateField(null=True, blank=True)
    visit_rule = models.CharField(max_length=60, blank=True)
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    ended_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["child", "started_on"]),
                   models.Index(fields=["iro", "ended_on"])]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(ended_on__isnull=True),
                                    name="one_open_care_period_per_child"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True)
                                   | models.Q(ended_on__gte=models.F("started_on")),
                                   name="care_period_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return f"Period of care for {self.child} from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class CareEpisode(models.Model):
    """One 903 Episodes row: a stretch of a period with the same legal status and placement.

    A change of either ends this episode (REC X1) and starts the next; the reason for the new
    episode (RNE) says what changed.
    """

    period = models.ForeignKey(CarePeriod, on_delete=models.PROTECT, related_name="episodes")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="care_episodes")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reason_new_episode = models.CharField("Reason for new episode", max_length=1,
                                          choices=codes.ReasonNewEpisode.choices)
    legal_status = models.CharField(max_length=2, choices=codes.LegalStatus.choices)
    category_of_need = models.CharField(max_length=2, choices=codes.CategoryOfNeed.choices)
    placement_type = models.CharField(max_length=3, choices=codes.PlacementType.choices)
    provider_type = models.CharField("Placement provider", max_length=3, blank=True,
                                     choices=codes.ProviderType.choices)
    provision = models.CharField(max_length=20, choices=codes.Provision.choices)
    placement_postcode = models.CharField(max_length=8)
    home_postcode = models.CharField("Postcode of the child's home", max_length=8, blank=True)
    urn = models.CharField("Ofsted URN of the placement", max_length=8, blank=True)
    placement_started_on = models.DateField(help_text="The placement's first day: earlier "
                                            "than the episode's when only the legal status "
                                            "changed")
    intended_until_18 = models.BooleanField(
        "The placement is intended to last until the child is 18", default=False)
    reason_ceased = models.CharField("Reason episode ceased", max_length=3, blank=True,
                                     choices=codes.ReasonEpisodeCeased.choices)
    reason_place_change = models.CharField("Reason for placement change", max_length=6,
                                           blank=True, choices=codes.ReasonPlaceChange.choices)
    needs_sign_off = models.BooleanField(default=False)
    head_of_service_agreed = models.BooleanField(
        "The head of service agreed this emergency placement", default=False)
    signed_off_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    signed_off_at = models.DateTimeField(null=True, blank=True)
    sign_off_note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["needs_sign_off", "ended_on"])]
        constraints = [
            models.UniqueConstraint(fields=["period"], condition=models.Q(ended_on__isnull=True),
                                    name="one_open_episode_per_care_period"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True)
                                   | models.Q(ended_on__gte=models.F("started_on")),
                                   name="care_episode_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return (f"Episode of care for {self.child} from {self.started_on:%d %b %Y}: "
                f"{self.legal_status}, {self.placement_type}")

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None


class CareReview(models.Model):
    """A looked-after review (903 Reviews row), chaired by the IRO."""

    period = models.ForeignKey(CarePeriod, on_delete=models.PROTECT, related_name="reviews")
    number = models.PositiveSmallIntegerField(help_text="1 for the first review of the period")
    held_on = models.DateField()
    due_on = models.DateField(help_text="When this review was due when it was held")
    chair = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    participation = models.CharField("How the child took part", max_length=3,
                                     choices=codes.Participation.choices)
    note = models.TextField("What the review decided", blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["period", "number"],
                                               name="one_review_number_per_period")]

    def __str__(self) -> str:
        return f"Looked-after review {self.number} for {self.period.child_id} on {self.held_on}"

    @property
    def in_time(self) -> bool:
        return self.held_on <= self.due_on


class DeprivationOfLibertyOrder(models.Model):
    """A court order authorising the deprivation of a looked-after child's liberty (the
    inherent jurisdiction of the High Court): an SSDA903 DoLo row from 2026 to 2027
    (DOLO_START, DOLO_END). Open while it has no end date; one open at a time per child."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="dolo_orders")
    started_on = models.DateField("Date the order started")
    ended_on = models.DateField("Date the order ended", null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = "deprivation of liberty order"
        indexes = [models.Index(fields=["child", "started_on"])]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(ended_on__isnull=True),
                                    name="one_open_dolo_per_child"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True)
                                   | models.Q(ended_on__gte=models.F("started_on")),
                                   name="dolo_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return f"Deprivation of liberty order for {self.child} from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None
