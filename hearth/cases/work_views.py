"""My work, My team and Service: open statutory tasks by due date, with their status."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render

from hearth.accounts.models import Team, User
from hearth.cases import worklists
from hearth.cases.models import TaskKind
from hearth.cases.rules import TaskStatus, task_status
from hearth.cases.selectors import worker_caseloads
from hearth.cases.work_sources import other_work_for
from hearth.core import clock
from hearth.core.forms import GovukForm
from hearth.core.paging import query_params
from hearth.core.permissions import requires
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

PAGE_SIZE = 50


class WorklistFilterForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))
    worker = forms.ModelChoiceField(label="Worker", required=False, empty_label="Everyone",
                                    queryset=User.objects.none())
    kind = forms.ChoiceField(label="Task", required=False,
                             choices=[("", "All tasks"), *TaskKind.choices])
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[("", "Any status"),
                                        *((s.value, s.label) for s in TaskStatus)])

    def __init__(self, *args, scope: str, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        if scope != "service":
            del self.fields["team"]
        team_id = getattr(team, "pk", None) or self._chosen_team_id()
        if scope == "mine" or team_id is None:
            # The Service list chooses a team first: every worker of every team (hundreds in a
            # large authority) is too long a list to choose from, and to render.
            del self.fields["worker"]
            if scope == "service":
                self.fields["team"].help_text = "Choose a team to filter by worker"
        else:
            self.fields["worker"].queryset = (User.objects.filter(is_active=True, team_id=team_id)
                                              .order_by("last_name", "first_name"))

    def _chosen_team_id(self) -> int | None:
        chosen = self.data.get("team", "") if self.is_bound else ""
        return int(chosen) if str(chosen).isdigit() else None


def _worklist(request, *, scope: str, title: str, team=None, worker=None):
    form = WorklistFilterForm(request.GET or None, scope=scope, team=team)
    data = form.cleaned_data if form.is_valid() else {}
    today, calendar = clock.today(), current_calendar()
    filters = worklists.WorklistFilters(
        team_id=getattr(team, "pk", None) or getattr(data.get("team"), "pk", None),
        worker_id=getattr(worker, "pk", None) or getattr(data.get("worker"), "pk", None),
        kind=data.get("kind") or "", status=data.get("status") or "")
    visible = Person.objects.visible_to(request.user)
    tasks = worklists.open_tasks(visible_children=visible, filters=filters, today=today,
                                 calendar=calendar)
    unfiltered_status = worklists.WorklistFilters(filters.team_id, filters.worker_id,
                                                  filters.kind)
    counts = worklists.status_counts(
        worklists.open_tasks(visible_children=visible, filters=unfiltered_status, today=today,
                             calendar=calendar), today=today, calendar=calendar)
    paginator = Paginator(worklists.rows_of(tasks), PAGE_SIZE)
    # The counts already cover every task listed, filtered by status or not: no second COUNT.
    paginator.count = (counts[TaskStatus(filters.status)] if filters.status
                       else sum(counts.values()))
    page = paginator.get_page(request.GET.get("page"))
    rows = [(task, task_status(task.due_on, today=today, calendar=calendar)) for task in page]
    people_services.people_listed(actor=request.user, people=[t.child for t in page],
                                  where=f"worklist: {title}")
    return render(request, "cases/worklist.html", {
        "title": title, "scope": scope, "form": form, "page_obj": page, "rows": rows,
        "counts": counts, "statuses": list(TaskStatus), "team": team, "today": today,
        "caseloads": worker_caseloads(team=team) if team is not None else None,
        "other_work": _other_work(request.user, today, calendar) if scope == "mine" else [],
        "query_params": query_params(request),
    })


def _other_work(user, today, calendar):
    return [(item, task_status(item.due_on, today=today, calendar=calendar))
            for item in other_work_for(user, today=today)]


@requires("cases.view_my_work")
def my_work_view(request):
    return _worklist(request, scope="mine", title="My work", worker=request.user)


@requires("cases.view_team_work")
def team_work_view(request):
    team = request.user.team
    if team is None or not team.holds_cases:
        chosen = request.GET.get("for_team")
        team = (Team.objects.filter(pk=chosen, holds_cases=True).first()
                if chosen and chosen.isdigit() else None)
    if team is None:
        return render(request, "cases/choose_team.html",
                      {"teams": Team.objects.filter(holds_cases=True)})
    return _worklist(request, scope="team", title=f"{team}: team work", team=team)


@requires("cases.view_service_work")
def service_work_view(request):
    return _worklist(request, scope="service", title="Service work")
