from django.conf import settings
from django.db import models

from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.protection.codes import Section47Outcome, StrategyDecision


class StrategyDiscussion(models.Model):
    """A multi-agency strategy discussion about a child on a referral, and what it decided."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT,
                                 related_name="strategy_discussions")
    child = models.ForeignKey(Person, on_delete=models.PROTECT,
                              related_name="strategy_discussions")
    held_on = models.DateField()
    held_at = models.TimeField(null=True, blank=True, help_text="The time it started, if known")
    decision = models.CharField(max_length=20, choices=StrategyDecision.choices)
    reason = models.TextField(blank=True, help_text="Why, in the discussion's own words")
    section47 = models.ForeignKey(
        "protection.Section47Enquiry", null=True, blank=True, on_delete=models.PROTECT,
        related_name="strategy_discussions",
        help_text="The enquiry this discussion started or was held during")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["child", "held_on"])]

    def __str__(self) -> str:
        return f"Strategy discussion about {self.child} on {self.held_on:%d %b %Y}"


class Section47Enquiry(models.Model):
    """A section 47 enquiry (CIN census `Section47`).

    It starts on the date of the strategy discussion that started it, the last one if several
    (TIMESCALES.md T05), and that date starts the 15-working-day clock to the initial
    conference. The target is stored with its rule so old returns can be reproduced.
    """

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT,
                                 related_name="section47_enquiries")
    child = models.ForeignKey(Person, on_delete=models.PROTECT,
                              related_name="section47_enquiries")
    strategy_discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.PROTECT, related_name="+",
        help_text="The strategy discussion that started the enquiry (the last if several)")
    started_on = models.DateField(help_text="S47ActualStartDate")
    icpc_due_on = models.DateField("Initial conference due", help_text="InitialCPCtarget")
    icpc_rule = models.CharField(max_length=60)
    outcome = models.CharField(max_length=20, choices=Section47Outcome.choices, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    icpc_required = models.BooleanField(
        "Initial conference needed", null=True, blank=True,
        help_text="Empty until the enquiry ends; false is the census's ICPCnotRequired")
    concluded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        indexes = [models.Index(fields=["child", "started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="", completed_on__isnull=True,
                                   icpc_required__isnull=True)
                | (~models.Q(outcome="") & models.Q(completed_on__isnull=False,
                                                    icpc_required__isnull=False)),
                name="section47_concluded_with_outcome_date_and_icpc_decision",
            ),
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(completed_on__isnull=True),
                name="one_open_section47_per_child",
            ),
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry about {self.child} from {self.started_on:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.completed_on is None
