"""Input shape and GOV.UK messages for child protection pages. No database writes."""

import re

from django import forms

from hearth.accounts.models import Team, User
from hearth.accounts.roles import Role
from hearth.core.forms import GovukDateField, GovukForm
from hearth.protection.codes import (
    INITIAL_OUTCOMES,
    REVIEW_OUTCOMES,
    Agency,
    CategoryOfAbuse,
    ConferenceFormat,
    PlanEndReason,
    Section47Outcome,
    StrategyDecision,
)
from hearth.protection.rules import DurationBand

PARTICIPANT_FIELD = re.compile(r"^p(\d+)_")
FLAG_LABELS = {
    "invited": "Invited",
    "attended": "Attended",
    "contributed": "Report or contribution received before the meeting",
}
YES_NO = [("yes", "Yes"), ("no", "No")]


def _required(message: str) -> dict:
    return {"required": message}


def _date(label: str, message: str, **kwargs) -> GovukDateField:
    return GovukDateField(label=label, error_messages=_required(message), **kwargs)


def _radios(label: str, choices, message: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                             error_messages=_required(message), **kwargs)


class ParticipantsForm(GovukForm):
    """A form with rows for the people at a meeting: p0_agency, p0_name, p0_role and its
    `flags` (invited, attended, contributed). Blank rows are ignored."""

    flags: tuple[str, ...] = ()

    def __init__(self, *args, rows: int = 6, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for n in range(rows):
            self._add_row(n)

    def _add_row(self, n: int) -> None:
        self.fields[f"p{n}_agency"] = forms.ChoiceField(
            label="Agency", required=False, choices=[("", "Choose an agency"), *Agency.choices])
        self.fields[f"p{n}_name"] = forms.CharField(label="Name", required=False, max_length=100)
        self.fields[f"p{n}_role"] = forms.CharField(label="Role", required=False, max_length=100)
        for flag in self.flags:
            self.fields[f"p{n}_{flag}"] = forms.BooleanField(label=FLAG_LABELS[flag],
                                                             required=False)

    def main_fields(self) -> list:
        return [self[name] for name in self.fields if not PARTICIPANT_FIELD.match(name)]

    def participant_rows(self) -> list[list]:
        return [[self[name] for name in self.fields if name.startswith(f"p{n}_")]
                for n in range(self.rows)]

    def clean(self):
        cleaned = super().clean()
        for n in range(self.rows):
            row = self._row(cleaned, n)
            if not (row["agency"] or row["name"] or row["role"]):
                continue
            if not row["agency"]:
                self.add_error(f"p{n}_agency", f"Choose the agency of person {n + 1}")
            if not row["name"]:
                self.add_error(f"p{n}_name", f"Enter the name of person {n + 1}")
        return cleaned

    def participants(self) -> list[dict]:
        rows = [self._row(self.cleaned_data, n) for n in range(self.rows)]
        return [row for row in rows if row["agency"] and row["name"]]

    def service_values(self) -> dict:
        """The cleaned data as the service takes it: main fields plus `participants`."""
        values = {name: self.cleaned_data.get(name) for name in self.fields
                  if not PARTICIPANT_FIELD.match(name)}
        return {**values, "participants": self.participants()}

    def _row(self, data: dict, n: int) -> dict:
        row = {key: (data.get(f"p{n}_{key}") or "").strip() for key in ("agency", "name", "role")}
        row.update({flag: bool(data.get(f"p{n}_{flag}")) for flag in self.flags})
        if "attended" not in self.flags:
            row["attended"] = True
        return row

    @staticmethod
    def initial_rows(participants) -> dict:
        initial = {}
        for n, person in enumerate(participants):
            for key in ("agency", "name", "role", "invited", "attended", "contributed"):
                initial[f"p{n}_{key}"] = getattr(person, key)
        return initial


class StrategyDiscussionForm(ParticipantsForm):
    referral = forms.ModelChoiceField(
        label="Referral", queryset=None, widget=forms.RadioSelect, empty_label=None,
        error_messages=_required("Choose the referral the discussion is about"))
    held_on = _date("Date of the discussion", "Enter the date of the discussion")
    held_at = forms.TimeField(label="Time (optional)", required=False,
                              help_text="For example, 14:30",
                              widget=forms.TimeInput(attrs={"class": "govuk-input "
                                                                     "govuk-input--width-5"}),
                              input_formats=["%H:%M", "%H.%M", "%H%M"],
                              error_messages={"invalid": "Enter a time like 14:30"})
    decision = _radios("What did the discussion decide?", StrategyDecision.choices,
                       "Choose what the discussion decided")
    reason = forms.CharField(label="Reasons and summary", required=False, max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, referrals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = referrals
        self.fields["referral"].label_from_instance = (
            lambda r: f"Referral of {r.referral_date.day} {r.referral_date:%B %Y} "
                      f"({r.get_source_display()})")


class Section47OutcomeForm(GovukForm):
    outcome = _radios("Outcome of the enquiry", Section47Outcome.choices,
                      "Choose the outcome of the enquiry")
    completed_on = _date("Date the enquiry ended", "Enter the date the enquiry ended")
    icpc_required = _radios("Is an initial child protection conference needed?", YES_NO,
                            "Say whether an initial conference is needed")

    def service_values(self) -> dict:
        return {**self.cleaned_data, "icpc_required": self.cleaned_data["icpc_required"] == "yes"}


class ConferenceForm(ParticipantsForm):
    flags = ("invited", "attended", "contributed")
    outcomes: tuple = ()

    held_on = _date("Date of the conference", "Enter the date of the conference")
    chair = forms.ModelChoiceField(
        label="Chair", queryset=User.objects.none(), empty_label="Choose the chair",
        error_messages=_required("Choose the chair"))
    conference_format = forms.ChoiceField(
        label="Format", required=False, widget=forms.RadioSelect,
        choices=ConferenceFormat.choices)
    outcome = forms.ChoiceField(label="Outcome", widget=forms.RadioSelect,
                                error_messages=_required("Choose the outcome"))
    category = forms.ChoiceField(label="Category of abuse", required=False,
                                 widget=forms.RadioSelect, choices=CategoryOfAbuse.choices)
    delay_reason = forms.CharField(label="Reason for any delay (optional)", required=False,
                                   max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = User.objects.filter(role=Role.IRO, is_active=True)
        self.fields["outcome"].choices = [(o.value, o.label) for o in self.outcomes]


class InitialConferenceForm(ConferenceForm):
    outcomes = INITIAL_OUTCOMES


class ReviewConferenceForm(ConferenceForm):
    outcomes = REVIEW_OUTCOMES


class CoreGroupForm(ParticipantsForm):
    flags = ("attended", "contributed")

    held_on = _date("Date of the core group", "Enter the date of the core group")
    note = forms.CharField(label="Notes (optional)", required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))


class CpVisitForm(GovukForm):
    visited_on = _date("Date of the visit", "Enter the date of the visit")
    child_seen = forms.BooleanField(label="The child was seen", required=False)
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)
    bedroom_seen = forms.BooleanField(label="The child's bedroom was seen", required=False)
    note = forms.CharField(label="Notes (optional)", required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))

    def service_values(self) -> dict:
        return dict(self.cleaned_data)


class EndPlanForm(GovukForm):
    end_date = _date("Date the plan ended", "Enter the date the plan ended")
    reason = _radios("Why did the plan end?",
                     [c for c in PlanEndReason.choices if c[0] != PlanEndReason.REVIEW_DECISION],
                     "Choose why the plan ended",
                     help_text="A plan a review conference decided to end is ended by "
                               "recording that review conference")
    note = forms.CharField(label="Notes (optional)", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def service_values(self) -> dict:
        return dict(self.cleaned_data)


# ---- Report filters ------------------------------------------------------------------------------


class PlanDurationFilterForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))
    band = forms.ChoiceField(label="How long", required=False,
                             choices=[("", "Any duration"),
                                      *((b.key, b.label) for b in DurationBand)])
    sort = forms.ChoiceField(label="Order", required=False, choices=[
        ("longest", "Longest first"), ("shortest", "Shortest first"), ("name", "Child's name"),
        ("team", "Team")])


class PartnerAttendanceFilterForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))
    start = GovukDateField(label="From", required=False)
    end = GovukDateField(label="To", required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end of the period must be on or after its start")
        return cleaned
