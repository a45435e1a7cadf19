import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: ARG002 - refusing every update is the point
        raise PermissionError("The audit trail is append-only.")

    def delete(self):
        raise PermissionError("The audit trail is append-only.")

    def about_child(self, child_id: int):
        return self.filter(child_id=child_id)


class AuditEvent(models.Model):
    """One thing someone (or a system job) did to or saw of a record. Append-only.

    `child_id` is a plain integer rather than a foreign key so that the trail survives any
    change to the records it describes and can never be cascaded away.
    """

    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="audit_events",
    )
    system_job = models.CharField(max_length=100, blank=True)
    event_code = models.CharField(max_length=60, db_index=True)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    child_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.UUIDField(null=True, blank=True)
    channel = models.CharField(max_length=10, blank=True, help_text="web, api or command")
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["actor", "occurred_at"]),
            models.Index(fields=["child_id", "occurred_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.event_code} by {self.actor_display}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit trail is append-only.")

    @property
    def actor_display(self) -> str:
        if self.actor_id:
            return str(self.actor)
        return f"system: {self.system_job}"


def new_request_id() -> uuid.UUID:
    return uuid.uuid4()


class LocalAuthority(models.Model):
    """The council this installation serves. One row.

    Its 0-17 population is the denominator of every rate per 10,000 children.
    """

    name = models.CharField(max_length=100)
    la_code = models.CharField("DfE LA number", max_length=3)
    population_0_17 = models.PositiveIntegerField("Children aged 0 to 17")
    population_year = models.PositiveSmallIntegerField("Year of the population estimate")
    # Local standards (TIMESCALES.md: "configurable"), with the seed council's values as defaults.
    cp_visit_interval_working_days = models.PositiveSmallIntegerField(
        "Child protection visits at least every (working days)", default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)])
    core_group_interval_weeks = models.PositiveSmallIntegerField(
        "Core groups at least every (weeks)", default=6,
        validators=[MinValueValidator(1), MaxValueValidator(12)])
    cin_review_interval_weeks = models.PositiveSmallIntegerField(
        "Child in need plans reviewed at least every (weeks)", default=12,
        validators=[MinValueValidator(1), MaxValueValidator(26)])
    assessment_clock_start = models.CharField(
        "The 45 working-day assessment clock starts at", max_length=20, default="referral",
        choices=[("referral", "The referral (Working Together)"),
                 ("assessment_start", "The assessment's start (CIN census rule 8670Q)")])
    cin_visit_interval_working_days = models.PositiveSmallIntegerField(
        "Child in need visits at least every (working days)", default=20,
        validators=[MinValueValidator(1), MaxValueValidator(60)])

    class Meta:
        verbose_name_plural = "local authority"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "LocalAuthority | None":
        return cls.objects.order_by("pk").first()

    @classmethod
    def standards(cls) -> "LocalAuthority":
        """The authority's local standards, or the defaults when none is set up yet."""
        return cls.current() or cls(name="", la_code="", population_0_17=1, population_year=0)
