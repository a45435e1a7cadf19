"""The sections of a person's record. Domain apps add theirs when they start (AppConfig.ready),
so the record grows with each capability without people importing the apps above it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordTab:
    key: str
    label: str
    url_name: str
    order: int
    permission: str = "people.view_child"
    children_only: bool = False


_TABS: dict[str, RecordTab] = {}


def register_tab(tab: RecordTab) -> None:
    _TABS[tab.key] = tab


def tabs_for(user, person) -> list[RecordTab]:
    return [t for t in sorted(_TABS.values(), key=lambda t: t.order)
            if user.has_perm(t.permission) and (person.is_child or not t.children_only)]


for _tab in (
    RecordTab("summary", "Summary", "people:person", 10),
    RecordTab("family", "Family and network", "people:person_family", 20),
    RecordTab("addresses", "Addresses", "people:person_addresses", 30),
    RecordTab("chronology", "Chronology", "people:person_chronology", 90),
):
    register_tab(_tab)
