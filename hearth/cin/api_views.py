"""Child in need plans over the API: the same access helpers, services and audit as the pages.

Reading a child's plans is audited as PERSON_EXPORTED (how: "api cin plans"); each write is
audited by its service. A child the caller may not see, or a plan of another child, is a 404.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, record_with, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.cin import selectors, services
from hearth.cin.access import access_cin_plan
from hearth.cin.api_serializers import (
    CinPlanSerializer,
    EndCinPlanSerializer,
    NewCinPlanSerializer,
    ReviewSerializer,
    VisitSerializer,
)
from hearth.cin.models import CinPlan
from hearth.core import clock
from hearth.people import access
from hearth.people import services as people_services
from hearth.workingdays.selectors import current_calendar

LIST_OR_START = requires_per_method(GET="people.view_child", POST="cin.record_cin_plan")
RECORD = requires("cin.record_cin_plan")
VISIT = requires("cases.record_visit")
TAGS = ["child in need"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def _plan_of(request: Request, person_uuid: uuid.UUID, plan_id: int) -> CinPlan:
    child = access.access_person(request.user, person_uuid)
    return access_cin_plan(child=child, plan_id=plan_id)


def _summary(plan: CinPlan) -> selectors.PlanSummary:
    summaries = selectors.cin_plan_list_for_child(plan.child, today=clock.today(),
                                                  calendar=current_calendar())
    return next(s for s in summaries if s.plan.pk == plan.pk)


class CinPlansView(ApiView):
    permission_classes = [LIST_OR_START]
    hearth_permission = LIST_OR_START.label

    @extend_schema(operation_id="cin_plans_list", tags=TAGS,
                   summary="A child's child in need plans, the open one first",
                   responses={**READ, 200: CinPlanSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        plans = selectors.cin_plan_list_for_child(child, today=clock.today(),
                                                  calendar=current_calendar())
        people_services.person_exported(actor=request.user, person=child, how="api cin plans")
        return Response(CinPlanSerializer(plans, many=True).data)

    @extend_schema(operation_id="cin_plans_create", tags=TAGS,
                   summary="Start a child in need plan on one of the child's open referrals",
                   request=NewCinPlanSerializer, responses={**WRITE, 201: CinPlanSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = NewCinPlanSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        referral = selectors.referrals_open_for_plan(child).filter(
            pk=form.validated_data["referral"]).first()
        if referral is None:
            raise serializers.ValidationError(
                {"referral": ["Give the id of one of the child's open referrals"]})
        plan, error = run_service(lambda: services.cin_plan_start(
            referral=referral, started_on=form.validated_data["started_on"],
            actor=request.user))
        return error or Response(CinPlanSerializer(_summary(plan)).data,
                                 status=status.HTTP_201_CREATED)


class CinPlanReviewsView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="cin_plans_reviews_create", tags=TAGS,
                   summary="Record a review of an open plan (restarts the review clock)",
                   request=ReviewSerializer, responses={**WRITE, 201: ReviewSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, plan_id: int) -> Response:
        plan = _plan_of(request, person_uuid, plan_id)
        return record_with(request, ReviewSerializer, lambda data: services.cin_plan_review(
            plan=plan, actor=request.user, **data))


class CinPlanVisitsView(ApiView):
    permission_classes = [VISIT]
    hearth_permission = VISIT.label

    @extend_schema(operation_id="cin_plans_visits_create", tags=TAGS,
                   summary="Record a visit under an open plan",
                   request=VisitSerializer, responses={**WRITE, 201: VisitSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, plan_id: int) -> Response:
        plan = _plan_of(request, person_uuid, plan_id)
        return record_with(request, VisitSerializer, lambda data: services.cin_plan_visit(
            plan=plan, actor=request.user, **data))


class CinPlanEndView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="cin_plans_end", tags=TAGS,
                   summary="End a plan (closes its review and visit tasks)",
                   request=EndCinPlanSerializer, responses={**WRITE, 200: CinPlanSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, plan_id: int) -> Response:
        plan = _plan_of(request, person_uuid, plan_id)
        form = EndCinPlanSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        ended, error = run_service(lambda: services.cin_plan_end(
            plan=plan, actor=request.user, **form.validated_data))
        return error or Response(CinPlanSerializer(_summary(ended)).data)
