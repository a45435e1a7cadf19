from django.apps import AppConfig


class DataQualityConfig(AppConfig):
    name = "hearth.dataquality"
    label = "dataquality"
    verbose_name = "Data quality"

    def ready(self) -> None:
        from hearth.cases.work_sources import register_work_source
        from hearth.dataquality import checks
        from hearth.dataquality.cin_check import cin_census_check
        from hearth.dataquality.ssda903_check import ssda903_check
        from hearth.dataquality.work import data_quality_work
        from hearth.people.record_tabs import RecordTab, register_tab

        checks.register("cin", "Children in need census", cin_census_check)
        checks.register("903", "SSDA903 children looked after return", ssda903_check)
        register_work_source(data_quality_work)
        register_tab(RecordTab("dataquality", "Data quality", "dataquality:child_issues", 88,
                               permission="dataquality.view_team_issues", children_only=True))
