from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "hearth.cases"
    label = "cases"
    verbose_name = "Case spine: allocation, tasks, case notes and chronology"

    def ready(self) -> None:
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("tasks", "Tasks", "cases:child_tasks", 40, children_only=True))
        register_tab(RecordTab("notes", "Case notes", "cases:child_case_notes", 80,
                               permission="cases.view_case_notes", children_only=True))
