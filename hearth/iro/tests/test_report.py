"""The quarterly IRO challenges report against a hand-computed example."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.iro.codes import Reason, Stage
from hearth.iro.tests.factories import challenge_for, escalate, resolve, respond

pytestmark = pytest.mark.django_db
D = dt.date
REPORT = reverse("iro:challenge_report")
Q4 = {"quarter": "2026-01"}  # 2025-26 quarter 4: 1 January to 31 March 2026


@pytest.fixture
def example(personas, child):
    """Five challenges around 2025-26 quarter 4, figures worked out by hand:

    A care plan, informal 5 Jan (due 12 Jan), answered 9 Jan, resolved 14 Jan: 9 days.
    B CP plan, informal 2 Feb (due 9 Feb), unanswered; escalated 10 Feb (due 17 Feb), answered
      19 Feb (late), resolved 23 Mar: 49 days.
    C care plan, formal stage 1 on 20 Mar (due 27 Mar), unanswered, open.
    D contact, informal 15 Dec 2025 (due 22 Dec, answered then), resolved 10 Apr: open at the
      end of the quarter, counts in no other figure.
    E raised 1 Apr 2026: after the quarter.

    Raised 3 (A, B, C). Stages started: care plan informal 1 + formal 1; CP plan informal 1 +
    formal 1. Resolved 2, informally 1: 50.0%. Responses due 4 (A, B twice, C), in time 1:
    25.0%. Open at the end 2 (C, D). Average days to resolve (9 + 49) / 2 = 29.0.
    """
    a = challenge_for(child, personas, raised_on=D(2026, 1, 5))
    respond(a, personas.tm_bob, on=D(2026, 1, 9))
    resolve(a, personas, on=D(2026, 1, 14))
    b = challenge_for(child, personas, raised_on=D(2026, 2, 2), reason=Reason.CP_PLAN)
    escalate(b, personas, on=D(2026, 2, 10), to=personas.tm_bob)
    respond(b, personas.tm_bob, on=D(2026, 2, 19))
    resolve(b, personas, on=D(2026, 3, 23))
    challenge_for(child, personas, raised_on=D(2026, 3, 20), stage=Stage.TEAM_MANAGER)
    d = challenge_for(child, personas, raised_on=D(2025, 12, 15), reason=Reason.CONTACT)
    respond(d, personas.tm_bob, on=D(2025, 12, 22))
    resolve(d, personas, on=D(2026, 4, 10))
    challenge_for(personas.child_for(personas.sw_alice), personas, raised_on=D(2026, 4, 1))


def figure(page: str, name: str) -> str:
    return re.search(rf'id="{name}">(.*?)</dd>', page, re.S).group(1).strip()


def test_the_figures_match_the_hand_computed_example(client, personas, example):
    client.force_login(personas.analyst_dana)
    page = client.get(REPORT, Q4).text

    assert "2025-26 quarter 4: 1 January 2026 to 31 March 2026" in page
    assert figure(page, "raised") == "3"
    assert figure(page, "resolved") == "2"
    assert figure(page, "informal") == "50.0% (1 of 2)"
    assert figure(page, "in-time").startswith("25.0% (1 of 4 ")
    assert figure(page, "open") == "2"
    assert figure(page, "average") == "29.0"
    cells = lambda label: re.findall(  # noqa: E731
        r'numeric">(\d+)<', page.split(label, 1)[1].split("</tr>", 1)[0])
    assert cells("Care or pathway plan not completed or updated</th>") == ["1", "1", "0", "0",
                                                                           "0"]
    assert cells("Child protection plan not progressed</th>") == ["1", "1", "0", "0", "0"]
    assert cells("All reasons</th>") == ["2", "2", "0", "0", "0"]
    assert "Contact with family</th>" not in page


def test_analysts_see_figures_only_and_the_iro_sees_names(client, personas, child, example):
    client.force_login(personas.analyst_dana)
    assert child.last_name.upper() not in client.get(REPORT, Q4).text

    client.force_login(personas.iro_erin)
    page = client.get(REPORT, Q4).text
    assert "3 challenges raised about children you may see" in page
    assert child.last_name.upper() in page
    assert AuditEvent.objects.filter(event_code="IRO_CHALLENGE_REPORT_VIEWED").count() == 2
    assert AuditEvent.objects.filter(event_code="CHILD_LISTED",
                                     detail__where="IRO challenges report").exists()


def test_the_current_quarter_is_the_default_and_a_bad_quarter_is_refused(client, personas):
    client.force_login(personas.sm_sara)
    assert "2026-27 quarter 1: 1 April 2026 to 30 June 2026" in client.get(REPORT).text
    page = client.get(REPORT, {"quarter": "1999-01"}).text
    assert "Choose one of the last eight quarters" in page


def test_workers_cannot_see_the_report(client, personas):
    client.force_login(personas.sw_alice)
    assert client.get(REPORT).status_code == 403
