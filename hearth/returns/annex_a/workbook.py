"""Writes Annex A as an Excel workbook (openpyxl): a cover sheet, then one sheet per list.

The cover names the authority, the as-at date, each list's window and row count, and why a list
is empty when Hearth has no records for it. Each list's sheet has the template's column names as
a styled header row (frozen, filtered), dates as Excel dates (dd/mm/yyyy) and widths to fit.
"""

import datetime as dt
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B0C0C")  # GOV.UK black
DATE_FORMAT = "DD/MM/YYYY"
MIN_WIDTH, MAX_WIDTH = 10, 60
COVER_TITLE = "Cover"


def _width(values) -> float:
    longest = max((len(v) for v in values), default=0)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


def _shown(value) -> str:
    if isinstance(value, dt.date):
        return "00/00/0000"
    return "" if value is None else str(value)


def write(out: BinaryIO, *, template, authority: str, as_at: dt.date, made_at: dt.datetime,
          lists: dict[int, list[dict]], windows: dict, notes: dict[int, str]) -> None:
    book = Workbook()
    cover = book.active
    cover.title = COVER_TITLE
    _cover(cover, template=template, authority=authority, as_at=as_at, made_at=made_at,
           lists=lists, windows=windows, notes=notes)
    for annex_list in template.LISTS:
        _list_sheet(book.create_sheet(annex_list.sheet), annex_list,
                    lists.get(annex_list.number, []))
    book.save(out)


def _cover(sheet, *, template, authority, as_at, made_at, lists, windows, notes) -> None:
    sheet.append(["Ofsted Annex A"])
    sheet["A1"].font = Font(bold=True, size=16)
    sheet.append(["Local authority", authority])
    sheet.append(["As at", as_at])
    sheet.append(["Template", template.LABEL])
    sheet.append(["Made", made_at.replace(tzinfo=None)])
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append(["List", "Content", "Window from", "Window to", "Rows", "Note"])
    for cell in sheet[header_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for annex_list in template.LISTS:
        w = windows[annex_list.number]
        sheet.append([annex_list.sheet, annex_list.content, w.start, w.end,
                      len(lists.get(annex_list.number, [])), notes.get(annex_list.number, "")])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "DD/MM/YYYY HH:MM"
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
    for index, width in enumerate((16, 32, 13, 13, 8, 80), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=header_row + 1, min_col=6, max_col=6):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _list_sheet(sheet, annex_list, rows: list[dict]) -> None:
    columns = annex_list.columns
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    date_columns = [i for i, name in enumerate(columns, start=1) if name in annex_list.dates]
    for row in rows:
        sheet.append([row.get(name) for name in columns])
    for index in date_columns:
        letter = get_column_letter(index)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = DATE_FORMAT
        sheet.column_dimensions[letter].width = 12
    for index, name in enumerate(columns, start=1):
        if index in date_columns:
            continue
        values = [_shown(row.get(name)) for row in rows]
        # Long headers wrap: the width follows the values, with room for a few header words.
        sheet.column_dimensions[get_column_letter(index)].width = _width(
            values + [name[:24]])
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"
