"""Care leavers over the API: the same access helpers, services and audit as the pages.

Reading a young person's care leaver record is audited as PERSON_EXPORTED (how: "api care
leaver"); the list as CHILD_LISTED; each write by its service. A young person the caller may
not see is a 404, and so is a write about one who is not recorded as a care leaver.
"""

import uuid

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.accounts.models import User
from hearth.api.base import ApiView, Pager, paged, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.leaving_care import api_serializers as s
from hearth.leaving_care import selectors, services
from hearth.leaving_care.access import access_entitlement
from hearth.leaving_care.filters import list_filters
from hearth.people import access
from hearth.people import services as people_services
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

RECORD_PERMISSION = "leaving_care.record_care_leaver"
READ_OR_RECORD = requires_per_method(GET="people.view_child", POST=RECORD_PERMISSION)
TAGS = ["care leavers"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}
LIST_PARAMETERS = [
    OpenApiParameter("adviser", int, description="Only this personal adviser's (user id)."),
    OpenApiParameter("category", str, description="Only this category (eligible, relevant, "
                                                  "former_relevant, qualifying)."),
    OpenApiParameter("in_touch", str, description="Only this latest 903 IN_TOUCH code."),
    OpenApiParameter("overdue", bool, description="Only those with something overdue."),
    OpenApiParameter("waiting", bool, description="Only those waiting for an adviser."),
    OpenApiParameter("sort", str, description="name, age, last_contact, next_contact or "
                                              "next_review."),
]


def _summary(child) -> selectors.CareLeaverSummary | None:
    return selectors.care_leaver_summary(child, today=clock.today(),
                                         calendar=current_calendar())


def _care_leaver_of(request: Request, person_uuid: uuid.UUID):
    child = access.access_person(request.user, person_uuid)
    care_leaver = selectors.care_leaver_for(child)
    if care_leaver is None:
        raise Http404("This young person is not recorded as a care leaver")
    return care_leaver


class CareLeaverView(ApiView):
    permission_classes = [READ_OR_RECORD]
    hearth_permission = READ_OR_RECORD.label

    @extend_schema(operation_id="care_leaver_read", tags=TAGS,
                   summary="A young person's care leaver record (404 if they are not one)",
                   responses={**READ, 200: s.CareLeaverSerializer})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        summary = _summary(child)
        if summary is None:
            raise Http404("This young person is not recorded as a care leaver")
        people_services.person_exported(actor=request.user, person=child, how="api care leaver")
        return Response(s.CareLeaverSerializer(summary).data)

    @extend_schema(operation_id="care_leaver_create", tags=TAGS,
                   summary="Record a young person as a care leaver",
                   request=s.NewCareLeaverSerializer,
                   responses={**WRITE, 201: s.CareLeaverSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = s.NewCareLeaverSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        _, error = run_service(lambda: services.care_leaver_record(
            child=child, actor=request.user, **form.validated_data))
        return error or Response(s.CareLeaverSerializer(_summary(child)).data,
                                 status=status.HTTP_201_CREATED)


def _adviser(data: dict) -> dict:
    adviser = User.objects.filter(username=data.pop("adviser"), is_active=True).first()
    if adviser is None or adviser.pk not in set(selectors.personal_advisers()
                                                .values_list("pk", flat=True)):
        raise serializers.ValidationError({"adviser": ["Give the username of a practitioner "
                                                       "who can be a personal adviser"]})
    return {**data, "adviser": adviser}


def _plan_review(care_leaver, actor, data):
    plan = getattr(care_leaver, "pathway_plan", None)
    if plan is None:
        raise DomainError("Record the pathway plan before a review of it")
    return services.pathway_plan_review(plan=plan, actor=actor, **data)


def _action(name: str, summary: str, request_serializer, call, permission=RECORD_PERMISSION,
            prepare=None):
    """A POST about an existing care leaver: validate, call the service, answer the record."""
    permission_class = requires(permission)

    class ActionView(ApiView):
        permission_classes = [permission_class]
        hearth_permission = permission_class.label

        @extend_schema(operation_id=f"care_leaver_{name}", tags=TAGS, summary=summary,
                       request=request_serializer, responses={**WRITE, 200: s.CareLeaverSerializer})
        def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
            care_leaver = _care_leaver_of(request, person_uuid)
            form = request_serializer(data=request.data)
            form.is_valid(raise_exception=True)
            data = prepare(dict(form.validated_data)) if prepare else dict(form.validated_data)
            _, error = run_service(lambda: call(care_leaver, request.user, data))
            return error or Response(s.CareLeaverSerializer(_summary(care_leaver.child)).data)

    ActionView.__name__ = ActionView.__qualname__ = f"CareLeaver{name.title()}View"
    return ActionView


CategoryView = _action(
    "category", "Change the eligibility category from a date", s.CategoryChangeSerializer,
    lambda cl, actor, d: services.care_leaver_category_change(care_leaver=cl, actor=actor, **d))
AdviserView = _action(
    "adviser", "Allocate the personal adviser", s.PersonalAdviserSerializer,
    lambda cl, actor, d: services.personal_adviser_allocate(care_leaver=cl, actor=actor, **d),
    permission="leaving_care.allocate_personal_adviser", prepare=_adviser)
NeedsAssessmentView = _action(
    "needs_assessment", "Record the pathway needs assessment", s.NeedsAssessmentSerializer,
    lambda cl, actor, d: services.needs_assessment_record(care_leaver=cl, actor=actor, **d))
PathwayPlanView = _action(
    "pathway_plan", "Record the pathway plan (opens the review clock)", s.PathwayPlanSerializer,
    lambda cl, actor, d: services.pathway_plan_agree(care_leaver=cl, actor=actor, **d))
ReviewView = _action("review", "Record a pathway plan review", s.PathwayPlanReviewSerializer,
                     _plan_review)
ContactView = _action(
    "contact", "Record a contact", s.NewCareLeaverContactSerializer,
    lambda cl, actor, d: services.contact_record(care_leaver=cl, actor=actor, **d))
SituationView = _action(
    "situation", "Record in touch, accommodation and activity", s.NewCareLeaverSituationSerializer,
    lambda cl, actor, d: services.situation_record(care_leaver=cl, actor=actor, **d))
StayingPutView = _action(
    "staying_put", "Record Staying Put", s.NewStayingPutSerializer,
    lambda cl, actor, d: services.staying_put_start(care_leaver=cl, actor=actor, **d))
EndStayingPutView = _action(
    "end_staying_put", "End Staying Put", s.EndStayingPutSerializer,
    lambda cl, actor, d: services.staying_put_end(care_leaver=cl, actor=actor, **d))
EntitlementView = _action(
    "entitlement", "Record an entitlement offered", s.NewCareLeaverEntitlementSerializer,
    lambda cl, actor, d: services.entitlement_offer(care_leaver=cl, actor=actor, **d))
SupportTo25View = _action(
    "support_to_25", "Record a request for support to 25", s.SupportTo25Serializer,
    lambda cl, actor, d: services.support_to_25_request(care_leaver=cl, actor=actor, **d))


class TakeUpView(ApiView):
    permission_classes = [requires(RECORD_PERMISSION)]
    hearth_permission = RECORD_PERMISSION

    @extend_schema(operation_id="care_leaver_entitlement_take_up", tags=TAGS,
                   summary="Record whether an entitlement was taken up",
                   request=s.EntitlementTakeUpSerializer,
                   responses={**WRITE, 200: s.CareLeaverEntitlementSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, entitlement_id: int) -> Response:
        child = access.access_person(request.user, person_uuid)
        offer = access_entitlement(child=child, entitlement_id=entitlement_id)
        form = s.EntitlementTakeUpSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        offer, error = run_service(lambda: services.entitlement_take_up_record(
            offer=offer, actor=request.user, **form.validated_data))
        return error or Response(s.CareLeaverEntitlementSerializer(offer).data)


class CareLeaversView(ApiView):
    permission_classes = [requires("leaving_care.view_care_leavers")]
    pagination_class = Pager
    hearth_permission = "leaving_care.view_care_leavers"

    @extend_schema(operation_id="care_leavers_list", tags=TAGS,
                   summary="Care leavers the caller may see, by name (paged)",
                   parameters=LIST_PARAMETERS,
                   responses={**REFUSALS, 200: s.CareLeaverListRowSerializer(many=True)})
    def get(self, request: Request) -> Response:
        today = clock.today()
        _, filters = list_filters(request.query_params)
        rows = selectors.care_leaver_list(
            visible_children=Person.objects.visible_to(request.user), filters=filters,
            today=today)
        page, respond = paged(request, self, rows)
        listed = selectors.list_rows(page, today=today, calendar=current_calendar())
        people_services.people_listed(actor=request.user,
                                      people=[r.care_leaver.child for r in listed],
                                      where="api care leavers")
        return respond(s.CareLeaverListRowSerializer(listed, many=True).data)


class FiguresView(ApiView):
    permission_classes = [requires("leaving_care.view_care_leaver_figures")]
    hearth_permission = "leaving_care.view_care_leaver_figures"

    @extend_schema(operation_id="care_leavers_figures", tags=TAGS,
                   summary="In touch, suitable accommodation and EET by age band (no names)",
                   responses={**REFUSALS, 200: s.CareLeaverBandSerializer(many=True)})
    def get(self, request: Request) -> Response:
        bands = selectors.care_leaver_figures(today=clock.today())
        return Response(s.CareLeaverBandSerializer(bands, many=True).data)
