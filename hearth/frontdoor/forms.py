"""Input shape and the messages a user sees. The services check the same rules again."""

import datetime as dt

from django import forms
from django.utils import timezone

from hearth.core.forms import GovukDateField, GovukForm
from hearth.frontdoor.codes import (
    Consent,
    ContactDecision,
    PrimaryNeed,
    Rag,
    ReasonForClosure,
    ReferralSource,
)
from hearth.frontdoor.rules import UNRATED
from hearth.frontdoor.selectors import NetworkMember, QueueFilters

TIME_HELP = "24-hour clock, for example 14:30"


def _time_field(label: str, required_message: str) -> forms.TimeField:
    return forms.TimeField(
        label=label, widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        input_formats=["%H:%M", "%H.%M", "%H%M"], help_text=TIME_HELP,
        error_messages={"required": required_message,
                        "invalid": "Enter a real time, for example 14:30"})


def moment(day: dt.date, time: dt.time) -> dt.datetime:
    """A date and a time typed in as one moment in the local (London) time zone."""
    return timezone.make_aware(dt.datetime.combine(day, time))


def _reason(label: str, message: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 5}),
                           max_length=10000, error_messages={"required": message}, **kwargs)


class ContactForm(GovukForm):
    received_on = GovukDateField(label="Date received", help_text="For example, 27 3 2026",
                                 error_messages={"required": "Enter the date it was received"})
    received_time = _time_field("Time received", "Enter the time it was received")
    source = forms.ChoiceField(label="Where the contact came from",
                               choices=[("", "Choose a source"), *ReferralSource.choices],
                               error_messages={"required": "Select where the contact came from"})
    source_detail = forms.CharField(label="Who made contact (optional)", max_length=200,
                                    required=False,
                                    help_text="Their name, role and agency, and how to reach them")
    concern = _reason("The concern", "Describe the concern",
                      help_text="What happened, to whom, and what the person making contact "
                                "is worried about")
    consent = forms.ChoiceField(label="Consent to share information", choices=Consent.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": "Select whether consent was given"})
    consent_note = forms.CharField(
        label="If consent was not given, why not (or when it will be sought)", max_length=300,
        required=False)
    others_involved = forms.MultipleChoiceField(
        label="Other people involved", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="From the child's family and network. Link anyone missing on the child's "
                  "Family and network page first")

    def __init__(self, *args, network: list[NetworkMember], **kwargs):
        super().__init__(*args, **kwargs)
        self.network = {str(m.person.uuid): m.person for m in network}
        if network:
            self.fields["others_involved"].choices = [
                (str(m.person.uuid), f"{m.person.full_name} ({m.how})") for m in network]
        else:
            del self.fields["others_involved"]

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "received_at": moment(data["received_on"], data["received_time"]),
            "source": data["source"], "source_detail": data["source_detail"],
            "concern": data["concern"], "consent": data["consent"],
            "consent_note": data["consent_note"],
            "others_involved": [self.network[u] for u in data.get("others_involved", [])],
        }


class RateForm(GovukForm):
    rag = forms.ChoiceField(label="RAG rating", choices=Rag.choices, widget=forms.RadioSelect,
                            help_text="Red: the child may be at immediate risk; act today",
                            error_messages={"required": "Select a RAG rating"})


class DecideForm(GovukForm):
    rag = forms.ChoiceField(label="RAG rating", choices=Rag.choices, widget=forms.RadioSelect,
                            help_text="Every contact is rated before it is decided",
                            error_messages={"required": "Select a RAG rating"})
    decision = forms.ChoiceField(label="Decision", choices=ContactDecision.choices,
                                 widget=forms.RadioSelect,
                                 error_messages={"required": "Select a decision"})
    primary_need = forms.ChoiceField(
        label="Primary need (for a referral or strategy discussion)", required=False,
        choices=[("", "Choose the primary need"), *PrimaryNeed.choices],
        help_text="Not needed when the child already has an open episode: the contact joins it")
    decision_reason = _reason("Reason for the decision", "Give the reason for the decision")
    decided_on = GovukDateField(label="Date of the decision",
                                error_messages={"required": "Enter the date of the decision"})
    decided_time = _time_field("Time of the decision", "Enter the time of the decision")

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {"rag": data["rag"], "decision": data["decision"],
                "primary_need": data["primary_need"], "decision_reason": data["decision_reason"],
                "decided_at": moment(data["decided_on"], data["decided_time"])}


class ReferralForm(GovukForm):
    referral_date = GovukDateField(label="Referral date", help_text="For example, 27 3 2026",
                                   error_messages={"required": "Enter the referral date"})
    source = forms.ChoiceField(label="Referral source",
                               choices=[("", "Choose a source"), *ReferralSource.choices],
                               error_messages={"required": "Select the referral source"})
    primary_need = forms.ChoiceField(
        label="Primary need", required=False,
        choices=[("", "Choose the primary need"), *PrimaryNeed.choices],
        help_text="Needed unless the referral ended in no further action")
    no_further_action = forms.BooleanField(
        label="The referral ended in no further action", required=False)


class CloseEpisodeForm(GovukForm):
    closed_on = GovukDateField(label="Closure date", help_text="For example, 27 3 2026",
                               error_messages={"required": "Enter the closure date"})
    closure_reason = forms.ChoiceField(
        label="Reason for closure", widget=forms.RadioSelect,
        choices=[(code, f"{code}: {label}") for code, label in ReasonForClosure.choices],
        error_messages={"required": "Select the reason for closure"})


class QueueFilterForm(GovukForm):
    rag = forms.ChoiceField(label="RAG rating", required=False,
                            choices=[("", "Any rating"), *Rag.choices, (UNRATED, "Not rated")])
    source = forms.ChoiceField(label="Source", required=False,
                               choices=[("", "Any source"), *ReferralSource.choices])
    overdue_only = forms.BooleanField(label="Overdue only", required=False)

    def filters(self) -> QueueFilters:
        if not self.is_bound or not self.is_valid():
            return QueueFilters()
        data = self.cleaned_data
        return QueueFilters(rag=data["rag"], source=data["source"],
                            overdue_only=data["overdue_only"])
