"""The child's Health and education tab and the forms that record each kind."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from hearth.care import selectors as care_selectors
from hearth.cases.models import TaskKind
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.core.permissions import requires
from hearth.health_education import selectors, services
from hearth.health_education.forms import (
    EducationContactForm,
    HealthCheckForm,
    ImmunisationsForm,
    PepForm,
    SdqForm,
)
from hearth.people.record_views import record_context

SECTION = "health_education"


def _tab_url(person_uuid) -> str:
    return reverse("health_education:child_health_education", args=[person_uuid])


# Where each task is done, and the permission that records it.
RECORD_FOR_TASK = {
    TaskKind.INITIAL_HEALTH_ASSESSMENT: ("record_health_check", "initial", "record_health"),
    TaskKind.REVIEW_HEALTH_ASSESSMENT: ("record_health_check", "review", "record_health"),
    TaskKind.DENTAL_CHECK: ("record_health_check", "dental", "record_health"),
    TaskKind.SDQ: ("record_sdq", "", "record_health"),
    TaskKind.PERSONAL_EDUCATION_PLAN: ("record_pep", "", "record_education"),
}


def _task_rows(request, child, tasks, *, period_open: bool) -> list[dict]:
    rows = []
    for task, status in tasks:
        url_name, kind, permission = RECORD_FOR_TASK[task.kind]
        url = ""
        if period_open and request.user.has_perm(f"health_education.{permission}"):
            url = reverse(f"health_education:{url_name}", args=[child.uuid])
            url += f"?kind={kind}" if kind else ""
        rows.append({"task": task, "status": status, "record_url": url})
    return rows


@requires("people.view_child")
def child_health_education_view(request, person_uuid):
    context = record_context(request, person_uuid, SECTION)
    child = context["person"]
    today = clock.today()
    period = care_selectors.care_period_latest_for(child)
    year_end = selectors.last_year_end(today)
    tasks = _task_rows(request, child, selectors.open_tasks(period, today=today),
                       period_open=period is not None and period.is_open)
    context.update(period=period, tasks=tasks, today=today,
                   oc2=selectors.oc2_facts(child, year_end=year_end) if period else None,
                   school_age=selectors.school_age(child), **selectors.records_for(period))
    return render(request, "health_education/child_health_education.html", context)


def _form_page(request, person_uuid, *, form_class, title, done, save, initial):
    context = record_context(request, person_uuid, SECTION)
    period = care_selectors.care_period_open_for(context["person"])
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and period is not None and form.is_valid():
        try:
            save(period, form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, done)
            return redirect("health_education:child_health_education", person_uuid)
    context.update(form=form, period=period, form_title=title, submit_label=title,
                   cancel_url=_tab_url(person_uuid))
    return render(request, "health_education/form_page.html", context)


@requires("health_education.record_health")
def record_health_check_view(request, person_uuid):
    return _form_page(
        request, person_uuid, form_class=HealthCheckForm,
        title="Record a health assessment or dental check", done="The check was recorded",
        initial={"done_on": clock.today(), "kind": request.GET.get("kind", "")},
        save=lambda period, data: services.health_check_record(
            period=period, actor=request.user, **data))


@requires("health_education.record_health")
def record_immunisations_view(request, person_uuid):
    return _form_page(
        request, person_uuid, form_class=ImmunisationsForm, title="Record immunisations",
        done="The immunisation status was recorded", initial={"as_at": clock.today()},
        save=lambda period, data: services.immunisations_record(
            period=period, actor=request.user, **data))


@requires("health_education.record_health")
def record_sdq_view(request, person_uuid):
    return _form_page(
        request, person_uuid, form_class=SdqForm,
        title="Record a strengths and difficulties questionnaire",
        done="The questionnaire was recorded", initial={"completed_on": clock.today()},
        save=lambda period, data: services.sdq_record(
            period=period, actor=request.user, **data))


@requires("health_education.record_education")
def record_pep_view(request, person_uuid):
    return _form_page(
        request, person_uuid, form_class=PepForm, title="Record a personal education plan",
        done="The PEP was recorded", initial={"held_on": clock.today()},
        save=lambda period, data: services.pep_record(
            period=period, actor=request.user, **data))


@requires("health_education.record_education")
def record_education_contact_view(request, person_uuid):
    return _form_page(
        request, person_uuid, form_class=EducationContactForm,
        title="Record school or Virtual School contact", done="The contact was recorded",
        initial={"contacted_on": clock.today()},
        save=lambda period, data: services.education_contact_record(
            period=period, actor=request.user, **data))
