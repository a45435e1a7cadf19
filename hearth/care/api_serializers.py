"""Periods of care, episodes and reviews as the API shows and takes them."""

from rest_framework import serializers

from hearth.api.fields import (
    CodeLabelSerializer,
    StaffMemberSerializer,
    coded,
    required_messages,
)
from hearth.care import codes


class CareDueSerializer(serializers.Serializer):
    on = serializers.DateField(read_only=True, help_text="Due on.")
    status = CodeLabelSerializer(source="status_code", read_only=True,
                                 help_text="Overdue, due today, due soon or on track.")


class CareEpisodeSerializer(serializers.Serializer):
    """An episode as the 903 Episodes table holds it."""

    id = serializers.IntegerField(read_only=True, help_text="The episode's id.")
    started_on = serializers.DateField(read_only=True, help_text="DECOM: the episode's start.")
    ended_on = serializers.DateField(read_only=True, allow_null=True,
                                     help_text="DEC: its end, if it has ended.")
    reason_new_episode = coded(codes.ReasonNewEpisode, "RNE: why the episode began.")
    legal_status = coded(codes.LegalStatus, "LS: the legal status.")
    category_of_need = coded(codes.CategoryOfNeed, "CIN: the category of need.")
    placement_type = coded(codes.PlacementType, "PLACE: the placement type.")
    provider_type = coded(codes.ProviderType, "PLACE_PROVIDER (null for T0-T3, Z11-Z14).",
                          allow_null=True)
    provision = coded(codes.Provision, "How the placement is regulated.")
    placement_postcode = serializers.CharField(read_only=True, help_text="PL_POST.")
    home_postcode = serializers.CharField(read_only=True, help_text="HOME_POST (may be blank).")
    urn = serializers.CharField(read_only=True, help_text="URN (may be blank).")
    placement_started_on = serializers.DateField(read_only=True,
                                                 help_text="When this placement began.")
    intended_until_18 = serializers.BooleanField(
        read_only=True, help_text="Whether the placement is intended to last until 18.")
    reason_ceased = coded(codes.ReasonEpisodeCeased, "REC: why it ended (null while open).",
                          allow_null=True)
    reason_place_change = coded(codes.ReasonPlaceChange, "REASON_PLACE_CHANGE (or null).",
                                allow_null=True)
    needs_sign_off = serializers.BooleanField(
        read_only=True, help_text="Whether the placement needs head of service sign-off.")
    signed_off_by = StaffMemberSerializer(read_only=True, allow_null=True,
                                          help_text="Who signed it off, if anyone has.")
    signed_off_at = serializers.DateTimeField(read_only=True, allow_null=True,
                                              help_text="When it was signed off.")


class ClaReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The review's id.")
    number = serializers.IntegerField(read_only=True, help_text="1 for the period's first.")
    held_on = serializers.DateField(
        error_messages=required_messages("Enter the date of the review"),
        help_text="When the review was held (ISO 8601), today or earlier.")
    due_on = serializers.DateField(read_only=True, help_text="When it was due.")
    in_time = serializers.BooleanField(read_only=True, help_text="Held on or before due_on.")
    participation = serializers.ChoiceField(
        choices=codes.Participation.choices,
        error_messages={**required_messages("Say how the child took part"),
                        "invalid_choice": "Give a participation code, PN0 to PN7"},
        help_text="REVIEW_CODE: how the child took part (PN0 to PN7).")
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="",
                                 help_text="What the review decided (optional).")
    chair = StaffMemberSerializer(read_only=True, help_text="The IRO who chaired it.")


class CarePeriodSerializer(serializers.Serializer):
    """Serializes a PeriodSummary."""

    id = serializers.IntegerField(source="period.pk", read_only=True,
                                  help_text="The period's id.")
    started_on = serializers.DateField(source="period.started_on", read_only=True,
                                       help_text="When the child became looked after.")
    ended_on = serializers.DateField(source="period.ended_on", read_only=True, allow_null=True,
                                     help_text="When they ceased to be, if they have.")
    end_reason = serializers.CharField(source="period.end_reason", read_only=True,
                                       help_text="REC of the last episode (blank while open).")
    iro = StaffMemberSerializer(source="period.iro", read_only=True, allow_null=True,
                                help_text="The allocated IRO, if any.")
    iro_due_at = serializers.DateTimeField(source="period.iro_due_at", read_only=True,
                                           help_text="When the IRO was due to be allocated.")
    next_review = CareDueSerializer(read_only=True, allow_null=True,
                                help_text="The next review; null once care has ended.")
    next_visit = CareDueSerializer(read_only=True, allow_null=True,
                               help_text="The next visit; null once care has ended.")
    episodes = CareEpisodeSerializer(many=True, read_only=True, help_text="Episodes, newest first.")
    reviews = ClaReviewSerializer(many=True, read_only=True, help_text="Reviews, newest first.")


class CareEpisodeInputSerializer(serializers.Serializer):
    legal_status = serializers.ChoiceField(
        choices=codes.LegalStatus.choices,
        error_messages={**required_messages("Choose the legal status"),
                        "invalid_choice": "Give a DfE legal status code"},
        help_text="LS code.")
    category_of_need = serializers.ChoiceField(
        choices=codes.CategoryOfNeed.choices,
        error_messages={**required_messages("Choose the category of need"),
                        "invalid_choice": "Give a category of need, N1 to N8"},
        help_text="CIN code.")
    placement_type = serializers.ChoiceField(
        choices=codes.PlacementType.choices,
        error_messages={**required_messages("Choose the placement type"),
                        "invalid_choice": "Give a DfE placement type code"},
        help_text="PLACE code.")
    provider_type = serializers.ChoiceField(
        choices=codes.ProviderType.choices, required=False, allow_blank=True, default="",
        help_text="PLACE_PROVIDER code (blank for T0-T3 and Z11-Z14).")
    provision = serializers.ChoiceField(
        choices=codes.Provision.choices,
        error_messages=required_messages("Say how the placement is regulated"),
        help_text="registered, supported, unregistered or unregulated.")
    placement_postcode = serializers.CharField(
        max_length=10, error_messages=required_messages("Enter the postcode of the placement"),
        help_text="PL_POST: a UK postcode.")
    home_postcode = serializers.CharField(max_length=10, required=False, allow_blank=True,
                                          default="", help_text="HOME_POST (optional).")
    urn = serializers.CharField(max_length=8, required=False, allow_blank=True, default="",
                                help_text="Ofsted URN, where the placement has one.")
    intended_until_18 = serializers.BooleanField(
        required=False, default=False, help_text="The placement is intended to last until 18.")
    head_of_service_agreed = serializers.BooleanField(
        required=False, default=False,
        help_text="The head of service agreed an emergency supported-accommodation placement "
                  "of a child under 16.")


class NewCarePeriodSerializer(CareEpisodeInputSerializer):
    started_on = serializers.DateField(
        error_messages=required_messages("Enter the date the child became looked after"),
        help_text="When the child became looked after (ISO 8601).")


class CareEpisodeChangeSerializer(CareEpisodeInputSerializer):
    changed_on = serializers.DateField(
        error_messages=required_messages("Enter the date of the change"),
        help_text="When the legal status or placement changed (ISO 8601).")
    same_carers = serializers.BooleanField(
        required=False, default=False, help_text="The placement changed, the carers did not.")
    reason_place_change = serializers.ChoiceField(
        choices=codes.ReasonPlaceChange.choices, required=False, allow_blank=True, default="",
        help_text="REASON_PLACE_CHANGE, when the placement changed.")


class CareEndSerializer(serializers.Serializer):
    ended_on = serializers.DateField(
        error_messages=required_messages("Enter the date the child ceased to be looked after"),
        help_text="When the child ceased to be looked after (ISO 8601).")
    reason = serializers.ChoiceField(
        choices=codes.LEAVING_CARE_REASONS,
        error_messages={**required_messages("Choose why the child ceased to be looked after"),
                        "invalid_choice": "Give a DfE reason episode ceased (not X1)"},
        help_text="REC code (not X1).")


class CareIroAllocationSerializer(serializers.Serializer):
    iro = serializers.CharField(error_messages=required_messages("Give the IRO's username"),
                                help_text="The IRO's username.")
    allocated_on = serializers.DateField(
        error_messages=required_messages("Enter the date of the allocation"),
        help_text="When the IRO was allocated (ISO 8601).")
