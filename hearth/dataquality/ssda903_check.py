"""The SSDA903 children looked after return as a data-quality check: the return for the
collection year today falls in (or the latest one Hearth has a layout for), built from the
records with last year's files beside it and judged by the DfE rules in-process
(hearth.returns.ssda903). Its CHILD column is the LA child ID, so issues land on the child."""

import datetime as dt

from hearth.dataquality import rules
from hearth.dataquality.checks import CheckUnavailable

SYSTEM_JOB = "data_quality"


def ssda903_check(as_at: dt.date):
    from hearth.returns import services, ssda903

    if not services.validator_installed("903"):
        raise CheckUnavailable("The SSDA903 validator is not installed: "
                               "pip install -e '.[returns]'")
    year = rules.year_to_check(as_at, ssda903.supported_years())
    try:
        _build, outcome = services.ssda903_validate(start_year=year, system_job=SYSTEM_JOB)
    except services.ReturnNotReady as error:
        raise CheckUnavailable(str(error)) from None
    return ssda903.for_year(year).LABEL, outcome
