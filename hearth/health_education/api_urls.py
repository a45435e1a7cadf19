"""API routes for a looked-after child's health and education, under /api/v1/ in the api
namespace. Writes go to the child's current period of care."""

from django.urls import path

from hearth.health_education import api_views as views

CHILD = "people/<uuid:person_uuid>/health-education/"

urlpatterns = [
    path(CHILD, views.HealthEducationView.as_view(), name="child_health_education"),
    path(f"{CHILD}health-checks/", views.HealthChecksView.as_view(), name="health_checks"),
    path(f"{CHILD}immunisations/", views.ImmunisationsView.as_view(), name="immunisations"),
    path(f"{CHILD}sdqs/", views.SdqsView.as_view(), name="sdqs"),
    path(f"{CHILD}peps/", views.PepsView.as_view(), name="peps"),
    path(f"{CHILD}education-contacts/", views.EducationContactsView.as_view(),
         name="education_contacts"),
]
