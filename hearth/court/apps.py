from django.apps import AppConfig


class CourtConfig(AppConfig):
    name = "hearth.court"
    label = "court"
    verbose_name = "Pre-proceedings and care proceedings"

    def ready(self) -> None:
        from hearth.cases.chronology import register_provider
        from hearth.court.chronology import court_events
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("court", "Court", "court:child_court", 72, children_only=True))
        register_provider(court_events)
