"""The shape of a census record, shared by every year's mapping and by the writers."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Repeated:
    """A wrapper element holding one simple element per value, e.g. Disabilities/Disability."""

    item: str
    values: tuple[str, ...]
