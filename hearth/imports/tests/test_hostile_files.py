"""The case-history importer under hostile and broken files (issue 8): random bytes, truncated
and mutated copies of the example, arbitrary JSON, wrong encodings, nesting and numbers JSON
parsers choke on. Each is refused with a clear message or imported, never a crash, and a
refused file writes nothing."""

import copy
import json
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearth.imports.tests.test_import_cases import EXAMPLE, IMPORT_DAY, snapshot

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
EXAMPLE_BYTES = EXAMPLE.read_bytes()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


def outcome(tmp_path: Path, content: bytes) -> str:
    """'imported', or the refusal the command printed; any other exception fails the test."""
    path = tmp_path / "histories.json"
    path.write_bytes(content)
    before, err = snapshot(), StringIO()
    with time_machine.travel(IMPORT_DAY, tick=False):
        try:
            call_command("import_cases", str(path), "--dry-run", stdout=StringIO(), stderr=err)
        except CommandError:
            assert snapshot() == before, "a refused file wrote something"
            message = err.getvalue()
            assert "nothing was imported" in message and len(message.splitlines()) >= 2
            return message
    assert snapshot() == before, "a dry run wrote something"
    return "imported"


@FUZZ
@given(content=st.binary(max_size=3000))
def test_random_bytes_are_refused(personas, tmp_path, content):
    assert outcome(tmp_path, content) != "imported"


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(EXAMPLE_BYTES) - 2))
def test_a_truncated_file_is_refused_with_its_place(personas, tmp_path, cut):
    message = outcome(tmp_path, EXAMPLE_BYTES[:cut])

    assert message != "imported"
    assert "line" in message or "format" in message


@FUZZ
@given(at=st.integers(min_value=0, max_value=len(EXAMPLE_BYTES) - 1),
       byte=st.integers(min_value=0, max_value=255))
def test_a_corrupted_byte_is_refused_or_still_a_history(personas, tmp_path, at, byte):
    corrupted = bytearray(EXAMPLE_BYTES)
    corrupted[at] = byte
    outcome(tmp_path, bytes(corrupted))


@FUZZ
@given(value=JSON_VALUES)
def test_any_json_that_is_not_a_history_is_refused(personas, tmp_path, value):
    assert outcome(tmp_path, json.dumps(value).encode()) != "imported"


@FUZZ
@given(data=st.data())
def test_any_field_replaced_by_any_value_is_refused_or_imported(personas, tmp_path, data):
    history = json.loads(EXAMPLE_BYTES)
    case = data.draw(st.sampled_from(history["cases"]))
    event = data.draw(st.sampled_from(case["events"]))
    field = data.draw(st.sampled_from(sorted(event)))
    mutated = copy.deepcopy(history)
    target = mutated["cases"][history["cases"].index(case)]["events"][case["events"].index(event)]
    target[field] = data.draw(JSON_VALUES)

    outcome(tmp_path, json.dumps(mutated).encode())


@pytest.mark.parametrize(("content", "says"), [
    (b"", "not valid JSON"),
    (b"\x00" * 64, "not valid JSON"),
    (EXAMPLE_BYTES.decode().encode("utf-16"), "not UTF-8"),
    (EXAMPLE_BYTES.decode().encode("latin-1", "replace").replace(b"e", b"\xe9", 1), "not UTF-8"),
    (b"[" * 200_000, "nested too deeply"),
    (b'{"format": "hearth-case-history", "version": ' + b"9" * 5000 + b"}", "4,300 digits"),
    (b'{"format": "hearth-case-history", "version": NaN}', "NaN is not a JSON value"),
    (b'{"format": "hearth-case-history", "version": 1, "cases": Infinity}', "Infinity"),
    (b'{"format": "hearth-case-history", "version": 1, "cases": ' + b"[" * 900 + b"]" * 900
     + b"}", "cases"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "not valid JSON"),
])
def test_hostile_files_are_refused_clearly(personas, tmp_path, content, says):
    assert says in outcome(tmp_path, content)


def test_a_byte_order_mark_is_allowed(personas, tmp_path):
    assert outcome(tmp_path, b"\xef\xbb\xbf" + EXAMPLE_BYTES) == "imported"
