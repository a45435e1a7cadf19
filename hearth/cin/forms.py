from django import forms

from hearth.core.forms import GovukDateField, GovukForm

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes(value: str) -> bool:
    return value == "yes"


class StartCinPlanForm(GovukForm):
    referral = forms.ModelChoiceField(
        label="Referral", queryset=None, empty_label=None, widget=forms.RadioSelect,
        error_messages={"required": "Choose the referral this plan is for"})
    started_on = GovukDateField(label="Start date",
                                error_messages={"required": "Enter the start date"})

    def __init__(self, *args, referrals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = referrals
        self.fields["referral"].label_from_instance = lambda r: (
            f"Referral of {r.referral_date.day} {r.referral_date:%B %Y} "
            f"({r.get_source_display()})")


class ReviewForm(GovukForm):
    reviewed_on = GovukDateField(label="Date of the review",
                                 error_messages={"required": "Enter the date of the review"})
    note = forms.CharField(label="What the review decided (optional)", required=False,
                           max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))


class VisitForm(GovukForm):
    visited_on = GovukDateField(label="Date of the visit",
                                error_messages={"required": "Enter the date of the visit"})
    child_seen = forms.TypedChoiceField(
        label="Was the child seen?", choices=YES_NO, coerce=_yes, widget=forms.RadioSelect,
        error_messages={"required": "Say whether the child was seen"})
    seen_alone = forms.BooleanField(label="The child was seen alone", required=False)
    bedroom_seen = forms.BooleanField(label="The child's bedroom was seen", required=False)
    note = forms.CharField(label="Note (optional)", required=False, max_length=20000,
                           widget=forms.Textarea(attrs={"rows": 5}))


class EndCinPlanForm(GovukForm):
    ended_on = GovukDateField(label="End date", error_messages={"required": "Enter the end date"})
    end_reason = forms.CharField(label="Why the plan ended (optional)", required=False,
                                 max_length=300)
