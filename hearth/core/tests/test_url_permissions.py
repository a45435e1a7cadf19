from hearth.accounts.roles import PERMISSIONS
from hearth.core.permissions import PUBLIC, declared_permission
from hearth.core.tests.urlwalk import all_routes

SPECIAL = {PUBLIC, "__signed_in__"}


def test_every_view_declares_a_permission():
    undeclared = [r.pattern for r in all_routes() if not declared_permission(r.callback)]
    assert undeclared == []


def test_every_declared_permission_is_in_the_role_table():
    unknown = []
    for route in all_routes():
        declared = declared_permission(route.callback)
        for permission in str(declared).split(" or "):
            if permission not in SPECIAL and permission not in PERMISSIONS:
                unknown.append((route.pattern, permission))
    assert unknown == []


def test_only_sign_in_and_token_pages_are_public():
    public = sorted(r.name for r in all_routes() if declared_permission(r.callback) == PUBLIC)
    assert set(public) <= {"login", "api:token"}
