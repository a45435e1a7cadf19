from django.urls import path

from hearth.audits import views

app_name = "audits"
AUDIT = "<int:audit_id>/"
urlpatterns = [
    path("", views.audits_view, name="audits"),
    path("new/", views.start_audit_view, name="start_audit"),
    path("child/<uuid:person_uuid>/", views.child_audits_view, name="child_audits"),
    path(AUDIT, views.audit_view, name="audit"),
    path(f"{AUDIT}record/", views.record_audit_view, name="record_audit"),
    path(f"{AUDIT}close/", views.close_audit_view, name="close_audit"),
    path(f"{AUDIT}actions/new/", views.add_action_view, name="add_action"),
    path(f"{AUDIT}actions/<int:action_id>/cancel/", views.cancel_action_view,
         name="cancel_action"),
    path("actions/", views.actions_view, name="actions"),
    path("actions/<int:action_id>/done/", views.finish_action_view, name="finish_action"),
    path("programmes/", views.programmes_view, name="programmes"),
    path("programmes/new/", views.add_programme_view, name="add_programme"),
    path("programmes/<int:programme_id>/", views.programme_view, name="programme"),
    path("programmes/<int:programme_id>/edit/", views.edit_programme_view,
         name="edit_programme"),
    path("tools/", views.tools_view, name="tools"),
    path("tools/new/", views.add_tool_version_view, name="add_tool_version"),
    path("tools/versions/<int:version_id>/", views.tool_version_view, name="tool_version"),
    path("report/", views.report_view, name="report"),
    path("deep-dives/", views.deep_dives_view, name="deep_dives"),
    path("deep-dives/new/", views.add_deep_dive_view, name="add_deep_dive"),
]
