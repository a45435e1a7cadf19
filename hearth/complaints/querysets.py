"""Scopes shared by the access helper and the lists."""

from django.db.models import QuerySet

from hearth.people.models import Person


def hidden_children(user) -> QuerySet:
    """The restricted records this user may not see: a complaint naming one is hidden."""
    return Person.objects.filter(is_restricted=True).exclude(
        pk__in=Person.objects.visible_to(user).values("pk"))


def visible_to(complaints: QuerySet, user, *, path: str = "") -> QuerySet:
    """`complaints` (or stages, with path="complaint__") less those naming a hidden child."""
    return complaints.exclude(**{f"{path}children__in": hidden_children(user)})
