from django.apps import AppConfig


class CinConfig(AppConfig):
    name = "hearth.cin"
    label = "cin"
    verbose_name = "Child in need plans"
