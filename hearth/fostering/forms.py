"""Fostering forms: input shape and GOV.UK error messages. The rules (what may follow what,
the terms of approval) are the services'; a broken one comes back as a form error."""

from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.fostering import codes
from hearth.fostering.rules import MAX_PLACES


def _date(label: str, required: bool = True, hint: str = "") -> GovukDateField:
    return GovukDateField(label=label, required=required, help_text=hint,
                          error_messages={"required": f"Enter the {label.lower()}",
                                          "invalid": f"The {label.lower()} must be a real date"})


def _choice(label: str, choices, *, radio: bool = True, required: bool = True,
            blank: str = "") -> forms.ChoiceField:
    options = list(choices) if required or radio else [("", blank or "Any"), *choices]
    return forms.ChoiceField(label=label, choices=options, required=required,
                             widget=forms.RadioSelect if radio else forms.Select,
                             error_messages={"required": f"Choose the {label.lower()}"})


def _name(label: str, required: bool) -> forms.CharField:
    return forms.CharField(label=label, max_length=100, required=required,
                           error_messages={"required": f"Enter the {label.lower()}"})


def _note(label: str = "Note (optional)") -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))


def _age(label: str, required: bool = False) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=required, min_value=0, max_value=17,
                              error_messages={"required": f"Enter the {label.lower()}",
                                              "invalid": "Enter an age in whole years",
                                              "min_value": "Enter an age from 0 to 17",
                                              "max_value": "Enter an age from 0 to 17"})


class EnquiryForm(GovukForm):
    household_type = _choice("Type of fostering", codes.HouseholdType.choices)
    enquiry_on = _date("Date of the enquiry")
    first_carer_first_name = _name("First carer's first name", True)
    first_carer_last_name = _name("First carer's last name", True)
    first_carer_date_of_birth = _date("First carer's date of birth", required=False)
    second_carer_first_name = _name("Second carer's first name (optional)", False)
    second_carer_last_name = _name("Second carer's last name (optional)", False)
    second_carer_date_of_birth = _date("Second carer's date of birth", required=False)
    postcode = forms.CharField(label="Household's postcode (optional)", max_length=8,
                               required=False)

    def clean(self):
        data = super().clean()
        first, last = data.get("second_carer_first_name"), data.get("second_carer_last_name")
        if bool(first) != bool(last):
            self.add_error("second_carer_last_name" if first else "second_carer_first_name",
                           "Enter both names of the second carer, or neither")
        return data

    def carers(self):
        from hearth.fostering.services import Carer

        data = self.cleaned_data
        return [Carer(data[f"{n}_carer_first_name"], data[f"{n}_carer_last_name"],
                      data.get(f"{n}_carer_date_of_birth")) for n in ("first", "second")
                if data.get(f"{n}_carer_first_name")]


class DateForm(GovukForm):
    on = GovukDateField(label="Date")

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"] = _date(label)


class TemporaryApprovalForm(GovukForm):
    approved_on = _date("Date of the temporary approval")
    la_child_id = forms.CharField(
        label="The child's LA child ID", max_length=20,
        help_text="Regulation 24 approves a connected person for a named child",
        error_messages={"required": "Enter the LA child ID of the child the approval is for"})


class PanelForm(GovukForm):
    business = _choice("What the panel considered", codes.PanelBusiness.choices)
    panel_on = _date("Date of the panel")
    recommendation = _choice("Panel's recommendation", codes.Recommendation.choices)
    places = forms.IntegerField(
        label="Number of children (for approval or new terms)", required=False, min_value=1,
        max_value=MAX_PLACES, error_messages={
            "invalid": "Enter the number of children as a whole number",
            "min_value": "Enter at least 1 child",
            "max_value": f"Enter no more than {MAX_PLACES} children"})
    age_from = _age("Youngest age approved")
    age_to = _age("Oldest age approved")
    approved_sex = _choice("Boys or girls", codes.ApprovedSex.choices, required=False)
    care_type = _choice("Type of care", codes.CareType.choices, required=False)
    note = _note()


class AdmDecisionForm(GovukForm):
    decision = _choice("Agency decision maker's decision", codes.AdmDecision.choices)
    decided_on = _date("Date of the decision")
    note = _note("Reasons (optional)")


class ReviewForm(GovukForm):
    reviewed_on = _date("Date of the review")
    outcome = _choice("Outcome of the review", codes.ReviewOutcome.choices)
    note = _note()


class StatusForm(GovukForm):
    status = forms.ChoiceField(label="New status", widget=forms.RadioSelect,
                               error_messages={"required": "Choose the new status"})
    on = _date("Date of the change")
    reason = forms.CharField(label="Reason", max_length=300,
                             error_messages={"required": "Enter the reason"})

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class WorkerForm(GovukForm):
    worker = forms.ModelChoiceField(
        label="Supervising social worker", queryset=None, empty_label="Choose a worker",
        error_messages={"required": "Choose the supervising social worker"})

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers


class LinkForm(GovukForm):
    household = forms.ModelChoiceField(
        label="Fostering household", queryset=None, empty_label="Choose a household",
        error_messages={"required": "Choose the household the child is placed with"})

    def __init__(self, *args, households, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households


class HouseholdListForm(GovukForm):
    q = forms.CharField(label="Reference, carer's name or postcode", required=False,
                        max_length=100)
    status = _choice("Status", codes.HouseholdStatus.choices, radio=False, required=False)
    household_type = _choice("Type of fostering", codes.HouseholdType.choices, radio=False,
                             required=False)
    worker = forms.ModelChoiceField(label="Supervising social worker", queryset=None,
                                    required=False, empty_label="Any")
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("reference", "Reference"), ("status", "Status"), ("review", "Next review"),
        ("enquiry", "Newest enquiry")])

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers


class VacancySearchForm(GovukForm):
    age = forms.IntegerField(label="Child's age", required=False, min_value=0, max_value=17,
                             error_messages={"invalid": "Enter the child's age in whole years",
                                             "min_value": "Enter an age from 0 to 17",
                                             "max_value": "Enter an age from 0 to 17"})
    sex = _choice("Child's sex", [("male", "Boy"), ("female", "Girl")], radio=False,
                  required=False)
    care_type = _choice("Type of care", codes.CareType.choices, radio=False, required=False)
    household_type = _choice("Type of fostering", codes.HouseholdType.choices, radio=False,
                             required=False)


class WorkFilterForm(GovukForm):
    worker = forms.ModelChoiceField(label="Supervising social worker", queryset=None,
                                    required=False, empty_label="Everyone")
    kind = _choice("Task", codes.HouseholdTaskKind.choices, radio=False, required=False)
    status = _choice("Status", [("overdue", "Overdue"), ("due_today", "Due today"),
                                ("due_soon", "Due within 2 working days"),
                                ("on_track", "On track")], radio=False, required=False)

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers


class ProviderForm(GovukForm):
    name = forms.CharField(label="Name", max_length=200,
                           error_messages={"required": "Enter the provider's name"})
    kind = _choice("Type of provision", codes.ProviderKind.choices)
    place_provider = _choice("Provider (903 PLACE_PROVIDER)", codes.ProviderType.choices)
    urn = forms.CharField(label="Ofsted URN", max_length=8, required=False,
                          help_text="Required for a registered provider")
    registration = _choice("Registration status", codes.Registration.choices)
    judgement = _choice("Latest Ofsted judgement", codes.OfstedJudgement.choices,
                        radio=False, required=False, blank="None recorded")
    judgement_on = _date("Date of the latest judgement", required=False)
    address = forms.CharField(label="Address (optional)", max_length=300, required=False)
    postcode = forms.CharField(label="Postcode (optional)", max_length=8, required=False)


class ProviderListForm(GovukForm):
    q = forms.CharField(label="Name, URN or postcode", required=False, max_length=100)
    kind = _choice("Type of provision", codes.ProviderKind.choices, radio=False,
                   required=False)
    registration = _choice("Registration status", codes.Registration.choices, radio=False,
                           required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("name", "Name"), ("judgement", "Latest judgement"),
        ("registration", "Registration status"), ("placed", "Children placed")])
