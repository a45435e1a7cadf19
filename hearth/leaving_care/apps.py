from django.apps import AppConfig


class LeavingCareConfig(AppConfig):
    name = "hearth.leaving_care"
    label = "leaving_care"
    verbose_name = "Care leavers"

    def ready(self) -> None:
        from hearth.cases.chronology import register_provider
        from hearth.leaving_care.chronology import care_leaver_events
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("leaving_care", "Leaving care", "leaving_care:child_leaving_care",
                               75, children_only=True))
        register_provider(care_leaver_events)
