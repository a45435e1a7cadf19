"""Error answers as the OpenAPI schema documents them."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(read_only=True, help_text="Why the request was refused.")


FIELD_ERRORS = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description='Validation failed: {"field": ["message"]}, or {"non_field_errors": [...]} '
                "for a problem that is not one field's.")
UNAUTHENTICATED = OpenApiResponse(ErrorSerializer, description="No valid token or session.")
FORBIDDEN = OpenApiResponse(
    ErrorSerializer, description="Your role may not do this (or may not use the API).")
NOT_FOUND = OpenApiResponse(
    ErrorSerializer, description="No such record, or one you may not see (the same answer).")

REFUSALS = {401: UNAUTHENTICATED, 403: FORBIDDEN}
REFUSALS_AND_404 = {**REFUSALS, 404: NOT_FOUND}


def document_not_found(result, generator, request, public):
    """drf-spectacular post-processing: every operation may answer 404, whether for a record
    the caller may not see, a page past the last (?page=), or an identifier that is not one, so
    the document says so for each rather than only where a view remembered to."""
    error = ({"$ref": "#/components/schemas/Error"}
             if "Error" in result.get("components", {}).get("schemas", {})
             else {"type": "object", "properties": {"detail": {"type": "string"}}})
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            operation.setdefault("responses", {}).setdefault("404", {
                "description": "No such record or page, or a record you may not see (the same "
                               "answer).",
                "content": {"application/json": {"schema": error}}})
    return result
