from django.urls import path

from hearth.dataquality import views

app_name = "dataquality"
urlpatterns = [
    path("", views.worklist_view, name="worklist"),
    path("child/<uuid:person_uuid>/", views.child_issues_view, name="child_issues"),
    path("issues/<int:issue_id>/explain/", views.explain_query_view, name="explain_query"),
    path("run/", views.run_view, name="run"),
    path("runs/", views.runs_view, name="runs"),
]
