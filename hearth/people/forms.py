"""Input shape and the messages a user sees. The service checks the same rules again."""

from django import forms

from hearth.core import clock
from hearth.core.forms import GovukDateField, GovukForm
from hearth.people import rules
from hearth.people.codes import (
    Disability,
    Ethnicity,
    RelationshipKind,
    Religion,
    Sex,
    UpnUnknown,
    WarningKind,
)


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Name or identifier", required=False, max_length=200,
        help_text="A name in any order, or an LA child ID, NHS number or UPN",
    )
    date_of_birth = GovukDateField(label="Date of birth", required=False,
                                   help_text="For example, 27 3 2015")
    children_only = forms.BooleanField(label="Children only", required=False)

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("q", "").strip() or data.get("date_of_birth")):
            raise forms.ValidationError("Enter a name, an identifier or a date of birth")
        return data


def _yes_no(label: str, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect,
        coerce=lambda v: v == "yes", **kwargs)


class PersonForm(GovukForm):
    is_child = forms.TypedChoiceField(
        label="Is this person a child?", widget=forms.RadioSelect,
        choices=[("yes", "Yes, a child (including an unborn child)"),
                 ("no", "No, an adult (a parent, carer, relative or other)")],
        coerce=lambda v: v == "yes",
        error_messages={"required": "Select whether this person is a child"},
    )
    first_name = forms.CharField(label="First name", max_length=100,
                                 error_messages={"required": "Enter a first name"})
    middle_names = forms.CharField(label="Middle names", max_length=100, required=False)
    last_name = forms.CharField(label="Last name", max_length=100,
                                error_messages={"required": "Enter a last name"})
    known_as = forms.CharField(label="Known as (optional)", max_length=100, required=False)
    date_of_birth = GovukDateField(label="Date of birth", required=False,
                                   help_text="For example, 27 3 2015")
    expected_date_of_birth = GovukDateField(
        label="Expected date of birth (unborn child only)", required=False)
    date_of_death = GovukDateField(label="Date of death (if they have died)", required=False)
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect,
                            error_messages={"required": "Select the person's sex"})
    ethnicity = forms.ChoiceField(label="Ethnicity", choices=Ethnicity.choices,
                                  initial=Ethnicity.NOBT)
    disabilities = forms.MultipleChoiceField(
        label="Disabilities", choices=Disability.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text="Select all that apply")
    is_uasc = forms.BooleanField(label="Unaccompanied asylum-seeking child", required=False)
    first_language = forms.CharField(label="First language", max_length=60, required=False)
    needs_interpreter = forms.BooleanField(label="Needs an interpreter", required=False)
    religion = forms.ChoiceField(label="Religion", required=False,
                                 choices=[("", "Not recorded"), *Religion.choices])
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=14,
                                 help_text="10 digits, with or without spaces")
    upn = forms.CharField(label="Unique pupil number (UPN)", required=False, max_length=16)
    upn_unknown = forms.ChoiceField(label="If the UPN is not known, why not", required=False,
                                    choices=[("", "UPN known or not applicable"),
                                             *UpnUnknown.choices])

    def clean_nhs_number(self):
        value = self.cleaned_data["nhs_number"].strip()
        if value and (problem := rules.nhs_number_problem(value)):
            raise forms.ValidationError(problem)
        return rules.normalise_nhs_number(value)

    def clean_upn(self):
        value = self.cleaned_data["upn"].strip()
        if value and (problem := rules.upn_problem(value)):
            raise forms.ValidationError(problem)
        return rules.normalise_upn(value)

    def clean_disabilities(self):
        chosen = self.cleaned_data["disabilities"]
        if Disability.NONE in chosen and len(chosen) > 1:
            raise forms.ValidationError("'No disability' cannot be chosen with a disability")
        return chosen

    def clean(self):
        data = super().clean()
        problem = rules.birth_date_problem(
            date_of_birth=data.get("date_of_birth"),
            expected_date_of_birth=data.get("expected_date_of_birth"),
            date_of_death=data.get("date_of_death"),
            today=clock.today(),
        )
        if problem and problem[0] not in self.errors:
            self.add_error(problem[0], problem[1])
        if data.get("is_child") is False and data.get("expected_date_of_birth"):
            self.add_error("expected_date_of_birth", "Only a child can have an expected date")
        if data.get("is_child") and not (data.get("date_of_birth")
                                         or data.get("expected_date_of_birth")):
            self.add_error("date_of_birth",
                           "Enter the child's date of birth, or an expected date if unborn")
        return data


class NewPersonForm(PersonForm):
    checked_duplicates = forms.BooleanField(
        required=False, widget=forms.HiddenInput,
        label="None of these is the person: create a new record")


class EditPersonForm(PersonForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_seen(self):
        """What the user saw when they opened the form, signed so it cannot be forged."""
        from django.core import signing

        try:
            return signing.loads(self.cleaned_data["seen"]) if self.cleaned_data["seen"] else None
        except signing.BadSignature:
            return None


class AddressForm(GovukForm):
    line_1 = forms.CharField(label="Address line 1", max_length=100,
                             error_messages={"required": "Enter the first line of the address"})
    line_2 = forms.CharField(label="Address line 2 (optional)", max_length=100, required=False)
    town = forms.CharField(label="Town or city", max_length=60,
                           error_messages={"required": "Enter a town or city"})
    postcode = forms.CharField(label="Postcode", max_length=8,
                               error_messages={"required": "Enter a postcode"})
    start_date = GovukDateField(label="Date they moved in",
                                error_messages={"required": "Enter the date they moved in"})
    is_verified = forms.BooleanField(label="The address has been checked", required=False)

    def clean_postcode(self):
        import re

        value = " ".join(self.cleaned_data["postcode"].upper().split())
        if not re.match(r"^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$", value):
            raise forms.ValidationError("Enter a real postcode, like SW1A 1AA")
        return value


class RelationshipForm(GovukForm):
    kind = forms.ChoiceField(label="Relationship",
                             choices=[("", "Choose the relationship"), *RelationshipKind.choices],
                             error_messages={"required": "Select the relationship"})
    has_parental_responsibility = forms.BooleanField(
        label="Has parental responsibility for the other person", required=False)
    lives_with = forms.BooleanField(label="They live together", required=False)
    start_date = GovukDateField(label="Since (optional)", required=False)
    note = forms.CharField(label="Note (optional)", max_length=200, required=False)


class WarningForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of warning", choices=WarningKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Select the kind of warning"})
    detail = forms.CharField(label="What staff need to know", widget=forms.Textarea,
                             max_length=2000,
                             error_messages={"required": "Say what staff need to know"})
    start_date = GovukDateField(label="From", error_messages={"required": "Enter a date"})


class EndDateForm(GovukForm):
    end_date = GovukDateField(label="End date", error_messages={"required": "Enter a date"})


class RestrictForm(GovukForm):
    reason = forms.CharField(label="Why is this record restricted?", max_length=200,
                             error_messages={"required": "Say why the record is restricted"})


class GrantAccessForm(GovukForm):
    username = forms.CharField(label="Username of the member of staff", max_length=150)
    reason = forms.CharField(label="Why they need to see this record", max_length=200)

    def clean_username(self):
        from hearth.accounts.models import User

        try:
            return User.objects.get(username__iexact=self.cleaned_data["username"],
                                    is_active=True)
        except User.DoesNotExist:
            raise forms.ValidationError("No active member of staff has this username") from None
