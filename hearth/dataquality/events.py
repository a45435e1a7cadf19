EVENTS = {
    "DATA_QUALITY_RUN": "The data-quality checks ran and the issues were brought up to date",
    "DATA_QUALITY_ISSUE_OPENED": "A data-quality issue was found on a child's record",
    "DATA_QUALITY_ISSUE_RESOLVED": "A data-quality issue was no longer found (corrected)",
    "DATA_QUALITY_QUERY_EXPLAINED": "Someone explained a data-quality query",
}
