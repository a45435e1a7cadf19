"""People in and out of the API: search, the record, and the fields a caller may write."""

from rest_framework import serializers

from hearth.api.fields import coded, required_messages
from hearth.api.section_serializers import (
    AddressSerializer,
    AllocationSerializer,
    RelationshipSerializer,
    WarningSerializer,
)
from hearth.core import clock
from hearth.people import rules
from hearth.people.codes import Disability, Ethnicity, Religion, Sex, UpnUnknown
from hearth.people.selectors import SearchCriteria
from hearth.people.services import PERSON_FIELDS

NO_CRITERIA = "Give a name, an identifier or a date of birth to search for"


class SearchQuerySerializer(serializers.Serializer):
    name = serializers.CharField(
        required=False, allow_blank=True, max_length=200, default="",
        help_text="A name in any order; spelling is forgiven (sound-alike matching).")
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None,
                                          help_text="Date of birth (or expected), YYYY-MM-DD.")
    identifier = serializers.CharField(
        required=False, allow_blank=True, max_length=50, default="",
        help_text="An LA child ID, NHS number or UPN.")
    children_only = serializers.BooleanField(required=False, default=False,
                                             help_text="Only children, not adults.")

    def validate(self, attrs: dict) -> dict:
        if SearchCriteria(**attrs).is_empty:
            raise serializers.ValidationError(NO_CRITERIA)
        return attrs


class PersonSummarySerializer(serializers.Serializer):
    """A search hit: only the fields the search reads, so no extra queries."""

    uuid = serializers.UUIDField(read_only=True, help_text="The person's identifier in URLs.")
    is_child = serializers.BooleanField(read_only=True, help_text="A child rather than an adult.")
    is_restricted = serializers.BooleanField(read_only=True,
                                             help_text="The record is restricted.")
    first_name = serializers.CharField(read_only=True, help_text="First name.")
    middle_names = serializers.CharField(read_only=True, help_text="Middle names, if any.")
    last_name = serializers.CharField(read_only=True, help_text="Last name.")
    known_as = serializers.CharField(read_only=True, help_text="Name they are known by, if any.")
    date_of_birth = serializers.DateField(read_only=True, allow_null=True,
                                          help_text="Date of birth, if known.")
    expected_date_of_birth = serializers.DateField(
        read_only=True, allow_null=True, help_text="Expected date of birth of an unborn child.")
    sex = coded(Sex, "Sex.")
    la_child_id = serializers.CharField(read_only=True, allow_null=True,
                                        help_text="LA child ID (children only).")
    nhs_number = serializers.CharField(read_only=True, allow_null=True,
                                       help_text="NHS number, if recorded.")


class IdentifiersSerializer(serializers.Serializer):
    la_child_id = serializers.CharField(read_only=True, allow_null=True,
                                        help_text="LA child ID (children only).")
    nhs_number = serializers.CharField(read_only=True, allow_null=True,
                                       help_text="NHS number, 10 digits, if recorded.")
    upn = serializers.CharField(read_only=True, allow_null=True,
                                help_text="Unique pupil number, if recorded.")
    upn_unknown = coded(UpnUnknown, "Why the UPN is not known, if it is not.", allow_null=True)


class DemographicsSerializer(serializers.Serializer):
    sex = coded(Sex, "Sex.")
    ethnicity = coded(Ethnicity, "Ethnicity (DfE code).")
    religion = coded(Religion, "Religion, if recorded.", allow_null=True)
    disabilities = serializers.ListField(child=coded(Disability, "A disability (DfE code)."),
                                         read_only=True, help_text="Disabilities recorded.")
    is_uasc = serializers.BooleanField(read_only=True,
                                       help_text="Unaccompanied asylum-seeking child.")
    first_language = serializers.CharField(read_only=True, help_text="First language, if known.")
    needs_interpreter = serializers.BooleanField(read_only=True,
                                                 help_text="Needs an interpreter.")


class PersonRecordSerializer(serializers.Serializer):
    """The record: a PersonRecord (hearth.api.records) rendered for the caller."""

    uuid = serializers.UUIDField(source="person.uuid", read_only=True,
                                 help_text="The person's identifier in URLs.")
    version = serializers.IntegerField(
        source="person.version", read_only=True,
        help_text="The record's version: send it back with PATCH to change the record.")
    is_child = serializers.BooleanField(source="person.is_child", read_only=True,
                                        help_text="A child rather than an adult.")
    is_restricted = serializers.BooleanField(source="person.is_restricted", read_only=True,
                                             help_text="The record is restricted.")
    first_name = serializers.CharField(source="person.first_name", read_only=True,
                                       help_text="First name.")
    middle_names = serializers.CharField(source="person.middle_names", read_only=True,
                                         help_text="Middle names, if any.")
    last_name = serializers.CharField(source="person.last_name", read_only=True,
                                      help_text="Last name.")
    known_as = serializers.CharField(source="person.known_as", read_only=True,
                                     help_text="Name they are known by, if any.")
    date_of_birth = serializers.DateField(source="person.date_of_birth", read_only=True,
                                          allow_null=True, help_text="Date of birth, if known.")
    expected_date_of_birth = serializers.DateField(
        source="person.expected_date_of_birth", read_only=True, allow_null=True,
        help_text="Expected date of birth of an unborn child.")
    date_of_death = serializers.DateField(source="person.date_of_death", read_only=True,
                                          allow_null=True, help_text="Date of death, if any.")
    age = serializers.IntegerField(read_only=True, allow_null=True,
                                   help_text="Age in whole years today, if born.")
    identifiers = IdentifiersSerializer(source="person", read_only=True,
                                        help_text="LA child ID, NHS number and UPN.")
    demographics = DemographicsSerializer(source="person", read_only=True,
                                          help_text="Sex, ethnicity and the rest, with labels.")
    current_address = AddressSerializer(read_only=True, allow_null=True,
                                        help_text="Where they live now, if recorded.")
    warnings = WarningSerializer(source="active_warnings", many=True, read_only=True,
                                 help_text="Warnings in force today.")
    allocation = AllocationSerializer(read_only=True, allow_null=True,
                                      help_text="Current team and worker (children only).")
    relationships = RelationshipSerializer(
        many=True, read_only=True,
        help_text="Links to other people, leaving out anyone you may not see.")


class PersonFieldsSerializer(serializers.Serializer):
    """The fields a caller writes. The service checks the same rules again."""

    is_child = serializers.BooleanField(
        error_messages=required_messages("Say whether this person is a child"),
        help_text="true for a child (including an unborn child), false for an adult.")
    first_name = serializers.CharField(max_length=100,
                                       error_messages=required_messages("Enter a first name"),
                                       help_text="First name.")
    middle_names = serializers.CharField(max_length=100, required=False, allow_blank=True,
                                         default="", help_text="Middle names.")
    last_name = serializers.CharField(max_length=100,
                                      error_messages=required_messages("Enter a last name"),
                                      help_text="Last name.")
    known_as = serializers.CharField(max_length=100, required=False, allow_blank=True,
                                     default="", help_text="Name they are known by.")
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None,
                                          help_text="Date of birth, YYYY-MM-DD.")
    expected_date_of_birth = serializers.DateField(
        required=False, allow_null=True, default=None,
        help_text="Expected date of birth, for an unborn child only.")
    date_of_death = serializers.DateField(required=False, allow_null=True, default=None,
                                          help_text="Date of death, if they have died.")
    sex = serializers.ChoiceField(choices=Sex.choices,
                                  error_messages=required_messages("Select the person's sex"),
                                  help_text="Sex (a code).")
    ethnicity = serializers.ChoiceField(choices=Ethnicity.choices, required=False,
                                        default=Ethnicity.NOBT,
                                        help_text="Ethnicity (DfE code); NOBT if not known.")
    disabilities = serializers.ListField(
        child=serializers.ChoiceField(choices=Disability.choices), required=False,
        default=list, help_text="Disabilities (DfE codes); NONE cannot go with another.")
    is_uasc = serializers.BooleanField(required=False, default=False,
                                       help_text="Unaccompanied asylum-seeking child.")
    first_language = serializers.CharField(max_length=60, required=False, allow_blank=True,
                                           default="", help_text="First language.")
    needs_interpreter = serializers.BooleanField(required=False, default=False,
                                                 help_text="Needs an interpreter.")
    religion = serializers.ChoiceField(choices=Religion.choices, required=False,
                                       allow_blank=True, default="",
                                       help_text="Religion (a code), or blank.")
    nhs_number = serializers.CharField(max_length=14, required=False, allow_blank=True,
                                       allow_null=True, default="",
                                       help_text="NHS number, 10 digits with a valid check digit.")
    upn = serializers.CharField(max_length=16, required=False, allow_blank=True,
                                allow_null=True, default="",
                                help_text="Unique pupil number, 13 characters.")
    upn_unknown = serializers.ChoiceField(choices=UpnUnknown.choices, required=False,
                                          allow_blank=True, default="",
                                          help_text="Why the UPN is not known (a code).")

    def validate_nhs_number(self, value: str | None) -> str:
        value = (value or "").strip()
        if value and (problem := rules.nhs_number_problem(value)):
            raise serializers.ValidationError(problem)
        return rules.normalise_nhs_number(value)

    def validate_upn(self, value: str | None) -> str:
        value = (value or "").strip()
        if value and (problem := rules.upn_problem(value)):
            raise serializers.ValidationError(problem)
        return rules.normalise_upn(value)

    def validate_disabilities(self, value: list[str]) -> list[str]:
        if Disability.NONE in value and len(value) > 1:
            raise serializers.ValidationError(
                "'No disability' cannot be chosen with a disability")
        if len(set(value)) != len(value):
            raise serializers.ValidationError("Each disability can be chosen once")
        return value

    def validate(self, attrs: dict) -> dict:
        current = {f: getattr(self.instance, f) for f in PERSON_FIELDS} if self.instance else {}
        problems = person_problems({**current, **attrs})
        if problems:
            raise serializers.ValidationError(problems)
        return attrs


class NewPersonSerializer(PersonFieldsSerializer):
    confirmed_not_duplicate = serializers.BooleanField(
        required=False, default=False, write_only=True,
        help_text="Send true, after checking the possible duplicates a 409 listed, to create "
                  "the record anyway.")


class PersonChangeSerializer(PersonFieldsSerializer):
    """Send only the fields to change, with the version you read."""

    version = serializers.IntegerField(
        min_value=1, write_only=True,
        help_text="The version from GET: if someone saved the record since, the answer is 409.")

    def validate(self, attrs: dict) -> dict:
        if "version" not in attrs:
            raise serializers.ValidationError(
                {"version": "Send the version of the record you read (from GET)"})
        return super().validate(attrs)


def person_problems(values: dict) -> dict[str, str]:
    """The page form's rules across fields, as {field: message}."""
    problems: dict[str, str] = {}
    problem = rules.birth_date_problem(
        date_of_birth=values.get("date_of_birth"),
        expected_date_of_birth=values.get("expected_date_of_birth"),
        date_of_death=values.get("date_of_death"),
        today=clock.today(),
    )
    if problem:
        problems[problem[0]] = problem[1]
    if values.get("is_child") is False and values.get("expected_date_of_birth"):
        problems.setdefault("expected_date_of_birth", "Only a child can have an expected date")
    if values.get("is_child") and not (values.get("date_of_birth")
                                       or values.get("expected_date_of_birth")):
        problems.setdefault("date_of_birth",
                            "Enter the child's date of birth, or an expected date if unborn")
    return problems


# ---- Conflicts (409) -------------------------------------------------------------------------


class DuplicateSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True, help_text="The existing person's uuid.")
    name = serializers.CharField(source="full_name", read_only=True,
                                 help_text="Their first and last name.")
    date_of_birth = serializers.DateField(read_only=True, allow_null=True,
                                          help_text="Their date of birth, if known.")


class DuplicatesSerializer(serializers.Serializer):
    detail = serializers.CharField(read_only=True, help_text="What to do next.")
    possible_duplicates = DuplicateSerializer(
        many=True, read_only=True,
        help_text="Visible people who may be the same person (same NHS number, or a similar "
                  "name and the same date of birth).")


class StaleSerializer(serializers.Serializer):
    detail = serializers.CharField(read_only=True, help_text="What happened.")
    changed = serializers.DictField(
        child=serializers.ListField(child=serializers.JSONField()), read_only=True,
        help_text="Fields someone else changed, as {field: [before, after]}, where the service "
                  "can tell; may be empty.")
    current_version = serializers.IntegerField(read_only=True,
                                               help_text="The version to send next time.")
    current = PersonFieldsSerializer(read_only=True,
                                     help_text="The record's fields as they are now.")
