"""Speed as a user feels it, and screenshots of the main pages for the documentation.

Time to usable is the browser's own Navigation Timing: `dom_content_loaded` is when the HTML is
parsed and GOV.UK Frontend's module script has run (the page responds to the user), `load`
when everything (styles, fonts, images) has arrived. Medians of 5 loads after a warm-up, on the
tiny synthetic authority, printed at the end of the run; with HEARTH_BROWSER_TIMINGS=path they
are also written there as JSON (for a benchmark command).

Screenshots (1280x800, not full page) go to docs/screenshots/ when HEARTH_SCREENSHOTS=1.
"""

import json
import os

import pytest

from browser_tests.helpers import (
    REPORT,
    expect,
    record_tab,
    save_screenshot,
    screenshots_wanted,
    sign_out,
    signed_in,
    time_page,
)

BUDGET_MS = 5000  # a page not usable after this long on a tiny authority is broken


def test_time_to_usable(page, hearth):
    signed_in(page, "social_worker")
    pages = {
        "Child record": f"/people/{hearth.child('cp')}/",
        "My work": "/work/",
        "MASH queue": "/front-door/",
    }
    results = {name: time_page(page, url) for name, url in pages.items()}
    REPORT.append("Time to usable (median of 5, ms from navigation start: first byte / "
                  "DOM interactive / DOMContentLoaded / load / wall clock to load):")
    for name, marks in results.items():
        REPORT.append(f"  {name:<13} {marks['ttfb']:>7.1f} {marks['interactive']:>7.1f} "
                      f"{marks['dom_content_loaded']:>7.1f} {marks['load']:>7.1f} "
                      f"{marks['wall']:>7.1f}")
    if target := os.environ.get("HEARTH_BROWSER_TIMINGS"):
        with open(target, "w", encoding="utf-8") as out:
            json.dump({"profile": "tiny", "pages": pages, "median_ms": results}, out, indent=2)
    slow = {name: marks["dom_content_loaded"] for name, marks in results.items()
            if marks["dom_content_loaded"] > BUDGET_MS}
    assert not slow, f"Pages not usable within {BUDGET_MS} ms: {slow}"


def test_screenshots(page, hearth):
    if not screenshots_wanted():
        pytest.skip("set HEARTH_SCREENSHOTS=1 to write docs/screenshots/")
    signed_in(page, "social_worker")
    save_screenshot(page, "home")
    page.goto("/front-door/")
    expect(page.locator("h1")).to_have_text("MASH queue")
    save_screenshot(page, "mash-queue")
    page.goto(f"/people/{hearth.child('cp')}/")
    expect(page.locator("h1")).to_contain_text(hearth.child_name("cp"))
    save_screenshot(page, "child-record")
    record_tab(page, "Child protection")
    save_screenshot(page, "child-protection")
    page.goto("/work/")
    expect(page.locator("h1")).to_have_text("My work")
    save_screenshot(page, "my-work")
    sign_out(page)
    signed_in(page, "team_manager")
    page.goto("/performance/scorecard/")
    expect(page.locator("h1")).to_contain_text("Children's Services scorecard")
    page.locator("#scorecard").evaluate("table => table.scrollIntoView()")
    save_screenshot(page, "scorecard")
    REPORT.append("Screenshots: docs/screenshots/{home,mash-queue,child-record,"
                  "child-protection,my-work,scorecard}.png")
