EVENTS = {
    "IRO_CHALLENGE_RAISED": "An IRO raised a challenge (dispute resolution) about a child",
    "IRO_CHALLENGE_RESPONDED": "A manager or worker responded to an IRO's challenge",
    "IRO_CHALLENGE_ESCALATED": "An IRO escalated a challenge to the next stage",
    "IRO_CHALLENGE_RESOLVED": "An IRO resolved a challenge (closing the loop)",
    "IRO_CHALLENGE_REPORT_VIEWED": "Someone viewed the IRO challenges report",
}
