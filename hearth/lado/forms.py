"""Input shape and the messages a user sees. The services check the same rules again."""

import re

from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.lado import selectors
from hearth.lado.codes import Category, MeetingKind, Outcome, Sector, Threshold
from hearth.people.models import Person

YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known yet")]


def _date(label: str, message: str, help_text: str = "For example, 27 3 2026",
          required: bool = True) -> GovukDateField:
    return GovukDateField(label=label, required=required, help_text=help_text,
                          error_messages={"required": message})


def _text(label: str, message: str, help_text: str = "", required: bool = True,
          rows: int = 5) -> forms.CharField:
    return forms.CharField(label=label, max_length=10000, help_text=help_text,
                           required=required, widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages={"required": message})


def _line(label: str, message: str, help_text: str = "", required: bool = True,
          max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, help_text=help_text,
                           required=required, error_messages={
                               "required": message,
                               "max_length": f"{label} must be {max_length} characters or "
                                             "fewer"})


def _radios(label: str, choices, message: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                             error_messages={"required": message, "invalid_choice": message})


class ChildrenField(forms.CharField):
    """LA child IDs, separated by commas or spaces, each a child's record the user may see."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)
        self.user = None

    def clean(self, value):
        text = super().clean(value)
        ids = [part for part in re.split(r"[\s,]+", text or "") if part]
        if not ids:
            return []
        found = {p.la_child_id: p for p in Person.objects.visible_to(self.user).filter(
            la_child_id__in=ids, is_child=True)}
        unknown = [i for i in ids if i not in found]
        if unknown:
            raise forms.ValidationError(
                "No child's record with the LA child ID %(ids)s: check the ID on the child's "
                "record, or name the child in the box below instead",
                params={"ids": ", ".join(unknown)}, code="unknown")
        return list(dict.fromkeys(found[i] for i in ids))


class TimeField(forms.TimeField):
    default_error_messages = {"invalid": "Enter the time as hours and minutes, for example "
                                         "14:30"}

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%H:%M", "%H.%M", "%H%M"], **kwargs)


class AllegationForm(GovukForm):
    received_on = _date("Date the referral was received", "Enter the date the referral was "
                                                          "received")
    received_time = TimeField(label="Time the referral was received (optional)", required=False,
                              help_text="24-hour clock, for example 14:30",
                              widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}))
    referrer_name = _line("Referrer's name", "Enter the referrer's name")
    referrer_agency = _line("Referrer's agency", "Enter the referrer's agency",
                            "For example, the school, the police or the fostering service")
    subject_name = _line("Name of the person the allegation is about",
                         "Enter the name of the person the allegation is about")
    subject_role = _line("Their role", "Enter their role", "For example, teaching assistant")
    subject_employer = _line("Their employer or organisation",
                             "Enter their employer or organisation",
                             "Include the local authority area if they work out of area")
    subject_sector = _radios("Sector", Sector.choices, "Choose the sector the person works in")
    category = _radios("Category of the allegation", Category.choices,
                       "Choose the category of the allegation")
    summary = _text("What is alleged", "Say what is alleged")
    children = ChildrenField(label="Children concerned who have a record (optional)",
                             help_text="Their LA child IDs, separated by commas")
    children_text = _line("Children concerned who have no record here (optional)", "",
                          "For example, a child in another authority: first name, age and "
                          "where they live", required=False, max_length=500)
    lado_officer = forms.ModelChoiceField(
        label="LADO officer", queryset=None, empty_label="Choose a LADO officer",
        help_text="Who will make the initial consideration",
        error_messages={"required": "Choose the LADO officer",
                        "invalid_choice": "Choose the LADO officer"})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["children"].user = user
        self.fields["lado_officer"].queryset = selectors.lado_officers()


class ConsiderationForm(GovukForm):
    considered_on = _date("Date of the initial consideration",
                          "Enter the date of the initial consideration")
    threshold = _radios("Decision", Threshold.choices, "Choose the threshold decision")
    police_involved = _radios("Are the police involved?", YES_NO_UNKNOWN,
                              "Say whether the police are involved")
    consideration_notes = _text("What was considered and why",
                                "Say what was considered and why",
                                "The information gathered and the reasons for the decision")

    def clean_police_involved(self):
        return {"yes": True, "no": False}.get(self.cleaned_data["police_involved"])


class MeetingForm(GovukForm):
    kind = _radios("Meeting", MeetingKind.choices, "Choose the kind of meeting")
    held_on = _date("Date of the meeting", "Enter the date of the meeting")
    attendees = _text("Who attended", "Say who attended", "Names, roles and agencies", rows=3)
    decisions = _text("Decisions and actions", "Record the decisions and actions")


class OutcomeForm(GovukForm):
    outcome = _radios("Outcome", Outcome.choices, "Choose the outcome")
    outcome_on = _date("Date of the outcome", "Enter the date of the outcome")
    outcome_notes = _text("Summary of the outcome", "Summarise the outcome",
                          "What was found and what the employer will do", rows=4)
    referred_to_dbs = forms.BooleanField(label="Referred to the Disclosure and Barring Service",
                                         required=False)
    referred_to_professional_body = forms.BooleanField(
        label="Referred to a professional or regulatory body", required=False)
    professional_body = _line("Professional body (if referred)", "",
                              "For example, Social Work England or the Teaching Regulation "
                              "Agency", required=False)

    def clean(self):
        data = super().clean()
        if data.get("referred_to_professional_body") and not data.get(
                "professional_body", "").strip():
            self.add_error("professional_body",
                           "Name the professional body the person was referred to")
        return data


class CloseForm(GovukForm):
    closed_on = _date("Close date", "Enter the close date")


class FilterForm(GovukForm):
    status = forms.ChoiceField(label="Status", choices=selectors.STATUS_CHOICES, required=False)
    sector = forms.ChoiceField(label="Sector", choices=[("", "Any sector"), *Sector.choices],
                               required=False)
    category = forms.ChoiceField(label="Category",
                                 choices=[("", "Any category"), *Category.choices],
                                 required=False)
    outcome = forms.ChoiceField(label="Outcome", choices=[("", "Any outcome"), *Outcome.choices],
                                required=False)
    overdue = forms.BooleanField(label="Initial consideration overdue", required=False)
    officer = forms.ModelChoiceField(label="LADO officer", queryset=None, required=False,
                                     empty_label="Anyone")
    sort = forms.ChoiceField(label="Sort by", choices=selectors.SORT_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = selectors.lado_officers()


class YearForm(GovukForm):
    year = forms.TypedChoiceField(label="Financial year", coerce=int, required=False)

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        from hearth.lado.rules import financial_year_label, financial_year_of

        current = financial_year_of(today)
        self.fields["year"].choices = [(y, financial_year_label(y))
                                       for y in range(current, current - 6, -1)]


class MemberForm(GovukForm):
    user = forms.ModelChoiceField(label="Member of staff", queryset=None,
                                  empty_label="Choose someone",
                                  error_messages={"required": "Choose who is joining",
                                                  "invalid_choice": "Choose who is joining"})
    reason = _line("Why they are joining", "Say why they are joining the LADO team",
                   "For example, appointed LADO officer", max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = selectors.eligible_staff()


class EndMembershipForm(GovukForm):
    ended_on = _date("Date their membership ends", "Enter the date their membership ends")
