EVENTS = {
    "DOLO_RECORDED": "A deprivation of liberty order for a looked-after child was recorded",
    "CARE_PERIOD_STARTED": "A child became looked after",
    "CARE_EPISODE_STARTED": "A looked-after child's legal status or placement changed",
    "CARE_PERIOD_ENDED": "A child ceased to be looked after",
    "IRO_ALLOCATED": "An independent reviewing officer was allocated to a looked-after child",
    "CLA_REVIEW_RECORDED": "A looked-after review was recorded",
    "PLACEMENT_SIGNED_OFF": "The head of service signed off a placement",
}
