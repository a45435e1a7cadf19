from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "hearth.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door: contacts, MASH decisions and referrals"

    def ready(self) -> None:
        from hearth.cases.chronology import register_provider
        from hearth.frontdoor.chronology import front_door_events
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("front_door", "Front door", "frontdoor:child_front_door", 50,
                               children_only=True))
        register_provider(front_door_events)
