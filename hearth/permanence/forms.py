"""Input shape and the messages a user sees. The services check the same rules again."""

from django import forms

from hearth.accounts.models import Team
from hearth.core.forms import GovukDateField, GovukForm
from hearth.people.codes import Ethnicity
from hearth.permanence import codes

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes(value: str) -> bool:
    return value == "yes"


def _date(label: str, message: str, required: bool = True) -> GovukDateField:
    return GovukDateField(label=label, help_text="For example, 27 3 2026", required=required,
                          error_messages={"required": message})


def _line(label: str, message: str, help_text: str = "", required: bool = True,
          max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, help_text=help_text,
                           required=required, error_messages={"required": message})


def _note() -> forms.CharField:
    return forms.CharField(label="Notes (optional)", max_length=10000, required=False,
                           widget=forms.Textarea(attrs={"rows": 4}))


def _radios(label: str, choices, message: str, required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                             required=required,
                             error_messages={"required": message, "invalid_choice": message})


def _yes_no(label: str, message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=YES_NO, coerce=_yes,
                                  widget=forms.RadioSelect, error_messages={"required": message})


class PlanForm(GovukForm):
    plan_type = _radios("What is the permanence plan?", codes.PlanType.choices,
                        "Choose the permanence plan")
    agreed_on = _date("Date the plan was agreed", "Enter the date the plan was agreed")
    stage = _radios("What stage has it reached?", codes.Stage.choices,
                    "Choose the stage the plan has reached")
    note = _note()


class StageForm(GovukForm):
    stage = _radios("What stage has the plan reached?", codes.Stage.choices,
                    "Choose the stage the plan has reached")
    since = _date("Date the stage was reached", "Enter the date the stage was reached")
    note = _note()


class PanelForm(GovukForm):
    kind = _radios("Which panel or meeting", codes.PanelKind.choices,
                   "Choose the panel or meeting")
    held_on = _date("Date of the panel or meeting", "Enter the date of the panel or meeting")
    recommendation = _line("What it recommended or decided",
                           "Enter what the panel recommended or decided", max_length=300)
    note = _note()


class DecisionForm(GovukForm):
    decided_on = _date("Date of the decision that the child should be placed for adoption",
                       "Enter the date of the decision")
    decision_maker = _line("Agency decision maker", "Enter the agency decision maker",
                           "Their name and role")
    note = _note()


class StepForm(GovukForm):
    on = _date("Date", "Enter the date")


class MatchForm(GovukForm):
    on = _date("Date of matching", "Enter the date of matching")
    household = forms.ModelChoiceField(
        label="Prospective adopters", queryset=None, empty_label="Choose the adopters",
        error_messages={"required": "Choose the prospective adopters the child is matched with",
                        "invalid_choice": "Choose the prospective adopters the child is "
                                          "matched with"})

    def __init__(self, *args, households=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households
        self.fields["household"].label_from_instance = lambda h: (
            f"{h.reference} (approved {h.approved_on:%d %b %Y})")


class ReverseForm(GovukForm):
    on = _date("Date of the decision that the child should no longer be placed for adoption",
               "Enter the date of the decision")
    reversed_reason = _radios("Why", codes.ReasonNoLongerPlaced.choices,
                     "Choose why the child should no longer be placed for adoption")


class SgoForm(GovukForm):
    guardians = _line("Who would be the special guardians", "Enter who the special guardians "
                      "would be", "For example, the child's maternal grandparents")
    relationship = _radios("Who are they", codes.GuardianRelationship.choices,
                           "Choose who the special guardians are")
    started_on = _date("Date the assessment started", "Enter the date the assessment started")
    note = _note()


class MatchLongTermForm(GovukForm):
    carers = _line("Foster carers", "Enter the foster carers", "Their names or household "
                   "reference")
    matched_on = _date("Date of the long-term match", "Enter the date of the match")
    note = _note()


class ReunificationForm(GovukForm):
    returned_home_on = _date("Date the child returned home",
                             "Enter the date the child returned home")
    note = _note()


class DischargeForm(GovukForm):
    on = _date("Date the care order was discharged", "Enter the date the care order was "
               "discharged")


class PreviousPermanenceForm(GovukForm):
    order = _radios("Did the child have a permanence order before this period of care?",
                    codes.PreviousPermanenceOrder.choices,
                    "Choose the previous permanence order, or none")
    la_code = _line("Local authority that made the arrangements (optional if none)",
                    "Enter the local authority", "Its 3-digit code, or WAL, SCO, NIR or NUK",
                    required=False, max_length=3)
    order_on = _date("Date of the order (optional if none)", "Enter the date of the order",
                     required=False)


class HouseholdForm(GovukForm):
    legal_status = _radios("Legal status of the adopters", codes.AdopterLegalStatus.choices,
                           "Choose the adopters' legal status")
    enquiry_on = _date("Date the enquiry was received", "Enter the date the enquiry was "
                       "received")
    fostering_for_adoption = _yes_no("Are they also approved to foster for adoption?",
                                     "Say whether they are fostering for adoption")
    adopter1_name = _line("First adopter's name", "Enter adopter 1's name")
    adopter1_sex = _radios("First adopter's sex", codes.AdopterSex.choices,
                           "Choose adopter 1's sex")
    adopter1_ethnicity = forms.ChoiceField(label="First adopter's ethnicity",
                                           choices=Ethnicity.choices,
                                           error_messages={"required": "Choose adopter 1's "
                                                                       "ethnicity"})
    adopter1_disabled = _yes_no("Does the first adopter have a disability?",
                                "Say whether adopter 1 has a disability")
    adopter2_name = _line("Second adopter's name (if a couple)", "", required=False)
    adopter2_sex = _radios("Second adopter's sex (if a couple)", codes.AdopterSex.choices,
                           "Choose adopter 2's sex", required=False)
    adopter2_ethnicity = forms.ChoiceField(label="Second adopter's ethnicity (if a couple)",
                                           choices=[("", "Not a couple"), *Ethnicity.choices],
                                           required=False)
    adopter2_disabled = forms.BooleanField(label="The second adopter has a disability",
                                           required=False)
    note = _note()

    def clean(self):
        data = super().clean()
        if data.get("adopter2_name") and not data.get("adopter2_sex"):
            self.add_error("adopter2_sex", "Choose adopter 2's sex")
        return data

    def adopters(self) -> list[dict]:
        data = self.cleaned_data
        found = [{"name": data["adopter1_name"], "sex": data["adopter1_sex"],
                  "ethnicity": data["adopter1_ethnicity"],
                  "disabled": data["adopter1_disabled"]}]
        if data.get("adopter2_name"):
            found.append({"name": data["adopter2_name"], "sex": data["adopter2_sex"],
                          "ethnicity": data.get("adopter2_ethnicity") or "NOBT",
                          "disabled": data.get("adopter2_disabled", False)})
        return found


class LeaveForm(GovukForm):
    left_on = _date("Date they left the adoption process", "Enter the date they left")
    left_reason = _radios("Why they left", codes.LeavingReason.choices,
                          "Choose why they left the adoption process")


class TrackerForm(GovukForm):
    team = forms.ModelChoiceField(label="Team", required=False, empty_label="All teams",
                                  queryset=Team.objects.filter(holds_cases=True))
    plan_type = forms.ChoiceField(label="Plan", required=False, choices=[
        ("", "All plans"), ("none", "No plan yet"), *codes.PlanType.choices])
    stage = forms.ChoiceField(label="Stage", required=False,
                              choices=[("", "All stages"), *codes.Stage.choices])
    sort = forms.ChoiceField(label="Order", required=False, choices=[
        ("name", "Child's name"), ("days", "Longest in stage first"),
        ("started", "Longest in care first"), ("team", "Team")])


class HouseholdListForm(GovukForm):
    status = forms.ChoiceField(label="Status", required=False, choices=[
        ("", "All"), ("assessment", "In assessment"), ("approved", "Approved"),
        ("left", "Left the process")])
    sort = forms.ChoiceField(label="Order", required=False, choices=[
        ("enquiry", "Newest enquiry first"), ("reference", "Family identifier"),
        ("approved", "Most recently approved first")])
