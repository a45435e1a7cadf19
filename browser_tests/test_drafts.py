"""Never lose work: what a social worker types into a case note is kept as they type, survives
the tab being closed and signing out, is put back when they return, and goes once the note is
saved (hearth/static/hearth/drafts.mjs, hearth/drafts)."""

import datetime as dt

import pytest

from browser_tests.helpers import (
    click_through,
    expect,
    fill_date,
    new_context,
    signed_in,
    watch_for_errors,
)

NOTE = "Talked with her about school; she wants to see her brother more often."


@pytest.fixture
def context(browser, hearth):
    context = new_context(browser, hearth)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def test_a_case_note_typed_then_abandoned_is_put_back(context, hearth):
    note_page = f"/teams/child/{hearth.data['children']['cp']}/case-notes/add/"
    page = context.new_page()
    errors = watch_for_errors(page)
    signed_in(page, "social_worker")
    page.goto(note_page)
    page.fill("#id_subject", "Home visit")
    page.fill("#id_text", NOTE)
    expect(page.locator(".hearth-draft-status")).to_contain_text("Draft kept at", timeout=10_000)
    page.close()  # the tab closed without saving

    page = context.new_page()
    errors += watch_for_errors(page)
    page.goto("/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/**")
    signed_in(page, "social_worker")
    page.goto(note_page)

    expect(page.locator("#id_text")).to_have_value(NOTE)
    expect(page.locator("#id_subject")).to_have_value("Home visit")
    expect(page.get_by_role("region", name="Draft put back")).to_contain_text("not saved yet")

    page.locator("input[name=kind]").first.check()
    fill_date(page, "occurred_on", dt.date.fromisoformat(hearth.data["today"]))
    click_through(page.locator("main form[method=post] button[type=submit]").last)
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    page.goto(note_page)

    expect(page.locator("#id_text")).to_have_value("")
    assert page.get_by_role("region", name="Draft put back").count() == 0
    assert not errors, "\n".join(errors)
