EVENTS = {
    "CHILD_ALLOCATED": "A child was allocated to a team or worker",
    "CHILD_DEALLOCATED": "A child's allocation ended",
    "CHRONOLOGY_ENTRY_ADDED": "An entry was added to a child's chronology",
    "TEAM_CASELOAD_VIEWED": "A team's caseload list was opened",
    "CASE_NOTE_ADDED": "A case note was added",
    "VISIT_RECORDED": "A statutory visit was recorded",
}
