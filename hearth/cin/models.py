from django.conf import settings
from django.db import models

from hearth.frontdoor.models import Referral
from hearth.people.models import Person


class CinPlan(models.Model):
    """A child in need plan on a referral: a CIN census `CINPlanDates` row.

    Reviewed and visited at the authority's intervals (core.LocalAuthority). The next due dates
    and the rules that set them are stored, as on the statutory tasks they mirror.
    """

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="cin_plans")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cin_plans")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField("Why the plan ended", max_length=300, blank=True)
    review_due_on = models.DateField(null=True, blank=True)
    review_rule = models.CharField(max_length=60)
    visit_due_on = models.DateField(null=True, blank=True)
    visit_rule = models.CharField(max_length=60)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = "child in need plan"
        indexes = [models.Index(fields=["child", "started_on"])]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(ended_on__isnull=True),
                                    name="one_open_cin_plan_per_child"),
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True)
                                   | models.Q(ended_on__gte=models.F("started_on")),
                                   name="cin_plan_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return f"Child in need plan for {self.child} from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class CinPlanReview(models.Model):
    """A review of a child in need plan (the plan's "last updated" date, indicator CIN04)."""

    plan = models.ForeignKey(CinPlan, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    note = models.TextField("What the review decided", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"Review of {self.plan} on {self.reviewed_on:%d %b %Y}"
