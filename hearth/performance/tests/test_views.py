"""The scorecard pages: who may open them, what they show, the forms' refusals, the drill-down
and the committee report in HTML and Word."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from docx import Document

from hearth.care.tests.factories import period_for
from hearth.core.models import AuditEvent
from hearth.performance import periods as p
from hearth.performance import services
from hearth.performance.models import ExceptionCommentary, Snapshot
from hearth.performance.tests.test_figures import agency_staff

pytestmark = pytest.mark.django_db
Q3 = p.quarter(2026, 3)
D = dt.date
SCORECARD = reverse("performance:scorecard")


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def figures(personas):
    services.population_record(year=2026, children=68_446, source="Test estimate",
                               system_job="test")
    for _ in range(2):
        period_for(personas.child_for(personas.sw_alice), personas.sw_alice,
                   started_on=D(2026, 11, 2))
    agency_staff(personas.team_a)
    services.figures_compute(periods=[Q3, Q3.previous(), Q3.a_year_before()], system_job="t")


@pytest.mark.parametrize(("persona", "status"), [
    ("analyst_dana", 200), ("tm_bob", 200), ("sm_sara", 200), ("sw_alice", 403),
    ("iro_erin", 403), ("bs_ben", 403), ("admin_sam", 403)])
def test_who_may_open_the_scorecard(client, personas, persona, status):
    assert signed_in(client, getattr(personas, persona)).get(SCORECARD).status_code == status


def test_the_scorecard_shows_the_seed_layout_with_counts_and_symbols(client, personas, figures):
    page = signed_in(client, personas.tm_bob).get(f"{SCORECARD}?quarter={Q3.slug}").text
    assert "2025-26" in page and "2026-27" in page and "Qtr. 4 outturn" in page
    assert "0.3 (2 / 68,446)" in page  # PI.432, the latest quarters with their counts
    assert page.count("17.7% (25.27 / 142.5)") == 3  # Q2, Q3 and the exception table
    assert "▲" in page and "Close to target" in page  # PI.1447 against 15%
    assert "70 Top Quartile LAIT Annual Figure" in page
    assert "No figure: not entered" in page  # PI.120, never entered
    assert AuditEvent.objects.filter(event_code="SCORECARD_VIEWED",
                                     actor=personas.tm_bob).exists()


def test_a_quarter_not_offered_is_a_form_error_and_the_latest_is_shown(client, personas):
    page = signed_in(client, personas.tm_bob).get(f"{SCORECARD}?quarter=1999-q1").text
    assert "Choose a quarter from the list" in page
    assert "2026-27 Q3" in page


def test_every_indicator_can_be_shown_by_area(client, personas, figures):
    page = signed_in(client, personas.tm_bob).get(f"{SCORECARD}?show=all").text
    assert "H-CP-04" in page and "WF02" in page and "Front door" in page


def test_an_analyst_enters_a_figure_and_a_bad_one_keeps_what_was_typed(client, personas):
    client = signed_in(client, personas.analyst_dana)
    url = reverse("performance:figure_add")
    page = client.post(url, {"indicator": "PI.120", "period": Q3.slug, "numerator": "168",
                             "denominator": "0", "note": "Careers service"}).text
    assert "The denominator cannot be 0" in page and 'value="168"' in page
    assert "Careers service" in page and not Snapshot.objects.exists()
    response = client.post(url, {"indicator": "PI.120", "period": Q3.slug, "numerator": "168",
                                 "denominator": "7663", "note": "Careers service"})
    assert response.status_code == 302
    assert Snapshot.objects.get(indicator="PI.120").numerator == 168


def test_a_manager_may_not_enter_compute_or_freeze(client, personas):
    client = signed_in(client, personas.tm_bob)
    assert client.get(reverse("performance:figure_add")).status_code == 403
    assert client.post(reverse("performance:compute")).status_code == 403
    assert client.post(reverse("performance:freeze", args=[Q3.slug])).status_code == 403


def test_computing_and_freezing_from_the_scorecard(client, personas, figures):
    client = signed_in(client, personas.analyst_dana)
    response = client.post(reverse("performance:compute"), {"quarter": Q3.slug})
    assert response.status_code == 302 and Q3.slug in response.url
    client.post(reverse("performance:freeze", args=[Q3.slug]))
    assert Snapshot.objects.filter(frozen=True, period_start=Q3.start).exists()
    period_for(personas.child_for(personas.sw_alice), personas.sw_alice,
               started_on=D(2026, 12, 1))
    client.post(reverse("performance:compute"), {"quarter": Q3.slug})
    page = client.get(f"{SCORECARD}?quarter={Q3.slug}").text
    assert "changed since reported" in page and "0.3 (2 / 68,446)" in page


def test_the_drill_down_lists_the_children_behind_a_figure(client, personas, figures):
    url = reverse("performance:indicator", args=["PI.432", Q3.slug])
    restricted = personas.child_for(personas.sw_charlie)
    period_for(restricted, personas.sw_charlie, started_on=D(2026, 11, 2))
    restricted.is_restricted = True
    restricted.save()
    page = signed_in(client, personas.tm_bob).get(url).text
    assert "Counted in the numerator (3)" in page
    assert "1 child with a restricted record is not listed" in page
    assert len(re.findall(r'href="/people/[0-9a-f-]{36}/"', page)) == 2
    assert AuditEvent.objects.filter(event_code="CHILD_LISTED", actor=personas.tm_bob,
                                     detail__where=f"indicator PI.432 {Q3.slug}").count() == 2


def test_the_analyst_sees_the_figures_but_not_the_children(client, personas, figures):
    page = signed_in(client, personas.analyst_dana).get(
        reverse("performance:indicator", args=["PI.432", Q3.slug])).text
    assert "From the records now" in page
    assert not re.findall(r'href="/people/[0-9a-f-]{36}/"', page)
    assert "shown to those who may open children's records" in page


@pytest.mark.parametrize("path", ["NOPE/2026-q3", "PI.432/2026-q9", "PI.432/garbage"])
def test_an_unknown_indicator_or_period_is_not_found(client, personas, path):
    assert signed_in(client, personas.tm_bob).get(
        f"/performance/indicators/{path}/").status_code == 404


def test_commentary_is_written_then_approved_by_the_director(client, personas, figures):
    url = reverse("performance:commentary", args=["PI.1447", Q3.slug])
    page = signed_in(client, personas.tm_bob).post(url, {
        "performance": "Agency use is falling.", "assurance": "", "impact": "Cost."}).text
    assert "Enter the evidence that actions are in place" in page
    assert "Agency use is falling." in page  # kept
    signed_in(client, personas.tm_bob).post(url, {
        "performance": "Agency use is falling.", "assurance": "Recruitment drive.",
        "impact": "Cost."})
    page = signed_in(client, personas.sm_sara).get(url).text
    assert "Approve for the committee" in page
    client.post(reverse("performance:commentary_approve", args=["PI.1447", Q3.slug]))
    assert ExceptionCommentary.objects.get().status == "approved"
    page = client.get(f"{SCORECARD}?quarter={Q3.slug}").text
    assert "govuk-tag--green\">Approved" in page


def test_the_committee_report_in_html(client, personas, figures):
    services.commentary_save(code="PI.1447", quarter=Q3, performance="Agency use fell.",
                             assurance="A", impact="I", actor=personas.tm_bob)
    page = signed_in(client, personas.sm_sara).get(
        reverse("performance:report", args=[Q3.slug])).text
    assert ("Corporate Quarterly Performance Report – Quarter 3 (1st October 2026 to 31st "
            "December 2026)") in page
    assert "financial year 2026/27" in page
    assert "Target = <strong>15%</strong>" in page and "Agency use fell." in page
    assert "Appendix 1 – Children's Services overview" in page
    assert "<svg" in page and "(the chart's data)" in page
    assert "remains yet to achieve its target (PI.1447)" in page


def test_the_committee_report_as_a_word_document_reads_back(client, personas, figures):
    response = signed_in(client, personas.sm_sara).get(
        reverse("performance:report_word", args=[Q3.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Corporate Quarterly Performance Report – Quarter 3" in text
    assert "Performance Summary" in text and "Target = 15%" in text
    assert "Children's Services scorecard" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "17.7% (25.27 / 142.5)" in cells and "▲" in cells
    assert "Performance: what is the data telling us?" in text
    assert AuditEvent.objects.filter(event_code="COMMITTEE_REPORT_EXPORTED",
                                     detail__format="docx").exists()


def test_the_population_page_and_its_form(client, personas):
    client = signed_in(client, personas.analyst_dana)
    url = reverse("performance:population")
    page = client.post(url, {"year": "2025", "children": "0", "source": "ONS"}).text
    assert "Enter a number of children above 0" in page
    client.post(url, {"year": "2025", "children": "68446", "source": "ONS mid-year 2025"})
    assert "68,446" in client.get(url).text
    assert signed_in(client, personas.tm_bob).post(url, {
        "year": "2025", "children": "1", "source": "x"}).status_code == 404


def test_a_team_dashboard_counts_the_children_the_team_held(client, personas):
    from hearth.frontdoor.tests.factories import referral_for
    for worker in (personas.sw_alice, personas.sw_alice, personas.sw_charlie):
        referral_for(personas.child_for(worker, allocated_on=D(2026, 9, 1)), actor=worker,
                     referral_date=D(2026, 11, 3))
    services.figures_compute(periods=[Q3], system_job="test")
    team = personas.sw_alice.team
    page = signed_in(client, personas.tm_bob).get(
        f"{reverse('performance:team_dashboard')}?team={team.pk}&quarter={Q3.slug}").text
    assert "H-FD-05" in page and "0.0% (0 / 2)" in page
    assert personas.sw_alice.get_full_name() in page
    assert "PI.432" not in page  # a rate on the whole population: the authority's only
    assert AuditEvent.objects.filter(event_code="TEAM_DASHBOARD_VIEWED").exists()


def test_the_team_dashboard_asks_for_a_team(client, personas):
    url = reverse("performance:team_dashboard")
    assert "Choose a team to see its figures" in signed_in(client, personas.tm_bob).get(url).text
    assert "Choose a team" in client.get(f"{url}?team=999999").text
    assert signed_in(client, personas.sw_alice).get(url).status_code == 403


def test_the_actions_ask_before_they_change_anything(client, personas, figures):
    client = signed_in(client, personas.analyst_dana)
    page = client.get(reverse("performance:freeze", args=[Q3.slug])).text
    assert "This cannot be undone" in page and "govuk-button--warning" in page
    assert "Recompute figures" in client.get(reverse("performance:compute")).text
    assert not Snapshot.objects.filter(frozen=True).exists()
