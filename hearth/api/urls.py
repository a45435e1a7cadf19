"""The REST API, at /api/v1/. People are always addressed by uuid, never by database id."""

from django.urls import include, path

from hearth.api import cases_views, people_views, section_views, task_views, token_views

app_name = "api"
urlpatterns = [
    path("token/", token_views.ObtainTokenView.as_view(), name="token"),
    path("people/", people_views.PeopleView.as_view(), name="people"),
    path("people/<uuid:person_uuid>/", people_views.PersonView.as_view(), name="person"),
    path("people/<uuid:person_uuid>/addresses/", section_views.AddressesView.as_view(),
         name="person_addresses"),
    path("people/<uuid:person_uuid>/relationships/", section_views.RelationshipsView.as_view(),
         name="person_relationships"),
    path("people/<uuid:person_uuid>/warnings/", section_views.WarningsView.as_view(),
         name="person_warnings"),
    path("people/<uuid:person_uuid>/allocation/", section_views.AllocationView.as_view(),
         name="allocate_person"),
    path("teams/", cases_views.TeamsView.as_view(), name="teams"),
    path("teams/<int:team_id>/caseload/", cases_views.TeamCaseloadView.as_view(),
         name="team_caseload"),
    path("tasks/", task_views.TasksView.as_view(), name="tasks"),
    # Each casework app serves its own records' endpoints.
    path("", include("hearth.frontdoor.api_urls")),
    path("", include("hearth.assessments.api_urls")),
    path("", include("hearth.protection.api_urls")),
    path("", include("hearth.cin.api_urls")),
    path("", include("hearth.care.api_urls")),
    path("", include("hearth.missing.api_urls")),
    path("", include("hearth.leaving_care.api_urls")),
    path("", include("hearth.iro.api_urls")),
    path("", include("hearth.fostering.api_urls")),
    path("", include("hearth.court.api_urls")),
    path("", include("hearth.health_education.api_urls")),
    path("", include("hearth.permanence.api_urls")),
]
