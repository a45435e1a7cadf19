"""Walks the URLconf: every route with the view it resolves to."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # namespaced, e.g. "people:person"
    pattern: str  # e.g. "people/<uuid:person_uuid>/"
    callback: object


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, prefix="", namespace=""))


def _walk(patterns, *, prefix: str, namespace: str):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix=prefix + str(entry.pattern),
                             namespace=ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else ""
            yield Route(name=name, pattern=prefix + str(entry.pattern), callback=entry.callback)
