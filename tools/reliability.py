"""Reliability figures, measured on this machine, printed as a table (issue 8).

    .venv/bin/python tools/reliability.py load DATABASE_URL [--users 50] [--spawn-rate 10]
                                               [--minutes 5] [--workers 4]
    .venv/bin/python tools/reliability.py kill [--database-url URL] [--writers 8]
                                               [--seconds 5]
    .venv/bin/python tools/reliability.py fuzz [--examples 25] [--database-url URL]

`load`: Hearth served by gunicorn on a free loopback port against DATABASE_URL (an authority
already built, e.g. by `tools/bench.py --profiles large --databases postgres`, which leaves
postgres://postgres@127.0.0.1:5432/hearth_bench_large), and Locust headless with `--users`
simulated staff (tools/loadtest/locustfile.py: social workers opening records, searching,
reading My work, writing case notes, recording child protection visits and starting
assessments; team managers on their worklists; front door workers on the MASH queue), spawned
at `--spawn-rate` a second, for `--minutes`, then stopped. Prints requests a second, the median,
95th and 99th percentiles and the failures, overall and for each kind of request, and writes
bench-results/load.json. Target on a 2-core machine: 50 users for 5 minutes, no failures, p95
under 300 ms. Every request goes to 127.0.0.1; the run ends by itself.

`kill`: a fresh tiny authority (a new PostgreSQL database hearth_reliability_kill when a
server answers, else a new SQLite file under bench-results/), served by gunicorn in its own
process group; `--writers` staff save case notes through the real form as fast as they can;
after `--seconds` every gunicorn process is killed with SIGKILL mid-write, then Hearth is
started again. Every save the browser was told succeeded (a redirect) must be there exactly
once, no case note may lack its audit event (half-written), and the restarted server must take
a new save. Prints the counts and the time to answer again.

`fuzz`: Schemathesis sends generated requests, valid and not, to every operation of the
OpenAPI document (hearth/api/tests/test_fuzz.py with `--examples` each, on PostgreSQL when a
server answers): prints how many were sent and what they were answered; any server error or
answer the document does not describe fails it. Then Hypothesis posts `--examples` x 40
generated values to the fields of every form page (hearth/core/tests/test_form_fuzz.py), and
hostile, truncated and mutated files go to the case-history importer
(hearth/imports/tests/test_hostile_files.py); any server error or crash fails it.

The load test migrates the database it is given and writes to it (case notes, visits,
assessments, audit events): use a benchmark authority, never a real one. It refuses
HEARTH_ENV=production.
"""

import argparse
import csv
import datetime as dt
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import serving  # tools/serving.py, beside this script

ROOT = serving.ROOT
RESULTS = ROOT / "bench-results"
BIN = serving.BIN
TARGET_P95_MS = 300.0


def main() -> int:
    args = parse_args()
    if os.environ.get("HEARTH_ENV") == "production":
        print("The load test writes to its database: it does not run with HEARTH_ENV=production")
        return 2
    RESULTS.mkdir(exist_ok=True)
    if args.command == "kill":
        result = kill_drill(args)
        print_kill(result)
    elif args.command == "fuzz":
        result = fuzz(args)
        print_fuzz(result)
    else:
        result = load(args)
        print_load(result)
    out = RESULTS / f"{args.command}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nWritten to {out}")
    return 0 if result["verdict"] == "met" else 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("load", help="Locust against gunicorn on loopback")
    run.add_argument("database_url")
    run.add_argument("--users", type=int, default=50)
    run.add_argument("--spawn-rate", type=float, default=10)
    run.add_argument("--minutes", type=float, default=5)
    run.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    run.add_argument("--build-if-missing", action="store_true",
                     help="build the authority first when the database does not exist yet")
    run.add_argument("--build-profile", default="large",
                     help="the synthetic profile --build-if-missing builds (default large)")
    run.add_argument("--password", default=os.environ.get("HEARTH_DEMO_PASSWORD",
                                                          "hearth-demo-2026"),
                     help="the synthetic staff's demo password")
    kill = commands.add_parser("kill", help="SIGKILL the server during concurrent writes")
    kill.add_argument("--database-url", default="",
                      help="default: a new PostgreSQL database, or SQLite without a server")
    kill.add_argument("--writers", type=int, default=8)
    kill.add_argument("--seconds", type=float, default=5, help="writing before the kill")
    kill.add_argument("--password", default="hearth-demo-2026")
    fuzzing = commands.add_parser("fuzz", help="Schemathesis on every API operation")
    fuzzing.add_argument("--examples", type=int, default=25)
    fuzzing.add_argument("--database-url", default="",
                         help="default: PostgreSQL at 127.0.0.1 when it answers, else SQLite")
    return parser.parse_args()


# ---- The load test -------------------------------------------------------------------------


def load(args: argparse.Namespace) -> dict:
    env = serving.hearth_env(args.database_url)
    if args.build_if_missing:
        build_if_missing(args.database_url, env, profile=args.build_profile)
    # The authority may have been built before the latest migrations.
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],  # noqa: S603
                   cwd=ROOT, env=env, check=True)
    plan_file = RESULTS / "load-plan.json"
    plan = load_plan(env, password=args.password, staff=args.users)
    plan_file.write_text(json.dumps(plan))
    port = serving.free_port()
    server = serving.start(serving.gunicorn(port, workers=args.workers), env, port,
                           log=RESULTS / "load-server.log")
    try:
        seconds = int(args.minutes * 60)
        started = time.perf_counter()
        subprocess.run(  # noqa: S603 - locust from our own venv, on loopback only
            [str(BIN / "locust"), "-f", str(ROOT / "tools" / "loadtest" / "locustfile.py"),
             "--headless", "--users", str(args.users), "--spawn-rate", str(args.spawn_rate),
             "--run-time", f"{seconds}s", "--stop-timeout", "10",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(RESULTS / "load"),
             "--only-summary", "--exit-code-on-error", "0", "--loglevel", "WARNING"],
            cwd=ROOT, env={**env, "HEARTH_LOAD_PLAN": str(plan_file)}, check=True,
            timeout=seconds + 120)
        elapsed = time.perf_counter() - started
    finally:
        serving.stop(server)
    rows = read_stats(RESULTS / "load_stats.csv")
    overall = rows.pop("Aggregated")
    met = overall["failures"] == 0 and overall["p95_ms"] < TARGET_P95_MS
    return {"measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": args.database_url.split("@")[-1], "users": args.users,
            "spawn_rate": args.spawn_rate, "seconds": round(elapsed, 1),
            "gunicorn_workers": args.workers, "staff_signed_in": len(plan["social_workers"])
            + len(plan["managers"]) + len(plan["front_door"]),
            "overall": overall, "requests": rows,
            "target": f"no failures and p95 < {TARGET_P95_MS:.0f} ms",
            "verdict": "met" if met else "missed"}


def build_if_missing(url: str, env: dict, *, profile: str) -> None:
    """On a fresh machine there is no benchmark authority yet: build `profile` at `url` (a new
    PostgreSQL database, or a SQLite file) the way tools/bench.py does. `large` takes about 35
    minutes on a quiet 2-core machine."""
    if url.startswith("postgres"):
        import psycopg
        from psycopg import sql

        server, name = url.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3) as db:
            if db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                return
            db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    elif Path(url.split("///", 1)[-1]).exists():
        return
    print(f"No authority at {url.split('@')[-1]} yet: building the '{profile}' one...",
          flush=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],  # noqa: S603
                   cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "synthesise", "--profile", profile,  # noqa: S603
                    "--seed", "1"], cwd=ROOT, env=env, check=True)


def load_plan(env: dict, *, password: str, staff: int) -> dict:
    """Who signs in and which of their children they open, visit and assess (synthetic)."""
    script = f"""
import json
from collections import defaultdict
from django.db.models import Count, Q
from hearth.accounts.models import Team, User
from hearth.cases.models import Allocation
from hearth.core import clock
from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.protection.models import ChildProtectionPlan

current = Q(allocations__end_date__isnull=True)
workers = list(User.objects.filter(role="social_worker", is_active=True, team__holds_cases=True)
               .annotate(children=Count("allocations", filter=current))
               .filter(children__gt=0).order_by("-children", "username")[:{staff}])
on_plans = set(ChildProtectionPlan.objects.filter(end_date__isnull=True)
               .values_list("child_id", flat=True))
waiting = set(Referral.objects.filter(closed_on__isnull=True, no_further_action=False)
              .annotate(n=Count("assessments")).filter(n=0).values_list("child_id", flat=True))
allocated = defaultdict(list)
for worker_id, child_id, uuid in (Allocation.objects.current()
        .filter(worker__in=workers, child__is_restricted=False)
        .order_by("child_id").values_list("worker_id", "child_id", "child__uuid")):
    allocated[worker_id].append((child_id, str(uuid)))
social_workers = [{{"username": w.username, "team": w.team_id,
                   "children": [u for _, u in allocated[w.pk]],
                   "cp_children": [u for c, u in allocated[w.pk] if c in on_plans]}}
                  for w in workers]
assessable = [u for w in workers for c, u in allocated[w.pk] if c in waiting]
managers = [{{"username": u.username, "team": u.team_id}} for u in
            User.objects.filter(role="team_manager", is_active=True, team__holds_cases=True)
            .order_by("username")[:{staff}]]
door = [{{"username": u.username}} for u in
        User.objects.filter(role="social_worker", is_active=True,
                            team__service=Team.Service.FRONT_DOOR).order_by("username")] or \\
       [{{"username": w["username"]}} for w in social_workers[:3]]
surnames = sorted(set(Person.objects.filter(is_child=True, is_restricted=False)
                      .values_list("last_name", flat=True)[:400]))
print(json.dumps({{"password": {password!r}, "today": clock.today().isoformat(),
                  "social_workers": social_workers, "managers": managers, "front_door": door,
                  "surnames": surnames, "assessable_children": assessable}}))
"""
    plan = serving.django_json(env, script)
    if not plan["social_workers"] or not plan["managers"]:
        raise SystemExit("The database has no case-holding staff: build an authority first "
                         "(manage.py synthesise)")
    return plan


def read_stats(path: Path) -> dict:
    rows = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {  # the last row, "Aggregated", is every request
                "method": row["Type"], "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "per_second": round(float(row["Requests/s"]), 1),
                "median_ms": float(row["Median Response Time"] or 0),
                "p95_ms": float(row["95%"] or 0), "p99_ms": float(row["99%"] or 0),
                "max_ms": round(float(row["Max Response Time"] or 0), 1)}
    return rows


def print_load(result: dict) -> None:
    header = ("request", "n", "req/s", "median ms", "p95 ms", "p99 ms", "max ms", "failures")
    table = [header]
    for name, row in sorted(result["requests"].items()) + [("ALL", result["overall"])]:
        table.append((f"{row['method']} {name}".strip(), str(row["requests"]),
                      f"{row['per_second']:.1f}", f"{row['median_ms']:.0f}",
                      f"{row['p95_ms']:.0f}", f"{row['p99_ms']:.0f}", f"{row['max_ms']:.0f}",
                      str(row["failures"])))
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print()
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    overall = result["overall"]
    print(f"\n{result['users']} users for {result['seconds']:.0f} s against gunicorn "
          f"({result['gunicorn_workers']} workers) on {result['database']}: "
          f"{overall['per_second']:.1f} requests/s, median {overall['median_ms']:.0f} ms, "
          f"p95 {overall['p95_ms']:.0f} ms, p99 {overall['p99_ms']:.0f} ms, "
          f"{overall['failures']} failures of {overall['requests']}. Target "
          f"({result['target']}): {result['verdict']}.")


# ---- SIGKILL during concurrent writes -------------------------------------------------------


def kill_drill(args: argparse.Namespace) -> dict:
    url = args.database_url or fresh_database("hearth_reliability_kill")
    env = serving.hearth_env(url)
    for command in (["migrate", "--noinput", "-v0"], ["load_bank_holidays"],
                    ["synthesise", "--profile", "tiny", "--seed", "1", "--no-casework",
                     "--demo-password", args.password]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env,  # noqa: S603
                       check=True, stdout=subprocess.DEVNULL)
    plan = load_plan(env, password=args.password, staff=args.writers)
    drill = f"kill drill {int(time.time())}"
    port = serving.free_port()
    server = serving.start(serving.gunicorn(port, workers=3), env, port,
                           log=RESULTS / "kill-server-1.log")
    base = f"http://127.0.0.1:{port}"
    writers = [Writer(base, person, plan, drill, number)
               for number, person in enumerate(plan["social_workers"][:args.writers])]
    for writer in writers:
        writer.sign_in()
    for writer in writers:
        writer.start()
    time.sleep(args.seconds)
    serving.stop(server, how=signal.SIGKILL)  # the master and every worker, mid-request
    killed_at = time.perf_counter()
    for writer in writers:
        writer.stop()
    restarted = serving.start(serving.gunicorn(port, workers=3), env, port,
                              log=RESULTS / "kill-server-2.log")
    try:
        back_after = time.perf_counter() - killed_at
        after = Writer(base, plan["social_workers"][0], plan, f"{drill} after", 0)
        after.sign_in()
        after.save_one()
    finally:
        serving.stop(restarted)
    acknowledged = [subject for w in writers for subject in w.acknowledged]
    found = verify_case_notes(env, drill)
    missing = [subject for subject in acknowledged if found["by_subject"].get(subject, 0) < 1]
    duplicated = [subject for subject, n in found["by_subject"].items() if n > 1]
    met = (not missing and not duplicated and found["without_audit"] == 0
           and after.acknowledged != [])
    return {"measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": url.split("@")[-1].split("///")[-1], "writers": len(writers),
            "seconds_writing": args.seconds,
            "attempted": sum(w.attempted for w in writers), "acknowledged": len(acknowledged),
            "failed_when_killed": sum(w.failed for w in writers),
            "saved": found["saved"], "missing_acknowledged": len(missing),
            "duplicated": len(duplicated), "without_audit_event": found["without_audit"],
            "saved_but_not_acknowledged": found["saved"] - len(set(acknowledged)),
            "seconds_to_answer_again": round(back_after, 2),
            "save_after_restart": bool(after.acknowledged),
            "verdict": "met" if met else "missed"}


def fresh_database(name: str) -> str:
    """A new PostgreSQL database when a server answers, else a new SQLite file."""
    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        import psycopg
        from psycopg import sql

        with psycopg.connect(server, autocommit=True, connect_timeout=3) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return server.rsplit("/", 1)[0] + f"/{name}"
    except Exception as error:  # no server here: the embedded default instead
        print(f"PostgreSQL not reachable ({error.__class__.__name__}); using SQLite")
        path = RESULTS / f"{name}.sqlite3"
        for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
        return f"sqlite:///{path}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect after a POST is the acknowledgement: keep it as the answer


class Writer(threading.Thread):
    """One member of staff saving case notes through the form, one after another."""

    def __init__(self, base: str, person: dict, plan: dict, drill: str, number: int):
        super().__init__(daemon=True)
        self.base, self.person, self.plan = base, person, plan
        self.prefix = f"{drill} writer {number}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
        self.acknowledged: list[str] = []
        self.attempted = self.failed = 0
        self._stopping = threading.Event()

    def sign_in(self) -> None:
        token = csrf_token(self._get("/sign-in/"))
        status = self._post("/sign-in/", {"csrfmiddlewaretoken": token,
                                          "username": self.person["username"],
                                          "password": self.plan["password"]})
        if status != 302:
            raise RuntimeError(f"could not sign in as {self.person['username']}")

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                self.save_one()
            except OSError:
                self.failed += 1  # the server was killed under this request
                if self._stopping.wait(0.05):
                    return

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=30)

    def save_one(self) -> None:
        child = self.person["children"][self.attempted % len(self.person["children"])]
        url = f"/teams/child/{child}/case-notes/add/"
        subject = f"{self.prefix} note {self.attempted}"
        self.attempted += 1
        token = csrf_token(self._get(url))
        year, month, day = self.plan["today"].split("-")
        if self._post(url, {"csrfmiddlewaretoken": token, "kind": "phone_call",
                            "occurred_on_day": day, "occurred_on_month": month,
                            "occurred_on_year": year, "subject": subject,
                            "text": "A synthetic note written during the kill drill."}) == 302:
            self.acknowledged.append(subject)

    def _get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def _post(self, path: str, data: dict) -> int:
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body,  # noqa: S310 - loopback
                                         method="POST")
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as answer:
            return answer.code


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def verify_case_notes(env: dict, drill: str) -> dict:
    return serving.django_json(env, f"""
import json
from django.db.models import Count
from hearth.cases.models import CaseNote
from hearth.core.models import AuditEvent
notes = CaseNote.objects.filter(subject__startswith={drill!r})
ids = [str(pk) for pk in notes.values_list("pk", flat=True)]
audited = set(AuditEvent.objects.filter(event_code="CASE_NOTE_ADDED", target_id__in=ids)
              .values_list("target_id", flat=True))
by_subject = dict(notes.values_list("subject").annotate(n=Count("id")).values_list("subject", "n"))
print(json.dumps({{"saved": len(ids), "without_audit": len(set(ids) - audited),
                  "by_subject": by_subject}}))
""")


def print_kill(result: dict) -> None:
    rows = [("writers", result["writers"]),
            ("seconds writing before SIGKILL", result["seconds_writing"]),
            ("saves attempted", result["attempted"]),
            ("saves acknowledged", result["acknowledged"]),
            ("requests cut off by the kill", result["failed_when_killed"]),
            ("case notes in the database", result["saved"]),
            ("acknowledged but missing", result["missing_acknowledged"]),
            ("saved twice", result["duplicated"]),
            ("saved without their audit event", result["without_audit_event"]),
            ("saved but not acknowledged (cut off after commit)",
             result["saved_but_not_acknowledged"]),
            ("seconds from SIGKILL to answering again", result["seconds_to_answer_again"]),
            ("a save after the restart", "yes" if result["save_after_restart"] else "NO")]
    print(f"\nSIGKILL during concurrent writes, on {result['database']}:")
    for label, value in rows:
        print(f"  {label:<52} {value}")
    print(f"Target (every acknowledged write present once, none half-written, a save after "
          f"the restart): {result['verdict']}.")


# ---- Generated requests ----------------------------------------------------------------------


def fuzz(args: argparse.Namespace) -> dict:
    url = args.database_url or fuzz_database_url()
    counts = RESULTS / "fuzz-counts.json"
    counts.unlink(missing_ok=True)
    started = time.perf_counter()
    form_counts = RESULTS / "form-fuzz-counts.json"
    form_counts.unlink(missing_ok=True)
    done = subprocess.run(  # noqa: S603 - pytest from our own venv
        [str(BIN / "pytest"), "hearth/api/tests/test_fuzz.py",
         "hearth/core/tests/test_form_fuzz.py", "hearth/imports/tests/test_hostile_files.py",
         "-q", "-p", "no:xdist"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": url, "HEARTH_FUZZ_COUNTS": str(counts),
                       "HEARTH_FUZZ_EXAMPLES": str(args.examples),
                       "HEARTH_FORM_FUZZ_COUNTS": str(form_counts),
                       "HEARTH_FORM_FUZZ_EXAMPLES": str(args.examples * FORM_POSTS_PER_EXAMPLE)},
        check=False)
    answered = json.loads(counts.read_text()) if counts.exists() else {"answered": {}}
    forms = (json.loads(form_counts.read_text()) if form_counts.exists()
             else {"forms": None, "answered": {}})
    server_errors = sum(n for code, n in answered["answered"].items() if code.startswith("5"))
    server_errors += sum(n for code, n in forms["answered"].items() if code.startswith("5"))
    return {"forms": forms["forms"], "form_posts": sum(forms["answered"].values()),
            "form_answers": forms["answered"],
            "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": url.split("@")[-1].split("///")[-1],
            "operations": answered.get("operations"), "examples_per_operation": args.examples,
            "requests": sum(answered["answered"].values()), "answered": answered["answered"],
            "server_errors": server_errors, "seconds": round(time.perf_counter() - started),
            "pytest_exit": done.returncode,
            "verdict": "met" if done.returncode == 0 and server_errors == 0 else "missed"}


FORM_POSTS_PER_EXAMPLE = 40  # --examples 25 sends 1,000 generated form posts


def fuzz_database_url() -> str:
    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        import psycopg

        psycopg.connect(server, connect_timeout=3).close()
        return server.rsplit("/", 1)[0] + "/hearth_reliability_fuzz"  # pytest makes test_...
    except Exception:  # no server here: the embedded default instead
        return f"sqlite:///{RESULTS / 'fuzz.sqlite3'}"


def print_fuzz(result: dict) -> None:
    answered = ", ".join(f"{n:,} x {code}" for code, n in result["answered"].items())
    print(f"\nGenerated requests to {result['operations']} API operations "
          f"({result['examples_per_operation']} examples each, on {result['database']}, "
          f"{result['seconds']} s): {result['requests']:,} sent; answered {answered}; "
          f"{result['server_errors']} server errors in all. Target (no server error, every "
          f"answer as documented): {result['verdict']}.")
    forms = ", ".join(f"{n:,} x {code}" for code, n in sorted(result["form_answers"].items()))
    print(f"Generated posts to {result['forms']} forms: {result['form_posts']:,} sent; "
          f"answered {forms}. The case-history importer: hostile and mutated files refused "
          f"or imported, never a crash (hearth/imports/tests/test_hostile_files.py).")


if __name__ == "__main__":
    sys.exit(main())
