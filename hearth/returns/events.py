EVENTS = {
    "CIN_CENSUS_EXPORTED": "The children in need census for a collection year was exported",
    "CIN_CENSUS_CHILD_EXPORTED": "A child's record was written into a children in need census",
    "CIN_CENSUS_VALIDATED": "The children in need census for a collection year was validated",
    "ANNEX_A_EXPORTED": "Ofsted's Annex A was exported as a workbook (with each list's row count)",
    "CIN_CENSUS_IMPORTED": "A children in need census from a previous system was imported",
    "SSDA903_EXPORTED": "The SSDA903 children looked after return for a year was exported",
    "SSDA903_CHILD_EXPORTED": "A child's record was written into an SSDA903 return",
    "SSDA903_VALIDATED": "The SSDA903 return for a collection year was validated",
    "SSDA903_RETURN_IMPORTED": "An SSDA903 return from a previous system was imported",
    "RETURN_BUILD_REQUESTED": "A build of a statutory return was queued to run in the background",
    "RETURN_FILE_DOWNLOADED": "The file of a return built in the background was downloaded",
}
