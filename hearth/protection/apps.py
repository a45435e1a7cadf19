from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "hearth.protection"
    label = "protection"
    verbose_name = "Child protection: strategy, section 47, conferences, plans and core groups"

    def ready(self) -> None:
        from hearth.cases.chronology import register_provider
        from hearth.frontdoor.episodes import register_activity_check, register_closure_check
        from hearth.people.record_tabs import RecordTab, register_tab
        from hearth.protection.chronology import child_protection_events

        register_tab(RecordTab("protection", "Child protection", "protection:child_protection",
                               60, children_only=True))
        register_provider(child_protection_events)
        register_closure_check(_open_protection_work)
        register_activity_check(_protection_activity)


def _open_protection_work(referral, closed_on):
    from hearth.protection.selectors import open_work_on_referral

    return open_work_on_referral(referral)


def _protection_activity(referral):
    if referral.cp_plans.exists():
        return "a child protection plan"
    if referral.section47_enquiries.exists():
        return "a section 47 enquiry"
    return None
