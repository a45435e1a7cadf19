"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.health_education.codes import ContactKind, HealthCheckKind, SdqReason

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes(value: str) -> bool:
    return value == "yes"


def _date(label: str, message: str) -> GovukDateField:
    return GovukDateField(label=label, help_text="For example, 27 3 2026",
                          error_messages={"required": message})


def _line(label: str, message: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, max_length=200, help_text=help_text,
                           error_messages={"required": message})


def _note() -> forms.CharField:
    return forms.CharField(label="Notes (optional)", max_length=10000, required=False,
                           widget=forms.Textarea(attrs={"rows": 4}))


def _radios(label: str, choices, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                             error_messages={"required": message, "invalid_choice": message})


def _yes_no(label: str, message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=YES_NO, coerce=_yes,
                                  widget=forms.RadioSelect,
                                  error_messages={"required": message})


class HealthCheckForm(GovukForm):
    kind = _radios("What was done", HealthCheckKind.choices, "Choose what was done")
    done_on = _date("Date of the assessment or check", "Enter the date of the assessment or "
                    "check")
    carried_out_by = _line("Who carried it out", "Enter who carried it out",
                           "A role, for example paediatrician, looked-after children's nurse "
                           "or dentist")
    note = _note()


class ImmunisationsForm(GovukForm):
    as_at = _date("Up to date as at", "Enter the date the status is as at")
    up_to_date = _yes_no("Are the child's immunisations up to date?",
                         "Say whether the immunisations are up to date")
    note = _note()


class SdqForm(GovukForm):
    completed_on = _date("Date of the questionnaire", "Enter the date of the questionnaire")
    score = forms.IntegerField(
        label="Total difficulties score (optional if there is no score)", required=False,
        min_value=0, max_value=40, help_text="A whole number from 0 to 40",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"invalid": "Enter the score as a whole number from 0 to 40",
                        "min_value": "The score must be between 0 and 40",
                        "max_value": "The score must be between 0 and 40"})
    reason = forms.ChoiceField(
        label="Reason there is no score", required=False,
        choices=[("", "There is a score"), *SdqReason.choices],
        error_messages={"invalid_choice": "Choose the reason there is no score"})
    note = _note()

    def clean(self):
        data = super().clean()
        if "score" in data and "reason" in data:
            if data["score"] is None and not data["reason"]:
                self.add_error("score", "Enter the score, or choose why there is no score")
            elif data["score"] is not None and data["reason"]:
                self.add_error("reason", "Enter a score or a reason there is none, not both")
        return data


class PepForm(GovukForm):
    held_on = _date("Date of the PEP meeting", "Enter the date of the PEP meeting")
    school = _line("School or setting", "Enter the school or setting")
    chaired_by_child = _yes_no("Did the child or young person chair the meeting?",
                               "Say whether the child or young person chaired the meeting")
    virtual_school_attended = _yes_no("Did the Virtual School attend?",
                                      "Say whether the Virtual School attended")
    note = _note()


class EducationContactForm(GovukForm):
    kind = _radios("Who was the contact with", ContactKind.choices,
                   "Choose who the contact was with")
    contacted_on = _date("Date of the contact", "Enter the date of the contact")
    contact_name = _line("Name or role of the person contacted",
                         "Enter the name or role of the person contacted")
    note = _note()
