"""Pure rules for permanence: the date order of the adoption steps, special guardianship and
reunification, the permanence plan's clock (T32: by the second looked-after review), the 903
codes derived from the adopters, and the previous permanence order's checks."""

import datetime as dt
import re

from hearth.care import rules as care_rules
from hearth.core.errors import DomainError
from hearth.workingdays.rules import WorkingDayCalendar, add_months

LA_CODE = re.compile(r"^([0-9]{3}|WAL|SCO|NUK|NIR)$")
# Each adoption step: the decision's field, what it is called, and the steps it may not be
# before ((field, what it is called)), in the order they happen.
ADOPTION_STEPS = {
    "placement_order_on": ("The date of the placement order",
                           [("decided_on", "the decision that the child should be placed for "
                                           "adoption")]),
    "ffa_placed_on": ("The date of the fostering for adoption placement", []),
    "matched_on": ("The date of matching",
                   [("decided_on", "the decision that the child should be placed for "
                                   "adoption")]),
    "placed_on": ("The date the child was placed for adoption",
                  [("matched_on", "the match with the adopters")]),
    "adoption_order_on": ("The date of the adoption order",
                          [("placed_on", "the date the child was placed for adoption")]),
    "reversed_on": ("The date of the decision that the child should no longer be placed for "
                    "adoption",
                    [("decided_on", "the decision that the child should be placed for "
                                    "adoption")]),
}
# A step that needs an earlier one recorded first.
NEEDS_FIRST = {"placed_on": "matched_on", "adoption_order_on": "placed_on"}
NEEDS_FIRST_MESSAGE = {
    "placed_on": "Record the match with the adopters before the child is placed",
    "adoption_order_on": "Record the date the child was placed for adoption before the "
                         "adoption order",
}


def day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def ensure_date(value: dt.date | None, *, today: dt.date, field: str, what: str,
                not_before: dt.date | None = None, before_what: str = "") -> None:
    if value is None:
        raise DomainError(f"Enter {what[0].lower()}{what[1:]}", field=field)
    if value > today:
        raise DomainError(f"{what} must be today or in the past", field=field)
    if not_before is not None and value < not_before:
        raise DomainError(f"{what} must be on or after {before_what} ({day(not_before)})",
                          field=field)


def ensure_adoption_step(step: str, value: dt.date | None, *, facts: dict, today: dt.date,
                         period_started_on: dt.date | None) -> None:
    """`facts` are the decision's dates so far ({field: date or None}). Refuses a step already
    recorded, one whose earlier step is missing, and a date before the steps it follows.
    `period_started_on` is None when the day the child became looked after is not known."""
    what, after = ADOPTION_STEPS[step]
    if facts.get("adoption_order_on"):
        raise DomainError("The adoption order has been made: nothing more can be recorded on "
                          "this decision", field=step)
    if facts.get("reversed_on"):
        raise DomainError("This decision was reversed: record a new decision instead",
                          field=step)
    if facts.get(step):
        raise DomainError(f"{what} is already recorded ({day(facts[step])})", field=step)
    if step in NEEDS_FIRST and not facts.get(NEEDS_FIRST[step]):
        raise DomainError(NEEDS_FIRST_MESSAGE[step], field=step)
    ensure_date(value, today=today, field=step, what=what)
    for earlier, earlier_what in after:
        if facts.get(earlier) and value < facts[earlier]:
            raise DomainError(f"{what} must be on or after {earlier_what} "
                              f"({day(facts[earlier])})", field=step)
    if step == "ffa_placed_on":
        ensure_date(value, today=today, field=step, what=what, not_before=period_started_on,
                    before_what="the day the child became looked after")
        if facts.get("placed_on") and value > facts["placed_on"]:
            raise DomainError(f"{what} must be on or before the date the child was placed for "
                              f"adoption ({day(facts['placed_on'])})", field=step)


def ensure_decision(*, decided_on: dt.date | None, today: dt.date,
                    period_started_on: dt.date | None, has_open_decision: bool) -> None:
    if has_open_decision:
        raise DomainError("The child already has a decision that they should be placed for "
                          "adoption: record its next step, or reverse it first",
                          field="decided_on")
    ensure_date(decided_on, today=today, field="decided_on",
                what="The date of the decision", not_before=period_started_on,
                before_what="the day the child became looked after")


def ensure_reversal_reason(reason: str, valid: list[str]) -> None:
    if reason not in valid:
        raise DomainError("Choose why the child should no longer be placed for adoption",
                          field="reversed_reason")


# --- the permanence plan's clock (T32) -------------------------------------------------------

def plan_due_on(*, started_on: dt.date, first_review_on: dt.date | None,
                calendar: WorkingDayCalendar) -> dt.date:
    """The plan is due by the second looked-after review: before the first review, when that
    review would be due if the first is held on its due day; after it, the second's due date
    (3 months after the first)."""
    first = first_review_on or calendar.add_working_days(
        started_on, care_rules.FIRST_REVIEW_WORKING_DAYS)
    return add_months(first, care_rules.SECOND_REVIEW_MONTHS)


def plan_rule() -> str:
    return "Permanence plan by the second CLA review v1"


def plan_by_second_review(*, first_agreed_on: dt.date | None,
                          second_review_on: dt.date | None) -> bool | None:
    """Whether a plan was agreed by the second review (the day of the review counts); None
    while the second review has not been held."""
    if second_review_on is None:
        return None
    return first_agreed_on is not None and first_agreed_on <= second_review_on


def days_in_stage(*, stage_since: dt.date, today: dt.date) -> int:
    return max(0, (today - stage_since).days)


# --- adopters ----------------------------------------------------------------------------------

def sex_of_adopters(sexes: list[str]) -> str:
    """903 AD1 SEX_ADOPTR from the adopters' sexes: M1, F1, MM, FF or MF."""
    if len(sexes) == 1:
        return f"{sexes[0]}1"
    ordered = sorted(sexes, key=lambda s: "MF".index(s))
    return "".join(ordered)


def ensure_adopters(*, legal_status: str, sexes: list[str]) -> None:
    """The legal status agrees with the number and sexes of the adopters (903 rules 517–522)."""
    if len(sexes) not in (1, 2):
        raise DomainError("Enter one or two adopters", field="adopter1_name")
    if legal_status == "L0" and len(sexes) != 1:
        raise DomainError("A single adopter has one adopter: remove the second or choose a "
                          "couple's legal status", field="legal_status")
    if legal_status != "L0" and len(sexes) != 2:
        raise DomainError("A couple has two adopters: enter the second adopter",
                          field="adopter2_name")
    if len(sexes) == 2:
        pair = sex_of_adopters(sexes)
        if legal_status in ("L11", "L3") and pair != "MF":
            raise DomainError("This legal status is for a couple of different sexes",
                              field="legal_status")
        if legal_status in ("L12", "L4") and pair == "MF":
            raise DomainError("This legal status is for a couple of the same sex",
                              field="legal_status")


HOUSEHOLD_STAGES = {
    "stage1_started_on": ("The date stage 1 started", "enquiry_on"),
    "stage1_ended_on": ("The date stage 1 ended", "stage1_started_on"),
    "stage2_started_on": ("The date stage 2 started", "stage1_ended_on"),
    "stage2_ended_on": ("The date stage 2 ended", "stage2_started_on"),
    "application_on": ("The date the application was submitted", "enquiry_on"),
    "approved_on": ("The date the application was approved", "application_on"),
}
FIELD_NAMES = {"enquiry_on": "the enquiry", "stage1_started_on": "the start of stage 1",
               "stage1_ended_on": "the end of stage 1", "stage2_started_on": "the start of "
               "stage 2", "stage2_ended_on": "the end of stage 2",
               "application_on": "the application"}


def ensure_household_stage(step: str, value: dt.date | None, *, facts: dict,
                           today: dt.date) -> None:
    what, after = HOUSEHOLD_STAGES[step]
    if facts.get("left_on"):
        raise DomainError("These adopters have left the process", field=step)
    if facts.get(step):
        raise DomainError(f"{what} is already recorded ({day(facts[step])})", field=step)
    if not facts.get(after):
        raise DomainError(f"Record {FIELD_NAMES[after]} first", field=step)
    ensure_date(value, today=today, field=step, what=what, not_before=facts[after],
                before_what=FIELD_NAMES[after])


# --- special guardianship, reunification, previous permanence ---------------------------------

def ensure_sgo_step(step: str, value: dt.date | None, *, started_on: dt.date,
                    completed_on: dt.date | None, order_on: dt.date | None,
                    today: dt.date) -> None:
    if order_on is not None:
        raise DomainError("The special guardianship order is already recorded", field=step)
    if step == "assessment_completed_on":
        if completed_on is not None:
            raise DomainError("The assessment is already recorded as complete", field=step)
        ensure_date(value, today=today, field=step, what="The date the assessment was "
                    "completed", not_before=started_on, before_what="its start")
        return
    if completed_on is None:
        raise DomainError("Record the assessment as complete before the order", field=step)
    ensure_date(value, today=today, field=step, what="The date of the order",
                not_before=completed_on, before_what="the end of the assessment")


def ensure_discharge(value: dt.date | None, *, returned_home_on: dt.date,
                     already: dt.date | None, today: dt.date) -> None:
    if already is not None:
        raise DomainError("The discharge of the care order is already recorded",
                          field="care_order_discharged_on")
    ensure_date(value, today=today, field="care_order_discharged_on",
                what="The date the care order was discharged", not_before=returned_home_on,
                before_what="the day the child returned home")


def ensure_previous_permanence(*, order: str, la_code: str, order_on: dt.date | None,
                               period_started_on: dt.date) -> None:
    if order == "Z1":
        if la_code or order_on:
            raise DomainError("Leave the local authority and date empty when there was no "
                              "previous order", field="la_code")
        return
    if not LA_CODE.match(la_code):
        raise DomainError("Enter the local authority's 3-digit code, or WAL, SCO, NIR or NUK",
                          field="la_code")
    if order_on is None:
        raise DomainError("Enter the date of the order", field="order_on")
    if order_on > period_started_on:
        raise DomainError("The previous order must be dated before this period of care began "
                          f"({day(period_started_on)})", field="order_on")
