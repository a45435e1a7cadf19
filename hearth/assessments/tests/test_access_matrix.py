"""Every Assessments and Child in need page, as every persona, for an ordinary and a restricted
child: the answer the permission table and the record rules give (as people's access matrix,
filling in these apps' ids), and one h1 on every page that opens."""

import datetime as dt

import pytest
from django.test import Client

from hearth.accounts.roles import permissions_for
from hearth.assessments.tests.factories import assessment_for, completed
from hearth.cin import services as cin_services
from hearth.core.permissions import declared_permission
from hearth.core.tests.urlwalk import all_routes
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date
PREFIXES = ("assessments/", "child-in-need/")


@pytest.fixture
def records(personas):
    ordinary = personas.child_for(personas.sw_alice)
    restricted = personas.child_for(personas.sw_alice)
    found = {}
    for kind, child in (("ordinary", ordinary), ("restricted", restricted)):
        assessment = completed(assessment_for(child, personas.sw_alice,
                                              referred_on=D(2026, 5, 4)),
                               personas.sw_alice, on=D(2026, 5, 20))
        plan = cin_services.cin_plan_start(referral=assessment.referral, started_on=D(2026, 5, 4),
                                           actor=personas.sw_alice)
        found[kind] = {"child": child, "assessment": assessment, "plan": plan}
    people_services.record_restrict(person=restricted, actor=personas.sm_sara,
                                    reason="Staff relative")
    return found


def concrete(pattern: str, record: dict) -> str:
    return ("/" + pattern).replace("<uuid:person_uuid>", str(record["child"].uuid)).replace(
        "<int:assessment_id>", str(record["assessment"].pk)).replace(
        "<int:plan_id>", str(record["plan"].pk))


def expected(user, route, child, personas) -> int:
    held = permissions_for(user.role)
    if not any(p in held for p in declared_permission(route.callback).split(" or ")):
        return 403
    if child.is_restricted and user != personas.sm_sara:
        return 404
    return 200


def test_every_persona_gets_what_the_table_says(personas, records):
    routes = [r for r in all_routes() if r.pattern.startswith(PREFIXES)]
    clients = {}
    for name, user in personas.users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    violations, checks = [], 0
    for route in routes:
        for record in records.values():
            url = concrete(route.pattern, record)
            for name, user in personas.users.items():
                response = clients[name].get(url)
                want = expected(user, route, record["child"], personas)
                checks += 1
                if response.status_code != want:
                    violations.append(f"{name} GET {url} ({route.name}): "
                                      f"{response.status_code}, want {want}")
                elif want == 200 and response.text.count("<h1") != 1:
                    violations.append(f"{name} GET {url} ({route.name}): not one h1")
    assert len(routes) == 11 and checks == 11 * 2 * 8
    assert violations == []
