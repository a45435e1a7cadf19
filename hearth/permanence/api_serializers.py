"""A looked-after child's permanence and prospective adopters as the API shows and takes them.
Names start with Permanence, Adoption, Sgo or Adopter so they stay unique across the apps'
serializers."""

from rest_framework import serializers

from hearth.api.fields import CodeLabelSerializer, coded, required_messages
from hearth.people.codes import Ethnicity
from hearth.permanence import codes, rules

ADOPTION_STEP_CHOICES = tuple(rules.ADOPTION_STEPS)
SGO_STEP_CHOICES = ("assessment_completed_on", "order_on")
HOUSEHOLD_STEP_CHOICES = tuple(rules.HOUSEHOLD_STAGES)


def _note() -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, max_length=10000,
                                 default="", help_text="Notes (optional).")


def _date(message: str, help_text: str, **kwargs) -> serializers.DateField:
    return serializers.DateField(error_messages=required_messages(message),
                                 help_text=f"{help_text} (ISO 8601), today or earlier.", **kwargs)


def _text(message: str, help_text: str, max_length: int = 200) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, error_messages=required_messages(message),
                                 help_text=help_text)


def _choice(values, message: str, help_text: str, **kwargs) -> serializers.ChoiceField:
    """`values`: a TextChoices class (its codes and labels), or a tuple of codes."""
    choices = values.choices if hasattr(values, "choices") else list(values)
    return serializers.ChoiceField(choices=choices, help_text=help_text,
                                   error_messages={**required_messages(message),
                                                   "invalid_choice": message}, **kwargs)


def _read_date(help_text: str) -> serializers.DateField:
    return serializers.DateField(read_only=True, allow_null=True, help_text=help_text)


# ---- the child's records ----------------------------------------------------------------------

class PermanencePlanSerializer(serializers.Serializer):
    """One row of the plan's history: a plan type at a stage, from stage_since to ended_on."""

    id = serializers.IntegerField(read_only=True, help_text="The row's id.")
    plan_type = _choice(codes.PlanType, "Choose the permanence plan",
                        "adoption, special_guardianship, long_term_fostering, reunification, "
                        "child_arrangements or other.")
    agreed_on = _date("Enter the date the plan was agreed", "When the plan type was agreed")
    stage = _choice(codes.Stage, "Choose the stage the plan has reached",
                    "The stage reached (default agreed).", required=False,
                    default=codes.Stage.AGREED)
    stage_since = serializers.DateField(read_only=True, help_text="When this stage began.")
    ended_on = _read_date("When this row ended (null: the current plan).")
    note = _note()

    plan_type_label = serializers.CharField(source="get_plan_type_display", read_only=True,
        help_text="What the plan_type code means, in words.")
    stage_label = serializers.CharField(source="get_stage_display", read_only=True,
        help_text="What the stage code means, in words.")

class PermanenceStageSerializer(serializers.Serializer):
    stage = _choice(codes.Stage, "Choose the stage the plan has reached",
                    "The stage the current plan has reached.")
    since = _date("Enter the date the stage was reached", "When the stage was reached")
    note = _note()


class PermanencePanelSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    kind = _choice(codes.PanelKind, "Choose the panel or meeting",
                   "aep, monitoring, adoption, sgo or fostering.")
    held_on = _date("Enter the date of the panel or meeting", "When it was held")
    recommendation = _text("Enter what the panel recommended or decided",
                           "What it recommended or decided.", max_length=300)
    note = _note()

    kind_label = serializers.CharField(source="get_kind_display", read_only=True,
        help_text="What the kind code means, in words.")

class AdoptionDecisionSerializer(serializers.Serializer):
    """The agency decision maker's decision and the steps after it (903 PlacedAdoption, AD1)."""

    id = serializers.IntegerField(read_only=True, help_text="The decision's id.")
    decided_on = _date("Enter the date of the decision",
                       "When the ADM decided the child should be placed for adoption")
    decision_maker = _text("Enter the agency decision maker", "Their name and role.")
    placement_order_on = _read_date("The placement order, if made.")
    ffa_placed_on = _read_date("A fostering for adoption or concurrent placement, if any.")
    matched_on = _read_date("Matched with the adopters, if matched.")
    household = serializers.SerializerMethodField(
        help_text="The adopters' household (id and family identifier), once matched.")
    placed_on = _read_date("Placed for adoption, if placed.")
    adoption_order_on = _read_date("The adoption order, if made.")
    reversed_on = _read_date("Decided the child should no longer be placed, if so.")
    reversed_reason = coded(codes.ReasonNoLongerPlaced, "RD1-RD4, when reversed.",
                            allow_null=True)
    note = _note()

    def get_household(self, decision) -> dict | None:
        household = decision.household
        return None if household is None else {"id": household.pk,
                                               "reference": household.reference}


class AdoptionStepSerializer(serializers.Serializer):
    step = _choice(ADOPTION_STEP_CHOICES, "Choose a step of the adoption",
                   "placement_order_on, ffa_placed_on, matched_on, placed_on, "
                   "adoption_order_on or reversed_on.")
    on = _date("Enter the date", "When the step happened")
    household = serializers.IntegerField(
        required=False, allow_null=True, default=None,
        help_text="matched_on only: the id of the approved prospective adopters' household.")
    reversed_reason = serializers.ChoiceField(
        choices=codes.ReasonNoLongerPlaced.choices, required=False, allow_blank=True,
        default="", help_text="reversed_on only: RD1 to RD4.",
        error_messages={"invalid_choice": "Choose why the child should no longer be placed "
                                          "for adoption"})


class SgoSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    guardians = _text("Enter who the special guardians would be", "Who they would be.")
    relationship = _choice(codes.GuardianRelationship,
                           "Choose who the special guardians are",
                           "foster_relative, foster_other, relative or other (903 E45-E48).")
    started_on = _date("Enter the date the assessment started", "When the assessment started",
                       write_only=True)
    assessment_started_on = serializers.DateField(read_only=True,
                                                  help_text="When the assessment started.")
    assessment_completed_on = _read_date("When the assessment was completed.")
    order_on = _read_date("The special guardianship order, if made.")
    note = _note()

    relationship_label = serializers.CharField(source="get_relationship_display", read_only=True,
        help_text="What the relationship code means, in words.")

class SgoStepSerializer(serializers.Serializer):
    step = _choice(SGO_STEP_CHOICES, "Choose a step of the special guardianship",
                   "assessment_completed_on or order_on.")
    on = _date("Enter the date", "When the step happened")


class PermanenceLongTermMatchSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    carers = _text("Enter the foster carers", "Their names or household reference.")
    matched_on = _date("Enter the date of the match", "When the long-term match was made")
    ended_on = _read_date("When a later match replaced it.")
    note = _note()


class PermanenceReunificationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    returned_home_on = _date("Enter the date the child returned home",
                             "When the child returned home")
    care_order_discharged_on = _read_date("When the care order was discharged.")
    note = _note()


class PermanenceDischargeSerializer(serializers.Serializer):
    care_order_discharged_on = _date("Enter the date the care order was discharged",
                                     "When the care order was discharged")


class PreviousPermanenceSerializer(serializers.Serializer):
    order = _choice(codes.PreviousPermanenceOrder,
                    "Choose the previous permanence order, or none",
                    "903 PREV_PERM: P1-P4, or Z1 (none or not known).")
    la_code = serializers.CharField(
        required=False, allow_blank=True, max_length=3, default="",
        help_text="LA_PERM: a 3-digit LA code, or WAL, SCO, NIR or NUK (blank for Z1).")
    order_on = serializers.DateField(required=False, allow_null=True, default=None,
                                     help_text="DATE_PERM (null for Z1).")

    order_label = serializers.CharField(source="get_order_display", read_only=True,
        help_text="What the order code means, in words.")

class PermanenceTaskSerializer(serializers.Serializer):
    due_on = serializers.DateField(read_only=True, help_text="When the plan is due.")
    status = CodeLabelSerializer(read_only=True, help_text="Overdue, due today, due soon or "
                                                          "on track.")


class PermanenceSerializer(serializers.Serializer):
    """The child's latest period of care and its permanence records."""

    care_period_id = serializers.IntegerField(read_only=True, allow_null=True,
                                              help_text="The period the records belong to.")
    looked_after = serializers.BooleanField(read_only=True,
                                            help_text="Whether that period is still open.")
    current_plan = PermanencePlanSerializer(read_only=True, allow_null=True)
    days_in_stage = serializers.IntegerField(read_only=True, allow_null=True,
                                             help_text="Days since the current stage began.")
    plan_by_second_review = serializers.BooleanField(
        read_only=True, allow_null=True,
        help_text="Whether the plan was agreed by the second review (null before it).")
    plan_due = PermanenceTaskSerializer(read_only=True, allow_null=True,
                                        help_text="The open plan task, if any.")
    plans = PermanencePlanSerializer(many=True, read_only=True, help_text="The history, "
                                                                          "newest first.")
    panels = PermanencePanelSerializer(many=True, read_only=True)
    adoption_decisions = AdoptionDecisionSerializer(many=True, read_only=True)
    special_guardianships = SgoSerializer(many=True, read_only=True)
    long_term_matches = PermanenceLongTermMatchSerializer(many=True, read_only=True)
    reunifications = PermanenceReunificationSerializer(many=True, read_only=True)
    previous_permanence = PreviousPermanenceSerializer(read_only=True, allow_null=True)


# ---- prospective adopters ---------------------------------------------------------------------

class AdopterSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True, help_text="1 or 2.")
    name = _text("Enter the adopter's name", "The adopter's name.")
    sex = _choice(codes.AdopterSex, "Choose the adopter's sex", "M or F.")
    ethnicity = _choice(Ethnicity, "Choose the adopter's ethnicity",
                        "A DfE ethnicity code.", required=False, default="NOBT")
    disabled = serializers.BooleanField(required=False, default=False,
                                        help_text="Whether the adopter has a disability.")


class AdopterHouseholdSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The household's id.")
    reference = serializers.CharField(read_only=True, help_text="The family identifier.")
    legal_status = _choice(codes.AdopterLegalStatus, "Choose the adopters' legal status",
                           "903 LS_ADOPTR: L0, L11, L12, L2, L3 or L4.")
    enquiry_on = _date("Enter the date the enquiry was received", "When the enquiry came")
    fostering_for_adoption = serializers.BooleanField(
        required=False, default=False, help_text="Also approved to foster for adoption.")
    adopters = AdopterSerializer(many=True, help_text="One adopter, or two for a couple.")
    stage = serializers.CharField(source="stage_label", read_only=True,
                                  help_text="Where they are in the process, in words.")
    stage1_started_on = _read_date("Stage 1 began.")
    stage1_ended_on = _read_date("Stage 1 ended.")
    stage2_started_on = _read_date("Stage 2 began.")
    stage2_ended_on = _read_date("Stage 2 ended.")
    application_on = _read_date("The adoption application.")
    approved_on = _read_date("Approved as adopters.")
    left_on = _read_date("Left the process.")
    left_reason = coded(codes.LeavingReason, "Why they left.", allow_null=True)
    note = _note()

    def validate_adopters(self, adopters):
        if len(adopters) not in (1, 2):
            raise serializers.ValidationError("Enter one or two adopters")
        return adopters

    legal_status_label = serializers.CharField(source="get_legal_status_display", read_only=True,
        help_text="What the legal_status code means, in words.")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["adopters"] = AdopterSerializer(instance.adopters.all(), many=True).data
        return data


class AdopterStageSerializer(serializers.Serializer):
    step = _choice(HOUSEHOLD_STEP_CHOICES, "Choose a stage of the assessment",
                   "stage1_started_on, stage1_ended_on, stage2_started_on, stage2_ended_on, "
                   "application_on or approved_on.")
    on = _date("Enter the date", "When the stage was reached")


class AdopterLeaveSerializer(serializers.Serializer):
    left_on = _date("Enter the date they left", "When they left the process")
    left_reason = _choice(codes.LeavingReason,
                          "Choose why they left the adoption process", "Why they left.")
