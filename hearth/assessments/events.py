EVENTS = {
    "ASSESSMENT_STARTED": "A child and family assessment was started",
    "ASSESSMENT_UPDATED": "A child and family assessment was changed",
    "ASSESSMENT_CONTRIBUTION_ADDED": "A partner agency's contribution was added to an assessment",
    "ASSESSMENT_AUTHORISED": "A manager authorised an assessment and its outcome",
}
