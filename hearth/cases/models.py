from django.conf import settings
from django.db import models

from hearth.accounts.models import Team
from hearth.people.models import Person


class AllocationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(end_date__isnull=True)

    def for_team(self, team):
        return self.filter(team=team)


class Allocation(models.Model):
    """Which team (and worker, if any) holds a child, from when to when.

    Kept as dated rows, never overwritten, so time unallocated and delays at transfer points
    are queries.
    """

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="allocations")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="allocations")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    allocated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    recorded_at = models.DateTimeField()

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(end_date__isnull=True),
                name="one_current_allocation_per_child",
            ),
        ]
        indexes = [models.Index(fields=["team", "end_date"]),
                   models.Index(fields=["worker", "end_date"])]

    def __str__(self) -> str:
        return f"{self.child} with {self.team}"


class ChronologyEntry(models.Model):
    """A significant event a worker adds to a child's chronology by hand, with their analysis.

    Events Hearth already holds (addresses, allocations, warnings...) are not copied here: the
    chronology reads them from their own records (selectors.chronology_for).
    """

    child = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="chronology_entries")
    occurred_on = models.DateField()
    title = models.CharField(max_length=150)
    detail = models.TextField(blank=True)
    source = models.CharField(max_length=100, blank=True,
                              help_text="Where this came from, for example a police notification")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name_plural = "chronology entries"

    def __str__(self) -> str:
        return self.title
