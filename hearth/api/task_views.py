"""Statutory task lists: the same worklists as /work/, for the caller, a team or the service."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.accounts.models import Team
from hearth.api.base import ApiView, Pager, paged
from hearth.api.cases_serializers import CaseloadChildSerializer
from hearth.api.permissions import requires_any
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.cases import worklists
from hearth.cases.models import TaskKind
from hearth.cases.rules import TaskStatus, task_status
from hearth.core import clock
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

SCOPE_PERMISSIONS = {
    "mine": "cases.view_my_work",
    "team": "cases.view_team_work",
    "service": "cases.view_service_work",
}
ANY_WORKLIST = requires_any(*SCOPE_PERMISSIONS.values())


class TaskQuerySerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=sorted(SCOPE_PERMISSIONS), default="mine",
                                    help_text="Whose tasks: yours, a team's or the service's.")
    team = serializers.IntegerField(required=False, help_text="Team id (scope team or service;"
                                    " team defaults to your own team).")
    kind = serializers.ChoiceField(choices=TaskKind.choices, required=False,
                                   help_text="Only tasks of this kind.")
    status = serializers.ChoiceField(choices=[s.value for s in TaskStatus], required=False,
                                     help_text="Only tasks in this status today.")


class TaskSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.CharField(read_only=True, help_text="The kind of task (code).")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    due_on = serializers.DateField(read_only=True)
    status = serializers.SerializerMethodField(help_text="overdue, due_today, due_soon or "
                                               "on_track, from the due date and today.")
    child = CaseloadChildSerializer(read_only=True)
    team = serializers.CharField(source="team.name", read_only=True, allow_null=True)
    worker = serializers.CharField(source="worker.username", read_only=True, allow_null=True,
                                   help_text="The child's allocated worker (username).")
    assignee = serializers.CharField(
        source="assignee.username", read_only=True, allow_null=True,
        help_text="Who the task is for when not the allocated worker (username), or null.")
    rule = serializers.CharField(read_only=True, help_text="The rule that set the due date.")

    def get_status(self, task) -> str:
        return task_status(task.due_on, today=self.context["today"],
                           calendar=self.context["calendar"]).value


class TasksView(ApiView):
    permission_classes = [ANY_WORKLIST]
    pagination_class = Pager
    hearth_permission = ANY_WORKLIST.label

    @extend_schema(operation_id="tasks_list", tags=["tasks"],
                   summary="Open statutory tasks, soonest due first",
                   description="Each child listed is audited as CHILD_LISTED. Restricted records "
                               "you are not on the list for are left out.",
                   parameters=[TaskQuerySerializer],
                   responses={**REFUSALS, 200: TaskSerializer(many=True), 400: FIELD_ERRORS,
                              404: NOT_FOUND})
    def get(self, request: Request) -> Response:
        query = TaskQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = _filters(request.user, query.validated_data)
        today, calendar = clock.today(), current_calendar()
        tasks = worklists.open_tasks(visible_children=Person.objects.visible_to(request.user),
                                     filters=filters, today=today, calendar=calendar)
        page, respond = paged(request, self, tasks)
        people_services.people_listed(actor=request.user, people=[t.child for t in page],
                                      where=f"api tasks: {query.validated_data['scope']}")
        context = {"today": today, "calendar": calendar}
        return respond(TaskSerializer(page, many=True, context=context).data)


def _filters(user, data: dict) -> worklists.WorklistFilters:
    scope = data["scope"]
    if not user.has_perm(SCOPE_PERMISSIONS[scope]):
        raise PermissionDenied(f"Your role cannot see {scope} tasks.")
    kind, status = data.get("kind", ""), data.get("status", "")
    if scope == "mine":
        return worklists.WorklistFilters(worker_id=user.pk, kind=kind, status=status)
    team_id = data.get("team") or (user.team_id if scope == "team" else None)
    if scope == "team" and team_id is None:
        raise serializers.ValidationError({"team": ["Give the team's id"]})
    if team_id and not Team.objects.filter(pk=team_id, holds_cases=True).exists():
        raise Http404("No team that holds cases has this id")
    return worklists.WorklistFilters(team_id=team_id, kind=kind, status=status)
