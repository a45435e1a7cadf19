"""API routes for children in care, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.care import api_views as views

CHILD = "people/<uuid:person_uuid>/care-periods/"
PERIOD = f"{CHILD}<int:care_period_id>/"

urlpatterns = [
    path(CHILD, views.CarePeriodsView.as_view(), name="child_care_periods"),
    path(f"{PERIOD}episodes/", views.EpisodeChangeView.as_view(), name="care_episodes"),
    path(f"{PERIOD}end/", views.CareEndView.as_view(), name="end_care"),
    path(f"{PERIOD}iro/", views.AllocateIroView.as_view(), name="allocate_iro"),
    path(f"{PERIOD}reviews/", views.CareReviewsView.as_view(), name="cla_reviews"),
]
