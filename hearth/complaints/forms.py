"""Input shape and the messages a user sees. The services check the same rules again."""

import re

from django import forms

from hearth.complaints import rules, selectors
from hearth.complaints.codes import FeedbackKind, Outcome, Relationship, Stage, Theme
from hearth.core.errors import DomainError
from hearth.core.forms import GovukDateField, GovukForm
from hearth.people.models import Person


def _date(label: str, message: str, required: bool = True, help_text: str = "") -> GovukDateField:
    return GovukDateField(label=label, required=required,
                          help_text=help_text or "For example, 27 3 2026",
                          error_messages={"required": message})


def _text(label: str, message: str, help_text: str = "", required: bool = True,
          rows: int = 5) -> forms.CharField:
    return forms.CharField(label=label, max_length=10000, help_text=help_text,
                           required=required, widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages={"required": message})


def _user_choice(label: str, message: str, help_text: str = "",
                 required: bool = True) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label, queryset=None, required=required, help_text=help_text,
        empty_label="Choose someone" if required else "No one",
        error_messages={"required": message, "invalid_choice": message})


class ChildrenField(forms.CharField):
    """LA child IDs, separated by commas or spaces, each a child's record the user may see."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)
        self.user = None

    def clean(self, value):
        text = super().clean(value)
        ids = [part for part in re.split(r"[\s,]+", text or "") if part]
        if not ids:
            return []
        found = {p.la_child_id: p for p in Person.objects.visible_to(self.user).filter(
            la_child_id__in=ids, is_child=True)}
        unknown = [i for i in ids if i not in found]
        if unknown:
            raise forms.ValidationError(
                "No child's record with the LA child ID %(ids)s: check the ID on the child's "
                "record", params={"ids": ", ".join(unknown)}, code="unknown")
        return list(dict.fromkeys(found[i] for i in ids))


def _children_field() -> ChildrenField:
    return ChildrenField(label="Children the complaint is about (optional)",
                         help_text="Their LA child IDs, separated by commas. Leave this blank "
                                   "if the complaint is not about a particular child.")


class _UserAwareForm(GovukForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "children" in self.fields:
            self.fields["children"].user = user


class ComplaintForm(_UserAwareForm):
    received_on = _date("Date received", "Enter the date the complaint was received")
    complainant_name = forms.CharField(label="Complainant's name", max_length=200,
                                       error_messages={"required": "Enter the complainant's "
                                                                   "name"})
    complainant_relationship = forms.ChoiceField(
        label="Who is complaining", choices=Relationship.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose who is complaining"})
    children = _children_field()
    summary = _text("What the complaint is about", "Say what the complaint is about",
                    "In the complainant's words where you can")
    themes = forms.MultipleChoiceField(
        label="Themes", choices=Theme.choices, widget=forms.CheckboxSelectMultiple,
        help_text="Choose all that apply",
        error_messages={"required": "Choose at least one theme"})
    team = forms.ModelChoiceField(label="Team complained about", queryset=None,
                                  empty_label="Choose a team",
                                  error_messages={"required": "Choose the team",
                                                  "invalid_choice": "Choose the team"})
    responding_manager = _user_choice("Responding manager", "Choose the responding manager",
                                      "The manager who will answer the complaint")
    service_manager = _user_choice("Service manager copied in", "Choose a service manager",
                                   "They are copied into the reminders to check and track "
                                   "progress", required=False)
    receiving_officer = _user_choice("Receiving officer", "Choose the receiving officer",
                                     "Who in the complaints team received it")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = selectors.teams()
        self.fields["responding_manager"].queryset = selectors.responding_managers()
        self.fields["service_manager"].queryset = selectors.service_managers()
        self.fields["receiving_officer"].queryset = selectors.receiving_officers()


class ExtendForm(GovukForm):
    agreed_on = _date("Date the extension was agreed", "Enter the date it was agreed")
    new_due_on = _date("New due date", "Enter the new due date")
    reason = _text("Reason for the extension", "Give the reason for the extension",
                   "For example, the complaint is complex or the complainant agreed more time",
                   rows=3)

    def __init__(self, *args, stage, calendar, **kwargs):
        super().__init__(*args, **kwargs)
        longest = rules.latest_due_on(stage=stage.stage, requested_on=stage.requested_on,
                                      calendar=calendar)
        self.fields["new_due_on"].help_text = (
            f"{rules.LONGEST_WORKING_DAYS[Stage(stage.stage)]} working days at most: "
            f"{rules.day(longest)} or earlier")


class RespondForm(GovukForm):
    responded_on = _date("Date of the response", "Enter the date of the response",
                         help_text="The date the response was sent (for stage 3, the date the "
                                   "panel met). For example, 27 3 2026")
    outcome = forms.ChoiceField(label="Outcome", choices=Outcome.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": "Choose the outcome"})
    response_summary = _text("Summary of the response", "Summarise the response",
                             "What was found and what will be done")
    lateness_reason = _text("Reason the response was late", "", required=False, rows=3,
                            help_text="Needed if the response is after the due date. Say what "
                                      "held it up: this is checked, not a tick box")

    def __init__(self, *args, stage, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage = stage
        self.fields["lateness_reason"].label = (
            f"Reason the response was late (it was due on {rules.day(stage.response_due_on)})")

    def clean(self):
        data = super().clean()
        responded_on, outcome = data.get("responded_on"), data.get("outcome")
        if responded_on and outcome:
            try:
                rules.ensure_can_respond(
                    requested_on=self.stage.requested_on, due_on=self.stage.response_due_on,
                    already_responded_on=None, responded_on=responded_on, outcome=outcome,
                    lateness_reason=data.get("lateness_reason", ""), today=responded_on)
            except DomainError as error:
                self.add_error(error.field if error.field in self.fields else None,
                               error.message)
        return data


class CheckReasonForm(GovukForm):
    accepted = forms.TypedChoiceField(
        label="Is the reason for lateness acceptable?", widget=forms.RadioSelect,
        choices=[("yes", "Yes: it explains what held the response up"),
                 ("no", "No: send it back to the manager for more")],
        coerce=lambda value: value == "yes",
        error_messages={"required": "Say whether the reason is acceptable"})
    note = _text("Note for the manager", "", required=False, rows=3,
                 help_text="Needed when you send it back: what the reason is missing")

    def clean(self):
        data = super().clean()
        if data.get("accepted") is False and not data.get("note", "").strip():
            self.add_error("note", "Say what the reason is missing, for the manager")
        return data


class AmendReasonForm(GovukForm):
    lateness_reason = _text("Reason the response was late", "Give the reason the response was "
                            "late", "Say what held the response up", rows=4)


class EscalateForm(GovukForm):
    requested_on = _date("Date the complainant asked for the next stage",
                         "Enter the date of the request")
    responding_manager = _user_choice("Responding manager", "Choose the responding manager",
                                      "Who will answer this stage (for stage 2, who arranges "
                                      "the investigation)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responding_manager"].queryset = selectors.responding_managers()


class LearningFormForm(GovukForm):
    learning = _text("What was learned", "Say what was learned",
                     "For example, what the practitioner and manager will do differently")
    action = _text("Action (optional)", "", required=False, rows=3,
                   help_text="What will be done to share or act on the learning")
    action_due_on = _date("Action due (optional)", "", required=False)

    def clean(self):
        data = super().clean()
        if data.get("action", "").strip() and not data.get("action_due_on") \
                and "action_due_on" not in self.errors:
            self.add_error("action_due_on", "Enter the date the action is due")
        if data.get("action_due_on") and not data.get("action", "").strip():
            self.add_error("action", "Say what the action is")
        return data


class FeedbackForm(_UserAwareForm):
    kind = forms.ChoiceField(label="Compliment or comment", choices=FeedbackKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose compliment or comment"})
    received_on = _date("Date received", "Enter the date it was received")
    from_name = forms.CharField(label="Who it is from", max_length=200,
                                error_messages={"required": "Enter who it is from"})
    from_relationship = forms.ChoiceField(
        label="Their relationship to the child", choices=Relationship.choices,
        widget=forms.RadioSelect, error_messages={"required": "Choose their relationship"})
    team = forms.ModelChoiceField(label="Team", queryset=None, empty_label="Choose a team",
                                  error_messages={"required": "Choose the team",
                                                  "invalid_choice": "Choose the team"})
    summary = _text("What they said", "Say what they said")
    children = ChildrenField(label="Children it is about (optional)",
                             help_text="Their LA child IDs, separated by commas")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = selectors.teams()


def _optional_choice(label: str, choices, blank: str = "Any") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=[("", blank), *choices])


class WorkFilterForm(GovukForm):
    manager = forms.ModelChoiceField(label="Manager", queryset=None, required=False,
                                     empty_label="Everyone",
                                     help_text="Responding or copied in")
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[*selectors.STATUS_CHOICES, ("all", "All")])
    stage = forms.TypedChoiceField(label="Stage", required=False, coerce=int, empty_value=None,
                                   choices=[("", "Any"), *Stage.choices])
    team = forms.ModelChoiceField(label="Team", queryset=None, required=False,
                                  empty_label="Any")
    sort = forms.ChoiceField(label="Sort by", required=False, choices=selectors.SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = selectors.responding_managers()
        self.fields["team"].queryset = selectors.teams()


class FeedbackFilterForm(GovukForm):
    kind = _optional_choice("Compliment or comment", FeedbackKind.choices)
    team = forms.ModelChoiceField(label="Team", queryset=None, required=False,
                                  empty_label="Any")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = selectors.teams()


def year_choices(today) -> list[tuple[str, str]]:
    year = rules.financial_year_of(today)
    return [(str(y), rules.financial_year_label(y)) for y in range(year, year - 6, -1)]


class YearForm(GovukForm):
    year = forms.TypedChoiceField(label="Financial year", required=False, coerce=int,
                                  empty_value=None)

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(today)
        self.fields["year"].error_messages["invalid_choice"] = (
            "Choose one of the last six financial years")
