"""Generated requests against every operation of the OpenAPI document (Schemathesis, on
Hypothesis): whatever is sent, valid by the schema or not, Hearth answers without a server
error, and its answers match what the document says.

The operations are called in-process through the WSGI application, inside each test's
transaction, as a team manager with a real token and a child on their team. HEARTH_FUZZ_EXAMPLES
sets how many generated requests each operation gets (3 in the suite, to keep CI quick;
`tools/reliability.py fuzz` runs 25 each and prints how many requests were sent and answered).
With HEARTH_FUZZ_COUNTS=path, the status codes answered are written there as JSON.
"""

import json
import os
from collections import Counter

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

EXAMPLES = int(os.environ.get("HEARTH_FUZZ_EXAMPLES", "3"))
ANSWERED: Counter = Counter()

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application
# The token endpoint is throttled on purpose (10 a minute): fuzzing it would only test that.
schema = schema.exclude(path="/api/v1/token/")


@pytest.fixture(scope="module", autouse=True)
def _count_answers():
    yield
    if target := os.environ.get("HEARTH_FUZZ_COUNTS"):
        with open(target, "w", encoding="utf-8") as out:
            json.dump({"operations": len(list(schema.get_all_operations())),
                       "examples_per_operation": EXAMPLES,
                       "answered": dict(sorted(ANSWERED.items()))}, out, indent=2)


@pytest.fixture(autouse=True)
def _keep_the_tests_connection():
    """As Django's test client does: the WSGI application would otherwise close the database
    connection at the end of each request, and with it the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, personas):
    cache.clear()  # the API's throttles count per test
    personas.child_for(personas.sw_alice)
    key = Token.objects.get_or_create(user=personas.tm_bob)[0].key
    yield key
    cache.clear()


@schema.parametrize()
@hypothesis.settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                     suppress_health_check=list(HealthCheck), database=None)
@pytest.mark.django_db
def test_no_request_gets_a_server_error(case, token):
    response = case.call(headers={"Authorization": f"Token {token}"})
    ANSWERED[str(response.status_code)] += 1
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} answered {response.status_code}:\n"
        f"{response.text[:2000]}")
    case.validate_response(response, checks=[status_code_conformance, content_type_conformance,
                                             response_schema_conformance])
