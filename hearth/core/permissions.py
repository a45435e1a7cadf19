"""Every view declares the permission it needs; a view that declares none cannot be routed.

`requires("people.view_child")` wraps a function view; `RequiresPermission` is the mixin for a
class-based one. `public` marks the few pages that need no sign-in (sign-in itself). A test walks
the URLconf and fails on any view that declares neither (hearth/core/tests/test_url_permissions.py).
"""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied

PERMISSION_ATTRIBUTE = "hearth_permission"
PUBLIC = "__public__"


def requires(permission: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        setattr(wrapped, PERMISSION_ATTRIBUTE, permission)
        return wrapped

    return decorator


def requires_any(*permissions: str):
    """For a page that more than one permission opens (each sees what its permission allows)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not any(request.user.has_perm(p) for p in permissions):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        setattr(wrapped, PERMISSION_ATTRIBUTE, " or ".join(permissions))
        return wrapped

    return decorator


def public(view):
    view = login_not_required(view)
    setattr(view, PERMISSION_ATTRIBUTE, PUBLIC)
    return view


def signed_in(view):
    """For pages every signed-in member of staff may open (their own home page, sign out)."""
    setattr(view, PERMISSION_ATTRIBUTE, "__signed_in__")
    return view


class RequiresPermission:
    """Mixin for class-based views: set `permission_required = "app.verb_noun"`."""

    permission_required: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_required or not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def declared_permission(view) -> str | None:
    """What a resolved view callable declares, looking through as_view() wrappers."""
    found = getattr(view, PERMISSION_ATTRIBUTE, None)
    if found:
        return found
    view_class = getattr(view, "view_class", None) or getattr(view, "cls", None)
    if view_class is not None:
        return getattr(view_class, "permission_required", None) or getattr(
            view_class, PERMISSION_ATTRIBUTE, None
        )
    return None
