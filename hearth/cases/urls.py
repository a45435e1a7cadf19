from django.urls import path

from hearth.cases import record_views, views

app_name = "cases"
urlpatterns = [
    path("", views.teams_view, name="teams"),
    path("<int:team_id>/", views.team_caseload_view, name="team_caseload"),
    path("transfers/", views.transfers_view, name="transfers"),
    path("allocate/<uuid:person_uuid>/", views.allocate_child_view, name="allocate_child"),
    path("child/<uuid:person_uuid>/tasks/", record_views.child_tasks_view, name="child_tasks"),
    path("child/<uuid:person_uuid>/case-notes/", record_views.child_case_notes_view,
         name="child_case_notes"),
    path("child/<uuid:person_uuid>/case-notes/add/", record_views.add_case_note_view,
         name="add_case_note"),
    path("chronology/<uuid:person_uuid>/add/", views.add_chronology_entry_view,
         name="add_chronology_entry"),
]
