"""A looked-after child's permanence and the prospective adopters over the API: the same access
helpers, services, permissions and audit as the pages.

Reading a child's permanence is audited as PERSON_EXPORTED (how: "api permanence"); each write
is audited by its service. A child the caller may not see, or a record of another child, is a
404; a write for a child who is not looked after now is a 400 naming why. The adopters' list is
audited as ADOPTERS_LISTED and a household read as ADOPTER_HOUSEHOLD_VIEWED, as on the pages.
"""

import uuid
from collections.abc import Callable

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, Pager, paged, record_with
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.care import selectors as care_selectors
from hearth.care.api_writes import period_write_view
from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.people import access
from hearth.people import services as people_services
from hearth.permanence import api_serializers as s
from hearth.permanence import selectors, services
from hearth.permanence.forms import HouseholdListForm
from hearth.permanence.models import (
    AdopterHousehold,
    AdoptionDecision,
    Reunification,
    SpecialGuardianship,
)

READ_ONE = requires("people.view_child")
RECORD = requires("permanence.record_permanence")
DECIDE = requires("permanence.record_adoption_decision")
ADOPTERS = requires_per_method(GET="permanence.view_adopters",
                               POST="permanence.manage_adopters")
ADOPTER = requires("permanence.view_adopters")
MANAGE_ADOPTERS = requires("permanence.manage_adopters")
TAGS = ["permanence"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def _records(child) -> dict:
    today = clock.today()
    period = care_selectors.care_period_latest_for(child)
    records = selectors.records_for(period, today=today)
    task = selectors.plan_task(period, today=today)
    return {"care_period_id": getattr(period, "pk", None),
            "looked_after": period is not None and period.is_open,
            "current_plan": records["current_plan"],
            "days_in_stage": records.get("days_in_stage"),
            "plan_by_second_review": records["by_second_review"],
            "plan_due": None if task is None else {
                "due_on": task[0].due_on,
                "status": {"code": task[1].value, "label": task[1].label}},
            "plans": records["plans"], "panels": records["panels"],
            "adoption_decisions": records["decisions"],
            "special_guardianships": records["sgos"],
            "long_term_matches": records["matches"],
            "reunifications": records["reunifications"],
            "previous_permanence": records["previous"]}


def _on_field(save: Callable, *fields: str):
    """The services name a step's own field (matched_on, order_on...); the API's step bodies
    call the date `on`: the message goes there."""
    try:
        return save()
    except DomainError as error:
        if error.field in fields:
            raise DomainError(error.message, field="on") from None
        raise


def _childs(model, pk: int, child):
    """A record of this child, or a 404."""
    record = model.objects.filter(pk=pk, child=child).first()
    if record is None:
        raise Http404("No such record")
    return record


# ---- the child's permanence -------------------------------------------------------------------

class PermanenceView(ApiView):
    permission_classes = [READ_ONE]
    hearth_permission = READ_ONE.label

    @extend_schema(operation_id="permanence_read", tags=TAGS,
                   summary="The child's permanence for their latest period of care: the current "
                           "plan and its history, panels, adoption, special guardianship, "
                           "long-term matches, return home and previous permanence",
                   responses={**READ, 200: s.PermanenceSerializer})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        data = s.PermanenceSerializer(_records(child)).data
        people_services.person_exported(actor=request.user, person=child, how="api permanence")
        return Response(data)


PlansView = period_write_view(
    "PlansView", records="permanence", tags=TAGS, permission=RECORD,
    serializer_class=s.PermanencePlanSerializer, service=services.plan_record,
    operation_id="permanence_plans_create",
    summary="Agree the permanence plan, or change the plan type (the current "
            "plan ends that day; closes the plan task)")


StageView = period_write_view(
    "StageView", records="permanence", tags=TAGS, permission=RECORD,
    serializer_class=s.PermanenceStageSerializer, service=services.stage_change,
    answer_with=s.PermanencePlanSerializer,
    operation_id="permanence_stage_change",
    summary="Move the current plan to a new stage")


PanelsView = period_write_view(
    "PanelsView", records="permanence", tags=TAGS, permission=RECORD,
    serializer_class=s.PermanencePanelSerializer, service=services.panel_record,
    operation_id="permanence_panels_create",
    summary="Record a permanence panel or meeting")


AdoptionDecisionsView = period_write_view(
    "AdoptionDecisionsView", records="permanence", tags=TAGS, permission=DECIDE,
    serializer_class=s.AdoptionDecisionSerializer, service=services.adoption_decision_record,
    operation_id="adoption_decisions_create",
    summary="Record the agency decision maker's decision that the child should "
            "be placed for adoption")


class AdoptionStepsView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="adoption_steps_create", tags=TAGS,
                   summary="Record a step of the adoption: placement order, fostering for "
                           "adoption, match (with the adopters), placed, adoption order, or "
                           "the decision reversed (with its reason)",
                   request=s.AdoptionStepSerializer,
                   responses={**WRITE, 201: s.AdoptionDecisionSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, decision_id: int) -> Response:
        child = access.access_person(request.user, person_uuid)
        decision = _childs(AdoptionDecision, decision_id, child)

        def save(data):
            household = None
            if data["household"] is not None:
                household = AdopterHousehold.objects.filter(pk=data["household"]).first()
                if household is None:
                    raise DomainError("There are no prospective adopters with this id",
                                      field="household")
            return _on_field(lambda: services.adoption_step_record(
                decision=decision, step=data["step"], on=data["on"], household=household,
                reason=data["reversed_reason"], actor=request.user), data["step"])

        return record_with(request, s.AdoptionStepSerializer, save,
                           answer_with=s.AdoptionDecisionSerializer)


SgosView = period_write_view(
    "SgosView", records="permanence", tags=TAGS, permission=RECORD,
    serializer_class=s.SgoSerializer, service=services.sgo_assessment_start,
    operation_id="special_guardianships_create",
    summary="Start a special guardianship assessment")


class SgoStepsView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="special_guardianship_steps_create", tags=TAGS,
                   summary="Complete the special guardianship assessment, or record the order",
                   request=s.SgoStepSerializer, responses={**WRITE, 201: s.SgoSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, sgo_id: int) -> Response:
        child = access.access_person(request.user, person_uuid)
        sgo = _childs(SpecialGuardianship, sgo_id, child)
        return record_with(request, s.SgoStepSerializer, lambda data: _on_field(
            lambda: services.sgo_step_record(sgo=sgo, step=data["step"], on=data["on"],
                                             actor=request.user), data["step"]),
            answer_with=s.SgoSerializer)


LongTermMatchesView = period_write_view(
    "LongTermMatchesView", records="permanence", tags=TAGS, permission=RECORD,
    serializer_class=s.PermanenceLongTermMatchSerializer, service=services.long_term_match_record,
    operation_id="long_term_matches_create",
    summary="Record a long-term fostering match (ends the previous one)")


ReunificationsView = period_write_view(
    "ReunificationsView", records="permanence", tags=TAGS, permission=RECORD,
    serializer_class=s.PermanenceReunificationSerializer, service=services.reunification_record,
    operation_id="reunifications_create",
    summary="Record that the child returned home under the plan")


class DischargeView(ApiView):
    permission_classes = [RECORD]
    hearth_permission = RECORD.label

    @extend_schema(operation_id="reunifications_discharge", tags=TAGS,
                   summary="Record the discharge of the care order after a return home",
                   request=s.PermanenceDischargeSerializer,
                   responses={**WRITE, 201: s.PermanenceReunificationSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, reunification_id: int) -> Response:
        child = access.access_person(request.user, person_uuid)
        reunification = _childs(Reunification, reunification_id, child)
        return record_with(request, s.PermanenceDischargeSerializer, lambda data:
                           services.discharge_record(
                               reunification=reunification,
                               discharged_on=data["care_order_discharged_on"],
                               actor=request.user),
                           answer_with=s.PermanenceReunificationSerializer)


PreviousPermanenceView = period_write_view(
    "PreviousPermanenceView", records="permanence", tags=TAGS, permission=RECORD,
    serializer_class=s.PreviousPermanenceSerializer, service=services.previous_permanence_record,
    operation_id="previous_permanence_create",
    summary="Record the permanence order the child had before this period of "
            "care (903 PrevPerm; once per period)")


# ---- prospective adopters ---------------------------------------------------------------------

def _household(household_id: int) -> AdopterHousehold:
    household = AdopterHousehold.objects.prefetch_related("adopters").filter(
        pk=household_id).first()
    if household is None:
        raise Http404("No such prospective adopters")
    return household


def _adopter_fields(save: Callable):
    """The service names the pages' fields (adopter1_name...): the API's body has `adopters`."""
    try:
        return save()
    except DomainError as error:
        if (error.field or "").startswith("adopter"):
            raise DomainError(error.message, field="adopters") from None
        raise


class AdoptersView(ApiView):
    pagination_class = Pager
    permission_classes = [ADOPTERS]
    hearth_permission = ADOPTERS.label

    @extend_schema(operation_id="adopter_households_list", tags=TAGS,
                   summary="Prospective adopters' households (paged), with the list page's "
                           "filters",
                   parameters=[OpenApiParameter("status", str, description="assessment, "
                                                "approved or left"),
                               OpenApiParameter("sort", str, description="enquiry, reference "
                                                "or approved")],
                   responses={**REFUSALS, 400: FIELD_ERRORS,
                              200: s.AdopterHouseholdSerializer(many=True)})
    def get(self, request: Request) -> Response:
        form = HouseholdListForm(request.query_params or None)
        if request.query_params and not form.is_valid():
            return Response({k: list(v) for k, v in form.errors.items()},
                            status=status.HTTP_400_BAD_REQUEST)
        data = form.cleaned_data if form.is_bound else {}
        found = selectors.households(status=data.get("status", ""),
                                     sort=data.get("sort") or "enquiry")
        page, respond = paged(request, self, found)
        Auditor(request.user).record("ADOPTERS_LISTED", detail={
            "households": [h.pk for h in page], "where": "api",
            **{k: v for k, v in data.items() if v}})
        return respond(s.AdopterHouseholdSerializer(page, many=True).data)

    @extend_schema(operation_id="adopter_households_create", tags=TAGS,
                   summary="Add prospective adopters at their enquiry (one or two adopters)",
                   request=s.AdopterHouseholdSerializer,
                   responses={**WRITE, 201: s.AdopterHouseholdSerializer})
    def post(self, request: Request) -> Response:
        return record_with(request, s.AdopterHouseholdSerializer, lambda data: _adopter_fields(
            lambda: services.household_add(
                legal_status=data["legal_status"], enquiry_on=data["enquiry_on"],
                fostering_for_adoption=data["fostering_for_adoption"],
                adopters=[dict(a) for a in data["adopters"]], note=data["note"],
                actor=request.user)))


class AdopterView(ApiView):
    permission_classes = [ADOPTER]
    hearth_permission = ADOPTER.label

    @extend_schema(operation_id="adopter_households_read", tags=TAGS,
                   summary="One household of prospective adopters and its stages",
                   responses={**READ, 200: s.AdopterHouseholdSerializer})
    def get(self, request: Request, adopters_id: int) -> Response:
        household = _household(adopters_id)
        services.household_viewed(actor=request.user, household=household)
        return Response(s.AdopterHouseholdSerializer(household).data)


class AdopterStagesView(ApiView):
    permission_classes = [MANAGE_ADOPTERS]
    hearth_permission = MANAGE_ADOPTERS.label

    @extend_schema(operation_id="adopter_households_stages_create", tags=TAGS,
                   summary="Record a stage of the adopters' assessment (in order)",
                   request=s.AdopterStageSerializer,
                   responses={**WRITE, 201: s.AdopterHouseholdSerializer})
    def post(self, request: Request, adopters_id: int) -> Response:
        household = _household(adopters_id)
        return record_with(request, s.AdopterStageSerializer, lambda data: _on_field(
            lambda: services.household_stage_record(household=household, step=data["step"],
                                                    on=data["on"], actor=request.user),
            data["step"]), answer_with=s.AdopterHouseholdSerializer)


class AdopterLeaveView(ApiView):
    permission_classes = [MANAGE_ADOPTERS]
    hearth_permission = MANAGE_ADOPTERS.label

    @extend_schema(operation_id="adopter_households_leave", tags=TAGS,
                   summary="Record that the adopters left the adoption process",
                   request=s.AdopterLeaveSerializer,
                   responses={**WRITE, 201: s.AdopterHouseholdSerializer})
    def post(self, request: Request, adopters_id: int) -> Response:
        household = _household(adopters_id)
        return record_with(request, s.AdopterLeaveSerializer, lambda data:
                           services.household_leave(household=household,
                                                    left_on=data["left_on"],
                                                    reason=data["left_reason"],
                                                    actor=request.user),
                           answer_with=s.AdopterHouseholdSerializer)

