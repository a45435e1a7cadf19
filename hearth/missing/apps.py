from django.apps import AppConfig


class MissingConfig(AppConfig):
    name = "hearth.missing"
    label = "missing"
    verbose_name = "Missing children and return home interviews"

    def ready(self) -> None:
        from hearth.cases.chronology import register_provider
        from hearth.missing.chronology import missing_episode_events
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("missing", "Missing", "missing:child_missing", 75,
                               children_only=True))
        register_provider(missing_episode_events)
