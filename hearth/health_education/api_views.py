"""A looked-after child's health and education over the API: the same access helpers, services
and audit as the pages.

Reading the records is audited as PERSON_EXPORTED (how: "api health and education"); each write
is audited by its service. A child the caller may not see is a 404; a write for a child who is
not looked after now is a 400 naming why.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from hearth.api.base import ApiView
from hearth.api.permissions import requires
from hearth.api.schema import NOT_FOUND, REFUSALS
from hearth.care import selectors as care_selectors
from hearth.care.api_writes import period_write_view
from hearth.core import clock
from hearth.health_education import selectors, services
from hearth.health_education.api_serializers import (
    EducationContactSerializer,
    HealthCheckSerializer,
    HealthEducationSerializer,
    ImmunisationsSerializer,
    PepSerializer,
    SdqSerializer,
)
from hearth.people import access
from hearth.people import services as people_services

READ_ONE = requires("people.view_child")
HEALTH = requires("health_education.record_health")
EDUCATION = requires("health_education.record_education")
TAGS = ["health and education"]
READ = {**REFUSALS, 404: NOT_FOUND}


def _records(child) -> dict:
    period = care_selectors.care_period_latest_for(child)
    records = selectors.records_for(period)
    due = [{"kind": task.kind, "label": task.get_kind_display(), "due_on": task.due_on,
            "status": {"code": status.value, "label": status.label}}
           for task, status in selectors.open_tasks(period, today=clock.today())]
    return {"care_period_id": getattr(period, "pk", None),
            "looked_after": period is not None and period.is_open, "due": due,
            "health_checks": records["checks"], "immunisations": records["immunisations"],
            "sdqs": records["sdqs"], "peps": records["peps"],
            "education_contacts": records["contacts"]}


class HealthEducationView(ApiView):
    permission_classes = [READ_ONE]
    hearth_permission = READ_ONE.label

    @extend_schema(operation_id="health_education_read", tags=TAGS,
                   summary="The child's health and education records for their latest period "
                           "of care, with what is due",
                   responses={**READ, 200: HealthEducationSerializer})
    def get(self, request: Request, person_uuid: uuid.UUID) -> Response:
        child = access.access_person(request.user, person_uuid)
        data = HealthEducationSerializer(_records(child)).data
        people_services.person_exported(actor=request.user, person=child,
                                        how="api health and education")
        return Response(data)


HealthChecksView = period_write_view(
    "HealthChecksView", records="health and education", tags=TAGS,
    permission=HEALTH, serializer_class=HealthCheckSerializer,
    service=services.health_check_record, operation_id="health_checks_create",
    summary="Record an initial or review health assessment or a dental check (closes its "
            "task and opens the next)")
ImmunisationsView = period_write_view(
    "ImmunisationsView", records="health and education", tags=TAGS,
    permission=HEALTH, serializer_class=ImmunisationsSerializer,
    service=services.immunisations_record, operation_id="immunisations_create",
    summary="Record whether the child's immunisations are up to date")
SdqsView = period_write_view(
    "SdqsView", records="health and education", tags=TAGS,
    permission=HEALTH, serializer_class=SdqSerializer, service=services.sdq_record,
    operation_id="sdqs_create",
    summary="Record a strengths and difficulties questionnaire: a score or the reason there "
            "is none")
PepsView = period_write_view(
    "PepsView", records="health and education", tags=TAGS,
    permission=EDUCATION, serializer_class=PepSerializer,
    service=services.pep_record, operation_id="peps_create",
    summary="Record a personal education plan meeting (moves the PEP clock)")
EducationContactsView = period_write_view(
    "EducationContactsView", records="health and education", tags=TAGS,
    permission=EDUCATION, serializer_class=EducationContactSerializer,
    service=services.education_contact_record, operation_id="education_contacts_create",
    summary="Record contact with the child's school or the Virtual School")
