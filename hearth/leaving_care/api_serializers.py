"""Care leavers as the API shows and takes them."""

from rest_framework import serializers

from hearth.api.fields import (
    CodeLabelSerializer,
    StaffMemberSerializer,
    coded,
    required_messages,
)
from hearth.leaving_care.codes import (
    Accommodation,
    Activity,
    Category,
    ContactKind,
    Entitlement,
    InTouch,
)


def _date(message: str, help_text: str, **kwargs) -> serializers.DateField:
    return serializers.DateField(error_messages=required_messages(message), help_text=help_text,
                                 **kwargs)


def _choice(choices, message: str, help_text: str, **kwargs) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices.choices, help_text=help_text,
                                   error_messages={**required_messages(message),
                                                   "invalid_choice": message}, **kwargs)


class CareLeaverDueSerializer(serializers.Serializer):
    on = serializers.DateField(read_only=True, help_text="Due on.")
    status = CodeLabelSerializer(source="status_code", read_only=True,
                                 help_text="Overdue, due today, due soon or on track.")
    rule = serializers.CharField(read_only=True, help_text="The rule and version that set it.")


class CategoryPeriodSerializer(serializers.Serializer):
    category = coded(Category, "The eligibility category.")
    applies_from = serializers.DateField(read_only=True, help_text="From when it applies.")


class CareLeaverContactSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The contact's id.")
    contact_on = serializers.DateField(read_only=True, help_text="When.")
    kind = coded(ContactKind, "Visit, phone, video or message.")
    in_touch = serializers.BooleanField(read_only=True, help_text="Whether they were reached.")
    made_by = StaffMemberSerializer(read_only=True, help_text="Who made the contact.")
    note = serializers.CharField(read_only=True, help_text="What was discussed or provided.")


class CareLeaverSituationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    as_at = serializers.DateField(read_only=True, help_text="The date this was true.")
    in_touch = coded(InTouch, "903 IN_TOUCH.")
    activity = coded(Activity, "903 ACTIV; null when not known.", allow_null=True)
    accommodation = coded(Accommodation, "The 903 ACCOM letter; null when not known.",
                          allow_null=True)
    accommodation_suitable = serializers.BooleanField(read_only=True, allow_null=True,
                                                      help_text="Whether it is suitable.")
    accom_903 = serializers.CharField(read_only=True,
                                      help_text="The 903 ACCOM code (letter and 1 or 2).")


class StayingPutSerializer(serializers.Serializer):
    carers = serializers.CharField(read_only=True, help_text="The former foster carers.")
    started_on = serializers.DateField(read_only=True, help_text="Start.")
    ended_on = serializers.DateField(read_only=True, allow_null=True, help_text="End, if any.")


class CareLeaverEntitlementSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The offer's id.")
    kind = coded(Entitlement, "What was offered.")
    detail = serializers.CharField(read_only=True, help_text="Details.")
    offered_on = serializers.DateField(read_only=True, help_text="When it was offered.")
    taken_up = serializers.BooleanField(read_only=True, allow_null=True,
                                        help_text="Taken up; null while not known.")


class CareLeaverSerializer(serializers.Serializer):
    """Serializes a CareLeaverSummary."""

    became_care_leaver_on = serializers.DateField(source="care_leaver.became_care_leaver_on",
                                                  read_only=True, help_text="Since when.")
    left_care_on = serializers.DateField(source="care_leaver.left_care_on", read_only=True,
                                         allow_null=True, help_text="When they left care.")
    age = serializers.IntegerField(read_only=True, help_text="Age today.")
    category = CategoryPeriodSerializer(read_only=True, allow_null=True,
                                        help_text="The category in force today.")
    personal_adviser = StaffMemberSerializer(source="care_leaver.personal_adviser",
                                             read_only=True, allow_null=True,
                                             help_text="The personal adviser, if allocated.")
    adviser_due = CareLeaverDueSerializer(read_only=True, allow_null=True,
                                help_text="When a personal adviser is due (T65), if none yet.")
    needs_assessment_completed_on = serializers.DateField(
        source="care_leaver.needs_assessment_done_on", read_only=True, allow_null=True,
        help_text="When the pathway needs assessment was completed.")
    needs_assessment_due = CareLeaverDueSerializer(read_only=True, allow_null=True,
                                         help_text="When it is due (T60), if not done.")
    pathway_plan_agreed_on = serializers.DateField(source="plan.agreed_on", read_only=True,
                                                   allow_null=True, default=None,
                                                   help_text="When the plan was agreed.")
    review_due = CareLeaverDueSerializer(read_only=True, allow_null=True,
                               help_text="The next pathway plan review (T62).")
    contact_due = CareLeaverDueSerializer(read_only=True, allow_null=True,
                                help_text="The next contact (T64, or T67 after 21).")
    support_to_25_requested_on = serializers.DateField(
        source="care_leaver.support_to_25_requested_on", read_only=True, allow_null=True,
        help_text="When support to 25 was asked for.")
    support_ends_on = serializers.DateField(read_only=True, help_text="When support ends.")
    contacts = CareLeaverContactSerializer(many=True, read_only=True, help_text="Newest first.")
    situations = CareLeaverSituationSerializer(many=True, read_only=True, help_text="Newest first.")
    staying_put = StayingPutSerializer(many=True, read_only=True, help_text="Newest first.")
    entitlements = CareLeaverEntitlementSerializer(many=True, read_only=True,
                                                   help_text="Newest first.")


class NewCareLeaverSerializer(serializers.Serializer):
    category = _choice(Category, "Choose the eligibility category", "The category.")
    applies_from = _date("Enter the date the category applies from", "ISO 8601.")
    left_care_on = serializers.DateField(required=False, allow_null=True, default=None,
                                         help_text="When they left care; null if still "
                                                   "looked after.")


class CategoryChangeSerializer(NewCareLeaverSerializer):
    pass


class PersonalAdviserSerializer(serializers.Serializer):
    adviser = serializers.CharField(error_messages=required_messages("Give the adviser's "
                                                                     "username"),
                                    help_text="The personal adviser's username.")
    allocated_on = _date("Enter the date allocated", "ISO 8601.")


class NeedsAssessmentSerializer(serializers.Serializer):
    completed_on = _date("Enter the date it was completed", "ISO 8601.")


class PathwayPlanSerializer(serializers.Serializer):
    agreed_on = _date("Enter the date the plan was agreed", "ISO 8601.")


class PathwayPlanReviewSerializer(serializers.Serializer):
    reviewed_on = _date("Enter the date of the review", "ISO 8601.")
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="",
                                 help_text="What the review decided.")


class NewCareLeaverContactSerializer(serializers.Serializer):
    contact_on = _date("Enter the date of the contact", "ISO 8601.")
    kind = _choice(ContactKind, "Choose how the contact was made", "visit, phone, video or "
                   "message.")
    in_touch = serializers.BooleanField(
        error_messages=required_messages("Say whether the young person was reached"),
        help_text="Whether they were reached; only then does the contact clock restart.")
    note = serializers.CharField(max_length=20000, required=False, allow_blank=True,
                                 default="", help_text="A note.")


class NewCareLeaverSituationSerializer(serializers.Serializer):
    as_at = _date("Enter the date this was true", "ISO 8601.")
    in_touch = _choice(InTouch, "Choose whether they are in touch", "903 IN_TOUCH.")
    activity = serializers.ChoiceField(choices=Activity.choices, required=False,
                                       allow_blank=True, default="", help_text="903 ACTIV.")
    accommodation = serializers.ChoiceField(choices=Accommodation.choices, required=False,
                                            allow_blank=True, default="",
                                            help_text="The 903 ACCOM letter.")
    accommodation_suitable = serializers.BooleanField(required=False, allow_null=True,
                                                      default=None,
                                                      help_text="Whether it is suitable.")


class NewStayingPutSerializer(serializers.Serializer):
    carers = serializers.CharField(max_length=200, error_messages=required_messages(
        "Enter the former foster carers"), help_text="The former foster carers.")
    started_on = _date("Enter the start date", "ISO 8601.")
    ended_on = serializers.DateField(required=False, allow_null=True, default=None,
                                     help_text="End, if known.")


class EndStayingPutSerializer(serializers.Serializer):
    ended_on = _date("Enter the end date", "ISO 8601.")


class NewCareLeaverEntitlementSerializer(serializers.Serializer):
    kind = _choice(Entitlement, "Choose what was offered", "What was offered.")
    detail = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                   default="", help_text="Details (needed for other).")
    offered_on = _date("Enter the date offered", "ISO 8601.")
    taken_up = serializers.BooleanField(required=False, allow_null=True, default=None,
                                        help_text="Taken up; null while not known.")


class EntitlementTakeUpSerializer(serializers.Serializer):
    taken_up = serializers.BooleanField(
        error_messages=required_messages("Say whether it was taken up"),
        help_text="Whether the young person took it up.")


class SupportTo25Serializer(serializers.Serializer):
    requested_on = _date("Enter the date the young person asked", "ISO 8601.")


class CareLeaverListRowSerializer(serializers.Serializer):
    person = serializers.UUIDField(source="care_leaver.child.uuid", read_only=True,
                                   help_text="The young person's uuid.")
    name = serializers.CharField(source="care_leaver.child.full_name", read_only=True,
                                 help_text="Their name.")
    age = serializers.IntegerField(read_only=True, help_text="Age today.")
    category = serializers.CharField(source="care_leaver.current_category", read_only=True,
                                     allow_null=True, help_text="The category code today.")
    personal_adviser = StaffMemberSerializer(source="care_leaver.personal_adviser",
                                             read_only=True, allow_null=True,
                                             help_text="The personal adviser.")
    in_touch = serializers.CharField(source="care_leaver.latest_in_touch", read_only=True,
                                     allow_null=True, help_text="The latest 903 IN_TOUCH.")
    last_contact_on = serializers.DateField(source="care_leaver.last_contact_on",
                                            read_only=True, allow_null=True,
                                            help_text="The last contact.")
    contact_due = CareLeaverDueSerializer(read_only=True, allow_null=True,
                                          help_text="Next contact.")
    review_due = CareLeaverDueSerializer(read_only=True, allow_null=True, help_text="Next review.")
    adviser_due = CareLeaverDueSerializer(read_only=True, allow_null=True,
                                help_text="When a personal adviser is due, if waiting.")


class CareLeaverMeasureSerializer(serializers.Serializer):
    numerator = serializers.IntegerField(read_only=True, help_text="How many.")
    denominator = serializers.IntegerField(read_only=True, help_text="Out of.")
    percent = serializers.FloatField(read_only=True, allow_null=True, help_text="Per cent.")


class CareLeaverBandSerializer(serializers.Serializer):
    youngest = serializers.IntegerField(read_only=True, help_text="Youngest age in the band.")
    oldest = serializers.IntegerField(read_only=True, help_text="Oldest age in the band.")
    care_leavers = serializers.IntegerField(read_only=True, help_text="Care leavers.")
    in_touch = CareLeaverMeasureSerializer(read_only=True, help_text="In touch (YES).")
    suitable_accommodation = CareLeaverMeasureSerializer(read_only=True,
                                               help_text="In suitable accommodation.")
    in_education_employment_or_training = CareLeaverMeasureSerializer(read_only=True,
                                                                      help_text="In EET.")
    contacted_in_8_weeks = CareLeaverMeasureSerializer(
        read_only=True, help_text="Reached in a contact in the last 8 weeks.")
    waiting_for_adviser = CareLeaverMeasureSerializer(
        read_only=True, help_text="Waiting for a personal adviser.")
