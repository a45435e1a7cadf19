"""Every form in Hearth under generated input (issue 8): Hypothesis picks a form page from the
URLconf, fills its fields with values valid and not (the form's own choices, empty, long,
control characters, numbers, impossible dates) and posts them. Every answer must be a page
(200, with its errors) or a redirect, never a server error.

HEARTH_FORM_FUZZ_EXAMPLES sets how many posts (default 150; `tools/reliability.py` runs more).
"""

import json
import os
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearth.core.tests.urlwalk import all_routes
from hearth.people.tests.test_access_matrix import concrete_url, records  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("HEARTH_FORM_FUZZ_EXAMPLES", "150"))
COUNTS = os.environ.get("HEARTH_FORM_FUZZ_COUNTS")  # a file for tools/reliability.py
NOT_FORMS = {"logout", "login", "two_factor_verify", "two_factor_setup"}


class _FormFields(HTMLParser):
    """The fields of the page's first POST form inside <main>: name -> the values it offers."""

    def __init__(self):
        super().__init__()
        self.in_main = self.in_form = self.done = False
        self.fields: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif tag == "form" and self.in_main and not self.done and \
                (a.get("method") or "").lower() == "post":
            self.in_form = True
        elif self.in_form and tag in ("input", "textarea", "select") and a.get("name"):
            name = a["name"]
            if name == "csrfmiddlewaretoken" or a.get("type") in ("submit", "button"):
                return
            offered = self.fields.setdefault(name, [])
            if a.get("type") in ("radio", "checkbox", "hidden") and a.get("value") is not None:
                offered.append(a["value"])
            if tag == "select":
                self._select = name
        elif tag == "option" and self._select and a.get("value") is not None:
            self.fields[self._select].append(a["value"])

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        elif tag == "select":
            self._select = None


def form_fields(html: str) -> dict[str, list[str]]:
    parser = _FormFields()
    parser.feed(html)
    return parser.fields


NASTY = st.one_of(
    st.just(""), st.text(max_size=40), st.text(min_size=2000, max_size=3000),
    st.integers(min_value=-10**12, max_value=10**12).map(str),
    st.sampled_from(["0", "-1", "31", "32", "2026", "99999", "1e9", "NaN", "2026-02-30",
                     "30/02/2026", "<script>x</script>", "' OR 1=1 --", "=SUM(A1)", "\x00",
                     "\u202e", "../../etc/passwd", "true", "on", "null"]),
)


def value_for(offered: list[str]):
    return st.one_of(st.sampled_from(offered), NASTY) if offered else NASTY


@pytest.fixture
def form_pages(personas, records):  # noqa: F811
    """(url, fields) of every form page the service manager can open about the ordinary child
    or on their own."""
    client = Client()
    client.force_login(personas.sm_sara)
    pages = []
    for route in all_routes():
        if route.name in NOT_FORMS or route.pattern.startswith("api/"):
            continue
        url = concrete_url(route.pattern, records["ordinary"], records, personas.team_a)
        if url is None:
            continue
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        fields = form_fields(response.content.decode())
        if fields:
            pages.append((url, fields))
    answered: Counter = Counter()
    yield client, pages, answered
    print(f"form fuzz: {sum(answered.values())} posts to {len(pages)} forms: "
          f"{dict(sorted(answered.items()))}")
    if COUNTS:
        with open(COUNTS, "w") as out:
            json.dump({"forms": len(pages), "answered": dict(answered)}, out)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_no_form_answers_generated_input_with_a_server_error(form_pages, data):
    client, pages, answered = form_pages
    assert len(pages) > 40
    url, fields = data.draw(st.sampled_from(pages))
    posted = {name: data.draw(value_for(offered), label=name) for name, offered in fields.items()
              if data.draw(st.booleans(), label=f"send {name}") or not offered}

    response = client.post(url, posted)
    answered[str(response.status_code)] += 1

    assert response.status_code in (200, 302, 303, 400, 403, 404), (url, posted)
