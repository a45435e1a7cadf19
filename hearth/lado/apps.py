from django.apps import AppConfig


class LadoConfig(AppConfig):
    """Allegations against people who work with children (the LADO's confidential area).

    It registers no record tab and no chronology provider on purpose: nothing about an
    allegation shows on a child's record or chronology. Only the LADO officer's own My work
    hears about it, through the work registry.
    """

    name = "hearth.lado"
    label = "lado"
    verbose_name = "Allegations against people who work with children (LADO)"

    def ready(self) -> None:
        from hearth.cases.work_sources import register_work_source
        from hearth.lado.work import lado_work

        register_work_source(lado_work)
