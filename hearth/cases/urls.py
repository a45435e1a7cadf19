from django.urls import path

from hearth.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.teams_view, name="teams"),
    path("<int:team_id>/", views.team_caseload_view, name="team_caseload"),
    path("allocate/<uuid:person_uuid>/", views.allocate_child_view, name="allocate_child"),
    path("chronology/<uuid:person_uuid>/add/", views.add_chronology_entry_view,
         name="add_chronology_entry"),
]
