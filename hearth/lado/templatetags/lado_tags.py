"""`{% load lado_tags %}{% if request.user|in_lado_team %}`: the navigation shows the LADO
link only to the LADO team."""

from django import template

from hearth.lado.access import is_lado_member

register = template.Library()


@register.filter
def in_lado_team(user) -> bool:
    return is_lado_member(user)
