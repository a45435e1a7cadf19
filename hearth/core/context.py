"""Who is acting, from where: set once per request (or per command) and read by the Auditor."""

import contextvars
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None = None
    request_id: uuid.UUID | None = None
    channel: str = "command"
    system_job: str = ""  # a command's name, for the services that take no `system_job`


_current: contextvars.ContextVar[RequestContext] = contextvars.ContextVar(
    "hearth_request_context", default=RequestContext()  # noqa: B039 - frozen, so immutable
)


def current() -> RequestContext:
    return _current.get()


def set_current(context: RequestContext) -> contextvars.Token:
    return _current.set(context)


def reset(token: contextvars.Token) -> None:
    _current.reset(token)


@contextmanager
def as_system_job(name: str) -> Iterator[None]:
    """Every audit event inside is the named job's (beside the member of staff it names), as if
    each service had been given `system_job=name`: for commands that call services that take
    no `system_job` of their own."""
    token = set_current(replace(current(), system_job=name))
    try:
        yield
    finally:
        reset(token)
