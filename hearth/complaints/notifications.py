"""Sending a message to a member of staff, through a backend that can be swapped.

The backend is named by the HEARTH_NOTIFY_BACKEND setting (environment variable of the same
name): "console" (the default: the message is written to the log and to standard output, so a
laptop or a test run sends nothing), "memory" (kept in `outbox`, for tests), "notify" (GOV.UK
Notify, the council norm, through the `notifications-python-client` library) or the dotted path
of any class with the same `send` method.

GOV.UK Notify needs HEARTH_NOTIFY_API_KEY and HEARTH_NOTIFY_EMAIL_TEMPLATE_ID: an email
template whose subject is `((subject))` and whose body is `((body))`, so Hearth writes the
words and Notify delivers them.

Nothing here knows about complaints; the interface is small enough to move to hearth.core when
a second app needs it.
"""

import logging
import sys
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("hearth.notifications")


@dataclass(frozen=True)
class Notification:
    to_email: str
    to_name: str
    subject: str
    body: str
    reference: str = ""  # kept by the provider, to find the message again


class NotificationError(Exception):
    """The message was not sent; the text says why (and is stored with the attempt)."""


class Backend(Protocol):
    name: str

    def send(self, notification: Notification) -> None: ...


class ConsoleBackend:
    """Writes each message to the log and standard output; sends nothing."""

    name = "console"

    def __init__(self, stream=None):
        self.stream = stream

    def send(self, notification: Notification) -> None:
        text = (f"To: {notification.to_name} <{notification.to_email or 'no email address'}>\n"
                f"Subject: {notification.subject}\n\n{notification.body}\n")
        logger.info("Notification %s: %s", notification.reference, notification.subject)
        stream = self.stream or sys.stdout
        stream.write(text + "-" * 70 + "\n")


outbox: list[Notification] = []


class MemoryBackend:
    """Keeps each message in `outbox` (for tests)."""

    name = "memory"

    def send(self, notification: Notification) -> None:
        outbox.append(notification)


class NotifyBackend:
    """GOV.UK Notify: one email per message through the official client library."""

    name = "notify"

    def __init__(self, client=None, *, template_id: str | None = None):
        self.template_id = template_id or settings.HEARTH_NOTIFY_EMAIL_TEMPLATE_ID
        if client is None:
            if not settings.HEARTH_NOTIFY_API_KEY or not self.template_id:
                raise NotificationError("GOV.UK Notify needs HEARTH_NOTIFY_API_KEY and "
                                        "HEARTH_NOTIFY_EMAIL_TEMPLATE_ID")
            from notifications_python_client.notifications import NotificationsAPIClient

            client = NotificationsAPIClient(settings.HEARTH_NOTIFY_API_KEY)
        self.client = client

    def send(self, notification: Notification) -> None:
        from notifications_python_client.errors import APIError

        if not notification.to_email:
            raise NotificationError(f"{notification.to_name} has no email address")
        try:
            self.client.send_email_notification(
                email_address=notification.to_email, template_id=self.template_id,
                personalisation={"subject": notification.subject, "body": notification.body},
                reference=notification.reference or None)
        except (APIError, OSError) as error:  # OSError: the connection failed
            raise NotificationError(f"GOV.UK Notify refused the message: {error}"[:500]) \
                from error


BACKENDS = {"console": ConsoleBackend, "memory": MemoryBackend, "notify": NotifyBackend}


def get_backend(name: str | None = None) -> Backend:
    name = name or getattr(settings, "HEARTH_NOTIFY_BACKEND", "") or "console"
    backend_class = BACKENDS.get(name) or import_string(name)
    return backend_class()
