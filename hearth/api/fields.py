"""Small serializer pieces shared by the API's serializers."""

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def required_messages(message: str) -> dict[str, str]:
    """The same plain message whether the field is missing, blank or null."""
    return {"required": message, "blank": message, "null": message}


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The code Hearth stores (a DfE code where one exists).")
    label = serializers.CharField(help_text="What the code means, in words.")


@extend_schema_field(CodeLabelSerializer)
class CodedField(serializers.Field):
    """A coded value shown as {"code": "WBRI", "label": "White British"}; null when blank."""

    def __init__(self, choices: type[models.TextChoices], **kwargs):
        self.labels = dict(choices.choices)
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        if not value:
            return None
        return {"code": value, "label": str(self.labels.get(value, value))}


def coded(choices: type[models.TextChoices], help_text: str, **kwargs) -> CodedField:
    return CodedField(choices, help_text=help_text, **kwargs)


class StaffMemberSerializer(serializers.Serializer):
    username = serializers.CharField(read_only=True, help_text="The member of staff's username.")
    name = serializers.CharField(source="get_full_name", read_only=True,
                                 help_text="Their full name.")


class TeamBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The team's id.")
    name = serializers.CharField(read_only=True, help_text="The team's name.")
