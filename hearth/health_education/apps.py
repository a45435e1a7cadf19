from django.apps import AppConfig


class HealthEducationConfig(AppConfig):
    name = "hearth.health_education"
    label = "health_education"
    verbose_name = "Health and education of children in care"

    def ready(self) -> None:
        from hearth.care.lifecycle import on_care_ended, on_care_started
        from hearth.health_education import services
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("health_education", "Health and education",
                               "health_education:child_health_education", 68,
                               children_only=True))
        on_care_started(services.open_clocks)
        on_care_ended(services.close_clocks)
