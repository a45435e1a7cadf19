"""A looked-after child's health and education records as the API shows and takes them."""

from rest_framework import serializers

from hearth.api.fields import CodeLabelSerializer, required_messages
from hearth.health_education.codes import ContactKind, HealthCheckKind, SdqReason


def _note() -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, max_length=10000,
                                 default="", help_text="Notes (optional).")


def _date(message: str, help_text: str) -> serializers.DateField:
    return serializers.DateField(error_messages=required_messages(message),
                                 help_text=f"{help_text} (ISO 8601), today or earlier, in the "
                                           "current period of care.")


def _text(message: str, help_text: str) -> serializers.CharField:
    return serializers.CharField(max_length=200, error_messages=required_messages(message),
                                 help_text=help_text)


def _choice(choices, message: str, help_text: str) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices.values, help_text=help_text,
                                   error_messages={**required_messages(message),
                                                   "invalid_choice": message})


class HealthCheckSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    kind = _choice(HealthCheckKind, "Choose what was done",
                   "initial or review (health assessment), or dental (check).")
    done_on = _date("Enter the date of the assessment or check", "When it was done")
    carried_out_by = _text("Enter who carried it out",
                           "A role, for example paediatrician or dentist.")
    note = _note()

    kind_label = serializers.CharField(source="get_kind_display", read_only=True,
        help_text="What the kind code means, in words.")

class ImmunisationsSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    as_at = _date("Enter the date the status is as at", "The day the status is as at")
    up_to_date = serializers.BooleanField(
        error_messages=required_messages("Say whether the immunisations are up to date"),
        help_text="Whether the child's immunisations were up to date (903 OC2 IMMUNISATIONS).")
    note = _note()


class SdqSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    completed_on = _date("Enter the date of the questionnaire", "When it was completed")
    score = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=40,
        error_messages={"invalid": "Enter the score as a whole number from 0 to 40",
                        "min_value": "The score must be between 0 and 40",
                        "max_value": "The score must be between 0 and 40"},
        help_text="The total difficulties score, 0 to 40; null when there is none.")
    reason = serializers.ChoiceField(
        choices=SdqReason.values, required=False, allow_blank=True, default="",
        error_messages={"invalid_choice": "Choose the reason there is no score"},
        help_text="SDQ_REASON (SDQ1 to SDQ5) when there is no score; blank otherwise.")
    note = _note()

    def validate(self, data):
        if data.get("score") is None and not data.get("reason"):
            raise serializers.ValidationError(
                {"score": ["Enter the score, or choose why there is no score"]})
        if data.get("score") is not None and data.get("reason"):
            raise serializers.ValidationError(
                {"reason": ["Enter a score or a reason there is none, not both"]})
        return data


class PepSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    held_on = _date("Enter the date of the PEP meeting", "When the PEP meeting was held")
    school = _text("Enter the school or setting", "The school or setting.")
    chaired_by_child = serializers.BooleanField(
        required=False, default=False, help_text="The child or young person chaired it.")
    virtual_school_attended = serializers.BooleanField(
        required=False, default=False, help_text="The Virtual School attended.")
    note = _note()


class EducationContactSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The record's id.")
    kind = _choice(ContactKind, "Choose who the contact was with",
                   "school (designated teacher) or virtual_school.")
    contacted_on = _date("Enter the date of the contact", "When the contact was")
    contact_name = _text("Enter the name or role of the person contacted",
                         "The name or role of the person contacted.")
    note = _note()

    kind_label = serializers.CharField(source="get_kind_display", read_only=True,
        help_text="What the kind code means, in words.")

class HealthTaskSerializer(serializers.Serializer):
    kind = serializers.CharField(read_only=True, help_text="The task's kind.")
    label = serializers.CharField(read_only=True, help_text="What is due, in words.")
    due_on = serializers.DateField(read_only=True, help_text="When it is due.")
    status = CodeLabelSerializer(read_only=True, help_text="Overdue, due today, due soon or "
                                                          "on track.")


class HealthEducationSerializer(serializers.Serializer):
    """The child's latest period of care and its health and education records."""

    care_period_id = serializers.IntegerField(read_only=True, allow_null=True,
                                              help_text="The period the records belong to.")
    looked_after = serializers.BooleanField(read_only=True,
                                            help_text="Whether that period is still open.")
    due = HealthTaskSerializer(many=True, read_only=True,
                               help_text="The open health and education tasks, soonest first.")
    health_checks = HealthCheckSerializer(many=True, read_only=True)
    immunisations = ImmunisationsSerializer(many=True, read_only=True)
    sdqs = SdqSerializer(many=True, read_only=True)
    peps = PepSerializer(many=True, read_only=True)
    education_contacts = EducationContactSerializer(many=True, read_only=True)

