from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "hearth.governance"
    label = "governance"
    verbose_name = "Committee work, the improvement plan and self-evaluation"

    def ready(self) -> None:
        from hearth.cases.work_sources import register_work_source
        from hearth.governance.work import tracker_work

        register_work_source(tracker_work)
