from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "hearth.assessments"
    label = "assessments"
    verbose_name = "Child and family assessments"

    def ready(self) -> None:
        from hearth.assessments.chronology import assessment_events
        from hearth.assessments.selectors import episode_closure_problem, referral_has_assessment
        from hearth.cases.chronology import register_provider
        from hearth.frontdoor.episodes import register_assessment_check, register_closure_check
        from hearth.people.record_tabs import RecordTab, register_tab

        register_tab(RecordTab("assessments", "Assessments", "assessments:child_assessments", 55,
                               children_only=True))
        register_provider(assessment_events)
        register_assessment_check(referral_has_assessment)
        register_closure_check(episode_closure_problem)
