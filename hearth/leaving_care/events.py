EVENTS = {
    "CARE_LEAVER_RECORDED": "A young person was recorded as a care leaver",
    "CARE_LEAVER_CATEGORY_CHANGED": "A care leaver's eligibility category was changed",
    "PERSONAL_ADVISER_ALLOCATED": "A care leaver's personal adviser was allocated",
    "PATHWAY_NEEDS_ASSESSMENT_RECORDED": "A care leaver's pathway needs assessment was recorded",
    "PATHWAY_PLAN_AGREED": "A care leaver's pathway plan was agreed",
    "PATHWAY_PLAN_REVIEWED": "A care leaver's pathway plan was reviewed",
    "CARE_LEAVER_CONTACT_RECORDED": "A contact with a care leaver was recorded",
    "CARE_LEAVER_SITUATION_RECORDED": "A care leaver's in touch, activity and accommodation "
                                      "were recorded",
    "STAYING_PUT_STARTED": "A Staying Put arrangement was recorded",
    "STAYING_PUT_ENDED": "A Staying Put arrangement was ended",
    "ENTITLEMENT_OFFERED": "An entitlement was offered to a care leaver",
    "ENTITLEMENT_TAKE_UP_RECORDED": "Whether a care leaver took up an entitlement was recorded",
    "SUPPORT_TO_25_REQUESTED": "A care leaver asked for support to 25",
    "CARE_LEAVER_SUPPORT_ENDED": "A care leaver's support clocks changed at 21 or ended at 25",
}
