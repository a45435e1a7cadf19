"""Assessments over the API: the same access helpers, services and audit as the pages.

Reading a child's assessments is audited as PERSON_EXPORTED (how: "api assessments"); each
write is audited by its service. A child the caller may not see, or an assessment of another
child, is a 404.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.assessments import selectors, services
from hearth.assessments.access import access_assessment
from hearth.assessments.api_serializers import (
    AssessmentChangeSerializer,
    AssessmentSerializer,
    AuthorisationSerializer,
    ContributionSerializer,
    NewAssessmentSerializer,
)
from hearth.assessments.models import Assessment
from hearth.core import clock
from hearth.people import access
from hearth.people import services as people_services
from hearth.workingdays.selectors import current_calendar

LIST_OR_START = requires_per_method(GET="people.view_child",
                                    POST="assessments.record_assessment")
READ_OR_UPDATE = requires_per_method(GET="people.view_child",
                                     PATCH="assessments.record_assessment")
RECORD = requires("assessments.record_assessment")
AUTHORISE = requires("assessments.authorise_assessment")
TAGS = ["assessments"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def _row(assessment: Assessment) -> selectors.AssessmentRow:
    return selectors.AssessmentRow(assessment, selectors.assessment_status(
        assessment, today=clock.today(), calendar=current_calendar()))


def _assessment_of(request: Request, person_uuid: uuid.UUID, assessment_id: int) -> Assessment:
    child = access.access_person(request.user, person_uuid)
    return access_assessment(child=child, assessment_id=assessment_id)


class AssessmentsView(ApiView):
    permission_classes = [LIST_OR_START]
    hearth_permission = LIST_OR_START.label

    @extend_schema(operation_id="assessments_list", tags=TAGS,
                   summary="A child's assessments, newest first, with their status today",
                   responses={**READ, 200: AssessmentSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        rows = selectors.assessment_list_for_child(child, today=clock.today(),
                                                   calendar=current_calendar())
        people_services.person_exported(actor=request.user, person=child, how="api assessments")
        return Response(AssessmentSerializer(rows, many=True).data)

    @extend_schema(operation_id="assessments_create", tags=TAGS,
                   summary="Start an assessment on one of the child's open referrals",
                   request=NewAssessmentSerializer, responses={**WRITE, 201: AssessmentSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = NewAssessmentSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        values = dict(form.validated_data)
        referral = selectors.referrals_open_for_assessment(child).filter(
            pk=values.pop("referral")).first()
        if referral is None:
            raise serializers.ValidationError(
                {"referral": ["Give the id of one of the child's open referrals"]})
        assessment, error = run_service(lambda: services.assessment_start(
            referral=referral, actor=request.user, **values))
        return error or Response(AssessmentSerializer(_row(assessment)).data,
                                 status=status.HTTP_201_CREATED)


class AssessmentView(ApiView):
    permission_classes = [READ_OR_UPDATE]
    hearth_permission = READ_OR_UPDATE.label

    @extend_schema(operation_id="assessments_retrieve", tags=TAGS, summary="One assessment",
                   responses={**READ, 200: AssessmentSerializer})
    def get(self, request: Request, person_uuid: uuid.UUID, assessment_id: int) -> Response:
        assessment = _assessment_of(request, person_uuid, assessment_id)
        people_services.person_exported(actor=request.user, person=assessment.child,
                                        how="api assessment")
        return Response(AssessmentSerializer(_row(assessment)).data)

    @extend_schema(operation_id="assessments_partial_update", tags=TAGS,
                   summary="Change what the worker records (refused once authorised)",
                   request=AssessmentChangeSerializer,
                   responses={**WRITE, 200: AssessmentSerializer})
    def patch(self, request: Request, person_uuid: uuid.UUID, assessment_id: int) -> Response:
        assessment = _assessment_of(request, person_uuid, assessment_id)
        form = AssessmentChangeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        saved, error = run_service(lambda: services.assessment_update(
            assessment=assessment, actor=request.user, **form.validated_data))
        return error or Response(AssessmentSerializer(_row(saved)).data)


class AssessmentAuthorisationView(ApiView):
    permission_classes = [AUTHORISE]
    hearth_permission = AUTHORISE.label

    @extend_schema(operation_id="assessments_authorise", tags=TAGS,
                   summary="Authorise a completed assessment and record its outcome",
                   request=AuthorisationSerializer,
                   responses={**WRITE, 200: AssessmentSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, assessment_id: int) -> Response:
        assessment = _assessment_of(request, person_uuid, assessment_id)
        form = AuthorisationSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        saved, error = run_service(lambda: services.assessment_authorise(
            assessment=assessment, actor=request.user, **form.validated_data))
        return error or Response(AssessmentSerializer(_row(saved)).data)


class AssessmentContributionsView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="assessments_contributions_create", tags=TAGS,
                   summary="Add a partner agency's contribution to an assessment",
                   request=ContributionSerializer,
                   responses={**WRITE, 201: ContributionSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, assessment_id: int) -> Response:
        assessment = _assessment_of(request, person_uuid, assessment_id)
        form = ContributionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        contribution, error = run_service(lambda: services.assessment_contribution_add(
            assessment=assessment, actor=request.user, **form.validated_data))
        return error or Response(ContributionSerializer(contribution).data,
                                 status=status.HTTP_201_CREATED)
