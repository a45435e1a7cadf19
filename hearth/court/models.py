from django.conf import settings
from django.db import models

from hearth.court import codes
from hearth.people.models import Person

USER = settings.AUTH_USER_MODEL


class LegalCase(models.Model):
    """One matter before the Legal Gateway Panel and the court: a child, or a sibling group,
    which goes through pre-proceedings and care proceedings together (the counting unit of the
    seeds' tracker, REQUIREMENTS.md 2.5).

    Pre-proceedings facts are those the CIN census 2026/27 asks for (RETURNS.md 2.4). The two
    clocks' due dates are stored with the rules that set them, as on the statutory tasks they
    mirror; `next_hearing_on` is kept from the latest hearing so the PLO tracker reads one
    table.
    """

    children = models.ManyToManyField(Person, through="LegalCaseChild", related_name="+")
    lead_child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+",
                                   help_text="The child whose record the case was opened from: "
                                             "the case's statutory tasks are on their worklist")
    stage = models.CharField(max_length=20, choices=codes.Stage.choices)
    opened_on = models.DateField(help_text="The panel's decision date")
    # Pre-proceedings
    pp_started_on = models.DateField("Pre-proceedings started", null=True, blank=True)
    pp_due_on = models.DateField(null=True, blank=True)
    pp_rule = models.CharField(max_length=60, blank=True)
    letter_sent_on = models.DateField("Letter before proceedings sent", null=True, blank=True)
    fgdm_offered = models.BooleanField("The letter offered a family group decision-making "
                                       "meeting", null=True, blank=True)
    pp_outcome = models.CharField("Outcome of pre-proceedings", max_length=20, blank=True,
                                  choices=codes.PreProceedingsOutcome.choices)
    pp_outcome_on = models.DateField("Date of the decision", null=True, blank=True)
    # Care proceedings
    applied_on = models.DateField(
        "Application made to the court", null=True, blank=True,
        help_text="The day the local authority submitted the application (the CIN census's "
                  "CourtAppDate); the court issues it that day or later")
    issued_on = models.DateField("Application issued", null=True, blank=True)
    court = models.CharField(max_length=200, blank=True)
    application_type = models.CharField(max_length=30, blank=True,
                                        choices=codes.ApplicationType.choices)
    parents_letter_on = models.DateField(
        "Letter telling the parents proceedings have started sent", null=True, blank=True)
    proceedings_due_on = models.DateField(null=True, blank=True)
    proceedings_rule = models.CharField(max_length=60, blank=True)
    next_hearing_on = models.DateField(null=True, blank=True)
    next_hearing_kind = models.CharField(max_length=10, blank=True,
                                         choices=codes.HearingKind.choices)
    final_order = models.CharField(max_length=20, blank=True,
                                   choices=codes.FinalOrderKind.choices)
    final_order_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    clock_due_on = models.DateField(
        null=True, blank=True, help_text="The running clock's due date (pre-proceedings or "
                                         "proceedings), for the tracker's indexed order")
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [
            # The PLO tracker: open cases by stage, in clock order, and those over.
            models.Index(fields=["stage", "clock_due_on"]),
            models.Index(fields=["clock_due_on"]),
            # Concluded proceedings in a period (H-PM-02, H-PM-03).
            models.Index(fields=["final_order_on"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(ended_on__isnull=True)
                                   | models.Q(ended_on__gte=models.F("opened_on")),
                                   name="legal_case_ends_after_it_opens"),
            models.CheckConstraint(condition=models.Q(final_order_on__isnull=True)
                                   | models.Q(final_order_on__gte=models.F("issued_on")),
                                   name="legal_case_final_order_after_issue"),
        ]

    def __str__(self) -> str:
        return f"Legal case {self.pk} from {self.opened_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.stage != codes.Stage.ENDED


class LegalCaseChild(models.Model):
    legal_case = models.ForeignKey(LegalCase, on_delete=models.CASCADE,
                                   related_name="memberships")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="legal_cases")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["legal_case", "child"],
                                               name="child_once_per_legal_case")]

    def __str__(self) -> str:
        return f"{self.child} in {self.legal_case}"


class LegalGatewayPanel(models.Model):
    """A legal planning meeting's decision about a child or a sibling group."""

    held_on = models.DateField("Date of the panel")
    decision = models.CharField(max_length=20, choices=codes.PanelDecision.choices)
    chair = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    reasons = models.TextField()
    children = models.ManyToManyField(Person, related_name="legal_gateway_panels")
    legal_case = models.ForeignKey(LegalCase, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="panels")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Legal Gateway Panel {self.held_on:%d %b %Y}: {self.get_decision_display()}"


class PreProceedingsMeeting(models.Model):
    legal_case = models.ForeignKey(LegalCase, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=10, choices=codes.MeetingKind.choices)
    held_on = models.DateField()
    attended = models.TextField("Who attended")
    note = models.TextField("What was agreed", blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d %b %Y}"


class Hearing(models.Model):
    legal_case = models.ForeignKey(LegalCase, on_delete=models.PROTECT, related_name="hearings")
    kind = models.CharField(max_length=10, choices=codes.HearingKind.choices)
    held_on = models.DateField()
    outcome = models.TextField()
    next_hearing_on = models.DateField(null=True, blank=True)
    next_hearing_kind = models.CharField(max_length=10, blank=True,
                                         choices=codes.HearingKind.choices)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d %b %Y}"


class InterimOrder(models.Model):
    legal_case = models.ForeignKey(LegalCase, on_delete=models.PROTECT,
                                   related_name="interim_orders")
    kind = models.CharField(max_length=10, choices=codes.InterimOrderKind.choices)
    made_on = models.DateField()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["made_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.made_on:%d %b %Y}"


class Extension(models.Model):
    """An extension of the 26-week timetable granted by the court (s32(5): up to 8 weeks)."""

    legal_case = models.ForeignKey(LegalCase, on_delete=models.PROTECT,
                                   related_name="extensions")
    granted_on = models.DateField()
    weeks = models.PositiveSmallIntegerField()
    reason = models.TextField()
    due_on = models.DateField(help_text="The proceedings' due date once extended")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["granted_on", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(weeks__gte=1, weeks__lte=8),
                                              name="court_extension_1_to_8_weeks")]

    def __str__(self) -> str:
        return f"Extension of {self.weeks} weeks granted {self.granted_on:%d %b %Y}"
