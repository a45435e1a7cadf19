from django.conf import settings
from django.db import models
from django.db.models import F, Q

from hearth.lado.codes import Category, MeetingKind, Outcome, Sector, Threshold
from hearth.people.models import Person


class LadoTeamMember(models.Model):
    """Someone's membership of the LADO team: the only way into the confidential area.

    A role is not enough: the permission `lado.view_allegations` says who *may* be a member,
    this row says who *is*. A service manager adds and ends memberships (never their own); an
    ended row stays as the history of who could see allegations and when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="lado_memberships")
    started_on = models.DateField()
    reason = models.CharField(max_length=500)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    ended_on = models.DateField(null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["ended_on", "user__last_name", "user__first_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=Q(ended_on__isnull=True),
                                    name="lado_one_open_membership"),
            models.CheckConstraint(condition=Q(ended_on__isnull=True)
                                   | Q(ended_on__gte=F("started_on")),
                                   name="lado_membership_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in the LADO team from {self.started_on:%d %b %Y}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class Allegation(models.Model):
    """An allegation (or concern) about an adult who works with children, referred to the LADO.

    The person it is about is named as free text: they are not a Hearth person record, and
    nothing here is linked to or shown on a child's record; the children concerned are linked
    only so that the LADO can find them and the audit trail names them."""

    received_on = models.DateField("Date the referral was received")
    received_time = models.TimeField("Time the referral was received", null=True, blank=True)
    referrer_name = models.CharField("Referrer's name", max_length=200)
    referrer_agency = models.CharField("Referrer's agency", max_length=200)
    subject_name = models.CharField("Name of the person the allegation is about", max_length=200)
    subject_role = models.CharField("Their role", max_length=200)
    subject_employer = models.CharField("Their employer or organisation", max_length=200)
    subject_sector = models.CharField("Sector", max_length=20, choices=Sector.choices)
    children = models.ManyToManyField(Person, blank=True, related_name="+",
                                      help_text="The children concerned, if they have records")
    children_text = models.CharField("Children concerned (no record)", max_length=500,
                                     blank=True)
    category = models.CharField(max_length=20, choices=Category.choices)
    summary = models.TextField("What is alleged")
    lado_officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="lado_allegations")
    initial_consideration_due_on = models.DateField()
    # The initial consideration (within 1 working day of the referral).
    considered_on = models.DateField("Date of the initial consideration", null=True, blank=True)
    threshold = models.CharField(max_length=20, choices=Threshold.choices, blank=True)
    consideration_notes = models.TextField(blank=True)
    police_involved = models.BooleanField(null=True, blank=True)
    considered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    # The outcome, and referrals on.
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField("Date of the outcome", null=True, blank=True)
    outcome_notes = models.TextField(blank=True)
    referred_to_dbs = models.BooleanField(default=False)
    referred_to_professional_body = models.BooleanField(default=False)
    professional_body = models.CharField(max_length=200, blank=True)
    outcome_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["received_on"]),
                   models.Index(fields=["considered_on", "initial_consideration_due_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(considered_on__isnull=True)
                                   | Q(considered_on__gte=F("received_on")),
                                   name="lado_considered_after_referral"),
            models.CheckConstraint(condition=Q(outcome_on__isnull=True)
                                   | Q(outcome_on__gte=F("received_on")),
                                   name="lado_outcome_after_referral"),
            models.CheckConstraint(condition=Q(closed_on__isnull=True)
                                   | Q(outcome_on__isnull=False, closed_on__gte=F("outcome_on")),
                                   name="lado_closed_after_outcome"),
        ]

    def __str__(self) -> str:
        return f"Allegation {self.reference}"

    @property
    def reference(self) -> str:
        return f"LADO{self.pk:05d}"

    @property
    def status(self) -> str:
        from hearth.lado import rules

        return rules.status_of(considered_on=self.considered_on, outcome=self.outcome,
                               closed_on=self.closed_on)

    @property
    def status_label(self) -> str:
        from hearth.lado import rules

        return rules.STATUS_LABELS[self.status]


class AllegationMeeting(models.Model):
    """An allegation evaluation meeting or strategy meeting (and any review meetings)."""

    allegation = models.ForeignKey(Allegation, on_delete=models.PROTECT,
                                   related_name="meetings")
    kind = models.CharField(max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField("Date of the meeting")
    attendees = models.TextField("Who attended", help_text="Names, roles and agencies")
    decisions = models.TextField("Decisions and actions")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on:%d %b %Y}"
