"""Fostering households and providers as the API shows and takes them. Names start with
Fostering or Provider so they stay unique across the apps' serializers."""

from rest_framework import serializers

from hearth.api.fields import CodeLabelSerializer, StaffMemberSerializer, coded, required_messages
from hearth.fostering import codes


def _date(message: str, help_text: str, **kwargs) -> serializers.DateField:
    return serializers.DateField(error_messages=required_messages(message), help_text=help_text,
                                 **kwargs)


def _choice(choices, message: str, help_text: str, **kwargs) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices.choices, help_text=help_text,
                                   error_messages={**required_messages(message),
                                                   "invalid_choice": message}, **kwargs)


def _age(help_text: str) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=0, max_value=17, required=False,
                                    allow_null=True, help_text=help_text)


class FosterCarerSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=100, error_messages=required_messages(
        "Enter the carer's first name"), help_text="The carer's first name.")
    last_name = serializers.CharField(max_length=100, error_messages=required_messages(
        "Enter the carer's last name"), help_text="The carer's last name.")
    date_of_birth = serializers.DateField(required=False, allow_null=True,
                                          help_text="The carer's date of birth, if known.")


class FosteringDueSerializer(serializers.Serializer):
    on = serializers.DateField(read_only=True, help_text="Due on.")
    status = serializers.SerializerMethodField(help_text="Overdue, due today, due soon or "
                                                         "on track.")

    def get_status(self, due) -> dict:
        return CodeLabelSerializer({"code": due.status.value, "label": due.label}).data


class FosteringHouseholdRowSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The household's id.")
    reference = serializers.CharField(read_only=True, help_text="The household's reference.")
    household_type = coded(codes.HouseholdType, "The type of fostering.")
    status = coded(codes.HouseholdStatus, "Where the household is in its journey.")
    supervising_social_worker = StaffMemberSerializer(read_only=True, allow_null=True)
    approved_places = serializers.IntegerField(read_only=True, help_text="Children approved.")
    placed = serializers.IntegerField(read_only=True, help_text="Children placed now.")
    review_due_on = serializers.DateField(read_only=True, help_text="Next annual review due.")


class FosteringPanelSerializer(serializers.Serializer):
    business = coded(codes.PanelBusiness, "What the panel considered.")
    panel_on = serializers.DateField(read_only=True, help_text="Date of the panel.")
    recommendation = coded(codes.Recommendation, "The panel's recommendation.")
    decision_due_on = serializers.DateField(read_only=True, help_text="ADM decision due by.")
    decision = coded(codes.AdmDecision, "The agency decision maker's decision.")
    decided_on = serializers.DateField(read_only=True, help_text="Date of the decision.")


class FosteringReviewSerializer(serializers.Serializer):
    reviewed_on = serializers.DateField(read_only=True, help_text="Date of the review.")
    due_on = serializers.DateField(read_only=True, help_text="When it was due.")
    outcome = coded(codes.ReviewOutcome, "The outcome of the review.")
    goes_to_panel = serializers.BooleanField(read_only=True, help_text="Whether it goes to "
                                                                       "panel.")


class FosteringHouseholdSerializer(serializers.Serializer):
    """One household's record (read from a selectors.HouseholdRecord)."""

    id = serializers.IntegerField(source="household.pk", read_only=True)
    reference = serializers.CharField(source="household.reference", read_only=True)
    household_type = coded(codes.HouseholdType, "The type of fostering.",
                           source="household.household_type")
    status = coded(codes.HouseholdStatus, "The household's status.", source="household.status")
    carers = FosterCarerSerializer(many=True, read_only=True)
    supervising_social_worker = StaffMemberSerializer(
        source="household.supervising_social_worker", read_only=True, allow_null=True)
    enquiry_on = serializers.DateField(source="household.enquiry_on", read_only=True)
    assessment_started_on = serializers.DateField(source="household.assessment_started_on",
                                                  read_only=True, allow_null=True)
    temporary_approval_ends_on = serializers.DateField(
        source="household.temporary_approval_ends_on", read_only=True, allow_null=True)
    approved_on = serializers.DateField(source="household.approved_on", read_only=True,
                                        allow_null=True)
    approved_places = serializers.IntegerField(source="household.approved_places",
                                               read_only=True, allow_null=True)
    age_from = serializers.IntegerField(source="household.age_from", read_only=True,
                                        allow_null=True)
    age_to = serializers.IntegerField(source="household.age_to", read_only=True, allow_null=True)
    approved_sex = coded(codes.ApprovedSex, "Boys, girls or either.",
                         source="household.approved_sex", allow_null=True)
    care_type = coded(codes.CareType, "The type of care approved.",
                      source="household.care_type", allow_null=True)
    placed = serializers.IntegerField(read_only=True, help_text="Children placed now.")
    vacancies = serializers.IntegerField(read_only=True, help_text="Places free now.")
    review_due = FosteringDueSerializer(read_only=True, allow_null=True)
    panels = FosteringPanelSerializer(many=True, read_only=True)
    reviews = FosteringReviewSerializer(many=True, read_only=True)


class FosteringEnquirySerializer(serializers.Serializer):
    household_type = _choice(codes.HouseholdType, "Choose the type of fostering",
                             "The type of fostering.")
    enquiry_on = _date("Enter the date of the enquiry", "Date of the enquiry.")
    carers = FosterCarerSerializer(many=True, help_text="One or two carers.")
    postcode = serializers.CharField(max_length=8, required=False, default="",
                                     allow_blank=True, help_text="The household's postcode.")


class FosteringPanelInputSerializer(serializers.Serializer):
    business = _choice(codes.PanelBusiness, "Choose what the panel considered",
                       "What the panel considered.")
    panel_on = _date("Enter the date of the panel", "Date of the panel.")
    recommendation = _choice(codes.Recommendation, "Choose the panel's recommendation",
                             "The panel's recommendation.")
    places = serializers.IntegerField(min_value=1, required=False, allow_null=True,
                                      help_text="Number of children (approval, new terms).")
    age_from = _age("Youngest age approved.")
    age_to = _age("Oldest age approved.")
    approved_sex = serializers.ChoiceField(choices=codes.ApprovedSex.choices, required=False,
                                           default="", allow_blank=True)
    care_type = serializers.ChoiceField(choices=codes.CareType.choices, required=False,
                                        default="", allow_blank=True)
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=5000)


class FosteringAdmDecisionSerializer(serializers.Serializer):
    decision = _choice(codes.AdmDecision, "Choose whether the agency decision maker agreed",
                       "Agreed or not agreed with the panel.")
    decided_on = _date("Enter the date of the decision", "Date of the decision.")
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=5000)


class FosteringReviewInputSerializer(serializers.Serializer):
    reviewed_on = _date("Enter the date of the review", "Date of the review.")
    outcome = _choice(codes.ReviewOutcome, "Choose the outcome of the review",
                      "The outcome of the review.")
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=5000)


class FosteringVacancySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    reference = serializers.CharField(read_only=True)
    household_type = coded(codes.HouseholdType, "The type of fostering.")
    age_from = serializers.IntegerField(read_only=True)
    age_to = serializers.IntegerField(read_only=True)
    approved_sex = coded(codes.ApprovedSex, "Boys, girls or either.")
    care_type = coded(codes.CareType, "The type of care approved.")
    approved_places = serializers.IntegerField(read_only=True)
    free = serializers.IntegerField(read_only=True, help_text="Vacancies now.")


class FosteringTaskSerializer(serializers.Serializer):
    kind = coded(codes.HouseholdTaskKind, "What is due.", source="task.kind")
    household = serializers.CharField(source="task.household.reference", read_only=True)
    household_id = serializers.IntegerField(source="task.household_id", read_only=True)
    worker = StaffMemberSerializer(source="task.worker", read_only=True, allow_null=True)
    rule = serializers.CharField(source="task.rule", read_only=True)
    due = FosteringDueSerializer(read_only=True)


class ProviderRegisterSerializer(serializers.Serializer):
    """A provider as shown, and as taken for a new one."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=200, error_messages=required_messages(
        "Enter the provider's name"))
    kind = _choice(codes.ProviderKind, "Choose the type of provision", "Type of provision.")
    place_provider = _choice(codes.ProviderType, "Choose the 903 PLACE_PROVIDER code",
                             "903 PLACE_PROVIDER (PR0-PR5).")
    urn = serializers.CharField(max_length=8, required=False, default="", allow_blank=True)
    registration = _choice(codes.Registration, "Choose the registration status",
                           "Registration status.")
    judgement = serializers.ChoiceField(choices=codes.OfstedJudgement.choices, required=False,
                                        default="", allow_blank=True)
    judgement_on = serializers.DateField(required=False, allow_null=True, default=None)
    address = serializers.CharField(max_length=300, required=False, default="",
                                    allow_blank=True)
    postcode = serializers.CharField(max_length=8, required=False, default="",
                                     allow_blank=True)
    placed = serializers.IntegerField(read_only=True, required=False,
                                      help_text="Children placed there now (by URN).")
