from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hearth.accounts"
    label = "accounts"
    verbose_name = "Staff, teams and roles"

    def ready(self) -> None:
        from hearth.accounts import signals  # noqa: F401 - sign-in auditing
