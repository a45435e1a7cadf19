"""API routes for child in need plans, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.cin import api_views as views

CHILD = "people/<uuid:person_uuid>/cin-plans/"

urlpatterns = [
    path(CHILD, views.CinPlansView.as_view(), name="child_cin_plans"),
    path(f"{CHILD}<int:plan_id>/reviews/", views.CinPlanReviewsView.as_view(),
         name="cin_plan_reviews"),
    path(f"{CHILD}<int:plan_id>/visits/", views.CinPlanVisitsView.as_view(),
         name="cin_plan_visits"),
    path(f"{CHILD}<int:plan_id>/end/", views.CinPlanEndView.as_view(), name="end_cin_plan"),
]
