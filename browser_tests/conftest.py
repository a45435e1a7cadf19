"""Starts Hearth on a fresh SQLite database with the tiny synthetic authority, and Chromium.

- `hearth` (session): migrate, bank holidays, `synthesise --profile tiny --seed 1`, the
  scenario (browser_tests/scenario.py), then `manage.py runserver` on a free port (and
  `manage.py db_worker` for the returns' background builds). Stopped at
  the end. The test process itself never touches a database.
- `browser` (session): Debian's Chromium (/usr/bin/chromium, or HEARTH_CHROMIUM) headless,
  driven by Playwright's sync API.
- `page`: a fresh context (1280x800) and page, with base_url set to the server; JavaScript
  errors on the page fail the test.

Without Chromium (or the playwright package, or axe-core for the sweep) the folder is skipped
with the reason, unless HEARTH_REQUIRE_BROWSER=1, when it fails instead (CI sets it).
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser_tests import helpers

CHROMIUM = os.environ.get("HEARTH_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("HEARTH_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
if hasattr(os, "geteuid") and os.geteuid() == 0:
    CHROMIUM_ARGS.insert(0, "--no-sandbox")


def _missing() -> str | None:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return (f"Chromium is not installed at {CHROMIUM} (apt-get install chromium, or set "
                "HEARTH_CHROMIUM)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install playwright)"
    return None


MISSING = _missing()


def need_the_browser() -> None:
    """Skips (or with HEARTH_REQUIRE_BROWSER=1 fails) when Chromium or Playwright is missing.
    Called by every fixture that starts something, as session fixtures run before autouse
    function fixtures."""
    if MISSING:
        if REQUIRED:
            pytest.fail(f"HEARTH_REQUIRE_BROWSER=1 but {MISSING}")
        pytest.skip(f"browser tests skipped: {MISSING}")


@pytest.fixture(autouse=True)
def _browser_available():
    need_the_browser()


@pytest.fixture
def axe_available():
    if not helpers.AXE_JS.is_file():
        message = (f"axe-core is not installed ({helpers.AXE_JS} is missing: npm install "
                   "axe-core)")
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


# ---- The server --------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args: list[str], env: dict, log: Path) -> None:
    started = time.perf_counter()
    with log.open("a") as out:
        out.write(f"$ {' '.join(args)}\n")
        out.flush()
        done = subprocess.run(args, cwd=helpers.ROOT, env=env, stdout=out,  # noqa: S603
                              stderr=subprocess.STDOUT, timeout=300, check=False)
        out.write(f"({time.perf_counter() - started:.1f} s, exit {done.returncode})\n")
    if done.returncode:
        raise RuntimeError(f"{' '.join(args[1:3])} failed; see {log}:\n"
                           + log.read_text()[-3000:])


def _wait_until_answering(url: str, process: subprocess.Popen, log: Path,
                          timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Hearth stopped while starting:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - local
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Hearth did not answer at {url} within {timeout} s")


@pytest.fixture(scope="session")
def hearth(tmp_path_factory):
    need_the_browser()
    workdir = tmp_path_factory.mktemp("hearth-browser")
    database = workdir / "hearth.sqlite3"
    log = workdir / "setup.log"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}",
           "DJANGO_SETTINGS_MODULE": "config.settings", "HEARTH_ENV": "development",
           # Production-like pages (Hearth's own 404 page, no debug), static files served by
           # runserver --insecure.
           "DJANGO_DEBUG": "0", "PYTHONUNBUFFERED": "1"}
    python = sys.executable
    started = time.perf_counter()
    _run([python, "manage.py", "migrate", "--no-input", "-v", "0"], env, log)
    _run([python, "manage.py", "load_bank_holidays"], env, log)
    _run([python, "manage.py", "synthesise", "--profile", "tiny", "--seed", "1",
          "--demo-password", helpers.PASSWORD], env, log)
    scenario = workdir / "scenario.json"
    _run([python, "-m", "browser_tests.scenario", str(scenario)], env, log)
    port = _free_port()
    server_log = workdir / "server.log"
    with server_log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
            cwd=helpers.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        # The background worker that builds returns (ADR 0029), as bin/run starts it.
        worker = subprocess.Popen(  # noqa: S603 - our own manage.py
            [python, "manage.py", "db_worker", "-v", "0"],
            cwd=helpers.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_answering(f"{base_url}/sign-in/", server, server_log)
        helpers.REPORT.append(f"Hearth built and started in {time.perf_counter() - started:.1f} s "
                              f"({workdir})")
        helpers.SERVER = helpers.Hearth(base_url=base_url, data=json.loads(scenario.read_text()),
                                        workdir=workdir)
        yield helpers.SERVER
    finally:
        for process in (server, worker):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        helpers.SERVER = None


# ---- The browser -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def playwright_instance():
    need_the_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                  args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser, hearth):
    context = helpers.new_context(browser, hearth)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = helpers.watch_for_errors(page)
    yield page
    context.close()
    assert not errors, "The browser reported errors:\n" + "\n".join(errors)


# ---- Reporting ---------------------------------------------------------------------------------

def pytest_terminal_summary(terminalreporter):
    if helpers.REPORT:
        terminalreporter.write_sep("=", "Hearth in the browser")
        for line in helpers.REPORT:
            terminalreporter.write_line(line)
