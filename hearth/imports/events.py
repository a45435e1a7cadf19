EVENTS = {
    "CASE_HISTORY_IMPORTED": "A file of case histories was imported from a previous system",
}
