"""URL parameters for the central access matrix (hearth/people/tests/test_access_matrix.py):
a returned episode, so every page about one episode has something to show."""

from hearth.missing.tests.factories import episode_for, london


def records_for(child, personas) -> dict:
    episode = episode_for(child, personas.sw_alice, started_at=london(2026, 5, 10, 21, 0),
                          returned_at=london(2026, 5, 11, 8, 30))
    return {"missing_episode_id": episode.pk}
