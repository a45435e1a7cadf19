"""Child protection over the API: the same permissions, services and audit as the pages.

Reading a list is audited as PERSON_EXPORTED ("api strategy discussions" and so on); writes
are audited by the services. A child the caller may not see is 404, and so is a record id that
is not that child's.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.accounts.models import User
from hearth.api import records
from hearth.api.base import ApiView, run_service
from hearth.api.permissions import requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.core import clock
from hearth.core.errors import DomainError
from hearth.people import access as people_access
from hearth.protection import access, selectors, services
from hearth.protection import api_serializers as s
from hearth.protection.codes import ConferenceKind
from hearth.workingdays.selectors import current_calendar

VIEW = "people.view_child"
DISCUSSIONS = requires_per_method(GET=VIEW, POST="protection.record_strategy_discussion",
                                  PATCH="protection.record_strategy_discussion")
ENQUIRIES = requires_per_method(GET=VIEW, PATCH="protection.record_section47")
CONFERENCES = requires_per_method(GET=VIEW, POST="protection.record_conference",
                                  PATCH="protection.record_conference")
PLANS = requires_per_method(GET=VIEW, PATCH="protection.end_cp_plan")
CORE_GROUPS = requires_per_method(GET=VIEW, POST="protection.record_core_group",
                                  PATCH="protection.record_core_group")
VISITS = requires_per_method(GET=VIEW, POST="cases.record_visit")

READ = {**REFUSALS, 404: NOT_FOUND}
WRITTEN = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}
TAGS = ["child protection"]


def _exported(request: Request, person_uuid: uuid.UUID, how: str):
    return records.person_record_exported(request.user, person_uuid, how=f"api {how}").person


def _valid(serializer_class, request: Request, *, partial: bool = False) -> dict:
    form = serializer_class(data=request.data, partial=partial)
    form.is_valid(raise_exception=True)
    return dict(form.validated_data)


def _created(serializer_class, result, error):
    return error or Response(serializer_class(result).data, status=status.HTTP_201_CREATED)


def _changed(serializer_class, result, error):
    return error or Response(serializer_class(result).data)


class StrategyDiscussionsView(ApiView):
    permission_classes = [DISCUSSIONS]
    hearth_permission = DISCUSSIONS.label

    @extend_schema(operation_id="cp_strategy_discussions_list", tags=TAGS,
                   summary="A child's strategy discussions, newest first",
                   responses={**READ, 200: s.CpStrategyDiscussionSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = _exported(request, person_uuid, "strategy discussions")
        rows = child.strategy_discussions.select_related("recorded_by").prefetch_related(
            "participants")
        return Response(s.CpStrategyDiscussionSerializer(rows, many=True).data)

    @extend_schema(operation_id="cp_strategy_discussions_create", tags=TAGS,
                   summary="Record a strategy discussion (section_47 starts an enquiry)",
                   request=s.NewCpStrategyDiscussionSerializer,
                   responses={**WRITTEN, 201: s.CpStrategyDiscussionSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        values = _valid(s.NewCpStrategyDiscussionSerializer, request)
        referral = selectors.open_referrals_for(child).filter(pk=values.pop("referral")).first()
        if referral is None:
            return Response({"referral": ["Give the id of one of the child's open referrals"]},
                            status=status.HTTP_400_BAD_REQUEST)
        result, error = run_service(lambda: services.strategy_discussion_record(
            referral=referral, actor=request.user, **values))
        return _created(s.CpStrategyDiscussionSerializer, result, error)


class StrategyDiscussionView(ApiView):
    permission_classes = [DISCUSSIONS]
    hearth_permission = DISCUSSIONS.label

    @extend_schema(operation_id="cp_strategy_discussions_update", tags=TAGS,
                   summary="Correct a discussion's time, reasons or attendance (not its date "
                           "or decision, which started clocks)",
                   request=s.CpStrategyDiscussionChangeSerializer,
                   responses={**WRITTEN, 200: s.CpStrategyDiscussionSerializer})
    def patch(self, request: Request, person_uuid: uuid.UUID, discussion_id: int) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        discussion = access.access_strategy_discussion(child, discussion_id)
        values = _valid(s.CpStrategyDiscussionChangeSerializer, request, partial=True)
        current = {"held_at": discussion.held_at, "reason": discussion.reason,
                   "participants": [_participant(p) for p in discussion.participants.all()]}
        result, error = run_service(lambda: services.strategy_discussion_update(
            discussion=discussion, actor=request.user, **{**current, **values}))
        return _changed(s.CpStrategyDiscussionSerializer, result, error)


class Section47EnquiriesView(ApiView):
    permission_classes = [ENQUIRIES]
    hearth_permission = ENQUIRIES.label

    @extend_schema(operation_id="cp_section47_enquiries_list", tags=TAGS,
                   summary="A child's section 47 enquiries, newest first",
                   responses={**READ, 200: s.CpSection47Serializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = _exported(request, person_uuid, "section 47 enquiries")
        return Response(s.CpSection47Serializer(child.section47_enquiries.all(), many=True).data)


class Section47EnquiryView(ApiView):
    permission_classes = [ENQUIRIES]
    hearth_permission = ENQUIRIES.label

    @extend_schema(operation_id="cp_section47_enquiries_conclude", tags=TAGS,
                   summary="Record the outcome of an open enquiry (once)",
                   request=s.CpSection47OutcomeSerializer,
                   responses={**WRITTEN, 200: s.CpSection47Serializer})
    def patch(self, request: Request, person_uuid: uuid.UUID, enquiry_id: int) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        enquiry = access.access_section47(child, enquiry_id)
        values = _valid(s.CpSection47OutcomeSerializer, request)
        result, error = run_service(lambda: services.section47_conclude(
            enquiry=enquiry, actor=request.user, **values))
        return _changed(s.CpSection47Serializer, result, error)


class ConferencesView(ApiView):
    permission_classes = [CONFERENCES]
    hearth_permission = CONFERENCES.label

    @extend_schema(operation_id="cp_conferences_list", tags=TAGS,
                   summary="A child's initial and review conferences, newest first",
                   responses={**READ, 200: s.CpConferenceSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = _exported(request, person_uuid, "cp conferences")
        rows = child.cp_conferences.select_related("chair").prefetch_related("participants")
        return Response(s.CpConferenceSerializer(rows, many=True).data)

    @extend_schema(operation_id="cp_conferences_create", tags=TAGS,
                   summary="Record an initial conference (a plan outcome starts the plan) or "
                           "a review of the open plan",
                   request=s.NewCpConferenceSerializer,
                   responses={**WRITTEN, 201: s.CpConferenceSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        values = _valid(s.NewCpConferenceSerializer, request)
        values["chair"] = User.objects.filter(username=values["chair"]).first()
        result, error = run_service(lambda: _record_conference(child, request.user, values))
        return _created(s.CpConferenceSerializer, result, error)


class ConferenceView(ApiView):
    permission_classes = [CONFERENCES]
    hearth_permission = CONFERENCES.label

    @extend_schema(operation_id="cp_conferences_update", tags=TAGS,
                   summary="Correct a conference's attendance",
                   request=s.CpAttendanceChangeSerializer,
                   responses={**WRITTEN, 200: s.CpConferenceSerializer})
    def patch(self, request: Request, person_uuid: uuid.UUID, conference_id: int) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        conference = access.access_conference(child, conference_id)
        values = _valid(s.CpAttendanceChangeSerializer, request)
        result, error = run_service(lambda: services.conference_attendance_update(
            conference=conference, actor=request.user, **values))
        return _changed(s.CpConferenceSerializer, result, error)


class PlansView(ApiView):
    permission_classes = [PLANS]
    hearth_permission = PLANS.label

    @extend_schema(operation_id="cp_plans_list", tags=TAGS,
                   summary="A child's child protection plans, newest first, with what is due",
                   responses={**READ, 200: s.CpPlanSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = _exported(request, person_uuid, "cp plans")
        record = selectors.child_protection_record(child, today=clock.today(),
                                                   calendar=current_calendar())
        summaries = [record.current_plan] if record.current_plan else []
        return Response(s.CpPlanSerializer([*summaries, *record.past_plans], many=True).data)


class PlanView(ApiView):
    permission_classes = [PLANS]
    hearth_permission = PLANS.label

    @extend_schema(operation_id="cp_plans_end", tags=TAGS,
                   summary="End a plan (closes its tasks)", request=s.CpPlanEndSerializer,
                   responses={**WRITTEN, 200: s.CpPlanSerializer})
    def patch(self, request: Request, person_uuid: uuid.UUID, plan_id: int) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        plan = access.access_cp_plan(child, plan_id)
        values = _valid(s.CpPlanEndSerializer, request)
        result, error = run_service(lambda: services.cp_plan_end(plan=plan, actor=request.user,
                                                                 **values))
        if error:
            return error
        return Response(s.CpPlanSerializer(selectors.PlanSummary(plan=result,
                                                               today=clock.today())).data)


class CoreGroupsView(ApiView):
    permission_classes = [CORE_GROUPS]
    hearth_permission = CORE_GROUPS.label

    @extend_schema(operation_id="cp_core_groups_list", tags=TAGS,
                   summary="A child's core groups under every plan, newest first",
                   responses={**READ, 200: s.CpCoreGroupSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = _exported(request, person_uuid, "cp core groups")
        rows = child.core_groups.prefetch_related("participants")
        return Response(s.CpCoreGroupSerializer(rows, many=True).data)

    @extend_schema(operation_id="cp_core_groups_create", tags=TAGS,
                   summary="Record a core group on the child's open plan",
                   request=s.NewCpCoreGroupSerializer,
                   responses={**WRITTEN, 201: s.CpCoreGroupSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        values = _valid(s.NewCpCoreGroupSerializer, request)
        result, error = run_service(lambda: services.core_group_record(
            plan=_open_plan(child), actor=request.user, **values))
        return _created(s.CpCoreGroupSerializer, result, error)


class CoreGroupView(ApiView):
    permission_classes = [CORE_GROUPS]
    hearth_permission = CORE_GROUPS.label

    @extend_schema(operation_id="cp_core_groups_update", tags=TAGS,
                   summary="Correct a core group's notes or attendance",
                   request=s.CpCoreGroupChangeSerializer,
                   responses={**WRITTEN, 200: s.CpCoreGroupSerializer})
    def patch(self, request: Request, person_uuid: uuid.UUID, core_group_id: int) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        core_group = access.access_core_group(child, core_group_id)
        values = _valid(s.CpCoreGroupChangeSerializer, request, partial=True)
        current = {"note": core_group.note,
                   "participants": [_participant(p) for p in core_group.participants.all()]}
        result, error = run_service(lambda: services.core_group_attendance_update(
            core_group=core_group, actor=request.user, **{**current, **values}))
        return _changed(s.CpCoreGroupSerializer, result, error)


class VisitsView(ApiView):
    permission_classes = [VISITS]
    hearth_permission = VISITS.label

    @extend_schema(operation_id="cp_visits_list", tags=TAGS,
                   summary="A child's visits under child protection plans, newest first",
                   responses={**READ, 200: s.CpVisitSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = _exported(request, person_uuid, "cp visits")
        rows = child.visits.filter(plan=selectors.CP_VISIT).select_related("visited_by")
        return Response(s.CpVisitSerializer(rows, many=True).data)

    @extend_schema(operation_id="cp_visits_create", tags=TAGS,
                   summary="Record a visit under the child's open plan",
                   request=s.NewCpVisitSerializer, responses={**WRITTEN, 201: s.CpVisitSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = people_access.access_person(request.user, person_uuid)
        values = _valid(s.NewCpVisitSerializer, request)
        result, error = run_service(lambda: services.cp_visit_record(
            plan=_open_plan(child), actor=request.user, **values))
        return _created(s.CpVisitSerializer, result, error)


def _record_conference(child, actor, values: dict):
    if values.pop("kind") == ConferenceKind.INITIAL:
        enquiry = selectors.enquiry_awaiting_initial_conference(child)
        if enquiry is None:
            raise DomainError("No section 47 enquiry about this child is waiting for an "
                              "initial conference")
        return services.initial_conference_record(enquiry=enquiry, actor=actor, **values)
    return services.review_conference_record(plan=_open_plan(child), actor=actor, **values)


def _open_plan(child):
    plan = selectors.open_plan_for(child)
    if plan is None:
        raise DomainError("The child has no open child protection plan")
    return plan


def _participant(person) -> dict:
    return {key: getattr(person, key)
            for key in ("agency", "name", "role", "invited", "attended", "contributed")}

