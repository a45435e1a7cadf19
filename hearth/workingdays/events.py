EVENTS = {
    "BANK_HOLIDAY_ADDED": "A bank holiday was added to the working-day calendar",
    "CLOSURE_DAY_ADDED": "A local closure day was added to the working-day calendar",
    "CLOSURE_DAY_REMOVED": "A local closure day was removed from the working-day calendar",
}
