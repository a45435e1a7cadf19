"""The returns interface other apps code against (hearth/permanence/returns.py)."""

import datetime as dt

import pytest

from hearth.care.tests.factories import period_for
from hearth.permanence import returns, services
from hearth.permanence.tests.factories import adopted, approved_household

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = (D(2025, 4, 1), D(2026, 3, 31))


@pytest.fixture
def adopted_child(personas, period):
    household = approved_household(personas.sw_alice, legal_status="L11")
    return adopted(period, personas.sm_sara, household, ffa=True)


def test_ad1_for_a_child_adopted_in_the_year(personas, adopted_child):
    child_id = adopted_child.child_id
    # The order (20 May 2026) is in 2026/27, not 2025/26.
    assert returns.ssda903_ad1([child_id], *YEAR) == {}
    assert returns.ssda903_ad1([child_id], D(2026, 4, 1), D(2027, 3, 31)) == {child_id: {
        "DATE_INT": D(2025, 11, 3), "DATE_MATCH": D(2026, 2, 2), "FOSTER_CARE": 1,
        "NB_ADOPTR": 2, "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"}}


def test_placed_adoption_rows_for_decisions_open_in_the_year(personas, period):
    sm = personas.sm_sara
    decision = services.adoption_decision_record(period=period, decided_on=D(2025, 11, 3),
                                                 decision_maker="Synthetic ADM", actor=sm)
    services.adoption_step_record(decision=decision, step="reversed_on", on=D(2026, 4, 2),
                                  reason="RD1", actor=sm)
    child_id = period.child_id
    assert returns.ssda903_placed_adoption([child_id], *YEAR) == [
        {"child_id": child_id, "DATE_PLACED": D(2025, 11, 3), "DATE_PLACED_CEASED": None,
         "REASON_PLACED_CEASED": ""}]
    assert returns.ssda903_placed_adoption([child_id], D(2026, 4, 1), D(2027, 3, 31)) == [
        {"child_id": child_id, "DATE_PLACED": D(2025, 11, 3),
         "DATE_PLACED_CEASED": D(2026, 4, 2), "REASON_PLACED_CEASED": "RD1"}]
    # Reversed before the next year started: not in it.
    assert returns.ssda903_placed_adoption([child_id], D(2027, 4, 1), D(2028, 3, 31)) == []
    assert returns.ssda903_placed_adoption([], *YEAR) == []


def test_prev_perm_from_the_latest_period(personas, child):
    sw = personas.sw_alice
    from hearth.care import services as care

    old = period_for(child, sw, started_on=D(2025, 1, 6))
    services.previous_permanence_record(period=old, order="Z1", actor=sw)
    care.care_end(period=old, ended_on=D(2025, 3, 1), reason="E4A", actor=sw)
    new = period_for(child, sw, started_on=D(2025, 9, 1))
    services.previous_permanence_record(period=new, order="P3", la_code="332",
                                        order_on=D(2025, 4, 1), actor=sw)
    assert returns.ssda903_prev_perm([child.pk]) == {child.pk: {
        "PREV_PERM": "P3", "LA_PERM": "332", "DATE_PERM": D(2025, 4, 1)}}


def test_annex_a_list_10_columns_and_window(personas, adopted_child):
    rows = returns.annex_a_list_10(D(2025, 6, 1), D(2026, 5, 31))
    assert list(rows[0]) == ["child_id", *returns.LIST_10_COLUMNS]
    row = rows[0]
    assert row["child_id"] == adopted_child.child_id
    assert row["Family identifier"] == adopted_child.household.reference
    assert row["Date the Child Entered Care"] == D(2025, 9, 1)
    assert row["Date of Decision that Child Should be Placed for Adoption"] == D(2025, 11, 3)
    assert row["Date of Adoption Order"] == D(2026, 5, 20)
    assert row["Date the child was placed for fostering in FFA or concurrent planning "
               "placement"] == D(2025, 12, 20)
    assert row["Reason Why Child No Longer Placed for Adoption"] == ""
    assert returns.annex_a_list_10(D(2026, 5, 21), D(2026, 5, 31)) == []


def test_annex_a_list_11_one_row_per_adopter(personas, adopted_child):
    rows = returns.annex_a_list_11(D(2025, 6, 1), D(2026, 5, 31))
    assert [list(r) for r in rows] == [list(returns.LIST_11_COLUMNS)] * 2
    reference = adopted_child.household.reference
    first, second = rows
    assert first["Individual adopter identifier"] == f"{reference}-1"
    assert first["Gender"] == "Male" and second["Disability"] == "Yes"
    assert first["Date adopter matched with child(ren)"] == D(2026, 2, 2)
    assert first["No. of children placed"] == 1
    assert first["Date of Adoption Order"] == D(2026, 5, 20)
    assert first["Date application approved"] == D(2026, 1, 20)
    assert first["Reason for leaving adoption process"] == ""


def test_permanence_plans_as_at_a_day(personas, period):
    sw = personas.sw_alice
    services.plan_record(period=period, plan_type="reunification", agreed_on=D(2025, 10, 1),
                         actor=sw)
    services.plan_record(period=period, plan_type="long_term_fostering",
                         agreed_on=D(2026, 2, 1), actor=sw)
    child_id = period.child_id
    assert returns.permanence_plans([child_id], D(2025, 9, 30)) == {}
    assert returns.permanence_plans([child_id], D(2026, 1, 31)) == {
        child_id: "Return home (reunification)"}
    assert returns.permanence_plans([child_id], D(2026, 2, 1)) == {
        child_id: "Long-term fostering"}
