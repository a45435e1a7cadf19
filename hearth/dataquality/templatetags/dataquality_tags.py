from django import template

from hearth.dataquality import checks

register = template.Library()


@register.filter
def check_label(code: str) -> str:
    return checks.label_of(code)
