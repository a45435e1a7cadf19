"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.dataquality import checks, selectors
from hearth.dataquality.models import DataQualityIssue
from hearth.dataquality.services import MAX_EXPLANATION


def _optional(label: str, choices, blank: str = "Any") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=[("", blank), *choices])


class IssueFilterForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", queryset=None, required=False,
                                  empty_label="Any")
    check_code = forms.ChoiceField(label="Return", required=False)
    rule = forms.CharField(label="Rule", required=False, max_length=20,
                           help_text="The rule's code, as the DfE numbers it")
    kind = _optional("Error or query", DataQualityIssue.Kind.choices)
    status = forms.ChoiceField(label="Status", required=False,
                               choices=selectors.STATUS_CHOICES)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=selectors.SORT_CHOICES)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["check_code"].choices = [("", "Any"), *checks.choices()]
        if selectors.sees_every_team(user):
            self.fields["team"].queryset = selectors.teams()
        else:
            del self.fields["team"]


class ExplainQueryForm(GovukForm):
    text = forms.CharField(
        label="Why does the query stand?", max_length=MAX_EXPLANATION,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The explanation the DfE will read, for example: the child's assessment "
                  "was paused while the family were abroad",
        error_messages={"required": "Enter why the query stands",
                        "max_length": f"Explanation must be {MAX_EXPLANATION:,} characters or "
                                      "fewer"})


class RunForm(GovukForm):
    check_code = forms.ChoiceField(label="Which checks", widget=forms.RadioSelect,
                                   error_messages={"required": "Choose which checks to run"})
    as_at = GovukDateField(label="Check the return as it stands on", required=False,
                           help_text="Leave blank for today. For example, 15 6 2026")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["check_code"].choices = [("all", "Every return"), *checks.choices()]
        self.fields["check_code"].error_messages["invalid_choice"] = (
            "Choose which checks to run")
