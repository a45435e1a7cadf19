"""The child's record sections the case spine owns: tasks, case notes and visits."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render

from hearth.cases import services
from hearth.cases.models import CaseNote, StatutoryTask
from hearth.cases.rules import task_status
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.forms import GovukDateField, GovukForm
from hearth.core.permissions import requires
from hearth.people.record_views import record_context
from hearth.workingdays.selectors import current_calendar


class CaseNoteForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of note", choices=CaseNote.Kind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Select the kind of note"})
    occurred_on = GovukDateField(label="Date", error_messages={"required": "Enter the date"})
    subject = forms.CharField(label="Subject", max_length=150,
                              error_messages={"required": "Enter a subject"})
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 10}),
                           max_length=20000, error_messages={"required": "Write the note"})
    is_decision = forms.BooleanField(label="This records a manager's decision", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.has_perm("cases.record_management_decision"):
            del self.fields["is_decision"]


@requires("people.view_child")
def child_tasks_view(request, person_uuid):
    context = record_context(request, person_uuid, "tasks")
    today, calendar = clock.today(), current_calendar()
    tasks = StatutoryTask.objects.filter(child=context["person"]).select_related(
        "worker", "closed_by")
    context["open_tasks"] = [(t, task_status(t.due_on, today=today, calendar=calendar))
                             for t in tasks if t.closed_at is None]
    context["done_tasks"] = sorted((t for t in tasks if t.closed_at is not None),
                                   key=lambda t: t.closed_on or t.due_on, reverse=True)
    return render(request, "cases/child_tasks.html", context)


@requires("cases.view_case_notes")
def child_case_notes_view(request, person_uuid):
    context = record_context(request, person_uuid, "notes")
    child = context["person"]
    context["notes"] = child.case_notes.select_related("author")
    context["visits"] = child.visits.select_related("visited_by")
    return render(request, "cases/child_case_notes.html", context)


@requires("cases.add_case_note")
def add_case_note_view(request, person_uuid):
    context = record_context(request, person_uuid, "notes")
    form = CaseNoteForm(request.POST or None, user=request.user,
                        initial={"occurred_on": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_note_add(child=context["person"], actor=request.user,
                                   **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "The case note was saved")
            return redirect("cases:child_case_notes", person_uuid)
    context["form"] = form
    return render(request, "cases/case_note_form.html", context)
