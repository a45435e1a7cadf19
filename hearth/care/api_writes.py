"""API writes that belong to a looked-after child's current period of care (health and
education, permanence): the child by uuid (a 404 when the caller may not see them), the body
checked by a serializer, the service given the open period, and a 400 naming why when the child
is not looked after now."""

import uuid
from collections.abc import Callable

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, record_with
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.care.models import CarePeriod
from hearth.care.selectors import care_period_open_for
from hearth.core.errors import DomainError
from hearth.people import access

WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def current_period_or_refuse(child, *, records: str) -> CarePeriod:
    period = care_period_open_for(child)
    if period is None:
        raise DomainError(f"The child is not looked after now: {records} records belong to a "
                          "current period of care")
    return period


def period_write(request: Request, person_uuid: uuid.UUID, serializer_class,
                 service: Callable, *, records: str, answer_with=None) -> Response:
    child = access.access_person(request.user, person_uuid)
    return record_with(request, serializer_class, lambda data: service(
        period=current_period_or_refuse(child, records=records), actor=request.user, **data),
        answer_with=answer_with)


def period_write_view(name: str, *, permission, serializer_class, service: Callable,
                      records: str, tags: list[str], operation_id: str, summary: str,
                      answer_with=None) -> type[ApiView]:
    """A POST-only view that records one kind of record on the child's current period."""
    answer = answer_with or serializer_class

    @extend_schema(operation_id=operation_id, tags=tags, summary=summary,
                   request=serializer_class, responses={**WRITE, 201: answer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        return period_write(request, person_uuid, serializer_class, service, records=records,
                            answer_with=answer_with)

    return type(name, (ApiView,), {"permission_classes": [permission],
                                   "hearth_permission": permission.label, "post": post})
