from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "hearth.complaints"
    label = "complaints"
    verbose_name = "Complaints, compliments and comments"

    def ready(self) -> None:
        from hearth.cases.work_sources import register_work_source
        from hearth.complaints.work import complaint_work
        from hearth.people.record_tabs import RecordTab, register_tab

        register_work_source(complaint_work)
        register_tab(RecordTab("complaints", "Complaints", "complaints:child_complaints", 80,
                               permission="complaints.view_complaints", children_only=True))
