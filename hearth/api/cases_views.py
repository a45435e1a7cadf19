"""Caseload figures per team, and the children a team holds."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.accounts.models import Team
from hearth.api.base import ApiView, Pager, paged
from hearth.api.cases_serializers import (
    CaseloadQuerySerializer,
    CaseloadRowSerializer,
    TeamFiguresSerializer,
)
from hearth.api.permissions import requires, requires_any
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.cases import selectors
from hearth.people import services as people_services
from hearth.people.models import Person

FIGURES = requires_any("cases.view_caseload_figures", "cases.view_team_caseload")
CASELOAD = requires("cases.view_team_caseload")


class TeamsView(ApiView):
    permission_classes = [FIGURES]
    hearth_permission = FIGURES.label

    @extend_schema(operation_id="teams_list", tags=["teams"],
                   summary="Caseload figures for every team that holds cases (no names)",
                   responses={**REFUSALS, 200: TeamFiguresSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(TeamFiguresSerializer(selectors.team_figures_list(), many=True).data)


class TeamCaseloadView(ApiView):
    permission_classes = [CASELOAD]
    pagination_class = Pager
    hearth_permission = CASELOAD.label

    @extend_schema(operation_id="teams_caseload_list", tags=["teams"],
                   summary="The children a team holds now",
                   description="Each child returned is audited as CHILD_LISTED. Restricted "
                               "records you are not on the list for are left out.",
                   parameters=[CaseloadQuerySerializer],
                   responses={**REFUSALS, 200: CaseloadRowSerializer(many=True),
                              400: FIELD_ERRORS, 404: NOT_FOUND})
    def get(self, request: Request, team_id: int) -> Response:
        team = _case_holding_team(team_id)
        query = CaseloadQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        rows = selectors.team_caseload(
            team=team, visible_children=Person.objects.visible_to(request.user),
            worker_id=_worker_id(team, query.validated_data["worker"]),
            unallocated_only=query.validated_data["unallocated"],
            sort=query.validated_data["sort"])
        page, respond = paged(request, self, rows)
        people_services.people_listed(actor=request.user, people=[a.child for a in page],
                                      where=f"api team caseload: {team}")
        return respond(CaseloadRowSerializer(page, many=True).data)


def _case_holding_team(team_id: int) -> Team:
    team = Team.objects.filter(pk=team_id, holds_cases=True).first()
    if team is None:
        raise Http404("No team that holds cases has this id")
    return team


def _worker_id(team: Team, username: str) -> int | None:
    if not username:
        return None
    worker = team.members.filter(username=username).first()
    if worker is None:
        raise serializers.ValidationError({"worker": [f"No one in {team} has this username"]})
    return worker.pk
