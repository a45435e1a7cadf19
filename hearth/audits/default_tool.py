"""The default case file audit tool, made by migration 0002 so every authority has one to
start from (an authority makes its own versions from it). The headings follow what the seeds'
audits look at: the child's voice and their views sought during the audit
(seeds/000_4c00c84da207e536.txt lines 2806-2807), the quality of assessments and how they were
shared with the family (seeds/001_e8ea781e93d1811d.txt line 788), SMART plans
(seeds/000_4c00c84da207e536.txt lines 4291-4292), and supervision and management oversight
(Improvement Plan priority 9, seeds/000_4c00c84da207e536.txt lines 4931-5094)."""

NAME = "Case file audit"
DESCRIPTION = ("Hearth's default tool for monthly practice audits: each question graded "
               "outstanding, good, requires improvement or inadequate, with a comment.")
SECTIONS: list[tuple[str, list[str]]] = [
    ("Voice of the child", [
        "The child's wishes and feelings are recorded in their own words, and seen alone "
        "where appropriate",
        "The child's lived experience is clear from the record",
        "Visits are purposeful and at the frequency the plan requires",
    ]),
    ("Assessment", [
        "The assessment analyses risk and need, drawing on the history and chronology",
        "The assessment was completed in time and shared with the child and family",
        "Partner agencies contributed to the assessment",
    ]),
    ("Planning", [
        "The plan is SMART: specific, measurable, achievable, realistic and timely",
        "The plan follows from the assessment and addresses the risks identified",
        "The child and family know what the plan is and helped to make it",
        "Progress against the plan is reviewed and drift is avoided",
    ]),
    ("Management oversight", [
        "Case supervision is regular, reflective and recorded, with clear actions",
        "Key decisions are recorded with the manager's reasons",
        "Management oversight makes a difference to the child's progress",
    ]),
]
