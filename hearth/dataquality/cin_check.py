"""The children in need census as a data-quality check: the census for the collection year
today falls in (or the latest one Hearth has a layout for), built from the records and judged
by the DfE rules in-process (hearth.returns)."""

import datetime as dt

from hearth.dataquality import rules
from hearth.dataquality.checks import CheckUnavailable

SYSTEM_JOB = "data_quality"


def cin_census_check(as_at: dt.date):
    from hearth.returns import cin, services

    if not services.validator_installed():
        raise CheckUnavailable("The census validator is not installed: "
                               "pip install -e '.[returns]'")
    year = rules.year_to_check(as_at, cin.supported_years())
    try:
        build, outcome = services.cin_census_validate(start_year=year, system_job=SYSTEM_JOB)
    except services.ReturnNotReady as error:
        raise CheckUnavailable(str(error)) from None
    return cin.for_year(year).LABEL, outcome
