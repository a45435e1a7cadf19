"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.iro import rules
from hearth.iro.codes import Reason, Stage
from hearth.iro.selectors import responders


def _date(label: str, message: str) -> GovukDateField:
    return GovukDateField(label=label, help_text="For example, 27 3 2026",
                          error_messages={"required": message})


def _text(label: str, message: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, max_length=10000, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": 5}),
                           error_messages={"required": message})


class _AddresseeForm(GovukForm):
    addressed_to = forms.ModelChoiceField(
        label="Who it is addressed to", queryset=responders(), empty_label="Choose someone",
        help_text="The manager or worker who must respond",
        error_messages={"required": "Choose who the challenge is addressed to",
                        "invalid_choice": "Choose who the challenge is addressed to"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressed_to"].queryset = responders()


class RaiseForm(_AddresseeForm):
    raised_on = _date("Date raised", "Enter the date the challenge was raised")
    stage = forms.ChoiceField(label="Stage", choices=Stage.choices, widget=forms.RadioSelect,
                              initial=Stage.INFORMAL,
                              help_text="Start informally unless the concern needs a formal "
                                        "challenge straight away",
                              error_messages={"required": "Choose the stage"})
    reason = forms.ChoiceField(label="Reason", choices=[("", "Choose a reason"),
                                                        *Reason.choices],
                               error_messages={"required": "Choose the reason"})
    asked_for = _text("What you are asking for", "Say what you are asking for",
                      "What needs to happen for the child, and by when")
    field_order = ["raised_on", "stage", "reason", "asked_for", "addressed_to"]


class RespondForm(GovukForm):
    responded_on = _date("Date of the response", "Enter the date of the response")
    response = _text("Response", "Enter the response",
                     "What will be done, by whom and by when")


class EscalateForm(_AddresseeForm):
    escalated_on = _date("Date escalated", "Enter the date it was escalated")
    why_escalated = _text("Why you are escalating it", "Say why you are escalating it",
                          "For example, no response, or the response did not resolve it")
    field_order = ["escalated_on", "why_escalated", "addressed_to"]


class ResolveForm(GovukForm):
    resolved_on = _date("Date resolved", "Enter the date it was resolved")
    outcome = _text("Outcome", "Enter the outcome",
                    "What was agreed or done for the child (closing the loop). Refer to it "
                    "at the next review or conference.")


def quarter_choices(today) -> list[tuple[str, str]]:
    quarter, choices = rules.quarter_of(today), []
    for _ in range(8):
        choices.append((quarter.key, quarter.label))
        quarter = quarter.previous()
    return choices


class QuarterForm(GovukForm):
    quarter = forms.ChoiceField(label="Quarter", required=False)

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = quarter_choices(today)
        self.fields["quarter"].error_messages["invalid_choice"] = (
            "Choose one of the last eight quarters")
