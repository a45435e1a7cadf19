"""API routes for missing episodes, included under /api/v1/ in the api namespace."""

from django.urls import path

from hearth.missing import api_views as views

CHILD = "people/<uuid:person_uuid>/"
EPISODES = f"{CHILD}missing-episodes/"
EPISODE = f"{EPISODES}<int:missing_episode_id>/"

urlpatterns = [
    path("missing-report/", views.MissingReportView.as_view(), name="missing_report"),
    path(EPISODES, views.MissingEpisodesView.as_view(), name="child_missing_episodes"),
    path(EPISODE, views.MissingEpisodeView.as_view(), name="missing_episode"),
    path(f"{EPISODE}return/", views.MissingEpisodeReturnView.as_view(),
         name="missing_episode_return"),
    path(f"{EPISODE}interview-offers/", views.InterviewOffersView.as_view(),
         name="missing_episode_interview_offers"),
    path(f"{EPISODE}interview/", views.ReturnInterviewView.as_view(),
         name="missing_episode_interview"),
    path(f"{CHILD}police-notifications/", views.PoliceNotificationsView.as_view(),
         name="police_notifications"),
]
