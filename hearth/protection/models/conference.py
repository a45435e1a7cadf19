from django.conf import settings
from django.db import models

from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.protection.codes import (
    CategoryOfAbuse,
    ConferenceFormat,
    ConferenceKind,
    ConferenceOutcome,
)


class Conference(models.Model):
    """An initial or review child protection conference, chaired by an IRO or CP chair.

    An initial conference belongs to the section 47 enquiry that called for it; a review
    conference to the plan it reviews. `due_on` is the date it was due by, kept so that
    timeliness (KPIS.md H-CP-04, H-CP-05) is a query.
    """

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT,
                                 related_name="cp_conferences")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cp_conferences")
    kind = models.CharField(max_length=10, choices=ConferenceKind.choices)
    section47 = models.ForeignKey("protection.Section47Enquiry", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="conferences")
    plan = models.ForeignKey("protection.ChildProtectionPlan", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="review_conferences")
    held_on = models.DateField()
    due_on = models.DateField(help_text="The date it was due by")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="chaired_cp_conferences")
    conference_format = models.CharField("Format", max_length=10,
                                         choices=ConferenceFormat.choices, blank=True)
    outcome = models.CharField(max_length=20, choices=ConferenceOutcome.choices)
    category = models.CharField(
        "Category of abuse", max_length=3, choices=CategoryOfAbuse.choices, blank=True,
        help_text="The initial category at an initial conference, the latest at a review")
    delay_reason = models.TextField("Reason for delay", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["held_on", "kind"]),
                   models.Index(fields=["child", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=ConferenceKind.INITIAL, section47__isnull=False,
                                   plan__isnull=True)
                | models.Q(kind=ConferenceKind.REVIEW, plan__isnull=False),
                name="conference_belongs_to_its_enquiry_or_plan",
            ),
            models.UniqueConstraint(
                fields=["section47"], condition=models.Q(kind=ConferenceKind.INITIAL),
                name="one_initial_conference_per_section47",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.child} on {self.held_on:%d %b %Y}"

    @property
    def in_time(self) -> bool:
        return self.held_on <= self.due_on
