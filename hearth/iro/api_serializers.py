"""IRO challenges as the API shows and takes them."""

from rest_framework import serializers

from hearth.api.fields import StaffMemberSerializer, required_messages
from hearth.iro.codes import Reason, Stage


class StageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices, read_only=True,
                                    help_text="informal, or formal_1 (team manager) to "
                                              "formal_4 (director).")
    started_on = serializers.DateField(read_only=True, help_text="When it reached the stage.")
    addressed_to = StaffMemberSerializer(read_only=True, help_text="Who must respond.")
    response_due_on = serializers.DateField(read_only=True, help_text="Response due on.")
    response_rule = serializers.CharField(read_only=True, help_text="The rule that set it.")
    why_escalated = serializers.CharField(read_only=True, help_text="Why it was escalated.")
    responded_on = serializers.DateField(read_only=True, allow_null=True,
                                         help_text="When the response was given, if it was.")
    response = serializers.CharField(read_only=True, help_text="The response.")


class ChallengeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The challenge's id.")
    raised_on = serializers.DateField(read_only=True, help_text="When it was raised.")
    raised_by = StaffMemberSerializer(read_only=True, help_text="The IRO who raised it.")
    reason = serializers.ChoiceField(choices=Reason.choices, read_only=True,
                                     help_text="The reason category.")
    asked_for = serializers.CharField(read_only=True, help_text="What the IRO asked for.")
    resolved_on = serializers.DateField(read_only=True, allow_null=True,
                                        help_text="When it was resolved, if it was.")
    outcome = serializers.CharField(read_only=True, help_text="The outcome (closing the loop).")
    stages = StageSerializer(many=True, read_only=True, help_text="Stages, oldest first.")


def _addressee():
    return serializers.IntegerField(
        error_messages={**required_messages("Give the id of who it is addressed to"),
                        "invalid": "Give the addressee's id as a number"},
        help_text="The id of a member of staff who can respond to IRO challenges.")


def _text(message: str, help_text: str):
    return serializers.CharField(max_length=10000, error_messages=required_messages(message),
                                 help_text=help_text)


class RaiseSerializer(serializers.Serializer):
    raised_on = serializers.DateField(error_messages=required_messages("Enter the date raised"),
                                      help_text="When it was raised (ISO 8601).")
    stage = serializers.ChoiceField(choices=Stage.choices, default=Stage.INFORMAL,
                                    help_text="The stage it starts at (default informal).")
    reason = serializers.ChoiceField(choices=Reason.choices,
                                     error_messages=required_messages("Choose the reason"),
                                     help_text="The reason category.")
    asked_for = _text("Say what you are asking for", "What the IRO asks for.")
    addressed_to = _addressee()


class RespondSerializer(serializers.Serializer):
    responded_on = serializers.DateField(
        error_messages=required_messages("Enter the date of the response"),
        help_text="When the response was given (ISO 8601).")
    response = _text("Enter the response", "The response: what will be done, by whom, when.")


class EscalateSerializer(serializers.Serializer):
    escalated_on = serializers.DateField(
        error_messages=required_messages("Enter the date it was escalated"),
        help_text="When it was escalated (ISO 8601).")
    why_escalated = _text("Say why you are escalating it", "Why it is escalated.")
    addressed_to = _addressee()


class ResolveSerializer(serializers.Serializer):
    resolved_on = serializers.DateField(
        error_messages=required_messages("Enter the date it was resolved"),
        help_text="When it was resolved (ISO 8601).")
    outcome = _text("Enter the outcome", "What was agreed or done for the child.")
