"""The front door over the API: the MASH queue, contacts, decisions, referrals and closure.

Same permissions, access rules, services and audit as the pages: a contact or referral about a
child the caller may not see is a 404; a broken rule is a 400 with the page's message.
"""

import uuid

from django.db.models import Prefetch, prefetch_related_objects
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, Pager, paged, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.core import clock
from hearth.frontdoor import access, rules, selectors, services
from hearth.frontdoor.api_serializers import (
    ClosureSerializer,
    ContactSerializer,
    DecisionSerializer,
    NewContactSerializer,
    NewReferralSerializer,
    QueueQuerySerializer,
    RatingSerializer,
    ReferralChangeSerializer,
    ReferralSerializer,
)
from hearth.frontdoor.models import Contact
from hearth.people import services as people_services
from hearth.people.access import access_person
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

QUEUE_OR_RECORD = requires_per_method(GET="frontdoor.view_mash_queue",
                                      POST="frontdoor.record_contact")
RATE = requires("frontdoor.rate_contact")
DECIDE = requires("frontdoor.decide_contact")
VIEW_CHILD = requires("people.view_child")
VIEW_OR_REFER = requires_per_method(GET="people.view_child", POST="frontdoor.record_referral")
VIEW_OR_CHANGE_REFERRAL = requires_per_method(GET="people.view_child",
                                              PATCH="frontdoor.record_referral")
CLOSE = requires("frontdoor.close_case")

WRITTEN = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}
TAGS = ["front door"]


def _contact_out(request: Request, contacts: list[Contact], *, many: bool = True):
    """Contacts as the API shows them, with their clocks and only the people involved that
    the caller may see (one extra query for the whole list)."""
    visible = Person.objects.visible_to(request.user)
    prefetch_related_objects(contacts, Prefetch(
        "others_involved", queryset=Person.objects.filter(pk__in=visible)))
    now, calendar = clock.now(), current_calendar()
    clocks = {c.pk: rules.contact_decision_clock(due_on=c.decision_due_on, now=now,
                                                 calendar=calendar)
              for c in contacts if c.decided_at is None}
    serializer = ContactSerializer(contacts if many else contacts[0], many=many,
                                   context={"clocks": clocks})
    return serializer.data


class ContactsView(ApiView):
    permission_classes = [QUEUE_OR_RECORD]
    pagination_class = Pager
    hearth_permission = QUEUE_OR_RECORD.label

    @extend_schema(
        operation_id="contacts_queue", tags=TAGS, parameters=[QueueQuerySerializer],
        summary="The MASH queue: every contact waiting for a decision, most urgent first",
        description="Overdue first, then red, amber, green and unrated, then the least time "
                    "left. Each child returned is audited as CHILD_LISTED.",
        responses={**REFUSALS, 200: ContactSerializer(many=True), 400: FIELD_ERRORS})
    def get(self, request: Request) -> Response:
        query = QueueQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        contacts = selectors.mash_queue(
            visible_children=Person.objects.visible_to(request.user),
            filters=selectors.QueueFilters(**query.validated_data), today=clock.today())
        page, respond = paged(request, self, contacts)
        people_services.people_listed(actor=request.user, people=[c.child for c in page],
                                      where="api MASH queue")
        return respond(_contact_out(request, page))

    @extend_schema(
        operation_id="contacts_create", tags=TAGS, request=NewContactSerializer,
        summary="Record a contact (starts its 1-working-day decision clock)",
        responses={**WRITTEN, 201: ContactSerializer})
    def post(self, request: Request) -> Response:
        form = NewContactSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        values = dict(form.validated_data)
        child = access.access_child(request.user, values.pop("child"))
        others = [access_person(request.user, u) for u in values.pop("others_involved")]
        contact, error = run_service(lambda: services.contact_record(
            child=child, actor=request.user, others_involved=others, **values))
        if error:
            return error
        return Response(_contact_out(request, [contact], many=False),
                        status=status.HTTP_201_CREATED)


class ContactRatingView(ApiView):
    permission_classes = [RATE]
    hearth_permission = RATE.label

    @extend_schema(operation_id="contacts_rate", tags=TAGS, request=RatingSerializer,
                   summary="Give an undecided contact its RAG rating (or change it)",
                   responses={**WRITTEN, 200: ContactSerializer})
    def post(self, request: Request, contact_id: int) -> Response:
        contact = access.access_contact(request.user, contact_id)
        form = RatingSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        contact, error = run_service(lambda: services.contact_rate(
            contact=contact, actor=request.user, **form.validated_data))
        return error or Response(_contact_out(request, [contact], many=False))


class ContactDecisionView(ApiView):
    permission_classes = [DECIDE]
    hearth_permission = DECIDE.label

    @extend_schema(
        operation_id="contacts_decide", tags=TAGS, request=DecisionSerializer,
        summary="Decide what happens to a contact (once)",
        description="A referral or strategy decision opens an episode of need (a referral "
                    "dated the day of the decision) unless the child has an open one, which "
                    "the contact then joins. Closes the decision task.",
        responses={**WRITTEN, 200: ContactSerializer})
    def post(self, request: Request, contact_id: int) -> Response:
        contact = access.access_contact(request.user, contact_id)
        form = DecisionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        contact, error = run_service(lambda: services.contact_decide(
            contact=contact, actor=request.user, **form.validated_data))
        return error or Response(_contact_out(request, [contact], many=False))


class ChildContactsView(ApiView):
    permission_classes = [VIEW_CHILD]
    hearth_permission = VIEW_CHILD.label

    @extend_schema(operation_id="people_contacts_list", tags=TAGS,
                   summary="A child's contacts, newest first",
                   description="Audited as PERSON_EXPORTED (how: api contacts).",
                   responses={**REFUSALS, 200: ContactSerializer(many=True), 404: NOT_FOUND})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_child(request.user, person_uuid)
        people_services.person_exported(actor=request.user, person=child, how="api contacts")
        contacts = list(child.contacts.select_related("child", "rated_by", "decided_by"))
        return Response(_contact_out(request, contacts))


class ChildReferralsView(ApiView):
    permission_classes = [VIEW_OR_REFER]
    hearth_permission = VIEW_OR_REFER.label

    @extend_schema(operation_id="people_referrals_list", tags=TAGS,
                   summary="A child's referrals (episodes of need), newest first",
                   description="Audited as PERSON_EXPORTED (how: api referrals).",
                   responses={**REFUSALS, 200: ReferralSerializer(many=True), 404: NOT_FOUND})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_child(request.user, person_uuid)
        people_services.person_exported(actor=request.user, person=child, how="api referrals")
        return Response(ReferralSerializer(selectors.referral_list_for_child(child),
                                           many=True).data)

    @extend_schema(operation_id="people_referrals_create", tags=TAGS,
                   request=NewReferralSerializer,
                   summary="Record a referral directly (for example from another authority)",
                   description="The re-referral link is worked out from the child's earlier "
                               "referrals (within 12 calendar months).",
                   responses={**WRITTEN, 201: ReferralSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_child(request.user, person_uuid)
        form = NewReferralSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        referral, error = run_service(lambda: services.referral_record(
            child=child, actor=request.user, **form.validated_data))
        return error or Response(ReferralSerializer(referral).data,
                                 status=status.HTTP_201_CREATED)


class ReferralView(ApiView):
    permission_classes = [VIEW_OR_CHANGE_REFERRAL]
    hearth_permission = VIEW_OR_CHANGE_REFERRAL.label

    @extend_schema(operation_id="referrals_retrieve", tags=TAGS, summary="Read a referral",
                   description="Audited as PERSON_EXPORTED (how: api referral).",
                   responses={**REFUSALS, 200: ReferralSerializer, 404: NOT_FOUND})
    def get(self, request: Request, referral_id: int) -> Response:
        referral = access.access_referral(request.user, referral_id)
        people_services.person_exported(actor=request.user, person=referral.child,
                                        how="api referral")
        return Response(ReferralSerializer(referral).data)

    @extend_schema(operation_id="referrals_partial_update", tags=TAGS,
                   request=ReferralChangeSerializer,
                   summary="Change a referral's date, source, primary need or NFA flag",
                   responses={**WRITTEN, 200: ReferralSerializer})
    def patch(self, request: Request, referral_id: int) -> Response:
        referral = access.access_referral(request.user, referral_id)
        form = ReferralChangeSerializer(data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        referral, error = run_service(lambda: services.referral_update(
            referral=referral, actor=request.user, **form.validated_data))
        return error or Response(ReferralSerializer(referral).data)


class ReferralClosureView(ApiView):
    permission_classes = [CLOSE]
    hearth_permission = CLOSE.label

    @extend_schema(operation_id="referrals_close", tags=TAGS, request=ClosureSerializer,
                   summary="Close an episode of need with its DfE reason",
                   description="Closes the tasks the referral started. RC8 and RC9 need an "
                               "assessment on the episode.",
                   responses={**WRITTEN, 200: ReferralSerializer})
    def post(self, request: Request, referral_id: int) -> Response:
        referral = access.access_referral(request.user, referral_id)
        form = ClosureSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        referral, error = run_service(lambda: services.referral_close(
            referral=referral, actor=request.user, **form.validated_data))
        return error or Response(ReferralSerializer(referral).data)
