"""Reads at the front door: the MASH queue, a child's contacts and referrals, and the lookups
other apps use to find a child's episode of need."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from hearth.frontdoor.codes import Rag
from hearth.frontdoor.models import Contact, Referral
from hearth.frontdoor.rules import UNRATED
from hearth.people.models import Person, Relationship


@dataclass(frozen=True)
class QueueFilters:
    rag: str = ""  # red, amber, green, or "unrated"
    source: str = ""
    overdue_only: bool = False


@dataclass(frozen=True)
class QueueCounts:
    open: int
    overdue: int
    due_today: int
    red: int
    amber: int
    green: int
    unrated: int


def mash_queue(*, visible_children: QuerySet, filters: QueueFilters,
               today: dt.date) -> QuerySet[Contact]:
    """Every undecided contact about a child the user may see, most urgent first, ready for
    paging: overdue, then red, amber, green and unrated, then the least time left."""
    contacts = (Contact.objects.undecided().about_children_in(visible_children)
                .select_related("child"))
    if filters.rag:
        contacts = contacts.rated("" if filters.rag == UNRATED else filters.rag)
    if filters.source:
        contacts = contacts.filter(source=filters.source)
    if filters.overdue_only:
        contacts = contacts.overdue(on=today)
    return contacts.in_queue_order(today=today)


def mash_queue_counts(*, visible_children: QuerySet, today: dt.date) -> QueueCounts:
    """How many open contacts, late, due today and in each rating, in one query."""
    counts = (Contact.objects.undecided().about_children_in(visible_children).order_by()
              .aggregate(open=Count("id"),
                         overdue=Count("id", filter=Q(decision_due_on__lt=today)),
                         due_today=Count("id", filter=Q(decision_due_on=today)),
                         red=Count("id", filter=Q(rag=Rag.RED)),
                         amber=Count("id", filter=Q(rag=Rag.AMBER)),
                         green=Count("id", filter=Q(rag=Rag.GREEN)),
                         unrated=Count("id", filter=Q(rag=""))))
    return QueueCounts(**counts)


def contact_list_for_child(child: Person, *, visible: QuerySet) -> list[Contact]:
    """The child's contacts, newest first, with who rated and decided them and the people
    involved that the user may see."""
    return list(child.contacts.select_related("rated_by", "decided_by", "recorded_by", "episode")
                .prefetch_related(Prefetch("others_involved",
                                           queryset=Person.objects.filter(pk__in=visible))))


def referral_list_for_child(child: Person) -> list[Referral]:
    """The child's referrals (episodes of need), newest first, with their re-referral link."""
    return list(child.referrals.select_related("previous_referral", "contact", "recorded_by"))


def open_referral_for(child: Person, *, on: dt.date | None = None) -> Referral | None:
    """The child's open episode of need (an open referral that is not NFA), if any; with `on`,
    only one that had started by that date. Assessments, S47s and plans hang off this."""
    referrals = Referral.objects.holding_the_episode_open().filter(child=child)
    if on is not None:
        referrals = referrals.filter(referral_date__lte=on)
    return referrals.order_by("-referral_date", "-id").first()


def referral_for_contact(contact: Contact) -> Referral | None:
    """The episode a contact's referral or strategy decision opened or joined."""
    return contact.episode


@dataclass(frozen=True)
class NetworkMember:
    person: Person
    how: str  # how they are linked to the child, in words: "Parent of Poppy"


def child_network(child: Person, *, visible: QuerySet) -> list[NetworkMember]:
    """The people in the child's family and network now, that the user may see."""
    # The twin of each link reads from the other person: "Ann is parent of Poppy".
    links = (Relationship.objects.filter(other=child, end_date__isnull=True, person__in=visible)
             .select_related("person").order_by("kind", "person__last_name", "person__first_name"))
    members: dict[int, NetworkMember] = {}
    for link in links:
        members.setdefault(link.person_id, NetworkMember(
            link.person, f"{link.get_kind_display()} {child.first_name}"))
    return list(members.values())
