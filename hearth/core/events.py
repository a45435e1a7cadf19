"""The registry of audit event codes.

Each app declares its codes in its own `events.py` as `EVENTS = {CODE: description}`. Codes are
stable for ever: the audit trail outlives any version of the code. Writing an event whose code is
not registered is a programming error and raises at once.
"""

from importlib import import_module

from django.apps import apps

_REGISTRY: dict[str, str] = {}


class UnknownEventCode(LookupError):
    pass


def register(events: dict[str, str]) -> None:
    for code, description in events.items():
        if code in _REGISTRY and _REGISTRY[code] != description:
            raise ValueError(f"Audit event code {code} is registered twice.")
        if not code.isupper():
            raise ValueError(f"Audit event code {code} must be NOUN_PAST_TENSE in capitals.")
        _REGISTRY[code] = description


def load_all_app_events() -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("hearth."):
            continue
        try:
            module = import_module(f"{config.name}.events")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.events":
                raise
            continue
        register(module.EVENTS)


def describe(code: str) -> str:
    try:
        return _REGISTRY[code]
    except KeyError:
        raise UnknownEventCode(code) from None


def all_codes() -> dict[str, str]:
    return dict(sorted(_REGISTRY.items()))


EVENTS = {
    "AUDIT_TRAIL_SEARCHED": "An administrator searched the audit trail",
    "LOCAL_AUTHORITY_SET": "The local authority's details were set",
}
