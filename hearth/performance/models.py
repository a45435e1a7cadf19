"""Stored figures: the child population the rates divide by, each indicator's figure for a
month or quarter (computed, or entered by hand), and the exception commentary on it."""

from django.conf import settings
from django.db import models

USER = settings.AUTH_USER_MODEL


class ChildPopulation(models.Model):
    """The 0 to 17 population (ONS mid-year estimate) that PI.432 and PI.433 divide by: a
    figure applies from 1 April of its year until a later one is recorded."""

    year = models.PositiveSmallIntegerField(unique=True, help_text="The estimate's year")
    children = models.PositiveIntegerField("Children aged 0 to 17")
    source = models.CharField(max_length=200)
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return f"{self.children:,} children aged 0 to 17 ({self.year})"


class Snapshot(models.Model):
    """One indicator's figure for one period.

    The working figure is recomputed as records change; freezing it (when the committee is
    sent the quarter) keeps that figure for good beside the working one, so the number the
    committee saw can always be shown again and any later difference explained.
    """

    class Source(models.TextChoices):
        COMPUTED = "computed", "Computed from the records"
        ENTERED = "entered", "Entered by hand"

    indicator = models.CharField(max_length=20)
    period_kind = models.CharField(max_length=10)
    period_start = models.DateField()
    frozen = models.BooleanField(default=False)
    team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+",
                             help_text="A team's share of the figure (the children it held); "
                                       "empty for the authority's")
    numerator = models.DecimalField(max_digits=14, decimal_places=4)
    denominator = models.DecimalField(max_digits=14, decimal_places=4)
    gap = models.CharField(max_length=200, blank=True,
                           help_text="Why there is no figure, when there is none")
    source = models.CharField(max_length=10, choices=Source.choices)
    note = models.TextField(blank=True, help_text="Where an entered figure came from")
    worked_out_at = models.DateTimeField()
    entered_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    frozen_at = models.DateTimeField(null=True, blank=True)
    frozen_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_kind", "period_start", "frozen"],
                condition=models.Q(team__isnull=True),
                name="one_working_and_one_frozen_figure"),
            models.UniqueConstraint(
                fields=["indicator", "period_kind", "period_start", "team"],
                condition=models.Q(team__isnull=False),
                name="one_figure_per_team"),
        ]
        indexes = [models.Index(fields=["period_kind", "period_start"]),
                   models.Index(fields=["team", "period_kind", "period_start"])]

    def __str__(self):
        return f"{self.indicator} {self.period_kind} {self.period_start}"


class ExceptionCommentary(models.Model):
    """The commentary on an indicator below target for a quarter, under the seed's three
    headings (KPIS.md §16.7): drafted by the responsible officer, approved by the director."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"

    indicator = models.CharField(max_length=20)
    quarter_start = models.DateField()
    performance = models.TextField("Performance: what is the data telling us?")
    assurance = models.TextField(
        "Assurance: evidence that actions are in place and having an impact")
    impact = models.TextField("Impact: what are the issues/risks for service delivery?")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField()
    approved_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "quarter_start"],
                                               name="one_commentary_per_indicator_quarter")]

    def __str__(self):
        return f"{self.indicator} commentary for the quarter from {self.quarter_start}"
