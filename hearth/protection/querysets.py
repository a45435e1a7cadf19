import datetime as dt

from django.db import models

from hearth.cases.models import Allocation


class PlanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(end_date__isnull=True)

    def held_by_team(self, team_id: int):
        """Plans of children the team holds now (their current allocation)."""
        held = Allocation.objects.current().filter(team_id=team_id).values("child_id")
        return self.filter(child__in=held)

    def started_between(self, start_from: dt.date | None, start_before: dt.date | None):
        plans = self
        if start_from is not None:
            plans = plans.filter(start_date__gte=start_from)
        if start_before is not None:
            plans = plans.filter(start_date__lt=start_before)
        return plans


def held_by_team_on_the_day(team_id: int) -> models.Exists:
    """For meetings (anything with `child` and `held_on`): the team held the child that day."""
    allocations = Allocation.objects.filter(
        child=models.OuterRef("child"), team_id=team_id,
        start_date__lte=models.OuterRef("held_on"))
    return models.Exists(allocations.filter(
        models.Q(end_date__isnull=True) | models.Q(end_date__gt=models.OuterRef("held_on"))))
