"""IRO challenges over the API: the same access helpers, services and audit as the pages.

Reading a child's challenges is audited as PERSON_EXPORTED (how: "api iro challenges"); each
write is audited by its service. A child the caller may not see, or a challenge about another
child, is a 404.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView, run_service
from hearth.api.permissions import requires, requires_per_method
from hearth.api.schema import FIELD_ERRORS, NOT_FOUND, REFUSALS
from hearth.iro import selectors, services
from hearth.iro.access import access_challenge
from hearth.iro.api_serializers import (
    ChallengeSerializer,
    EscalateSerializer,
    RaiseSerializer,
    ResolveSerializer,
    RespondSerializer,
)
from hearth.iro.models import Challenge
from hearth.people import access
from hearth.people import services as people_services

LIST_OR_RAISE = requires_per_method(GET="people.view_child", POST="iro.raise_challenge")
IRO = requires("iro.raise_challenge")
RESPOND = requires("iro.respond_to_challenge")
TAGS = ["IRO challenges"]
READ = {**REFUSALS, 404: NOT_FOUND}
WRITE = {**REFUSALS, 400: FIELD_ERRORS, 404: NOT_FOUND}


def _challenge_of(request: Request, person_uuid: uuid.UUID, challenge_id: int) -> Challenge:
    child = access.access_person(request.user, person_uuid)
    return access_challenge(child=child, challenge_id=challenge_id)


def _addressee(user_id: int):
    user = selectors.responders().filter(pk=user_id).first()
    if user is None:
        raise serializers.ValidationError(
            {"addressed_to": ["Give the id of someone who can respond to IRO challenges"]})
    return user


def _shown(challenge: Challenge, code: int = status.HTTP_200_OK) -> Response:
    fresh = access_challenge(child=challenge.child, challenge_id=challenge.pk)
    return Response(ChallengeSerializer(fresh).data, status=code)


class ChallengesView(ApiView):
    permission_classes = [LIST_OR_RAISE]
    hearth_permission = LIST_OR_RAISE.label

    @extend_schema(operation_id="iro_challenges_list", tags=TAGS,
                   summary="A child's IRO challenges, open ones first, with their stages",
                   responses={**READ, 200: ChallengeSerializer(many=True)})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        challenges = selectors.challenges_for_child(child)
        people_services.person_exported(actor=request.user, person=child,
                                        how="api iro challenges")
        return Response(ChallengeSerializer(challenges, many=True).data)

    @extend_schema(operation_id="iro_challenges_create", tags=TAGS,
                   summary="Raise a challenge (opens the addressee's response task)",
                   request=RaiseSerializer, responses={**WRITE, 201: ChallengeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        form = RaiseSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        values = {**form.validated_data,
                  "addressed_to": _addressee(form.validated_data["addressed_to"])}
        challenge, error = run_service(lambda: services.challenge_raise(
            child=child, actor=request.user, **values))
        return error or _shown(challenge, status.HTTP_201_CREATED)


class _ChallengeWrite(ApiView):
    serializer_class: type[serializers.Serializer]

    def _run(self, request, person_uuid, challenge_id, save) -> Response:
        challenge = _challenge_of(request, person_uuid, challenge_id)
        form = self.serializer_class(data=request.data)
        form.is_valid(raise_exception=True)
        _, error = run_service(lambda: save(challenge, dict(form.validated_data)))
        return error or _shown(challenge)


class ChallengeRespondView(_ChallengeWrite):
    permission_classes = [RESPOND]
    hearth_permission = RESPOND.label
    serializer_class = RespondSerializer

    @extend_schema(operation_id="iro_challenges_respond", tags=TAGS,
                   summary="Respond to the current stage (only its addressee may)",
                   request=RespondSerializer, responses={**WRITE, 200: ChallengeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, challenge_id: int) -> Response:
        return self._run(request, person_uuid, challenge_id, lambda c, data: (
            services.challenge_respond(challenge=c, actor=request.user, **data)))


class ChallengeEscalateView(_ChallengeWrite):
    permission_classes = [IRO]
    hearth_permission = IRO.label
    serializer_class = EscalateSerializer

    @extend_schema(operation_id="iro_challenges_escalate", tags=TAGS,
                   summary="Escalate to the next stage (a new response task)",
                   request=EscalateSerializer, responses={**WRITE, 200: ChallengeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, challenge_id: int) -> Response:
        def save(challenge, data):
            data["addressed_to"] = _addressee(data["addressed_to"])
            return services.challenge_escalate(challenge=challenge, actor=request.user, **data)
        return self._run(request, person_uuid, challenge_id, save)


class ChallengeResolveView(_ChallengeWrite):
    permission_classes = [IRO]
    hearth_permission = IRO.label
    serializer_class = ResolveSerializer

    @extend_schema(operation_id="iro_challenges_resolve", tags=TAGS,
                   summary="Resolve the challenge with its outcome (closing the loop)",
                   request=ResolveSerializer, responses={**WRITE, 200: ChallengeSerializer})
    def post(self, request: Request, person_uuid: uuid.UUID, challenge_id: int) -> Response:
        return self._run(request, person_uuid, challenge_id, lambda c, data: (
            services.challenge_resolve(challenge=c, actor=request.user, **data)))
