"""Helpers that take a child (or a sibling group) through the Legal Gateway Panel,
pre-proceedings and care proceedings with the real services (synthetic data)."""

import datetime as dt

from hearth.court import services
from hearth.court.codes import PanelDecision
from hearth.court.models import LegalCase


def panel(child, personas, *, on: dt.date, decision: str = PanelDecision.PRE_PROCEEDINGS,
          siblings=()):
    return services.panel_record(
        lead_child=child, siblings=list(siblings), held_on=on, decision=decision,
        chair=personas.sm_sara, reasons="Concerns persist despite the child protection plan",
        actor=personas.tm_bob)


def pre_proceedings(child, personas, *, on: dt.date, siblings=()) -> LegalCase:
    return panel(child, personas, on=on, siblings=siblings).legal_case


def to_issue(child, personas, *, on: dt.date) -> LegalCase:
    return panel(child, personas, on=on, decision=PanelDecision.ISSUE).legal_case


def proceedings(child, personas, *, decided_on: dt.date, issued_on: dt.date) -> LegalCase:
    legal_case = to_issue(child, personas, on=decided_on)
    return services.application_record(
        legal_case=legal_case, issued_on=issued_on, court="Family Court (synthetic)",
        application_type="care_order", actor=personas.sw_alice)


def hearing(legal_case, personas, *, on: dt.date, kind: str = "cmh", next_on=None,
            next_kind: str = "irh"):
    return services.hearing_record(legal_case=legal_case, kind=kind, held_on=on,
                                   outcome="Directions given", next_hearing_on=next_on,
                                   next_hearing_kind=next_kind if next_on else "",
                                   actor=personas.sw_alice)


def final_order(legal_case, personas, *, on: dt.date, order: str = "care_order"):
    return services.final_order_record(legal_case=legal_case, order=order, made_on=on,
                                       actor=personas.sw_alice)
