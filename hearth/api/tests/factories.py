"""Synthetic people, staff and API clients for the API tests. Every name and number is fake."""

import datetime as dt
import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hearth.cases.services import child_allocate
from hearth.core.models import AuditEvent
from hearth.people import rules, services

BORN = dt.date(2015, 3, 27)
_nhs_serial = itertools.count(1)


def fake_nhs_number() -> str:
    """A number in the NHS test range (999...) with a valid check digit: never a real one."""
    while True:
        nine = f"999{next(_nhs_serial):06d}"
        check = rules.nhs_check_digit(nine)
        if check is not None:
            return f"{nine}{check}"


def make_person(first_name: str, last_name: str = "Testperson", **values):
    values.setdefault("is_child", True)
    values.setdefault("sex", "F")
    if values["is_child"]:
        values.setdefault("date_of_birth", BORN)
    return services.person_create(system_job="test", first_name=first_name,
                                  last_name=last_name, **values)


def restrict(person, *, allowed=()):
    services.record_restrict(person=person, actor=None, reason="Test restriction",
                             system_job="test")
    for user in allowed:
        services.record_access_grant(person=person, user=user, reason="Test grant",
                                     system_job="test")


def allocate(child, team, worker=None):
    return child_allocate(child=child, team=team, worker=worker, start_date=dt.date(2024, 1, 2),
                          system_job="test")


def audit_count(person, code: str) -> int:
    return AuditEvent.objects.filter(child_id=person.pk, event_code=code).count()


def queries_for(call) -> int:
    """How many database queries `call()` makes."""
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def api_as(user) -> APIClient:
    """A client that calls as `user` with a real token, as an integration would."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
