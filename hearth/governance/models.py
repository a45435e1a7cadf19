"""Committee work (meetings, agenda, attendance, declarations, numbered minutes, resolutions and
the Progress Tracker), the improvement plan and the self-evaluation (GOVERNANCE.md sections 1,
3 and 7). None of these is a child's record: committee outputs are aggregate
(seeds/001_e8ea781e93d1811d.txt lines 207-209), so nothing here links to a child."""

from django.conf import settings
from django.db import models

from hearth.governance.codes import (
    ActionStatus,
    AttendanceKind,
    FocusArea,
    InterestKind,
    JudgementArea,
    ResolutionKind,
    TrackerStatus,
    UpdateKind,
)

USER = settings.AUTH_USER_MODEL


class Committee(models.Model):
    name = models.CharField(max_length=200, unique=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("Date of the meeting")
    starts_at = models.TimeField("Start time", null=True, blank=True)
    venue = models.CharField(max_length=300)
    public_attending = models.PositiveSmallIntegerField(
        "Members of the public present", null=True, blank=True)
    ended_at = models.TimeField("The meeting ended at", null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["committee", "held_on"],
                                               name="one_meeting_a_day_per_committee")]

    def __str__(self) -> str:
        return f"{self.committee} on {self.held_on:%-d %B %Y}"


class AgendaItem(models.Model):
    """An item of business and its report: a link to the published report or its text (no file
    is uploaded)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="agenda_items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    report_author = models.CharField("Report author", max_length=200, blank=True)
    report_url = models.URLField("Link to the report", max_length=500, blank=True)
    report_text = models.TextField("The report or its summary", blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"],
                                               name="agenda_item_number_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="attendance")
    kind = models.CharField(max_length=20, choices=AttendanceKind.choices)
    name = models.CharField(max_length=200)
    position = models.CharField("Role or job title", max_length=200, blank=True,
                                help_text="Chair, Vice-Chair, or the officer's job title")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class Declaration(models.Model):
    """A declaration of interest under the Members' Code of Conduct: a conflict-of-interest
    record (seeds/001_e8ea781e93d1811d.txt lines 129-135)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="declarations")
    member_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=InterestKind.choices)
    reason = models.CharField(max_length=500)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.member_name}: {self.get_kind_display().lower()} interest"


class Minute(models.Model):
    """A numbered minute. Numbers continue across the committee's municipal year (rules.
    municipal_year_of); the committee and year are stored so the database keeps them unique."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="minutes")
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="+")
    municipal_year = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="minutes")
    narrative = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["committee", "municipal_year", "number"],
                                               name="minute_number_once_a_municipal_year")]

    def __str__(self) -> str:
        return f"Minute No. {self.number}"


class Resolution(models.Model):
    minute = models.ForeignKey(Minute, on_delete=models.PROTECT, related_name="resolutions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=ResolutionKind.choices)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["minute", "number"],
                                               name="resolution_number_once")]

    def __str__(self) -> str:
        return f"{self.minute} Resolution ({self.number})"


class TrackerAction(models.Model):
    """A Progress Tracker row: from a resolution that requests something of a named officer or
    role (seeds/001_e8ea781e93d1811d.txt lines 281-286). Its owner in Hearth chases it (it is
    on their My work when overdue); its age counts from the meeting until it is closed."""

    resolution = models.OneToOneField(Resolution, on_delete=models.PROTECT,
                                      related_name="tracker_action")
    action = models.TextField("Recommendation/action")
    responsible = models.CharField("Responsible Officer/Area", max_length=200)
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="tracker_actions",
                              help_text="Who in Hearth follows it up")
    due_on = models.DateField("Response due")
    status = models.CharField(max_length=20, choices=TrackerStatus.choices,
                              default=TrackerStatus.OPEN)
    notes = models.TextField("Status/Notes", blank=True)
    last_chased_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"Tracker action from {self.resolution}"

    @property
    def raised_on(self):
        return self.resolution.minute.meeting.held_on

    @property
    def is_open(self) -> bool:
        return self.status != TrackerStatus.CLOSED


class TrackerUpdate(models.Model):
    """The status history of a tracker action, with dates."""

    action = models.ForeignKey(TrackerAction, on_delete=models.PROTECT, related_name="updates")
    kind = models.CharField(max_length=20, choices=UpdateKind.choices)
    status = models.CharField(max_length=20, choices=TrackerStatus.choices)
    on = models.DateField()
    note = models.TextField(blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on}"


class ImprovementPlan(models.Model):
    title = models.CharField(max_length=300)
    starts_on = models.DateField()
    ends_on = models.DateField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gt=models.F(
            "starts_on")), name="improvement_plan_ends_after_it_starts")]

    def __str__(self) -> str:
        return self.title


class Priority(models.Model):
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.PROTECT, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    responsible = models.CharField("Responsible officer (role)", max_length=200)
    to_improve = models.TextField("What do we need to improve?")
    inspectorate_said = models.TextField("What the inspectorate said", blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [models.UniqueConstraint(fields=["plan", "number"],
                                               name="priority_number_once")]

    def __str__(self) -> str:
        return f"Priority {self.number}: {self.name}"


class ImprovementAction(models.Model):
    """One dated action: a single record, so the plan's dates cannot disagree with each other
    (REQUIREMENTS.md section 9). Its RAG is worked out from status and dates (rules.rag)."""

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="actions")
    focus = models.CharField("Area of focus", max_length=20, choices=FocusArea.choices)
    text = models.TextField("What we will do")
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="improvement_actions")
    due_on = models.DateField("Due by")
    status = models.CharField(max_length=20, choices=ActionStatus.choices,
                              default=ActionStatus.NOT_STARTED)
    evidence = models.TextField("Evidence of impact", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    updated_on = models.DateField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"Action {self.pk} under {self.priority}"


class ActionStatusChange(models.Model):
    action = models.ForeignKey(ImprovementAction, on_delete=models.PROTECT,
                               related_name="history")
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    on = models.DateField()
    note = models.TextField(blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.on}"


class Measure(models.Model):
    """A metric of a priority with its target profile (dated, stepped targets: "Target 75%
    April 2021 / 80% June 2021 / 85% August 2021", seeds/000_4c00c84da207e536.txt lines
    3127-3129), linked to a Hearth indicator where one exists."""

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="measures")
    description = models.CharField(max_length=300)
    indicator_code = models.CharField("Hearth indicator", max_length=20, blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description


class TargetStep(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="steps")
    by_date = models.DateField()
    value = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["by_date"]
        constraints = [models.UniqueConstraint(fields=["measure", "by_date"],
                                               name="one_target_a_date")]

    def __str__(self) -> str:
        return f"{self.value} by {self.by_date}"


class SelfEvaluation(models.Model):
    """A self-evaluation draft: the figures as they stood on `as_at`, kept with it, and a
    section per ILACS judgement area with the three prompts answered by leaders."""

    title = models.CharField(max_length=300)
    as_at = models.DateField("Figures as at")
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-as_at", "-id"]

    def __str__(self) -> str:
        return self.title


class SelfEvaluationSection(models.Model):
    evaluation = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE,
                                   related_name="sections")
    area = models.CharField(max_length=30, choices=JudgementArea.choices)
    headlines = models.JSONField(default=list, help_text="[{code, title, figure, period}] as "
                                                         "they were on the date")
    what_we_know = models.TextField(blank=True)
    how_we_know = models.TextField(blank=True)
    what_next = models.TextField(blank=True)
    updated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "area"],
                                               name="one_section_per_area")]

    def __str__(self) -> str:
        return self.get_area_display()
