"""The CIN census 2026/27 module 5 date-order rules stopped where the dates are entered, at
their boundaries: 9006 (letter on or after the decision to start), 9009 (the step decision on
or after it), 9012 (the application made on or after the decision to issue) and 9013 (the
letter to the parents on or after the application), with GOV.UK messages; and CourtAppDate
from the day the application was made."""

import datetime as dt

import pytest

from hearth.core.errors import DomainError
from hearth.court import rules, selectors, services
from hearth.court.forms import ApplicationForm
from hearth.court.tests.factories import pre_proceedings

pytestmark = pytest.mark.django_db
D = dt.date


def _letter(legal_case, personas, on):
    return services.letter_before_proceedings_send(legal_case=legal_case, sent_on=on,
                                                   fgdm_offered=True, actor=personas.sw_alice)


def _outcome(legal_case, personas, on, outcome="issue"):
    return services.pre_proceedings_outcome_record(legal_case=legal_case, outcome=outcome,
                                                   decided_on=on, actor=personas.tm_bob)


def _apply(legal_case, personas, **dates):
    return services.application_record(legal_case=legal_case, court="Family Court",
                                       application_type="care_order",
                                       actor=personas.sw_alice, **dates)


def test_9006_the_letter_may_be_sent_on_the_day_pre_proceedings_started_not_before(
        personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 4, 6))
    with pytest.raises(DomainError, match=r"The date the letter was sent must be on or after "
                                          r"the decision to start pre-proceedings \(6 April "
                                          r"2026\)") as refused:
        _letter(legal_case, personas, D(2026, 4, 5))
    assert refused.value.field == "sent_on"
    assert _letter(legal_case, personas, D(2026, 4, 6)).letter_sent_on == D(2026, 4, 6)


def test_9009_the_step_decision_may_be_on_the_day_pre_proceedings_started_not_before(
        personas, child):
    legal_case = pre_proceedings(child, personas, on=D(2026, 4, 6))
    with pytest.raises(DomainError, match=r"The date of the decision must be on or after the "
                                          r"decision to start pre-proceedings"):
        _outcome(legal_case, personas, D(2026, 4, 5), outcome="step_down")
    assert _outcome(legal_case, personas, D(2026, 4, 6),
                    outcome="step_down").pp_outcome_on == D(2026, 4, 6)


def test_9012_the_application_may_be_made_on_the_day_of_the_decision_not_before(
        personas, child):
    legal_case = _outcome(pre_proceedings(child, personas, on=D(2026, 4, 6)), personas,
                          D(2026, 5, 11))
    with pytest.raises(DomainError, match=r"The date the application was made must be on or "
                                          r"after the decision to issue \(11 May 2026\)") as no:
        _apply(legal_case, personas, applied_on=D(2026, 5, 10), issued_on=D(2026, 5, 12))
    assert no.value.field == "applied_on"
    with pytest.raises(DomainError, match=r"The date the application was issued must be on "
                                          r"or after the date it was made \(13 May 2026\)"):
        _apply(legal_case, personas, applied_on=D(2026, 5, 13), issued_on=D(2026, 5, 12))
    issued = _apply(legal_case, personas, applied_on=D(2026, 5, 11), issued_on=D(2026, 5, 11))
    assert (issued.applied_on, issued.issued_on) == (D(2026, 5, 11), D(2026, 5, 11))


def test_an_application_without_its_made_date_was_made_the_day_it_was_issued(personas, child):
    legal_case = _outcome(pre_proceedings(child, personas, on=D(2026, 4, 6)), personas,
                          D(2026, 5, 11))
    assert _apply(legal_case, personas, issued_on=D(2026, 5, 14)).applied_on == D(2026, 5, 14)


def test_9013_the_letter_to_the_parents_may_be_sent_the_day_of_the_issue_not_before(
        personas, child):
    legal_case = _outcome(pre_proceedings(child, personas, on=D(2026, 4, 6)), personas,
                          D(2026, 5, 11))
    with pytest.raises(DomainError, match=r"The date of the letter to the parents must be on "
                                          r"or after the application \(12 May 2026\)") as no:
        _apply(legal_case, personas, applied_on=D(2026, 5, 11), issued_on=D(2026, 5, 12),
               parents_letter_on=D(2026, 5, 11))
    assert no.value.field == "parents_letter_on"
    done = _apply(legal_case, personas, applied_on=D(2026, 5, 11), issued_on=D(2026, 5, 12),
                  parents_letter_on=D(2026, 5, 12))
    [module] = selectors.census_pre_proceedings(child, year=2026)
    assert (module["StepDecisionDate"], module["CourtAppDate"], module["LetterInitCPDate"],
            module["PPOutcome"]) == (D(2026, 5, 11), D(2026, 5, 11), D(2026, 5, 12), "B")
    assert done.parents_letter_on == D(2026, 5, 12)


def _form(**dates):
    data = {"court": "Family Court", "application_type": "care_order"}
    for name, day in dates.items():
        data.update({f"{name}_day": str(day.day), f"{name}_month": str(day.month),
                     f"{name}_year": str(day.year)})
    return ApplicationForm(data=data)


def test_the_form_says_when_the_issue_or_the_letter_comes_too_early():
    form = _form(applied_on=D(2026, 5, 13), issued_on=D(2026, 5, 12),
                 parents_letter_on=D(2026, 5, 11))
    assert not form.is_valid()
    assert form.errors["issued_on"] == ["The date the application was issued must be on or "
                                        "after the date it was made (13 May 2026)"]
    assert form.errors["parents_letter_on"] == ["The date of the letter to the parents must be "
                                                "on or after the application was issued (12 May "
                                                "2026)"]
    assert _form(issued_on=D(2026, 5, 12), parents_letter_on=D(2026, 5, 12)).is_valid()


def test_court_app_date_is_the_day_the_application_was_made():
    facts = rules.PreProceedingsFacts(D(2026, 5, 1), None, None, (), "issue", D(2026, 6, 1),
                                      D(2026, 6, 5), None, applied_on=D(2026, 6, 3))
    assert rules.census_module(facts)["CourtAppDate"] == D(2026, 6, 3)
    older = rules.PreProceedingsFacts(D(2026, 5, 1), None, None, (), "issue", D(2026, 6, 1),
                                      D(2026, 6, 5), None)
    assert rules.census_module(older)["CourtAppDate"] == D(2026, 6, 5)
