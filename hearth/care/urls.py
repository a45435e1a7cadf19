from django.urls import path

from hearth.care import views

app_name = "care"
CHILD = "child/<uuid:person_uuid>/"
PERIOD = f"{CHILD}periods/<int:care_period_id>/"
urlpatterns = [
    path(CHILD, views.child_care_view, name="child_care"),
    path(f"{CHILD}start/", views.start_care_view, name="start_care"),
    path(f"{CHILD}deprivation-of-liberty/", views.dolo_view, name="dolo"),
    path(f"{PERIOD}change/", views.change_episode_view, name="change_episode"),
    path(f"{PERIOD}end/", views.end_care_view, name="end_care"),
    path(f"{PERIOD}iro/", views.allocate_iro_view, name="allocate_iro"),
    path(f"{PERIOD}review/", views.record_review_view, name="record_review"),
    path(f"{PERIOD}visit/", views.record_visit_view, name="record_visit"),
    path(f"{CHILD}episodes/<int:care_episode_id>/sign-off/", views.sign_off_placement_view,
         name="sign_off_placement"),
    path("placements-for-sign-off/", views.placement_sign_offs_view,
         name="placement_sign_offs"),
    path("iro-caseload/", views.iro_caseload_view, name="iro_caseload"),
]
