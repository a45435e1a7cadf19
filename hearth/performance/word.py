"""The committee report as a Word document (python-docx: ADR 19), from the same `Report` the
HTML page shows. Word has no charts here: each indicator's eight quarters are in the scorecard
table, and the HTML report draws the trend charts."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from hearth.performance.report import Report


def _table(document, header: list[str], rows: list[list[str]], *, style="Table Grid"):
    table = document.add_table(rows=1, cols=len(header))
    table.style = style
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return table


def report_docx(report: Report) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = report.title
    document.core_properties.author = report.author
    document.add_heading(report.title, level=1)
    _cover(document, report)
    _appendix(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cover(document, report: Report) -> None:
    number = 1
    for heading, paragraphs in [("Purpose of report", [report.purpose]),
                                ("Recommendations", [report.recommendation]),
                                ("Background", report.background)]:
        document.add_heading(heading, level=2)
        for index, text in enumerate(paragraphs):
            document.add_paragraph(f"{number}. {text}" if index == 0 else text)
        number += 1

    document.add_heading(f"{number}. Performance Summary", level=2)
    number += 1
    for priority, rows in report.priorities:
        document.add_heading(priority, level=3)
        for row in rows:
            document.add_paragraph(f"{row.indicator.code} - {row.indicator.title}").runs[0].bold \
                = True
            document.add_paragraph(f"Target = {row.target_text}")
            document.add_paragraph(f"{report.quarter.label} position = "
                                   f"{row.current.text or row.current.gap}")
            if row.commentary:
                document.add_paragraph(row.commentary.performance)
    document.add_heading(f"{report.quarter.label} Summary", level=3)
    document.add_paragraph(report.summary)
    for heading, text in report.implications:
        document.add_heading(heading, level=2)
        document.add_paragraph(f"{number}. {text}")
        number += 1
    document.add_paragraph("Director of Children's Services")
    document.add_paragraph(f"Report Author: {report.author}")


def _appendix(document, report: Report) -> None:
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin"):
        setattr(section, margin, Cm(1.5))
    document.add_heading("Appendix 1 – Children's Services overview", level=1)
    document.add_heading("Children's Services scorecard", level=2)
    card = report.card
    header = ["", "Performance Indicator"] + [
        f"{q.label[:7]} Qtr. {q.number} outturn" for q in card.quarters] + [
        "Target", "Score", "Short term trend", "Annual trend", "Benchmarking comparator data"]
    rows = [[row.group, f"{row.indicator.code} {row.indicator.title}"]
            + [c.text or ("" if c.period > card.quarter else c.gap) for c in row.cells]
            + [row.target_text, row.score_symbol, row.short_symbol, row.annual_symbol,
               row.indicator.benchmark()] for row in card.rows]
    _table(document, header, rows)
    document.add_paragraph("Short term trend compares current quarter with previous quarter "
                           "within the same year. Annual trend compares the same quarter "
                           "between years.")

    _exceptions(document, card)


def _exceptions(document, card) -> None:
    document.add_heading("Children's Services exception commentary", level=2)
    if not card.exceptions:
        document.add_paragraph("Every indicator met its target this quarter.")
    for row in card.exceptions:
        document.add_heading(f"{row.indicator.code} {row.indicator.title}", level=3)
        header = ["PI"] + [q.label for q in card.quarters if q < card.quarter] + [
            f"{card.quarter.label} Outturn", "Target", "S", "T"]
        values = [row.indicator.code] + [c.text.split(" (")[0] or c.gap for c in row.cells
                                         if c.period < card.quarter] + [
            row.current.text.split(" (")[0], row.target_text, row.score_symbol,
            row.short_symbol]
        _table(document, header, [values])
        commentary = row.commentary
        for heading, text in [
                ("Performance: what is the data telling us?",
                 commentary.performance if commentary else ""),
                ("Assurance: evidence that actions are in place and having an impact",
                 commentary.assurance if commentary else ""),
                ("Impact: what are the issues/risks for service delivery?",
                 commentary.impact if commentary else "")]:
            document.add_heading(heading, level=4)
            document.add_paragraph(text or "No commentary has been written yet.")
        if commentary and commentary.status != "approved":
            document.add_paragraph("This commentary is a draft: it has not been approved.")
