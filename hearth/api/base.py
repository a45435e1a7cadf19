"""What every API view shares: throttling, paging, and turning broken rules into 400s."""

from collections.abc import Callable, Sequence
from typing import Any

from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle
from rest_framework.views import APIView

from hearth.core.errors import DomainError

NON_FIELD = "non_field_errors"


class ApiView(APIView):
    """Base for Hearth's API views. Subclasses set `permission_classes` and `hearth_permission`.

    A view without `permission_classes` falls back to DenyAll (the REST_FRAMEWORK default) and
    refuses every call; one without `hearth_permission` fails the URL-walking tests.
    """

    throttle_classes = [UserRateThrottle]
    hearth_permission: str = ""


class Pager(PageNumberPagination):
    """Pages of PAGE_SIZE (settings), chosen with ?page=. Set as a list view's pagination_class."""

    page_size_query_param = None


def paged(request: Request, view: APIView, rows: Sequence) -> tuple[list, Callable]:
    """One page of `rows`, and a function that wraps serialized rows in the page envelope."""
    pager = getattr(view, "pagination_class", Pager)()
    page = pager.paginate_queryset(rows, request, view=view) or []
    return list(page), pager.get_paginated_response


def domain_error_response(error: DomainError) -> Response:
    """A broken service rule as a 400: {field: [message]}, like a serializer error."""
    return Response({error.field or NON_FIELD: [error.message]},
                    status=status.HTTP_400_BAD_REQUEST)


def run_service(service: Callable[[], Any]) -> tuple[Any, Response | None]:
    """Calls `service`; a DomainError becomes a 400 response instead of a result."""
    try:
        return service(), None
    except DomainError as error:
        return None, domain_error_response(error)


def record_with(request: Request, serializer_class, service: Callable[[dict], Any], *,
                answer_with=None, status_code: int = status.HTTP_201_CREATED) -> Response:
    """The usual write: the body checked by `serializer_class` (a 400 with every field's
    problem), `service(validated_data)` called (a broken rule is a 400 too), and the result
    shown with `answer_with` (by default the same serializer)."""
    form = serializer_class(data=request.data)
    form.is_valid(raise_exception=True)
    result, error = run_service(lambda: service(form.validated_data))
    return error or Response((answer_with or serializer_class)(result).data, status=status_code)
