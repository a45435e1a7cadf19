EVENTS = {
    "LEGAL_GATEWAY_PANEL_RECORDED": "A Legal Gateway Panel decision was recorded",
    "PRE_PROCEEDINGS_LETTER_SENT": "A letter before proceedings was recorded as sent",
    "PRE_PROCEEDINGS_MEETING_RECORDED": "A pre-proceedings or FGDM meeting was recorded",
    "PRE_PROCEEDINGS_OUTCOME_RECORDED": "The outcome of pre-proceedings was recorded",
    "CARE_PROCEEDINGS_ISSUED": "A care proceedings application was recorded as issued",
    "COURT_HEARING_RECORDED": "A court hearing was recorded",
    "INTERIM_ORDER_RECORDED": "An interim order was recorded",
    "PROCEEDINGS_EXTENDED": "An extension of the 26-week timetable was recorded",
    "FINAL_ORDER_RECORDED": "A final order was recorded and the proceedings ended",
    "PLO_TRACKER_VIEWED": "The PLO tracker was opened",
}
