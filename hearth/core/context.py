"""Who is acting, from where: set once per request (or per command) and read by the Auditor."""

import contextvars
import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None = None
    request_id: uuid.UUID | None = None
    channel: str = "command"


_current: contextvars.ContextVar[RequestContext] = contextvars.ContextVar(
    "hearth_request_context", default=RequestContext()  # noqa: B039 - frozen, so immutable
)


def current() -> RequestContext:
    return _current.get()


def set_current(context: RequestContext) -> contextvars.Token:
    return _current.set(context)


def reset(token: contextvars.Token) -> None:
    _current.reset(token)
