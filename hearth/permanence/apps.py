from django.apps import AppConfig


class PermanenceConfig(AppConfig):
    name = "hearth.permanence"
    label = "permanence"
    verbose_name = "Permanence for children in care"

    def ready(self) -> None:
        from hearth.care.lifecycle import on_care_ended, on_care_started, on_review_held
        from hearth.cases.chronology import register_provider
        from hearth.people.record_tabs import RecordTab, register_tab
        from hearth.permanence import services
        from hearth.permanence.chronology import permanence_events

        register_tab(RecordTab("permanence", "Permanence", "permanence:child_permanence", 69,
                               children_only=True))
        on_care_started(services.open_plan_clock)
        on_review_held(services.on_review_held)
        on_care_ended(services.close_plan_clock)
        register_provider(permanence_events)
