"""A build of a statutory return run in the background (ADR 0029): what was asked for and by
whom, how far the build has got, and what came out (the figures, the failures and the file).

The job is the record a person watches and downloads from; the task queue (django-tasks) only
carries the job's id to a worker. Progress is written by the build as it goes.
"""

import uuid

from django.conf import settings
from django.db import models


class ReturnJob(models.Model):
    class Return(models.TextChoices):
        CIN = "cin", "Children in need census"
        SSDA903 = "903", "SSDA903 children looked after return"
        ANNEX_A = "annex_a", "Ofsted Annex A"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    return_name = models.CharField(max_length=10, choices=Return.choices)
    year = models.PositiveSmallIntegerField(null=True, blank=True,
                                            help_text="cin and 903: the collection year's start")
    as_at = models.DateField(null=True, blank=True, help_text="Annex A: the as-at date")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=80, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    unit = models.CharField(max_length=20, blank=True, help_text="What is counted: children, rules")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True, help_text="The queue's result id")
    children = models.PositiveIntegerField(null=True, blank=True)
    errors = models.PositiveIntegerField(null=True, blank=True)
    queries = models.PositiveIntegerField(null=True, blank=True)
    # The validator's outcome (failures, rules run, crashed rules) and the return's own figures.
    outcome = models.JSONField(null=True, blank=True)
    figures = models.JSONField(default=dict, blank=True)
    message = models.TextField(blank=True, help_text="Why the build failed")
    file_name = models.CharField(max_length=100, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    file = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["return_name", "status", "requested_at"])]
        constraints = [
            models.CheckConstraint(
                name="return_job_year_or_as_at",
                condition=(models.Q(return_name="annex_a", as_at__isnull=False)
                           | (~models.Q(return_name="annex_a") & models.Q(year__isnull=False)))),
        ]

    def __str__(self):
        return f"{self.get_return_name_display()} {self.period_label} ({self.status})"

    @property
    def period_label(self) -> str:
        if self.return_name == self.Return.ANNEX_A:
            return f"as at {self.as_at:%-d %B %Y}" if self.as_at else ""
        return f"{self.year} to {self.year + 1}" if self.year else ""

    @property
    def is_done(self) -> bool:
        return self.status in (self.Status.FINISHED, self.Status.FAILED)

    @property
    def progress_text(self) -> str:
        if self.status == self.Status.QUEUED:
            return "Waiting to start"
        if not self.stage:
            return self.get_status_display()
        if self.total:
            return f"{self.stage}: {self.done:,} of {self.total:,} {self.unit}".rstrip()
        return self.stage
