EVENTS = {
    "CHILD_POPULATION_RECORDED": "A child population figure was recorded",
    "FIGURES_COMPUTED": "Indicator figures were computed from the records",
    "FIGURE_ENTERED": "An indicator figure was entered by hand",
    "QUARTER_FROZEN": "A quarter's figures were frozen as reported",
    "SCORECARD_VIEWED": "The scorecard was opened",
    "TEAM_DASHBOARD_VIEWED": "A team's performance dashboard was opened",
    "INDICATOR_CHILDREN_VIEWED": "The children behind an indicator figure were listed",
    "EXCEPTION_COMMENTARY_SAVED": "Exception commentary was drafted or changed",
    "EXCEPTION_COMMENTARY_APPROVED": "Exception commentary was approved",
    "COMMITTEE_REPORT_EXPORTED": "The committee performance report was produced",
}
