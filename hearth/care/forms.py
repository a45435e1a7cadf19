from django import forms

from hearth.care import codes, rules
from hearth.core.forms import GovukDateField, GovukForm

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes(value: str) -> bool:
    return value == "yes"


def _choices(choices, prompt: str):
    return [("", prompt), *choices]


class PostcodeField(forms.CharField):
    def __init__(self, *, label: str, required: bool = True, **kwargs):
        super().__init__(label=label, max_length=10, required=required,
                         error_messages={"required": f"Enter the {label.lower()}"}, **kwargs)

    def clean(self, value):
        value = rules.normalise_postcode(super().clean(value) or "")
        if value and not rules.POSTCODE.match(value):
            raise forms.ValidationError(f"Enter the {self.label.lower()} as a UK postcode, "
                                        "like B1 1AA")
        return value


class EpisodeFields(GovukForm):
    """The legal status and placement of an episode, shared by starting care and changing."""

    legal_status = forms.ChoiceField(
        label="Legal status", choices=_choices(codes.LegalStatus.choices, "Choose"),
        error_messages={"required": "Choose the legal status"})
    category_of_need = forms.ChoiceField(
        label="Category of need", choices=_choices(codes.CategoryOfNeed.choices, "Choose"),
        error_messages={"required": "Choose the category of need"})
    placement_type = forms.ChoiceField(
        label="Placement type", choices=_choices(codes.PlacementType.choices, "Choose"),
        error_messages={"required": "Choose the placement type"})
    provider_type = forms.ChoiceField(
        label="Placement provider (leave blank for T0 to T3 and Z11 to Z14)", required=False,
        choices=_choices(codes.ProviderType.choices, "None"))
    provision = forms.ChoiceField(
        label="How the placement is regulated", choices=codes.Provision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how the placement is regulated"})
    placement_postcode = PostcodeField(label="Postcode of the placement")
    home_postcode = PostcodeField(label="Postcode of the child's home (optional)",
                                  required=False)
    urn = forms.CharField(label="Ofsted URN of the placement (where it has one)", required=False,
                          max_length=8)
    intended_until_18 = forms.BooleanField(
        label="The placement is intended to last until the child is 18", required=False)
    head_of_service_agreed = forms.BooleanField(
        label="The head of service agreed this emergency placement of a child under 16 in "
              "supported accommodation", required=False)

    def placement(self):
        from hearth.care.services import Placement

        data = self.cleaned_data
        return Placement(**{f: data[f] for f in (
            "placement_type", "provision", "placement_postcode", "provider_type", "urn",
            "home_postcode", "intended_until_18", "head_of_service_agreed")})


class StartCareForm(EpisodeFields):
    field_order = ["started_on"]
    started_on = GovukDateField(
        label="Date the child became looked after",
        error_messages={"required": "Enter the date the child became looked after"})


class EpisodeChangeForm(EpisodeFields):
    field_order = ["changed_on"]
    changed_on = GovukDateField(label="Date of the change",
                                error_messages={"required": "Enter the date of the change"})
    same_carers = forms.BooleanField(
        label="The placement changed but the child stays with the same carers", required=False)
    reason_place_change = forms.ChoiceField(
        label="Reason for the change of placement (only when the placement changed)",
        required=False, choices=_choices(codes.ReasonPlaceChange.choices, "None"))


class EndCareForm(GovukForm):
    ended_on = GovukDateField(
        label="Date the child ceased to be looked after",
        error_messages={"required": "Enter the date the child ceased to be looked after"})
    reason = forms.ChoiceField(
        label="Reason the child ceased to be looked after",
        choices=_choices(codes.LEAVING_CARE_REASONS, "Choose"),
        error_messages={"required": "Choose why the child ceased to be looked after"})


class AllocateIroForm(GovukForm):
    iro = forms.ModelChoiceField(label="Independent reviewing officer", queryset=None,
                                 empty_label="Choose",
                                 error_messages={"required": "Choose the IRO"})
    allocated_on = GovukDateField(label="Date of the allocation",
                                  error_messages={"required": "Enter the date of the allocation"})

    def __init__(self, *args, iros, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iro"].queryset = iros


class ReviewForm(GovukForm):
    held_on = GovukDateField(label="Date of the review",
                             error_messages={"required": "Enter the date of the review"})
    participation = forms.ChoiceField(
        label="How the child took part", choices=codes.Participation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how the child took part"})
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


class SignOffForm(GovukForm):
    note = forms.CharField(label="Conditions or notes (optional)", required=False,
                           max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class CaseloadForm(GovukForm):
    iro = forms.ModelChoiceField(label="IRO", queryset=None, required=False,
                                 empty_label="Me (if I am an IRO)")
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("review", "Next review, soonest first"), ("name", "Child's name"),
        ("started", "Became looked after, newest first")])

    def __init__(self, *args, iros, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["iro"].queryset = iros


class DoloForm(GovukForm):
    """A deprivation of liberty order's dates (the service checks their order at entry)."""

    started_on = GovukDateField(label="Date the order started",
                                error_messages={"required": "Enter the date the order started"})
    ended_on = GovukDateField(label="Date the order ended (if it has)", required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("started_on"), data.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", "The date the order ended must be the same as or after "
                                       "the date it started")
        return data
