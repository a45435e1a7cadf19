"""Missing episodes and return home interviews over the API: the same access helpers, services
and audit as the pages.

Reading a child's episodes is audited as PERSON_EXPORTED (how: "api missing episodes"); each
write is audited by its service. A child the caller may not see, or an episode of another
child, is a 404.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, record_with, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.missing import reports, selectors, services
from hearth.missing.access import access_missing_episode
from hearth.missing.api_serializers import (
    EpisodeSerializer,
    NewEpisodeSerializer,
    NewInterviewSerializer,
    NewPoliceNotificationSerializer,
    OfferSerializer,
    PoliceNotificationResultSerializer,
    ReportQuerySerializer,
    ReportSerializer,
    ReturnSerializer,
)
from hearth.missing.models import MissingEpisode
from hearth.people import access
from hearth.people import services as people_services

LIST_OR_RECORD = requires_per_method(GET="people.view_child",
                                     POST="missing.record_missing_episode")
READ_ONE = requires("people.view_child")
RETURN = requires("missing.record_missing_episode")
INTERVIEW = requires("missing.record_return_interview")
POLICE = requires("missing.record_police_notification")
REPORT = requires("missing.view_missing_report")
TAGS = ["missing children"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def _episode_of(request: Request, person_uuid: uuid.UUID,
                missing_episode_id: int) -> MissingEpisode:
    child = access.access_person(request.user, person_uuid)
    return access_missing_episode(child=child, missing_episode_id=missing_episode_id)


def _shown(episode: MissingEpisode, code: int = status.HTTP_200_OK) -> Response:
    summary = selectors.missing_episode_summary(episode, now=clock.now())
    return Response(EpisodeSerializer(summary).data, status=code)


class MissingEpisodesView(ApiView):
    permission_classes = [LIST_OR_RECORD]
    hearth_permission = LIST_OR_RECORD.label

    @extend_schema(operation_id="missing_episodes_list", tags=TAGS,
                   summary="A child's missing episodes, newest first, with their interviews",
                   responses={**READ, 200: EpisodeSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        episodes = selectors.missing_episode_list_for_child(child, now=clock.now())
        people_services.person_exported(actor=request.user, person=child,
                                        how="api missing episodes")
        return Response(EpisodeSerializer(episodes, many=True).data)

    @extend_schema(operation_id="missing_episodes_create", tags=TAGS,
                   summary="Record a missing episode (with a return time, ended)",
                   request=NewEpisodeSerializer, responses={**WRITE, 201: EpisodeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = NewEpisodeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        episode, error = run_service(lambda: services.missing_episode_record(
            child=child, actor=request.user, **form.validated_data))
        return error or _shown(episode, status.HTTP_201_CREATED)


class MissingEpisodeView(ApiView):
    permission_classes = [READ_ONE]
    hearth_permission = READ_ONE.label

    @extend_schema(operation_id="missing_episodes_read", tags=TAGS,
                   summary="One missing episode with its offers and interview",
                   responses={**READ, 200: EpisodeSerializer})
    def get(self, request: Request, person_uuid: uuid.UUID, missing_episode_id: int) -> Response:
        episode = _episode_of(request, person_uuid, missing_episode_id)
        people_services.person_exported(actor=request.user, person=episode.child,
                                        how="api missing episode")
        return _shown(episode)


class MissingEpisodeReturnView(ApiView):
    permission_classes = [RETURN]
    hearth_permission = RETURN.label

    @extend_schema(operation_id="missing_episodes_return", tags=TAGS,
                   summary="Record the child's return (starts the 72-hour interview clock)",
                   request=ReturnSerializer, responses={**WRITE, 200: EpisodeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, missing_episode_id: int) -> Response:
        episode = _episode_of(request, person_uuid, missing_episode_id)
        form = ReturnSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        done, error = run_service(lambda: services.missing_episode_record_return(
            episode=episode, actor=request.user, **form.validated_data))
        return error or _shown(done)


class InterviewOffersView(ApiView):
    permission_classes = [INTERVIEW]
    hearth_permission = INTERVIEW.label

    @extend_schema(operation_id="missing_episodes_offers_create", tags=TAGS,
                   summary="Record an offer of a return home interview (up to 3)",
                   request=OfferSerializer, responses={**WRITE, 201: OfferSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, missing_episode_id: int) -> Response:
        episode = _episode_of(request, person_uuid, missing_episode_id)
        return record_with(request, OfferSerializer, lambda data: services.return_interview_offer(
            episode=episode, actor=request.user, **data))


class ReturnInterviewView(ApiView):
    permission_classes = [INTERVIEW]
    hearth_permission = INTERVIEW.label

    @extend_schema(operation_id="missing_episodes_interview_create", tags=TAGS,
                   summary="Record the interview as held, or as declined after an offer",
                   request=NewInterviewSerializer, responses={**WRITE, 201: EpisodeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, missing_episode_id: int) -> Response:
        episode = _episode_of(request, person_uuid, missing_episode_id)
        form = NewInterviewSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        if data.pop("outcome") == "held":
            data.pop("declined_on")
            save = lambda: services.return_interview_hold(  # noqa: E731
                episode=episode, actor=request.user, **data)
        else:
            save = lambda: services.return_interview_decline(  # noqa: E731
                episode=episode, actor=request.user, declined_on=data["declined_on"],
                note=data["note"])
        _interview, error = run_service(save)
        return error or _shown(episode, status.HTTP_201_CREATED)


class PoliceNotificationsView(ApiView):
    permission_classes = [POLICE]
    hearth_permission = POLICE.label

    @extend_schema(operation_id="missing_police_notifications_create", tags=TAGS,
                   summary="Record a police missing-person notification: it creates an episode "
                           "or is linked to the one covering that time",
                   request=NewPoliceNotificationSerializer,
                   responses={**WRITE, 201: PoliceNotificationResultSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = NewPoliceNotificationSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        notification, error = run_service(
            lambda: services.missing_episode_from_police_notification(
                child=child, actor=request.user, **form.validated_data))
        if error:
            return error
        body = dict(PoliceNotificationResultSerializer(notification).data)
        body["episode"] = EpisodeSerializer(selectors.missing_episode_summary(
            notification.episode, now=clock.now())).data
        return Response(body, status=status.HTTP_201_CREATED)


class MissingReportView(ApiView):
    permission_classes = [REPORT]
    hearth_permission = REPORT.label

    @extend_schema(operation_id="missing_report", tags=TAGS,
                   summary="Missing episodes and return home interviews by team (figures only)",
                   parameters=[ReportQuerySerializer],
                   responses={**REFUSALS, 400: FIELD_ERRORS, 200: ReportSerializer})
    def get(self, request: Request) -> Response:
        query = ReportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        filters = reports.report_filters(today=clock.today(), start=data["start"],
                                         end=data["end"], team_id=data["team"],
                                         kind=data["missing_or_away"])
        rows, total = reports.team_figures(filters)
        Auditor(request.user).record("MISSING_REPORT_VIEWED", detail={
            "start": str(filters.start), "end": str(filters.end), "team": filters.team_id})
        return Response(ReportSerializer({
            "start": filters.start, "end": filters.end, "total": total,
            "teams": [{"team": {"id": r.figures.team_id, "name": r.team_name}
                       if r.figures.team_id else None, "figures": r.figures} for r in rows],
        }).data)
