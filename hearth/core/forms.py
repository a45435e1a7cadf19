"""GOV.UK Design System form rendering through Django's own form-rendering API.

Every bound field renders as a GOV.UK form group (label, hint, error message, input) from the
templates in hearth/templates/govuk/forms/, so a new form needs almost no template code.
`{{ form }}` gives the fields in order; `{% include "govuk/error_summary.html" %}` the summary.
"""

import datetime as dt

from django import forms
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"


class GovukDateInput(forms.MultiWidget):
    """Day, month and year boxes, the GOV.UK date input pattern."""

    template_name = "govuk/forms/widgets/date.html"

    def __init__(self, attrs=None):
        widgets = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "month": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "year": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = [data.get(f"{name}_{part}", "").strip() for part in ("day", "month", "year")]
        if not any(parts):
            return None
        return parts


class GovukDateField(forms.Field):
    widget = GovukDateInput
    default_error_messages = {
        "invalid": "Enter a real date, for example 27 3 2015",
        "incomplete": "Enter a day, a month and a year",
    }

    def to_python(self, value):
        if value in (None, "", [None, None, None]):
            return None
        if isinstance(value, dt.date):
            return value
        day, month, year = value
        if not (day and month and year):
            raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            year_number = int(year)
            if year_number < 1000:
                raise ValueError
            return dt.date(year_number, int(month), int(day))
        except (TypeError, ValueError, OverflowError):  # OverflowError: a 20-digit month
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class GovukForm(forms.Form):
    """Base for Hearth's forms: fields named in errors, GOV.UK markup."""

    template_name = "govuk/forms/form.html"


class GovukModelForm(forms.ModelForm):
    template_name = "govuk/forms/form.html"


def save_or_show(form, save):
    """Runs `save` (a service call) for a valid form. A broken rule of the service becomes an
    error on the form's field (or the whole form), so the page is shown again with everything
    typed still in it, and None is returned. Otherwise: what `save` returned, or True. A rule
    about a moment (`started_at`) is shown on its date field (`started_on`) when the form asks
    for the date."""
    from hearth.core.errors import DomainError

    try:
        result = save()
    except DomainError as error:
        field = error.field or ""
        if field not in form.fields and field.endswith("_at"):
            field = field.removesuffix("_at") + "_on"
        form.add_error(field if field in form.fields else None, error.message)
        return None
    return True if result is None else result
