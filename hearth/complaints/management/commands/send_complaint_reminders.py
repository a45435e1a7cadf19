"""Send the reminders about complaint responses that are due today. Safe to run again, and to
run twice at once: each reminder is claimed with a conditional write before it is sent, so it
goes exactly once (ADR 7). Run it every working morning from the platform's scheduler.

A reminder goes to the responding manager and the service manager copied in, at 5, 3, 2 and 1
working days before the response is due and 1, 3, 5 and 10 working days after it while no
response is recorded (rules.REMINDER_POINTS). A run that was missed sends only the latest point
that has come; a reminder the backend could not send is tried again on the next run.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from hearth.complaints import selectors, services
from hearth.complaints.codes import ReminderStatus
from hearth.complaints.notifications import get_backend
from hearth.core import clock
from hearth.workingdays.selectors import current_calendar


class Command(BaseCommand):
    help = "Send the reminders about complaint responses due before and after their due dates."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="Notification backend (default: the "
                                              "HEARTH_NOTIFY_BACKEND setting)")

    def handle(self, *args, backend: str | None = None, **options):
        sender = get_backend(backend)
        today = clock.today()
        counts = {ReminderStatus.SENT: 0, ReminderStatus.FAILED: 0, "taken": 0}
        base_url = settings.HEARTH_BASE_URL.rstrip("/")
        for due in selectors.reminders_due(today=today, calendar=current_calendar()):
            link = base_url + reverse("complaints:complaint", args=[due.stage.complaint_id])
            for recipient in due.recipients:
                reminder = services.reminder_send(stage=due.stage, point=due.point,
                                                  recipient=recipient, backend=sender,
                                                  link=link)
                counts[reminder.status if reminder else "taken"] += 1
        stuck = services.reminders_stuck()
        self.stdout.write(
            f"Complaint reminders for {today}: {counts[ReminderStatus.SENT]} sent, "
            f"{counts[ReminderStatus.FAILED]} could not be sent, {counts['taken']} already sent"
            f"{f', {stuck} stuck while sending (check and mark them by hand)' if stuck else ''}.")
