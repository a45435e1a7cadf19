EVENTS = {
    "COMPLAINT_RECORDED": "A complaint was recorded (stage 1 started)",
    "COMPLAINT_STAGE_EXTENDED": "A complaint stage's response date was extended, with the reason",
    "COMPLAINT_RESPONDED": "A complaint stage's response and outcome were recorded",
    "COMPLAINT_ESCALATED": "A complainant asked for the next stage of a complaint",
    "COMPLAINT_LEARNING_RECORDED": "A manager recorded the learning monitoring form for a "
                                   "complaint response",
    "COMPLAINT_LATENESS_REASON_CHECKED": "The complaints team checked a manager's reason for a "
                                         "late response (accepted or sent back)",
    "COMPLAINT_LATENESS_REASON_AMENDED": "A manager amended a reason for lateness that was sent "
                                         "back",
    "COMPLAINT_VIEWED": "Someone opened a complaint",
    "COMPLAINT_WORK_VIEWED": "Someone viewed the complaints work list",
    "COMPLAINT_REPORT_VIEWED": "Someone viewed the complaints report",
    "COMPLAINT_REMINDER_SENT": "A reminder about a complaint response was sent",
    "COMPLAINT_REMINDER_FAILED": "A reminder about a complaint response could not be sent",
    "FEEDBACK_RECORDED": "A compliment or comment was recorded",
    "FEEDBACK_LISTED": "Someone viewed the list of compliments and comments",
}
