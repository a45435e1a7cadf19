from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "hearth.cases"
    label = "cases"
    verbose_name = "Case spine: allocation and chronology"
