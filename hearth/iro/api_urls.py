"""API routes for IRO challenges, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.iro import api_views as views

CHILD = "people/<uuid:person_uuid>/iro-challenges/"

urlpatterns = [
    path(CHILD, views.ChallengesView.as_view(), name="child_iro_challenges"),
    path(f"{CHILD}<int:challenge_id>/respond/", views.ChallengeRespondView.as_view(),
         name="respond_to_iro_challenge"),
    path(f"{CHILD}<int:challenge_id>/escalate/", views.ChallengeEscalateView.as_view(),
         name="escalate_iro_challenge"),
    path(f"{CHILD}<int:challenge_id>/resolve/", views.ChallengeResolveView.as_view(),
         name="resolve_iro_challenge"),
]
