"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.governance import figures, selectors
from hearth.governance.codes import (
    ActionStatus,
    AttendanceKind,
    FocusArea,
    InterestKind,
    Rag,
    ResolutionKind,
    TrackerStatus,
    UpdateKind,
)


def _date(label: str, message: str, required: bool = True, help_text: str = "") -> GovukDateField:
    return GovukDateField(label=label, required=required,
                          help_text=help_text or "For example, 18 1 2024",
                          error_messages={"required": message})


def _text(label: str, message: str = "", help_text: str = "", required: bool = True,
          rows: int = 5, max_length: int = 20000) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, help_text=help_text,
                           required=required, widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages={"required": message})


def _line(label: str, message: str = "", help_text: str = "", required: bool = True,
          max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, help_text=help_text,
                           required=required, error_messages={"required": message})


def _time(label: str, help_text: str = "For example, 18:00") -> forms.TimeField:
    return forms.TimeField(label=label, required=False, help_text=help_text,
                           input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
                           widget=forms.TimeInput(format="%H:%M"),
                           error_messages={"invalid": "Enter a time like 18:00"})


def _owner(label: str = "Who follows it up", required: bool = True) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label, queryset=None, required=required,
        empty_label="Choose someone" if required else "Anyone",
        help_text="The member of staff who answers for it in Hearth" if required else "",
        error_messages={"required": "Choose who follows it up",
                        "invalid_choice": "Choose who follows it up"})


class CommitteeForm(GovukForm):
    name = _line("Name of the committee", "Enter the committee's name",
                 "For example, Children's Services Select Committee")


class MeetingForm(GovukForm):
    committee = forms.ModelChoiceField(label="Committee", queryset=None,
                                       empty_label="Choose a committee",
                                       error_messages={"required": "Choose the committee",
                                                       "invalid_choice": "Choose the committee"})
    held_on = _date("Date of the meeting", "Enter the date of the meeting")
    starts_at = _time("Start time (optional)")
    venue = _line("Venue", "Enter the venue", "For example, Committee Room 2, or On Microsoft "
                  "Teams", max_length=300)
    public_attending = forms.IntegerField(
        label="Members of the public present (optional)", required=False, min_value=0,
        max_value=999, error_messages={"invalid": "Enter a whole number",
                                       "min_value": "Enter 0 or more"})
    ended_at = _time("The meeting ended at (optional)", "For example, 19:15")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = selectors.committees()

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ended_at") and data["ended_at"] <= data[
                "starts_at"]:
            self.add_error("ended_at", "The meeting must end after it starts")
        return data


class MeetingChangeForm(MeetingForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["committee"]


class MeetingFilterForm(GovukForm):
    committee = forms.ModelChoiceField(label="Committee", queryset=None, required=False,
                                       empty_label="All committees")
    year = forms.TypedChoiceField(label="Municipal year", required=False, coerce=int,
                                  empty_value=None)
    sort = forms.ChoiceField(label="Sort by", required=False,
                             choices=[("newest", "Newest first"), ("oldest", "Oldest first")])

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = selectors.committees()
        from hearth.governance.rules import municipal_year_label
        self.fields["year"].choices = [("", "Any year")] + [
            (y, municipal_year_label(y)) for y in years]


class AgendaItemForm(GovukForm):
    title = _line("Title of the item", "Enter the item's title",
                  "For example, Corporate Quarterly Performance Report Quarter 3",
                  max_length=500)
    report_author = _line("Report author (optional)", required=False,
                          help_text="Name and role, for example Director of Children's "
                                    "Services")
    report_url = forms.URLField(label="Link to the report (optional)", required=False,
                                max_length=500, assume_scheme="https",
                                error_messages={"invalid": "Enter a web address, like "
                                                           "https://example.org/report"})
    report_text = _text("The report or its summary (optional)", required=False,
                        help_text="Leave blank for a verbal item")


class AttendanceForm(GovukForm):
    kind = forms.ChoiceField(label="Present, apology or officer", choices=AttendanceKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose how they attended"})
    name = _line("Name", "Enter their name")
    position = _line("Role or job title (optional)", required=False,
                     help_text="Chair, Vice-Chair, or an officer's job title")


class DeclarationForm(GovukForm):
    member_name = _line("Member's name", "Enter the member's name")
    kind = forms.ChoiceField(label="Kind of interest", choices=InterestKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose the kind of interest"})
    reason = _line("Reason", "Give the reason for the interest",
                   "For example, engaged as a foster carer for the council", max_length=500)


class MinuteForm(GovukForm):
    title = _line("Heading of the minute", "Enter the minute's heading",
                  "For example, Declarations of Interest", max_length=500)
    agenda_item = forms.ModelChoiceField(label="Agenda item (optional)", queryset=None,
                                         required=False, empty_label="None")
    narrative = _text("What was said (optional)", required=False,
                      help_text="The presentation, and members' questions with the "
                                "responses, as (a), (b) ...", rows=8)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()


class ResolutionForm(GovukForm):
    kind = forms.ChoiceField(label="What the committee resolved", choices=ResolutionKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose what was resolved"})
    text = _text("Resolution", "Enter the resolution",
                 "For example, That the Director of Children's Services be requested to ...",
                 rows=3, max_length=5000)
    responsible = _line("Responsible officer or area", required=False,
                        help_text="For a request: the officer or role asked, as the tracker "
                                  "shows it")
    owner = _owner("Who follows it up in Hearth (for a request)", required=False)
    due_on = _date("Response due (for a request)", "", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.owners()
        self.fields["owner"].empty_label = "Choose someone"

    def clean(self):
        data = super().clean()
        if data.get("kind") == ResolutionKind.REQUEST:
            for name, message in (("responsible", "Enter the responsible officer or area"),
                                  ("owner", "Choose who follows it up"),
                                  ("due_on", "Enter the date a response is due")):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        return data


class TrackerFilterForm(GovukForm):
    status = forms.ChoiceField(label="Status", required=False, choices=[
        (selectors.OPEN, "Open"), (selectors.OVERDUE, "Overdue"),
        (selectors.TO_CHASE, "Due a chase"),
        (selectors.CLOSED, "Closed"), (selectors.ALL, "All")])
    committee = forms.ModelChoiceField(label="Committee", queryset=None, required=False,
                                       empty_label="All committees")
    owner = _owner("Followed up by", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("due", "Response due, earliest first"), ("oldest", "Oldest meeting first"),
        ("newest", "Newest meeting first")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = selectors.committees()
        self.fields["owner"].queryset = selectors.owners()


class TrackerUpdateForm(GovukForm):
    kind = forms.ChoiceField(label="What happened", widget=forms.RadioSelect, choices=[
        (UpdateKind.UPDATE, "An update"), (UpdateKind.CHASED, "Chased for a response"),
        (UpdateKind.CLOSED, "Answered: close the action")],
        error_messages={"required": "Choose what happened"})
    status = forms.ChoiceField(label="Status while open", required=False, choices=[
        (TrackerStatus.OPEN, "Open"), (TrackerStatus.AWAITING, "Awaiting a response")])
    on = _date("Date", "Enter the date")
    note = _text("Status/Notes", help_text="What the tracker will say, for example Briefing "
                 "note to be provided prior to the meeting", required=False, rows=3,
                 max_length=5000)
    due_on = _date("New response date (optional)", "", required=False)


class PlanForm(GovukForm):
    title = _line("Title", "Enter the plan's title", "For example, Children and Young "
                  "People's Plan", max_length=300)
    starts_on = _date("Starts", "Enter the date the plan starts")
    ends_on = _date("Ends", "Enter the date the plan ends")


class PriorityForm(GovukForm):
    name = _line("Priority", "Enter the priority", "For example, Multi-Agency Safeguarding Hub")
    responsible = _line("Responsible officer (role)", "Enter the responsible officer's role")
    to_improve = _text("What do we need to improve?", "Say what needs to improve", rows=3)
    inspectorate_said = _text("What the inspectorate said (optional)", required=False, rows=4,
                              help_text="The finding, quoted")


class ActionForm(GovukForm):
    focus = forms.ChoiceField(label="Area of focus", choices=FocusArea.choices,
                              widget=forms.RadioSelect,
                              error_messages={"required": "Choose the area of focus"})
    text = _text("What we will do", "Say what will be done", rows=3, max_length=5000)
    owner = _owner("Owner")
    due_on = _date("Due by", "Enter the date it is due")
    status = forms.ChoiceField(label="Status", choices=[
        c for c in ActionStatus.choices if c[0] != ActionStatus.COMPLETE],
        widget=forms.RadioSelect, initial=ActionStatus.NOT_STARTED,
        error_messages={"required": "Choose the status"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.owners()


class ActionUpdateForm(GovukForm):
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": "Choose the status"})
    evidence = _text("Evidence of impact", required=False, rows=4, max_length=10000,
                     help_text="An audit, a survey or a figure, and what it shows. Needed to "
                               "mark the action complete")
    completed_on = _date("Date completed (for a complete action)", "", required=False)
    due_on = _date("Due by", "Enter the date it is due")
    owner = _owner("Owner")
    note = _text("Note for the history (optional)", required=False, rows=2, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.owners()


class ActionFilterForm(GovukForm):
    priority = forms.ModelChoiceField(label="Priority", queryset=None, required=False,
                                      empty_label="All priorities")
    rag = forms.ChoiceField(label="RAG", required=False,
                            choices=[("", "Any")] + list(Rag.choices))
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[("", "Any")] + list(ActionStatus.choices))
    owner = _owner("Owner", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("due", "Due date"), ("priority", "Priority"), ("updated", "Last updated")])

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = plan.priorities.all()
        self.fields["owner"].queryset = selectors.owners()


class MeasureForm(GovukForm):
    description = _line("Measure", "Enter the measure", "For example, Contacts decided within "
                        "one working day", max_length=300)
    indicator_code = forms.ChoiceField(label="Hearth indicator (optional)", required=False,
                                       help_text="Shows the indicator's latest figure beside "
                                                 "the target")
    step_1_on = _date("First target: by", "Enter the date of the first target")
    step_1_value = forms.DecimalField(label="First target: value", max_digits=8,
                                      decimal_places=2, error_messages={
                                          "required": "Enter the first target",
                                          "invalid": "Enter a number, like 75"})
    step_2_on = _date("Second target: by (optional)", "", required=False)
    step_2_value = forms.DecimalField(label="Second target: value (optional)", required=False,
                                      max_digits=8, decimal_places=2,
                                      error_messages={"invalid": "Enter a number, like 80"})
    step_3_on = _date("Third target: by (optional)", "", required=False)
    step_3_value = forms.DecimalField(label="Third target: value (optional)", required=False,
                                      max_digits=8, decimal_places=2,
                                      error_messages={"invalid": "Enter a number, like 85"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"].choices = [("", "None")] + figures.indicator_choices()

    def clean(self):
        data = super().clean()
        steps = []
        for n in (1, 2, 3):
            on, value = data.get(f"step_{n}_on"), data.get(f"step_{n}_value")
            if (on is None) != (value is None) and not self.errors.get(f"step_{n}_on") and \
                    not self.errors.get(f"step_{n}_value"):
                self.add_error(f"step_{n}_value" if on else f"step_{n}_on",
                               "Give both the date and the value of this target")
            elif on is not None:
                steps.append((on, value))
        data["steps"] = steps
        return data


class SelfEvaluationForm(GovukForm):
    title = _line("Title", "Enter a title", "For example, Children's Social Care "
                  "Self-Evaluation 2026", max_length=300)
    as_at = _date("Figures as at", "Enter the date of the figures",
                  "Hearth fills in each indicator's latest figure for a period ended by this "
                  "date. For example, 31 3 2026")


class SectionForm(GovukForm):
    what_we_know = _text("What do we know about the quality and impact of practice?",
                         required=False, rows=10, max_length=50000)
    how_we_know = _text("How do we know it?", required=False, rows=10, max_length=50000)
    what_next = _text("What are we going to do over the next 6 months to maintain and "
                      "improve practice?", required=False, rows=10, max_length=50000)
