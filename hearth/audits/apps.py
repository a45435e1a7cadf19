from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "hearth.audits"
    label = "audits"
    verbose_name = "Case file audits and quality assurance"

    def ready(self) -> None:
        from hearth.audits.work import audit_action_work
        from hearth.cases.work_sources import register_work_source
        from hearth.people.record_tabs import RecordTab, register_tab

        register_work_source(audit_action_work)
        register_tab(RecordTab("audits", "Case audits", "audits:child_audits", 87,
                               permission="audits.view_audits", children_only=True))
