from django.apps import AppConfig


class HealthEducationConfig(AppConfig):
    name = "hearth.health_education"
    label = "health_education"
    verbose_name = "Health and education of children in care"

    def ready(self) -> None:
        from hearth.care.lifecycle import on_care_ended, on_care_started
        from hearth.cases.chronology import register_provider
        from hearth.health_education import services
        from hearth.health_education.chronology import health_education_events
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("health_education", "Health and education",
                               "health_education:child_health_education", 68,
                               children_only=True))
        on_care_started(services.open_clocks)
        on_care_ended(services.close_clocks)
        register_provider(health_education_events)
