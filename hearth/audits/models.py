"""Case file audits: programmes, versioned audit tools, audits of a child's case with a grade
per question, the actions that follow, and the deep dives of the quarterly Stocktake and
Showcase (GOVERNANCE.md section 6)."""

from django.conf import settings
from django.db import models

from hearth.accounts.models import Team
from hearth.audits.codes import ActionStatus, AuditStatus, Grade, ProgrammeKind, ProgrammeStatus
from hearth.people.models import Person


class AuditTool(models.Model):
    """A named audit tool ("Case file audit"); its questions live in its versions."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def current_version(self):
        return self.versions.order_by("-number").first()


class AuditToolVersion(models.Model):
    """One fixed set of sections and questions. A version is never edited once made: a change
    to a tool is a new version, so an audit keeps the questions it was graded against."""

    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField("What changed", max_length=500, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["tool__name", "-number"]
        constraints = [models.UniqueConstraint(fields=["tool", "number"],
                                               name="audit_tool_version_once")]

    def __str__(self) -> str:
        return f"{self.tool.name}, version {self.number}"


class ToolSection(models.Model):
    version = models.ForeignKey(AuditToolVersion, on_delete=models.PROTECT,
                                related_name="sections")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"],
                                               name="audit_section_order_once")]

    def __str__(self) -> str:
        return self.title


class ToolQuestion(models.Model):
    section = models.ForeignKey(ToolSection, on_delete=models.PROTECT, related_name="questions")
    order = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=500)
    guidance = models.TextField(blank=True)

    class Meta:
        ordering = ["section__order", "order"]
        constraints = [models.UniqueConstraint(fields=["section", "order"],
                                               name="audit_question_order_once")]

    def __str__(self) -> str:
        return self.text


class AuditProgramme(models.Model):
    """A round of audits: this month's practice audit, a themed audit (pre-birth, disabled
    children) or a multi-agency audit, over a period, for some services or teams."""

    kind = models.CharField(max_length=20, choices=ProgrammeKind.choices)
    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=200, blank=True)
    starts_on = models.DateField("Period starts")
    ends_on = models.DateField("Period ends")
    services = models.JSONField(default=list, blank=True,
                                help_text="Team.Service codes the programme covers")
    teams = models.ManyToManyField(Team, blank=True, related_name="audit_programmes")
    tool_version = models.ForeignKey(AuditToolVersion, on_delete=models.PROTECT,
                                     related_name="programmes")
    status = models.CharField(max_length=20, choices=ProgrammeStatus.choices,
                              default=ProgrammeStatus.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gte=models.F(
            "starts_on")), name="audit_programme_period_order")]

    def __str__(self) -> str:
        return self.title


class CaseAudit(models.Model):
    """An audit of one child's case file against one tool version. The worker and team audited
    are the child's allocation on the audit date, kept here so a later reallocation does not
    move the audit."""

    programme = models.ForeignKey(AuditProgramme, on_delete=models.PROTECT,
                                  related_name="audits")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_audits")
    tool_version = models.ForeignKey(AuditToolVersion, on_delete=models.PROTECT,
                                     related_name="audits")
    audited_on = models.DateField("Date of the audit")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="case_audits_of")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="case_audits")
    manager = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.PROTECT, related_name="case_audits_managed",
                                help_text="The team manager, for the audit conversation")
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="case_audits_done")
    status = models.CharField(max_length=20, choices=AuditStatus.choices,
                              default=AuditStatus.DRAFT)
    overall_grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    findings = models.TextField("Summary of findings", blank=True)
    child_family_views = models.TextField("Views of the child and family", blank=True)
    worker_took_part = models.BooleanField(default=False)
    manager_took_part = models.BooleanField(default=False)
    completed_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-audited_on", "-id"]
        indexes = [models.Index(fields=["status", "audited_on"])]
        constraints = [
            models.UniqueConstraint(fields=["programme", "child"],
                                    name="audit_child_once_per_programme"),
            models.CheckConstraint(condition=~models.Q(status="closed")
                                   | models.Q(closed_on__isnull=False),
                                   name="audit_closed_has_date"),
        ]

    def __str__(self) -> str:
        return f"Audit {self.reference}"

    @property
    def reference(self) -> str:
        return f"AUD{self.pk:05d}"


class AuditAnswer(models.Model):
    """The grade and comment for one question of the audit's tool version."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(ToolQuestion, on_delete=models.PROTECT, related_name="+")
    grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["question__section__order", "question__order"]
        constraints = [models.UniqueConstraint(fields=["audit", "question"],
                                               name="audit_answer_once")]

    def __str__(self) -> str:
        return f"{self.get_grade_display() or 'Not graded'}: {self.question}"


class AuditAction(models.Model):
    """Something the worker or manager must do after the audit, by a date. The audit's loop is
    closed only when each one is done (with evidence) or cancelled (with a reason)."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField("What needs to be done")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="audit_actions")
    due_on = models.DateField("Due date")
    status = models.CharField(max_length=20, choices=ActionStatus.choices,
                              default=ActionStatus.OPEN)
    done_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    cancel_reason = models.TextField(blank=True)
    finished_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(status="done")
                                   | (models.Q(done_on__isnull=False) & ~models.Q(evidence="")),
                                   name="audit_action_done_has_evidence"),
            models.CheckConstraint(condition=~models.Q(status="cancelled")
                                   | ~models.Q(cancel_reason=""),
                                   name="audit_action_cancel_has_reason"),
        ]

    def __str__(self) -> str:
        return f"Action for {self.owner} from {self.audit}"

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN


class DeepDive(models.Model):
    """A detailed deep dive into one service at the quarterly Stocktake and Showcase: three or
    four services a quarter, so every service is reviewed within 12 months
    (seeds/001_e8ea781e93d1811d.txt line 804)."""

    service = models.CharField(max_length=30, choices=Team.Service.choices)
    held_on = models.DateField("Date of the deep dive")
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+", help_text="Who led it")
    findings = models.TextField("What it found")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["service", "held_on"])]

    def __str__(self) -> str:
        return f"Deep dive into {self.get_service_display()}, {self.held_on:%d %b %Y}"
