from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "hearth.workforce"
    label = "workforce"
    verbose_name = "Workforce and supervision"

    def ready(self) -> None:
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("supervision", "Case supervision", "workforce:child_supervision",
                               85, permission="cases.view_case_notes", children_only=True))
