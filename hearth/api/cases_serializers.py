"""Teams, caseload figures and a team's caseload."""

from rest_framework import serializers

from hearth.accounts.models import Team
from hearth.api.fields import StaffMemberSerializer, coded
from hearth.cases.selectors import TEAM_CASELOAD_SORTS


class TeamFiguresSerializer(serializers.Serializer):
    """Counts only, no names: safe for performance analysts."""

    id = serializers.IntegerField(source="team.pk", read_only=True,
                                  help_text="The team's id, for its caseload.")
    name = serializers.CharField(source="team.name", read_only=True, help_text="The team.")
    service = coded(Team.Service, "The service the team belongs to.", source="team.service")
    children = serializers.IntegerField(read_only=True,
                                        help_text="Children the team holds now.")
    unallocated = serializers.IntegerField(read_only=True,
                                           help_text="Of those, children without a worker.")
    workers = serializers.IntegerField(read_only=True,
                                       help_text="Active case-holding workers in the team.")
    average_caseload = serializers.FloatField(
        read_only=True, allow_null=True,
        help_text="Allocated children per worker; null when the team has no workers.")


class CaseloadQuerySerializer(serializers.Serializer):
    worker = serializers.CharField(required=False, allow_blank=True, default="",
                                   help_text="Only this worker's children (their username).")
    unallocated = serializers.BooleanField(required=False, default=False,
                                           help_text="Only children without a worker.")
    sort = serializers.ChoiceField(choices=sorted(TEAM_CASELOAD_SORTS), required=False,
                                   default="name", help_text="Order of the rows.")


class CaseloadChildSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True, help_text="The child's identifier in URLs.")
    name = serializers.CharField(source="full_name", read_only=True,
                                 help_text="First and last name.")
    date_of_birth = serializers.DateField(read_only=True, allow_null=True,
                                          help_text="Date of birth, if born.")
    la_child_id = serializers.CharField(read_only=True, allow_null=True,
                                        help_text="LA child ID.")


class CaseloadRowSerializer(serializers.Serializer):
    child = CaseloadChildSerializer(read_only=True, help_text="The child.")
    worker = StaffMemberSerializer(read_only=True, allow_null=True,
                                   help_text="The allocated worker; null if unallocated.")
    start_date = serializers.DateField(read_only=True, help_text="Held by the team since.")
