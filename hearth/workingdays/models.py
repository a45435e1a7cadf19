"""The days that are not working days, besides weekends. Written only by services.py."""

from django.conf import settings
from django.db import models


class BankHoliday(models.Model):
    """A bank holiday in England and Wales, loaded by `manage.py load_bank_holidays`."""

    class Source(models.TextChoices):
        GOV_UK_LIST = "gov_uk_list", "gov.uk list"
        HOLIDAYS_PACKAGE = "holidays_package", "holidays package"
        MANUAL = "manual", "manual"

    date = models.DateField(unique=True)
    title = models.CharField(max_length=100)
    source = models.CharField(max_length=20, choices=Source.choices)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}: {self.title}"


class LocalClosureDay(models.Model):
    """A weekday on which the authority's offices were or will be closed (snow, flood, strike)."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="closure_days_added"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}: {self.reason}"
