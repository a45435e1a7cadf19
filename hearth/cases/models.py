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


class TaskKind(models.TextChoices):
    """Every statutory obligation a worklist can show. Opened and closed only by services."""

    DECIDE_CONTACT = "decide_contact", "Decide this contact"
    AUTHORISE_ASSESSMENT = "authorise_assessment", "Authorise this assessment"
    HOLD_ICPC = "hold_icpc", "Hold the initial child protection conference"
    HOLD_FIRST_CORE_GROUP = "hold_first_core_group", "Hold the first core group"
    HOLD_CORE_GROUP = "hold_core_group", "Hold the core group"
    HOLD_REVIEW_CONFERENCE = "hold_review_conference", "Hold the review conference"
    VISIT_CP = "visit_cp", "Visit this child (child protection plan)"
    REVIEW_CIN_PLAN = "review_cin_plan", "Review the child in need plan"
    VISIT_CIN = "visit_cin", "Visit this child (child in need plan)"
    # Children in care (hearth.care)
    ALLOCATE_IRO = "allocate_iro", "Allocate an independent reviewing officer"
    HOLD_CLA_REVIEW = "hold_cla_review", "Hold the looked-after review"
    VISIT_CLA = "visit_cla", "Visit this child (looked after)"
    SIGN_OFF_PLACEMENT = "sign_off_placement", "Sign off this placement (head of service)"
    # Missing children (hearth.missing)
    OFFER_RETURN_INTERVIEW = "offer_return_interview", "Offer a return home interview"
    # Care leavers (hearth.leaving_care)
    ALLOCATE_PERSONAL_ADVISER = "allocate_personal_adviser", "Allocate a personal adviser"
    REVIEW_PATHWAY_PLAN = "review_pathway_plan", "Review the pathway plan"
    CONTACT_CARE_LEAVER = "contact_care_leaver", "Keep in touch with this care leaver"
    # IRO challenges (hearth.iro)
    RESPOND_TO_IRO_CHALLENGE = "respond_to_iro_challenge", "Respond to the IRO's challenge"
    # Pre-proceedings and care proceedings (hearth.court)
    DECIDE_PRE_PROCEEDINGS = ("decide_pre_proceedings",
                              "Review pre-proceedings: step down or issue (16 weeks)")
    CONCLUDE_CARE_PROCEEDINGS = ("conclude_care_proceedings",
                                 "Final hearing due: conclude care proceedings (26 weeks)")
    # Case supervision (hearth.workforce)
    SUPERVISE_CASE = "supervise_case", "Supervise this case (case supervision due)"
    # Health and education of children in care (hearth.health_education)
    INITIAL_HEALTH_ASSESSMENT = "initial_health_assessment", "Initial health assessment due"
    REVIEW_HEALTH_ASSESSMENT = "review_health_assessment", "Review health assessment due"
    DENTAL_CHECK = "dental_check", "Dental check due"
    SDQ = "sdq", "Strengths and difficulties questionnaire due"
    PERSONAL_EDUCATION_PLAN = "personal_education_plan", "Personal education plan (PEP) due"
    # Permanence (hearth.permanence)
    PERMANENCE_PLAN = "permanence_plan", "Permanence plan due (by the second review)"


class StatutoryTaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def for_worker(self, user):
        """The tasks on a person's own work (`user` or their id): their children's, and those
        given to them."""
        return self.filter(models.Q(worker=user) | models.Q(assignee=user))

    def for_team(self, team):
        return self.filter(team=team)


class StatutoryTask(models.Model):
    """One open (or done) statutory obligation for a child, with its due date.

    The due date comes from a pure rule over the record's facts (e.g. `icpc_due_on`); status
    (overdue, due today, due soon) is derived from it and today, never stored. `team` and
    `worker` follow the child's allocation so every worklist reads this one indexed table;
    `assignee`, when set, names the person the task is for instead (it does not follow the
    allocation), and their My work shows it.
    """

    kind = models.CharField(max_length=40, choices=TaskKind.choices)
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="statutory_tasks")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="statutory_tasks")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="statutory_tasks")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="assigned_tasks",
        help_text="Who the task is for when it is not the child's allocated worker (a personal "
                  "adviser, the manager an IRO challenge is addressed to)")
    due_on = models.DateField()
    due_at = models.DateTimeField(null=True, blank=True,
                                  help_text="For clocks counted in hours")
    source_type = models.CharField(max_length=60)
    source_id = models.BigIntegerField()
    rule = models.CharField(max_length=60, help_text="The rule and version that set due_on")
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True, help_text="When the work was done")
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    cancelled = models.BooleanField(
        default=False, help_text="Closed because the work stopped being needed (a plan ended)")

    objects = StatutoryTaskQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["closed_at", "due_on"]),
            models.Index(fields=["worker", "closed_at", "due_on"]),
            models.Index(fields=["team", "closed_at", "due_on"]),
            models.Index(fields=["assignee", "due_on"], condition=models.Q(closed_at__isnull=True),
                         name="open_tasks_by_assignee"),
            models.Index(fields=["source_type", "source_id"]),
            # The worklists' order: the first page is read straight off this, however many
            # tasks are open (the Service worklist has every one).
            models.Index(fields=["due_on", "id"], condition=models.Q(closed_at__isnull=True),
                         name="open_tasks_by_due_date"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id"],
                condition=models.Q(closed_at__isnull=True),
                name="one_open_task_of_a_kind_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.child} by {self.due_on}"

    @property
    def was_late(self) -> bool | None:
        if self.closed_on is None or self.cancelled:
            return None
        return self.closed_on > self.due_on


class Visit(models.Model):
    """A statutory visit to a child, under whichever plan required it."""

    class Plan(models.TextChoices):
        CHILD_PROTECTION = "cp", "Child protection plan"
        CHILD_IN_NEED = "cin", "Child in need plan"
        LOOKED_AFTER = "cla", "Looked after"
        OTHER = "other", "Other"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="visits")
    plan = models.CharField(max_length=10, choices=Plan.choices)
    plan_id = models.BigIntegerField(null=True, blank=True)
    visited_on = models.DateField()
    child_seen = models.BooleanField()
    seen_alone = models.BooleanField(default=False)
    bedroom_seen = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    visited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-visited_on", "-id"]
        indexes = [models.Index(fields=["plan", "plan_id", "visited_on"])]

    def __str__(self) -> str:
        return f"Visit to {self.child} on {self.visited_on}"


class CaseNote(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", "Visit"
        PHONE_CALL = "phone_call", "Phone call"
        MEETING = "meeting", "Meeting"
        MANAGEMENT_OVERSIGHT = "management_oversight", "Management oversight"
        SUPERVISION = "supervision", "Supervision note"
        OTHER = "other", "Other"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_notes")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    occurred_on = models.DateField()
    subject = models.CharField(max_length=150)
    text = models.TextField()
    is_decision = models.BooleanField(default=False,
                                      help_text="A manager's recorded decision")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return self.subject
