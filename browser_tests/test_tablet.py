"""A social worker on a tablet (768 px wide, touch): records a child in need visit and writes a
case note. Every button and form control is at least 24x24 CSS px (WCAG 2.2 2.5.8, target size
minimum) and no page scrolls sideways."""

import pytest

from browser_tests.helpers import (
    AXE_JS,
    REPORT,
    banner,
    describe_violations,
    expect,
    horizontal_overflow,
    new_context,
    open_record,
    record_tab,
    run_axe,
    short_date,
    signed_in,
    small_nav_targets,
    small_targets,
    watch_for_errors,
)

TABLET = {"width": 768, "height": 1024}


@pytest.fixture
def tablet(browser, hearth):
    context = new_context(browser, hearth, viewport=TABLET, has_touch=True, is_mobile=True,
                          device_scale_factor=2)
    # axe-core in every page, before the page's own scripts (init scripts are not subject to
    # the Content Security Policy, so the policy stays on for this journey).
    context.add_init_script(path=str(AXE_JS))
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = watch_for_errors(page)
    yield page
    context.close()
    assert not errors, "The browser reported errors:\n" + "\n".join(errors)


def tap_to_next_page(target) -> None:
    with target.page.expect_navigation():
        target.tap()


def test_visit_and_case_note_on_a_tablet(tablet, hearth):
    page, key, today = tablet, "j_tablet", hearth.today
    checked: list[str] = []
    problems: list[str] = []
    nav_notes: set[str] = set()

    def check_fit() -> None:
        page.wait_for_load_state()
        checked.append(page.url)
        if overflow := horizontal_overflow(page):
            problems.append(f"{page.url} scrolls sideways by {overflow} px")
        problems.extend(f"{page.url}: {small}" for small in small_targets(page))
        # Links: axe-core's target-size rule applies 2.5.8 with its spacing exception (the
        # service navigation's links are 23 px tall but well spaced).
        nav_notes.update(small_nav_targets(page))
        if violations := run_axe(page):
            problems.append(f"{page.url} at 768 px:\n{describe_violations(violations)}")

    signed_in(page, "social_worker")
    check_fit()
    open_record(page, key)
    check_fit()
    record_tab(page, "Child in need")
    check_fit()
    tap_to_next_page(page.get_by_role("link", name="Record a visit"))
    expect(page.get_by_role("heading", name="Record a visit")).to_be_visible()
    check_fit()
    page.get_by_label("Yes", exact=True).tap()
    page.get_by_label("The child was seen alone").tap()
    page.fill("#id_note", "Seen after school. Talked about the new bedroom.")
    tap_to_next_page(page.get_by_role("button", name="Record a visit"))
    expect(banner(page)).to_contain_text("The visit was recorded")
    check_fit()
    visits = page.locator("table", has=page.locator("caption", has_text="Visits under the plan"))
    expect(visits.locator("tbody tr")).to_have_count(1)
    expect(visits.locator("tbody tr")).to_contain_text(short_date(today))

    record_tab(page, "Case notes")
    check_fit()
    tap_to_next_page(page.get_by_role("link", name="Add a case note"))
    check_fit()
    page.get_by_label("Visit", exact=True).tap()
    page.fill("#id_subject", "After-school visit")
    page.fill("#id_text", "Child calm and chatty. Mother engaged. Next visit in ten days.")
    tap_to_next_page(page.get_by_role("button", name="Save the note"))
    expect(banner(page)).to_contain_text("The case note was saved")
    check_fit()
    card = page.locator(".govuk-summary-card", has_text="After-school visit")
    expect(card).to_contain_text(f"Visit, {short_date(today)}, by "
                                 f"{hearth.user_name('social_worker')}")
    expect(page.locator("table", has=page.locator("caption", has_text="Statutory visits")))\
        .to_contain_text("Child in need")

    REPORT.append(f"Tablet (768 px, touch): {len(checked)} pages checked for sideways "
                  f"scrolling, 24x24 px buttons and inputs, and axe-core (incl. target-size): "
                  f"{len(problems)} problems")
    if nav_notes:
        REPORT.append(f"  links under 24 px that pass 2.5.8 by spacing: {sorted(nav_notes)}")
    assert not problems, "\n".join(problems)
