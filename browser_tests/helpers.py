"""What the browser tests share: signing in, GOV.UK form filling, keyboard moves, page checks.

Playwright is imported by the fixtures in conftest.py, not here, so this module imports even
where Playwright is missing (the folder is then skipped with a reason).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "hearth-demo-2026"  # every synthetic member of staff (hearth/synthetic)
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}

# Filled by the session fixture in conftest.py; read by signed_in() and the tests.
SERVER: Hearth | None = None
# Lines the terminal summary prints at the end of the run (sweep totals, timings).
REPORT: list[str] = []


@dataclass
class Hearth:
    """The running Hearth and what the scenario built in it (browser_tests/scenario.py)."""

    base_url: str
    data: dict
    workdir: Path

    @property
    def today(self) -> dt.date:
        return dt.date.fromisoformat(self.data["today"])

    def username(self, role: str) -> str:
        return self.data["users"][role]

    def user_name(self, role: str) -> str:
        return self.data["user_names"][role]

    def child(self, key: str) -> str:
        return self.data["children"][key]

    def child_name(self, key: str) -> str:
        return self.data["child_names"][key]

    def listed_name(self, key: str) -> str:
        """How lists show a child: SURNAME, First."""
        first, last = self.data["child_first_last"][key]
        return f"{last.upper()}, {first}"


# ---- Signing in ---------------------------------------------------------------------------------

def signed_in(page, role: str):
    """Signs in as the persona for `role` through the real sign-in form; returns the page."""
    assert SERVER is not None, "the hearth fixture starts the server first"
    page.goto("/sign-in/")
    page.fill("#id_username", SERVER.username(role))
    page.fill("#id_password", PASSWORD)
    click_through(page.get_by_role("button", name="Sign in"))
    header = page.locator(".hearth-header__name")
    if header.count() != 1:
        raise AssertionError(f"Signing in as {role} ({SERVER.username(role)}) failed: "
                             f"{page.url} {page.title()}")
    assert header.inner_text().strip() == SERVER.user_name(role)
    return page


def click_through(target) -> None:
    """Clicks a link or button and waits for the page it leads to."""
    with target.page.expect_navigation():
        target.click()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-in/"))


# ---- GOV.UK forms -------------------------------------------------------------------------------

def fill_date(page, field_name: str, day: dt.date) -> None:
    """A GOV.UK date input: id_<field>_0/_1/_2 for day, month and year."""
    page.fill(f"#id_{field_name}_0", str(day.day))
    page.fill(f"#id_{field_name}_1", str(day.month))
    page.fill(f"#id_{field_name}_2", str(day.year))


def banner(page):
    return page.locator(".govuk-notification-banner--success")


def summary_value(page, key: str):
    """The value cell of the summary-list row whose key is `key`."""
    row = page.locator(".govuk-summary-list__row", has=page.locator(
        ".govuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$")))
    return row.locator(".govuk-summary-list__value")


def open_record(page, key: str) -> None:
    """Finds the child from the home page's search box and opens their record."""
    assert SERVER is not None
    menu(page, "Home")
    first, last = SERVER.data["child_first_last"][key]
    page.fill("#home-search", f"{first} {last}")
    click_through(page.locator("#home-search ~ button"))
    click_through(page.get_by_role("link", name=SERVER.listed_name(key), exact=True))
    h1 = page.locator("h1")
    assert SERVER.child_name(key) in h1.inner_text(), h1.inner_text()


def record_tab(page, label: str) -> None:
    click_through(page.get_by_label("Record sections").get_by_role("link", name=label,
                                                                     exact=True))


# ---- Keyboard only ------------------------------------------------------------------------------

class Keyboard:
    """Moves through a page as a keyboard user does: Tab, Shift+Tab, arrows, Space, Enter and
    typing. It reads the page (as a user's eyes do) only to know when to stop tabbing."""

    MAX_TABS = 300

    def __init__(self, page):
        self.page = page
        self.presses = 0

    def press(self, key: str) -> None:
        self.presses += 1
        self.page.keyboard.press(key)

    def tab_to(self, description: str, predicate: str) -> None:
        """Tabs forward until the focused element matches the JS `predicate` (about `el`)."""
        check = f"(() => {{ const el = document.activeElement; return !!(el && ({predicate})); }})"
        if self.page.evaluate(check):
            return
        for _ in range(self.MAX_TABS):
            self.press("Tab")
            if self.page.evaluate(check):
                return
        raise AssertionError(f"Tab never reached {description} on {self.page.url}")

    def focus_id(self, element_id: str) -> None:
        self.tab_to(f"#{element_id}", f"el.id === {json.dumps(element_id)}")

    def focus_link(self, text: str, *, exact: bool = False) -> None:
        test = "===" if exact else "startsWith"
        text_js = json.dumps(text)
        condition = (f"el.textContent.trim().replace(/\\s+/g, ' ') === {text_js}" if exact
                     else f"el.textContent.trim().replace(/\\s+/g, ' ').startsWith({text_js})")
        self.tab_to(f"the link '{text}' ({test})", f"el.tagName === 'A' && {condition}")

    def focus_button(self, text: str) -> None:
        self.tab_to(f"the button '{text}'",
                    f"el.tagName === 'BUTTON' && el.textContent.trim() === {json.dumps(text)}")

    def follow(self, text: str, *, exact: bool = False) -> None:
        """Tabs to a link and presses Enter on it, waiting for the next page."""
        self.focus_link(text, exact=exact)
        with self.page.expect_navigation():
            self.press("Enter")

    def submit(self, text: str) -> None:
        self.focus_button(text)
        with self.page.expect_navigation():
            self.press("Enter")

    def type_into(self, element_id: str, text: str) -> None:
        self.focus_id(element_id)
        self.press("Control+A")
        self.press("Backspace")
        self.page.keyboard.type(text)

    def date(self, field_name: str, day: dt.date) -> None:
        for part, value in enumerate((day.day, day.month, day.year)):
            self.type_into(f"id_{field_name}_{part}", str(value))

    def follow_tab(self, label: str) -> None:
        """A tab of the child's record (the 'Record sections' sub-navigation)."""
        self.tab_to(f"the record tab '{label}'",
                    "el.classList.contains('moj-sub-navigation__link') && "
                    f"el.textContent.trim() === {json.dumps(label)}")
        with self.page.expect_navigation():
            self.press("Enter")

    def choose_radio(self, name: str, value: str | None = None) -> None:
        """Tabs into the radio group, then arrows to the choice (Space if none was chosen).
        Without a value: keeps the one already chosen, or chooses the first."""
        self.tab_to(f"the radios '{name}'",
                    f"el.type === 'radio' && el.name === {json.dumps(name)}")
        for _ in range(40):
            state = self.page.evaluate("() => [document.activeElement.value, "
                                       "document.activeElement.checked]")
            if value is None or state[0] == value:
                if not state[1]:
                    self.press("Space")
                return
            self.press("ArrowDown")
        raise AssertionError(f"No radio {name}={value} reached with the arrow keys")

    def tick_value(self, name: str, value: str) -> None:
        """The checkbox `value` of the checkboxes called `name`."""
        self.tab_to(f"the checkbox {name}={value}",
                    f"el.type === 'checkbox' && el.name === {json.dumps(name)} && "
                    f"el.value === {json.dumps(value)}")
        if not self.page.evaluate("() => document.activeElement.checked"):
            self.press("Space")

    def tick(self, element_id: str) -> None:
        self.focus_id(element_id)
        if not self.page.evaluate("() => document.activeElement.checked"):
            self.press("Space")

    def select(self, element_id: str, value: str) -> None:
        """A closed <select>: arrow keys change the choice without opening it."""
        self.focus_id(element_id)
        self.press("Home")
        for _ in range(200):
            if self.page.evaluate("() => document.activeElement.value") == value:
                return
            self.press("ArrowDown")
        raise AssertionError(f"#{element_id} has no option {value} reachable by arrow keys")


# ---- What every page must have -------------------------------------------------------------------

PAGE_FACTS_JS = """
() => {
  const summary = document.querySelector('.govuk-error-summary');
  const links = summary ? [...summary.querySelectorAll('a')].map(a => a.getAttribute('href')) : [];
  const main = document.querySelectorAll('main, [role="main"]');
  return {
    title: document.title,
    h1s: [...document.querySelectorAll('h1')].map(h => h.textContent.trim().replace(/\\s+/g, ' ')),
    mains: main.length,
    mainId: main.length ? main[0].id : null,
    banner: document.querySelectorAll('header[role="banner"], body > header').length,
    contentinfo: document.querySelectorAll('footer, [role="contentinfo"]').length,
    skip: (() => {
      const a = document.querySelector('a.govuk-skip-link');
      if (!a) return null;
      const href = a.getAttribute('href') || '';
      return {href, target: href.startsWith('#') && !!document.getElementById(href.slice(1))};
    })(),
    errorSummary: !!summary,
    errorLinks: links.map(href => ({
      href,
      exists: !!(href && href.startsWith('#') && document.getElementById(href.slice(1))),
    })),
    fieldErrors: document.querySelectorAll('.govuk-error-message').length,
  };
}
"""


def page_problems(page, *, expect_errors: bool = False) -> tuple[dict, list[str]]:
    """The structural checks: title, one h1, landmarks, a skip link that is the first thing
    Tab reaches, and an error summary whose links all point at elements on the page."""
    facts = page.evaluate(PAGE_FACTS_JS)
    problems = _structure_problems(facts)
    skip = facts["skip"]
    if not skip:
        problems.append("no skip link")
    elif not skip["target"]:
        problems.append(f"the skip link points at {skip['href']}, which is not on the page")
    elif not skip_link_first(page):
        problems.append("the skip link is not the first thing Tab reaches")
    problems += _error_summary_problems(facts, expect_errors=expect_errors)
    return facts, problems


def _structure_problems(facts: dict) -> list[str]:
    problems = []
    if not facts["title"].strip():
        problems.append("no <title>")
    if len(facts["h1s"]) != 1:
        problems.append(f"{len(facts['h1s'])} h1 elements: {facts['h1s']}")
    if facts["mains"] != 1:
        problems.append(f"{facts['mains']} main landmarks")
    if not facts["banner"]:
        problems.append("no banner landmark (header)")
    if not facts["contentinfo"]:
        problems.append("no contentinfo landmark (footer)")
    return problems


def _error_summary_problems(facts: dict, *, expect_errors: bool) -> list[str]:
    if not facts["errorSummary"]:
        return (["expected an error summary after submitting the empty form, got none"]
                if expect_errors else [])
    problems = []
    title = facts["title"].strip()
    if not title.startswith("Error: "):
        problems.append(f"an error summary is shown but the title does not start with "
                        f"'Error: ' ({title!r})")
    elif title.startswith("Error: Error: "):
        problems.append(f"the title says 'Error: ' twice ({title!r})")
    if not facts["errorLinks"]:
        problems.append("the error summary has no links")
    problems += [f"error summary link {link['href']} points at no element"
                 for link in facts["errorLinks"] if not link["exists"]]
    return problems


def skip_link_first(page) -> bool:
    """From the top of the document, the first Tab reaches the skip link. (Focus is moved to
    the document first: GOV.UK's error summary takes focus when the page loads.)"""
    page.evaluate("""() => {
        const root = document.documentElement;
        root.setAttribute('tabindex', '-1');
        root.focus({preventScroll: true});
        root.removeAttribute('tabindex');
    }""")
    page.keyboard.press("Tab")
    return page.evaluate(
        "() => !!document.activeElement && "
        "document.activeElement.classList.contains('govuk-skip-link')")


# ---- axe-core -----------------------------------------------------------------------------------

def run_axe(page) -> list[dict]:
    """axe-core's violations at WCAG 2.2 A and AA (the page's context must bypass CSP, as
    the script is added inline)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                          html: n.html.slice(0, 200),
                                          summary: (n.failureSummary || '').slice(0, 300)}))
            }));
        }""", AXE_TAGS)
    return result


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    - {node['target']}: {node['html']}")
            if node["summary"]:
                lines.append(f"      {node['summary'].splitlines()[-1].strip()}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


# ---- Tablet -------------------------------------------------------------------------------------

TARGETS_JS = """
(min) => {
  const small = [];
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const label = (el) => (el.id ? '#' + el.id : el.tagName.toLowerCase()) +
      (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') +
      ' "' + (el.textContent || el.value || el.name || '').trim().slice(0, 40) + '"';
  const controls = document.querySelectorAll(
      'button, input:not([type="hidden"]), select, textarea, a.govuk-button, [role="button"]');
  for (const el of controls) {
    if (!seen(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < min || r.height < min)
      small.push(`${label(el)} is ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
  }
  return small;
}
"""

NAV_TARGETS_JS = """
(min) => [...document.querySelectorAll(
    '.govuk-service-navigation__link, .moj-sub-navigation__link, .govuk-skip-link:focus')]
  .filter(el => el.getBoundingClientRect().width > 0)
  .map(el => [el.textContent.trim(), el.getBoundingClientRect().width,
              el.getBoundingClientRect().height])
  .filter(([, w, h]) => w < min || h < min)
  .map(([t, w, h]) => `${t} is ${w.toFixed(1)}x${h.toFixed(1)}`)
"""


def small_targets(page, minimum: int = 24) -> list[str]:
    return page.evaluate(TARGETS_JS, minimum)


def small_nav_targets(page, minimum: int = 24) -> list[str]:
    return page.evaluate(NAV_TARGETS_JS, minimum)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0: no sideways scrolling)."""
    return page.evaluate("() => Math.max(document.documentElement.scrollWidth, "
                         "document.body.scrollWidth) - document.documentElement.clientWidth")


# ---- Timings ------------------------------------------------------------------------------------

NAV_TIMING_JS = """
() => {
  const n = performance.getEntriesByType('navigation')[0];
  return {ttfb: n.responseStart, interactive: n.domInteractive,
          dom_content_loaded: n.domContentLoadedEventEnd, load: n.loadEventEnd};
}
"""


def time_page(page, url: str, *, runs: int = 5) -> dict:
    """Loads `url` once to warm up, then `runs` times: the median of each Navigation Timing
    mark (milliseconds from the start of navigation) and of the wall-clock time until `load`
    as the test sees it."""
    page.goto(url, wait_until="load")
    marks: dict[str, list[float]] = {}
    for _ in range(runs):
        started = time.perf_counter()
        page.goto(url, wait_until="load")
        page.wait_for_function("() => document.readyState === 'complete' && "
                               "performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
        marks.setdefault("wall", []).append((time.perf_counter() - started) * 1000)
        for key, value in page.evaluate(NAV_TIMING_JS).items():
            marks.setdefault(key, []).append(value)
    return {key: round(statistics.median(values), 1) for key, values in marks.items()}


# ---- Contexts and screenshots --------------------------------------------------------------------

def new_context(browser, hearth, **options):
    options.setdefault("viewport", VIEWPORT)
    return browser.new_context(base_url=hearth.base_url, locale="en-GB",
                               timezone_id="Europe/London", **options)


def watch_for_errors(page) -> list[str]:
    """JavaScript errors, Content Security Policy refusals and failed loads the page reports
    (not the document's own status: the tests check that themselves)."""
    errors: list[str] = []

    def console(message) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and where == page.url:
            return
        errors.append(f"{page.url}: {message.text} ({where})")

    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("console", console)
    return errors


def screenshots_wanted() -> bool:
    return os.environ.get("HEARTH_SCREENSHOTS") == "1"


def save_screenshot(page, name: str) -> None:
    if not screenshots_wanted():
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=False)


def expect(target, message: str | None = None):
    """Playwright's web-first assertion (it waits for the page), imported when first used."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target, message)


def long_date(day: dt.date) -> str:
    """As pages show a date in full: 22 November 2026."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """As tables show a date: 22 Nov 2026."""
    return f"{day.day} {day:%b %Y}"


def menu(page, label: str) -> None:
    """Follows a link in the service navigation (the 'Menu')."""
    click_through(page.get_by_role("navigation", name="Menu").get_by_role("link", name=label,
                                                                         exact=True))
