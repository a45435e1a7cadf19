"""Missing episodes and return home interviews as the API shows and takes them. Times are ISO
8601; a time without an offset is read as London time."""

from rest_framework import serializers

from hearth.api.fields import (
    CodeLabelSerializer,
    StaffMemberSerializer,
    TeamBriefSerializer,
    coded,
    required_messages,
)
from hearth.missing.codes import EpisodeSource, InterviewOutcome, MissingKind, Risk


def _known_risks(codes: list[str]) -> None:
    unknown = sorted(set(codes) - set(Risk.values))
    if unknown:
        raise serializers.ValidationError(
            f"Unknown risk codes {', '.join(unknown)}: use {', '.join(Risk.values)}")


def _risk_list(help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.CharField(), required=False, default=list, validators=[_known_risks],
        help_text=f"{help_text} Codes: {', '.join(Risk.values)}.")


class OfferSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The offer's id.")
    offered_at = serializers.DateTimeField(
        error_messages=required_messages("Enter the time of the offer"),
        help_text="When the interview was offered, at or after the return.")
    accepted = serializers.BooleanField(
        error_messages=required_messages("Say whether the child accepted"),
        help_text="Whether the child accepted the offer.")
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="",
                                 help_text="A note, for example the appointment (optional).")
    recorded_by = StaffMemberSerializer(read_only=True, help_text="Who recorded it.")


class InterviewSerializer(serializers.Serializer):
    outcome = coded(InterviewOutcome, "Held, declined, or declined after 3 offers.")
    held_at = serializers.DateTimeField(read_only=True, allow_null=True,
                                        help_text="When it was held, if it was.")
    declined_on = serializers.DateField(read_only=True, allow_null=True,
                                        help_text="When it was declined, if it was.")
    within_72_hours = serializers.BooleanField(read_only=True, allow_null=True,
                                               help_text="Held within 72 hours of the return.")
    conducted_by = serializers.CharField(read_only=True, help_text="Who carried it out.")
    independent = serializers.BooleanField(
        read_only=True, allow_null=True,
        help_text="Whether they were independent of the child's social worker.")
    seen_alone = serializers.BooleanField(read_only=True, allow_null=True,
                                          help_text="Whether the child was spoken to alone.")
    risks_found = serializers.ListField(child=serializers.CharField(), read_only=True,
                                        help_text="Risk codes found at the interview.")
    note = serializers.CharField(read_only=True, help_text="What was said and what next.")
    recorded_by = StaffMemberSerializer(read_only=True, help_text="Who recorded it.")


class PoliceNotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text="The notification's id.")
    police_reference = serializers.CharField(read_only=True, help_text="The police reference.")
    force = serializers.CharField(read_only=True, help_text="The police force.")
    reported_at = serializers.DateTimeField(read_only=True,
                                            help_text="When the child was reported missing.")
    created_episode = serializers.BooleanField(
        read_only=True, help_text="False when it was linked to an episode already recorded.")


class EpisodeSerializer(serializers.Serializer):
    """Serializes an EpisodeSummary: the episode, its offers, interview and status."""

    id = serializers.IntegerField(source="episode.pk", read_only=True,
                                  help_text="The episode's id.")
    missing_or_away = coded(MissingKind, "903 MISSING: M missing, A away without "
                            "authorisation.", source="episode.kind")
    source = coded(EpisodeSource, "Recorded by a worker or from a police notification.",
                   source="episode.source")
    started_at = serializers.DateTimeField(source="episode.started_at", read_only=True,
                                           help_text="When the child went missing.")
    returned_at = serializers.DateTimeField(source="episode.returned_at", read_only=True,
                                            allow_null=True,
                                            help_text="When they returned; null if not yet.")
    found_at_place = serializers.CharField(source="episode.found_at_place", read_only=True,
                                           help_text="Where they were found or returned to.")
    reported_to_police = serializers.BooleanField(source="episode.reported_to_police",
                                                  read_only=True, help_text="Reported or not.")
    police_reference = serializers.CharField(source="episode.police_reference", read_only=True,
                                             help_text="The police reference, if known.")
    risks = serializers.ListField(source="episode.risks", child=serializers.CharField(),
                                  read_only=True, help_text="Risk codes identified.")
    risk_note = serializers.CharField(source="episode.risk_note", read_only=True,
                                      help_text="About the risks.")
    interview_due_at = serializers.DateTimeField(
        source="episode.interview_due_at", read_only=True, allow_null=True,
        help_text="72 hours after the return (T39); null until they return.")
    interview_status = CodeLabelSerializer(source="status_code", read_only=True,
                                           help_text="Derived: due, overdue, held...")
    offers = OfferSerializer(many=True, read_only=True, help_text="Offers, oldest first.")
    interview = InterviewSerializer(read_only=True, allow_null=True,
                                    help_text="The interview held or declined, if recorded.")
    police_notifications = PoliceNotificationSerializer(
        source="episode.police_notifications.all", many=True, read_only=True,
        help_text="Police notifications about this episode.")
    recorded_by = StaffMemberSerializer(source="episode.recorded_by", read_only=True,
                                        help_text="Who recorded it.")


class NewEpisodeSerializer(serializers.Serializer):
    missing_or_away = serializers.ChoiceField(
        choices=MissingKind.choices, source="kind",
        error_messages=required_messages("Select missing or away"),
        help_text="M missing, A away without authorisation (903 MISSING).")
    started_at = serializers.DateTimeField(
        error_messages=required_messages("Enter the time they went missing"),
        help_text="When the child went missing.")
    reported_to_police = serializers.BooleanField(
        error_messages=required_messages("Say whether it was reported to the police"),
        help_text="Whether it was reported to the police.")
    police_reference = serializers.CharField(max_length=60, required=False, allow_blank=True,
                                             default="", help_text="The police reference.")
    risks = _risk_list("Risks identified.")
    risk_note = serializers.CharField(max_length=5000, required=False, allow_blank=True,
                                      default="", help_text="About the risks.")
    returned_at = serializers.DateTimeField(required=False, allow_null=True, default=None,
                                            help_text="When they returned, if they have.")
    found_at_place = serializers.CharField(max_length=300, required=False, allow_blank=True,
                                           default="", help_text="Where they were found.")


class ReturnSerializer(serializers.Serializer):
    returned_at = serializers.DateTimeField(
        error_messages=required_messages("Enter the time they returned"),
        help_text="When they returned.")
    found_at_place = serializers.CharField(max_length=300, required=False, allow_blank=True,
                                           default="", help_text="Where they were found.")


class NewInterviewSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[("held", "Held"), ("declined", "Declined")],
        error_messages=required_messages("Say whether the interview was held"),
        help_text="held, or declined (after 3 offers it is recorded as such).")
    held_at = serializers.DateTimeField(required=False, allow_null=True, default=None,
                                        help_text="When it was held (held only).")
    conducted_by = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                         default="", help_text="Who carried it out (held only).")
    independent = serializers.BooleanField(
        required=False, allow_null=True, default=None,
        help_text="Independent of the child's social worker (held only).")
    seen_alone = serializers.BooleanField(required=False, allow_null=True, default=None,
                                          help_text="Spoken to alone (held only, optional).")
    risks_found = _risk_list("Risks found (held only).")
    declined_on = serializers.DateField(required=False, allow_null=True, default=None,
                                        help_text="When it was declined (declined only).")
    note = serializers.CharField(max_length=10000, required=False, allow_blank=True,
                                 default="", help_text="A note (optional).")

    REQUIRED = {"held": {"held_at": "Enter the time it was held",
                         "conducted_by": "Say who carried out the interview",
                         "independent": "Say whether they were independent of the child's "
                                        "social worker"},
                "declined": {"declined_on": "Enter the date it was declined"}}

    def validate(self, attrs):
        missing = {name: [message] for name, message in self.REQUIRED[attrs["outcome"]].items()
                   if attrs.get(name) in (None, "")}
        if missing:
            raise serializers.ValidationError(missing)
        return attrs


class NewPoliceNotificationSerializer(serializers.Serializer):
    police_reference = serializers.CharField(
        max_length=60, error_messages=required_messages("Enter the police reference"),
        help_text="The police's reference.")
    force = serializers.CharField(max_length=100,
                                  error_messages=required_messages("Enter the police force"),
                                  help_text="The police force.")
    reported_at = serializers.DateTimeField(
        error_messages=required_messages("Enter the time they were reported missing"),
        help_text="When the child was reported missing to the police.")
    missing_or_away = serializers.ChoiceField(
        choices=MissingKind.choices, source="kind", required=False, default=MissingKind.MISSING,
        help_text="For a new episode: M (default) or A (903 MISSING).")
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="",
                                 help_text="A note (optional).")


class PoliceNotificationResultSerializer(PoliceNotificationSerializer):
    episode = EpisodeSerializer(read_only=True, help_text="The episode it created or joined.")


class ReportQuerySerializer(serializers.Serializer):
    start = serializers.DateField(required=False, default=None,
                                  help_text="Episodes starting on or after (default: 3 months "
                                            "before today).")
    end = serializers.DateField(required=False, default=None,
                                help_text="Episodes starting on or before (default: today).")
    team = serializers.IntegerField(required=False, default=None,
                                    help_text="Only this team's id (the team on the day).")
    missing_or_away = serializers.ChoiceField(
        choices=MissingKind.choices, required=False, default="",
        help_text="Only M (missing) or A (away) episodes.")

    def validate(self, attrs):
        if attrs["start"] and attrs["end"] and attrs["end"] < attrs["start"]:
            raise serializers.ValidationError(
                {"end": ["The end of the period must be on or after its start"]})
        return attrs


class FiguresSerializer(serializers.Serializer):
    episodes = serializers.IntegerField(help_text="Episodes that started in the period.")
    children = serializers.IntegerField(help_text="Children they were of.")
    returned = serializers.IntegerField(help_text="Episodes the child returned from.")
    offered = serializers.IntegerField(help_text="Returns where an interview was offered.")
    offered_in_time = serializers.IntegerField(help_text="Offered within 72 hours.")
    offered_in_time_percent = serializers.FloatField(
        allow_null=True, help_text="Offered within 72 hours, % of returned.")
    held = serializers.IntegerField(help_text="Interviews held.")
    held_percent = serializers.FloatField(allow_null=True, help_text="Held, % of offered.")
    held_in_time = serializers.IntegerField(help_text="Held within 72 hours.")
    held_in_time_percent = serializers.FloatField(allow_null=True,
                                                  help_text="Held within 72 hours, % of held.")
    declined = serializers.IntegerField(help_text="Declined, including after 3 offers.")
    declined_percent = serializers.FloatField(allow_null=True,
                                              help_text="Declined, % of offered.")


class TeamFiguresRowSerializer(serializers.Serializer):
    team = TeamBriefSerializer(allow_null=True, help_text="Null: not allocated on the day.")
    figures = FiguresSerializer(help_text="The team's figures.")


class ReportSerializer(serializers.Serializer):
    start = serializers.DateField(help_text="First day of the period.")
    end = serializers.DateField(help_text="Last day of the period.")
    teams = TeamFiguresRowSerializer(many=True, help_text="One row per team, by name.")
    total = FiguresSerializer(help_text="Every team together.")
