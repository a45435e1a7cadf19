from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "hearth.drafts"
    verbose_name = "Drafts of forms being typed"
