"""Annex A as Ofsted's ILACS template names its columns (the names the LIIA specification uses,
SocialFinanceDigitalLabs/liia-tools liiatools/spec/annex_a/la-agg.yml; RETURNS.md section 4).

Each list: its number, the sheet's name, what it holds, how many months it looks back from the
as-at date, and its columns in order. Lists 1 to 10 start with the common child columns; list 11
is about prospective adopters and has its own. Which columns are dates is declared here so the
workbook writes them as Excel dates.
"""

import datetime as dt
from dataclasses import dataclass

from hearth.workingdays.rules import add_months

KEY = "2023"
LABEL = "Ofsted Annex A (ILACS), lists 1 to 11"

COMMON = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)")
DISABILITY = "Does the Child have a Disability"
ALLOCATED = ("Allocated Team", "Allocated Worker")


@dataclass(frozen=True)
class AnnexList:
    number: int
    sheet: str
    content: str
    months: int
    columns: tuple[str, ...]
    dates: frozenset[str]

    @property
    def title(self) -> str:
        return f"List {self.number}: {self.content}"


@dataclass(frozen=True)
class Window:
    """The look-back: from `start` to the as-at date `end`, both days included."""

    start: dt.date
    end: dt.date

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def window(as_at: dt.date, months: int) -> Window:
    """The `months` calendar months before the as-at date: 1 December 2026 as at 1 June 2027."""
    return Window(add_months(as_at, -months), as_at)


def _list(number, sheet, content, months, after, dates=()):
    columns = tuple(after) if number == 11 else COMMON + tuple(after)
    return AnnexList(number, sheet, content, months, columns,
                     frozenset(("Date of Birth",) if number != 11 else ()) | frozenset(dates))


LISTS: tuple[AnnexList, ...] = (
    _list(1, "List 1", "Contacts", 6, ("Date of Contact", "Contact Source"),
          dates=("Date of Contact",)),
    _list(2, "List 2", "Early help assessments", 6,
          ("Assessment start date", "Assessment completion date",
           "Organisation completing assessment"),
          dates=("Assessment start date", "Assessment completion date")),
    _list(3, "List 3", "Referrals", 6,
          ("Date of referral", "Referral Source", "Referral NFA?",
           "Number of Referrals in Last 12 Months", *ALLOCATED),
          dates=("Date of referral",)),
    _list(4, "List 4", "Assessments", 6,
          (DISABILITY, "Continuous Assessment Start Date",
           "Child Seen During Continuous Assessment",
           "Continuous Assessment Date of Authorisation",
           "Was the child assessed as requiring LA children's social care support?", *ALLOCATED),
          dates=("Continuous Assessment Start Date",
                 "Continuous Assessment Date of Authorisation")),
    _list(5, "List 5", "Section 47 enquiries and ICPCs", 6,
          (DISABILITY, "Strategy discussion initiating Section 47 Enquiry Start Date",
           "Was an Initial Child Protection Conference deemed unnecessary?",
           "Date of Initial Child Protection Conference",
           "Did the Initial Child Protection Conference Result in a Child Protection Plan",
           "Number of Section 47 Enquiries in the last 12 months",
           "Number of ICPCs in the last 12 months", *ALLOCATED),
          dates=("Strategy discussion initiating Section 47 Enquiry Start Date",
                 "Date of Initial Child Protection Conference")),
    _list(6, "List 6", "Children in need", 6,
          (DISABILITY, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
           "CIN Closure Date", "Reason for Closure", "Case Status", *ALLOCATED),
          dates=("CIN Start Date", "Date Child Was Last Seen", "CIN Closure Date")),
    _list(7, "List 7", "Child protection", 6,
          (DISABILITY, "Child Protection Plan Start Date", "Initial Category of Abuse",
           "Latest Category of Abuse", "Date of the Last Statutory Visit",
           "Was the Child Seen Alone?", "Date of latest review conference",
           "Child Protection Plan End Date",
           "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
           "Months (Y/N)",
           "Number of Previous Child Protection Plans", *ALLOCATED),
          dates=("Child Protection Plan Start Date", "Date of the Last Statutory Visit",
                 "Date of latest review conference", "Child Protection Plan End Date")),
    _list(8, "List 8", "Children in care", 6,
          (DISABILITY, "Date Started to be Looked After", "Child's Category of Need",
           "Is this a second or subsequent period of being a Looked After Child within the "
           "last 12 months (Y/N)",
           "Start date of current legal status", "Child's Legal Status",
           "Date of Latest Statutory Review", "Date of Last Social Work Visit",
           "What is the permanence plan for this child?",
           "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
           "Date of Last Dental Check", "Number of Placements in the Last 12 months",
           "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
           "Start Date of Most Recent Placement", "Placement Type", "Placement Provider",
           "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
           "Number of Episodes the Child has been 'Missing' from their Placement in the last "
           "12 months",
           "Number of Episodes the Child has been 'Absent' from their Placement in the last "
           "12 months",
           "Was the child offered a Return Interview after their last missing episode (Y/N)?",
           "Did the child accept a Return Interview after their last missing episode (Y/N)?",
           *ALLOCATED),
          dates=("Date Started to be Looked After", "Start date of current legal status",
                 "Date of Latest Statutory Review", "Date of Last Social Work Visit",
                 "Date of Last IRO Visit / Contact to the Child",
                 "Date of Last Health Assessment", "Date of Last Dental Check",
                 "Date Ceased to be Looked After", "Start Date of Most Recent Placement")),
    _list(9, "List 9", "Care leavers", 6,
          (DISABILITY, *ALLOCATED, "Eligibility Category", "LA in Touch",
           "Type of Accommodation", "Suitability of Accommodation", "Activity Status")),
    _list(10, "List 10", "Adoption", 12,
          ("Family identifier", DISABILITY, "Date the Child Entered Care",
           "Date of Decision that Child Should be Placed for Adoption",
           "Date of Placement Order", "Date of Matching Child and Prospective Adopters",
           "Date Placed for Adoption", "Date of Adoption Order",
           "Date of Decision that Child Should No Longer be Placed for Adoption",
           "Reason Why Child No Longer Placed for Adoption",
           "Date the child was placed for fostering in FFA or concurrent planning placement"),
          dates=("Date the Child Entered Care",
                 "Date of Decision that Child Should be Placed for Adoption",
                 "Date of Placement Order", "Date of Matching Child and Prospective Adopters",
                 "Date Placed for Adoption", "Date of Adoption Order",
                 "Date of Decision that Child Should No Longer be Placed for Adoption",
                 "Date the child was placed for fostering in FFA or concurrent planning "
                 "placement")),
    _list(11, "List 11", "Adopters", 12,
          ("Individual adopter identifier", "Family identifier", "Gender", "Ethnicity",
           "Disability", "Is the (prospective) adopter fostering for adoption?",
           "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
           "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
           "Date application approved", "Date adopter matched with child(ren)",
           "Date child/children placed with adopter(s)", "No. of children placed",
           "Date of Adoption Order", "Date of leaving adoption process",
           "Reason for leaving adoption process"),
          dates=("Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
                 "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
                 "Date application approved", "Date adopter matched with child(ren)",
                 "Date child/children placed with adopter(s)", "Date of Adoption Order",
                 "Date of leaving adoption process")),
)

BY_NUMBER = {annex_list.number: annex_list for annex_list in LISTS}

# Lists Hearth has no records for yet: the sheet gets its header row and the cover says why.
NO_SOURCE = {
    2: "Hearth has no early help records yet (no early help app), so this list is empty.",
}
PERMANENCE_MISSING = ("Hearth's permanence records (hearth.permanence) are not installed, so "
                      "this list is empty.")
