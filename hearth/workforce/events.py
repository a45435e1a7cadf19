EVENTS = {
    "WORKFORCE_POST_ADDED": "A post was added to the establishment",
    "WORKFORCE_POST_HOLDER_STARTED": "Someone started in a post (a starter)",
    "WORKFORCE_POST_HOLDER_LEFT": "Someone left a post, with the reason (a leaver)",
    "WORKFORCE_ASYE_STARTED": "A newly qualified social worker's ASYE was recorded",
    "WORKFORCE_ASYE_COMPLETED": "The outcome of an ASYE was recorded",
    "WORKFORCE_VIEWED": "The workforce figures or a team's posts were opened",
    "STAFF_SUPERVISION_RECORDED": "A member of staff's supervision was recorded",
    "CASE_SUPERVISION_RECORDED": "Case supervision was recorded on a child's record",
    "CASE_SUPERVISION_VIEWED": "A child's case supervision records were opened",
    "SUPERVISION_STANDARD_SET": "The required case supervision frequency for a level of need "
                                "was set",
    "SUPERVISION_REPORT_VIEWED": "The case supervision timeliness report was opened",
    "CASE_SUPERVISION_TASKS_SYNCED": "Case supervision tasks were opened, moved or cancelled "
                                     "to match the allocations",
}
