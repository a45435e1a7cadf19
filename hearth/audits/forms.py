"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError

from hearth.accounts.models import Team
from hearth.audits import selectors
from hearth.audits.codes import AuditStatus, Grade, ProgrammeKind, ProgrammeStatus
from hearth.core.forms import GovukDateField, GovukForm
from hearth.people.models import Person

MAX_TEXT = 10000


def _date(label: str, message: str, required: bool = True, help_text: str = "") -> GovukDateField:
    return GovukDateField(label=label, required=required,
                          help_text=help_text or "For example, 27 3 2026",
                          error_messages={"required": message})


def _text(label: str, message: str = "", help_text: str = "", required: bool = True,
          rows: int = 4) -> forms.CharField:
    return forms.CharField(label=label, max_length=MAX_TEXT, help_text=help_text,
                           required=required, widget=forms.Textarea(attrs={"rows": rows}),
                           error_messages={"required": message})


def _choice(label: str, queryset_message: str, help_text: str = "",
            empty_label: str = "Choose someone") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=None, help_text=help_text,
                                  empty_label=empty_label,
                                  error_messages={"required": queryset_message,
                                                  "invalid_choice": queryset_message})


SERVICE_CHOICES = [(c, label) for c, label in Team.Service.choices]


class ProgrammeForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of audit", choices=ProgrammeKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose the kind of audit"})
    title = forms.CharField(label="Title", max_length=200,
                            help_text="For example, Practice learning audit: June 2026",
                            error_messages={"required": "Enter a title"})
    theme = forms.CharField(label="Theme (optional)", max_length=200, required=False,
                            help_text="For a themed audit: pre-birth, disabled children, SMART "
                                      "plans")
    starts_on = _date("Period starts", "Enter the date the period starts")
    ends_on = _date("Period ends", "Enter the date the period ends")
    services = forms.MultipleChoiceField(
        label="Services covered", choices=SERVICE_CHOICES, widget=forms.CheckboxSelectMultiple,
        required=False, help_text="Choose all that apply, or choose teams below")
    teams = forms.ModelMultipleChoiceField(
        label="Teams covered", queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose teams from the list",
                        "invalid_pk_value": "Choose teams from the list"})
    tool_version = _choice("Audit tool", "Choose the audit tool",
                           "The questions every audit in the programme answers",
                           empty_label="Choose a tool")
    status = forms.ChoiceField(label="Status", choices=ProgrammeStatus.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": "Choose the status"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = selectors.teams()
        self.fields["tool_version"].queryset = selectors.tool_versions()

    def clean(self):
        data = super().clean()
        if ("services" in data and "teams" in data and not data["services"]
                and not data["teams"]):
            self.add_error("services", "Choose the services or teams the programme covers")
        return data


class ChildIdField(forms.CharField):
    """One LA child ID: a child's record the user may see."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 50)
        super().__init__(*args, **kwargs)
        self.user = None

    def clean(self, value):
        text = (super().clean(value) or "").strip()
        try:
            return Person.objects.visible_to(self.user).get(la_child_id=text, is_child=True)
        except (Person.DoesNotExist, Person.MultipleObjectsReturned, DjangoValidationError):
            raise forms.ValidationError("No child's record with the LA child ID %(id)s: check "
                                        "the ID on the child's record", params={"id": text},
                                        code="unknown") from None


class StartAuditForm(GovukForm):
    programme = _choice("Programme", "Choose the programme", empty_label="Choose a programme")
    child = ChildIdField(label="Child's LA child ID",
                         help_text="On the child's record, under their name",
                         error_messages={"required": "Enter the child's LA child ID"})
    audited_on = _date("Date of the audit", "Enter the date of the audit",
                       help_text="The worker and team audited are the child's allocation on "
                                 "this date. For example, 27 3 2026")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = selectors.open_programmes()
        self.fields["child"].user = user


GRADE_CHOICES = Grade.choices


class RecordAuditForm(GovukForm):
    """A grade and a comment for every question of the audit's tool version, grouped by
    section; the overall grade, findings and who took part. Saving as a draft accepts gaps;
    completing needs every grade."""

    overall_grade = forms.ChoiceField(label="Overall grade for the case", required=False,
                                      choices=GRADE_CHOICES, widget=forms.RadioSelect)
    findings = _text("Summary of findings", required=False, rows=5,
                     help_text="What is working well, what needs to change")
    child_family_views = _text("Views of the child and family (optional)", required=False,
                               rows=3, help_text="If they were asked during the audit")
    worker_took_part = forms.BooleanField(label="The worker took part (the audit "
                                                "conversation)", required=False)
    manager_took_part = forms.BooleanField(label="The manager took part (moderation)",
                                           required=False)

    def __init__(self, *args, sections, complete: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.complete = complete
        self.questions = [q for s in sections for q in s.questions.all()]
        for question in self.questions:
            self.fields[f"q{question.pk}_grade"] = forms.ChoiceField(
                label=question.text, required=False, choices=GRADE_CHOICES,
                widget=forms.RadioSelect, help_text=question.guidance)
            self.fields[f"q{question.pk}_comment"] = _text("Comment", required=False, rows=2)
        # Fields in order: questions first, then the overall grade and the rest.
        order = [f"q{q.pk}_{part}" for q in self.questions for part in ("grade", "comment")]
        self.order_fields(order)
        self.sections = [(s, [(q, self[f"q{q.pk}_grade"], self[f"q{q.pk}_comment"])
                              for q in s.questions.all()]) for s in sections]

    def clean(self):
        data = super().clean()
        if self.complete:
            for question in self.questions:
                name = f"q{question.pk}_grade"
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, "Grade this question, or save the audit as a draft")
            if not data.get("overall_grade") and "overall_grade" not in self.errors:
                self.add_error("overall_grade", "Choose the overall grade")
            if not (data.get("findings") or "").strip() and "findings" not in self.errors:
                self.add_error("findings", "Summarise what the audit found")
        return data

    def answers(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {q.pk: (data.get(f"q{q.pk}_grade") or "", data.get(f"q{q.pk}_comment") or "")
                for q in self.questions}


class ActionForm(GovukForm):
    description = _text("What needs to be done", "Say what needs to be done", rows=3)
    owner = _choice("Who will do it", "Choose who will do it",
                    "The worker or manager audited, usually")
    due_on = _date("Due date", "Enter the due date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.action_owners()


class FinishActionForm(GovukForm):
    done_on = _date("Date it was done", "Enter the date it was done")
    evidence = _text("Evidence", "Say what was done and where the evidence is",
                     "What was done, and where to see it: a case note, the updated plan")


class CancelActionForm(GovukForm):
    reason = _text("Reason it is no longer needed", "Give the reason the action is cancelled",
                   rows=3)


class DeepDiveForm(GovukForm):
    service = forms.ChoiceField(label="Service", choices=[("", "Choose a service")],
                                error_messages={"required": "Choose the service",
                                                "invalid_choice": "Choose the service"})
    held_on = _date("Date of the deep dive", "Enter the date of the deep dive")
    lead = _choice("Who led it", "Choose who led it")
    findings = _text("What it found", "Say what the deep dive found",
                     "Progress against the Practice Framework and Participation Strategy, and "
                     "what will change")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [("", "Choose a service"),
                                          *selectors.services_to_cover()]
        self.fields["lead"].queryset = selectors.deep_dive_leads()


def _optional(label: str, choices, blank: str = "Any") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=[("", blank), *choices])


def _optional_model(label: str, blank: str = "Any") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=None, required=False,
                                  empty_label=blank)


class AuditFilterForm(GovukForm):
    programme = _optional_model("Programme")
    team = _optional_model("Team")
    status = _optional("Status", AuditStatus.choices)
    grade = _optional("Overall grade", GRADE_CHOICES)
    sort = forms.ChoiceField(label="Sort by", required=False,
                             choices=selectors.AUDIT_SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = selectors.programme_list()
        self.fields["team"].queryset = selectors.teams()


class ProgrammeFilterForm(GovukForm):
    kind = _optional("Kind", ProgrammeKind.choices)
    status = _optional("Status", ProgrammeStatus.choices)
    sort = forms.ChoiceField(label="Sort by", required=False,
                             choices=selectors.PROGRAMME_SORT_CHOICES)


class ActionFilterForm(GovukForm):
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[*selectors.ACTION_STATUS_CHOICES, ("", "All")])
    owner = _optional_model("Owner", "Anyone")
    team = _optional_model("Team")
    sort = forms.ChoiceField(label="Sort by", required=False,
                             choices=selectors.ACTION_SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.action_owners()
        self.fields["team"].queryset = selectors.teams()


class ReportFilterForm(GovukForm):
    programme = _optional_model("Programme")
    team = _optional_model("Team")
    date_from = _date("Audited from", "", required=False)
    date_to = _date("Audited to", "", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = selectors.programme_list()
        self.fields["team"].queryset = selectors.teams()

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The end date must be on or after the start date")
        return data


def parse_tool_text(text: str) -> list[tuple[str, list[str]]]:
    """'# Section' lines start a section; every other non-blank line is one of its questions."""
    sections: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            sections.append((line.lstrip("#").strip(), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            raise forms.ValidationError("Start with a section title on a line beginning with #")
    return sections


def tool_text(sections) -> str:
    return "\n".join(f"# {s.title}\n" + "\n".join(q.text for q in s.questions.all())
                     for s in sections)


class ToolVersionForm(GovukForm):
    tool_name = forms.CharField(label="Tool name", max_length=200,
                                error_messages={"required": "Enter the tool's name"})
    note = forms.CharField(label="What changed", max_length=500, required=False,
                           help_text="For the version history")
    questions = _text("Sections and questions", "Enter the sections and their questions",
                      "One per line. Begin a section's title with #, then list its questions "
                      "on the lines below it. Audits already graded keep their version",
                      rows=20)

    def clean_questions(self):
        sections = parse_tool_text(self.cleaned_data["questions"])
        if not sections or any(not questions for _t, questions in sections):
            raise forms.ValidationError("Give every section at least one question")
        if any(len(t) > 200 for t, _q in sections) or any(
                len(q) > 500 for _t, qs in sections for q in qs):
            raise forms.ValidationError("Keep section titles to 200 characters and questions "
                                        "to 500")
        return sections
