"""Contacts and referrals in and out of the API."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hearth.api.fields import StaffMemberSerializer, coded, required_messages
from hearth.api.section_serializers import PersonBriefSerializer
from hearth.frontdoor.codes import (
    Consent,
    ContactDecision,
    PrimaryNeed,
    Rag,
    ReasonForClosure,
    ReferralSource,
)
from hearth.frontdoor.rules import UNRATED

# ---- Contacts ---------------------------------------------------------------------------------


class QueueQuerySerializer(serializers.Serializer):
    rag = serializers.ChoiceField(
        choices=[*Rag.choices, (UNRATED, "Not rated")], required=False, allow_blank=True,
        default="", help_text="Only contacts with this rating (red, amber, green or unrated).")
    source = serializers.ChoiceField(choices=ReferralSource.choices, required=False,
                                     allow_blank=True, default="",
                                     help_text="Only contacts from this source (a DfE code).")
    overdue_only = serializers.BooleanField(required=False, default=False,
                                            help_text="Only contacts past their decision date.")


class DecisionClockSerializer(serializers.Serializer):
    status = serializers.CharField(read_only=True,
                                   help_text="overdue, due_today or on_track.")
    time_left = serializers.CharField(read_only=True,
                                      help_text='In words: "1 working day left", '
                                                '"Due today: 5 hours left", "Overdue by 2 '
                                                'working days".')
    working_days = serializers.IntegerField(
        read_only=True, help_text="Working days left (on track) or late by (overdue).")
    hours_left = serializers.IntegerField(
        read_only=True, allow_null=True,
        help_text="Hours until the end of the due day, when it is today.")


class PersonInvolvedSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True, help_text="The person's identifier in URLs.")
    name = serializers.CharField(source="full_name", read_only=True,
                                 help_text="First and last name.")


class ContactSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The contact's id.")
    child = PersonBriefSerializer(read_only=True, help_text="The child the contact is about.")
    received_at = serializers.DateTimeField(read_only=True, help_text="When it was received.")
    source = coded(ReferralSource, "Where it came from (DfE ReferralSource code).")
    source_detail = serializers.CharField(read_only=True, help_text="Who made contact.")
    concern = serializers.CharField(read_only=True, help_text="The concern.")
    consent = coded(Consent, "Consent to share information.")
    consent_note = serializers.CharField(read_only=True,
                                         help_text="Why consent was not given, if it was not.")
    others_involved = PersonInvolvedSerializer(
        many=True, read_only=True, source="others_involved.all",
        help_text="Other people involved (from the child's network) that you may see.")
    rag = coded(Rag, "The RAG rating; null until rated.", allow_null=True)
    rated_at = serializers.DateTimeField(read_only=True, allow_null=True,
                                         help_text="When it was rated.")
    rated_by = StaffMemberSerializer(read_only=True, allow_null=True,
                                     help_text="Who rated it.")
    decision_due_on = serializers.DateField(read_only=True,
                                            help_text="The decision is due by the end of this "
                                                      "day (1 working day after receipt).")
    clock = serializers.SerializerMethodField(help_text="Time left; null once decided.")
    decision = coded(ContactDecision, "The decision; null until decided.", allow_null=True)
    decision_reason = serializers.CharField(read_only=True, help_text="Why.")
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True,
                                           help_text="When it was decided.")
    decided_by = StaffMemberSerializer(read_only=True, allow_null=True,
                                       help_text="The manager who decided it.")
    referral = serializers.IntegerField(
        source="episode_id", read_only=True, allow_null=True,
        help_text="The referral (episode of need) a referral or strategy decision opened or "
                  "joined.")

    @extend_schema_field(DecisionClockSerializer(allow_null=True))
    def get_clock(self, contact) -> dict | None:
        clocks = self.context.get("clocks", {})
        found = clocks.get(contact.pk)
        return DecisionClockSerializer(found).data if found else None


class NewContactSerializer(serializers.Serializer):
    child = serializers.UUIDField(
        error_messages=required_messages("Give the uuid of the child"),
        help_text="The child's uuid. They must be visible to you, or the answer is 404.")
    received_at = serializers.DateTimeField(
        error_messages=required_messages("Enter when the contact was received"),
        help_text="When it was received (ISO 8601 with a time zone), now or earlier.")
    source = serializers.ChoiceField(choices=ReferralSource.choices,
                                     error_messages=required_messages("Select the source"),
                                     help_text="Where it came from (DfE ReferralSource code).")
    source_detail = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                          default="", help_text="Who made contact.")
    concern = serializers.CharField(max_length=10000,
                                    error_messages=required_messages("Describe the concern"),
                                    help_text="The concern.")
    consent = serializers.ChoiceField(
        choices=Consent.choices, error_messages=required_messages("Select the consent given"),
        help_text="Consent to share information.")
    consent_note = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default="",
        help_text="Why consent was not given (needed unless it was given).")
    others_involved = serializers.ListField(
        child=serializers.UUIDField(), required=False, default=list,
        help_text="uuids of other people involved, from the child's family and network.")


class RatingSerializer(serializers.Serializer):
    rag = serializers.ChoiceField(choices=Rag.choices,
                                  error_messages=required_messages("Select a RAG rating"),
                                  help_text="red, amber or green.")


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=ContactDecision.choices,
                                       error_messages=required_messages("Select a decision"),
                                       help_text="What happens to the contact.")
    decision_reason = serializers.CharField(
        max_length=10000, error_messages=required_messages("Give the reason for the decision"),
        help_text="Why.")
    decided_at = serializers.DateTimeField(
        error_messages=required_messages("Enter when the decision was made"),
        help_text="When it was decided (ISO 8601 with a time zone): not before receipt, not in "
                  "the future.")
    rag = serializers.ChoiceField(
        choices=Rag.choices, required=False, allow_blank=True, default="",
        help_text="Rate it in the same step (a contact must be rated before it is decided).")
    primary_need = serializers.ChoiceField(
        choices=PrimaryNeed.choices, required=False, allow_blank=True, default="",
        help_text="For a referral or strategy decision that opens a new episode.")


# ---- Referrals --------------------------------------------------------------------------------


class PreviousReferralSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The previous referral's id.")
    referral_date = serializers.DateField(read_only=True, help_text="Its date.")


class ReferralSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The referral's id.")
    child = PersonBriefSerializer(read_only=True, help_text="The child referred.")
    referral_date = serializers.DateField(read_only=True, help_text="CINreferralDate.")
    source = coded(ReferralSource, "ReferralSource.")
    primary_need = coded(PrimaryNeed, "PrimaryNeedCode; null if not given (NFA).",
                         allow_null=True)
    no_further_action = serializers.BooleanField(read_only=True, help_text="ReferralNFA.")
    is_re_referral = serializers.BooleanField(
        read_only=True, help_text="Within 12 months of the child's previous referral.")
    previous_referral = PreviousReferralSerializer(
        read_only=True, allow_null=True,
        help_text="The previous referral it re-refers to, if a re-referral.")
    contact = serializers.IntegerField(source="contact_id", read_only=True, allow_null=True,
                                       help_text="The contact whose decision opened it.")
    is_open = serializers.BooleanField(read_only=True, help_text="The episode is open.")
    closed_on = serializers.DateField(read_only=True, allow_null=True,
                                      help_text="CINclosureDate.")
    closure_reason = coded(ReasonForClosure, "ReasonForClosure (RC1-RC9).", allow_null=True)


class NewReferralSerializer(serializers.Serializer):
    referral_date = serializers.DateField(
        error_messages=required_messages("Enter the referral date"),
        help_text="The referral date (ISO 8601), today or earlier.")
    source = serializers.ChoiceField(choices=ReferralSource.choices,
                                     error_messages=required_messages("Select the source"),
                                     help_text="ReferralSource (DfE code).")
    primary_need = serializers.ChoiceField(
        choices=PrimaryNeed.choices, required=False, allow_blank=True, default="",
        help_text="PrimaryNeedCode: needed unless no_further_action.")
    no_further_action = serializers.BooleanField(required=False, default=False,
                                                 help_text="ReferralNFA.")


class ReferralChangeSerializer(NewReferralSerializer):
    """Send only the fields to change."""


class ClosureSerializer(serializers.Serializer):
    closed_on = serializers.DateField(
        error_messages=required_messages("Enter the closure date"),
        help_text="CINclosureDate (ISO 8601): not before the referral, not in the future.")
    closure_reason = serializers.ChoiceField(
        choices=ReasonForClosure.choices,
        error_messages=required_messages("Select the reason for closure"),
        help_text="ReasonForClosure. RC8 and RC9 need an assessment on the episode.")
