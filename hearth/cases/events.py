EVENTS = {
    "CHILD_ALLOCATED": "A child was allocated to a team or worker",
    "CHILD_DEALLOCATED": "A child's allocation ended",
    "CHRONOLOGY_ENTRY_ADDED": "An entry was added to a child's chronology",
    "TEAM_CASELOAD_VIEWED": "A team's caseload list was opened",
}
