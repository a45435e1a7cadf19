"""The performance analyst's choice of collection year, and the failure list's filters."""

from django import forms

from hearth.core import clock
from hearth.core.forms import GovukDateField, GovukForm
from hearth.returns import cin


def year_choices() -> list[tuple[int, str]]:
    return [(year, cin.for_year(year).LABEL) for year in reversed(cin.supported_years())]


class CinCensusForm(GovukForm):
    year = forms.TypedChoiceField(
        label="Collection year", coerce=int, choices=year_choices,
        help_text="From 1 April to 31 March, the reference date",
        error_messages={"required": "Choose a collection year",
                        "invalid_choice": "Choose a collection year from the list"})
    rule = forms.CharField(label="Rule code", required=False, max_length=10,
                           help_text="To see one rule's failures, for example 8540")
    child = forms.CharField(label="LA child ID", required=False, max_length=20)

    def clean_rule(self):
        rule = self.cleaned_data["rule"].strip().upper()
        if rule and not rule.isalnum():
            raise forms.ValidationError("Enter a rule code of letters and numbers, like 8540")
        return rule

    def clean_child(self):
        child = self.cleaned_data["child"].strip()
        if child and not child.isalnum():
            raise forms.ValidationError("Enter an LA child ID of letters and numbers only")
        return child


class AnnexAForm(GovukForm):
    """The as-at date Annex A is built for: its lists look back 6 months (12 for adoption)."""

    as_at = GovukDateField(
        label="As at", help_text="Usually the day before the inspection, for example 27 3 2026",
        error_messages={"required": "Enter the as-at date"})

    def clean_as_at(self):
        as_at = self.cleaned_data["as_at"]
        if as_at > clock.today():
            raise forms.ValidationError("The as-at date must be today or in the past")
        return as_at


def ssda903_year_choices() -> list[tuple[int, str]]:
    from hearth.returns import ssda903

    return [(year, ssda903.for_year(year).LABEL) for year in reversed(ssda903.supported_years())]


class Ssda903Form(CinCensusForm):
    """The 903 page's year, rule and child filters (the census form's, with the 903 years)."""

    year = forms.TypedChoiceField(
        label="Collection year", coerce=int, choices=ssda903_year_choices,
        help_text="From 1 April to 31 March",
        error_messages={"required": "Choose a collection year",
                        "invalid_choice": "Choose a collection year from the list"})
    rule = forms.CharField(label="Rule code", required=False, max_length=12,
                           help_text="To see one rule's failures, for example 103")
    table = forms.ChoiceField(label="Table", required=False, choices=[("", "All tables")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from hearth.returns import ssda903

        tables = sorted({t for y in ssda903.supported_years()
                         for t in ssda903.for_year(y).TABLES})
        self.fields["table"].choices = [("", "All tables"), *[(t, t) for t in tables]]

    def clean_rule(self):
        """903 codes mix cases (392a, SW02STG1): matched without regard to case."""
        rule = self.cleaned_data["rule"].strip()
        if rule and not rule.isalnum():
            raise forms.ValidationError("Enter a rule code of letters and numbers, like 103")
        return rule
