"""Reads of people: search, possible duplicates, and the record page's data in few queries."""

import datetime as dt
import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.db.models import Prefetch, Q, QuerySet
from rapidfuzz import fuzz

from hearth.people import rules
from hearth.people.models import Address, Person, PersonNameKey, PersonWarning, Relationship

SEARCH_CANDIDATE_LIMIT = 2000
MIN_NAME_SCORE = 60


@dataclass(frozen=True)
class SearchCriteria:
    name: str = ""
    date_of_birth: dt.date | None = None
    identifier: str = ""
    children_only: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.name.strip() or self.date_of_birth or self.identifier.strip())


def identifier_filter(identifier: str) -> Q:
    """An LA child ID, NHS number or UPN, whichever the text looks like."""
    text = identifier.strip()
    digits = rules.normalise_nhs_number(text)
    if digits.isdigit() and len(digits) == 10:
        return Q(nhs_number=digits)
    upn = rules.normalise_upn(text)
    if len(upn) == 13 and re.match(r"^[A-Z]\d{11}[0-9A-Z]$", upn):
        return Q(upn=upn) | Q(la_child_id__iexact=text)
    return Q(la_child_id__iexact=text)


def name_filter(name: str) -> Q | None:
    """People with a sound-alike key for every word typed, in any order (indexed lookups)."""
    tokens = rules.name_tokens(name)
    if not tokens:
        return None
    per_token = [
        Q(pk__in=PersonNameKey.objects.filter(key__in=rules.token_keys(t)).values("person_id"))
        for t in tokens
    ]
    return reduce(operator.and_, per_token)


SEARCH_FIELDS = ("id", "first_name", "middle_names", "last_name", "known_as")


def person_search_ids(*, visible: QuerySet, criteria: SearchCriteria) -> list[int]:
    """The ids of people matching every criterion given, best name match first.

    Names forgive spelling (sound-alike keys) and order ("Smith John" finds John Smith).
    Candidates are scored as plain tuples; only the page shown is loaded as records
    (`people_in_order`).
    """
    if criteria.is_empty:
        return []
    query = visible
    if criteria.children_only:
        query = query.filter(is_child=True)
    if criteria.identifier.strip():
        query = query.filter(identifier_filter(criteria.identifier))
    if criteria.date_of_birth:
        query = query.filter(
            Q(date_of_birth=criteria.date_of_birth)
            | Q(expected_date_of_birth=criteria.date_of_birth))
    names = name_filter(criteria.name)
    if names is None:
        return list(query.order_by("last_name", "first_name", "id")
                    .values_list("id", flat=True)[:SEARCH_CANDIDATE_LIMIT])
    rows = query.filter(names).values_list(*SEARCH_FIELDS)[:SEARCH_CANDIDATE_LIMIT]
    wanted = " ".join(rules.name_tokens(criteria.name))
    scored = [(name_score(wanted, *row[1:]), row[3], row[0]) for row in rows]
    return [pk for score, _last, pk in sorted(scored, key=lambda s: (-s[0], s[1], s[2]))
            if score >= MIN_NAME_SCORE]


def people_in_order(ids: list[int]) -> list[Person]:
    """The people with these ids, in the same order (one query)."""
    found = Person.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def person_search(*, visible: QuerySet, criteria: SearchCriteria) -> list[Person]:
    return people_in_order(person_search_ids(visible=visible, criteria=criteria))


def name_score(wanted: str, first_name: str, middle_names: str, last_name: str,
               known_as: str) -> float:
    names = [
        " ".join(rules.name_tokens(first_name, last_name)),
        " ".join(rules.name_tokens(first_name, middle_names, last_name)),
        " ".join(rules.name_tokens(known_as, last_name)),
    ]
    return max(fuzz.token_sort_ratio(wanted, n) for n in names if n.strip())


def possible_duplicates(*, visible: QuerySet, first_name: str, last_name: str,
                        date_of_birth: dt.date | None, nhs_number: str | None,
                        exclude_pk=None) -> list[Person]:
    """People who may be the same as the one about to be created: same NHS number, or a
    similar name with the same date of birth."""
    found: dict[int, Person] = {}
    if nhs_number:
        digits = rules.normalise_nhs_number(nhs_number)
        for person in visible.filter(nhs_number=digits):
            found[person.pk] = person
    if date_of_birth:
        criteria = SearchCriteria(name=f"{first_name} {last_name}", date_of_birth=date_of_birth)
        for person in person_search(visible=visible, criteria=criteria):
            found.setdefault(person.pk, person)
    return [p for pk, p in found.items() if pk != exclude_pk]


def person_get_for_record(*, visible: QuerySet, person_uuid) -> Person:
    """The person with everything the record page shows, in a fixed number of queries."""
    return visible.prefetch_related(
        Prefetch("addresses", queryset=Address.objects.order_by("-start_date", "-id")),
        Prefetch("warnings", queryset=PersonWarning.objects.select_related("raised_by")),
        Prefetch(
            "relationships",
            queryset=Relationship.objects.select_related("other").filter(
                other__in=visible).order_by("end_date", "kind", "other__last_name"),
        ),
    ).get(uuid=person_uuid)


def active_warnings(person: Person, *, on: dt.date) -> list[PersonWarning]:
    return [w for w in person.warnings.all()
            if w.start_date <= on and (w.end_date is None or w.end_date >= on)]
