import datetime as dt

from hearth.permanence import services

D = dt.date
APPROVED_ON = D(2026, 1, 20)


def approved_household(actor, *, approved_on=APPROVED_ON, legal_status="L11",
                       fostering_for_adoption=False, adopters=None):
    household = services.household_add(
        legal_status=legal_status, enquiry_on=D(2025, 6, 1), actor=actor,
        fostering_for_adoption=fostering_for_adoption,
        adopters=adopters or [{"name": "Synthetic Adopter One", "sex": "M", "ethnicity": "WBRI"},
                              {"name": "Synthetic Adopter Two", "sex": "F", "ethnicity": "MWBC",
                               "disabled": True}])
    for step, on in (("stage1_started_on", D(2025, 7, 1)), ("stage1_ended_on", D(2025, 8, 15)),
                     ("stage2_started_on", D(2025, 9, 1)), ("stage2_ended_on", D(2025, 12, 1)),
                     ("application_on", D(2025, 8, 20)), ("approved_on", approved_on)):
        services.household_stage_record(household=household, step=step, on=on, actor=actor)
    household.refresh_from_db()
    return household


def adopted(period, actor, household, *, ffa=False):
    decision = services.adoption_decision_record(period=period, decided_on=D(2025, 11, 3),
                                                 decision_maker="Synthetic ADM", actor=actor)
    steps = [("placement_order_on", D(2025, 12, 15))]
    if ffa:
        steps.append(("ffa_placed_on", D(2025, 12, 20)))
    steps += [("matched_on", D(2026, 2, 2)), ("placed_on", D(2026, 2, 16)),
              ("adoption_order_on", D(2026, 5, 20))]
    for step, on in steps:
        services.adoption_step_record(decision=decision, step=step, on=on, actor=actor,
                                      household=household if step == "matched_on" else None)
    decision.refresh_from_db()
    return decision
