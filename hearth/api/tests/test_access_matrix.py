"""Every API endpoint, as every persona, against an ordinary and a restricted child: what the
role table and the record rules say, and nothing else. A child's record read through the API
leaves an audit event naming the child."""

import re

import pytest
from rest_framework.test import APIClient

from hearth.accounts.roles import permissions_for
from hearth.api.permissions import USE_API
from hearth.api.task_views import SCOPE_PERMISSIONS
from hearth.core.models import AuditEvent
from hearth.core.permissions import PUBLIC, declared_permission
from hearth.core.tests.urlwalk import all_routes
from hearth.people.tests.test_access_matrix import concrete_url, records  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db
# Endpoints that answer a bare GET with 400 and a message: a search needs its criteria, the
# census module its collection year.
NEEDS_PARAMETERS = {"api:people", "api:child_pre_proceedings_census"}
# Records the matrix makes that are not the child's: a restricted child does not hide them.
NOT_THE_CHILDS = {"team_id", "household_id", "provider_id", "adopters_id"}


def api_routes():
    return [r for r in all_routes() if r.pattern.startswith("api/") and r.name.startswith("api:")
            and hasattr(r.callback, "cls")]


def api_url(route, child, records, team):  # noqa: F811 - records is the fixture's value
    url = "/" + route.pattern
    url = url.replace("<uuid:person_uuid>", str(child.uuid))
    kind = "restricted" if child.is_restricted else "ordinary"
    for name, value in records["ids"][kind].items():
        url = url.replace(f"<int:{name}>", str(value))
    url = url.replace("<int:team_id>", str(team.pk))
    return None if "<" in url else url


def expected(user, route, child, personas) -> int:
    view = route.callback.cls
    if declared_permission(route.callback) == PUBLIC:
        return 405 if not hasattr(view, "get") else 200
    if user is None:
        return 401
    held = permissions_for(user.role)
    (permission_class,) = view.permission_classes
    needed = permission_class.needed.get("GET") or permission_class.needed.get("*")
    if USE_API not in held or (needed and not any(p in held for p in needed)):
        return 403
    if not hasattr(view, "get"):
        return 405
    if route.name == "api:tasks" and SCOPE_PERMISSIONS["mine"] not in held:
        return 403  # the default scope is the caller's own work
    params = set(re.findall(r"<int:(\w+)>", route.pattern))
    about_the_child = "<uuid:person_uuid>" in route.pattern or bool(params - NOT_THE_CHILDS)
    if about_the_child and child.is_restricted and user != personas.sm_sara:
        return 404
    return 400 if route.name in NEEDS_PARAMETERS else 200


def test_every_persona_gets_what_the_table_says_from_every_endpoint(personas, records):  # noqa: F811
    people = dict(personas.users) | {"anonymous": None}
    clients = {}
    for name, user in people.items():
        clients[name] = APIClient()
        if user is not None:
            clients[name].force_authenticate(user)
    checks, violations, unaudited = 0, [], []
    for route in api_routes():
        for kind in ("ordinary", "restricted"):
            child = records[kind]
            url = api_url(route, child, records, personas.team_a)
            if url is None:
                continue
            for name, user in people.items():
                before = AuditEvent.objects.filter(child_id=child.pk).count()
                status = clients[name].get(url).status_code
                want = expected(user, route, child, personas)
                checks += 1
                if status != want:
                    violations.append(f"{name} GET {url} ({route.name}): {status}, want {want}")
                if (status == 200 and "<uuid:person_uuid>" in route.pattern
                        and AuditEvent.objects.filter(child_id=child.pk).count() == before):
                    unaudited.append(f"{name} GET {url}")
    print(f"API access matrix: {checks} checks, {len(violations)} violations, "
          f"{len(unaudited)} unaudited reads")
    assert checks > 100
    assert violations == [], "\n".join(violations)
    assert unaudited == []
