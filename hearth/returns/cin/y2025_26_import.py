"""Reading a children in need census 2025 to 2026 back: the layout and code lists of
y2025_26.py, the other way round (census XML to the facts Hearth records).

Every element is checked against the year's layout (known in its block, at most once where the
DfE allows one), every code against the year's code list, every date as a date and every flag
as the census's true/false (or 1/0). A problem names the XML line it is on. The facts come out
as plain dataclasses (`CensusChild`, `CensusEpisode`, ...) for the importer to turn into
Hearth's case-history events; nothing here touches the database.
"""

import datetime as dt
from dataclasses import dataclass, field

from hearth.returns.cin import y2025_26 as year
from hearth.returns.cin.census_read import Node, XmlProblem

START_YEAR = year.START_YEAR
LABEL = year.LABEL

# The DfE's lists, read back. Hearth's own codes are the DfE's for all of these.
SEX = {code: hearth for hearth, code in year.SEX.items()}
TRUE_VALUES, FALSE_VALUES = frozenset({"true", "1"}), frozenset({"false", "0"})

# Blocks repeated inside their parent (the rest appear at most once).
REPEATED = {"CINdetails", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"}
WRAPPERS = {  # wrapper element: its repeated simple item and that item's code list
    "Disabilities": ("Disability", year.DISABILITY),
    "FactorsIdentifiedAtAssessment": ("AssessmentFactors", year.ASSESSMENT_FACTORS),
    "Reviews": ("CPPreviewDate", None),
}
DATES = {"PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate", "CINreferralDate",
         "CINclosureDate", "DateOfInitialCPC", "AssessmentActualStartDate",
         "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "CINPlanStartDate",
         "CINPlanEndDate", "S47ActualStartDate", "InitialCPCtarget", "CPPstartDate",
         "CPPendDate", "ReferenceDate"}
FLAGS = {"ReferralNFA", "ICPCnotRequired"}
CODES = {"Sex": frozenset(year.SEX.values()), "Ethnicity": year.ETHNICITY,
         "UPNunknown": year.UPN_UNKNOWN, "ReferralSource": year.REFERRAL_SOURCE,
         "PrimaryNeedCode": year.PRIMARY_NEED, "ReasonForClosure": year.REASON_FOR_CLOSURE,
         "InitialCategoryOfAbuse": year.CATEGORY_OF_ABUSE,
         "LatestCategoryOfAbuse": year.CATEGORY_OF_ABUSE}
REQUIRED = {
    "Child": ("ChildIdentifiers", "ChildCharacteristics"),
    "ChildIdentifiers": ("LAchildID", "Sex"),
    "CINdetails": ("CINreferralDate", "ReferralSource", "ReferralNFA"),
    "Assessments": ("AssessmentActualStartDate",),
    "CINPlanDates": ("CINPlanStartDate",),
    "Section47": ("S47ActualStartDate",),
    "ChildProtectionPlans": ("CPPstartDate", "InitialCategoryOfAbuse"),
}
# Elements of the layout Hearth keeps no field for: read, checked and then left out (named in
# the importer's summary so nobody is surprised).
NOT_KEPT = {"FormerUPN", "AssessmentInternalReviewDate"}


@dataclass
class CensusAssessment:
    line: int
    started_on: dt.date
    authorised_on: dt.date | None = None
    factors: tuple[str, ...] = ()


@dataclass
class CensusCinPlan:
    line: int
    started_on: dt.date
    ended_on: dt.date | None = None


@dataclass
class CensusSection47:
    line: int
    started_on: dt.date
    icpc_target: dt.date | None = None
    icpc_on: dt.date | None = None
    icpc_not_required: bool = False


@dataclass
class CensusCpPlan:
    line: int
    started_on: dt.date
    initial_category: str
    ended_on: dt.date | None = None
    latest_category: str = ""
    previous_plans: int | None = None
    reviews: tuple[dt.date, ...] = ()


@dataclass
class CensusEpisode:
    line: int
    referral_date: dt.date
    source: str
    no_further_action: bool
    primary_need: str = ""
    closed_on: dt.date | None = None
    closure_reason: str = ""
    initial_cpc_on: dt.date | None = None  # DateOfInitialCPC on the episode itself
    assessments: list[CensusAssessment] = field(default_factory=list)
    cin_plans: list[CensusCinPlan] = field(default_factory=list)
    section47s: list[CensusSection47] = field(default_factory=list)
    cp_plans: list[CensusCpPlan] = field(default_factory=list)


@dataclass
class CensusChild:
    line: int
    la_child_id: str
    sex: str
    upn: str = ""
    upn_unknown: str = ""
    date_of_birth: dt.date | None = None
    expected_date_of_birth: dt.date | None = None
    date_of_death: dt.date | None = None
    ethnicity: str = ""
    disabilities: tuple[str, ...] = ()
    episodes: list[CensusEpisode] = field(default_factory=list)


@dataclass
class CensusReturn:
    lea: str
    children: list[CensusChild]
    not_kept: dict[str, int] = field(default_factory=dict)  # element: how many were left out


class Reader:
    """Reads the Children of a Message whose header is already known to be this year's."""

    def __init__(self) -> None:
        self.problems: list[XmlProblem] = []
        self.not_kept: dict[str, int] = {}

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(XmlProblem(node.line, message))

    # ---- Generic checks -------------------------------------------------------------------

    def fields(self, node: Node) -> dict[str, Node]:
        """The block's simple elements by name, once each checked for its place and value."""
        allowed = year.ORDER[node.tag]
        found: dict[str, Node] = {}
        for child in node.children:
            if child.tag not in allowed:
                self.problem(child, f"<{child.tag}> is not part of <{node.tag}> in the "
                                    f"{LABEL} census")
                continue
            if child.tag in found and child.tag not in REPEATED:
                self.problem(child, f"<{child.tag}> appears more than once in <{node.tag}> "
                                    f"(first on line {found[child.tag].line})")
                continue
            found.setdefault(child.tag, child)
            if child.tag in NOT_KEPT:
                self.not_kept[child.tag] = self.not_kept.get(child.tag, 0) + 1
        for name in REQUIRED.get(node.tag, ()):
            if name not in found or (not found[name].children and not found[name].text):
                self.problem(node, f"<{node.tag}> has no <{name}>: the census requires it")
        return found

    def text(self, found: dict[str, Node], name: str) -> str:
        node = found.get(name)
        if node is None or node.tag in REPEATED or node.tag in WRAPPERS or node.tag in year.ORDER:
            return ""
        if node.children:
            self.problem(node, f"<{name}> should hold a value, not elements")
            return ""
        value = node.text
        if value and name in CODES and value not in CODES[name]:
            self.problem(node, f"{value!r} is not a {LABEL} code for <{name}> (allowed: "
                               f"{', '.join(sorted(CODES[name]))})")
            return ""
        return value

    def date(self, found: dict[str, Node], name: str) -> dt.date | None:
        value = self.text(found, name)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date()
        except ValueError:
            self.problem(found[name], f"<{name}> {value!r} is not a date (YYYY-MM-DD)")
            return None

    def flag(self, found: dict[str, Node], name: str) -> bool | None:
        value = self.text(found, name)
        if not value:
            return None
        if value.lower() in TRUE_VALUES:
            return True
        if value.lower() in FALSE_VALUES:
            return False
        self.problem(found[name], f"<{name}> {value!r} is not true or false")
        return None

    def repeated(self, found: dict[str, Node], name: str) -> tuple[str, ...]:
        wrapper = found.get(name)
        if wrapper is None:
            return ()
        item, codes = WRAPPERS[name]
        values = []
        for child in wrapper.children:
            if child.tag != item:
                self.problem(child, f"<{name}> holds <{item}> elements, not <{child.tag}>")
            elif codes is not None and child.text not in codes:
                self.problem(child, f"{child.text!r} is not a {LABEL} code for <{item}>")
            elif child.text in values:
                self.problem(child, f"<{item}> {child.text} is given twice")
            elif codes is None and not _is_date(child.text):
                self.problem(child, f"<{item}> {child.text!r} is not a date (YYYY-MM-DD)")
            else:
                values.append(child.text)
        return tuple(values)

    # ---- Blocks ---------------------------------------------------------------------------

    def child(self, node: Node) -> CensusChild | None:
        if node.tag != "Child":
            self.problem(node, f"<Children> holds <Child> elements, not <{node.tag}>")
            return None
        found = self.fields(node)
        ids = self.fields(found["ChildIdentifiers"]) if "ChildIdentifiers" in found else {}
        traits = (self.fields(found["ChildCharacteristics"])
                  if "ChildCharacteristics" in found else {})
        child = CensusChild(
            line=node.line, la_child_id=self.text(ids, "LAchildID"),
            sex=SEX.get(self.text(ids, "Sex"), ""), upn=self.text(ids, "UPN"),
            upn_unknown=self.text(ids, "UPNunknown"),
            date_of_birth=self.date(ids, "PersonBirthDate"),
            expected_date_of_birth=self.date(ids, "ExpectedPersonBirthDate"),
            date_of_death=self.date(ids, "PersonDeathDate"),
            ethnicity=self.text(traits, "Ethnicity"),
            disabilities=self.repeated(traits, "Disabilities"))
        self.text(ids, "FormerUPN")
        if child.date_of_birth is None and child.expected_date_of_birth is None:
            self.problem(found.get("ChildIdentifiers", node), "the child has neither "
                         "<PersonBirthDate> nor <ExpectedPersonBirthDate>")
        child.episodes = [e for e in (self.episode(n) for n in node.all("CINdetails")) if e]
        if not node.all("CINdetails"):
            self.problem(node, "the child has no <CINdetails>: Hearth imports episodes of need")
        return child

    def episode(self, node: Node) -> CensusEpisode | None:
        found = self.fields(node)
        referral_date = self.date(found, "CINreferralDate")
        nfa = self.flag(found, "ReferralNFA")
        episode = CensusEpisode(
            line=node.line, referral_date=referral_date, source=self.text(found, "ReferralSource"),
            no_further_action=bool(nfa), primary_need=self.text(found, "PrimaryNeedCode"),
            closed_on=self.date(found, "CINclosureDate"),
            closure_reason=self.text(found, "ReasonForClosure"),
            initial_cpc_on=self.date(found, "DateOfInitialCPC"))
        for block in node.all("Assessments"):
            f = self.fields(block)
            self.date(f, "AssessmentInternalReviewDate")
            start = self.date(f, "AssessmentActualStartDate")
            if start:
                episode.assessments.append(CensusAssessment(
                    block.line, start, self.date(f, "AssessmentAuthorisationDate"),
                    self.repeated(f, "FactorsIdentifiedAtAssessment")))
        for block in node.all("CINPlanDates"):
            f = self.fields(block)
            start = self.date(f, "CINPlanStartDate")
            if start:
                episode.cin_plans.append(CensusCinPlan(block.line, start,
                                                       self.date(f, "CINPlanEndDate")))
        for block in node.all("Section47"):
            f = self.fields(block)
            start = self.date(f, "S47ActualStartDate")
            if start:
                episode.section47s.append(CensusSection47(
                    block.line, start, self.date(f, "InitialCPCtarget"),
                    self.date(f, "DateOfInitialCPC"), bool(self.flag(f, "ICPCnotRequired"))))
        for block in node.all("ChildProtectionPlans"):
            if (plan := self.cp_plan(block)) is not None:
                episode.cp_plans.append(plan)
        return episode if referral_date is not None else None

    def cp_plan(self, block: Node) -> CensusCpPlan | None:
        f = self.fields(block)
        start = self.date(f, "CPPstartDate")
        category = self.text(f, "InitialCategoryOfAbuse")
        previous = self.text(f, "NumberOfPreviousCPP")
        if previous and not previous.isdigit():
            self.problem(f["NumberOfPreviousCPP"], f"<NumberOfPreviousCPP> {previous!r} is not "
                                                   "a whole number")
            previous = ""
        reviews = tuple(dt.date.fromisoformat(d) for d in self.repeated(f, "Reviews"))
        if not start or not category:
            return None
        return CensusCpPlan(block.line, start, category, self.date(f, "CPPendDate"),
                            self.text(f, "LatestCategoryOfAbuse"),
                            int(previous) if previous else None, tuple(sorted(reviews)))


def _bad_date():
    raise ValueError


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def read_children(children: Node) -> tuple[list[CensusChild], list[XmlProblem], dict]:
    reader = Reader()
    read = [c for c in (reader.child(node) for node in children.children) if c is not None]
    return read, reader.problems, reader.not_kept
