"""The care lifecycle listeners: the apps built on children in care hear of each change in the
care service's own transaction, and a listener's refusal undoes the whole change."""

import datetime as dt

import pytest
import time_machine

from hearth.care import lifecycle, services
from hearth.care.models import CarePeriod
from hearth.care.tests.factories import foster_placement, period_for
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def heard(monkeypatch):
    """Listeners that write down what they heard, registered for this test only."""
    calls: list[tuple[str, object, object]] = []
    for name in ("_STARTED", "_EPISODE_STARTED", "_REVIEW_HELD", "_ENDED"):
        monkeypatch.setattr(lifecycle, name, [])
    lifecycle.on_care_started(lambda period, actor: calls.append(("started", period, actor)))
    lifecycle.on_episode_started(lambda ep, actor: calls.append(("episode", ep, actor)))
    lifecycle.on_review_held(lambda review, actor: calls.append(("review", review, actor)))
    lifecycle.on_care_ended(lambda period, actor: calls.append(("ended", period, actor)))
    return calls


@time_machine.travel(dt.datetime(2026, 6, 30, 12, 0, tzinfo=dt.UTC), tick=False)
def test_each_change_is_heard_once_with_its_record_and_actor(personas, heard):
    child = personas.child_for(date_of_birth=D(2016, 3, 1))
    sw = personas.sw_alice
    period = period_for(child, sw, started_on=D(2026, 6, 1))
    services.episode_change(period=period, changed_on=D(2026, 6, 10), legal_status="C2",
                            category_of_need="N1", placement=foster_placement(), actor=sw)
    review = services.cla_review_record(period=period, held_on=D(2026, 6, 20),
                                        chair=personas.iro_erin, participation="PN1", actor=sw)
    services.care_end(period=period, ended_on=D(2026, 6, 29), reason="E13", actor=sw)

    assert [(what, actor) for what, _, actor in heard] == [
        ("started", sw), ("episode", sw), ("review", sw), ("ended", sw)]
    assert heard[0][1] == period and heard[2][1] == review
    assert heard[1][1].legal_status == "C2"
    assert heard[3][1].ended_on == D(2026, 6, 29)


def test_registering_the_same_listener_twice_calls_it_once(monkeypatch):
    monkeypatch.setattr(lifecycle, "_STARTED", [])
    calls = []

    def listener(period, actor):
        calls.append(period)

    lifecycle.on_care_started(listener)
    lifecycle.on_care_started(listener)
    lifecycle.care_started("period", actor=None)
    assert calls == ["period"]


@time_machine.travel(dt.datetime(2026, 6, 30, 12, 0, tzinfo=dt.UTC), tick=False)
def test_a_listener_that_refuses_undoes_the_whole_start(personas, monkeypatch):
    def refuse(period, actor):
        raise DomainError("A health record could not be opened")

    monkeypatch.setattr(lifecycle, "_STARTED", [refuse])
    child = personas.child_for(date_of_birth=D(2016, 3, 1))
    with pytest.raises(DomainError, match="health record"):
        period_for(child, personas.sw_alice, started_on=D(2026, 6, 1))
    assert not CarePeriod.objects.filter(child=child).exists()
    assert not AuditEvent.objects.filter(child_id=child.pk,
                                         event_code="CARE_PERIOD_STARTED").exists()
