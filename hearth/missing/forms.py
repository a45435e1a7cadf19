"""Input shape and the messages a user sees. The services check the same rules again.

A moment is typed as a date and a 24-hour time in London; the form joins them into
`<name>_at` (rules.london_moment), refusing a time the clocks skipped in March.
"""

import datetime as dt

from django import forms

from hearth.accounts.models import Team
from hearth.core.forms import GovukDateField, GovukForm
from hearth.missing import rules
from hearth.missing.codes import MissingKind, Risk

YES_NO = [("yes", "Yes"), ("no", "No")]
TIME_HELP = "24-hour clock, for example 14:30"


def _yes(value: str) -> bool:
    return value == "yes"


def _yes_no(label: str, message: str, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=YES_NO, coerce=_yes,
                                  widget=forms.RadioSelect,
                                  error_messages={"required": message}, **kwargs)


def _date(label: str, message: str, required: bool = True) -> GovukDateField:
    return GovukDateField(label=label, required=required, help_text="For example, 27 3 2026",
                          error_messages={"required": message})


def _time(label: str, message: str, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label, required=required, help_text=TIME_HELP,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        error_messages={"required": message, "invalid": "Enter a real time, for example 14:30"})


def _risks(label: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, required=False, choices=Risk.choices,
                                     widget=forms.CheckboxSelectMultiple,
                                     help_text="Select all that apply")


def _note(label: str, max_length: int = 5000) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=max_length,
                           widget=forms.Textarea(attrs={"rows": 4}))


class MomentsForm(GovukForm):
    """Joins each `<name>_on` and `<name>_time` pair named in `moments` into `<name>_at`."""

    moments: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.moments:
            on, at = cleaned.get(f"{name}_on"), cleaned.get(f"{name}_time")
            if on is None and at is None:
                cleaned[f"{name}_at"] = None
                continue
            if on is None or at is None:
                if not self.has_error(f"{name}_on") and not self.has_error(f"{name}_time"):
                    missing = f"{name}_on" if on is None else f"{name}_time"
                    self.add_error(missing, "Enter both the date and the time")
                continue
            try:
                cleaned[f"{name}_at"] = rules.london_moment(on, at)
            except ValueError as error:
                self.add_error(f"{name}_time", str(error))
        return cleaned

    def moment(self, name: str) -> dt.datetime | None:
        return self.cleaned_data.get(f"{name}_at")


class EpisodeForm(MomentsForm):
    moments = ("started", "returned")

    kind = forms.ChoiceField(label="Was the child missing or away?", choices=MissingKind.choices,
                             widget=forms.RadioSelect,
                             help_text="Away: not where they should be, but their whereabouts "
                                       "are known",
                             error_messages={"required": "Select missing or away"})
    started_on = _date("Date they went missing", "Enter the date they went missing")
    started_time = _time("Time they went missing", "Enter the time they went missing")
    reported_to_police = _yes_no("Was it reported to the police?",
                                 "Say whether it was reported to the police")
    police_reference = forms.CharField(label="Police reference (optional)", required=False,
                                       max_length=60)
    risks = _risks("Risks identified")
    risk_note = _note("About the risks (optional)")
    returned_on = _date("Date they returned (if they have)", "", required=False)
    returned_time = _time("Time they returned (if they have)", "", required=False)
    found_at_place = forms.CharField(label="Where they were found or returned to (optional)",
                                     required=False, max_length=300)

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {"kind": data["kind"], "started_at": data["started_at"],
                "reported_to_police": data["reported_to_police"],
                "police_reference": data["police_reference"], "risks": data["risks"],
                "risk_note": data["risk_note"], "returned_at": data["returned_at"],
                "found_at_place": data["found_at_place"]}


class ReturnForm(MomentsForm):
    moments = ("returned",)

    returned_on = _date("Date they returned", "Enter the date they returned")
    returned_time = _time("Time they returned", "Enter the time they returned")
    found_at_place = forms.CharField(label="Where they were found or returned to (optional)",
                                     required=False, max_length=300)

    def service_values(self) -> dict:
        return {"returned_at": self.cleaned_data["returned_at"],
                "found_at_place": self.cleaned_data["found_at_place"]}


class PoliceNotificationForm(MomentsForm):
    moments = ("reported",)

    police_reference = forms.CharField(label="Police reference", max_length=60,
                                       error_messages={"required": "Enter the police reference"})
    force = forms.CharField(label="Police force", max_length=100,
                            error_messages={"required": "Enter the police force"})
    reported_on = _date("Date reported missing to the police",
                        "Enter the date they were reported missing")
    reported_time = _time("Time reported missing to the police",
                          "Enter the time they were reported missing")
    kind = forms.ChoiceField(label="Missing or away", choices=MissingKind.choices,
                             initial=MissingKind.MISSING, widget=forms.RadioSelect,
                             help_text="Used only if this creates a new episode",
                             error_messages={"required": "Select missing or away"})
    note = _note("Note (optional)")

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {"police_reference": data["police_reference"], "force": data["force"],
                "reported_at": data["reported_at"], "kind": data["kind"], "note": data["note"]}


class OfferForm(MomentsForm):
    moments = ("offered",)

    offered_on = _date("Date of the offer", "Enter the date of the offer")
    offered_time = _time("Time of the offer", "Enter the time of the offer")
    accepted = _yes_no("Did the child accept?", "Say whether the child accepted")
    note = forms.CharField(label="Note (optional)", required=False, max_length=500,
                           help_text="For example, the appointment offered")

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {"offered_at": data["offered_at"], "accepted": data["accepted"],
                "note": data["note"]}


class InterviewForm(MomentsForm):
    """Held (with when, by whom, independence and what was found) or declined (with when)."""

    moments = ("held",)
    HELD, DECLINED = "held", "declined"

    outcome = forms.ChoiceField(
        label="Was the interview held?", widget=forms.RadioSelect,
        choices=[(HELD, "Yes, it was held"), (DECLINED, "No, the child or family declined")],
        error_messages={"required": "Say whether the interview was held"})
    held_on = _date("Date it was held", "Enter the date it was held", required=False)
    held_time = _time("Time it was held", "Enter the time it was held", required=False)
    conducted_by = forms.CharField(label="Who carried it out", required=False, max_length=200,
                                   help_text="Name and role, and their service or local "
                                             "authority if another")
    independent = forms.TypedChoiceField(
        label="Were they independent of the child's social worker?", choices=YES_NO,
        coerce=_yes, required=False, widget=forms.RadioSelect, empty_value=None)
    seen_alone = forms.TypedChoiceField(
        label="Was the child spoken to alone?", choices=YES_NO, coerce=_yes, required=False,
        widget=forms.RadioSelect, empty_value=None)
    risks_found = _risks("Risks found")
    declined_on = _date("Date it was declined", "Enter the date it was declined",
                        required=False)
    note = _note("What the child said and what happens next (optional)", 10000)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == self.HELD:
            self._require(held_on="Enter the date it was held",
                          held_time="Enter the time it was held",
                          conducted_by="Say who carried out the interview",
                          independent="Say whether they were independent of the child's "
                                      "social worker")
        elif cleaned.get("outcome") == self.DECLINED:
            self._require(declined_on="Enter the date it was declined")
        return cleaned

    def _require(self, **messages: str) -> None:
        for name, message in messages.items():
            if self.cleaned_data.get(name) in (None, "") and not self.has_error(name):
                self.add_error(name, message)

    @property
    def was_held(self) -> bool:
        return self.cleaned_data["outcome"] == self.HELD

    def held_values(self) -> dict:
        data = self.cleaned_data
        return {"held_at": data["held_at"], "conducted_by": data["conducted_by"],
                "independent": data["independent"], "seen_alone": data["seen_alone"],
                "risks_found": data["risks_found"], "note": data["note"]}

    def declined_values(self) -> dict:
        return {"declined_on": self.cleaned_data["declined_on"],
                "note": self.cleaned_data["note"]}


class ReportFilterForm(GovukForm):
    start = GovukDateField(label="Episodes starting from", required=False)
    end = GovukDateField(label="To", required=False)
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))
    kind = forms.ChoiceField(label="Missing or away", required=False,
                             choices=[("", "Both"), *MissingKind.choices])
    sort = forms.ChoiceField(label="Order", required=False, choices=[
        ("newest", "Newest first"), ("oldest", "Oldest first"), ("name", "Child's name")])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end of the period must be on or after its start")
        return cleaned
