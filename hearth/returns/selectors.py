"""Reads for the returns pages: the people behind the child IDs a failure list shows."""

from hearth.people.models import Person


def children_by_la_id(la_child_ids) -> dict[str, Person]:
    ids = {i for i in la_child_ids if i}
    return {p.la_child_id: p for p in Person.objects.filter(is_child=True,
                                                            la_child_id__in=ids)}
