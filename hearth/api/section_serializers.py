"""Sections of a person's record: addresses, relationships, warnings, allocation."""

import re

from rest_framework import serializers

from hearth.accounts.models import Team, User
from hearth.api.fields import (
    StaffMemberSerializer,
    TeamBriefSerializer,
    coded,
    required_messages,
)
from hearth.cases.selectors import CASE_HOLDING_ROLES
from hearth.people.codes import RelationshipKind, WarningKind

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$")
ALLOCATABLE_ROLES = (*CASE_HOLDING_ROLES, "team_manager")


# ---- Addresses -------------------------------------------------------------------------------


class AddressSerializer(serializers.Serializer):
    line_1 = serializers.CharField(
        max_length=100, error_messages=required_messages("Enter the first line of the address"),
        help_text="First line of the address.")
    line_2 = serializers.CharField(max_length=100, required=False, allow_blank=True,
                                   default="", help_text="Second line of the address, if any.")
    town = serializers.CharField(max_length=60,
                                 error_messages=required_messages("Enter a town or city"),
                                 help_text="Town or city.")
    postcode = serializers.CharField(max_length=8,
                                     error_messages=required_messages("Enter a postcode"),
                                     help_text="UK postcode, for example SW1A 1AA.")
    start_date = serializers.DateField(
        error_messages=required_messages("Enter the date they moved in"),
        help_text="The date they moved in (ISO 8601), today or earlier.")
    end_date = serializers.DateField(read_only=True, allow_null=True,
                                     help_text="The date they moved out, if they have.")
    is_verified = serializers.BooleanField(required=False, default=False,
                                           help_text="Whether the address has been checked.")

    def validate_postcode(self, value: str) -> str:
        value = " ".join(value.upper().split())
        if not POSTCODE.match(value):
            raise serializers.ValidationError("Enter a real postcode, like SW1A 1AA")
        return value


# ---- Relationships ---------------------------------------------------------------------------


class PersonBriefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True, help_text="The person's identifier in URLs.")
    name = serializers.CharField(source="full_name", read_only=True,
                                 help_text="First and last name.")
    date_of_birth = serializers.DateField(read_only=True, allow_null=True,
                                          help_text="Date of birth, if known.")
    is_child = serializers.BooleanField(read_only=True, help_text="A child rather than an adult.")


class RelationshipSerializer(serializers.Serializer):
    other = PersonBriefSerializer(read_only=True, help_text="The other person.")
    kind = coded(RelationshipKind, "How this person relates to the other, read from this "
                                   "person: parent_of means this person is the other's parent.")
    has_parental_responsibility = serializers.BooleanField(
        read_only=True, help_text="This person has parental responsibility for the other.")
    lives_with = serializers.BooleanField(read_only=True, help_text="The two live together.")
    start_date = serializers.DateField(read_only=True, allow_null=True,
                                       help_text="Since when, if known.")
    end_date = serializers.DateField(read_only=True, allow_null=True,
                                     help_text="When the link ended, if it has.")
    note = serializers.CharField(read_only=True, help_text="A short note.")


class NewRelationshipSerializer(serializers.Serializer):
    other = serializers.UUIDField(
        error_messages=required_messages("Give the uuid of the other person"),
        help_text="The other person's uuid. They must be visible to you, or the answer is 404.")
    kind = serializers.ChoiceField(
        choices=RelationshipKind.choices,
        error_messages=required_messages("Select the relationship"),
        help_text="How this person relates to the other, read from this person: "
                  "parent_of means this person is the other's parent.")
    has_parental_responsibility = serializers.BooleanField(
        required=False, default=False,
        help_text="This person has parental responsibility for the other.")
    lives_with = serializers.BooleanField(required=False, default=False,
                                          help_text="The two live together.")
    start_date = serializers.DateField(required=False, allow_null=True, default=None,
                                       help_text="Since when (optional).")
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="",
                                 help_text="A short note (optional).")


# ---- Warnings --------------------------------------------------------------------------------


class WarningSerializer(serializers.Serializer):
    kind = coded(WarningKind, "The kind of warning.")
    detail = serializers.CharField(read_only=True, help_text="What staff need to know.")
    start_date = serializers.DateField(read_only=True, help_text="In force from.")
    end_date = serializers.DateField(read_only=True, allow_null=True,
                                     help_text="When the warning ended, if it has.")
    raised_by = StaffMemberSerializer(read_only=True, help_text="Who added the warning.")


class NewWarningSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=WarningKind.choices,
                                   error_messages=required_messages("Select the kind of warning"),
                                   help_text="The kind of warning (a code).")
    detail = serializers.CharField(max_length=2000,
                                   error_messages=required_messages("Say what staff need to know"),
                                   help_text="What staff need to know.")
    start_date = serializers.DateField(error_messages=required_messages("Enter a date"),
                                       help_text="From when (ISO 8601), today or earlier.")


# ---- Allocation ------------------------------------------------------------------------------


class AllocationSerializer(serializers.Serializer):
    team = TeamBriefSerializer(read_only=True, help_text="The team that holds the child.")
    worker = StaffMemberSerializer(read_only=True, allow_null=True,
                                   help_text="The allocated worker; null if held unallocated.")
    start_date = serializers.DateField(read_only=True, help_text="Allocated since.")
    reason = serializers.CharField(read_only=True, help_text="Why (may be blank).")


class NewAllocationSerializer(serializers.Serializer):
    team = serializers.PrimaryKeyRelatedField(
        queryset=Team.objects.filter(holds_cases=True),
        error_messages={**required_messages("Select a team"),
                        "does_not_exist": "No team that holds cases has this id",
                        "incorrect_type": "Give the team's id as a number"},
        help_text="The id of the team to hold the child (GET /api/v1/teams/).")
    worker = serializers.SlugRelatedField(
        slug_field="username", required=False, allow_null=True, default=None,
        queryset=User.objects.filter(is_active=True, role__in=ALLOCATABLE_ROLES),
        error_messages={"does_not_exist": "No active social worker, senior practitioner or "
                                          "team manager has this username"},
        help_text="The username of the worker; leave out to hold the child unallocated.")
    start_date = serializers.DateField(error_messages=required_messages("Enter a date"),
                                       help_text="From when (ISO 8601), today or earlier.")
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="",
                                   help_text="Why (optional).")

    def validate(self, attrs: dict) -> dict:
        worker, team = attrs.get("worker"), attrs["team"]
        if worker is not None and worker.team_id != team.pk:
            raise serializers.ValidationError(
                {"worker": f"{worker} is not in {team}: choose someone in the team"})
        return attrs

