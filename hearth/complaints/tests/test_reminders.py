"""send_complaint_reminders with time travel: four reminders before the due date and four
after, to the responding manager and the service manager copied in, each sent exactly once."""

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command
from notifications_python_client.errors import APIError

from hearth.complaints import services
from hearth.complaints.codes import ReminderStatus
from hearth.complaints.models import ComplaintReminder
from hearth.complaints.notifications import (
    ConsoleBackend,
    MemoryBackend,
    Notification,
    NotificationError,
    NotifyBackend,
    get_backend,
)
from hearth.complaints.tests.factories import LATE_REASON, complaint_for, respond, stage_of
from hearth.core.models import AuditEvent

pytestmark = pytest.mark.django_db
D = dt.date


def on(traveller, day: dt.date):
    traveller.move_to(dt.datetime(day.year, day.month, day.day, 7, 0, tzinfo=dt.UTC))


def run() -> str:
    out = io.StringIO()
    call_command("send_complaint_reminders", stdout=out)
    return out.getvalue()


def test_each_reminder_goes_once_to_both_managers(personas, traveller, outbox):
    complaint = complaint_for(personas, received_on=D(2026, 6, 1))  # stage 1 due 15 June
    on(traveller, D(2026, 6, 5))
    assert "0 sent" in run() and outbox == []
    on(traveller, D(2026, 6, 8))  # 5 working days before
    assert "2 sent" in run()
    assert {n.to_email for n in outbox} == {"tm_bob@example.invalid", "sm_sara@example.invalid"}
    assert "due in 5 working days" in outbox[0].subject
    assert f"/complaints/{complaint.pk}/" in outbox[0].body
    assert "0 sent, 0 could not be sent, 2 already sent" in run()  # the same day again
    on(traveller, D(2026, 6, 9))  # still the 5-day point: nothing new
    run()
    assert len(outbox) == 2
    assert ComplaintReminder.objects.filter(status=ReminderStatus.SENT).count() == 2
    sent = AuditEvent.objects.filter(event_code="COMPLAINT_REMINDER_SENT")
    assert sent.count() == 2 and {e.system_job for e in sent} == {"send_complaint_reminders"}


def test_a_month_of_daily_runs_sends_eight_reminders_each(personas, traveller, outbox):
    complaint_for(personas, received_on=D(2026, 6, 1))
    day = D(2026, 6, 1)
    while day <= D(2026, 7, 31):
        on(traveller, day)
        run()
        run()  # a second run the same day changes nothing
        day += dt.timedelta(days=1)
    assert Counter(n.to_email for n in outbox) == {"tm_bob@example.invalid": 8,
                                                   "sm_sara@example.invalid": 8}
    points = sorted(ComplaintReminder.objects.filter(recipient=personas.tm_bob)
                    .values_list("point", flat=True))
    assert points == [-5, -3, -2, -1, 1, 3, 5, 10]
    overdue = [n for n in outbox if "overdue" in n.subject]
    assert len(overdue) == 8 and all("reason for the delay" in n.body for n in overdue)


def test_a_missed_run_sends_only_the_latest_point(personas, traveller, outbox):
    complaint_for(personas, received_on=D(2026, 6, 1), service_manager=None)
    on(traveller, D(2026, 6, 17))  # after 1 WD overdue; nothing sent before
    run()
    assert [n.subject.split(": ", 1)[1] for n in outbox] == [
        "stage 1: local resolution response overdue by 1 working day"]


def test_a_response_stops_the_reminders(personas, traveller, outbox):
    complaint = complaint_for(personas, received_on=D(2026, 6, 1))
    on(traveller, D(2026, 6, 16))
    run()
    respond(complaint, personas.tm_bob, on=D(2026, 6, 16), lateness_reason=LATE_REASON)
    on(traveller, D(2026, 6, 18))
    run()
    assert len(outbox) == 2


def test_an_extension_starts_a_new_set_for_the_new_date(personas, traveller, outbox):
    complaint = complaint_for(personas, received_on=D(2026, 6, 1), service_manager=None)
    on(traveller, D(2026, 6, 12))  # 1 WD before 15 June
    run()
    services.complaint_stage_extend(stage=stage_of(complaint), new_due_on=D(2026, 6, 29),
                                    agreed_on=D(2026, 6, 12), reason="Complex: agreed more time",
                                    actor=personas.bs_ben)
    on(traveller, D(2026, 6, 16))  # was overdue; now 9 WD before the new date
    run()
    assert len(outbox) == 1
    on(traveller, D(2026, 6, 22))  # 5 WD before 29 June
    run()
    assert len(outbox) == 2 and "due in 5 working days" in outbox[1].subject
    assert set(ComplaintReminder.objects.values_list("for_due_on", flat=True)) == {
        D(2026, 6, 15), D(2026, 6, 29)}


class Refusing:
    name = "refusing"

    def send(self, notification):
        raise NotificationError("the provider is down")


def test_a_reminder_that_failed_is_tried_again(personas, traveller, outbox, settings):
    complaint_for(personas, received_on=D(2026, 6, 1), service_manager=None)
    settings.HEARTH_NOTIFY_BACKEND = f"{__name__}.Refusing"
    on(traveller, D(2026, 6, 8))
    assert "0 sent, 1 could not be sent" in run()
    reminder = ComplaintReminder.objects.get()
    assert (reminder.status, reminder.error) == (ReminderStatus.FAILED, "the provider is down")
    assert AuditEvent.objects.filter(event_code="COMPLAINT_REMINDER_FAILED").count() == 1
    settings.HEARTH_NOTIFY_BACKEND = "memory"
    assert "1 sent" in run()
    reminder.refresh_from_db()
    assert reminder.status == ReminderStatus.SENT and len(outbox) == 1


def test_a_claimed_reminder_cannot_be_claimed_twice(personas, traveller, outbox):
    complaint = complaint_for(personas, received_on=D(2026, 6, 1), service_manager=None)
    on(traveller, D(2026, 6, 8))
    stage = stage_of(complaint)
    first = services._claim(stage, -5, personas.tm_bob)
    assert first is not None and first.status == ReminderStatus.CLAIMED
    assert services._claim(stage, -5, personas.tm_bob) is None  # another run got there first
    assert services.reminder_send(stage=stage, point=-5, recipient=personas.tm_bob,
                                  backend=MemoryBackend(), link="x") is None
    assert outbox == []
    on(traveller, D(2026, 6, 8) + dt.timedelta(days=1))
    assert "1 stuck while sending" in run()


def test_staff_who_have_left_get_no_reminders(personas, traveller, outbox):
    complaint_for(personas, received_on=D(2026, 6, 1))
    personas.sm_sara.is_active = False
    personas.sm_sara.save()
    on(traveller, D(2026, 6, 8))
    run()
    assert [n.to_email for n in outbox] == ["tm_bob@example.invalid"]


def test_the_console_backend_is_the_default_and_writes_the_message(settings):
    settings.HEARTH_NOTIFY_BACKEND = ""
    assert isinstance(get_backend(), ConsoleBackend)
    stream = io.StringIO()
    ConsoleBackend(stream).send(Notification("a@example.invalid", "Bob Baker", "Hello", "Body"))
    assert "To: Bob Baker <a@example.invalid>\nSubject: Hello\n\nBody" in stream.getvalue()
    assert isinstance(get_backend("hearth.complaints.notifications.MemoryBackend"),
                      MemoryBackend)


class FakeNotifyClient:
    def __init__(self, error=None):
        self.calls, self.error = [], error

    def send_email_notification(self, **kwargs):
        if self.error:
            raise self.error
        self.calls.append(kwargs)
        return {"id": "synthetic"}


def test_the_notify_backend_sends_through_the_template():
    client = FakeNotifyClient()
    NotifyBackend(client, template_id="template-1").send(Notification(
        "tm_bob@example.invalid", "Bob Baker", "Subject", "Body", reference="CMP00001-1-5"))
    assert client.calls == [{"email_address": "tm_bob@example.invalid",
                             "template_id": "template-1",
                             "personalisation": {"subject": "Subject", "body": "Body"},
                             "reference": "CMP00001-1-5"}]


def test_the_notify_backend_reports_refusals_and_missing_settings(settings):
    backend = NotifyBackend(FakeNotifyClient(APIError(message="Bad template")), template_id="t")
    with pytest.raises(NotificationError, match="refused"):
        backend.send(Notification("x@example.invalid", "X", "S", "B"))
    with pytest.raises(NotificationError, match="no email address"):
        backend.send(Notification("", "X", "S", "B"))
    settings.HEARTH_NOTIFY_API_KEY = ""
    with pytest.raises(NotificationError, match="HEARTH_NOTIFY_API_KEY"):
        NotifyBackend()
