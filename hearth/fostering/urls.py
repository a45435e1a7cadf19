from django.urls import path

from hearth.fostering import child_views, household_views, provider_views, work_views

app_name = "fostering"
HOUSEHOLD = "households/<int:household_id>/"
PROVIDER = "providers/<int:provider_id>/"
H = household_views

urlpatterns = [
    path("households/", H.household_list_view, name="households"),
    path("households/add/", H.record_enquiry_view, name="record_enquiry"),
    path(HOUSEHOLD, H.household_view, name="household"),
    path(f"{HOUSEHOLD}supervising-social-worker/", H.allocate_worker_view,
         name="allocate_supervising_social_worker"),
    path(f"{HOUSEHOLD}initial-visit/", H.record_initial_visit_view,
         name="record_initial_visit"),
    path(f"{HOUSEHOLD}assessment/", H.start_assessment_view, name="start_assessment"),
    path(f"{HOUSEHOLD}temporary-approval/", H.grant_temporary_approval_view,
         name="grant_temporary_approval"),
    path(f"{HOUSEHOLD}temporary-approval/extend/", H.extend_temporary_approval_view,
         name="extend_temporary_approval"),
    path(f"{HOUSEHOLD}panel/", H.record_panel_view, name="record_panel_recommendation"),
    path(f"{HOUSEHOLD}decision/", H.record_adm_decision_view, name="record_adm_decision"),
    path(f"{HOUSEHOLD}reviews/add/", H.record_review_view, name="record_review"),
    path(f"{HOUSEHOLD}status/", H.change_status_view, name="change_household_status"),
    path("work/", work_views.fostering_work_view, name="fostering_work"),
    path("find-a-carer/", work_views.find_a_carer_view, name="find_a_carer"),
    path("providers/", provider_views.provider_register_view, name="provider_register"),
    path("providers/add/", provider_views.add_provider_view, name="add_provider"),
    path(PROVIDER, provider_views.provider_view, name="provider"),
    path(f"{PROVIDER}edit/", provider_views.edit_provider_view, name="edit_provider"),
    path("child/<uuid:person_uuid>/", child_views.child_fostering_view,
         name="child_fostering"),
    path("child/<uuid:person_uuid>/placement/", child_views.link_placement_view,
         name="link_placement"),
]
