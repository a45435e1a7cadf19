import logging
import uuid

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string

from hearth.core import context

logger = logging.getLogger("hearth.database")


class RequestContextMiddleware:
    """Remembers who is asking from where, for every audit event the request writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        channel = "api" if request.path.startswith("/api/") else "web"
        token = context.set_current(
            context.RequestContext(
                ip_address=request.META.get("REMOTE_ADDR") or None,
                request_id=uuid.uuid4(),
                channel=channel,
            )
        )
        try:
            return self.get_response(request)
        finally:
            context.reset(token)


class DatabaseUnavailableMiddleware:
    """A request whose database connection drops, or that cannot get one, gets a clear page
    (503, try again) instead of a bare server error. Every write is one transaction, so the
    rollback has already undone anything half-saved; the broken connection is closed so the
    next request opens a fresh one (CONN_HEALTH_CHECKS checks reused ones)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable during %s %s: %s", request.method, request.path,
                     exception.__class__.__name__, exc_info=exception)
        _close_broken_connections()
        # Rendered without the request: nothing on the page may need the database.
        page = render_to_string("errors/503.html", {"was_saving": request.method == "POST"})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = "5"
        return response


def _close_broken_connections() -> None:
    """Closes the connections the error left unusable, so the next request opens new ones.
    A connection still inside a transaction (a test's) is its owner's to close."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
