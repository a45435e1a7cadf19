"""Fostering households (their carers, assessment, panel, agency decisions, reviews and the
children placed with them) and the register of residential and supported-accommodation
providers.

A household's clocks are not about a child, so they are `HouseholdTask`s on the fostering
service's own worklist rather than `cases.StatutoryTask`s (which need a child): see ADR 15.
"""

from django.conf import settings
from django.db import models

from hearth.care.models import CareEpisode
from hearth.fostering import codes
from hearth.people.models import Person

USER = settings.AUTH_USER_MODEL


class FosteringHousehold(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    household_type = models.CharField("Type of fostering", max_length=30,
                                      choices=codes.HouseholdType.choices)
    status = models.CharField(max_length=20, choices=codes.HouseholdStatus.choices,
                              default=codes.HouseholdStatus.ENQUIRY)
    supervising_social_worker = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="fostering_households")
    postcode = models.CharField(max_length=8, blank=True)
    enquiry_on = models.DateField("Date of the enquiry")
    initial_visit_on = models.DateField("Date of the initial visit", null=True, blank=True)
    assessment_started_on = models.DateField(null=True, blank=True)
    # Connected person: temporary approval for a named child (Care Planning Regulations 2010
    # reg 24), extendable once (reg 25).
    temporary_approval_on = models.DateField(null=True, blank=True)
    temporary_approval_ends_on = models.DateField(null=True, blank=True)
    temporary_approval_extended = models.BooleanField(default=False)
    temporary_approval_child = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    approved_on = models.DateField(null=True, blank=True)
    approved_places = models.PositiveSmallIntegerField(default=0)
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    approved_sex = models.CharField(max_length=10, choices=codes.ApprovedSex.choices,
                                    default=codes.ApprovedSex.ANY)
    care_type = models.CharField("Type of care", max_length=30, blank=True,
                                 choices=codes.CareType.choices)
    last_reviewed_on = models.DateField(null=True, blank=True)
    review_due_on = models.DateField(null=True, blank=True)
    status_changed_on = models.DateField(null=True, blank=True)
    status_reason = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["reference"]
        indexes = [models.Index(fields=["status", "household_type"]),
                   models.Index(fields=["supervising_social_worker", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_from__isnull=True) | models.Q(age_to__isnull=True)
                | models.Q(age_to__gte=models.F("age_from")),
                name="fostering_age_range_in_order"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_connected_person(self) -> bool:
        return self.household_type == codes.HouseholdType.CONNECTED_PERSON

    @property
    def is_closed(self) -> bool:
        return self.status in codes.CLOSED_STATUSES


class FosterCarer(models.Model):
    """One of the household's carers (synthetic names only in tests and demonstrations)."""

    household = models.ForeignKey(FosteringHousehold, on_delete=models.CASCADE,
                                  related_name="carers")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class PanelRecommendation(models.Model):
    """The fostering panel's recommendation, then the agency decision maker's decision on it."""

    household = models.ForeignKey(FosteringHousehold, on_delete=models.PROTECT,
                                  related_name="panel_recommendations")
    business = models.CharField("What the panel considered", max_length=20,
                                choices=codes.PanelBusiness.choices)
    panel_on = models.DateField("Date of the panel")
    recommendation = models.CharField(max_length=20, choices=codes.Recommendation.choices)
    places = models.PositiveSmallIntegerField(null=True, blank=True)
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    approved_sex = models.CharField(max_length=10, blank=True,
                                    choices=codes.ApprovedSex.choices)
    care_type = models.CharField(max_length=30, blank=True, choices=codes.CareType.choices)
    note = models.TextField(blank=True)
    decision_due_on = models.DateField(null=True, blank=True)
    decision_rule = models.CharField(max_length=60, blank=True)
    decision = models.CharField("Agency decision maker's decision", max_length=20, blank=True,
                                choices=codes.AdmDecision.choices)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decision_note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-panel_on", "-id"]

    def __str__(self) -> str:
        return f"Panel on {self.panel_on}: {self.get_business_display()} for {self.household}"

    @property
    def is_decided(self) -> bool:
        return self.decided_on is not None


class ApprovalReview(models.Model):
    """An annual review of the carers' approval (Fostering Services Regulations 2011 reg 28)."""

    household = models.ForeignKey(FosteringHousehold, on_delete=models.PROTECT,
                                  related_name="reviews")
    reviewed_on = models.DateField("Date of the review")
    due_on = models.DateField(help_text="When the review was due when it was held")
    outcome = models.CharField(max_length=20, choices=codes.ReviewOutcome.choices)
    goes_to_panel = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Review of {self.household} on {self.reviewed_on}"

    @property
    def in_time(self) -> bool:
        return self.reviewed_on <= self.due_on


class HouseholdTask(models.Model):
    """A fostering clock on the fostering team's worklist; status is derived from `due_on`."""

    kind = models.CharField(max_length=40, choices=codes.HouseholdTaskKind.choices)
    household = models.ForeignKey(FosteringHousehold, on_delete=models.PROTECT,
                                  related_name="tasks")
    worker = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="fostering_tasks")
    due_on = models.DateField()
    rule = models.CharField(max_length=60)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    cancelled = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["closed_at", "due_on"]),
                   models.Index(fields=["worker", "closed_at", "due_on"])]
        constraints = [models.UniqueConstraint(
            fields=["household", "kind"], condition=models.Q(closed_at__isnull=True),
            name="one_open_fostering_task_of_a_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.household} by {self.due_on}"


class HouseholdPlacement(models.Model):
    """Which household a child's foster placement (a care episode, U1-U6) is with.

    Care's episode holds no carer, so the link lives here and is read-only towards care: it
    is carried to the next episode when only the legal status changed or the carers stayed the
    same (RNE L, T, U). Children placed now are the links whose episode is still open.
    """

    household = models.ForeignKey(FosteringHousehold, on_delete=models.PROTECT,
                                  related_name="placements")
    episode = models.OneToOneField(CareEpisode, on_delete=models.PROTECT,
                                   related_name="fostering_household_link")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    linked_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField()

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.child} placed with {self.household}"


class Provider(models.Model):
    """A residential or supported-accommodation provider on the authority's register."""

    name = models.CharField(max_length=200)
    kind = models.CharField("Type of provision", max_length=30,
                            choices=codes.ProviderKind.choices)
    place_provider = models.CharField("Provider (903 PLACE_PROVIDER)", max_length=3,
                                      choices=codes.ProviderType.choices)
    urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    registration = models.CharField("Registration status", max_length=20,
                                    choices=codes.Registration.choices)
    judgement = models.CharField("Latest Ofsted judgement", max_length=30, blank=True,
                                 choices=codes.OfstedJudgement.choices)
    judgement_on = models.DateField("Date of the latest judgement", null=True, blank=True)
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["registration", "kind"])]
        constraints = [models.UniqueConstraint(fields=["urn"], condition=~models.Q(urn=""),
                                               name="one_provider_per_urn")]

    def __str__(self) -> str:
        return self.name
