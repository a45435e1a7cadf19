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
