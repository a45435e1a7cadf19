"""Assessments as the API shows and takes them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hearth.api.fields import CodeLabelSerializer, StaffMemberSerializer, coded, required_messages
from hearth.assessments.codes import (
    AssessmentFactor,
    AssessmentKind,
    AssessmentOutcome,
    ClockStart,
    PartnerAgency,
)
from hearth.assessments.selectors import AssessmentRow


@extend_schema_field({"type": "string", "pattern": "^(new|updated)$"})
class KindChangeField(serializers.ChoiceField):
    """new or updated. Described by a pattern, not an enum: drf-spectacular can name an enum
    used by only one component, and NewAssessment already uses this one."""

    def __init__(self, **kwargs):
        super().__init__(choices=AssessmentKind.choices, **kwargs)


class ReferralBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The referral's id.")
    referral_date = serializers.DateField(read_only=True, help_text="When it was received.")
    closed_on = serializers.DateField(read_only=True, allow_null=True,
                                      help_text="When the episode closed, if it has.")


class ContributionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The contribution's id.")
    agency = serializers.ChoiceField(choices=PartnerAgency.choices,
                                     error_messages=required_messages("Choose the agency"),
                                     help_text="police, health, education or other.")
    agency_name = serializers.CharField(max_length=150, required=False, allow_blank=True,
                                        default="", help_text="Which agency (optional).")
    received_on = serializers.DateField(
        error_messages=required_messages("Enter the date it was received"),
        help_text="When it was received (ISO 8601), today or earlier.")
    summary = serializers.CharField(
        max_length=5000, error_messages=required_messages("Summarise what the agency "
                                                           "contributed"),
        help_text="What the agency contributed.")


class AssessmentSerializer(serializers.Serializer):
    """Serializes an AssessmentRow: the assessment and its status today."""

    id = serializers.IntegerField(source="assessment.pk", read_only=True,
                                  help_text="The assessment's id.")
    referral = ReferralBriefSerializer(source="assessment.referral", read_only=True,
                                       help_text="The referral (episode) it belongs to.")
    kind = coded(AssessmentKind, "New (from the referral) or updated.", source="assessment.kind")
    started_on = serializers.DateField(source="assessment.started_on", read_only=True,
                                       help_text="When it started.")
    child_seen_on = serializers.DateField(source="assessment.child_seen_on", read_only=True,
                                          allow_null=True, help_text="When the child was seen.")
    seen_alone = serializers.BooleanField(source="assessment.seen_alone", read_only=True,
                                          help_text="Whether the child was seen alone.")
    factors = serializers.ListField(source="assessment.factors", read_only=True,
                                    child=serializers.CharField(),
                                    help_text="DfE AssessmentFactors codes.")
    completed_on = serializers.DateField(source="assessment.completed_on", read_only=True,
                                         allow_null=True, help_text="When it was completed.")
    due_on = serializers.DateField(source="assessment.due_on", read_only=True,
                                   help_text="Authorisation due by (45 working days).")
    clock_start = coded(ClockStart, "What the 45 working days count from.",
                        source="assessment.clock_start")
    due_rule = serializers.CharField(source="assessment.due_rule", read_only=True,
                                     help_text="The rule and version that set due_on.")
    status = serializers.SerializerMethodField(help_text="Overdue, due today, due soon, on "
                                                         "track, or authorised in time or late.")
    authorised_on = serializers.DateField(source="assessment.authorised_on", read_only=True,
                                          allow_null=True, help_text="When it was authorised.")
    authorised_by = StaffMemberSerializer(source="assessment.authorised_by", read_only=True,
                                          allow_null=True, help_text="The manager.")
    outcome = coded(AssessmentOutcome, "The outcome, once authorised.",
                    source="assessment.outcome", allow_null=True)
    lateness_reason = serializers.CharField(source="assessment.lateness_reason", read_only=True,
                                            help_text="Why it was authorised late, if it was.")
    contributions = ContributionSerializer(source="assessment.contributions.all", many=True,
                                           read_only=True,
                                           help_text="Partner agencies' contributions.")

    @extend_schema_field(CodeLabelSerializer)
    def get_status(self, row: AssessmentRow) -> dict:
        return {"code": row.status, "label": row.status_label}


class NewAssessmentSerializer(serializers.Serializer):
    referral = serializers.IntegerField(
        error_messages={**required_messages("Give the id of the child's referral"),
                        "invalid": "Give the referral's id as a number"},
        help_text="The id of one of the child's open referrals.")
    kind = serializers.ChoiceField(choices=AssessmentKind.choices, required=False,
                                   help_text="new or updated; leave out for new on a first "
                                             "assessment and updated after.")
    started_on = serializers.DateField(error_messages=required_messages("Enter the start date"),
                                       help_text="When it started (ISO 8601), today or earlier.")


class AssessmentChangeSerializer(serializers.Serializer):
    """Every field is optional: send only what changes."""

    kind = KindChangeField(required=False, help_text="new or updated.")
    started_on = serializers.DateField(required=False, help_text="When it started.")
    child_seen_on = serializers.DateField(required=False, allow_null=True,
                                          help_text="When the child was seen.")
    seen_alone = serializers.BooleanField(required=False,
                                          help_text="Whether the child was seen alone.")
    factors = serializers.ListField(
        child=serializers.ChoiceField(choices=AssessmentFactor.choices), required=False,
        help_text="DfE AssessmentFactors codes; \"21\" (no factors) stands alone.")
    completed_on = serializers.DateField(required=False, allow_null=True,
                                         help_text="When it was completed.")


class AuthorisationSerializer(serializers.Serializer):
    authorised_on = serializers.DateField(
        error_messages=required_messages("Enter the date authorised"),
        help_text="When it was authorised (ISO 8601), not before completion.")
    outcome = serializers.ChoiceField(
        choices=AssessmentOutcome.choices,
        error_messages=required_messages("Choose the outcome of the assessment"),
        help_text="The outcome (a code).")
    lateness_reason = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default="",
        help_text="Required when authorised after the due date.")
