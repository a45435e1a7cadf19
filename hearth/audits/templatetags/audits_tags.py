from django import template

from hearth.audits.codes import Grade
from hearth.audits.selectors import GRADE_COLOURS

register = template.Library()


@register.filter
def grade_colour(grade: str) -> str:
    return GRADE_COLOURS.get(grade, "grey")


@register.filter
def grade_label(grade: str) -> str:
    return Grade(grade).label if grade in Grade.values else ""
