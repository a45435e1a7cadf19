EVENTS = {
    "MISSING_EPISODE_RECORDED": "A missing episode was recorded",
    "MISSING_EPISODE_RETURN_RECORDED": "A child's return from a missing episode was recorded",
    "POLICE_NOTIFICATION_RECORDED": "A police missing-person notification was recorded",
    "RETURN_INTERVIEW_OFFERED": "A return home interview was offered",
    "RETURN_INTERVIEW_RECORDED": "A return home interview was recorded as held or declined",
    "MISSING_REPORT_VIEWED": "The missing children report was opened",
}
