"""Searching for, creating, reading and changing people, as the people pages do."""

import uuid

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api import records
from hearth.api.base import ApiView, Pager, domain_error_response, paged, run_service
from hearth.api.permissions import requires_per_method
from hearth.api.person_serializers import (
    DuplicatesSerializer,
    NewPersonSerializer,
    PersonChangeSerializer,
    PersonRecordSerializer,
    PersonSummarySerializer,
    SearchQuerySerializer,
    StaleSerializer,
)
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.core.errors import DomainError
from hearth.people import access, selectors, services
from hearth.people.models import Person
from hearth.people.selectors import SearchCriteria

SEARCH_OR_ADD = requires_per_method(GET="people.search_people", POST="people.add_person")
VIEW_OR_CHANGE = requires_per_method(GET="people.view_child", PATCH="people.change_person")
MAYBE_DUPLICATE = (
    "This person may already have a record. Check the possible duplicates; if none is them, "
    'send the request again with "confirmed_not_duplicate": true.'
)


class PeopleView(ApiView):
    permission_classes = [SEARCH_OR_ADD]
    pagination_class = Pager
    hearth_permission = SEARCH_OR_ADD.label

    @extend_schema(
        operation_id="people_search", tags=["people"], parameters=[SearchQuerySerializer],
        summary="Search for people",
        description="Matches as the search page does; every person returned is audited as a "
                    "search hit. Restricted records you are not on the list for never appear.",
        responses={**REFUSALS, 200: PersonSummarySerializer(many=True), 400: FIELD_ERRORS},
    )
    def get(self, request: Request) -> Response:
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        results = selectors.person_search(visible=Person.objects.visible_to(request.user),
                                          criteria=SearchCriteria(**query.validated_data))
        page, respond = paged(request, self, results)
        services.people_listed(actor=request.user, people=page, where="api search",
                               code="CHILD_SEARCH_HIT")
        return respond(PersonSummarySerializer(page, many=True).data)

    @extend_schema(
        operation_id="people_create", tags=["people"], request=NewPersonSerializer,
        summary="Create a person's record",
        responses={**REFUSALS, 201: PersonRecordSerializer, 400: FIELD_ERRORS,
                   409: OpenApiResponse(DuplicatesSerializer,
                                        description="Possible duplicates: confirm to go on.")},
    )
    def post(self, request: Request) -> Response:
        form = NewPersonSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        values = dict(form.validated_data)
        if not values.pop("confirmed_not_duplicate") and (
                duplicates := _possible_duplicates(request.user, values)):
            body = {"detail": MAYBE_DUPLICATE, "possible_duplicates": duplicates}
            return Response(DuplicatesSerializer(body).data, status=status.HTTP_409_CONFLICT)
        person, error = run_service(
            lambda: services.person_create(actor=request.user, **values))
        if error:
            return error
        record = records.person_record_exported(request.user, person.uuid, how="api create")
        return Response(PersonRecordSerializer(record).data, status=status.HTTP_201_CREATED)


def _possible_duplicates(user, values: dict) -> list[Person]:
    duplicates = selectors.possible_duplicates(
        visible=Person.objects.visible_to(user), first_name=values["first_name"],
        last_name=values["last_name"], date_of_birth=values.get("date_of_birth"),
        nhs_number=values.get("nhs_number"))
    services.people_listed(actor=user, people=duplicates, where="api possible duplicates",
                           code="CHILD_SEARCH_HIT")
    return duplicates


class PersonView(ApiView):
    permission_classes = [VIEW_OR_CHANGE]
    hearth_permission = VIEW_OR_CHANGE.label

    @extend_schema(
        operation_id="people_retrieve", tags=["people"], summary="Read a person's record",
        description="Audited as PERSON_EXPORTED (how: api). 404 for a record you may not see.",
        responses={**REFUSALS, 200: PersonRecordSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        record = records.person_record_exported(request.user, person_uuid, how="api")
        return Response(PersonRecordSerializer(record).data)

    @extend_schema(
        operation_id="people_partial_update", tags=["people"], request=PersonChangeSerializer,
        summary="Change a person's details",
        description="Send `version` from GET and only the fields to change. 409 if someone "
                    "else saved the record since you read it.",
        responses={**REFUSALS, 200: PersonRecordSerializer, 400: FIELD_ERRORS,
                   404: NOT_FOUND,
                   409: OpenApiResponse(StaleSerializer, description="Someone else saved it.")},
    )
    def patch(self, request: Request, person_uuid: uuid.UUID) -> Response:
        person = access.access_person(request.user, person_uuid)
        records.ensure_can_change(request.user, person)
        form = PersonChangeSerializer(instance=person, data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        values = dict(form.validated_data)
        seen_version = values.pop("version")
        try:
            services.person_update(person=person, actor=request.user,
                                   seen_version=seen_version, **values)
        except services.StaleRecord as stale:
            return _stale_response(request.user, person, stale)
        except DomainError as error:
            return domain_error_response(error)
        return self.get(request, person_uuid)


def _stale_response(user, person: Person, stale: services.StaleRecord) -> Response:
    """409 with what changed and the record's fields now (a read, so audited)."""
    current = access.access_person(user, person.uuid)
    services.person_exported(actor=user, person=current, how="api stale edit")
    body = {"detail": stale.message, "changed": stale.changed,
            "current_version": current.version, "current": current}
    return Response(StaleSerializer(body).data, status=status.HTTP_409_CONFLICT)
