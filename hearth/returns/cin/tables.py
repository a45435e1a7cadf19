"""The validator's eleven input tables, built straight from the census records.

csc-validator-be-cin reads an XML file into these tables by appending one row per child to each
DataFrame, which grows faster than linearly with the number of children. Hearth already holds
the records, so it fills plain lists and makes each DataFrame once. The tables are those the
validator's own reader makes (`cin_validator.ingress.XMLtoCSV`: same names, same columns, every
value the XML text as a string, missing as pd.NA, and the same counters: CINdetailsID per child,
AssessmentID and CPPID per episode, all from 1), so its rules see what they would from our XML.

One deliberate difference: the reader keeps only the first CPPreviewDate of a plan's Reviews
block (RETURNS.md section 5.2); here every review date is a row, as the DfE layout means.

From 2026 to 2027 a twelfth table, PreProceedings (upstream's `CINTable.PreProceedings`), holds
one row per PreProceedingsandFGDM block with LAchildID and CINdetailsID. The validator on PyPI
(0.1.13) has no such table, so its columns are Hearth's (the ids, then the year's elements in
order) until the installed reader has one; validation.run passes the validator only the tables
it knows.
"""

from collections.abc import Iterable

import pandas as pd
from cin_validator.ingress import XMLtoCSV

TABLES = ("Header", "ChildIdentifiers", "ChildCharacteristics", "Disabilities", "CINdetails",
          "Assessments", "AssessmentFactorsList", "CINplanDates", "Section47",
          "ChildProtectionPlans", "Reviews")
PRE_PROCEEDINGS = "PreProceedings"
PRE_PROCEEDINGS_BLOCK = "PreProceedingsandFGDM"
PRE_PROCEEDINGS_COLUMNS = ("LAchildID", "CINdetailsID", "PPStartDate", "LBPSentDate",
                           "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate",
                           "ReviewMeetingsCount", "StepDecisionDate", "PPOutcome",
                           "CourtAppDate", "LetterInitCPDate")


class TableBuilder:
    def __init__(self, header: dict, *, pre_proceedings: bool = False):
        self.rows: dict[str, list[dict]] = {name: [] for name in TABLES}
        if pre_proceedings:
            self.rows[PRE_PROCEEDINGS] = []
        self.rows["Header"].append({**header["CollectionDetails"], **header["Source"]})

    def add(self, child: dict) -> None:
        identifiers = child["ChildIdentifiers"]
        child_id = identifiers.get("LAchildID", pd.NA)
        self.rows["ChildIdentifiers"].append(dict(identifiers))
        characteristics = child["ChildCharacteristics"]
        self.rows["ChildCharacteristics"].append(
            {"LAchildID": child_id, "Ethnicity": characteristics.get("Ethnicity", pd.NA)})
        disabilities = characteristics.get("Disabilities")
        for code in disabilities.values if disabilities else ():
            self.rows["Disabilities"].append({"LAchildID": child_id, "Disability": code})
        for number, episode in enumerate(child.get("CINdetails", []), start=1):
            self._episode(child_id, number, episode)

    def _episode(self, child_id, episode_id: int, episode: dict) -> None:
        ids = {"LAchildID": child_id, "CINdetailsID": episode_id}
        self.rows["CINdetails"].append({**ids, **_simple(episode)})
        for number, assessment in enumerate(episode.get("Assessments", []), start=1):
            row = {**ids, "AssessmentID": number, **_simple(assessment)}
            factors = assessment.get("FactorsIdentifiedAtAssessment")
            if factors:
                row["AssessmentFactors"] = list(factors.values)
                self.rows["AssessmentFactorsList"].extend(
                    {**ids, "AssessmentID": number, "AssessmentFactor": code}
                    for code in factors.values)
            self.rows["Assessments"].append(row)
        for plan in episode.get("CINPlanDates", []):
            self.rows["CINplanDates"].append({**ids, **plan})
        for enquiry in episode.get("Section47", []):
            self.rows["Section47"].append({**ids, **enquiry})
        for number, plan in enumerate(episode.get("ChildProtectionPlans", []), start=1):
            plan_ids = {**ids, "CPPID": number}
            self.rows["ChildProtectionPlans"].append({**plan_ids, **_simple(plan)})
            reviews = plan.get("Reviews")
            for day in reviews.values if reviews else ():
                self.rows["Reviews"].append({**plan_ids, "CPPreviewDate": day})
        if PRE_PROCEEDINGS in self.rows:
            for module in episode.get(PRE_PROCEEDINGS_BLOCK, []):
                self.rows[PRE_PROCEEDINGS].append({**ids, **module})

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: _frame(name, rows) for name, rows in self.rows.items()}


def build(header: dict, children: Iterable[dict], *,
          pre_proceedings: bool = False) -> dict[str, pd.DataFrame]:
    builder = TableBuilder(header, pre_proceedings=pre_proceedings)
    for child in children:
        builder.add(child)
    return builder.tables()


def _simple(block: dict) -> dict:
    """A block's own values, without its nested blocks."""
    return {k: v for k, v in block.items() if isinstance(v, str)}


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    known = getattr(XMLtoCSV, name, None)
    columns = list(known.columns) if known is not None else list(PRE_PROCEEDINGS_COLUMNS)
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return frame.where(frame.notna(), pd.NA) if len(frame) else frame
