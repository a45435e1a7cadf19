"""Input shape and the messages a user sees. The services check the same rules again."""

from decimal import Decimal

from django import forms

from hearth.accounts.models import Team, User
from hearth.core.forms import GovukDateField, GovukForm
from hearth.workforce.codes import AsyeOutcome, Contract, Grade, LeavingReason, LevelOfNeed
from hearth.workforce.selectors import POST_SORTS


def _date(label: str, message: str, required: bool = True, help_text: str = ""):
    return GovukDateField(label=label, required=required,
                          help_text=help_text or "For example, 27 3 2026",
                          error_messages={"required": message})


def _choice(label: str, choices, message: str, radios: bool = True, required: bool = True):
    if not radios:
        choices = [("", "Choose one" if required else "Any"), *choices]
    return forms.ChoiceField(label=label, choices=choices, required=required,
                             widget=forms.RadioSelect if radios else forms.Select,
                             error_messages={"required": message, "invalid_choice": message})


def _people(label: str, message: str, queryset, required: bool = True, empty: str = ""):
    return forms.ModelChoiceField(label=label, queryset=queryset, required=required,
                                  empty_label=empty or "Choose someone",
                                  error_messages={"required": message,
                                                  "invalid_choice": message})


def active_staff():
    return User.objects.filter(is_active=True).exclude(role="").order_by(
        "last_name", "first_name", "username")


class DateForm(GovukForm):
    on = _date("Figures on", "Enter a date", required=False,
               help_text="Leave blank for today. For example, 31 12 2023")


class PostForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.order_by("name"),
                                  empty_label="Choose a team",
                                  error_messages={"required": "Choose the team",
                                                  "invalid_choice": "Choose the team"})
    reference = forms.CharField(label="Post number", max_length=30,
                                help_text="The number in the council's establishment",
                                error_messages={"required": "Enter the post number"})
    title = forms.CharField(label="Job title", max_length=100,
                            error_messages={"required": "Enter the post's title"})
    grade = _choice("Grade or role", Grade.choices, "Choose the grade", radios=False)
    fte = forms.DecimalField(
        label="Full-time equivalent", max_digits=4, decimal_places=2, min_value=Decimal("0.01"),
        max_value=Decimal("1"), help_text="For example, 1 for full time or 0.8 for four days",
        error_messages={"required": "Enter the full-time equivalent",
                        "invalid": "Enter the full-time equivalent as a number, like 0.8",
                        "min_value": "The full-time equivalent must be more than 0",
                        "max_value": "The full-time equivalent must be at most 1",
                        "max_decimal_places": "Enter the full-time equivalent to no more than "
                                              "2 decimal places",
                        "max_digits": "Enter the full-time equivalent as a number, like 0.8"})
    established_on = _date("Post established on", "Enter the date the post was established")


class HolderForm(GovukForm):
    user = _people("Member of staff", "Choose the member of staff", active_staff(),
                   required=False, empty="Not someone with a Hearth account")
    worker_name = forms.CharField(
        label="Or the name of a worker without a Hearth account", max_length=150,
        required=False, help_text="For example, an agency worker who does not use Hearth yet")
    contract = _choice("Contract", Contract.choices, "Choose permanent or agency")
    start_date = _date("Start date in the post", "Enter the start date")

    def clean(self):
        data = super().clean()
        if not data.get("user") and not (data.get("worker_name") or "").strip():
            self.add_error("user", "Choose the member of staff, or enter the name of a "
                                   "worker without a Hearth account")
        elif data.get("user") and (data.get("worker_name") or "").strip():
            self.add_error("worker_name", "Choose a member of staff or enter a name, not both")
        return data


class LeaverForm(GovukForm):
    end_date = _date("Last day in the post", "Enter their last day in the post")
    leaving_reason = _choice("Why they left", LeavingReason.choices, "Choose why they left")
    note = forms.CharField(label="Notes (optional)", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class AsyeForm(GovukForm):
    started_on = _date("ASYE started on", "Enter the date the ASYE started")
    assessor = _people("Assessor (optional)", "Choose the assessor", active_staff(),
                       required=False, empty="Not known yet")


class AsyeOutcomeForm(GovukForm):
    outcome = _choice("Outcome", AsyeOutcome.choices, "Choose the outcome")
    completed_on = _date("Date of the outcome", "Enter the date of the outcome")


class PostFilterForm(GovukForm):
    on = _date("Posts on", "Enter a date", required=False, help_text="Leave blank for today")
    grade = _choice("Grade", Grade.choices, "Choose a grade", radios=False, required=False)
    contract = _choice("Contract", Contract.choices, "Choose a contract", radios=False,
                       required=False)
    vacant = forms.BooleanField(label="Vacant posts only", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("reference", "Post number"), ("title", "Job title"), ("grade", "Grade"),
        ("-fte", "FTE, largest first"), ("holder", "Holder's surname")])

    def clean_sort(self):
        value = self.cleaned_data.get("sort") or "reference"
        return value if value in POST_SORTS else "reference"


class MovementFilterForm(GovukForm):
    start = _date("From", "Enter a date", required=False)
    end = _date("To", "Enter a date", required=False)
    kind = forms.ChoiceField(label="Starters or leavers", required=False, choices=[
        ("", "Both"), ("starter", "Starters"), ("leaver", "Leavers")])
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.order_by("name"))
    contract = _choice("Contract", Contract.choices, "Choose a contract", radios=False,
                       required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("newest", "Newest first"), ("oldest", "Oldest first"), ("team", "Team")])

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", "The end date must be on or after the start date")
        return data


class StaffSupervisionForm(GovukForm):
    supervised_on = _date("Date of the supervision", "Enter the date of the supervision")
    supervisor = _people("Supervisor", "Choose who gave the supervision", active_staff())
    next_due_on = _date("Next supervision due (optional)", "Enter a date", required=False,
                        help_text="Leave blank for a month later. For example, 27 3 2026")

    def __init__(self, *args, worker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = active_staff().exclude(pk=worker.pk)


class CaseSupervisionForm(GovukForm):
    supervised_on = _date("Date of the supervision", "Enter the date of the supervision")
    supervisor = _people("Supervisor", "Choose who supervised the case", User.objects.none())
    decisions = forms.CharField(
        label="Decisions and actions", max_length=20000,
        help_text="What was decided, the actions, who does them and by when",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the decisions and actions agreed"})

    def __init__(self, *args, supervisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = supervisors


class TimelinessForm(GovukForm):
    on = _date("Timeliness on", "Enter a date", required=False, help_text="Leave blank for today")
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))


class StandardsForm(GovukForm):
    """One number of weeks per level of need."""

    def __init__(self, *args, current: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        for level, label in LevelOfNeed.choices:
            self.fields[level] = forms.IntegerField(
                label=f"{label}: every how many weeks", min_value=1, max_value=26,
                initial=current[level],
                widget=forms.TextInput(attrs={"class": "govuk-input--width-3",
                                              "inputmode": "numeric"}),
                error_messages={"required": f"Enter the weeks for {label.lower()}",
                                "invalid": f"Enter the weeks for {label.lower()} as a number",
                                "min_value": "Enter a number of weeks from 1 to 26",
                                "max_value": "Enter a number of weeks from 1 to 26"})
