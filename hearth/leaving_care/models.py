"""Care leavers: the record, its eligibility history, personal adviser, pathway plan, contacts,
accommodation and activity, Staying Put and entitlements.

A young person may or may not have a looked-after record in Hearth, so being a care leaver is
recorded here explicitly, with the date they left care as a field. Due dates are stored with the
rule that set them, as on the statutory tasks they mirror (ADR 9).
"""

from django.conf import settings
from django.db import models

from hearth.leaving_care.codes import (
    Accommodation,
    Activity,
    Category,
    ContactKind,
    Entitlement,
    InTouch,
)
from hearth.people.models import Person

USER = settings.AUTH_USER_MODEL


def _staff(**kwargs):
    return models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", **kwargs)


class CareLeaver(models.Model):
    child = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="care_leaver")
    became_care_leaver_on = models.DateField("Became a care leaver on")
    left_care_on = models.DateField("Left care on", null=True, blank=True,
                                    help_text="Blank while the young person is looked after")
    personal_adviser = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="care_leavers_advised")
    adviser_due_on = models.DateField(help_text="When a personal adviser should be allocated")
    adviser_rule = models.CharField(max_length=60)
    needs_assessment_due_on = models.DateField()
    needs_assessment_rule = models.CharField(max_length=60)
    needs_assessment_done_on = models.DateField(null=True, blank=True)
    contact_due_on = models.DateField(null=True, blank=True)
    contact_rule = models.CharField(max_length=60, blank=True)
    support_to_25_requested_on = models.DateField(null=True, blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["child__last_name", "child__first_name", "id"]
        indexes = [models.Index(fields=["contact_due_on"]),
                   models.Index(fields=["personal_adviser"])]

    def __str__(self) -> str:
        return f"Care leaver record for {self.child}"


class CategoryPeriod(models.Model):
    """The eligibility category from a date (a dated row; the latest one that has begun is
    the current category)."""

    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.CASCADE,
                                    related_name="categories")
    category = models.CharField(max_length=20, choices=Category.choices)
    applies_from = models.DateField()
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-applies_from", "-id"]
        constraints = [models.UniqueConstraint(fields=["care_leaver", "applies_from"],
                                               name="one_category_per_care_leaver_per_day")]

    def __str__(self) -> str:
        return f"{self.get_category_display()} from {self.applies_from:%d %b %Y}"


class AdviserAllocation(models.Model):
    """Each allocation of a personal adviser: the history behind CareLeaver.personal_adviser."""

    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.CASCADE,
                                    related_name="adviser_allocations")
    adviser = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    allocated_on = models.DateField()
    allocated_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-allocated_on", "-id"]

    def __str__(self) -> str:
        return f"{self.adviser} from {self.allocated_on:%d %b %Y}"


class PathwayPlan(models.Model):
    care_leaver = models.OneToOneField(CareLeaver, on_delete=models.CASCADE,
                                       related_name="pathway_plan")
    agreed_on = models.DateField()
    review_due_on = models.DateField(null=True, blank=True)
    review_rule = models.CharField(max_length=60, blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Pathway plan agreed {self.agreed_on:%d %b %Y}"


class PathwayPlanReview(models.Model):
    plan = models.ForeignKey(PathwayPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    note = models.TextField(blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Pathway plan review on {self.reviewed_on:%d %b %Y}"


class Contact(models.Model):
    """A contact with the care leaver (T64): a visit, call or message, in touch or not."""

    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.CASCADE,
                                    related_name="contacts")
    contact_on = models.DateField()
    kind = models.CharField(max_length=10, choices=ContactKind.choices)
    made_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    in_touch = models.BooleanField(help_text="Whether the young person was reached")
    note = models.TextField(blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-contact_on", "-id"]
        indexes = [models.Index(fields=["care_leaver", "contact_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.contact_on:%d %b %Y}"


class Situation(models.Model):
    """In touch, activity and accommodation as at a date: the facts of the 903 OC3 table."""

    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.CASCADE,
                                    related_name="situations")
    as_at = models.DateField()
    in_touch = models.CharField(max_length=4, choices=InTouch.choices)
    activity = models.CharField(max_length=2, choices=Activity.choices, blank=True)
    accommodation = models.CharField(max_length=1, choices=Accommodation.choices, blank=True)
    accommodation_suitable = models.BooleanField(null=True, blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-as_at", "-id"]
        indexes = [models.Index(fields=["care_leaver", "as_at"])]

    def __str__(self) -> str:
        return f"Situation on {self.as_at:%d %b %Y}"

    @property
    def accom_903(self) -> str:
        """The OC3 ACCOM code: the letter and 1 (suitable) or 2 (unsuitable)."""
        if not self.accommodation:
            return ""
        return f"{self.accommodation}{1 if self.accommodation_suitable else 2}"


class StayingPut(models.Model):
    """Living on with former foster carers after 18."""

    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.CASCADE,
                                    related_name="staying_put")
    carers = models.CharField("Former foster carers", max_length=200)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["care_leaver"],
                                    condition=models.Q(ended_on__isnull=True),
                                    name="one_open_staying_put_per_care_leaver"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True)
                                   | models.Q(ended_on__gte=models.F("started_on")),
                                   name="staying_put_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return f"Staying Put with {self.carers} from {self.started_on:%d %b %Y}"


class EntitlementOffer(models.Model):
    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.CASCADE,
                                    related_name="entitlements")
    kind = models.CharField(max_length=30, choices=Entitlement.choices)
    detail = models.CharField(max_length=200, blank=True)
    offered_on = models.DateField()
    taken_up = models.BooleanField(null=True, blank=True, help_text="Blank: not known yet")
    recorded_by = _staff()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-offered_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} offered {self.offered_on:%d %b %Y}"
