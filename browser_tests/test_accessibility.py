"""Every page in browser_tests/pages.py, as a persona allowed to see it: axe-core at WCAG 2.2 A
and AA with zero violations, and the GOV.UK page structure (one h1, a title, landmarks, a skip
link Tab reaches first, error summaries linked to their fields). Titles are unique per page."""

import collections
import re

import pytest

from browser_tests import helpers
from browser_tests.pages import PAGES, Page, is_page_route, values

SWEPT: dict[str, dict] = {}

SUBMIT_EMPTY_JS = """
([selector, typed]) => {
  const form = document.querySelector(selector);
  if (!form) return `no form matches ${selector}`;
  for (const el of form.elements) {
    if (el.type === 'hidden' || el.type === 'submit' || el.tagName === 'BUTTON') continue;
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = false;
    else if (el.tagName === 'SELECT') {
      const blank = [...el.options].findIndex(o => o.value === '');
      if (blank >= 0) el.selectedIndex = blank;
    } else el.value = '';
  }
  for (const [name, value] of typed) form.elements[name].value = value;
  form.setAttribute('data-browser-test', 'submit-empty');
  return null;
}
"""


@pytest.fixture(scope="module")
def persona_pages(browser, hearth):
    """One signed-in page per persona, reused across the sweep (CSP bypassed so that axe-core
    can be added to the page)."""
    opened: dict = {}

    def page_for(role: str | None):
        if role not in opened:
            context = helpers.new_context(browser, hearth, bypass_csp=True)
            context.set_default_timeout(15_000)
            page = context.new_page()
            page.js_errors = helpers.watch_for_errors(page)
            if role is not None:
                helpers.signed_in(page, role)
            opened[role] = page
        return opened[role]

    yield page_for
    for page in opened.values():
        page.context.close()


@pytest.fixture(scope="module", autouse=True)
def _sweep_report():
    yield
    if not SWEPT:
        return
    states = collections.Counter(
        "error state" if "errors" in entry["state"] else
        "page" if entry["state"] == "page" else "other state" for entry in SWEPT.values())
    violations = collections.Counter(v["id"] for entry in SWEPT.values()
                                     for v in entry["violations"])
    nodes = sum(len(v["nodes"]) for entry in SWEPT.values() for v in entry["violations"])
    failing = [key for key, entry in SWEPT.items() if entry["violations"] or entry["problems"]]
    routes = len({entry["route"] for entry in SWEPT.values()})
    helpers.REPORT.append(
        f"Accessibility sweep: {len(SWEPT)} page states swept ({routes} routes; "
        f"{states['page']} as opened, {states['error state']} error states, "
        f"{states['other state']} other states) with axe-core {', '.join(helpers.AXE_TAGS)}")
    helpers.REPORT.append(
        f"  axe violations: {sum(violations.values())} rule(s) failing on {nodes} element(s)"
        + (f" - {dict(violations)}" if violations else ""))
    helpers.REPORT.append(
        f"  structure problems: {sum(len(e['problems']) for e in SWEPT.values())}; "
        f"page states failing: {len(failing)}" + (f" - {failing}" if failing else ""))


def submit_empty(page, selector: str, typed=()) -> None:
    trouble = page.evaluate(SUBMIT_EMPTY_JS, [selector, [list(pair) for pair in typed]])
    assert trouble is None, trouble
    button = page.locator("form[data-browser-test=submit-empty] "
                          "button:not([type=button])").first
    with page.expect_navigation():
        button.click()


@pytest.mark.parametrize("entry", PAGES, ids=[p.key for p in PAGES])
def test_page_is_accessible(entry: Page, hearth, persona_pages, axe_available, request):
    if entry.known:
        request.applymarker(pytest.mark.xfail(reason=entry.known, strict=True))
    page = persona_pages(entry.persona)
    page.js_errors.clear()
    url = entry.url(values(hearth.data))
    response = page.goto(url)
    assert response is not None and response.status == entry.status, (
        f"{url} as {entry.persona}: HTTP {response.status if response else None}")
    if entry.submit_empty:
        submit_empty(page, entry.form, entry.typed)
    expect_errors = entry.submit_empty or "errors" in entry.state
    facts, problems = helpers.page_problems(page, expect_errors=expect_errors)
    problems += [f"JavaScript: {error}" for error in page.js_errors]
    violations = helpers.run_axe(page)
    SWEPT[entry.key] = {"route": entry.route, "state": entry.state, "url": url,
                        "title": facts["title"], "violations": violations,
                        "problems": problems, "persona": entry.persona}
    message = [f"{entry.key} at {url} as {entry.persona}:"]
    if problems:
        message += [f"  {p}" for p in problems]
    if violations:
        message.append(helpers.describe_violations(violations))
    assert not problems and not violations, "\n".join(message)


def test_every_route_is_listed():
    """Every page route in the URLconf is in pages.py, and pages.py names no route that is
    gone."""
    from hearth.core.tests.urlwalk import all_routes

    routes = {route.name for route in all_routes() if is_page_route(route.name)}
    listed = {entry.route for entry in PAGES if not entry.route.startswith("error:")}
    assert not routes - listed, f"Add these routes to browser_tests/pages.py: {routes - listed}"
    assert not listed - routes, f"pages.py lists routes that are gone: {listed - routes}"


def test_titles_are_unique():
    """Each route's page (as first listed) has its own title once the person's name is taken
    out: 'Assessments – NAME – Hearth' and 'Front door – NAME – Hearth' differ."""
    first = {}
    for entry in PAGES:
        first.setdefault(entry.route, entry.key)
    if not all(key in SWEPT for key in first.values()):
        pytest.skip("the sweep did not run for every route (run the whole file)")
    names = sorted(helpers.SERVER.data["child_names"].values() if helpers.SERVER else [],
                   key=len, reverse=True)

    def general(title: str) -> str:
        for name in names:
            title = title.replace(name, "NAME")
        return re.sub(r"\s+", " ", title).strip()

    by_title = collections.defaultdict(list)
    for route, key in first.items():
        by_title[general(SWEPT[key]["title"])].append(route)
    shared = {title: routes for title, routes in by_title.items() if len(routes) > 1}
    assert not shared, f"Pages share a title: {shared}"
