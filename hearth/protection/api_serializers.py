"""Child protection records as the API reads and writes them."""

from rest_framework import serializers

from hearth.api.fields import StaffMemberSerializer, coded, required_messages
from hearth.protection.codes import (
    INITIAL_OUTCOMES,
    REVIEW_OUTCOMES,
    Agency,
    CategoryOfAbuse,
    ConferenceFormat,
    ConferenceKind,
    ConferenceOutcome,
    PlanEndReason,
    Section47Outcome,
    StrategyDecision,
)

END_REASONS = [c for c in PlanEndReason.choices if c[0] != PlanEndReason.REVIEW_DECISION]


class CpParticipantSerializer(serializers.Serializer):
    agency = serializers.ChoiceField(choices=Agency.choices,
                                     error_messages=required_messages("Choose the agency"),
                                     help_text="The person's agency.")
    name = serializers.CharField(max_length=100, error_messages=required_messages("Give a name"),
                                 help_text="Their name.")
    role = serializers.CharField(max_length=100, required=False, allow_blank=True, default="",
                                 help_text="Their role, for example health visitor.")
    invited = serializers.BooleanField(required=False, default=True,
                                       help_text="They were invited.")
    attended = serializers.BooleanField(required=False, default=True,
                                        help_text="They attended.")
    contributed = serializers.BooleanField(
        required=False, default=False,
        help_text="A report or contribution from them was received before the meeting.")


def _participants(help_text: str, **kwargs) -> CpParticipantSerializer:
    return CpParticipantSerializer(many=True, help_text=help_text, **kwargs)


# ---- Strategy discussions ----------------------------------------------------------------------


class CpStrategyDiscussionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The discussion's id.")
    referral = serializers.IntegerField(source="referral_id", read_only=True,
                                        help_text="The referral it was held on.")
    held_on = serializers.DateField(read_only=True, help_text="The date it was held.")
    held_at = serializers.TimeField(read_only=True, allow_null=True,
                                    help_text="The time it started, if known.")
    decision = coded(StrategyDecision, "What it decided.")
    reason = serializers.CharField(read_only=True, help_text="Reasons and summary.")
    section47 = serializers.IntegerField(source="section47_id", read_only=True, allow_null=True,
                                         help_text="The enquiry it started or was held during.")
    participants = _participants("Who attended.", read_only=True)
    recorded_by = StaffMemberSerializer(read_only=True, help_text="Who recorded it.")


class NewCpStrategyDiscussionSerializer(serializers.Serializer):
    referral = serializers.IntegerField(
        error_messages=required_messages("Give the id of the child's open referral"),
        help_text="The id of the child's referral the discussion was held on.")
    held_on = serializers.DateField(error_messages=required_messages("Give the date"),
                                    help_text="The date it was held (ISO 8601).")
    held_at = serializers.TimeField(required=False, allow_null=True, default=None,
                                    help_text="The time it started, if known (HH:MM).")
    decision = serializers.ChoiceField(
        choices=StrategyDecision.choices, help_text="section_47 starts a section 47 enquiry "
        "on the date of the discussion (or, during an open one, becomes its start).")
    reason = serializers.CharField(required=False, allow_blank=True, default="",
                                   max_length=5000, help_text="Reasons and summary.")
    participants = _participants("Who attended.", required=False, default=list)


class CpStrategyDiscussionChangeSerializer(serializers.Serializer):
    held_at = serializers.TimeField(required=False, allow_null=True,
                                    help_text="The time it started.")
    reason = serializers.CharField(required=False, allow_blank=True, max_length=5000,
                                   help_text="Reasons and summary.")
    participants = _participants("Who attended (replaces the list).", required=False)


# ---- Section 47 enquiries ----------------------------------------------------------------------


class CpSection47Serializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The enquiry's id.")
    referral = serializers.IntegerField(source="referral_id", read_only=True,
                                        help_text="The referral it belongs to.")
    strategy_discussion = serializers.IntegerField(
        source="strategy_discussion_id", read_only=True,
        help_text="The strategy discussion that started it (the last if several).")
    started_on = serializers.DateField(read_only=True, help_text="S47ActualStartDate.")
    icpc_due_on = serializers.DateField(
        read_only=True, help_text="InitialCPCtarget: 15 working days after the start.")
    outcome = coded(Section47Outcome, "The outcome; null while the enquiry is open.")
    completed_on = serializers.DateField(read_only=True, allow_null=True,
                                         help_text="When it ended.")
    icpc_required = serializers.BooleanField(
        read_only=True, allow_null=True,
        help_text="An initial conference is needed (false is ICPCnotRequired); null while open.")


class CpSection47OutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Section47Outcome.choices,
                                      help_text="The outcome of the enquiry.")
    completed_on = serializers.DateField(
        error_messages=required_messages("Give the date the enquiry ended"),
        help_text="The date the enquiry ended (ISO 8601).")
    icpc_required = serializers.BooleanField(
        help_text="Whether an initial conference is needed; true opens its task.")


# ---- Conferences -------------------------------------------------------------------------------


class CpConferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The conference's id.")
    kind = coded(ConferenceKind, "Initial or review.")
    section47 = serializers.IntegerField(source="section47_id", read_only=True, allow_null=True,
                                         help_text="The enquiry an initial conference followed.")
    plan = serializers.IntegerField(source="plan_id", read_only=True, allow_null=True,
                                    help_text="The plan a review conference reviewed.")
    held_on = serializers.DateField(read_only=True, help_text="The date it was held.")
    due_on = serializers.DateField(read_only=True, help_text="The date it was due by.")
    in_time = serializers.BooleanField(read_only=True, help_text="Held on or before due_on.")
    chair = StaffMemberSerializer(read_only=True, help_text="The IRO or CP chair.")
    conference_format = coded(ConferenceFormat, "In person, virtual or hybrid.")
    outcome = coded(ConferenceOutcome, "What it decided.")
    category = coded(CategoryOfAbuse, "The category of abuse, when there is a plan.")
    delay_reason = serializers.CharField(read_only=True, help_text="Reason for any delay.")
    participants = _participants("Who was invited, attended or sent a report.",
                                 read_only=True)


class NewCpConferenceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=ConferenceKind.choices,
        help_text="initial: for the child's enquiry waiting for one; review: of the open plan.")
    held_on = serializers.DateField(error_messages=required_messages("Give the date"),
                                    help_text="The date it was held (ISO 8601).")
    chair = serializers.CharField(help_text="The chair's username: an IRO or CP chair.")
    outcome = serializers.ChoiceField(
        choices=[(o.value, o.label) for o in (*INITIAL_OUTCOMES, *REVIEW_OUTCOMES)],
        help_text="plan or no_plan at an initial conference; continue_plan or end_plan at a "
                  "review.")
    category = serializers.ChoiceField(
        choices=CategoryOfAbuse.choices, required=False, allow_blank=True, default="",
        help_text="Initial category (plan) or latest category (continue_plan).")
    conference_format = serializers.ChoiceField(choices=ConferenceFormat.choices,
                                                required=False, allow_blank=True, default="",
                                                help_text="In person, virtual or hybrid.")
    delay_reason = serializers.CharField(required=False, allow_blank=True, default="",
                                         max_length=2000, help_text="Reason for any delay.")
    participants = _participants("Who was invited, attended or sent a report.",
                                 required=False, default=list)


class CpAttendanceChangeSerializer(serializers.Serializer):
    participants = _participants("Who was invited, attended or sent a report (replaces the "
                                 "list).")


# ---- Plans, core groups and visits -------------------------------------------------------------


class CpPlanSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="plan.id", read_only=True, help_text="The plan's id.")
    referral = serializers.IntegerField(source="plan.referral_id", read_only=True,
                                        help_text="The referral it belongs to.")
    start_date = serializers.DateField(source="plan.start_date", read_only=True,
                                       help_text="CPPstartDate.")
    initial_category = coded(CategoryOfAbuse, "InitialCategoryOfAbuse.",
                             source="plan.initial_category")
    latest_category = coded(CategoryOfAbuse, "LatestCategoryOfAbuse.",
                            source="plan.latest_category")
    previous_plans = serializers.IntegerField(source="plan.previous_plans", read_only=True,
                                              help_text="NumberOfPreviousCPP.")
    end_date = serializers.DateField(source="plan.end_date", read_only=True, allow_null=True,
                                     help_text="CPPendDate, if ended.")
    end_reason = coded(PlanEndReason, "Why it ended.", source="plan.end_reason")
    days_open = serializers.IntegerField(read_only=True,
                                         help_text="Days from the start to the end or today.")
    due_for_progress_panel = serializers.BooleanField(read_only=True,
                                                      help_text="It has lasted beyond 9 months.")
    over_two_years = serializers.BooleanField(read_only=True,
                                              help_text="It has lasted beyond 2 years.")
    next_visit_due_on = serializers.DateField(source="next_visit.task.due_on", read_only=True,
                                              allow_null=True, default=None,
                                              help_text="When the next visit is due.")
    next_core_group_due_on = serializers.DateField(
        source="next_core_group.task.due_on", read_only=True, allow_null=True, default=None,
        help_text="When the next core group is due.")
    next_review_due_on = serializers.DateField(
        source="next_review.task.due_on", read_only=True, allow_null=True, default=None,
        help_text="When the next review conference is due.")


class CpPlanEndSerializer(serializers.Serializer):
    end_date = serializers.DateField(error_messages=required_messages("Give the end date"),
                                     help_text="The date the plan ended (ISO 8601).")
    reason = serializers.ChoiceField(
        choices=END_REASONS, help_text="Why it ended. A review conference's decision is "
                                       "recorded by posting the review conference.")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000,
                                 help_text="Notes.")


class CpCoreGroupSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The core group's id.")
    plan = serializers.IntegerField(source="plan_id", read_only=True, help_text="The plan.")
    held_on = serializers.DateField(read_only=True, help_text="The date it was held.")
    due_on = serializers.DateField(read_only=True, help_text="The date it was due by.")
    in_time = serializers.BooleanField(read_only=True, help_text="Held on or before due_on.")
    is_first = serializers.BooleanField(read_only=True, help_text="The plan's first core group.")
    note = serializers.CharField(read_only=True, help_text="Notes.")
    participants = _participants("Who attended or contributed.", read_only=True)


class NewCpCoreGroupSerializer(serializers.Serializer):
    held_on = serializers.DateField(error_messages=required_messages("Give the date"),
                                    help_text="The date it was held (ISO 8601).")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000,
                                 help_text="Notes.")
    participants = _participants("Who attended or contributed.", required=False, default=list)


class CpCoreGroupChangeSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000,
                                 help_text="Notes.")
    participants = _participants("Who attended or contributed (replaces the list).",
                                 required=False)


class CpVisitSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The visit's id.")
    plan = serializers.IntegerField(source="plan_id", read_only=True,
                                    help_text="The child protection plan it was under.")
    visited_on = serializers.DateField(read_only=True, help_text="The date of the visit.")
    child_seen = serializers.BooleanField(read_only=True, help_text="The child was seen.")
    seen_alone = serializers.BooleanField(read_only=True, help_text="The child was seen alone.")
    bedroom_seen = serializers.BooleanField(read_only=True, help_text="The bedroom was seen.")
    note = serializers.CharField(read_only=True, help_text="Notes.")
    visited_by = StaffMemberSerializer(read_only=True, help_text="Who visited.")


class NewCpVisitSerializer(serializers.Serializer):
    visited_on = serializers.DateField(error_messages=required_messages("Give the date"),
                                       help_text="The date of the visit (ISO 8601).")
    child_seen = serializers.BooleanField(help_text="The child was seen.")
    seen_alone = serializers.BooleanField(required=False, default=False,
                                          help_text="The child was seen alone.")
    bedroom_seen = serializers.BooleanField(required=False, default=False,
                                            help_text="The child's bedroom was seen.")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000,
                                 help_text="Notes.")
