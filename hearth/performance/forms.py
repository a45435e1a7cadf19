"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms

from hearth.core import clock
from hearth.core.forms import GovukForm
from hearth.performance import periods as p
from hearth.performance import selectors
from hearth.performance.indicators import LIBRARY


def _quarter_choices():
    return [(q.slug, q.label) for q in selectors.quarter_choices(clock.today())]


def _period_choices():
    today = clock.today()
    quarters = selectors.quarter_choices(today)
    months = reversed(p.months_between(quarters[-1].start, today))
    return [("Quarters", [(q.slug, q.label) for q in quarters]),
            ("Months", [(m.slug, m.label) for m in months])]


class ScorecardForm(GovukForm):
    quarter = forms.ChoiceField(label="Quarter", required=False)
    show = forms.ChoiceField(label="Indicators", required=False, choices=[
        ("corporate", "The corporate scorecard (the committee's)"),
        ("all", "Every indicator, by area")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = _quarter_choices()
        self.fields["quarter"].error_messages["invalid_choice"] = "Choose a quarter from the list"

    def chosen_quarter(self) -> p.Period:
        if self.is_valid() and self.cleaned_data.get("quarter"):
            return p.parse_slug(self.cleaned_data["quarter"])
        return selectors.latest_complete_quarter(clock.today())


class FigureForm(GovukForm):
    indicator = forms.ChoiceField(label="Indicator", error_messages={
        "required": "Choose the indicator", "invalid_choice": "Choose the indicator"})
    period = forms.ChoiceField(label="Period", error_messages={
        "required": "Choose the period", "invalid_choice": "Choose a period from the list"})
    numerator = forms.CharField(label="Numerator", max_length=30, help_text=(
        "What is counted, for example 25.27 agency FTE"),
        error_messages={"required": "Enter the numerator"})
    denominator = forms.CharField(label="Denominator", max_length=30, help_text=(
        "What it is out of, for example 142.5 FTE in post"),
        error_messages={"required": "Enter the denominator"})
    note = forms.CharField(label="Where the figure comes from", max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Enter where the figure comes from"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entered = [i for i in LIBRARY.values() if not i.is_computed]
        self.fields["indicator"].choices = [("", "Choose one")] + [
            (i.code, f"{i.code} {i.title}") for i in entered]
        self.fields["period"].choices = [("", "Choose one"), *_period_choices()]


class PopulationForm(GovukForm):
    year = forms.IntegerField(label="Year of the estimate", min_value=1990, max_value=2100,
                              error_messages={"required": "Enter the year of the estimate",
                                              "invalid": "Enter the year as a number, like 2024",
                                              "min_value": "Enter a year from 1990",
                                              "max_value": "Enter a year before 2100"})
    children = forms.IntegerField(label="Children aged 0 to 17", min_value=1,
                                  max_value=10_000_000, error_messages={
                                      "required": "Enter the number of children",
                                      "invalid": "Enter the number of children as a number",
                                      "min_value": "Enter a number of children above 0",
                                      "max_value": "Enter a number of children below "
                                                   "10,000,000"})
    source = forms.CharField(label="Source", max_length=200,
                             help_text="For example, ONS mid-year estimates 2024",
                             error_messages={"required": "Enter where the figure comes from"})


class CommentaryForm(GovukForm):
    performance = forms.CharField(
        label="Performance: what is the data telling us?", max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter what the data is telling us"})
    assurance = forms.CharField(
        label="Assurance: evidence that actions are in place and having an impact",
        max_length=10000, widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the evidence that actions are in place"})
    impact = forms.CharField(
        label="Impact: what are the issues/risks for service delivery?", max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter the issues and risks for service delivery"})


class TeamDashboardForm(ScorecardForm):
    team = forms.ModelChoiceField(label="Team", queryset=None, empty_label="Choose a team",
                                  error_messages={"required": "Choose a team",
                                                  "invalid_choice": "Choose a team"})

    def __init__(self, *args, **kwargs):
        from hearth.accounts.models import Team

        super().__init__(*args, **kwargs)
        del self.fields["show"]
        self.fields["team"].queryset = Team.objects.filter(holds_cases=True).order_by("name")
        self.order_fields(["team", "quarter"])
