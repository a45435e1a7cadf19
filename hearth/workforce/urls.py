from django.urls import path

from hearth.workforce import supervision_views, workforce_views

app_name = "workforce"
POST = "posts/<int:post_id>/"
CHILD = "child/<uuid:person_uuid>/"
urlpatterns = [
    path("", workforce_views.workforce_view, name="workforce"),
    path("teams/<int:team_id>/", workforce_views.team_view, name="team"),
    path("posts/add/", workforce_views.add_post_view, name="add_post"),
    path(POST, workforce_views.post_view, name="post"),
    path(f"{POST}holder/", workforce_views.add_holder_view, name="add_holder"),
    path(f"{POST}leaver/", workforce_views.record_leaver_view, name="record_leaver"),
    path(f"{POST}asye/", workforce_views.asye_start_view, name="start_asye"),
    path("asye/<int:asye_id>/outcome/", workforce_views.asye_outcome_view,
         name="asye_outcome"),
    path("starters-and-leavers/", workforce_views.movements_view, name="movements"),
    path("staff/<int:user_id>/supervision/", supervision_views.staff_supervision_view,
         name="staff_supervision"),
    path(f"{CHILD}supervision/", supervision_views.child_supervision_view,
         name="child_supervision"),
    path(f"{CHILD}supervision/add/", supervision_views.add_case_supervision_view,
         name="add_case_supervision"),
    path("supervision/", supervision_views.timeliness_view, name="supervision_report"),
    path("supervision/frequencies/", supervision_views.standards_view,
         name="supervision_standards"),
]
