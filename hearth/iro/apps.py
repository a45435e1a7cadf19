from django.apps import AppConfig


class IroConfig(AppConfig):
    name = "hearth.iro"
    label = "iro"
    verbose_name = "IRO challenges (dispute resolution)"

    def ready(self) -> None:
        from hearth.cases.chronology import register_provider
        from hearth.iro.chronology import challenge_events
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("iro", "IRO challenges", "iro:child_challenges", 70,
                               children_only=True))
        register_provider(challenge_events)
