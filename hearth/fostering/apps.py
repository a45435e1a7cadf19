from django.apps import AppConfig


class FosteringConfig(AppConfig):
    name = "hearth.fostering"
    label = "fostering"
    verbose_name = "Fostering households and the provider register"

    def ready(self) -> None:
        from hearth.care.lifecycle import on_episode_started
        from hearth.cases.chronology import register_provider
        from hearth.fostering.chronology import foster_placement_events
        from hearth.fostering.services import carry_link_forward
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("fostering", "Foster carers", "fostering:child_fostering", 72,
                               children_only=True))
        register_provider(foster_placement_events)
        on_episode_started(carry_link_forward)
