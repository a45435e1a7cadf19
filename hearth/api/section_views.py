"""Sections of a person's record: addresses, relationships, warnings, and allocation.

Reading a section is audited as PERSON_EXPORTED (how: "api addresses" and so on). Adding to one
is audited by the service that does it. Each answers 404 for a record the caller may not see,
and 403 for a visible record the caller may not change, exactly as the pages do.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api import records
from hearth.api.base import ApiView, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.api.section_serializers import (
    AddressSerializer,
    AllocationSerializer,
    NewAllocationSerializer,
    NewRelationshipSerializer,
    NewWarningSerializer,
    RelationshipSerializer,
    WarningSerializer,
)
from hearth.cases import services as cases_services
from hearth.people import access, services

VIEW_OR_CHANGE = requires_per_method(GET="people.view_child", POST="people.change_person")
VIEW_OR_WARN = requires_per_method(GET="people.view_child", POST="people.manage_warnings")
ALLOCATE = requires("cases.allocate_worker")

ADDED = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


class AddressesView(ApiView):
    permission_classes = [VIEW_OR_CHANGE]
    hearth_permission = VIEW_OR_CHANGE.label

    @extend_schema(operation_id="people_addresses_list", tags=["people"],
                   summary="A person's addresses, newest first",
                   responses={**REFUSALS, 200: AddressSerializer(many=True), 404: NOT_FOUND})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        record = records.person_record_exported(request.user, person_uuid, how="api addresses")
        return Response(AddressSerializer(record.addresses, many=True).data)

    @extend_schema(operation_id="people_addresses_create", tags=["people"],
                   summary="Add an address (ends the current one the day before)",
                   request=AddressSerializer, responses={**ADDED, 201: AddressSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        person = access.access_person(request.user, person_uuid)
        records.ensure_can_change(request.user, person)
        form = AddressSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        address, error = run_service(lambda: services.address_add(
            person=person, actor=request.user, **form.validated_data))
        return error or Response(AddressSerializer(address).data, status=status.HTTP_201_CREATED)


class RelationshipsView(ApiView):
    permission_classes = [VIEW_OR_CHANGE]
    hearth_permission = VIEW_OR_CHANGE.label

    @extend_schema(operation_id="people_relationships_list", tags=["people"],
                   summary="A person's links to people you may see",
                   responses={**REFUSALS, 200: RelationshipSerializer(many=True),
                              404: NOT_FOUND})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        record = records.person_record_exported(request.user, person_uuid,
                                                how="api relationships")
        return Response(RelationshipSerializer(record.relationships, many=True).data)

    @extend_schema(operation_id="people_relationships_create", tags=["people"],
                   summary="Link two people (saved both ways)",
                   request=NewRelationshipSerializer,
                   responses={**ADDED, 201: RelationshipSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        person = access.access_person(request.user, person_uuid)
        records.ensure_can_change(request.user, person)
        form = NewRelationshipSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        values = dict(form.validated_data)
        other = access.access_person(request.user, values.pop("other"))
        link, error = run_service(lambda: services.relationship_add(
            person=person, other=other, actor=request.user, **values))
        return error or Response(RelationshipSerializer(link).data,
                                 status=status.HTTP_201_CREATED)


class WarningsView(ApiView):
    permission_classes = [VIEW_OR_WARN]
    hearth_permission = VIEW_OR_WARN.label

    @extend_schema(operation_id="people_warnings_list", tags=["people"],
                   summary="A person's warnings, current and ended, newest first",
                   responses={**REFUSALS, 200: WarningSerializer(many=True), 404: NOT_FOUND})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        record = records.person_record_exported(request.user, person_uuid, how="api warnings")
        return Response(WarningSerializer(record.warnings, many=True).data)

    @extend_schema(operation_id="people_warnings_create", tags=["people"],
                   summary="Add a warning", request=NewWarningSerializer,
                   responses={**ADDED, 201: WarningSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        person = access.access_person(request.user, person_uuid)
        form = NewWarningSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        warning, error = run_service(lambda: services.warning_add(
            person=person, actor=request.user, **form.validated_data))
        return error or Response(WarningSerializer(warning).data,
                                 status=status.HTTP_201_CREATED)


class AllocationView(ApiView):
    permission_classes = [ALLOCATE]
    hearth_permission = ALLOCATE.label

    @extend_schema(operation_id="people_allocation_create", tags=["teams"],
                   summary="Allocate a child to a team and worker (a transfer ends the last)",
                   request=NewAllocationSerializer,
                   responses={**ADDED, 201: AllocationSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = NewAllocationSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        allocation, error = run_service(lambda: cases_services.child_allocate(
            child=child, actor=request.user, **form.validated_data))
        return error or Response(AllocationSerializer(allocation).data,
                                 status=status.HTTP_201_CREATED)
