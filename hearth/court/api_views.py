"""Legal cases over the API: the same access helpers, services and audit as the pages.

Reading a child's cases is audited as PERSON_EXPORTED (how: "api legal cases"); each write is
audited by its service. A child the caller may not see, or a case the child is not part of, is
a 404.
"""

import uuid

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, run_service
from hearth.api.permissions import requires
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.core import clock
from hearth.court import api_serializers as s
from hearth.court import selectors, services
from hearth.court.access import access_legal_case
from hearth.court.models import LegalCase
from hearth.court.views import chairs
from hearth.people import access
from hearth.people import services as people_services
from hearth.people.models import Person

VIEW = requires("people.view_child")
PANEL = requires("court.record_legal_gateway_panel")
PRE = requires("court.record_pre_proceedings")
COURT = requires("court.record_proceedings")
TAGS = ["Court"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def _cases(child) -> list[LegalCase]:
    return [summary.legal_case for summary in selectors.cases_for_child(child,
                                                                        today=clock.today())]


class LegalCasesView(ApiView):
    permission_classes = [VIEW]
    hearth_permission = VIEW.label

    @extend_schema(operation_id="court_legal_cases_list", tags=TAGS,
                   summary="A child's pre-proceedings and care proceedings, open ones first",
                   responses={**READ, 200: s.CourtLegalCaseSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        people_services.person_exported(actor=request.user, person=child, how="api legal cases")
        return Response(s.CourtLegalCaseSerializer(_cases(child), many=True).data)


class PanelView(ApiView):
    permission_classes = [PANEL]
    hearth_permission = PANEL.label

    @extend_schema(operation_id="court_legal_gateway_panels_create", tags=TAGS,
                   summary="Record a Legal Gateway Panel's decision about the child and any "
                           "siblings (pre-proceedings or issue opens a case)",
                   request=s.CourtPanelSerializer,
                   responses={**WRITE, 201: s.CourtPanelShownSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = s.CourtPanelSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        chair = chairs().filter(pk=data["chair"]).first()
        if chair is None:
            raise serializers.ValidationError({"chair": ["Give the id of a manager who can "
                                                         "chair the panel"]})
        visible = Person.objects.visible_to(request.user)
        siblings = list(visible.filter(uuid__in=data["siblings"]))
        if len(siblings) != len(set(data["siblings"])):
            raise serializers.ValidationError({"siblings": ["One of the siblings was not "
                                                            "found"]})
        panel, error = run_service(lambda: services.panel_record(
            lead_child=child, siblings=siblings, held_on=data["held_on"],
            decision=data["decision"], chair=chair, reasons=data["reasons"],
            actor=request.user))
        return error or Response(s.CourtPanelShownSerializer(panel).data,
                                 status=status.HTTP_201_CREATED)


def _step(service, serializer_class, permission, summary: str, operation: str):
    """A POST that records one step of a case through its service and shows the case."""

    class StepView(ApiView):
        permission_classes = [permission]
        hearth_permission = permission.label

        @extend_schema(operation_id=f"court_legal_cases_{operation}", tags=TAGS,
                       summary=summary, request=serializer_class,
                       responses={**WRITE, 200: s.CourtLegalCaseSerializer})
        def post(self, request: Request, person_uuid: uuid.UUID,
                 legal_case_id: int) -> Response:
            child = access.access_person(request.user, person_uuid)
            legal_case = access_legal_case(child=child, legal_case_id=legal_case_id)
            form = serializer_class(data=request.data)
            form.is_valid(raise_exception=True)
            _, error = run_service(lambda: service(legal_case=legal_case, actor=request.user,
                                                   **form.validated_data))
            if error:
                return error
            fresh = next(c for c in _cases(child) if c.pk == legal_case.pk)
            return Response(s.CourtLegalCaseSerializer(fresh).data)

    StepView.__name__ = StepView.__qualname__ = f"Court{operation.title().replace('_', '')}View"
    return StepView


STEPS = {
    "letter": _step(services.letter_before_proceedings_send, s.CourtLetterSerializer, PRE,
                    "Record the letter before proceedings", "letter"),
    "meetings": _step(services.pre_proceedings_meeting_record, s.CourtMeetingInSerializer, PRE,
                      "Record a pre-proceedings or FGDM meeting", "meetings"),
    "outcome": _step(services.pre_proceedings_outcome_record, s.CourtOutcomeSerializer, PRE,
                     "Record the outcome of pre-proceedings", "outcome"),
    "application": _step(services.application_record, s.CourtApplicationSerializer, COURT,
                         "Record the application (starts the 26 weeks)", "application"),
    "hearings": _step(services.hearing_record, s.CourtHearingInSerializer, COURT,
                      "Record a hearing and the next one", "hearings"),
    "interim-orders": _step(services.interim_order_record, s.CourtInterimOrderSerializer, COURT,
                            "Record an interim order", "interim_orders"),
    "extensions": _step(services.extension_record, s.CourtExtensionInSerializer, COURT,
                        "Record an extension of the 26 weeks (up to 8 weeks)", "extensions"),
    "final-order": _step(services.final_order_record, s.CourtFinalOrderSerializer, COURT,
                         "Record the final order (ends the proceedings)", "final_order"),
}


class CensusModuleView(ApiView):
    permission_classes = [VIEW]
    hearth_permission = VIEW.label

    @extend_schema(operation_id="court_pre_proceedings_census", tags=TAGS,
                   summary="The child's CIN census 2026/27 PreProceedingsandFGDM blocks for a "
                           "collection year",
                   parameters=[OpenApiParameter("year", int, description="The year the "
                                                "collection starts (1 April), e.g. 2026")],
                   responses={**READ, 200: dict})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        try:
            year = int(request.query_params.get("year", ""))
        except ValueError:
            raise serializers.ValidationError({"year": ["Give the year the collection starts, "
                                                        "for example 2026"]}) from None
        people_services.person_exported(actor=request.user, person=child,
                                        how="api pre-proceedings census")
        return Response(selectors.census_pre_proceedings(child, year=year))
