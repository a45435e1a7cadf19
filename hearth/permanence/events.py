EVENTS = {
    "PERMANENCE_PLAN_RECORDED": "A child's permanence plan was agreed or changed",
    "PERMANENCE_STAGE_CHANGED": "A permanence plan moved to a new stage",
    "PERMANENCE_PANEL_RECORDED": "A permanence panel or meeting was recorded",
    "ADOPTION_DECISION_RECORDED": "The decision that a child should be placed for adoption",
    "ADOPTION_STEP_RECORDED": "A step after the adoption decision (placement order, matching, "
                              "placement, adoption order, fostering for adoption, reversal)",
    "ADOPTER_HOUSEHOLD_ADDED": "Prospective adopters were recorded",
    "ADOPTER_HOUSEHOLD_STAGE_RECORDED": "A stage of prospective adopters' assessment",
    "ADOPTER_HOUSEHOLD_LEFT": "Prospective adopters left the adoption process",
    "ADOPTER_HOUSEHOLD_VIEWED": "Prospective adopters' record was read",
    "ADOPTERS_LISTED": "The list of prospective adopters was read",
    "SGO_RECORDED": "A special guardianship assessment or order was recorded",
    "LONG_TERM_MATCH_RECORDED": "A long-term fostering match was recorded",
    "REUNIFICATION_RECORDED": "A child's return home or the discharge of the care order",
    "PREVIOUS_PERMANENCE_RECORDED": "The child's permanence order before this period of care",
    "PERMANENCE_TRACKER_VIEWED": "The permanence tracker was read",
}
