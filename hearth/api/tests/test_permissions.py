"""Every API view declares its permission; the classes refuse without api.use_api."""

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

from hearth.api import urls
from hearth.api.permissions import (
    DenyAll,
    HasPermission,
    requires,
    requires_any,
    requires_per_method,
)
from hearth.core.permissions import PUBLIC, declared_permission


@dataclass
class StubUser:
    permissions: set[str] = field(default_factory=set)
    is_authenticated: bool = True

    def has_perm(self, permission: str) -> bool:
        return permission in self.permissions


class StubView:
    def get(self):
        pass

    def post(self):
        pass


def allowed(permission_class, method: str, *permissions: str) -> bool:
    request = APIRequestFactory().generic(method, "/")
    request.user = StubUser(set(permissions))
    return permission_class().has_permission(request, StubView())


API_VIEWS = [p for p in urls.urlpatterns if isinstance(p, URLPattern)]


@pytest.mark.parametrize("pattern", API_VIEWS, ids=lambda p: p.name)
def test_every_view_declares_the_permission_it_checks(pattern):
    view_class = pattern.callback.cls
    declared = declared_permission(pattern.callback)

    assert declared, f"{pattern.name} declares no hearth_permission"
    if declared == PUBLIC:
        assert view_class.permission_classes == [AllowAny]
    else:
        (permission_class,) = view_class.permission_classes
        assert issubclass(permission_class, HasPermission)
        assert permission_class.label == declared


def test_a_view_that_declares_nothing_refuses_everyone(alice):
    class Forgetful(APIView):
        def get(self, request):
            raise AssertionError("should not run")

    request = APIRequestFactory().get("/")
    force_authenticate(request, user=alice)

    assert Forgetful.permission_classes == [DenyAll]
    assert Forgetful.as_view()(request).status_code == 403


def test_requires_needs_the_api_permission_as_well():
    permission = requires("people.view_child")

    assert allowed(permission, "GET", "api.use_api", "people.view_child")
    assert not allowed(permission, "GET", "people.view_child")
    assert not allowed(permission, "GET", "api.use_api")


def test_requires_any_accepts_either():
    permission = requires_any("cases.view_caseload_figures", "cases.view_team_caseload")

    assert allowed(permission, "GET", "api.use_api", "cases.view_team_caseload")
    assert allowed(permission, "GET", "api.use_api", "cases.view_caseload_figures")
    assert not allowed(permission, "GET", "api.use_api")


def test_requires_per_method_checks_the_method_asked():
    permission = requires_per_method(GET="people.view_child", POST="people.manage_warnings")

    assert allowed(permission, "GET", "api.use_api", "people.view_child")
    assert allowed(permission, "HEAD", "api.use_api", "people.view_child")
    assert not allowed(permission, "POST", "api.use_api", "people.view_child")
    assert allowed(permission, "POST", "api.use_api", "people.manage_warnings")
    assert permission.label == "people.view_child or people.manage_warnings"
    assert permission.needed == {"GET": ("people.view_child",),
                                 "POST": ("people.manage_warnings",)}


def test_a_method_the_view_handles_but_no_permission_names_is_refused():
    permission = requires_per_method(GET="people.view_child")

    assert not allowed(permission, "POST", "api.use_api", "people.view_child")
    # A method the view has no handler for passes through to DRF's 405.
    assert allowed(permission, "DELETE", "api.use_api")


def test_an_anonymous_caller_is_refused():
    request = APIRequestFactory().get("/")
    request.user = StubUser({"api.use_api", "people.view_child"}, is_authenticated=False)

    assert not requires("people.view_child")().has_permission(request, StubView())
