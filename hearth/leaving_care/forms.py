from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.leaving_care.codes import (
    Accommodation,
    Activity,
    Category,
    ContactKind,
    Entitlement,
    InTouch,
)

YES_NO = [("yes", "Yes"), ("no", "No")]
YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("", "Not known yet")]


def _yes(value: str) -> bool:
    return value == "yes"


def _yes_no_or_none(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def _date(label: str, required: bool = True, hint: str = "") -> GovukDateField:
    return GovukDateField(label=label, required=required, help_text=hint,
                          error_messages={"required": f"Enter the {label.lower()}"})


def _adviser_field(queryset, required: bool) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Personal adviser" + ("" if required else " (optional)"), queryset=queryset,
        required=required, empty_label="Choose a personal adviser",
        error_messages={"required": "Choose the personal adviser"})


class CareLeaverForm(GovukForm):
    category = forms.ChoiceField(label="Eligibility category", choices=Category.choices,
                                 widget=forms.RadioSelect,
                                 error_messages={"required": "Choose the eligibility category"})
    applies_from = _date("Date the category applies from")
    left_care_on = _date("Date they left care", required=False,
                         hint="Leave blank if the young person is still looked after")
    personal_adviser = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, advisers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if advisers is None:
            del self.fields["personal_adviser"]
        else:
            self.fields["personal_adviser"] = _adviser_field(advisers, required=False)


class CategoryForm(GovukForm):
    category = CareLeaverForm.base_fields["category"]
    applies_from = _date("Date the category applies from")
    left_care_on = _date("Date they left care", required=False,
                         hint="Leave blank to keep the date already recorded")


class AdviserForm(GovukForm):
    adviser = forms.ModelChoiceField(queryset=None)
    allocated_on = _date("Date allocated")

    def __init__(self, *args, advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"] = _adviser_field(advisers, required=True)


class NeedsAssessmentForm(GovukForm):
    completed_on = _date("Date the needs assessment was completed")


class PathwayPlanForm(GovukForm):
    agreed_on = _date("Date the pathway plan was agreed")


class ReviewForm(GovukForm):
    reviewed_on = _date("Date of the review")
    note = forms.CharField(label="What the review decided (optional)", required=False,
                           max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))


class ContactForm(GovukForm):
    contact_on = _date("Date of the contact")
    kind = forms.ChoiceField(label="How", choices=ContactKind.choices, widget=forms.RadioSelect,
                             error_messages={"required": "Choose how the contact was made"})
    in_touch = forms.TypedChoiceField(
        label="Was the young person reached?", choices=YES_NO, coerce=_yes,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the young person was reached"})
    made_by = forms.ModelChoiceField(queryset=None)
    note = forms.CharField(label="What was discussed or provided (optional)", required=False,
                           max_length=20000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["made_by"] = forms.ModelChoiceField(
            label="Who made the contact (optional)", queryset=staff, required=False,
            empty_label="Me", help_text="Leave as Me if you made the contact yourself")


class SituationForm(GovukForm):
    as_at = _date("Date this was true")
    in_touch = forms.ChoiceField(label="In touch", choices=InTouch.choices,
                                 widget=forms.RadioSelect,
                                 error_messages={"required": "Choose whether they are in touch"})
    activity = forms.ChoiceField(label="Education, employment or training",
                                 choices=[("", "Not known"), *Activity.choices], required=False)
    accommodation = forms.ChoiceField(label="Accommodation",
                                      choices=[("", "Not known"), *Accommodation.choices],
                                      required=False)
    accommodation_suitable = forms.TypedChoiceField(
        label="Is the accommodation suitable?", choices=YES_NO, coerce=_yes_no_or_none,
        empty_value=None, required=False, widget=forms.RadioSelect)


class StayingPutForm(GovukForm):
    carers = forms.CharField(label="Former foster carers", max_length=200,
                             error_messages={"required": "Enter the former foster carers"})
    started_on = _date("Start date")
    ended_on = _date("End date", required=False, hint="Leave blank if it continues")


class EndStayingPutForm(GovukForm):
    ended_on = _date("End date")


class EntitlementForm(GovukForm):
    kind = forms.ChoiceField(label="What was offered", choices=Entitlement.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose what was offered"})
    detail = forms.CharField(label="Details (needed for Other)", required=False, max_length=200)
    offered_on = _date("Date offered")
    taken_up = forms.TypedChoiceField(label="Taken up?", choices=YES_NO_UNKNOWN,
                                      coerce=_yes_no_or_none, empty_value=None, required=False,
                                      widget=forms.RadioSelect)


class TakeUpForm(GovukForm):
    taken_up = forms.TypedChoiceField(
        label="Did the young person take it up?", choices=YES_NO, coerce=_yes,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the young person took it up"})


class SupportTo25Form(GovukForm):
    requested_on = _date("Date the young person asked")


class CareLeaverListForm(GovukForm):
    adviser = forms.ModelChoiceField(label="Personal adviser", required=False, queryset=None,
                                     empty_label="Anyone")
    category = forms.ChoiceField(label="Category", required=False,
                                 choices=[("", "Any category"), *Category.choices])
    in_touch = forms.ChoiceField(label="In touch", required=False,
                                 choices=[("", "Any"), *InTouch.choices])
    overdue = forms.BooleanField(label="Only those with something overdue", required=False)
    waiting = forms.BooleanField(label="Only those waiting for a personal adviser",
                                 required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("name", "Name"), ("age", "Age, youngest first"),
        ("last_contact", "Last contact, longest ago first"),
        ("next_contact", "Next contact due"), ("next_review", "Next pathway plan review")])

    def __init__(self, *args, advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = advisers
