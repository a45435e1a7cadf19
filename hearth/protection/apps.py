from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "hearth.protection"
    label = "protection"
    verbose_name = "Child protection: strategy, section 47, conferences, plans and core groups"
