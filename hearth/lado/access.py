"""Who may enter the LADO's confidential area, and which allegation a URL names.

Entering needs two things: a role that may hold the permission the page declares (roles.py),
and a current membership of the LADO team (LadoTeamMember). Anyone without both is told the
page does not exist (404), whatever their role: a social worker, a manager outside the team,
an IRO, an analyst or an administrator learns nothing, not even that an allegation exists.
"""

from functools import wraps

from django.db.models import Prefetch
from django.http import Http404

from hearth.core.permissions import PERMISSION_ATTRIBUTE
from hearth.lado.models import Allegation, AllegationMeeting, LadoTeamMember
from hearth.people.models import Person

CACHE = "_hearth_lado_member"
# Read by hearth/people/tests/test_access_matrix.py: a page in a confidential area is a 404
# for anyone the callable says is outside it.
CONFIDENTIAL_AREA = "hearth_confidential_area"


def is_lado_member(user) -> bool:
    """A current member of the LADO team whose role may hold the area's permission."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm("lado.view_allegations"):
        return False
    cached = getattr(user, CACHE, None)
    if cached is None:
        cached = LadoTeamMember.objects.filter(user=user, ended_on__isnull=True).exists()
        setattr(user, CACHE, cached)
    return cached


def forget_membership(user) -> None:
    if hasattr(user, CACHE):
        delattr(user, CACHE)


def may_enter(user, permission: str) -> bool:
    return is_lado_member(user) and user.has_perm(permission)


def lado_page(permission: str):
    """Like core.permissions.requires, but a refusal is a 404 and needs LADO membership."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not may_enter(request.user, permission):
                raise Http404("No such page")
            return view(request, *args, **kwargs)

        setattr(wrapped, PERMISSION_ATTRIBUTE, permission)
        setattr(wrapped, CONFIDENTIAL_AREA, lambda user: may_enter(user, permission))
        return wrapped

    return decorator


def access_allegation(user, allegation_id) -> Allegation:
    if not is_lado_member(user):
        raise Http404("No allegation found")
    try:
        return (Allegation.objects
                .select_related("lado_officer", "recorded_by", "considered_by", "outcome_by",
                                "closed_by")
                .prefetch_related(Prefetch("meetings", queryset=AllegationMeeting.objects
                                           .select_related("recorded_by")), "children")
                .get(pk=allegation_id))
    except (Allegation.DoesNotExist, ValueError, TypeError):
        raise Http404("No allegation found") from None


def children_shown(allegation: Allegation, user) -> tuple[list[Person], int]:
    """The children linked to the allegation the user may see, and how many others there are
    (restricted records the user is not on the access list for: counted, never named)."""
    linked = list(allegation.children.all())
    visible = set(Person.objects.visible_to(user).filter(
        pk__in=[c.pk for c in linked]).values_list("pk", flat=True))
    return [c for c in linked if c.pk in visible], sum(c.pk not in visible for c in linked)
