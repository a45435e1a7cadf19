"""Children in care over the API: the same access helpers, services and audit as the pages.

Reading a child's periods is audited as PERSON_EXPORTED (how: "api care periods"); each write
is audited by its service. A child the caller may not see, or a period of another child, is a
404.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, record_with, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.care import selectors, services
from hearth.care.access import access_care_period
from hearth.care.api_serializers import (
    CareEndSerializer,
    CareEpisodeChangeSerializer,
    CareEpisodeSerializer,
    CareIroAllocationSerializer,
    CarePeriodSerializer,
    ClaReviewSerializer,
    NewCarePeriodSerializer,
)
from hearth.care.models import CarePeriod
from hearth.core import clock
from hearth.people import access
from hearth.people import services as people_services
from hearth.workingdays.selectors import current_calendar

LIST_OR_START = requires_per_method(GET="people.view_child", POST="care.record_care")
RECORD = requires("care.record_care")
ALLOCATE = requires("care.allocate_iro")
REVIEW = requires("care.record_cla_review")
TAGS = ["children in care"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}
PLACEMENT_FIELDS = ("placement_type", "provision", "placement_postcode", "provider_type",
                    "urn", "home_postcode", "intended_until_18", "head_of_service_agreed")


def _period_of(request: Request, person_uuid: uuid.UUID, period_id: int) -> CarePeriod:
    child = access.access_person(request.user, person_uuid)
    return access_care_period(child=child, period_id=period_id)


def _summary(period: CarePeriod) -> selectors.PeriodSummary:
    return selectors.care_period_summary(period, today=clock.today(),
                                         calendar=current_calendar())


def _placement(data: dict) -> services.Placement:
    return services.Placement(**{f: data[f] for f in PLACEMENT_FIELDS})


class CarePeriodsView(ApiView):
    permission_classes = [LIST_OR_START]
    hearth_permission = LIST_OR_START.label

    @extend_schema(operation_id="care_periods_list", tags=TAGS,
                   summary="A child's periods of care, the open one first",
                   responses={**READ, 200: CarePeriodSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        periods = selectors.care_period_list_for_child(child, today=clock.today(),
                                                       calendar=current_calendar())
        people_services.person_exported(actor=request.user, person=child,
                                        how="api care periods")
        return Response(CarePeriodSerializer(periods, many=True).data)

    @extend_schema(operation_id="care_periods_create", tags=TAGS,
                   summary="The child becomes looked after: a period and its first episode",
                   request=NewCarePeriodSerializer,
                   responses={**WRITE, 201: CarePeriodSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = NewCarePeriodSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        period, error = run_service(lambda: services.care_period_start(
            child=child, started_on=data["started_on"], legal_status=data["legal_status"],
            category_of_need=data["category_of_need"], placement=_placement(data),
            actor=request.user))
        return error or Response(CarePeriodSerializer(_summary(period)).data,
                                 status=status.HTTP_201_CREATED)


class EpisodeChangeView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="care_episodes_create", tags=TAGS,
                   summary="A change of legal status or placement: ends the current episode "
                           "and starts the next",
                   request=CareEpisodeChangeSerializer,
                   responses={**WRITE, 201: CareEpisodeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, care_period_id: int) -> Response:
        period = _period_of(request, person_uuid, care_period_id)
        form = CareEpisodeChangeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        episode, error = run_service(lambda: services.episode_change(
            period=period, changed_on=data["changed_on"], legal_status=data["legal_status"],
            category_of_need=data["category_of_need"], placement=_placement(data),
            same_carers=data["same_carers"], reason_place_change=data["reason_place_change"],
            actor=request.user))
        return error or Response(CareEpisodeSerializer(episode).data,
                                 status=status.HTTP_201_CREATED)


class CareEndView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="care_periods_end", tags=TAGS,
                   summary="The child ceases to be looked after (closes every open task)",
                   request=CareEndSerializer, responses={**WRITE, 200: CarePeriodSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, care_period_id: int) -> Response:
        period = _period_of(request, person_uuid, care_period_id)
        form = CareEndSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        ended, error = run_service(lambda: services.care_end(
            period=period, actor=request.user, **form.validated_data))
        return error or Response(CarePeriodSerializer(_summary(ended)).data)


class AllocateIroView(ApiView):
    permission_classes = [ALLOCATE]
    hearth_permission = ALLOCATE.label

    @extend_schema(operation_id="care_periods_allocate_iro", tags=TAGS,
                   summary="Allocate (or change) the period's IRO",
                   request=CareIroAllocationSerializer,
                   responses={**WRITE, 200: CarePeriodSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, care_period_id: int) -> Response:
        period = _period_of(request, person_uuid, care_period_id)
        form = CareIroAllocationSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        iro = selectors.iro_list().filter(username=form.validated_data["iro"]).first()
        if iro is None:
            raise serializers.ValidationError(
                {"iro": ["Give the username of an active independent reviewing officer"]})
        allocated, error = run_service(lambda: services.iro_allocate(
            period=period, iro=iro, allocated_on=form.validated_data["allocated_on"],
            actor=request.user))
        return error or Response(CarePeriodSerializer(_summary(allocated)).data)


class CareReviewsView(ApiView):
    permission_classes = [REVIEW]
    hearth_permission = REVIEW.label

    @extend_schema(operation_id="care_periods_reviews_create", tags=TAGS,
                   summary="Record a looked-after review chaired by the calling IRO (moves the "
                           "review clock)",
                   request=ClaReviewSerializer, responses={**WRITE, 201: ClaReviewSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, care_period_id: int) -> Response:
        period = _period_of(request, person_uuid, care_period_id)
        return record_with(request, ClaReviewSerializer, lambda data: services.cla_review_record(
            period=period, chair=request.user, actor=request.user, **data))


