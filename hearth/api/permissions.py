"""Who may call which endpoint. Deny by default; every view declares what it needs.

Each endpoint needs `api.use_api` and its own permission from the role table
(hearth/accounts/roles.py), the same permission the matching page needs. Which *records* a
permitted caller may see is decided by hearth.people.access, as for the pages.

    permission_classes = [requires("people.view_child")]
    permission_classes = [requires_per_method(GET="people.view_child",
                                              POST="people.manage_warnings")]

The generated class carries `label` ("a.b", or "a.b or c.d" when more than one permission is
involved), which the view also sets as `hearth_permission` so the URL-walking tests
(hearth/core/tests/test_url_permissions.py and ours) can see what each view declares.
"""

from rest_framework.permissions import BasePermission

USE_API = "api.use_api"
READ_METHODS = ("GET", "HEAD", "OPTIONS")


class DenyAll(BasePermission):
    """The default: an API view that forgets to declare a permission refuses everyone."""

    def has_permission(self, request, view):
        return False


class HasPermission(BasePermission):
    """The caller may use the API and holds one of the permissions listed for the method.

    `needed` maps an HTTP method (or "*" for any) to the permissions that open it (any one).
    """

    needed: dict[str, tuple[str, ...]] = {}
    label: str = ""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.has_perm(USE_API)):
            return False
        method = "GET" if request.method in READ_METHODS else request.method
        permissions = self.needed.get(method) or self.needed.get("*")
        if permissions is None:
            # No permission opens this method; a view without a handler answers 405.
            return not hasattr(view, request.method.lower())
        return any(user.has_perm(p) for p in permissions)


def _permission_class(needed: dict[str, tuple[str, ...]], label: str) -> type[HasPermission]:
    return type("HasPermission", (HasPermission,), {"needed": needed, "label": label})


def requires(permission: str) -> type[HasPermission]:
    """Every method needs `permission` (and api.use_api)."""
    return _permission_class({"*": (permission,)}, permission)


def requires_any(*permissions: str) -> type[HasPermission]:
    """Every method needs one of `permissions` (and api.use_api)."""
    return _permission_class({"*": permissions}, " or ".join(permissions))


def requires_per_method(**by_method: str) -> type[HasPermission]:
    """A different permission per method: requires_per_method(GET="x.y", POST="x.z").

    The label lists them joined by " or " (the form hearth.core's URL-walking test reads); which
    method needs which is in the class's `needed`.
    """
    needed = {method.upper(): (permission,) for method, permission in by_method.items()}
    label = " or ".join(dict.fromkeys(by_method.values()))
    return _permission_class(needed, label)
