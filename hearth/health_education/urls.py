from django.urls import path

from hearth.health_education import views

app_name = "health_education"
CHILD = "child/<uuid:person_uuid>/"
urlpatterns = [
    path(CHILD, views.child_health_education_view, name="child_health_education"),
    path(f"{CHILD}health-check/", views.record_health_check_view, name="record_health_check"),
    path(f"{CHILD}immunisations/", views.record_immunisations_view,
         name="record_immunisations"),
    path(f"{CHILD}sdq/", views.record_sdq_view, name="record_sdq"),
    path(f"{CHILD}pep/", views.record_pep_view, name="record_pep"),
    path(f"{CHILD}education-contact/", views.record_education_contact_view,
         name="record_education_contact"),
]
