"""Every page about a child, opened by someone allowed to see it, leaves an audit event naming
that child: the whole URLconf is walked, not a list someone has to remember to extend."""

import pytest
from django.test import Client

from hearth.core.models import AuditEvent
from hearth.core.tests.urlwalk import all_routes
from hearth.people.tests.test_access_matrix import concrete_url, records  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_every_page_about_a_child_audits_the_read(personas, records):  # noqa: F811
    child = records["ordinary"]
    reader = personas.sm_sara  # the broadest practitioner permissions in the table
    client = Client()
    client.force_login(reader)
    walked, unaudited = 0, []
    for route in all_routes():
        if "<uuid:person_uuid>" not in route.pattern:
            continue
        url = concrete_url(route.pattern, child, records, personas.team_a)
        if url is None:
            continue
        before = AuditEvent.objects.filter(child_id=child.pk).count()
        response = client.get(url)
        if response.status_code != 200:
            continue  # a form that needs something first, or a page this role may not open
        walked += 1
        if AuditEvent.objects.filter(child_id=child.pk).count() == before:
            unaudited.append(f"{url} ({route.name})")
    print(f"read audit walk: {walked} pages about a child opened, {len(unaudited)} unaudited")
    assert walked > 40
    assert unaudited == []
