"""A looked-after child's permanence: the plan (each change a new row, so the history is kept),
panels, the adoption decision and its steps, special guardianship, long-term fostering matches,
reunification, and the permanence order the child had before this period of care; and the
prospective adopters' households (Annex A list 11)."""

from django.conf import settings
from django.db import models

from hearth.care.models import CarePeriod, CareReview
from hearth.people.codes import Ethnicity
from hearth.people.models import Person
from hearth.permanence import codes

USER = settings.AUTH_USER_MODEL


class _Record(models.Model):
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(CarePeriod, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        abstract = True


class PermanencePlan(_Record):
    """The permanence plan from `stage_since` until `ended_on` (None: the current one). A new
    plan type or stage ends this row and starts another: `agreed_on` is when this plan type was
    agreed, carried over while only the stage moves."""

    plan_type = models.CharField(max_length=30, choices=codes.PlanType.choices)
    stage = models.CharField(max_length=20, choices=codes.Stage.choices)
    agreed_on = models.DateField("Date the plan was agreed")
    agreed_at_review = models.ForeignKey(CareReview, null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="+")
    stage_since = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-stage_since", "-id"]
        indexes = [models.Index(fields=["child", "ended_on"]),
                   models.Index(fields=["period", "ended_on"])]
        constraints = [
            models.UniqueConstraint(fields=["period"], condition=models.Q(ended_on__isnull=True),
                                    name="one_current_permanence_plan_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.get_plan_type_display()}: {self.get_stage_display()}"


class PermanencePanel(_Record):
    kind = models.CharField(max_length=12, choices=codes.PanelKind.choices)
    held_on = models.DateField("Date of the panel or meeting")
    recommendation = models.CharField(max_length=300)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d %b %Y}"


class AdopterHousehold(models.Model):
    """Prospective adopters: one or two people, with the stages of their assessment."""

    reference = models.CharField("Family identifier", max_length=20, unique=True)
    legal_status = models.CharField("Legal status of the adopters", max_length=3,
                                    choices=codes.AdopterLegalStatus.choices)
    fostering_for_adoption = models.BooleanField("Fostering for adoption", default=False)
    enquiry_on = models.DateField("Date enquiry received")
    stage1_started_on = models.DateField(null=True, blank=True)
    stage1_ended_on = models.DateField(null=True, blank=True)
    stage2_started_on = models.DateField(null=True, blank=True)
    stage2_ended_on = models.DateField(null=True, blank=True)
    application_on = models.DateField(null=True, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    left_reason = models.CharField(max_length=20, blank=True,
                                   choices=codes.LeavingReason.choices)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-enquiry_on", "-id"]

    def __str__(self) -> str:
        return f"Prospective adopters {self.reference}"

    @property
    def stage_label(self) -> str:
        if self.left_on:
            return "Left the process"
        if self.approved_on:
            return "Approved"
        for field, label in (("application_on", "Application submitted"),
                             ("stage2_started_on", "Stage 2"), ("stage1_started_on", "Stage 1")):
            if getattr(self, field):
                return label
        return "Enquiry"


class Adopter(models.Model):
    household = models.ForeignKey(AdopterHousehold, on_delete=models.CASCADE,
                                  related_name="adopters")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    sex = models.CharField(max_length=1, choices=codes.AdopterSex.choices)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices)
    disabled = models.BooleanField(default=False)

    class Meta:
        ordering = ["household", "number"]
        constraints = [models.UniqueConstraint(fields=["household", "number"],
                                               name="one_adopter_number_per_household")]

    def __str__(self) -> str:
        return self.name

    @property
    def identifier(self) -> str:
        return f"{self.household.reference}-{self.number}"


class AdoptionDecision(_Record):
    """The agency decision maker's decision that the child should be placed for adoption, and
    the steps after it, each dated when it happens; or the decision reversed (903
    PlacedAdoption; Annex A list 10; AD1)."""

    decided_on = models.DateField("Date of the decision that the child should be placed for "
                                  "adoption")
    decision_maker = models.CharField("Agency decision maker", max_length=200)
    placement_order_on = models.DateField(null=True, blank=True)
    ffa_placed_on = models.DateField(null=True, blank=True)
    matched_on = models.DateField(null=True, blank=True)
    household = models.ForeignKey(AdopterHousehold, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="decisions")
    placed_on = models.DateField(null=True, blank=True)
    adoption_order_on = models.DateField(null=True, blank=True)
    reversed_on = models.DateField(null=True, blank=True)
    reversed_reason = models.CharField(max_length=3, blank=True,
                                       choices=codes.ReasonNoLongerPlaced.choices)

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["child", "decided_on"]),
                   models.Index(fields=["adoption_order_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], name="one_open_adoption_decision_per_child",
                condition=models.Q(reversed_on__isnull=True, adoption_order_on__isnull=True)),
            models.CheckConstraint(
                condition=models.Q(reversed_on__isnull=True) | ~models.Q(reversed_reason=""),
                name="adoption_decision_reversed_with_reason"),
        ]

    def __str__(self) -> str:
        return f"Should be placed for adoption {self.decided_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.reversed_on is None and self.adoption_order_on is None


class SpecialGuardianship(_Record):
    guardians = models.CharField("Who the special guardians are", max_length=200)
    relationship = models.CharField(max_length=20, choices=codes.GuardianRelationship.choices)
    assessment_started_on = models.DateField()
    assessment_completed_on = models.DateField(null=True, blank=True)
    order_on = models.DateField("Date of the special guardianship order", null=True,
                                blank=True)

    class Meta:
        ordering = ["-assessment_started_on", "-id"]

    def __str__(self) -> str:
        return f"Special guardianship assessment from {self.assessment_started_on:%d %b %Y}"


class LongTermFosteringMatch(_Record):
    carers = models.CharField("Foster carers", max_length=200)
    matched_on = models.DateField("Date of the long-term match")
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-matched_on", "-id"]

    def __str__(self) -> str:
        return f"Long-term fostering match {self.matched_on:%d %b %Y}"


class Reunification(_Record):
    returned_home_on = models.DateField("Date the child returned home")
    care_order_discharged_on = models.DateField("Date the care order was discharged",
                                                null=True, blank=True)

    class Meta:
        ordering = ["-returned_home_on", "-id"]

    def __str__(self) -> str:
        return f"Returned home {self.returned_home_on:%d %b %Y}"


class PreviousPermanence(models.Model):
    """The permanence order the child had before this period of care (903 PrevPerm): one per
    period."""

    period = models.OneToOneField(CarePeriod, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    order = models.CharField("Previous permanence order", max_length=2,
                             choices=codes.PreviousPermanenceOrder.choices)
    la_code = models.CharField("Local authority that made the arrangements", max_length=3,
                               blank=True)
    order_on = models.DateField("Date of the order", null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Previous permanence {self.order}"
