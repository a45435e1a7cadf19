from django.apps import AppConfig


class CinConfig(AppConfig):
    name = "hearth.cin"
    label = "cin"
    verbose_name = "Child in need plans"

    def ready(self) -> None:
        from hearth.cases.chronology import register_provider
        from hearth.cin.chronology import cin_plan_events
        from hearth.cin.selectors import episode_closure_problem
        from hearth.frontdoor.episodes import register_activity_check, register_closure_check
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("cin", "Child in need", "cin:child_cin_plans", 65,
                               children_only=True))
        register_provider(cin_plan_events)
        register_closure_check(episode_closure_problem)
        register_activity_check(_cin_plan_activity)


def _cin_plan_activity(referral):
    from hearth.cin.models import CinPlan

    return "a child in need plan" if CinPlan.objects.filter(referral=referral).exists() else None
