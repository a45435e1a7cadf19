from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "hearth.care"
    label = "care"
    verbose_name = "Children in care"

    def ready(self) -> None:
        from hearth.care.chronology import care_events
        from hearth.cases.chronology import register_provider
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("care", "Children in care", "care:child_care", 67,
                               children_only=True))
        register_provider(care_events)
