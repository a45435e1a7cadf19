"""Data-quality issues: each failure of a statutory return's rule, kept across runs so a rerun
updates it and a correction resolves it; queries' explanations; and the runs themselves."""

from django.conf import settings
from django.db import models

from hearth.people.models import Person


class DataQualityRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"

    check_code = models.CharField(max_length=30)
    collection_year = models.CharField(max_length=40, blank=True)
    as_at = models.DateField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    system_job = models.CharField(max_length=60, blank=True,
                                  help_text="The job that ran it when no one did: nightly")
    failures = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    queries = models.PositiveIntegerField(default=0)
    opened = models.PositiveIntegerField(default=0)
    reopened = models.PositiveIntegerField(default=0)
    still_open = models.PositiveIntegerField(default=0)
    resolved = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(null=True, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["check_code", "status", "started_at"])]
        constraints = [
            # Two runs of one check never overlap: the second one's insert fails (ADR 7).
            models.UniqueConstraint(fields=["check_code"], condition=models.Q(status="running"),
                                    name="one_running_data_quality_run_per_check"),
        ]

    def __str__(self) -> str:
        return f"{self.check_code} run {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def who(self) -> str:
        return str(self.started_by) if self.started_by_id else (self.system_job or "Hearth")


class DataQualityIssue(models.Model):
    class Kind(models.TextChoices):
        ERROR = "error", "Error"
        QUERY = "query", "Query"

    fingerprint = models.CharField(max_length=64, unique=True,
                                   help_text="rules.fingerprint: the same issue in every run")
    check_code = models.CharField(max_length=30)
    collection_year = models.CharField(max_length=40)
    rule_code = models.CharField(max_length=20)
    kind = models.CharField(max_length=5, choices=Kind.choices)
    message = models.TextField()
    la_child_id = models.CharField(max_length=40, blank=True,
                                   help_text="The return's child ID; blank for the whole return")
    child = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="data_quality_issues")
    table = models.CharField(max_length=80, blank=True)
    columns = models.CharField(max_length=400, blank=True)
    values = models.TextField(blank=True)
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    first_run = models.ForeignKey(DataQualityRun, null=True, on_delete=models.SET_NULL,
                                  related_name="+")
    last_run = models.ForeignKey(DataQualityRun, null=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        ordering = ["-first_seen", "id"]
        indexes = [models.Index(fields=["check_code", "collection_year", "resolved_at"]),
                   models.Index(fields=["child", "resolved_at"]),
                   models.Index(fields=["rule_code"])]

    def __str__(self) -> str:
        who = self.la_child_id or "the whole return"
        return f"{self.rule_code} ({self.get_kind_display()}) for {who}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def is_query(self) -> bool:
        return self.kind == self.Kind.QUERY

    @property
    def where(self) -> str:
        if not self.table:
            return ""
        place = f"{self.table}: {self.columns}" if self.columns else self.table
        return f"{place} = {self.values}" if self.values.strip(" /") else place


class QueryExplanation(models.Model):
    """Why a query stands. Kept with its issue, which is the same row in every run."""

    issue = models.ForeignKey(DataQualityIssue, on_delete=models.CASCADE,
                              related_name="explanations")
    text = models.TextField()
    explained_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    explained_at = models.DateTimeField()

    class Meta:
        ordering = ["-explained_at", "-id"]

    def __str__(self) -> str:
        return f"Explanation of {self.issue}"
