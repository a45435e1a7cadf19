EVENTS = {
    "CIN_PLAN_STARTED": "A child in need plan was started",
    "CIN_PLAN_REVIEWED": "A child in need plan was reviewed",
    "CIN_PLAN_ENDED": "A child in need plan was ended",
}
