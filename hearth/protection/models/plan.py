from django.conf import settings
from django.db import models

from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.protection.codes import CategoryOfAbuse, PlanEndReason
from hearth.protection.querysets import PlanQuerySet


class ChildProtectionPlan(models.Model):
    """A child protection plan (CIN census `ChildProtectionPlans`), started by the initial
    conference that decided on it. A child has at most one open plan."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="cp_plans")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cp_plans")
    initial_conference = models.OneToOneField("protection.Conference", on_delete=models.PROTECT,
                                              related_name="started_plan")
    start_date = models.DateField(help_text="CPPstartDate: the initial conference's date")
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    previous_plans = models.PositiveSmallIntegerField(
        "Number of previous plans", help_text="NumberOfPreviousCPP, counted from Hearth's records")
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=PlanEndReason.choices, blank=True)
    end_note = models.TextField(blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = "child protection plan"
        indexes = [models.Index(fields=["end_date", "start_date"]),
                   models.Index(fields=["child", "start_date"])]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(end_date__isnull=True),
                                    name="one_open_cp_plan_per_child"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True, end_reason="")
                | (models.Q(end_date__isnull=False) & ~models.Q(end_reason="")),
                name="cp_plan_ended_with_a_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="cp_plan_ends_on_or_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"Child protection plan for {self.child} from {self.start_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


class CoreGroup(models.Model):
    """A core group meeting on a plan. The first is due 10 working days after the initial
    conference (T07); each later one within the local interval of the last (T08)."""

    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT,
                             related_name="core_groups")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="core_groups")
    held_on = models.DateField()
    due_on = models.DateField(help_text="The date it was due by")
    is_first = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"Core group for {self.child} on {self.held_on:%d %b %Y}"

    @property
    def in_time(self) -> bool:
        return self.held_on <= self.due_on
