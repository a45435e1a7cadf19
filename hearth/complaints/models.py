from django.conf import settings
from django.db import models

from hearth.accounts.models import Team
from hearth.complaints.codes import FeedbackKind, Outcome, Relationship, ReminderStatus, Stage
from hearth.people.models import Person


class Complaint(models.Model):
    """A complaint under the Children Act 1989 representations procedure (SI 2006/1738).

    It moves through stages (ComplaintStage: local resolution, investigation, review panel);
    each stage has its own due date, response and outcome. The responding manager answers it;
    the service manager for the area is copied in "to check and track the progress"
    (seeds/003_e1469a924c65b786.txt line 139), and both get the reminders.
    """

    received_on = models.DateField("Date received")
    complainant_name = models.CharField("Complainant's name", max_length=200)
    complainant_relationship = models.CharField(
        "Complainant's relationship to the child", max_length=20, choices=Relationship.choices)
    children = models.ManyToManyField(Person, blank=True, related_name="complaints",
                                      help_text="The children the complaint is about, if any")
    summary = models.TextField("What the complaint is about")
    themes = models.JSONField(default=list, blank=True, help_text="Theme codes (codes.Theme)")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="complaints")
    responding_manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                           related_name="complaints_to_answer")
    service_manager = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT,
                                        related_name="complaints_copied")
    receiving_officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                          related_name="complaints_received")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["received_on"])]

    def __str__(self) -> str:
        return f"Complaint {self.reference}"

    @property
    def reference(self) -> str:
        return f"CMP{self.pk:05d}"


class ComplaintStage(models.Model):
    """One stage of a complaint: when it started (the complaint received, or the complainant's
    request for the next stage), its due date (rules.response_due_on) and any extension, and
    the response with its outcome. A late response carries the manager's reason."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="stages")
    stage = models.PositiveSmallIntegerField(choices=Stage.choices)
    requested_on = models.DateField("Date the stage started")
    standard_due_on = models.DateField()
    response_due_on = models.DateField()
    due_rule = models.CharField(max_length=60)
    extended_on = models.DateField("Date the extension was agreed", null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    extended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    responded_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    response_summary = models.TextField(blank=True)
    lateness_reason = models.TextField(blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    # The complaints team's quality check of the reason for lateness ("could not be a tick box
    # exercise", seeds/003_e1469a924c65b786.txt line 153): accepted, or sent back for more.
    reason_checked_on = models.DateField(null=True, blank=True)
    reason_accepted = models.BooleanField(null=True, blank=True)
    reason_check_note = models.TextField(blank=True)
    reason_checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["stage"]
        indexes = [models.Index(fields=["responded_on", "response_due_on"])]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "stage"], name="complaint_stage_once"),
            models.CheckConstraint(condition=models.Q(responded_on__isnull=True)
                                   | models.Q(responded_on__gte=models.F("requested_on")),
                                   name="complaint_response_after_start"),
            models.CheckConstraint(condition=models.Q(response_due_on__gte=models.F(
                "standard_due_on")), name="complaint_extension_never_shortens"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} of {self.complaint}"

    @property
    def is_open(self) -> bool:
        return self.responded_on is None

    @property
    def is_late(self) -> bool | None:
        if self.responded_on is None or self.outcome == Outcome.WITHDRAWN:
            return None
        return self.responded_on > self.response_due_on


class LearningForm(models.Model):
    """The manager's learning monitoring form, sent back with a response: what was learned and
    the action that follows, shared with the Centre for Professional Practice
    (seeds/001_e8ea781e93d1811d.txt lines 770-772)."""

    stage = models.OneToOneField(ComplaintStage, on_delete=models.PROTECT,
                                 related_name="learning")
    learning = models.TextField("What was learned")
    action = models.TextField("Action", blank=True)
    action_due_on = models.DateField("Action due", null=True, blank=True)
    completed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Learning from {self.stage}"


class Feedback(models.Model):
    """A compliment or a comment: recorded for the annual report of complaints, comments and
    compliments (seeds/001_e8ea781e93d1811d.txt line 762), with no stages or deadlines."""

    kind = models.CharField(max_length=20, choices=FeedbackKind.choices)
    received_on = models.DateField("Date received")
    from_name = models.CharField("Who it is from", max_length=200)
    from_relationship = models.CharField("Their relationship to the child", max_length=20,
                                         choices=Relationship.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="feedback")
    summary = models.TextField("What they said")
    children = models.ManyToManyField(Person, blank=True, related_name="feedback")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} received {self.received_on:%d %b %Y}"


class ComplaintReminder(models.Model):
    """One reminder about one stage's response, for one due date, point and person: the row is
    the promise that it goes once (ADR 7). `send_complaint_reminders` creates it, claims it
    with a conditional UPDATE (status claimed -> sent), and a second run finds it taken."""

    stage = models.ForeignKey(ComplaintStage, on_delete=models.PROTECT,
                              related_name="reminders")
    for_due_on = models.DateField(help_text="The due date the reminder was about (an extension "
                                            "starts a new set)")
    point = models.SmallIntegerField(help_text="Working days from the due date; negative: "
                                               "before it")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    status = models.CharField(max_length=10, choices=ReminderStatus.choices,
                              default=ReminderStatus.CLAIMED)
    backend = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["claimed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "for_due_on", "point", "recipient"],
                                    name="complaint_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"Reminder {self.point:+d} WD about {self.stage} to {self.recipient}"
