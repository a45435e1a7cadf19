from django.apps import AppConfig


class WorkingdaysConfig(AppConfig):
    name = "hearth.workingdays"
    label = "workingdays"
    verbose_name = "Working days: bank holidays and local closure days"
