"""The child's chronology gets each foster placement linked to a household (the household's
reference, not the carers' names: the chronology is read more widely than carers' records)."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.fostering.models import HouseholdPlacement

KIND = "fostering"


def foster_placement_events(child) -> Iterable[ChronologyItem]:
    links = (HouseholdPlacement.objects.filter(child=child)
             .select_related("household", "episode", "linked_by"))
    for link in links:
        if link.episode.reason_new_episode in ("L", "T", "U"):
            continue  # the same carers as the episode before: already in the chronology
        yield ChronologyItem(link.episode.placement_started_on,
                             "Placed with foster carers",
                             f"Household {link.household.reference} "
                             f"({link.household.get_household_type_display()})",
                             str(link.linked_by), kind=KIND)
