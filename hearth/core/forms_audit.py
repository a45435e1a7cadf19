from django import forms

from hearth.core import events
from hearth.core.forms import GovukDateField, GovukForm


class AuditSearchForm(GovukForm):
    username = forms.CharField(label="Username", required=False)
    event_code = forms.ChoiceField(label="What happened", required=False)
    la_child_id = forms.CharField(label="LA child ID", required=False)
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_code"].choices = [("", "Anything")] + [
            (code, f"{description} ({code})") for code, description in events.all_codes().items()
        ]

    def clean(self):
        data = super().clean()
        if data.get("la_child_id"):
            from hearth.people.models import Person

            person = Person.objects.filter(la_child_id__iexact=data["la_child_id"]).first()
            if person is None:
                self.add_error("la_child_id", "No child has this LA child ID")
            else:
                data["child_id"] = person.pk
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The 'to' date must be on or after the 'from' date")
        return data
