from django.urls import path

from hearth.protection import (
    conference_views,
    plan_views,
    record_views,
    report_views,
    strategy_views,
)

app_name = "protection"
urlpatterns = [
    path("plans/", report_views.plan_durations_view, name="plan_durations"),
    path("partner-attendance/", report_views.partner_attendance_view,
         name="partner_attendance"),
    path("<uuid:person_uuid>/", record_views.child_protection_view, name="child_protection"),
    path("<uuid:person_uuid>/strategy-discussions/add/",
         strategy_views.add_strategy_discussion_view, name="add_strategy_discussion"),
    path("<uuid:person_uuid>/section-47/outcome/", strategy_views.record_section47_outcome_view,
         name="record_section47_outcome"),
    path("<uuid:person_uuid>/initial-conference/add/",
         conference_views.record_initial_conference_view, name="record_initial_conference"),
    path("<uuid:person_uuid>/review-conferences/add/",
         conference_views.record_review_conference_view, name="record_review_conference"),
    path("<uuid:person_uuid>/core-groups/add/", plan_views.record_core_group_view,
         name="record_core_group"),
    path("<uuid:person_uuid>/visits/add/", plan_views.record_cp_visit_view,
         name="record_cp_visit"),
    path("<uuid:person_uuid>/plan/end/", plan_views.end_cp_plan_view, name="end_cp_plan"),
]
