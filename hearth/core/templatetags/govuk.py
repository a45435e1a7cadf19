"""Template helpers that put GOV.UK Design System classes on Django's form widgets."""

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()
CHECKED = SafeString(" checked")  # a fixed string, no input in it
SELECTED = SafeString(" selected")

_INPUT_CLASS = {
    "textinput": "govuk-input",
    "emailinput": "govuk-input",
    "numberinput": "govuk-input",
    "passwordinput": "govuk-input",
    "dateinput": "govuk-input govuk-input--width-10",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "nullbooleanselect": "govuk-select",
    "checkboxinput": "govuk-checkboxes__input",
}


@register.filter
def widget_type(bound_field) -> str:
    return bound_field.field.widget.__class__.__name__.lower()


@register.simple_tag
def govuk_widget(bound_field):
    kind = widget_type(bound_field)
    if kind == "radioselect":
        return _choices(bound_field, "radios")
    if kind == "checkboxselectmultiple":
        return _choices(bound_field, "checkboxes")
    attrs = {}
    css = _INPUT_CLASS.get(kind, "")
    if bound_field.errors and css and kind != "checkboxinput":
        css += f" {css.split()[0]}--error"
        attrs["error"] = "1" if kind == "govukdateinput" else None
    if css:
        attrs["class"] = f"{css} {bound_field.field.widget.attrs.get('class', '')}".strip()
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
    if described and kind not in ("govukdateinput",):
        attrs["aria-describedby"] = " ".join(described)
    attrs = {k: v for k, v in attrs.items() if v is not None}
    if type(bound_field.field.widget) is forms.Select:
        return _select(bound_field, attrs)
    return bound_field.as_widget(attrs=attrs)


def _select(bound_field, attrs: dict):
    """A plain single select, rendered here rather than through Django's widget templates,
    which include a template per option: the worklist filters and the long code lists (task
    kinds, placement types) cost milliseconds a page that way. Grouped choices go to Django."""
    widget = bound_field.field.widget
    choices = [choice for choice in widget.choices]  # list() would COUNT them first
    if any(isinstance(label, list | tuple) for _value, label in choices):
        return bound_field.as_widget(attrs=attrs)
    attrs = bound_field.build_widget_attrs(attrs, widget)
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    chosen = set(widget.format_value(bound_field.value()))
    options, selected_one = [], False
    for value, label in choices:
        value = "" if value is None else str(value)
        selected = not selected_one and value in chosen
        selected_one = selected_one or selected
        options.append(format_html('<option value="{}"{}>{}</option>', value,
                                   SELECTED if selected else "", label))
    return format_html('<select name="{}"{}>{}</select>', bound_field.html_name,
                       flatatt(widget.build_attrs(widget.attrs, attrs)),
                       format_html_join("", "{}", ((option,) for option in options)))


def _choices(bound_field, kind: str):
    """GOV.UK radios or checkboxes for a choice field, keeping what the user chose."""
    selected = bound_field.value()
    if not isinstance(selected, list | tuple):
        selected = [selected]
    selected = {str(value) for value in selected if value not in (None, "")}
    input_type = "radio" if kind == "radios" else "checkbox"
    size = " govuk-radios--small" if kind == "radios" else " govuk-checkboxes--small"
    choices = [(v, lab) for v, lab in bound_field.field.choices if v not in ("", None)]
    items = []
    for index, (value, label) in enumerate(choices):
        item_id = bound_field.auto_id if index == 0 else f"{bound_field.auto_id}-{index}"
        items.append(format_html(
            '<div class="govuk-{kind}__item"><input class="govuk-{kind}__input" type="{type}" '
            'id="{id}" name="{name}" value="{value}"{checked}><label class="govuk-label '
            'govuk-{kind}__label" for="{id}">{label}</label></div>',
            kind=kind, type=input_type, id=item_id, name=bound_field.html_name, value=value,
            checked=CHECKED if str(value) in selected else "", label=label))
    return format_html('<div class="govuk-{}{}" data-module="govuk-{}">{}</div>', kind, size,
                       kind, format_html_join("", "{}", ((item,) for item in items)))
