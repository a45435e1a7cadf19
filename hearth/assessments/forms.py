from django import forms

from hearth.assessments.codes import (
    AssessmentFactor,
    AssessmentKind,
    AssessmentOutcome,
    PartnerAgency,
)
from hearth.core.forms import GovukDateField, GovukForm


class StartAssessmentForm(GovukForm):
    referral = forms.ModelChoiceField(
        label="Referral", queryset=None, empty_label=None, widget=forms.RadioSelect,
        error_messages={"required": "Choose the referral this assessment is for"})
    kind = forms.ChoiceField(label="Kind of assessment", choices=AssessmentKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose new or updated"})
    started_on = GovukDateField(label="Start date",
                                error_messages={"required": "Enter the start date"})

    def __init__(self, *args, referrals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = referrals
        self.fields["referral"].label_from_instance = lambda r: (
            f"Referral of {r.referral_date.day} {r.referral_date:%B %Y} "
            f"({r.get_source_display()})")


class AssessmentForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of assessment", choices=AssessmentKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose new or updated"})
    started_on = GovukDateField(label="Start date",
                                error_messages={"required": "Enter the start date"})
    child_seen_on = GovukDateField(label="Date the child was seen (optional)", required=False)
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)
    factors = forms.MultipleChoiceField(
        label="Factors identified at assessment", required=False,
        choices=AssessmentFactor.choices, widget=forms.CheckboxSelectMultiple,
        help_text="Choose every factor that applies, or 'No factors identified' on its own")
    completed_on = GovukDateField(
        label="Date the assessment was completed (optional)", required=False,
        help_text="A manager can authorise it once it is completed")


class ContributionForm(GovukForm):
    agency = forms.ChoiceField(label="Agency", choices=PartnerAgency.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": "Choose the agency"})
    agency_name = forms.CharField(label="Which agency (optional)", required=False,
                                  max_length=150,
                                  help_text="For example the school or GP practice")
    received_on = GovukDateField(label="Date received",
                                 error_messages={"required": "Enter the date it was received"})
    summary = forms.CharField(label="Summary of their contribution", max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 6}),
                              error_messages={"required": "Summarise what the agency "
                                                          "contributed"})


class AuthoriseForm(GovukForm):
    authorised_on = GovukDateField(label="Date authorised",
                                   error_messages={"required": "Enter the date authorised"})
    outcome = forms.ChoiceField(label="Outcome", choices=AssessmentOutcome.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": "Choose the outcome of the "
                                                            "assessment"})
    lateness_reason = forms.CharField(
        label="Reason it is late (if authorised after the due date)", required=False,
        max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, due_on, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lateness_reason"].help_text = (
            f"Due by {due_on.day} {due_on:%B %Y}. Required if authorised after that date")
