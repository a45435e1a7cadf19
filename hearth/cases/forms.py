from django import forms

from hearth.accounts.models import Team, User
from hearth.core.forms import GovukDateField, GovukForm


class AllocateForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.filter(holds_cases=True),
                                  error_messages={"required": "Select a team"})
    worker = forms.ModelChoiceField(
        label="Worker (optional)", required=False,
        queryset=User.objects.filter(is_active=True,
                                     role__in=("social_worker", "senior_practitioner",
                                               "team_manager")).select_related("team"),
        help_text="Leave empty to hold the child in the team unallocated")
    start_date = GovukDateField(label="From", error_messages={"required": "Enter a date"})
    reason = forms.CharField(label="Reason (optional)", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].label_from_instance = lambda u: f"{u} ({u.team})"

    def clean(self):
        data = super().clean()
        worker, team = data.get("worker"), data.get("team")
        if worker and team and worker.team_id != team.pk:
            self.add_error("worker", f"{worker} is not in {team}: choose someone in the team")
        return data


class CaseloadFilterForm(GovukForm):
    worker = forms.ModelChoiceField(label="Worker", required=False, queryset=User.objects.none(),
                                    empty_label="Everyone")
    unallocated = forms.BooleanField(label="Only children without a worker", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[
        ("name", "Name (A to Z)"), ("-name", "Name (Z to A)"), ("dob", "Oldest first"),
        ("-dob", "Youngest first"), ("worker", "Worker"), ("since", "Allocated longest"),
        ("-since", "Allocated most recently")])

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = User.objects.filter(team=team, is_active=True)


class ChronologyEntryForm(GovukForm):
    occurred_on = GovukDateField(label="When it happened",
                                 error_messages={"required": "Enter the date it happened"})
    title = forms.CharField(label="What happened", max_length=150,
                            error_messages={"required": "Say what happened"})
    detail = forms.CharField(label="Detail and analysis (optional)", widget=forms.Textarea,
                             required=False, max_length=5000,
                             help_text="What it meant for the child")
    source = forms.CharField(label="Source (optional)", max_length=100, required=False)


class TransferFilterForm(GovukForm):
    start = GovukDateField(label="Transferred from", required=False)
    end = GovukDateField(label="Transferred to", required=False)
    team = forms.ModelChoiceField(label="Team (from or to)", required=False,
                                  empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", "The end of the period must be after its start")
        return data
