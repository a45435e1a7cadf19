from django.conf import settings
from django.db import models

from hearth.frontdoor.codes import (
    Consent,
    ContactDecision,
    PrimaryNeed,
    Rag,
    ReasonForClosure,
    ReferralSource,
)
from hearth.frontdoor.querysets import ContactQuerySet, ReferralQuerySet
from hearth.people.models import Person


class Contact(models.Model):
    """A contact at the front door (MASH): a concern about a child, awaiting a decision.

    The decision is due within 1 working day of receipt (TIMESCALES.md T01).
    """

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="contacts")
    received_at = models.DateTimeField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    source_detail = models.CharField("Who made contact", max_length=200, blank=True)
    concern = models.TextField()
    consent = models.CharField(max_length=12, choices=Consent.choices)
    consent_note = models.CharField(max_length=300, blank=True)
    others_involved = models.ManyToManyField(Person, blank=True, related_name="+")
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=12, choices=ContactDecision.choices, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decision_due_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()
    episode = models.ForeignKey(
        "Referral", null=True, blank=True, on_delete=models.PROTECT, related_name="contacts",
        help_text="The episode of need a referral or strategy decision opened, or the open one "
                  "it joined")

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["decided_at", "decision_due_on"])]

    def __str__(self) -> str:
        return f"Contact about {self.child} received {self.received_at:%d %b %Y %H:%M}"


class Referral(models.Model):
    """A referral to children's social care: the start of an episode of need (a CIN census
    `CINdetails`). Assessments, section 47 enquiries and plans hang off it; closing it ends
    the episode with a DfE reason for closure."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    contact = models.OneToOneField(Contact, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="referral")
    referral_date = models.DateField()
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    no_further_action = models.BooleanField(
        default=False, help_text="The referral ended in no further action (ReferralNFA)")
    previous_referral = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The child's previous referral, if within 12 months (a re-referral)")
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ReasonForClosure.choices,
                                      blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-referral_date", "-id"]
        indexes = [models.Index(fields=["referral_date"]),
                   models.Index(fields=["child", "referral_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True, closure_reason="")
                | models.Q(closed_on__isnull=False) & ~models.Q(closure_reason=""),
                name="referral_closed_with_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.child} on {self.referral_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def is_re_referral(self) -> bool:
        return self.previous_referral_id is not None
