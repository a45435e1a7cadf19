"""The API answers in JSON even where no API view was reached, and its document says which
operations may answer 404 (all of them)."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from hearth.api.tests.factories import api_as

pytestmark = pytest.mark.django_db


def test_an_address_under_the_api_that_matches_nothing_is_a_json_404(alice):
    response = api_as(alice).get("/api/v1/contacts/not-a-number/decision/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_a_page_address_that_matches_nothing_is_still_a_page(client, alice):
    client.force_login(alice)
    response = client.get("/people/not-a-uuid/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_every_operation_documents_its_404():
    document = SchemaGenerator().get_schema(request=None, public=True)
    missing = [f"{method.upper()} {path}" for path, operations in document["paths"].items()
               for method, operation in operations.items() if "404" not in operation["responses"]]
    assert missing == []
