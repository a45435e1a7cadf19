EVENTS = {
    "LADO_MEMBER_ADDED": "A service manager added someone to the LADO team",
    "LADO_MEMBER_ENDED": "A service manager ended someone's membership of the LADO team",
    "LADO_TEAM_VIEWED": "A service manager viewed the LADO team's membership",
    "LADO_ALLEGATION_RECORDED": "An allegation against someone who works with children was "
                                "recorded (LADO)",
    "LADO_ALLEGATION_CHANGED": "The details of an allegation were changed (LADO)",
    "LADO_INITIAL_CONSIDERATION_RECORDED": "The LADO's initial consideration of an allegation "
                                           "was recorded",
    "LADO_MEETING_RECORDED": "An evaluation or strategy meeting about an allegation was recorded",
    "LADO_OUTCOME_RECORDED": "The outcome of an allegation and any referrals on were recorded",
    "LADO_ALLEGATION_CLOSED": "An allegation was closed (LADO)",
    "LADO_ALLEGATION_VIEWED": "A member of the LADO team opened an allegation",
    "LADO_ALLEGATIONS_LISTED": "A member of the LADO team viewed the list of allegations",
    "LADO_REPORT_VIEWED": "A member of the LADO team viewed the yearly LADO figures",
}
