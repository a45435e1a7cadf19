"""The Progress Tracker and the self-evaluation as Word documents (python-docx, as the
committee report: ADR 19), in the seeds' formats: the tracker's four columns verbatim
(seeds/001_e8ea781e93d1811d.txt lines 281-286) and the self-evaluation's headline numbers and
three prompts under each judgement area (seeds/004_46ad6842801cbab3.txt)."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from hearth.governance import rules
from hearth.governance.codes import PROMPT_HOW, PROMPT_KNOW, PROMPT_NEXT, TrackerStatus

TRACKER_COLUMNS = ["Subject (Date of Meeting)", "Recommendation/action",
                   "Responsible Officer/Area", "Status/Notes"]


def ordinal_date(day: dt.date) -> str:
    """'11th September 2023', as the tracker prints a meeting's date."""
    suffix = "th" if 11 <= day.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(
        day.day % 10, "th")
    return f"{day.day}{suffix} {day:%B %Y}"


def _document(title: str) -> Document:
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = title
    return document


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def tracker_cells(row) -> list[str]:
    """One tracker row's four cells, from a selectors.TrackerRow."""
    action, minute = row.action, row.action.resolution.minute
    status = action.notes or "No update yet."
    if action.status == TrackerStatus.CLOSED:
        status += f" Closed on {rules.day(action.closed_on)} after {row.age}."
    else:
        status += (f" Open {row.age}; response due {rules.day(action.due_on)}"
                   f"{' (overdue)' if row.overdue else ''}.")
        if action.last_chased_on:
            status += f" Last chased {rules.day(action.last_chased_on)}."
    return [f"({ordinal_date(row.meeting.held_on)}) – {minute.title}",
            f"{row.reference} – {action.action}", action.responsible, status]


def tracker_docx(rows, *, committee_name: str, today: dt.date) -> bytes:
    document = _document(f"{committee_name} Progress Tracker")
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin"):
        setattr(section, margin, Cm(1.5))
    document.add_heading(committee_name, level=1)
    document.add_heading("Progress Tracker", level=2)
    table = document.add_table(rows=1, cols=len(TRACKER_COLUMNS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, TRACKER_COLUMNS, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, tracker_cells(row), strict=True):
            cell.text = text
    if not rows:
        document.add_paragraph("There are no actions on the tracker.")
    document.add_paragraph(f"As at {rules.day(today)}.")
    return _bytes(document)


def self_evaluation_docx(evaluation) -> bytes:
    document = _document(evaluation.title)
    document.add_heading(evaluation.title, level=1)
    document.add_paragraph(f"Headline figures as at {rules.day(evaluation.as_at)}, from "
                           "Hearth's indicators.")
    for section in evaluation.sections.all():
        document.add_heading(section.get_area_display(), level=2)
        document.add_heading("Headline numbers", level=3)
        for headline in section.headlines:
            document.add_paragraph(
                f"{headline['figure']} / {headline['title']} ({headline['code']}"
                f"{', ' + headline['period'] if headline['period'] else ''})",
                style="List Bullet")
        for prompt, text in ((PROMPT_KNOW, section.what_we_know),
                             (PROMPT_HOW, section.how_we_know),
                             (PROMPT_NEXT, section.what_next)):
            document.add_heading(prompt, level=3)
            for paragraph in (text or "Not written yet.").split("\n"):
                document.add_paragraph(paragraph)
    return _bytes(document)
