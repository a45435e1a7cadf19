"""Time to usable in a real browser on an authority that is already built.

    .venv/bin/python tools/browser_timings.py DATABASE_URL [--runs 5] [--json out.json]

Starts Hearth on a free loopback port against DATABASE_URL (`manage.py runserver --insecure
--noreload`, debug off), signs in through the sign-in form in Debian's headless Chromium as the
busiest social worker and as a front door worker (synthetic staff, demo password), and loads
their child record, My work and the MASH queue: the median of `--runs` loads after a warm-up of
each Navigation Timing mark (browser_tests.helpers.time_page). `tools/bench.py --browser` runs it
after the in-process measurements. Needs /usr/bin/chromium (or HEARTH_CHROMIUM) and the
playwright package; says why and exits 2 without them.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import serving  # tools/serving.py, beside this script

ROOT = serving.ROOT
sys.path.insert(0, str(ROOT))

MARKS = ("ttfb", "interactive", "dom_content_loaded", "load")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the timings here")
    args = parser.parse_args()
    problem = missing_browser()
    if problem:
        print(f"Browser timings skipped: {problem}")
        return 2
    timings = measure(args.database_url, runs=args.runs)
    print_timings(timings)
    if args.json:
        args.json.write_text(json.dumps(timings, indent=2) + "\n")
    print(json.dumps(timings))
    return 0


def missing_browser() -> str | None:
    chromium = os.environ.get("HEARTH_CHROMIUM", "/usr/bin/chromium")
    if not os.access(chromium, os.X_OK):
        return f"no Chromium at {chromium} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (bin/setup test)"
    return None


def measure(database_url: str, *, runs: int) -> dict:
    env = serving.hearth_env(database_url)
    people = who_and_what(env)
    port = serving.free_port()
    server = serving.start(serving.runserver(port), env, port,
                           log=ROOT / "bench-results" / "browser-server.log")
    try:
        return {"pages": time_pages(f"http://127.0.0.1:{port}", people, runs=runs),
                "runs": runs, "users": {"social_worker": people["worker"],
                                        "front_door": people["front_door"]}}
    finally:
        serving.stop(server)


def who_and_what(env: dict) -> dict:
    """The users and the child to time, chosen as tools/bench.py chooses them."""
    return serving.django_json(env, """
import json
from django.db.models import Count, Q
from hearth.accounts.models import Team, User
from hearth.cases.models import Allocation
current = Q(allocations__end_date__isnull=True)
worker = (User.objects.filter(role="social_worker", team__holds_cases=True)
          .annotate(children=Count("allocations", filter=current))
          .order_by("-children", "username").first())
door = (User.objects.filter(team__service=Team.Service.FRONT_DOOR,
        role="social_worker").order_by("username").first() or worker)
child = (Allocation.objects.current().filter(worker=worker)
         .order_by("child_id").values_list("child__uuid", flat=True).first())
print(json.dumps({"worker": worker.username, "front_door": door.username, "child": str(child)}))
""")


def time_pages(base_url: str, people: dict, *, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    from browser_tests.conftest import CHROMIUM, CHROMIUM_ARGS
    from browser_tests.helpers import PASSWORD, VIEWPORT, time_page

    password = os.environ.get("HEARTH_DEMO_PASSWORD", PASSWORD)
    plan = [("child record", people["worker"], f"/people/{people['child']}/"),
            ("My work", people["worker"], "/work/"),
            ("MASH queue", people["front_door"], "/front-door/")]
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            for name, username, path in plan:
                context = browser.new_context(base_url=base_url, viewport=VIEWPORT,
                                              locale="en-GB", timezone_id="Europe/London")
                page = context.new_page()
                sign_in(page, username, password)
                results[name] = time_page(page, path, runs=runs) | {"user": username}
                context.close()
        finally:
            browser.close()
    return results


def sign_in(page, username: str, password: str) -> None:
    page.goto("/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")
    if page.locator(".hearth-header__name").count() != 1:
        raise RuntimeError(f"Signing in as {username} failed (is the demo password "
                           "HEARTH_DEMO_PASSWORD?)")


def print_timings(timings: dict) -> None:
    print(f"\nTime to usable in Chromium (median of {timings['runs']} loads, ms from the start "
          "of navigation):")
    print(f"  {'page':<14}" + "".join(f"{mark:>20}" for mark in MARKS))
    for name, marks in timings["pages"].items():
        print(f"  {name:<14}" + "".join(f"{marks[mark]:>20.1f}" for mark in MARKS))


if __name__ == "__main__":
    sys.exit(main())
