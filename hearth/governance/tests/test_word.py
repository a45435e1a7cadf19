"""The Progress Tracker and the self-evaluation as Word documents, read back with python-docx,
and their downloads audited."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from hearth.core.models import AuditEvent
from hearth.governance import services, word
from hearth.governance.tests import factories as make

pytestmark = pytest.mark.django_db
D = dt.date


def read(content: bytes) -> Document:
    return Document(io.BytesIO(content))


def test_ordinal_dates():
    assert [word.ordinal_date(D(2023, 9, d)) for d in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23)] == [
        "1st September 2023", "2nd September 2023", "3rd September 2023", "4th September 2023",
        "11th September 2023", "12th September 2023", "13th September 2023",
        "21st September 2023", "22nd September 2023", "23rd September 2023"]


def test_the_tracker_downloads_in_the_seeds_format(client, personas):
    committee = make.committee(personas)
    meeting = make.meeting(personas, committee, D(2025, 9, 11))
    for n in range(16):
        make.minute(personas, meeting, f"Item {n}")
    minute = make.minute(personas, meeting, "Children's Services Select Committee Progress "
                                            "Tracker")
    services.resolution_record(minute=minute, kind="noted", text="That the tracker be noted.",
                               actor=personas.bs_ben)
    action = make.request(personas, minute, due_on=D(2025, 11, 13), text=(
        "That the Assistant Director be requested to determine the position in relation to "
        "DBS checks for Members.")).tracker_action
    services.tracker_action_update(action=action, kind="chased", status="awaiting",
                                   on=D(2026, 1, 19), note="Briefing Note to be provided prior "
                                   "to the meeting.", actor=personas.bs_ben)
    client.force_login(personas.tm_bob)
    response = client.get(reverse("governance:tracker_word"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="progress-tracker-2026-06-01.docx"' in response["Content-Disposition"]
    document = read(response.content)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Children's Services Select Committee", "Progress Tracker"]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Subject (Date of Meeting)", "Recommendation/action", "Responsible Officer/Area",
        "Status/Notes"]
    subject, recommendation, responsible, status = [c.text for c in table.rows[1].cells]
    assert subject == ("(11th September 2025) – Children's Services Select Committee Progress "
                       "Tracker")
    assert recommendation == ("Minute No. 17 Resolution (2) – That the Assistant Director be "
                              "requested to determine the position in relation to DBS checks "
                              "for Members.")
    assert responsible == "Assistant Director People and Inclusion"
    assert status.startswith("Briefing Note to be provided prior to the meeting. Open 263 days "
                             "(about 9 months); response due 13 November 2025 (overdue).")
    assert "Last chased 19 January 2026." in status
    assert len(table.rows) == 2
    event = AuditEvent.objects.get(event_code="TRACKER_EXPORTED")
    assert event.actor == personas.tm_bob and event.detail == {"rows": 1,
                                                               "include_closed": False}


def test_the_tracker_download_follows_the_filters(client, personas):
    meeting = make.meeting(personas, make.committee(personas), D(2026, 3, 12))
    minute = make.minute(personas, meeting)
    closed = make.request(personas, minute, due_on=D(2026, 4, 30)).tracker_action
    services.tracker_action_update(action=closed, kind="closed", status="closed",
                                   on=D(2026, 4, 2), note="Answered at the April meeting",
                                   actor=personas.bs_ben)
    client.force_login(personas.bs_ben)
    open_only = read(client.get(reverse("governance:tracker_word")).content)
    assert len(open_only.tables[0].rows) == 1
    assert "There are no actions on the tracker." in [p.text for p in open_only.paragraphs]
    everything = read(client.get(reverse("governance:tracker_word") + "?status=all").content)
    assert everything.tables[0].rows[1].cells[3].text == (
        "Answered at the April meeting Closed on 2 April 2026 after 21 days.")


def test_the_self_evaluation_downloads_with_its_three_prompts(client, personas):
    evaluation = services.self_evaluation_start(title="Self-evaluation 2026",
                                                as_at=D(2026, 5, 31), actor=personas.sm_sara)
    section = evaluation.sections.get(area="help_and_protection")
    services.self_evaluation_section_save(
        section=section, what_we_know="Thresholds are understood.\nContacts are quicker.",
        how_we_know=section.how_we_know, what_next="A front door diagnostic.",
        actor=personas.sm_sara)
    client.force_login(personas.tm_bob)
    response = client.get(reverse("governance:self_evaluation_word", args=[evaluation.pk]))
    assert response.status_code == 200
    document = read(response.content)
    texts = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:6] == [
        "Self-evaluation 2026",
        "The experiences and progress of children who need help and protection",
        "Headline numbers", "What do we know about the quality and impact of practice?",
        "How do we know it?",
        "What are we going to do over the next 6 months to maintain and improve practice?"]
    assert headings.count("How do we know it?") == 3
    assert "Thresholds are understood." in texts and "Contacts are quicker." in texts
    assert "A front door diagnostic." in texts
    assert "no figure / Contacts decided within one working day (H-FD-01)" in texts
    assert "Not written yet." in texts  # the sections no one has written
    assert AuditEvent.objects.get(event_code="SELF_EVALUATION_EXPORTED").actor == personas.tm_bob
