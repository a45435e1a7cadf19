"""Which contacts and referrals a user may reach: those about children they may see. Anything
else is a 404, exactly as if it did not exist (ADR 3)."""

from django.http import Http404

from hearth.frontdoor.models import Contact, Referral
from hearth.people.access import access_person
from hearth.people.models import Person


def access_child(user, person_uuid) -> Person:
    """The child, if `user` may see them; an adult's record is not a front-door record."""
    person = access_person(user, person_uuid)
    if not person.is_child:
        raise Http404("No child found")
    return person


def child_contact(child: Person, contact_id: int) -> Contact:
    """One of this (already visible) child's contacts, or 404."""
    contact = Contact.objects.select_related("child").filter(pk=contact_id, child=child).first()
    if contact is None:
        raise Http404("No contact found")
    return contact


def child_referral(child: Person, referral_id: int) -> Referral:
    """One of this (already visible) child's referrals, or 404."""
    referral = (Referral.objects.select_related("child", "contact")
                .filter(pk=referral_id, child=child).first())
    if referral is None:
        raise Http404("No referral found")
    return referral


def access_contact(user, contact_id: int) -> Contact:
    contact = (Contact.objects.select_related("child")
               .filter(pk=contact_id, child__in=Person.objects.visible_to(user)).first())
    if contact is None:
        raise Http404("No contact found")
    return contact


def access_referral(user, referral_id: int) -> Referral:
    referral = (Referral.objects.select_related("child", "contact")
                .filter(pk=referral_id, child__in=Person.objects.visible_to(user)).first())
    if referral is None:
        raise Http404("No referral found")
    return referral
