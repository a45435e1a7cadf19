EVENTS = {
    "STRATEGY_DISCUSSION_RECORDED": "A strategy discussion was recorded",
    "STRATEGY_DISCUSSION_UPDATED": "A strategy discussion's time, reason or attendance was "
                                   "corrected",
    "SECTION47_STARTED": "A section 47 enquiry was started by a strategy discussion",
    "SECTION47_START_MOVED": "A later strategy discussion became the start of a section 47 "
                             "enquiry",
    "SECTION47_CONCLUDED": "A section 47 enquiry's outcome was recorded",
    "INITIAL_CONFERENCE_HELD": "An initial child protection conference was recorded",
    "REVIEW_CONFERENCE_HELD": "A review child protection conference was recorded",
    "CONFERENCE_ATTENDANCE_UPDATED": "A conference's attendance was corrected",
    "CP_PLAN_STARTED": "A child protection plan started",
    "CP_PLAN_CATEGORY_CHANGED": "A child protection plan's latest category of abuse changed",
    "CP_PLAN_ENDED": "A child protection plan ended",
    "CORE_GROUP_HELD": "A core group meeting was recorded",
    "CORE_GROUP_ATTENDANCE_UPDATED": "A core group's attendance was corrected",
}
