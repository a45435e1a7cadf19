"""The load test's users: social workers, team managers and front door workers doing a day's
work on a synthetic authority, through the real pages (sign-in form, CSRF, redirects).

Run by tools/reliability.py (`load`), which builds the plan this reads (HEARTH_LOAD_PLAN: the
staff to sign in as and the children each may open, visit or assess, all synthetic), starts
Hearth under gunicorn on loopback and runs Locust headless for a bounded time. Each Locust user
signs in as a different member of staff; a write that the page refuses (a form shown again
with errors) counts as a failure, so the error figure covers writes as well as reads.
"""

import itertools
import json
import os
import random
import re
import threading

from locust import HttpUser, between, events, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHECKED_REFERRAL = re.compile(r'name="referral" value="(\d+)"[^>]*checked')
PLAN: dict = {}
_lock = threading.Lock()
_staff: dict[str, itertools.cycle] = {}
_assessable: list[str] = []


@events.init.add_listener
def load_plan(environment, **_kwargs) -> None:
    PLAN.update(json.loads(open(os.environ["HEARTH_LOAD_PLAN"], encoding="utf-8").read()))
    for role in ("social_workers", "managers", "front_door"):
        _staff[role] = itertools.cycle(PLAN[role])
    _assessable.extend(PLAN["assessable_children"])


def next_of(role: str) -> dict:
    with _lock:
        return next(_staff[role])


def take_assessable(children: set[str]) -> str | None:
    """A child of this worker's with a referral waiting for an assessment, used once."""
    with _lock:
        for index, child in enumerate(_assessable):
            if child in children:
                return _assessable.pop(index)
    return None


class HearthUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)  # a person reading the page before the next click
    role = ""

    def on_start(self) -> None:
        self.person = next_of(self.role)
        page = self.client.get("/sign-in/", name="sign-in form")
        response = self.client.post(
            "/sign-in/", name="sign in",
            data={"csrfmiddlewaretoken": token(page.text), "username": self.person["username"],
                  "password": PLAN["password"]})
        if "hearth-header__name" not in response.text:
            raise RuntimeError(f"could not sign in as {self.person['username']}")

    def post_form(self, url: str, data: dict, *, name: str, expect_redirect: bool = True):
        """GETs the form, POSTs it with its CSRF token; a form shown again is a failure."""
        form = self.client.get(url, name=f"{name} (form)")
        with self.client.post(url, data={"csrfmiddlewaretoken": token(form.text), **data},
                              name=name, allow_redirects=False,
                              catch_response=True) as response:
            if expect_redirect and response.status_code != 302:
                response.failure(f"expected a redirect after saving, got "
                                 f"{response.status_code}")
        return form


class SocialWorker(HearthUser):
    weight = 7
    role = "social_workers"

    @task(6)
    def open_a_child_record(self) -> None:
        self.client.get(f"/people/{random.choice(self.person['children'])}/",
                        name="child record")

    @task(4)
    def search(self) -> None:
        self.client.get("/people/", params={"q": random.choice(PLAN["surnames"])},
                        name="search")

    @task(3)
    def my_work(self) -> None:
        self.client.get("/work/", name="My work")

    @task(2)
    def write_a_case_note(self) -> None:
        child = random.choice(self.person["children"])
        self.post_form(f"/teams/child/{child}/case-notes/add/", name="case note", data={
            "kind": "phone_call", **date_parts("occurred_on", PLAN["today"]),
            "subject": "Phone call with the child's school",
            "text": "Spoke to the designated safeguarding lead about attendance this week."})

    @task(2)
    def record_a_cp_visit(self) -> None:
        if not self.person["cp_children"]:
            return self.open_a_child_record()
        child = random.choice(self.person["cp_children"])
        self.post_form(f"/child-protection/{child}/visits/add/", name="CP visit", data={
            **date_parts("visited_on", PLAN["today"]), "child_seen": "on",
            "seen_alone": "on", "note": "Seen at home; talked about school and friends."})

    @task(1)
    def start_an_assessment(self) -> None:
        child = take_assessable(set(self.person["children"]))
        if child is None:
            return self.my_work()
        url = f"/assessments/child/{child}/start/"
        form = self.client.get(url, name="start assessment (form)")
        referral = CHECKED_REFERRAL.search(form.text)
        if referral is None:
            return None
        with self.client.post(url, name="start assessment", allow_redirects=False,
                              catch_response=True, data={
                                  "csrfmiddlewaretoken": token(form.text),
                                  "referral": referral.group(1), "kind": "new",
                                  **date_parts("started_on", PLAN["today"])}) as response:
            if response.status_code != 302:
                response.failure(f"assessment not started: {response.status_code}")
        return None


class TeamManager(HearthUser):
    weight = 2
    role = "managers"

    @task(3)
    def team_work(self) -> None:
        self.client.get("/work/team/", name="team worklist")

    @task(1)
    def overdue(self) -> None:
        self.client.get("/work/team/", params={"status": "overdue"},
                        name="team worklist: overdue")

    @task(1)
    def team_caseload(self) -> None:
        self.client.get(f"/teams/{self.person['team']}/", name="team list")


class FrontDoorWorker(HearthUser):
    weight = 1
    role = "front_door"

    @task
    def mash_queue(self) -> None:
        self.client.get("/front-door/", name="MASH queue")


def token(html: str) -> str:
    found = CSRF.search(html)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def date_parts(name: str, iso_day: str) -> dict:
    year, month, day = iso_day.split("-")
    return {f"{name}_day": str(int(day)), f"{name}_month": str(int(month)), f"{name}_year": year}
