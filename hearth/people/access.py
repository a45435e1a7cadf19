"""Who may see and change which person's record. A record the user may not see is a 404.

Permissions (accounts/roles.py) say what a role may do at all; these helpers say to which records.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404

from hearth.people.models import Person


def access_person(user, person_uuid) -> Person:
    """The person, if `user` may see them; otherwise 404, exactly as if they did not exist."""
    try:
        return Person.objects.visible_to(user).get(uuid=person_uuid)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404("No person found") from None


def can_change_person(user, person: Person, allocated_team_id: int | None) -> bool:
    """Social workers and their managers change records held by their own team, or unallocated."""
    if not user.has_perm("people.change_person"):
        return False
    if user.has_perm("people.change_any_person"):
        return True
    return allocated_team_id is None or allocated_team_id == user.team_id


def can_manage_restricted_access(user) -> bool:
    return user.has_perm("people.manage_restricted_access")


def about_children_they_may_see(user, *, child_field: str = "child_id"):
    """A filter for a long list of records about children (periods of care, tasks...): leaves
    out the records of children `user` may not see. NOT EXISTS over the few restricted
    records (Person.objects.hidden_from), which the planner estimates well, where
    `child__in=visible_to(user)` matches every listed child against every person."""
    return ~Exists(Person.objects.hidden_from(user).filter(pk=OuterRef(child_field)))

