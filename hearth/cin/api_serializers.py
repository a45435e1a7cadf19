"""Child in need plans as the API shows and takes them."""

from rest_framework import serializers

from hearth.api.fields import CodeLabelSerializer, StaffMemberSerializer, required_messages


class DueSerializer(serializers.Serializer):
    on = serializers.DateField(read_only=True, help_text="Due on.")
    status = CodeLabelSerializer(source="status_code", read_only=True,
                                 help_text="Overdue, due today, due soon or on track.")


class ReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The review's id.")
    reviewed_on = serializers.DateField(
        error_messages=required_messages("Enter the date of the review"),
        help_text="When the plan was reviewed (ISO 8601), today or earlier.")
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="",
                                 help_text="What the review decided (optional).")
    recorded_by = StaffMemberSerializer(read_only=True, help_text="Who recorded it.")


class VisitSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The visit's id.")
    visited_on = serializers.DateField(
        error_messages=required_messages("Enter the date of the visit"),
        help_text="When the child was visited (ISO 8601), today or earlier.")
    child_seen = serializers.BooleanField(
        error_messages=required_messages("Say whether the child was seen"),
        help_text="Whether the child was seen. Only a visit where they were seen restarts "
                  "the visit clock.")
    seen_alone = serializers.BooleanField(required=False, default=False,
                                          help_text="Whether the child was seen alone.")
    bedroom_seen = serializers.BooleanField(required=False, default=False,
                                            help_text="Whether their bedroom was seen.")
    note = serializers.CharField(max_length=20000, required=False, allow_blank=True,
                                 default="", help_text="A note (optional).")
    visited_by = StaffMemberSerializer(read_only=True, help_text="Who visited.")


class CinPlanSerializer(serializers.Serializer):
    """Serializes a PlanSummary: the plan with its reviews, visits and what is due."""

    id = serializers.IntegerField(source="plan.pk", read_only=True, help_text="The plan's id.")
    referral = serializers.IntegerField(source="plan.referral_id", read_only=True,
                                        help_text="The id of the referral it belongs to.")
    started_on = serializers.DateField(source="plan.started_on", read_only=True,
                                       help_text="When the plan started.")
    ended_on = serializers.DateField(source="plan.ended_on", read_only=True, allow_null=True,
                                     help_text="When it ended, if it has.")
    end_reason = serializers.CharField(source="plan.end_reason", read_only=True,
                                       help_text="Why it ended (may be blank).")
    next_review = DueSerializer(read_only=True, allow_null=True,
                                help_text="The next review; null once the plan has ended.")
    review_rule = serializers.CharField(source="plan.review_rule", read_only=True,
                                        help_text="The rule and version that set it.")
    next_visit = DueSerializer(read_only=True, allow_null=True,
                               help_text="The next visit; null once the plan has ended.")
    visit_rule = serializers.CharField(source="plan.visit_rule", read_only=True,
                                       help_text="The rule and version that set it.")
    reviews = ReviewSerializer(many=True, read_only=True, help_text="Reviews, newest first.")
    visits = VisitSerializer(many=True, read_only=True, help_text="Visits, newest first.")


class NewCinPlanSerializer(serializers.Serializer):
    referral = serializers.IntegerField(
        error_messages={**required_messages("Give the id of the child's referral"),
                        "invalid": "Give the referral's id as a number"},
        help_text="The id of one of the child's open referrals.")
    started_on = serializers.DateField(error_messages=required_messages("Enter the start date"),
                                       help_text="When the plan started (ISO 8601).")


class EndCinPlanSerializer(serializers.Serializer):
    ended_on = serializers.DateField(error_messages=required_messages("Enter the end date"),
                                     help_text="When the plan ended (ISO 8601).")
    end_reason = serializers.CharField(max_length=300, required=False, allow_blank=True,
                                       default="", help_text="Why it ended (optional).")
