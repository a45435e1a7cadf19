EVENTS = {
    "DRAFT_SAVED": "What a member of staff was typing into a form was kept as a draft",
    "DRAFT_RESTORED": "A member of staff's draft was put back into the form",
    "DRAFT_DISCARDED": "A member of staff threw a draft away",
}
