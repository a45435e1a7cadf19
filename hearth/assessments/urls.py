from django.urls import path

from hearth.assessments import assessment_views as views

app_name = "assessments"
urlpatterns = [
    path("child/<uuid:person_uuid>/", views.child_assessments_view, name="child_assessments"),
    path("child/<uuid:person_uuid>/start/", views.start_assessment_view,
         name="start_assessment"),
    path("child/<uuid:person_uuid>/<int:assessment_id>/", views.assessment_view,
         name="assessment"),
    path("child/<uuid:person_uuid>/<int:assessment_id>/edit/", views.edit_assessment_view,
         name="edit_assessment"),
    path("child/<uuid:person_uuid>/<int:assessment_id>/contributions/add/",
         views.add_contribution_view, name="add_contribution"),
    path("child/<uuid:person_uuid>/<int:assessment_id>/authorise/",
         views.authorise_assessment_view, name="authorise_assessment"),
]
