from django.core.management import call_command


def test_the_openapi_schema_generates_without_warnings(tmp_path):
    schema = tmp_path / "schema.yml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))

    text = schema.read_text()
    assert "/api/v1/people/{person_uuid}/" in text
    assert "PaginatedPersonSummaryList" in text


def test_the_schema_and_docs_pages_need_a_signed_in_caller(client):
    assert client.get("/api/v1/schema/").status_code in (302, 401, 403)
