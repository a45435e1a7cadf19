import uuid

from hearth.core import context


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
