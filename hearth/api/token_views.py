"""Obtaining an API token with a username and password. Public, and throttled."""

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from hearth.accounts import two_factor
from hearth.api import services
from hearth.api.base import NON_FIELD, ApiView
from hearth.api.fields import required_messages
from hearth.api.permissions import USE_API
from hearth.api.schema import FIELD_ERRORS, ErrorSerializer
from hearth.core.permissions import PUBLIC

WRONG_CREDENTIALS = "Enter a correct username and password"
WRONG_CODE = ("Enter the code your authenticator app shows now (set the app up by signing in "
              "to Hearth in a browser first)")
NO_API = "This account may not use the API"


class TokenThrottle(AnonRateThrottle):
    """Ten attempts a minute from one address: enough for a client, too few for guessing."""

    scope = "api_token"
    rate = "10/minute"


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, help_text="Your Hearth username.",
                                     error_messages=required_messages("Enter your username"))
    password = serializers.CharField(max_length=128, write_only=True,
                                     style={"input_type": "password"},
                                     help_text="Your Hearth password.",
                                     error_messages=required_messages("Enter your password"))
    otp_token = serializers.CharField(
        max_length=6, required=False, allow_blank=True,
        help_text="The 6-digit code from your authenticator app, where two-factor "
                  "authentication is on (HEARTH_REQUIRE_2FA).")


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        read_only=True,
        help_text='Send it on every call as the header "Authorization: Token <token>".')


class ObtainTokenView(ApiView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [TokenThrottle]
    hearth_permission = PUBLIC

    @extend_schema(
        operation_id="token_create", tags=["token"], auth=[], request=TokenRequestSerializer,
        summary="Obtain an API token",
        description="Audited as API_TOKEN_ISSUED. Inactive accounts and wrong passwords get the "
                    "same 400; at most 10 attempts a minute from one address, and 5 wrong "
                    "passwords for one username lock it from that address for 15 minutes "
                    "(429). Where two-factor authentication is on, `otp_token` must be the "
                    "current code from the user's authenticator app.",
        responses={200: TokenSerializer, 400: FIELD_ERRORS,
                   403: OpenApiResponse(ErrorSerializer, description=NO_API),
                   429: OpenApiResponse(ErrorSerializer, description="Too many attempts.")},
    )
    def post(self, request: Request) -> Response:
        form = TokenRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        code = form.validated_data.pop("otp_token", "")
        # The Django request, so sign-in throttling (django-axes) sees and locks this attempt.
        user = authenticate(request._request, **form.validated_data)
        if user is None:
            return Response({NON_FIELD: [WRONG_CREDENTIALS]},
                            status=status.HTTP_400_BAD_REQUEST)
        if two_factor.required_for(user) and not two_factor.code_is_right(user, code):
            return Response({"otp_token": [WRONG_CODE]}, status=status.HTTP_400_BAD_REQUEST)
        if not user.has_perm(USE_API):
            return Response({"detail": NO_API}, status=status.HTTP_403_FORBIDDEN)
        token = services.token_issue(user=user)
        return Response(TokenSerializer({"token": token.key}).data)
