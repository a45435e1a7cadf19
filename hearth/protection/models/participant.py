from django.db import models

from hearth.protection.codes import Agency


class Participant(models.Model):
    """Someone from a partner agency at (or asked to) a strategy discussion, conference or
    core group. One table for the three so partner attendance is one query (H-CP-07)."""

    strategy_discussion = models.ForeignKey(
        "protection.StrategyDiscussion", null=True, blank=True, on_delete=models.CASCADE,
        related_name="participants")
    conference = models.ForeignKey("protection.Conference", null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="participants")
    core_group = models.ForeignKey("protection.CoreGroup", null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="participants")
    agency = models.CharField(max_length=20, choices=Agency.choices)
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=100, blank=True)
    invited = models.BooleanField(default=True)
    attended = models.BooleanField(default=True)
    contributed = models.BooleanField(
        default=False, help_text="A report or contribution was received before the meeting")

    class Meta:
        ordering = ["agency", "name", "id"]
        indexes = [models.Index(fields=["agency", "attended"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(strategy_discussion__isnull=False, conference__isnull=True,
                             core_group__isnull=True)
                    | models.Q(strategy_discussion__isnull=True, conference__isnull=False,
                               core_group__isnull=True)
                    | models.Q(strategy_discussion__isnull=True, conference__isnull=True,
                               core_group__isnull=False)
                ),
                name="participant_of_exactly_one_meeting",
            ),
        ]

    def __str__(self) -> str:
        role = f", {self.role}" if self.role else ""
        return f"{self.name}{role} ({self.get_agency_display()})"
