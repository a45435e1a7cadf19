"""Legal cases as the API shows and takes them. Names start with Court: serializer names are
unique across apps."""

from rest_framework import serializers

from hearth.api.fields import StaffMemberSerializer, required_messages
from hearth.court import rules
from hearth.court.codes import (
    ApplicationType,
    FinalOrderKind,
    HearingKind,
    InterimOrderKind,
    MeetingKind,
    PanelDecision,
    PreProceedingsOutcome,
)


def _date(message: str, help_text: str, required: bool = True):
    if not required:
        return serializers.DateField(required=False, allow_null=True, help_text=help_text)
    return serializers.DateField(error_messages=required_messages(message), help_text=help_text)


def _choice(choices, message: str, help_text: str, **kwargs):
    return serializers.ChoiceField(choices=choices, help_text=help_text,
                                   error_messages={**required_messages(message),
                                                   "invalid_choice": message}, **kwargs)


def _text(message: str, help_text: str, required: bool = True):
    if not required:
        return serializers.CharField(max_length=10000, required=False, allow_blank=True,
                                     default="", help_text=help_text)
    return serializers.CharField(max_length=10000, error_messages=required_messages(message),
                                 help_text=help_text)


class CourtChildSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="child.uuid", read_only=True, help_text="The child.")
    name = serializers.CharField(source="child.full_name", read_only=True,
                                 help_text="Their name.")


class CourtMeetingSerializer(serializers.Serializer):
    kind = serializers.CharField(read_only=True, help_text="initial, review or fgdm.")
    held_on = serializers.DateField(read_only=True, help_text="When it was held.")
    attended = serializers.CharField(read_only=True, help_text="Who attended.")


class CourtHearingSerializer(serializers.Serializer):
    kind = serializers.CharField(read_only=True, help_text="The kind of hearing.")
    held_on = serializers.DateField(read_only=True, help_text="When it was held.")
    outcome = serializers.CharField(read_only=True, help_text="What the court decided.")
    next_hearing_on = serializers.DateField(read_only=True, allow_null=True,
                                            help_text="The next hearing, if listed.")


class CourtOrderSerializer(serializers.Serializer):
    kind = serializers.CharField(read_only=True, help_text="ico, iso or epo.")
    made_on = serializers.DateField(read_only=True, help_text="When it was made.")


class CourtExtensionSerializer(serializers.Serializer):
    granted_on = serializers.DateField(read_only=True, help_text="When it was granted.")
    weeks = serializers.IntegerField(read_only=True, help_text="1 to 8 weeks.")
    reason = serializers.CharField(read_only=True, help_text="The court's reason.")
    due_on = serializers.DateField(read_only=True, help_text="The due date once extended.")


class CourtLegalCaseSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The case's id.")
    stage = serializers.CharField(read_only=True,
                                  help_text="pre_proceedings, to_issue, proceedings, ended.")
    opened_on = serializers.DateField(read_only=True, help_text="The panel's decision date.")
    children = CourtChildSerializer(source="memberships", many=True, read_only=True,
                                    help_text="The child or sibling group.")
    pp_started_on = serializers.DateField(read_only=True, allow_null=True,
                                          help_text="Pre-proceedings started (PPStartDate).")
    pp_due_on = serializers.DateField(read_only=True, allow_null=True,
                                      help_text="Pre-proceedings timescale ends (local).")
    letter_sent_on = serializers.DateField(read_only=True, allow_null=True,
                                           help_text="Letter before proceedings sent.")
    fgdm_offered = serializers.BooleanField(read_only=True, allow_null=True,
                                            help_text="The letter offered an FGDM meeting.")
    pp_outcome = serializers.CharField(read_only=True, help_text="Outcome of pre-proceedings.")
    pp_outcome_on = serializers.DateField(read_only=True, allow_null=True,
                                          help_text="Date of that decision.")
    issued_on = serializers.DateField(read_only=True, allow_null=True,
                                      help_text="Application issued: the 26 weeks start.")
    court = serializers.CharField(read_only=True, help_text="The court.")
    application_type = serializers.CharField(read_only=True, help_text="The application.")
    proceedings_due_on = serializers.DateField(read_only=True, allow_null=True,
                                               help_text="26 weeks from issue, as extended.")
    next_hearing_on = serializers.DateField(read_only=True, allow_null=True,
                                            help_text="The next hearing listed.")
    final_order = serializers.CharField(read_only=True, help_text="The final order.")
    final_order_on = serializers.DateField(read_only=True, allow_null=True,
                                           help_text="When it was made.")
    ended_on = serializers.DateField(read_only=True, allow_null=True, help_text="Case ended.")
    meetings = CourtMeetingSerializer(many=True, read_only=True, help_text="PP meetings.")
    hearings = CourtHearingSerializer(many=True, read_only=True, help_text="Hearings.")
    interim_orders = CourtOrderSerializer(many=True, read_only=True, help_text="Orders.")
    extensions = CourtExtensionSerializer(many=True, read_only=True, help_text="Extensions.")


class CourtPanelSerializer(serializers.Serializer):
    held_on = _date("Enter the date of the panel", "When the panel met (ISO 8601).")
    decision = _choice(PanelDecision.choices, "Choose the panel's decision", "The decision.")
    chair = serializers.IntegerField(
        error_messages={**required_messages("Give the id of who chaired the panel"),
                        "invalid": "Give the chair's id as a number"},
        help_text="The id of the manager who chaired it.")
    reasons = _text("Enter the reasons for the decision", "The reasons.")
    siblings = serializers.ListField(child=serializers.UUIDField(), required=False, default=list,
                                     help_text="Brothers and sisters considered with the child.")


class CourtPanelShownSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The panel's id.")
    held_on = serializers.DateField(read_only=True, help_text="When it met.")
    decision = serializers.CharField(read_only=True, help_text="The decision.")
    chair = StaffMemberSerializer(read_only=True, help_text="Who chaired it.")
    legal_case = serializers.IntegerField(source="legal_case_id", read_only=True,
                                          allow_null=True, help_text="The case it opened.")


class CourtLetterSerializer(serializers.Serializer):
    sent_on = _date("Enter the date the letter was sent", "When it was sent.")
    fgdm_offered = serializers.BooleanField(
        error_messages=required_messages("Say whether the letter offered a family group "
                                         "decision-making meeting"),
        help_text="Whether it offered an FGDM meeting.")


class CourtMeetingInSerializer(serializers.Serializer):
    kind = _choice(MeetingKind.choices, "Choose the kind of meeting", "initial, review, fgdm.")
    held_on = _date("Enter the date of the meeting", "When it was held.")
    attended = _text("Say who attended", "Who attended.")
    note = _text("", "What was agreed.", required=False)


class CourtOutcomeSerializer(serializers.Serializer):
    outcome = _choice(PreProceedingsOutcome.choices, "Choose the outcome", "The outcome.")
    decided_on = _date("Enter the date of the decision", "When it was decided.")


class CourtApplicationSerializer(serializers.Serializer):
    applied_on = _date("", "When the application was made (the day it was issued if not "
                           "given).", required=False)
    issued_on = _date("Enter the date it was issued", "When it was issued.")
    court = _text("Enter the court", "The court.")
    application_type = _choice(ApplicationType.choices, "Choose the kind of application",
                               "The application.")
    parents_letter_on = _date("", "Letter to the parents that proceedings started.",
                              required=False)


class CourtHearingInSerializer(serializers.Serializer):
    kind = _choice(HearingKind.choices, "Choose the kind of hearing", "The hearing.")
    held_on = _date("Enter the date of the hearing", "When it was held.")
    outcome = _text("Enter what the court decided or directed", "What the court decided.")
    next_hearing_on = _date("", "The next hearing, if listed.", required=False)
    next_hearing_kind = serializers.ChoiceField(choices=HearingKind.choices, required=False,
                                                default="", help_text="Its kind.")


class CourtInterimOrderSerializer(serializers.Serializer):
    kind = _choice(InterimOrderKind.choices, "Choose the order", "ico, iso or epo.")
    made_on = _date("Enter the date the order was made", "When it was made.")
    note = _text("", "A note.", required=False)


class CourtExtensionInSerializer(serializers.Serializer):
    granted_on = _date("Enter the date it was granted", "When the court granted it.")
    weeks = serializers.IntegerField(
        min_value=1, max_value=rules.MAX_EXTENSION_WEEKS,
        error_messages={**required_messages("Choose how many weeks"),
                        "min_value": "An extension is of 1 to 8 weeks",
                        "max_value": "An extension is of 1 to 8 weeks"},
        help_text="1 to 8 weeks.")
    reason = _text("Enter the court's reason for the extension", "The court's reason.")


class CourtFinalOrderSerializer(serializers.Serializer):
    order = _choice(FinalOrderKind.choices, "Choose the final order", "The final order.")
    made_on = _date("Enter the date of the final order", "When it was made.")
