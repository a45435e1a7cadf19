"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms

from hearth.accounts.models import Team
from hearth.core.forms import GovukDateField, GovukForm
from hearth.court import rules
from hearth.court.codes import (
    ApplicationType,
    FinalOrderKind,
    HearingKind,
    InterimOrderKind,
    MeetingKind,
    PanelDecision,
    PreProceedingsOutcome,
    Stage,
)

YES_NO = [("yes", "Yes"), ("no", "No")]


def _date(label: str, message: str, required: bool = True, help_text: str = "") -> GovukDateField:
    return GovukDateField(label=label, required=required,
                          help_text=help_text or "For example, 27 3 2026",
                          error_messages={"required": message})


def _text(label: str, message: str, help_text: str = "", required: bool = True):
    return forms.CharField(label=label, max_length=10000, help_text=help_text, required=required,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": message})


def _choice(label: str, choices, message: str, radios: bool = True, required: bool = True):
    if not radios:
        choices = [("", "Choose one"), *choices]
    return forms.ChoiceField(label=label, choices=choices, required=required,
                             widget=forms.RadioSelect if radios else forms.Select,
                             error_messages={"required": message,
                                             "invalid_choice": message})


class PanelForm(GovukForm):
    held_on = _date("Date of the panel", "Enter the date of the panel")
    siblings = forms.ModelMultipleChoiceField(
        label="Brothers and sisters considered with this child", required=False,
        queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text="A sibling group goes through pre-proceedings and court together")
    decision = _choice("Decision", PanelDecision.choices, "Choose the panel's decision")
    chair = forms.ModelChoiceField(label="Who chaired the panel", queryset=None,
                                   empty_label="Choose the chair",
                                   error_messages={"required": "Choose who chaired the panel",
                                                   "invalid_choice": "Choose who chaired the "
                                                                     "panel"})
    reasons = _text("Reasons for the decision", "Enter the reasons for the decision")

    def __init__(self, *args, siblings, chairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["siblings"].queryset = siblings
        self.fields["chair"].queryset = chairs
        if not siblings.exists():
            del self.fields["siblings"]

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {"held_on": data["held_on"], "decision": data["decision"], "chair": data["chair"],
                "reasons": data["reasons"], "siblings": list(data.get("siblings") or [])}


def _yes(value: str) -> bool:
    return value == "yes"


class LetterForm(GovukForm):
    sent_on = _date("Date the letter before proceedings was sent",
                    "Enter the date the letter was sent")
    fgdm_offered = forms.TypedChoiceField(
        label="Did the letter offer a family group decision-making meeting?", choices=YES_NO,
        coerce=_yes, widget=forms.RadioSelect,
        error_messages={"required": "Say whether the letter offered a family group "
                                    "decision-making meeting"})


class MeetingForm(GovukForm):
    kind = _choice("Meeting", MeetingKind.choices, "Choose the kind of meeting")
    held_on = _date("Date of the meeting", "Enter the date of the meeting")
    attended = _text("Who attended", "Say who attended",
                     "Parents, their solicitors, family members, the social worker, the team "
                     "manager and the local authority's lawyer")
    note = _text("What was agreed (optional)", "", required=False)


class OutcomeForm(GovukForm):
    outcome = _choice("Outcome", PreProceedingsOutcome.choices, "Choose the outcome")
    decided_on = _date("Date of the decision", "Enter the date of the decision",
                       help_text="The census's StepDecisionDate. For example, 27 3 2026")


class ApplicationForm(GovukForm):
    applied_on = _date("Date the application was made to the court (optional)", "",
                       required=False,
                       help_text="The day the local authority submitted it, if the court "
                                 "issued it later. Leave blank if it was issued the same day. "
                                 "For example, 27 3 2026")
    issued_on = _date("Date the application was issued", "Enter the date it was issued",
                      help_text="The 26 weeks run from this day. For example, 27 3 2026")
    court = forms.CharField(label="Court", max_length=200,
                            help_text="For example, the Family Court sitting at ...",
                            error_messages={"required": "Enter the court"})
    application_type = _choice("Application", ApplicationType.choices,
                               "Choose the kind of application", radios=False)
    parents_letter_on = _date("Date of the letter telling the parents proceedings have "
                              "started (optional)", "", required=False)

    def clean(self):
        cleaned = super().clean()
        applied, issued = cleaned.get("applied_on"), cleaned.get("issued_on")
        letter = cleaned.get("parents_letter_on")
        if applied and issued and issued < applied:
            self.add_error("issued_on", f"The date the application was issued must be on or "
                                        f"after the date it was made ({rules.day(applied)})")
        if letter and issued and letter < issued:
            self.add_error("parents_letter_on",
                           f"The date of the letter to the parents must be on or after the "
                           f"application was issued ({rules.day(issued)})")
        return cleaned


class HearingForm(GovukForm):
    kind = _choice("Hearing", HearingKind.choices, "Choose the kind of hearing", radios=False)
    held_on = _date("Date of the hearing", "Enter the date of the hearing")
    outcome = _text("Outcome", "Enter what the court decided or directed")
    next_hearing_on = _date("Date of the next hearing (if listed)", "", required=False)
    next_hearing_kind = _choice("Next hearing", HearingKind.choices,
                                "Choose the kind of the next hearing", radios=False,
                                required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("next_hearing_on") and not cleaned.get("next_hearing_kind"):
            self.add_error("next_hearing_kind", "Choose the kind of the next hearing")
        return cleaned


class InterimOrderForm(GovukForm):
    kind = _choice("Order", InterimOrderKind.choices, "Choose the order")
    made_on = _date("Date the order was made", "Enter the date the order was made")
    note = _text("Note (optional)", "", required=False)


class ExtensionForm(GovukForm):
    granted_on = _date("Date the court granted the extension", "Enter the date it was granted")
    weeks = forms.TypedChoiceField(
        label="How many weeks", coerce=int,
        choices=[(n, str(n)) for n in range(1, rules.MAX_EXTENSION_WEEKS + 1)],
        help_text=f"The court may extend by up to {rules.MAX_EXTENSION_WEEKS} weeks at a time",
        error_messages={"required": "Choose how many weeks",
                        "invalid_choice": "Choose how many weeks"})
    reason = _text("The court's reason", "Enter the court's reason for the extension")


class FinalOrderForm(GovukForm):
    order = _choice("Final order", FinalOrderKind.choices, "Choose the final order",
                    radios=False)
    made_on = _date("Date of the final order", "Enter the date of the final order",
                    help_text="This ends the proceedings. For example, 27 3 2026")


class TrackerForm(GovukForm):
    stage = forms.ChoiceField(label="Stage", required=False, choices=[
        ("", "Both"), (Stage.PRE_PROCEEDINGS, Stage.PRE_PROCEEDINGS.label),
        (Stage.PROCEEDINGS, Stage.PROCEEDINGS.label)])
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))
    over = forms.BooleanField(label="Only those over their timescale", required=False)
    sort = forms.ChoiceField(label="Order", required=False, choices=[
        ("due", "Due date, soonest first"), ("weeks", "Weeks elapsed, longest first"),
        ("hearing", "Next hearing"), ("opened", "Newest first")])
    start = GovukDateField(label="Concluded from", required=False)
    end = GovukDateField(label="Concluded to", required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end of the period must be on or after its start")
        return cleaned
