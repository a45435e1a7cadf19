"""API routes for assessments, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.assessments import api_views as views

CHILD = "people/<uuid:person_uuid>/assessments/"

urlpatterns = [
    path(CHILD, views.AssessmentsView.as_view(), name="child_assessments"),
    path(f"{CHILD}<int:assessment_id>/", views.AssessmentView.as_view(),
         name="child_assessment"),
    path(f"{CHILD}<int:assessment_id>/authorisation/",
         views.AssessmentAuthorisationView.as_view(), name="authorise_assessment"),
    path(f"{CHILD}<int:assessment_id>/contributions/",
         views.AssessmentContributionsView.as_view(), name="assessment_contributions"),
]
