from django import forms

from hearth.core.forms import GovukDateField, GovukForm
from hearth.workingdays.models import LocalClosureDay

REASON_MAX_LENGTH = LocalClosureDay._meta.get_field("reason").max_length


class ClosureDayForm(GovukForm):
    date = GovukDateField(
        label="Date the offices are closed",
        help_text="A weekday that is not a bank holiday, for example 27 3 2026",
        error_messages={"required": "Enter the date of the closure day"},
    )
    reason = forms.CharField(
        label="Reason",
        help_text="For example, offices closed because of snow",
        max_length=REASON_MAX_LENGTH,
        error_messages={
            "required": "Enter why the offices are closed",
            "max_length": f"The reason must be {REASON_MAX_LENGTH} characters or fewer",
        },
    )
