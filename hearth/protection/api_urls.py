"""API routes for protection, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.protection import api_views as v

CHILD = "people/<uuid:person_uuid>"
urlpatterns = [
    path(f"{CHILD}/strategy-discussions/", v.StrategyDiscussionsView.as_view(),
         name="cp_strategy_discussions"),
    path(f"{CHILD}/strategy-discussions/<int:discussion_id>/",
         v.StrategyDiscussionView.as_view(), name="cp_strategy_discussion"),
    path(f"{CHILD}/section-47-enquiries/", v.Section47EnquiriesView.as_view(),
         name="cp_section47_enquiries"),
    path(f"{CHILD}/section-47-enquiries/<int:enquiry_id>/", v.Section47EnquiryView.as_view(),
         name="cp_section47_enquiry"),
    path(f"{CHILD}/cp-conferences/", v.ConferencesView.as_view(), name="cp_conferences"),
    path(f"{CHILD}/cp-conferences/<int:conference_id>/", v.ConferenceView.as_view(),
         name="cp_conference"),
    path(f"{CHILD}/cp-plans/", v.PlansView.as_view(), name="cp_plans"),
    path(f"{CHILD}/cp-plans/<int:plan_id>/", v.PlanView.as_view(), name="cp_plan"),
    path(f"{CHILD}/cp-core-groups/", v.CoreGroupsView.as_view(), name="cp_core_groups"),
    path(f"{CHILD}/cp-core-groups/<int:core_group_id>/", v.CoreGroupView.as_view(),
         name="cp_core_group"),
    path(f"{CHILD}/cp-visits/", v.VisitsView.as_view(), name="cp_visits"),
]
