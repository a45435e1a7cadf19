from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "hearth.complaints"
    label = "complaints"
    verbose_name = "Complaints, compliments and comments"

    def ready(self) -> None:
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("complaints", "Complaints", "complaints:child_complaints", 80,
                               permission="complaints.view_complaints", children_only=True))
