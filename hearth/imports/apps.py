from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "hearth.imports"
    label = "imports"
    verbose_name = "Imports: case histories from a previous system"
