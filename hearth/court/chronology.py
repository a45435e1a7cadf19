"""The child's chronology gets each Legal Gateway Panel and every step of their legal cases."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.core import clock
from hearth.court.selectors import cases_for_child, panels_for_child

KIND = "court"


def _case_events(legal_case) -> Iterable[ChronologyItem]:
    if legal_case.letter_sent_on:
        offer = ("offered" if legal_case.fgdm_offered else "did not offer")
        yield ChronologyItem(legal_case.letter_sent_on, "Letter before proceedings sent",
                             f"The letter {offer} a family group decision-making meeting",
                             kind=KIND)
    for meeting in legal_case.meetings.all():
        yield ChronologyItem(meeting.held_on, meeting.get_kind_display(),
                             f"Attended: {meeting.attended}. {meeting.note}".strip(), kind=KIND)
    if legal_case.pp_outcome:
        yield ChronologyItem(legal_case.pp_outcome_on, "Pre-proceedings ended",
                             legal_case.get_pp_outcome_display(), kind=KIND)
    if legal_case.issued_on:
        yield ChronologyItem(legal_case.issued_on, "Care proceedings issued",
                             f"{legal_case.get_application_type_display()}, {legal_case.court}",
                             kind=KIND)
    for hearing in legal_case.hearings.all():
        yield ChronologyItem(hearing.held_on, hearing.get_kind_display(), hearing.outcome,
                             kind=KIND)
    for order in legal_case.interim_orders.all():
        yield ChronologyItem(order.made_on, order.get_kind_display(), order.note, kind=KIND)
    for extension in legal_case.extensions.all():
        yield ChronologyItem(extension.granted_on,
                             f"Proceedings extended by {extension.weeks} weeks",
                             extension.reason, kind=KIND)
    if legal_case.final_order:
        yield ChronologyItem(legal_case.final_order_on,
                             f"Final order: {legal_case.get_final_order_display()}",
                             "The care proceedings ended", kind=KIND)


def court_events(child) -> Iterable[ChronologyItem]:
    for panel in panels_for_child(child):
        yield ChronologyItem(panel.held_on,
                             f"Legal Gateway Panel: {panel.get_decision_display()}",
                             panel.reasons, str(panel.chair), kind=KIND)
    for summary in cases_for_child(child, today=clock.today()):
        yield from _case_events(summary.legal_case)
